/**
 * Scoring the statement checks against page truth (`*.truth.json`: `hasCompetingInterests`,
 * `hasFunding`). Used by the corpus test and by `npm run eval`.
 */
import type { Critique } from '../analysis/critique';

export interface StatementTruth {
  hasCompetingInterests: boolean;
  hasFunding: boolean;
}

export type StatementField = 'competingInterests' | 'funding';

export interface StatementOutcome {
  field: StatementField;
  truth: boolean;
  found: boolean;
  correct: boolean;
}

/** Per-field outcome for one paper. */
export function scoreStatements(critique: Critique, truth: StatementTruth): StatementOutcome[] {
  const pairs: [StatementField, boolean][] = [
    ['competingInterests', truth.hasCompetingInterests],
    ['funding', truth.hasFunding],
  ];
  return pairs.map(([field, t]) => {
    const found = critique.statements[field].found;
    return { field, truth: t, found, correct: found === t };
  });
}

export interface ConfusionCounts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number;
  sensitivity: number | null;
  specificity: number | null;
  /** Names of misclassified papers, with "FP"/"FN". */
  errors: string[];
}

/** Aggregates outcomes of many papers (`name` identifies each paper in the error list). */
export function summariseStatementScores(
  results: { name: string; outcomes: StatementOutcome[] }[],
): Record<StatementField, ConfusionCounts> {
  const empty = (): ConfusionCounts => ({ n: 0, tp: 0, fp: 0, fn: 0, tn: 0, accuracy: 0, sensitivity: null, specificity: null, errors: [] });
  const out: Record<StatementField, ConfusionCounts> = { competingInterests: empty(), funding: empty() };
  for (const { name, outcomes } of results) {
    for (const o of outcomes) {
      const c = out[o.field];
      c.n++;
      if (o.truth && o.found) c.tp++;
      else if (!o.truth && o.found) c.fp++, c.errors.push(`${name} (FP)`);
      else if (o.truth && !o.found) c.fn++, c.errors.push(`${name} (FN)`);
      else c.tn++;
    }
  }
  for (const c of Object.values(out)) {
    c.accuracy = c.n ? (c.tp + c.tn) / c.n : 0;
    c.sensitivity = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
    c.specificity = c.tn + c.fp ? c.tn / (c.tn + c.fp) : null;
  }
  return out;
}

/**
 * Pages whose truth says "no statement" although the page plainly prints one: the truth was derived
 * from JATS tags (`<funding-group>`, conflict footnotes), which miss funding written into the
 * acknowledgements and, in one BMC file, a "Competing interests" section. Each entry carries the
 * sentence that settles it; the corpus test checks that the sentence is on the page and quoted by
 * the engine, so a dispute can never hide a real miss. Report raw and adjudicated accuracy both.
 */
export interface TruthDispute {
  /** Page file name under corpus/html (the PDF twin shares the stem). */
  file: string;
  field: StatementField;
  quote: string;
}

export const STATEMENT_TRUTH_DISPUTES: readonly TruthDispute[] = [
  { file: '1471-2180-11-174.pmc.html', field: 'competingInterests', quote: 'The authors declare that they have no competing interests' },
  { file: '1471-2180-11-174.pmc.html', field: 'funding', quote: 'This work was supported by grant GM072815' },
  { file: 'PMC5828200.pmc.html', field: 'funding', quote: 'This work was supported by Taiwan Ministry of Science and Technology grant' },
  { file: 'fixtures__pdf__a1.wiley.html', field: 'funding', quote: 'This study was financed in part by Coordenação' },
  { file: 'journal.pbio.0020334.wiley.html', field: 'funding', quote: 'This research was supported by the Swiss National Science Foundation' },
  { file: 'journal.pmed.0020007.pmc.html', field: 'funding', quote: 'grant support from the National Institutes of Health' },
  { file: 'journal.pmed.0020171.pmc.html', field: 'funding', quote: 'This study was supported by the Academy of Finland' },
];

/** The truth with the disputes above applied (matched by file stem, so a PDF twin is covered too). */
export function adjudicatedTruth(file: string, truth: StatementTruth): StatementTruth {
  const stem = (f: string) =>
    (f.split('/').pop() ?? f).replace(/\.(?:html|pdf|truth\.json)$/, '').replace(/\.(?:pmc|springer|wiley|gt)$/, '');
  const t = { ...truth };
  for (const d of STATEMENT_TRUTH_DISPUTES) {
    if (stem(d.file) !== stem(file)) continue;
    if (d.field === 'competingInterests') t.hasCompetingInterests = true;
    else t.hasFunding = true;
  }
  return t;
}
