import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const definitions: Check = {
  id: 'definitions',
  run() {},
};
