/**
 * Reference-year statistics: one year per reference entry (see ../reference-years.ts), their
 * spread, and the same statistics over the studies a review includes — marked by the APA asterisk
 * convention, listed under an "Included studies" heading, or tabulated in a "characteristics of
 * included studies" table.
 *
 * Ages are measured here from the publication year. The search-dates check runs later and, when
 * the paper states when it searched, recomputes the statistics from the last search year with
 * `yearStats`.
 */
import type { Check } from '../context';
import type { ReferenceEntry, YearStats } from '../critique';
import type { Block } from '../model';
import { INCLUDED_LIST_HEADING } from '../included-studies';
import { referenceYear, yearCandidates } from '../reference-years';

/**
 * Dated entries, and those more than 10 years older than the reference year (year < referenceYear − 10).
 * The one definition of "old" used by the statistics and by the date-spread finding.
 */
export function countOlderThan10Years(histogram: Record<string, number>, referenceYear: number | null): { older: number; dated: number } {
  let older = 0;
  let dated = 0;
  for (const [year, n] of Object.entries(histogram)) {
    dated += n;
    if (referenceYear !== null && Number(year) < referenceYear - 10) older += n;
  }
  return { older, dated };
}

/** Statistics over entry years; `referenceYear` is the year ages are measured from (may be null). */
export function yearStats(years: (number | null)[], refYear: number | null): YearStats {
  const dated = years.filter((y): y is number => y != null).sort((a, b) => a - b);
  const histogram: Record<string, number> = {};
  for (const y of dated) histogram[String(y)] = (histogram[String(y)] ?? 0) + 1;
  const n = dated.length;
  const median = n === 0 ? null : n % 2 ? dated[(n - 1) / 2]! : (dated[n / 2 - 1]! + dated[n / 2]!) / 2;
  return {
    count: years.length,
    withYear: n,
    min: n ? dated[0]! : null,
    max: n ? dated[n - 1]! : null,
    median,
    histogram,
    shareOlderThan10Years: refYear != null && n ? countOlderThan10Years(histogram, refYear).older / n : null,
    referenceYear: refYear,
  };
}

export const INCLUDED_TABLE_CAPTION = /\b(?:characteristics of (?:the )?(?:\w+ )?(?:included )?(?:studies|trials)|(?:studies|trials|articles) included|included (?:studies|trials|articles|papers)|summary of (?:the )?(?:included )?studies)\b/i;
export const STUDY_COLUMN = /^\s*(?:stud(?:y|ies)|first author|authors?|author\(s\)|references?|citation|trial|source|study id|study \(year\)|author(?:s)?,? (?:\(?year\)?|date))\b/i;
const YEAR_COLUMN = /\b(?:year|date of publication|publication date)\b/i;

export function cells(row: Block): string[] {
  return row.text.split(' | ');
}

/** Consecutive table-row blocks, each group with the caption just before it (if any). */
export function tables(blocks: Block[]): { caption: string; rows: Block[] }[] {
  const out: { caption: string; rows: Block[] }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.kind !== 'table') continue;
    const rows: Block[] = [];
    let j = i;
    while (j < blocks.length && blocks[j]!.kind === 'table') rows.push(blocks[j++]!);
    let caption = '';
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      if (blocks[k]!.kind === 'caption') {
        caption = blocks[k]!.text;
        break;
      }
    }
    out.push({ caption, rows });
    i = j - 1;
  }
  return out;
}

function yearInCell(cell: string): number | null {
  const candidates = yearCandidates(cell);
  return candidates.length ? referenceYear(cell) ?? candidates[0]!.year : null;
}

/**
 * Years of included studies from a table: a header row naming a study/author column and a year
 * column, or a table captioned as the included studies whose first cells read "Smith et al. (2012)".
 */
export function includedStudyYearsFromTables(blocks: Block[]): (number | null)[] | null {
  const years: (number | null)[] = [];
  for (const t of tables(blocks)) {
    const header = cells(t.rows[0]!);
    const studyCol = header.findIndex((c) => STUDY_COLUMN.test(c));
    const yearCol = header.findIndex((c) => YEAR_COLUMN.test(c));
    const captioned = INCLUDED_TABLE_CAPTION.test(t.caption);
    let found: (number | null)[] = [];
    if (studyCol >= 0 && yearCol >= 0) {
      found = t.rows.slice(1).map((r) => yearInCell(cells(r)[yearCol] ?? ''));
    } else if (captioned) {
      const col = studyCol >= 0 ? studyCol : 0;
      const body = studyCol >= 0 ? t.rows.slice(1) : t.rows;
      found = body.map((r) => yearInCell(cells(r)[col] ?? ''));
    } else continue;
    // A table of studies has dated rows; a header that only mentions a year column is not enough.
    if (found.filter((y) => y != null).length >= Math.max(2, found.length / 2)) years.push(...found);
  }
  return years.length ? years : null;
}

export const referenceDates: Check = {
  id: 'reference-dates',
  run(ctx) {
    const { paper, critique } = ctx;
    const pubYear = paper.metadata.year;
    const refs = paper.blocks.filter((b) => b.kind === 'reference');
    const entries: ReferenceEntry[] = refs.map((b) => ({
      text: b.text,
      year: referenceYear(b.text),
      included: b.included === true,
      anchor: b.anchor.type === 'meta' ? null : { blockId: b.id, start: 0, end: b.text.length },
    }));
    critique.references = { ...yearStats(entries.map((e) => e.year), pubYear), entries };

    const included = entries.filter((e) => e.included);
    if (included.length) {
      const byList = refs.some((b) => b.included && (INCLUDED_LIST_HEADING.test(b.list ?? '') || b.sectionPath.some((h) => INCLUDED_LIST_HEADING.test(h))));
      critique.includedStudies = {
        ...yearStats(included.map((e) => e.year), pubYear),
        how: byList ? 'included-studies list' : 'asterisk-marked',
      };
      return;
    }
    const fromTable = includedStudyYearsFromTables(paper.blocks);
    critique.includedStudies = fromTable ? { ...yearStats(fromTable, pubYear), how: 'table of included studies' } : null;
  },
};
