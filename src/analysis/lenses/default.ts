import type { Lens } from '../lens';

// PLACEHOLDER: the built-in "digital peer support" lens is being written.
export const DIGITAL_PEER_SUPPORT_LENS: Lens = { id: 'digital-peer-support', name: 'Digital peer support', terms: [], builtIn: true };
export const DEFAULT_LENSES: Lens[] = [DIGITAL_PEER_SUPPORT_LENS];
