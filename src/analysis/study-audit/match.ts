/**
 * Matching the files of a folder of included studies to the review's rows: by DOI first, then by
 * title (most of the study's title words in the entry), then by first author and year.
 */
import type { StudyRow } from '../critique';
import type { StudyProfile } from './profile';

export type MatchedBy = 'DOI' | 'title' | 'first author and year';

export interface StudyMatch {
  row: number;
  file: number;
  by: MatchedBy;
}

const words = (s: string) => new Set(s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/\p{L}{3,}/gu) ?? []);

/** Share of the study title's words found in the entry (the entry may add journal, authors…). */
export function titleOverlap(studyTitle: string, entry: string): number {
  const t = words(studyTitle);
  if (t.size < 3) return 0;
  const e = words(entry);
  let n = 0;
  for (const w of t) if (e.has(w)) n++;
  return n / t.size;
}

/** The DOI whole in the entry: "10.1/x.1" is not in "10.1/x.10" (a final full stop may follow). */
export function containsDoi(entry: string, doi: string): boolean {
  const escaped = doi.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(?![\\w/-]|\\.\\w)`).test(entry.toLowerCase());
}

export function matchStudies(rows: readonly StudyRow[], profiles: readonly (StudyProfile | null)[]): { matches: StudyMatch[]; unmatchedFiles: number[]; unmatchedRows: number[] } {
  const matches: StudyMatch[] = [];
  const rowTaken = new Set<number>();
  const fileTaken = new Set<number>();
  const take = (row: number, file: number, by: MatchedBy) => {
    matches.push({ row, file, by });
    rowTaken.add(row);
    fileTaken.add(file);
  };
  const passes: [MatchedBy, (r: StudyRow, p: StudyProfile) => boolean][] = [
    ['DOI', (r, p) => !!p.doi && !!r.entry && containsDoi(r.entry, p.doi)],
    ['title', (r, p) => !!p.title && titleOverlap(p.title, r.entry ?? r.title) >= 0.8],
    ['first author and year', (r, p) => !!p.firstAuthor && p.year !== null && p.year === r.year && p.firstAuthor.toLowerCase() === r.firstAuthor?.toLowerCase()],
  ];
  for (const [by, fits] of passes) {
    profiles.forEach((p, f) => {
      if (!p || fileTaken.has(f)) return;
      const candidates = rows.map((_, i) => i).filter((i) => !rowTaken.has(i) && fits(rows[i]!, p));
      // Only an unambiguous match counts (two entries by the same author in the same year need a title).
      if (candidates.length === 1) take(candidates[0]!, f, by);
    });
  }
  return {
    matches: matches.sort((a, b) => a.row - b.row),
    unmatchedFiles: profiles.map((_, f) => f).filter((f) => !fileTaken.has(f)),
    unmatchedRows: rows.map((_, i) => i).filter((i) => !rowTaken.has(i)),
  };
}
