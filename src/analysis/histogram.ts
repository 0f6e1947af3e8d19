/** Year histograms binned for display (sidebar chart, Markdown text chart). */

export interface YearBin {
  /** First and last year of the bin (equal for one-year bins). */
  from: number;
  to: number;
  label: string;
  count: number;
  /** How many of them are included studies (when the paper marks them). */
  included: number;
}

/** Bins years so a chart stays readable: one bar per year up to 25 years, else 5- or 10-year bins. */
export function binYears(histogram: Record<string, number>, includedHistogram?: Record<string, number>): YearBin[] {
  const years = Object.keys(histogram).map(Number).filter(Number.isFinite);
  if (years.length === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  const span = max - min + 1;
  const width = span <= 25 ? 1 : span <= 100 ? 5 : 10;
  const start = width === 1 ? min : Math.floor(min / width) * width;
  const bins: YearBin[] = [];
  for (let from = start; from <= max; from += width) {
    const to = from + width - 1;
    let count = 0;
    let included = 0;
    for (let y = from; y <= to; y++) {
      count += histogram[String(y)] ?? 0;
      included += includedHistogram?.[String(y)] ?? 0;
    }
    bins.push({ from, to, label: width === 1 ? String(from) : `${from}–${to}`, count, included });
  }
  return bins;
}
