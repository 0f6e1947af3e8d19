/**
 * A reader's own lens runs through the same analysis as the built-in one: a co-production lens on
 * a small paper finds every spelling of the term, separates its senses, and reports the missing
 * definition — while a defined term gets no gap.
 */
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../src/analysis/engine';
import { parseLensesJson } from '../../src/analysis/lens-validate';
import { makePaper } from '../analysis/make-paper';
import { coProductionLens } from './co-production-lens';
import { exportJson } from '../../src/options/lens-edit';

const paper = makePaper(
  [
    { kind: 'heading', text: 'Co-producing a digital mental health service: a participatory evaluation', role: 'title' },
    { text: 'This study was co-produced with people who use mental health services. We used participatory methods throughout.', section: 'Abstract', role: 'abstract' },
    {
      text: 'Participatory research is defined as research in which the people affected by an issue take part in every stage of it. Coproduction has become an expectation of funders.',
      section: 'Introduction',
      role: 'introduction',
    },
    {
      text: 'The app was co-produced with service users in six workshops. Co-production of the evaluation involved two peer researchers. The participatory design sessions were audio recorded.',
      section: 'Methods',
      role: 'methods',
    },
    { text: 'Co production of care remained rare in the wider service.', section: 'Discussion', role: 'discussion' },
    { kind: 'reference', text: 'Smith J. Co-production in mental health research: a review. J Ment Health. 2019;28:1-8.', section: 'References', role: 'references' },
  ],
  { title: 'Co-producing a digital mental health service', year: 2024 },
);

describe('matching with a custom lens', () => {
  const critique = analysePaper(paper, { lenses: [coProductionLens()] });
  const report = (term: string) => critique.terms.find((t) => t.lens === 'co-production' && t.term === term)!;

  it('reports only the lenses the reader chose, by name', () => {
    expect(critique.lenses).toEqual([{ id: 'co-production', name: 'Co-production' }]);
    expect(critique.terms.map((t) => t.term).sort()).toEqual(['co-production', 'participatory']);
  });

  it('counts every spelling of co-production: hyphenated, closed up, spaced, inflected', () => {
    const inText = report('co-production').occurrences.filter((o) => !o.inReference).map((o) => o.match.toLowerCase());
    expect(inText).toEqual(['co-producing', 'co-produced', 'coproduction', 'co-produced', 'co-production', 'co production']);
    expect(report('co-production').occurrences.filter((o) => o.inReference)).toHaveLength(1);
  });

  it('counts participatory and tells the senses of co-production apart by their cues', () => {
    expect(report('participatory').occurrences.filter((o) => !o.inReference)).toHaveLength(4);
    const senses = report('co-production').senses;
    expect(senses.research).toBeGreaterThanOrEqual(2);
    expect(senses.services).toBeGreaterThanOrEqual(1);
  });

  it('finds the definition of participatory and flags co-production as never defined', () => {
    expect(report('participatory').definitions.length).toBeGreaterThan(0);
    const gaps = critique.findings.filter((f) => f.kind === 'definition-gap');
    expect(gaps.map((f) => f.term)).toContain('co-production');
    expect(gaps.map((f) => f.term)).not.toContain('participatory');
    expect(gaps.find((f) => f.term === 'co-production')!.lens).toBe('co-production');
  });

  it('finds the same when the lens arrives as an exported file (share with colleagues)', () => {
    const parsed = parseLensesJson(exportJson([coProductionLens()]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = analysePaper(paper, { lenses: parsed.lenses });
    expect(again.terms).toEqual(critique.terms);
  });
});
