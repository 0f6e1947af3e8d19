/**
 * `npm run bench`: speed figures, printed as tables (never asserted in tests).
 * - HTML: parse (linkedom) + extract + analyse per corpus page; median, p95, max ms and MB/s;
 *   the 100-reference case; and linearity (the same article repeated 1×, 2×, 4×, 8×).
 * - PDF: pdf.js text extraction vs our layout + analysis per PDF, and CLI throughput.
 * - Extension: first-load size, toggle→painted sidebar, longest main-thread task (scripts/bench-extension.ts).
 */
import '../src/shared/node-polyfills';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { analysePaper } from '../src/analysis/engine';
import type { Paper } from '../src/analysis/model';
import { extractHtml } from '../src/extract/html/index';
import { parseHtmlInNode } from '../src/extract/html/node-dom';

// npm runs scripts from the project root; the corpus sits beside it.
const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

function timeHtml(html: string): { parse: number; extract: number; analyse: number; refs: number } {
  const t0 = performance.now();
  const doc = parseHtmlInNode(html);
  const t1 = performance.now();
  const paper = extractHtml(doc, null);
  const t2 = performance.now();
  const c = analysePaper(paper);
  const t3 = performance.now();
  return { parse: t1 - t0, extract: t2 - t1, analyse: t3 - t2, refs: c.references.count };
}

