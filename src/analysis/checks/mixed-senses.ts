import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const mixedSenses: Check = {
  id: 'mixed-senses',
  run() {},
};
