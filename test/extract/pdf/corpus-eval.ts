/**
 * Measures PDF extraction on the shared corpus: reference-year F1 against truth (printed pages
 * and real PDFs with a JATS twin), and reference counts for the other real PDFs (MANIFEST.tsv).
 * Used by pdf-corpus.test.ts; also runnable for a report: `npx tsx test/extract/pdf/corpus-eval.ts`.
 */
import '../../../src/shared/node-polyfills';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { referenceYear } from '../../../src/analysis/reference-years';
import { addScores, precisionRecallF1, scoreYears, type YearScore } from '../../../src/eval/score-years';
import { benchmarkPdfInNode } from '../../../src/extract/pdf/node';
import { CORPUS_DIR, requireCorpus } from '../../corpus';

interface Truth {
  refYears: (number | null)[];
  refYearsUntagged?: (number | null)[];
  title?: string;
  doi?: string;
  year?: string | number;
  /** The JATS file the truth was rendered from ("shared/corpus/jats/…"). */
  source?: string;
}

export interface FileResult {
  file: string;
  refs: number;
  truthRefs: number | null;
  score: YearScore | null;
  f1: number | null;
  pdfjsMillis: number;
  layoutMillis: number;
  pages: number;
  titleOk: boolean | null;
  doiOk: boolean | null;
  /** The DOI read (file metadata or page 1), null when none. */
  doi: string | null;
  yearOk: boolean | null;
  /** Every author the JATS twin names is among the authors read, and no more (null without a twin). */
  authorsOk: boolean | null;
  /** Reference entries that are article-history lines ("Received: …", "Associate editor: …"). */
  historyEntries: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.pdf') ? [join(dir, e.name)] : [],
  );
}

function manifestRefs(): Map<string, number> {
  const out = new Map<string, number>();
  const path = join(CORPUS_DIR, 'MANIFEST.tsv');
  if (!existsSync(path)) return out;
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  const cols = header!.split('\t');
  const pathCol = cols.indexOf('path');
  const refsCol = cols.indexOf('n_refs');
  for (const row of rows) {
    const c = row.split('\t');
    if (c[refsCol]) out.set(c[pathCol]!, Number(c[refsCol]));
  }
  return out;
}

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Surnames of the authors a JATS file lists, in order. */
function jatsSurnames(source: string): string[] {
  const path = join(CORPUS_DIR, '..', '..', source);
  if (!existsSync(path)) return [];
  const xml = readFileSync(path, 'utf8');
  return [...xml.matchAll(/<contrib\b[^>]*contrib-type="author"[^>]*>([\s\S]*?)<\/contrib>/g)].flatMap((m) => {
    const surname = /<surname>([\s\S]*?)<\/surname>/.exec(m[1]!);
    return surname ? [surname[1]!.replace(/<[^>]+>/g, '').trim()] : [];
  });
}

function sameAuthors(read: string[], surnames: string[]): boolean {
  return read.length === surnames.length && surnames.every((s, i) => norm(read[i]).endsWith(norm(s)));
}

export async function evaluateCorpus(): Promise<{ files: FileResult[]; total: YearScore; f1: number }> {
  requireCorpus('printed');
  requireCorpus('pdf');
  const manifest = manifestRefs();
  const pdfs = [...walk(join(CORPUS_DIR, 'printed')), ...walk(join(CORPUS_DIR, 'pdf'))].sort();
  const files: FileResult[] = [];
  let total: YearScore = { tp: 0, fp: 0, fn: 0 };
  for (const pdf of pdfs) {
    const truthPath = pdf.replace(/\.pdf$/, '.truth.json');
    const truth: Truth | null = existsSync(truthPath) ? JSON.parse(readFileSync(truthPath, 'utf8')) : null;
    const r = await benchmarkPdfInNode(new Uint8Array(readFileSync(pdf)));
    const refs = r.paper.blocks.filter((b) => b.kind === 'reference');
    const rel = relative(CORPUS_DIR, pdf);
    let score: YearScore | null = null;
    if (truth) {
      score = scoreYears(refs.map((b) => referenceYear(b.text)), truth.refYears, truth.refYearsUntagged ?? []);
      total = addScores(total, score);
    }
    files.push({
      file: rel,
      refs: refs.length,
      truthRefs: truth ? truth.refYears.length : manifest.get(rel) ?? null,
      score,
      f1: score ? precisionRecallF1(score).f1 : null,
      pdfjsMillis: r.pdfjsMillis,
      layoutMillis: r.layoutMillis,
      pages: r.pages,
      titleOk: truth?.title ? norm(r.paper.metadata.title) === norm(truth.title) : null,
      doiOk: truth?.doi ? norm(r.paper.metadata.doi) === norm(truth.doi) : null,
      doi: r.paper.metadata.doi ?? null,
      yearOk: truth?.year ? String(r.paper.metadata.year) === String(truth.year) : null,
      authorsOk: truth?.source ? sameAuthors(r.paper.metadata.authors, jatsSurnames(truth.source)) : null,
      historyEntries: refs.map((b) => b.text).filter((t) => /^(?:received|accepted|revised|associate editor|academic editor|handling editor)\b/i.test(t)),
    });
  }
  return { files, total, f1: precisionRecallF1(total).f1 };
}

export function formatReport(res: { files: FileResult[]; total: YearScore; f1: number }): string {
  const lines = res.files.map((f) => {
    const pct = f.pdfjsMillis ? ((100 * f.layoutMillis) / f.pdfjsMillis).toFixed(1) : '?';
    return [
      f.file.padEnd(78),
      `refs ${String(f.refs).padStart(3)}/${f.truthRefs ?? '?'}`,
      f.f1 !== null ? `F1 ${f.f1.toFixed(3)} (tp ${f.score!.tp} fp ${f.score!.fp} fn ${f.score!.fn})` : 'F1 -',
      `title ${f.titleOk === null ? '-' : f.titleOk ? 'ok' : 'NO'} doi ${f.doiOk === null ? '-' : f.doiOk ? 'ok' : 'NO'} year ${f.yearOk === null ? '-' : f.yearOk ? 'ok' : 'NO'} authors ${f.authorsOk === null ? '-' : f.authorsOk ? 'ok' : 'NO'}`,
      `pdf.js ${f.pdfjsMillis.toFixed(0)}ms layout ${f.layoutMillis.toFixed(1)}ms (${pct}%)`,
    ].join('  ');
  });
  const pdfjs = res.files.reduce((n, f) => n + f.pdfjsMillis, 0);
  const layout = res.files.reduce((n, f) => n + f.layoutMillis, 0);
  lines.push(
    `TOTAL reference-year F1 ${res.f1.toFixed(4)} (tp ${res.total.tp} fp ${res.total.fp} fn ${res.total.fn}); ` +
      `layout ${layout.toFixed(0)}ms = ${((100 * layout) / pdfjs).toFixed(1)}% of pdf.js ${pdfjs.toFixed(0)}ms`,
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  evaluateCorpus().then((r) => console.log(formatReport(r)));
}
