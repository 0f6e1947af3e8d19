import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const referenceDates: Check = {
  id: 'reference-dates',
  run() {},
};
