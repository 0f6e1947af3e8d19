/** The background's engine warm-up and its reuse of compiled lenses between messages. */
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../src/analysis/engine';
import type { Lens } from '../../src/analysis/lens';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { StableLenses, warmUpEngine, warmUpPaper } from '../../src/background/warm-up';

describe('engine warm-up', () => {
  it('uses every term of the active lenses, so their matchers are compiled before the first real paper', () => {
    const lenses = structuredClone(DEFAULT_LENSES);
    const critique = analysePaper(warmUpPaper(lenses), { lenses });
    const used = new Set(critique.terms.filter((t) => t.count > 0).map((t) => `${t.lens}:${t.term}`));
    const all = lenses.flatMap((l) => l.terms.map((t) => `${l.id}:${t.id}`));
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((k) => !used.has(k))).toEqual([]);
    // It also reaches the date and statement checks.
    expect(critique.references.count).toBeGreaterThan(0);
    expect(critique.statements.funding.found).toBe(true);
  });

  it('never throws, even with a lens the engine rejects', () => {
    const broken = { id: 'broken', name: 'Broken', terms: [{ id: 'x', label: 'x', variants: [null], expectDefinition: true }] } as unknown as Lens;
    expect(() => warmUpEngine([broken])).not.toThrow();
  });
});

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