function benchHtml(): void {
  const dir = join(CORPUS, 'html');
  if (!existsSync(dir)) {
    console.log(`HTML benchmark skipped: ${dir} is absent (the shared corpus sits beside the project root).`);
    return;
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const pages = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  for (const html of pages.slice(0, 10)) timeHtml(html); // warm-up: JIT, regex compilation caches
  const per: { total: number; engine: number; bytes: number; refs: number }[] = [];
  for (const html of pages) {
    const runs = [0, 1, 2].map(() => timeHtml(html));
    const best = runs.reduce((a, b) => (a.parse + a.extract + a.analyse <= b.parse + b.extract + b.analyse ? a : b));
    per.push({ total: best.parse + best.extract + best.analyse, engine: best.extract + best.analyse, bytes: Buffer.byteLength(html), refs: best.refs });
  }
  const totals = per.map((p) => p.total).sort((a, b) => a - b);
  const engine = per.map((p) => p.engine).sort((a, b) => a - b);
  const bytes = per.reduce((s, p) => s + p.bytes, 0);
  const totalMs = per.reduce((s, p) => s + p.total, 0);
  console.log(`\n## HTML pages (${files.length} corpus pages, best of 3 runs each)\n`);
  console.log(
    table(
      ['stage', 'median ms', 'p95 ms', 'max ms', 'MB/s'],
      [
        ['parse + extract + analyse', totals.length ? quantile(totals, 0.5).toFixed(2) : '', quantile(totals, 0.95).toFixed(2), totals.at(-1)!.toFixed(2), (bytes / 1e6 / (totalMs / 1000)).toFixed(1)],
        ['extract + analyse (engine)', quantile(engine, 0.5).toFixed(2), quantile(engine, 0.95).toFixed(2), engine.at(-1)!.toFixed(2), (bytes / 1e6 / (per.reduce((s, p) => s + p.engine, 0) / 1000)).toFixed(1)],
      ],
    ),
  );
  const around100 = per.filter((p) => p.refs >= 90 && p.refs <= 120);
  if (around100.length) {
    const t = around100.map((p) => p.total).sort((a, b) => a - b);
    console.log(`\n100-reference articles (90–120 refs, n=${around100.length}): median ${quantile(t, 0.5).toFixed(2)} ms, max ${t.at(-1)!.toFixed(2)} ms (target ≤ 30 ms)`);
  }
  // Linearity: one long article repeated inside one <main>.
  const biggest = pages.reduce((a, b) => (a.length > b.length ? a : b));
  const body = biggest.slice(biggest.indexOf('<body'), biggest.lastIndexOf('</body>'));
  const rows: (string | number)[][] = [];
  let base = 0;
  for (const k of [1, 2, 4, 8]) {
    const html = `<!doctype html><html><head><title>x</title></head>${body.repeat(k)}</html>`;
    timeHtml(html);
    const ms = Math.min(...[0, 1, 2].map(() => { const r = timeHtml(html); return r.parse + r.extract + r.analyse; }));
    if (k === 1) base = ms;
    rows.push([`${k}×`, (Buffer.byteLength(html) / 1e6).toFixed(2), ms.toFixed(1), (ms / base / k).toFixed(2)]);
  }
  console.log('\n### Linearity (largest corpus page repeated)\n');
  console.log(table(['size', 'MB', 'ms', 'ms per unit ÷ 1× (1.00 = linear)'], rows));
}

/**
 * The analysis engine on the hand-annotated real papers (GROBID pages of real digital-health
 * papers): time per page for extraction and analysis, and the size of the engine's bundle as the
 * extension ships it (the background script, which runs the analysis), when it has been built.
 */
function benchGold(): void {
  const dir = join(CORPUS, 'gold');
  if (!existsSync(dir)) {
    console.log(`\nGold-page benchmark skipped: ${dir} is absent.`);
    return;
  }
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  for (const html of pages) timeHtml(html); // warm-up
  const engine: number[] = [];
  const analyse: number[] = [];
  for (const html of pages) {
    const runs = [0, 1, 2, 3, 4].map(() => timeHtml(html));
    engine.push(Math.min(...runs.map((r) => r.extract + r.analyse)));
    analyse.push(Math.min(...runs.map((r) => r.analyse)));
  }
  engine.sort((a, b) => a - b);
  analyse.sort((a, b) => a - b);
  console.log(`\n## Hand-annotated real papers (${pages.length} GROBID pages, best of 5 runs each)\n`);
  console.log(
    table(
      ['stage', 'median ms', 'p95 ms', 'max ms'],
      [
        ['extract + analyse', quantile(engine, 0.5).toFixed(2), quantile(engine, 0.95).toFixed(2), engine.at(-1)!.toFixed(2)],
        ['analyse', quantile(analyse, 0.5).toFixed(2), quantile(analyse, 0.95).toFixed(2), analyse.at(-1)!.toFixed(2)],
      ],
    ),
  );
  const bundle = join(process.cwd(), 'dist', 'chrome', 'background.js');
  if (existsSync(bundle)) {
    const bytes = readFileSync(bundle);
    console.log(`\nEngine bundle (dist/chrome/background.js): ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped`);
  } else console.log('\nEngine bundle size: build the extension first (npm run build).');
}

/**
 * Worst cases per pattern family, time against input size: one long sentence of many uses and
 * cues, a term followed by one enormous "word", long runs of a multi-word term. Linear growth is
 * the goal (ms per 100 K characters stays flat); it was quadratic before the definition check read
 * bounded windows and sense-finding used prefix counts.
 */
function benchAdversarial(): void {
  const cases: [string, (n: number) => string][] = [
    ['"Peer support" + one long word', (n) => 'Peer support ' + 'a'.repeat(n)],
    ['"peer" repeated in one sentence', (n) => 'peer '.repeat(n / 5) + '.'],
    ['"digital" with cues, one sentence', (n) => 'digital app online '.repeat(Math.floor(n / 19))],
    ['"lived experience" repeated', (n) => 'lived experience of '.repeat(n / 20)],
    ['"peer support is" + many words', (n) => 'Peer support is ' + 'word '.repeat(n / 5)],
  ];
  const sizes = [12_500, 25_000, 50_000, 100_000];
  const rows: (string | number)[][] = [];
  for (const [name, make] of cases) {
    const row: (string | number)[] = [name];
    for (const n of sizes) {
      const text = make(n);
      const paper: Paper = {
        metadata: { title: 'Adversarial', authors: [], journal: null, published: null, year: null, doi: null, pdfUrl: null, url: null },
        blocks: [{ id: 0, kind: 'paragraph', text, sectionPath: ['Introduction'], role: 'introduction', anchor: { type: 'meta' } }],
        source: 'html',
        warnings: [],
      };
      const t = performance.now();
      analysePaper(paper);
      row.push(((performance.now() - t) / (text.length / 100_000)).toFixed(0));
    }
    rows.push(row);
  }
  console.log('\n## Adversarial inputs (ms per 100 K characters; flat = linear)\n');
  console.log(table(['input', ...sizes.map((n) => `${n / 1000} K chars`)], rows));
}

async function main(): Promise<void> {
  console.log('# Critical Reader benchmark');
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  // `npm run bench -- pdf` (or html, gold, adversarial, audit, extension) runs only the sections named.
  const wanted = process.argv.slice(2);
  const runs = (section: string) => wanted.length === 0 || wanted.includes(section);
  if (runs('html')) benchHtml();
  if (runs('gold')) benchGold();
  if (runs('adversarial')) benchAdversarial();
  if (runs('pdf')) await (await import('./bench-pdf')).benchPdf(CORPUS, table, quantile);
  if (runs('audit')) (await import('./bench-audit')).benchAudit(table);
  if (runs('extension')) await benchExtensionTable();
}

/** Extension figures in real Chromium (skipped with a note where /usr/bin/chromium is absent). */
async function benchExtensionTable(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log(`\nExtension benchmark skipped: no Chromium at ${chromium} (apt-get install -y chromium).`);
    return;
  }
  const { benchExtension } = await import('./bench-extension');
  const f = await benchExtension();
  console.log('\n## Extension (real Chromium, dist/chrome)\n');
  console.log(`Each page opened ${f.pages[0]?.runs ?? 0} times in a fresh tab (BENCH_RUNS); medians. "asleep": the background's service worker stopped before the click, as Chrome leaves it after ~30 s idle.\n`);
  console.log(`First-load content script: ${(f.contentScriptGzipBytes / 1024).toFixed(1)} KB gzipped (target ≤ 15 KB); sidebar bundle ${(f.sidebarBundleGzipBytes / 1024).toFixed(1)} KB, background ${(f.backgroundGzipBytes / 1024).toFixed(1)} KB, loaded after.\n`);
  console.log(
    table(
      ['page', 'refs', 'background', 'click → findings painted ms, median (range) (target ≤ 200)', 'bundle start → painted ms', 'longest page task ms (target ≤ 50)', 'extract ms', 'analysis ms', 'first render ms', 'sidebar frame loaded ms'],
      f.pages.map((p) => [p.page, p.references, p.background, `${p.clickToPaintedMs} (${p.clickToPaintedRange.join('–')})`, p.toggleToPaintedMs, p.longestTaskMs ?? 'none ≥ 50', p.extractMs, p.analyseMs, p.mountMs, p.frameLoadMs]),
    ),
  );
  for (const v of f.viewer) {
    console.log(`\nPDF viewer, ${v.pages}-page PDF (${v.document}): file chosen → first page ${v.firstPageMs} ms, → first findings ${v.firstFindingsMs} ms (target ≤ 1500 ms; reading starts at ${v.readingStartsMs} ms, text read in ${v.textReadMs} ms, critique back ${v.analysedMs} ms after reading starts; opened again in the same viewer, text read in ${v.againTextReadMs} ms); longest task ${v.longestTaskMs === null ? 'none ≥ 50 ms' : `${v.longestTaskMs} ms`}`);
  }
}

await main();
