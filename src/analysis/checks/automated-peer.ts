import type { Check } from '../context';

// PLACEHOLDER: being written; does nothing yet.
export const automatedPeer: Check = {
  id: 'automated-peer',
  run() {},
};
