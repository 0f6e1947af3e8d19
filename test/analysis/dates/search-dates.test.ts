import { describe, expect, it } from 'vitest';
import { searchDates } from '../../../src/analysis/checks/search-dates';
import type { Critique } from '../../../src/analysis/critique';
import { histogramStats, makePaper, runChecks, type BlockSpec } from '../make-paper';

/** 61 included studies: 23 from before 2014 (one from 1990), 38 from 2014–2024. */
const INCLUDED_YEARS = [
  1990, 2001, 2003, 2005, 2006, 2007, 2008, 2008, 2009, 2009, 2010, 2010, 2011, 2011, 2011, 2012, 2012, 2012, 2013,
  2013, 2013, 2013, 2013, ...Array.from({ length: 38 }, (_, i) => 2014 + (i % 11)),
];

function withIncluded(years: number[]) {
  return (c: Critique) => {
    c.includedStudies = { ...histogramStats(years), how: 'asterisk' };
  };
}

function withReferences(years: number[]) {
  return (c: Critique) => {
    c.references = { ...histogramStats(years), entries: years.map((y) => ({ text: `Ref ${y}`, year: y, included: false, anchor: null })) };
  };
}

const review = (methods: string[], extra: BlockSpec[] = []) =>
  makePaper(
    [
      { text: 'Digital peer support: a meta-analysis.', role: 'title', kind: 'heading' },
      ...methods.map((text) => ({ text, role: 'methods' as const, section: ['Methods', 'Search strategy'] })),
      ...extra,
    ],
    { year: 2025 },
  );

describe('search-dates check', () => {
  it('reports the mission case: dated searches, no date limit, old included studies', () => {
    const paper = review([
      'We searched MEDLINE, Embase, PsycINFO and CINAHL in December 2023, and the search was updated in May 2024.',
      'Studies of any design examining digital peer support were eligible.',
    ]);
    const c = runChecks(paper, [searchDates], withIncluded(INCLUDED_YEARS));
    expect(c.search.dates).toEqual(['2023-12', '2024-05']);
    expect(c.search.dateLimit).toBeNull();
    expect(c.includedStudies!.referenceYear).toBe(2024);
    expect(c.includedStudies!.shareOlderThan10Years).toBeCloseTo(23 / 61, 5);

    const noLimit = c.findings.find((f) => f.kind === 'no-date-limit');
    expect(noLimit?.severity).toBe('caution');
    expect(noLimit?.summary).toContain('2023-12 and 2024-05');
    expect(noLimit?.summary).toContain('1990–2024 (34 years)');
    expect(noLimit?.evidence[0]?.quote).toContain('December 2023');

    const spread = c.findings.find((f) => f.kind === 'date-spread');
    expect(spread?.summary).toContain('23 of 61 included studies (38%) predate 2014');
    expect(spread?.severity).toBe('caution');
  });

  it('"from inception" alone is no date limit', () => {
    const c = runChecks(
      review(['Five databases were searched from inception to 3 May 2024.']),
      [searchDates],
      withIncluded(INCLUDED_YEARS),
    );
    expect(c.search.fromInception).toBe(true);
    expect(c.search.dateLimit).toBeNull();
    expect(c.search.dates).toEqual(['2024-05']);
    expect(c.findings.find((f) => f.kind === 'no-date-limit')?.summary).toContain('inception');
  });

  it('a justified window raises no no-date-limit finding', () => {
    const c = runChecks(
      review([
        'Databases were searched in May 2024.',
        'We included studies published from 2008 onwards, reflecting the introduction of smartphones.',
      ]),
      [searchDates],
      withIncluded([2008, 2010, 2015, 2020, 2024]),
    );
    expect(c.search.dateLimit).toEqual({ from: 2008, to: null });
    expect(c.search.justification).toContain('introduction of smartphones');
    expect(c.findings.some((f) => f.kind === 'no-date-limit')).toBe(false);
  });

  it('never takes search dates from reference entries', () => {
    const paper = makePaper(
      [
        { text: 'Results', role: 'results', kind: 'heading' },
        { text: 'The intervention improved outcomes.', role: 'results', section: 'Results' },
        {
          text: 'WHO. Digital health guideline. Searched and accessed May 2024. https://who.int',
          role: 'references',
          section: 'References',
        },
      ],
      { year: 2024 },
    );
    const c = runChecks(paper, [searchDates]);
    expect(c.search.dates).toEqual([]);
    expect(c.search.evidence).toEqual([]);
  });

  it('a non-review paper with old references gets at most an info note', () => {
    const paper = makePaper(
      [{ text: 'We recruited 40 adults from a community centre in 2022.', role: 'methods', section: 'Methods' }],
      { year: 2024 },
    );
    const old = [1975, 1980, 1985, 1990, 1995, 2000, 2005, 2020, 2021, 2022];
    const c = runChecks(paper, [searchDates], withReferences(old));
    expect(c.search.dates).toEqual([]);
    expect(c.findings.some((f) => f.kind === 'no-date-limit')).toBe(false);
    const spread = c.findings.find((f) => f.kind === 'date-spread');
    expect(spread?.severity).toBe('info');
    expect(c.references.referenceYear).toBe(2024);
    expect(c.references.shareOlderThan10Years).toBeCloseTo(0.7, 5);
  });

  it('most included studies older than 10 years is a concern', () => {
    const c = runChecks(
      review(['The search was run on 2024-05-03.']),
      [searchDates],
      withIncluded([1995, 1998, 2000, 2005, 2010, 2020]),
    );
    expect(c.findings.find((f) => f.kind === 'date-spread')?.severity).toBe('concern');
  });

  it('a stated date limit suppresses no-date-limit even when studies span many years', () => {
    const c = runChecks(
      review(['We searched five databases in March 2024 for studies published between 1990 and 2024.']),
      [searchDates],
      withIncluded(INCLUDED_YEARS),
    );
    expect(c.search.dateLimit).toEqual({ from: 1990, to: 2024 });
    expect(c.findings.some((f) => f.kind === 'no-date-limit')).toBe(false);
  });

  it('reads a previous review in the introduction as no search of this paper', () => {
    const paper = makePaper(
      [
        { text: 'A previous review [12] searched databases up to 2015 and found few trials.', role: 'introduction', section: 'Introduction' },
      ],
      { year: 2024 },
    );
    expect(runChecks(paper, [searchDates]).search.dates).toEqual([]);
  });

  it.each([
    'From January 2010 through December 2010, 349 patients in the same hospital were included in the validation data set.',
    'To that end, from October 2012, we are listing articles on PubMed Central as soon as they are ready.',
    'A review of statements made between 2000 and 2003 (including three topic areas) revealed that these statements are rarely consistent with systematic reviews.',
  ])('no date limit read from a sentence that does not select literature: %s', (text) => {
    const paper = makePaper([{ text, role: 'methods', section: 'Methods' }], { year: 2013 });
    expect(runChecks(paper, [searchDates]).search.dateLimit).toBeNull();
  });

  it('a date in a subordinate clause after the search verb is not a search date', () => {
    const paper = makePaper(
      [{ text: 'The search on Brapci was limited to papers published from 1972 to 2018, considering that the coverage of the database initiates in 1972.', role: 'methods', section: 'Methods' }],
      { year: 2021 },
    );
    const c = runChecks(paper, [searchDates]);
    expect(c.search.dates).toEqual([]);
    expect(c.search.dateLimit).toEqual({ from: 1972, to: 2018 });
  });

  it('"published in the last 10 years" is a window counted back from the last search', () => {
    const c = runChecks(
      review(['We searched PubMed and Scopus in March 2024 for articles published in the last 10 years.']),
      [searchDates],
      withIncluded(INCLUDED_YEARS),
    );
    expect(c.search.dateLimit).toEqual({ from: 2014, to: 2024 });
    expect(c.findings.some((f) => f.kind === 'no-date-limit')).toBe(false);
  });
});


