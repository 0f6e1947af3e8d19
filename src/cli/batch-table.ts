/** One row per paper when several files are analysed: Markdown table or CSV. */
import type { Critique, YearStats } from '../analysis/critique';
import { mdCell, stripControls } from '../analysis/markdown-escape';

export interface BatchRow {
  file: string;
  critique: Critique;
}

// New columns go at the end, so that scripts reading the earlier ones by position keep working.
const HEADERS = ['File', 'Title', 'Year', 'References', 'Reference years', 'Included studies', 'Included years', 'Concerns', 'Cautions', 'Findings', 'First author', 'DOI'];

/** "Smith J", "Smith J et al." — enough to tell a review's included studies apart in a table. */
function firstAuthor(authors: string[]): string {
  if (!authors.length) return '';
  return authors.length > 1 ? `${authors[0]} et al.` : authors[0]!;
}

function span(s: YearStats | null): string {
  return s && s.min !== null ? `${s.min}–${s.max}` : '';
}

function cells(r: BatchRow): string[] {
  const c = r.critique;
  const count = (sev: string) => String(c.findings.filter((f) => f.severity === sev).length);
  const findings = c.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => f.kind + (f.term ? `(${f.term}${f.detail ? ':' + f.detail : ''})` : ''))
    .join(', ');
  return [
    r.file,
    c.paper.title ?? '',
    c.paper.year === null ? '' : String(c.paper.year),
    String(c.references.count),
    span(c.references),
    c.includedStudies ? String(c.includedStudies.count) : '',
    span(c.includedStudies),
    count('concern'),
    count('caution'),
    findings,
    firstAuthor(c.paper.authors),
    c.paper.doi ?? '',
  ];
}

export function batchMarkdown(rows: BatchRow[]): string {
  const lines = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, i) => ([2, 3, 5, 7, 8].includes(i) ? '---:' : '---')).join('|')}|`];
  for (const r of rows) lines.push(`| ${cells(r).map(mdCell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** RFC 4180 CSV; cells that a spreadsheet would run as formulas are prefixed with a quote. */
/** One CSV cell: quoted when needed, and never a formula or a control sequence. */
export function csvCell(raw: string): string {
  // A page title's terminal escape sequences or bidi overrides would act in a terminal or viewer.
  const s = stripControls(raw);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function batchCsv(rows: BatchRow[]): string {
  return [HEADERS, ...rows.map(cells)].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
