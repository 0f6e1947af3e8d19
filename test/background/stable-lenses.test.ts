/** The background's reuse of compiled lenses between messages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { StableLenses } from '../../src/background/stable-lenses';

describe('StableLenses', () => {
  it('hands back the same lens objects while the lenses are unchanged, new ones after an edit', () => {
    const stable = new StableLenses();
    const first = stable.get(structuredClone(DEFAULT_LENSES));
    expect(stable.get(structuredClone(DEFAULT_LENSES))).toBe(first);
    const edited = structuredClone(DEFAULT_LENSES);
    edited[0]!.terms[0]!.variants.push('mutual aid');
    const next = stable.get(edited);
    expect(next).toBe(edited);
    expect(next).not.toBe(first);
  });
});
