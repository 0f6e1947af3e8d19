import { describe, expect, it } from 'vitest';
import { referenceDates, yearStats } from '../../src/analysis/checks/reference-dates';
import type { AnalysisContext } from '../../src/analysis/context';
import type { Critique } from '../../src/analysis/critique';
import { emptyCritique } from '../../src/analysis/engine';
import type { Block, BlockKind, Paper } from '../../src/analysis/model';
import { paperSentences } from '../../src/analysis/text';

function block(id: number, kind: BlockKind, text: string, extra: Partial<Block> = {}): Block {
  return { id, kind, text, sectionPath: [], role: kind === 'reference' ? 'references' : 'results', anchor: { type: 'dom', path: String(id) }, ...extra };
}

function run(blocks: Omit<Block, 'id'>[], year: number | null = 2022): Critique {
  const paper: Paper = {
    metadata: { title: 'T', authors: [], journal: null, published: year ? String(year) : null, year, doi: null, pdfUrl: null, url: null },
    blocks: blocks.map((b, id) => ({ ...b, id })),
    source: 'html',
    warnings: [],
  };
  const critique = emptyCritique(paper, []);
  const ctx: AnalysisContext = { paper, lenses: [], sentences: paperSentences(paper), critique, addFinding() {}, outOfTime: () => false, stoppedReading() {} };
  referenceDates.run(ctx);
  return critique;
}

const ref = (text: string, extra: Partial<Block> = {}) => block(0, 'reference', text, extra);

describe('yearStats', () => {
  it('counts, spreads and ages dated entries from the reference year', () => {
    const s = yearStats([2000, 2010, null, 2020, 2010], 2022);
    expect(s).toEqual({
      count: 5,
      withYear: 4,
      min: 2000,
      max: 2020,
      median: 2010,
      histogram: { '2000': 1, '2010': 2, '2020': 1 },
      shareOlderThan10Years: 0.75,
      referenceYear: 2022,
    });
  });

  it('recomputes ages from another year (the last search year) and handles no dates', () => {
    expect(yearStats([2000, 2010, 2015, 2020], 2020).shareOlderThan10Years).toBe(0.25);
    expect(yearStats([2000, 2011], 2020).median).toBe(2005.5);
    expect(yearStats([null, null], 2020)).toMatchObject({ withYear: 0, min: null, median: null, shareOlderThan10Years: null });
    expect(yearStats([2001], null).shareOlderThan10Years).toBeNull();
  });
});

describe('reference-dates check', () => {
  it('gives one year per entry and ignores DOI, URL and access-date digits', () => {
    const c = run([
      ref('Smith, J. (2019). Peer work. J Care, 1, 1–2. https://doi.org/10.1016/j.x.2005.01.001'),
      ref('NHS England. Peer support. https://www.england.nhs.uk/2012/05/peers/ Accessed 3 March 2023.'),
      ref('Jones K. The 2009 pandemic. Lancet. 2010;375:1100-8.'),
      ref('Brown, A. (n.d.). Toolkit. Retrieved from https://example.org'),
    ]);
    expect(c.references.entries.map((e) => e.year)).toEqual([2019, null, 2010, null]);
    expect(c.references).toMatchObject({ count: 4, withYear: 2, min: 2010, max: 2019, referenceYear: 2022, shareOlderThan10Years: 0.5 });
    expect(c.references.entries[0]!.anchor).toEqual({ blockId: 0, start: 0, end: c.references.entries[0]!.text.length });
    expect(c.includedStudies).toBeNull();
  });

  it('summarises asterisk-marked included studies separately', () => {
    const c = run([
      ref('*Smith, J. (2019). Peer work. J, 1, 1–2.', { included: true }),
      ref('*Lee, H. (2004a). Early peers. J, 2, 3.', { included: true }),
      ref('Jones, K. (1990). Background. J, 2, 3–4.', { included: false }),
    ]);
    expect(c.includedStudies).toMatchObject({ how: 'asterisk-marked', count: 2, min: 2004, max: 2019 });
    expect(c.references.entries.map((e) => e.included)).toEqual([true, true, false]);
  });

  it('recognises an included-studies list', () => {
    const c = run([ref('Smith J (2019) A. J 1:1', { included: true, list: 'Included studies', sectionPath: ['References', 'Included studies'] })]);
    expect(c.includedStudies).toMatchObject({ how: 'included-studies list', count: 1, min: 2019 });
  });

  it('reads included-study years from a table of included studies', () => {
    const c = run([
      block(0, 'caption', 'Table 2. Characteristics of included studies'),
      block(1, 'table', 'Study | Country | Design'),
      block(2, 'table', 'Smith et al. (2012) | UK | RCT'),
      block(3, 'table', 'Lee and Park (2018) | Korea | Cohort'),
      block(4, 'table', 'Garcia 2020 | Spain | RCT'),
    ]);
    expect(c.includedStudies).toMatchObject({ how: 'table of included studies', count: 3, min: 2012, max: 2020 });
  });

  it('reads a Year column under a Study/Author header even without a caption', () => {
    const c = run([block(0, 'table', 'Author | Year | N'), block(1, 'table', 'Smith | 2011 | 40'), block(2, 'table', 'Jones | 2015 | 2000')]);
    expect(c.includedStudies).toMatchObject({ how: 'table of included studies', count: 2, min: 2011, max: 2015 });
  });

  it('does not take an ordinary results table for a table of studies', () => {
    const c = run([block(0, 'caption', 'Table 3. Outcomes at follow-up'), block(1, 'table', 'Outcome | Baseline | 2019'), block(2, 'table', 'PHQ-9 | 12.1 | 9.8')]);
    expect(c.includedStudies).toBeNull();
  });
});
