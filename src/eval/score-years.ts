/**
 * Scoring reference-year extraction against ground truth, per paper, as multisets (order-free,
 * so a split or merged entry costs only what it changes).
 */
export interface YearScore {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * `truth`: the tagged year of each reference (null = the source tags none).
 * `untagged`: years printed in references whose truth is null; predicting one of those is
 * neither rewarded nor penalised.
 */
export function scoreYears(predicted: (number | null)[], truth: (number | null)[], untagged: (number | null)[] = []): YearScore {
  const remaining = new Map<number, number>();
  for (const y of truth) if (y != null) remaining.set(y, (remaining.get(y) ?? 0) + 1);
  const tolerated = new Map<number, number>();
  for (const y of untagged) if (y != null) tolerated.set(y, (tolerated.get(y) ?? 0) + 1);
  let tp = 0;
  let fp = 0;
  for (const y of predicted) {
    if (y == null) continue;
    if ((remaining.get(y) ?? 0) > 0) {
      remaining.set(y, remaining.get(y)! - 1);
      tp++;
    } else if ((tolerated.get(y) ?? 0) > 0) tolerated.set(y, tolerated.get(y)! - 1);
    else fp++;
  }
  let fn = 0;
  for (const n of remaining.values()) fn += n;
  return { tp, fp, fn };
}

export function addScores(a: YearScore, b: YearScore): YearScore {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function precisionRecallF1(s: YearScore): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
