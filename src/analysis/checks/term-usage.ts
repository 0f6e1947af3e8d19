import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const termUsage: Check = {
  id: 'term-usage',
  run() {},
};
