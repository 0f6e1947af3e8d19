import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const searchDates: Check = {
  id: 'search-dates',
  run() {},
};
