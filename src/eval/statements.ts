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
