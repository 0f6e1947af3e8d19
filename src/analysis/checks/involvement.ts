import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const involvement: Check = {
  id: 'involvement',
  run() {},
};
