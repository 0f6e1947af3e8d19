/**
 * The review's sentences that cite one study: by number ("[12]", "[3, 12–14]") when the review
 * cites by number, else by its first author and year ("Smith et al. (2019)", "(Smith & Lee, 2019)").
 */
import type { Sentence } from '../text';

const BRACKETED = /\[(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\]/g;

/** The review cites by number when several sentences carry bracketed numbers. */
export function usesNumberedCitations(sentences: readonly Sentence[]): boolean {
  let n = 0;
  for (const s of sentences) if (/\[\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\]/.test(s.text) && ++n >= 3) return true;
  return false;
}

function citedNumbers(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(BRACKETED)) {
    for (const part of m[1]!.split(/\s*[,;]\s*/)) {
      const [a, b] = part.split(/\s*[–-]\s*/).map(Number);
      if (a === undefined || Number.isNaN(a)) continue;
      if (b !== undefined && !Number.isNaN(b) && b >= a && b - a < 200) for (let i = a; i <= b; i++) out.add(i);
      else out.add(a);
    }
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function citingSentences(
  sentences: readonly Sentence[],
  study: { firstAuthor: string | null; year: number | null; number: number | null },
  numbered: boolean,
): Sentence[] {
  if (numbered && study.number !== null) return sentences.filter((s) => s.text.includes('[') && citedNumbers(s.text).has(study.number!));
  if (!study.firstAuthor || study.year === null) return [];
  // The surname, then within a few words (et al., a co-author) the year.
  const pattern = new RegExp(`\\b${escape(study.firstAuthor)}\\b(?:et al\\.|[^.;()\\[\\]]){0,60}?[(,]?\\s*${study.year}[a-z]?\\b`, 'u');
  return sentences.filter((s) => s.text.includes(study.firstAuthor!) && pattern.test(s.text));
}

/** Author–year citations in a sentence ("Smith et al. (2019)", "Lee & Kim, 2020"). */
const AUTHOR_YEAR = /\b\p{Lu}[\p{L}'’-]+(?:\s+et al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?,?\s*\(?(?:19|20)\d\d[a-z]?\b/gu;

/** How many studies a sentence cites: words about one study are read for it only when it cites few. */
export function citationCount(text: string, numbered: boolean): number {
  return numbered ? citedNumbers(text).size : (text.match(AUTHOR_YEAR) ?? []).length;
}
