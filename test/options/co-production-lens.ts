/** A reader's own lens, as a reviewer of co-production research would write it. */
import type { Lens } from '../../src/analysis/lens';

export function coProductionLens(): Lens {
  return {
    id: 'co-production',
    name: 'Co-production',
    description: 'How co-production and participation are claimed and defined',
    terms: [
      {
        id: 'co-production',
        label: 'co-production',
        // "co-produc*" also matches "coproduced", "co produced" (hyphen, space or none are alike).
        variants: ['co-produc*'],
        expectDefinition: true,
        senses: [
          { id: 'research', label: 'research co-production', cues: ['research', 'study', 'studies', 'evaluation'], core: true },
          { id: 'services', label: 'service co-production', cues: ['service*', 'care', 'delivery'] },
        ],
      },
      {
        id: 'participatory',
        label: 'participatory',
        variants: ['participatory'],
        expectDefinition: true,
      },
    ],
  };
}
