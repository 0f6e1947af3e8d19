import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const positionality: Check = {
  id: 'positionality',
  run() {},
};
