import { describe, expect, it } from 'vitest';
import { parseLensesJson } from '../../src/analysis/lens-validate';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';

const coProduction = {
  id: 'co-production',
  name: 'Co-production',
  terms: [{ id: 'co-production', label: 'co-production', variants: ['co-production', 'coproduced', 'participatory'], expectDefinition: true }],
};

describe('lens validation', () => {
  it('accepts one lens, a list, or the export shape', () => {
    for (const text of [JSON.stringify(coProduction), JSON.stringify([coProduction]), JSON.stringify({ lenses: [coProduction] })]) {
      const r = parseLensesJson(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.lenses[0]!.terms[0]!.variants).toEqual(['co-production', 'coproduced', 'participatory']);
    }
  });

  it('round-trips the built-in lens', () => {
    const r = parseLensesJson(JSON.stringify({ lenses: DEFAULT_LENSES }));
    expect(r).toMatchObject({ ok: true });
  });

  it('says precisely what is wrong and accepts nothing', () => {
    expect(parseLensesJson('{"id": ')).toEqual({ ok: false, errors: [expect.stringMatching(/^not valid JSON/)] });
    const bad = { ...coProduction, terms: [{ id: 'Bad Id', label: '', variants: [], expectDefinition: 'yes' }] };
    const r = parseLensesJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('lenses[0].terms[0].id: must be lower-case letters, digits and hyphens (e.g. "co-production"), got "Bad Id"');
    expect(r.errors.some((e) => e.startsWith('lenses[0].terms[0].label:'))).toBe(true);
    expect(r.errors).toContain('lenses[0].terms[0].variants: must be a non-empty list of words or phrases');
    expect(r.errors).toContain('lenses[0].terms[0].expectDefinition: must be true or false');
  });

  it('rejects duplicate lens ids', () => {
    const r = parseLensesJson(JSON.stringify([coProduction, coProduction]));
    expect(r).toEqual({ ok: false, errors: ['lenses[1].id: "co-production" is used by another lens'] });
  });
});
