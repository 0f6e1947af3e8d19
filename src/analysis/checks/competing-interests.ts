import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const competingInterests: Check = {
  id: 'competing-interests',
  run() {},
};
