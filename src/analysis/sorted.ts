/**
 * Binary search over sorted data (sentences, uses and cues in text order), so that per-use
 * lookups stay logarithmic however many a long sentence or block holds.
 */

/** The first index in [0, length) at which `reached` holds; `reached` must be false, then true. */
export function firstIndexWhere(length: number, reached: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
