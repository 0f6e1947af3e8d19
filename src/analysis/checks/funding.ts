import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const funding: Check = {
  id: 'funding',
  run() {},
};