describe('search dates and limits as real methods sections write them', () => {
  const search = (methods: string[]) => runChecks(review(methods), [searchDates]).search;

  it('a window of publication dates in a search sentence is a limit, not the date of the search', () => {
    const s = search(['Four databases were searched for trials published between February 2012 and October 2022.']);
    expect(s.dateLimit).toEqual({ from: 2012, to: 2022 });
    expect(s.dates).toEqual([]);
  });

  it('a searched period without publication words still dates the search', () => {
    const s = search(['CINAHL was searched from January 2001 to June 2021.']);
    expect(s.dates).toEqual(['2021-06']);
  });

  it('the years of the included studies are a result, not a limit', () => {
    const s = search([
      'The last search was run in April 2021.',
      'No restriction on year of publication was applied.',
      'All 12 included studies were published between 2009 and 2020.',
    ]);
    expect(s.dates).toEqual(['2021-04']);
    expect(s.dateLimit).toBeNull();
    expect(s.noRestriction).toBe(true);
  });

  it('"published up to" the search month is the search, not a limit, when no date restriction was applied', () => {
    const s = search(['We searched six databases for cohort studies published up to August 2023.', 'No date restrictions were used.']);
    expect(s.dates).toEqual(['2023-08']);
    expect(s.dateLimit).toBeNull();
  });

  it('papers published before a year being left out sets the lower bound', () => {
    expect(search(['Reports published before the year 2005 were not considered.']).dateLimit).toEqual({ from: 2005, to: null });
    expect(search(['We excluded articles published before 2011.']).dateLimit).toEqual({ from: 2011, to: null });
    expect(search(['We included articles published before 2011.']).dateLimit).toEqual({ from: null, to: 2010 });
  });

  it('reads a publication-year limit written into a search string', () => {
    expect(search(['The search strategy combined terms for loneliness AND year (1972-2001).']).dateLimit).toEqual({ from: 1972, to: 2001 });
    expect(search(['Scopus was searched with the restriction PY=2008-2019.']).dateLimit).toEqual({ from: 2008, to: 2019 });
    expect(search(['PubMed: (loneliness[tiab]) AND 2011:2021[dp].']).dateLimit).toEqual({ from: 2011, to: 2021 });
  });

  it('recruitment, data collection and trial dates are neither search dates nor limits', () => {
    const s = search(['Carers were recruited between April 2018 and June 2019.', 'Data collection took place from March to May 2021.', 'The trial ran from 2015 to 2017.']);
    expect(s.dates).toEqual([]);
    expect(s.dateLimit).toBeNull();
  });

  it('reads a search date in brackets, to the month, and a time frame stated in so many words', () => {
    expect(search(['An update search (early-March 2022) was run before submission.']).dates).toEqual(['2022-03']);
    expect(search(['The time frame selected was twenty years (2000-2020).']).dateLimit).toEqual({ from: 2000, to: 2020 });
  });
});
