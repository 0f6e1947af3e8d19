/**
 * `critical-reader audit REVIEW STUDIES_FOLDER`: the review's included studies, each filled in
 * from the study's own text — matched to its reference entry by DOI, then title, then first author
 * and year — with the files and entries that matched nothing listed. Markdown, CSV or JSON.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { StudyAudit, StudyRow } from '../analysis/critique';
import { mdCell, mdText } from '../analysis/markdown-escape';
import { FLAG_LABELS } from '../analysis/study-audit/audit';
import { matchStudies, type MatchedBy } from '../analysis/study-audit/match';
import type { StudyProfile } from '../analysis/study-audit/profile';
import { analyseFile } from './analyse-file';
import { csvCell } from './batch-table';
import { analyseFiles, defaultJobs, DEFAULT_FILE_TIMEOUT_S, parseFileTimeout } from './pool';
import type { CliIO } from './io';

export const AUDIT_USAGE = `Usage: critical-reader audit [options] REVIEW STUDIES_FOLDER

Audits a review's included studies from their own files: each file in the
folder (.html, .htm, .pdf) is matched to the review's reference entry (DOI,
then title, then first author and year) and read for how it uses "peer",
whether it defines peer support, automated agents, digital mode and
population. Unmatched files and entries are listed.

Options:
  --md | --csv | --json   output format (default: Markdown)
  -o, --output F          write to file F instead of standard output
  --password P            password for encrypted PDFs
  -j, --jobs N            files analysed at once (as for the main command)
  --file-timeout S        stop a file that takes longer than S seconds (default 120; 0: none)
`;

export interface AuditedStudy {
  row: StudyRow;
  file: string | null;
  matchedBy: MatchedBy | null;
  study: StudyProfile | null;
}

export interface AuditReport {
  review: { file: string; title: string | null; summary: string; source: string };
  studies: AuditedStudy[];
  unmatchedFiles: string[];
  unreadableFiles: { file: string; message: string }[];
}

interface AuditOptions {
  format: 'md' | 'csv' | 'json';
  output: string | null;
  password: string | undefined;
  jobs: number | null;
  fileTimeoutMs: number | undefined;
  inputs: string[];
}

function parse(args: string[]): AuditOptions | string {
  const o: AuditOptions = { format: 'md', output: null, password: undefined, jobs: null, fileTimeoutMs: DEFAULT_FILE_TIMEOUT_S * 1000, inputs: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--md' || a === '--csv' || a === '--json') o.format = a.slice(2) as AuditOptions['format'];
    else if (a === '-o' || a === '--output' || a === '--password' || a === '-j' || a === '--jobs' || a === '--file-timeout') {
      const v = args[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--password') o.password = v;
      else if (a === '--file-timeout') {
        const t = parseFileTimeout(v);
        if (typeof t === 'string') return t;
        o.fileTimeoutMs = t;
      }
      else if (a === '-j' || a === '--jobs') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) return `${a} takes a whole number from 1 to 64`;
        o.jobs = n;
      } else o.output = v;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else o.inputs.push(a);
  }
  return o.inputs.length === 2 ? o : 'audit needs a review and a folder of its included studies';
}

export async function runAudit(args: string[], io: CliIO, expandFolder: (folder: string, unreadable: string[]) => Promise<string[]>): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(AUDIT_USAGE);
    return 0;
  }
  const o = parse(args);
  if (typeof o === 'string') {
    io.stderr(`critical-reader audit: ${o}\n\n${AUDIT_USAGE}`);
    return 2;
  }
  const [reviewFile, folder] = o.inputs as [string, string];
  const password = o.password !== undefined ? { password: o.password } : {};
  const review = await analyseFile({ file: reviewFile, ...password });
  if (!review.ok) {
    io.stderr(`critical-reader audit: ${reviewFile}: ${review.message}\n`);
    return 1;
  }
  const audit = review.critique.audit;
  if (!audit || audit.rows.length === 0) {
    io.stderr(`critical-reader audit: ${reviewFile}: ${audit?.summary ?? 'no included studies were found (it does not read as a review that marks or lists them)'}\n`);
    return 1;
  }
  const unreadable: string[] = [];
  const files = (await expandFolder(folder, unreadable)).filter((f) => f !== reviewFile);
  for (const u of unreadable) io.stderr(`critical-reader audit: ${u}\n`);
  const results = await analyseFiles(
    files.map((file) => ({ file, profile: true, ...password })),
    {
      jobs: o.jobs ?? defaultJobs(availableParallelism()),
      ...(io.workerScript ? { workerScript: io.workerScript } : {}),
      ...(o.fileTimeoutMs !== undefined ? { fileTimeoutMs: o.fileTimeoutMs } : {}),
      onResult: (r, done, total) => io.stderr(`[${done}/${total}] ${basename(r.file)}${r.ok ? '' : `: ${r.message}`}\n`),
    },
  );
  const profiles = results.map((r) => (r.ok && r.profile ? r.profile : null));
  const { matches, unmatchedFiles } = matchStudies(audit.rows, profiles);
  const report: AuditReport = {
    review: { file: reviewFile, title: review.critique.paper.title, summary: audit.summary, source: audit.source },
    studies: audit.rows.map((row, i) => {
      const m = matches.find((x) => x.row === i);
      return { row, file: m ? files[m.file]! : null, matchedBy: m?.by ?? null, study: m ? profiles[m.file]! : null };
    }),
    unmatchedFiles: unmatchedFiles.filter((f) => profiles[f]).map((f) => files[f]!),
    unreadableFiles: results.flatMap((r) => (r.ok ? [] : [{ file: r.file, message: r.message }])),
  };
  const text = o.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : o.format === 'csv' ? auditCsv(report) : auditMarkdown(report, audit);
  if (o.output) {
    try {
      await writeFile(o.output, text);
    } catch (e) {
      io.stderr(`critical-reader audit: -o ${o.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the report follows on standard output\n`);
      io.stdout(text);
      return 1;
    }
  } else io.stdout(text);
  return unreadable.length || report.unreadableFiles.length ? 1 : 0;
}

function senses(p: StudyProfile): string {
  const counts = Object.entries(p.peerSenses).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return counts.length ? `${p.dominantSense} (${counts.map(([s, n]) => `${s} ${n}`).join(', ')})` : 'no uses';
}

const COLUMNS = ['#', 'Study', 'Year', 'File', 'Matched by', '"Peer" in the study', 'Defines peer support', 'Automated agent', 'Digital mode', 'Population', 'Flags from the review'];

function cellsOf(s: AuditedStudy, i: number): string[] {
  const p = s.study;
  return [
    String(i + 1),
    s.row.firstAuthor ?? '—',
    s.row.year === null ? '—' : String(s.row.year),
    s.file ? basename(s.file) : 'no file',
    s.matchedBy ?? '—',
    p ? senses(p) : s.row.senseLabel + ' (review)',
    p ? (p.definesPeerSupport ? 'yes' : 'no') : '—',
    p ? (p.automated ? 'yes' : 'no') : '—',
    (p ? p.modes : s.row.modes).join(', ') || 'not stated',
    (p ? p.population : s.row.population).join(', ') || 'not stated',
    s.row.flags.map((f) => `${FLAG_LABELS[f.kind]}: ${f.reason}`).join('; ') || '—',
  ];
}

export function auditMarkdown(r: AuditReport, audit: StudyAudit): string {
  const matched = r.studies.filter((s) => s.file).length;
  const out = [
    `# Included-studies audit: ${mdText(r.review.title ?? basename(r.review.file))}`,
    '',
    `**${mdText(audit.summary)}**`,
    '',
    `${r.studies.length} included studies (${mdText(r.review.source)}); ${matched} matched to a file in the folder.`,
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((c) => (c === '#' || c === 'Year' ? '---:' : '---')).join('|')}|`,
    ...r.studies.map((s, i) => `| ${cellsOf(s, i).map(mdCell).join(' | ')} |`),
    '',
  ];
  const missing = r.studies.filter((s) => !s.file);
  if (missing.length) out.push('## Entries with no file', '', ...missing.map((s) => `- ${mdText(s.row.entry ?? s.row.title)}`), '');
  if (r.unmatchedFiles.length) out.push('## Files that match no entry', '', ...r.unmatchedFiles.map((f) => `- ${mdText(basename(f))}`), '');
  if (r.unreadableFiles.length) out.push('## Files that could not be read', '', ...r.unreadableFiles.map((f) => `- ${mdText(basename(f.file))}: ${mdText(f.message)}`), '');
  return out.join('\n').trimEnd() + '\n';
}

export function auditCsv(r: AuditReport): string {
  return [COLUMNS, ...r.studies.map((s, i) => cellsOf(s, i))].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
