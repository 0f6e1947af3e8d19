import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const populationMismatch: Check = {
  id: 'population-mismatch',
  run() {},
};
