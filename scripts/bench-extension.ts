/**
 * Extension figures for `npm run bench`:
 * - gzipped size of the first-load content script (and the sidebar and background bundles);
 * - toggle → sidebar painted, on a generated 100-reference article and on the corpus page with
 *   the most references;
 * - the longest main-thread task on the page while the sidebar opens (PerformanceObserver
 *   'longtask'; tasks under 50 ms are not reported by the browser, so "none" means all < 50 ms).
 * - the PDF viewer: a 30-page PDF chosen → first findings in the sidebar, and its longest task.
 * Usage: `npx tsx scripts/bench-extension.ts` (prints JSON with --json). Needs /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DIST_CHROME, ensureBuilt, launchWithExtension, startServer, toggleFromExtensionPage, toggleSidebar, watchBackground, type ExtensionBrowser, type TestServer } from '../test/browser/harness';

/** The background's state when the reader clicks. */
export type BackgroundState =
  /** Running (it woke for something in the last ~30 s). */
  | 'awake'
  /** Stopped, as Chrome leaves an extension's service worker after ~30 s idle: the click starts it. */
  | 'asleep';

export interface PageFigures {
  page: string;
  references: number;
  background: BackgroundState;
  /** How many openings (each in a fresh tab); the figures below are their medians. */
  runs: number;
  /**
   * The click → the sidebar's findings painted: from the click reaching the extension (the
   * background handling it, or for an asleep background the message that wakes it) to the first
   * frame painted with the findings, on the machine's clock. Median, and [fastest, slowest].
   */
  clickToPaintedMs: number;
  clickToPaintedRange: [number, number];
  /** Sidebar bundle starts → sidebar rendered and a frame painted (ms, measured in the page). */
  toggleToPaintedMs: number;
  /** Longest main-thread task on the page while opening, over all runs (ms); null when none reached the 50 ms long-task threshold. */
  longestTaskMs: number | null;
  /** Page extraction (content script, in slices); first sidebar render (in the sidebar's frame). */
  extractMs: number;
  mountMs: number;
  /** The paper reaching the sidebar's frame → its critique back there (the engine runs in the background). */
  analyseMs: number;
  /** The sidebar bundle's start → the sidebar's frame (an extension page) loaded, while extraction and analysis run. */
  frameLoadMs: number;
}

export interface ViewerFigures {
  document: string;
  pages: number;
  /** File chosen → the critique's first finding in the sidebar (ms, measured in the viewer page). */
  firstFindingsMs: number;
  /** File chosen → first page drawn (ms). */
  firstPageMs: number;
  /** File chosen → reading the text starts (after the first page is drawn). */
  readingStartsMs: number;
  /** Reading every page's text and laying it out into the paper (ms). */
  textReadMs: number;
  /** Reading starts → the critique is back from the background (ms). */
  analysedMs: number;
  /** Reading the text when the same PDF is opened again in the same viewer (its worker has read one already). */
  againTextReadMs: number;
  /** Longest main-thread task in the viewer meanwhile (ms); null when none reached 50 ms. */
  longestTaskMs: number | null;
}

export interface ExtensionFigures {
  contentScriptGzipBytes: number;
  sidebarBundleGzipBytes: number;
  backgroundGzipBytes: number;
  pages: PageFigures[];
  viewer: ViewerFigures[];
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST_CHROME, file)), { level: 9 }).length;

/** A plain long article: sections of running text, a search statement, declarations, 100 references. */
export function hundredReferenceArticle(): string {
  const para = (i: number) =>
    `<p>In study ${i}, peer support workers and lived experience researchers met participants in digital and face-to-face settings; ` +
    `outcomes were compared with usual care across several community services, as reported previously [${(i % 100) + 1}]. ` +
    'The peer workers received training and supervision, and the analysis followed a pre-registered protocol with sensitivity analyses.</p>';
  const section = (title: string, from: number) => `<section><h2>${title}</h2>${Array.from({ length: 12 }, (_, k) => para(from + k)).join('')}</section>`;
  const refs = Array.from({ length: 100 }, (_, i) => `<li>Author${i} A, Writer B. A study of support number ${i}. J Example. ${1985 + (i % 38)};${i + 1}:${i}-${i + 9}.</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Peer support: a long review</title>
<meta name="citation_title" content="Peer support: a long review"><meta name="citation_doi" content="10.5555/bench.100">
<meta name="citation_publication_date" content="2023/05/01"></head><body><main><article>
<h1>Peer support: a long review</h1>
${section('Introduction', 0)}
<section><h2>Methods</h2><p>We searched MEDLINE and PsycINFO from inception to March 2023 without language restrictions.</p>${Array.from({ length: 12 }, (_, k) => para(20 + k)).join('')}</section>
${section('Results', 40)}${section('Discussion', 60)}
<section><h2>Declarations</h2><p>Competing interests: the authors declare none.</p><p>Funding: this work received no specific funding.</p></section>
<section><h2>References</h2><ol>${refs}</ol></section></article></main></body></html>`;
}

/** The corpus page with the most references (by its truth file), if the corpus is present. */
function biggestCorpusPage(): { name: string; html: string; refs: number } | null {
  const dir = join(process.cwd(), '..', 'shared', 'corpus', 'html');
  if (!existsSync(dir)) return null;
  let best: { name: string; refs: number } | null = null;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.truth.json'))) {
    const refs = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { refYears?: unknown[] }).refYears?.length ?? 0;
    if (!best || refs > best.refs) best = { name: f.replace('.truth.json', '.html'), refs };
  }
  return best && { ...best, html: readFileSync(join(dir, best.name), 'utf8') };
}

export async function benchExtension(): Promise<ExtensionFigures> {
  ensureBuilt();
  const figures: ExtensionFigures = {
    contentScriptGzipBytes: gz('content.js'),
    sidebarBundleGzipBytes: gz('sidebar.js'),
    backgroundGzipBytes: gz('background.js'),
    pages: [],
    viewer: [],
  };
  const server = await startServer({});
  const ext = await launchWithExtension();
  // tsx (esbuild keepNames) wraps functions in __name(); define it where playwright evaluates them.
  await ext.worker.evaluate('globalThis.__name = (f) => f');
  await ext.context.addInitScript({ content: 'window.__name = (f) => f' });
  try {
    const targets = [{ name: 'generated 100-reference article', html: hundredReferenceArticle(), refs: 100 }];
    const corpus = biggestCorpusPage();
    if (corpus) targets.push({ name: `corpus ${corpus.name}`, html: corpus.html, refs: corpus.refs });
    for (const t of targets) figures.pages.push(await measureOpenings(ext, server, t, 'awake'));
    // Last: stopping the service worker leaves `ext.worker` unusable.
    if (corpus) figures.pages.push(await measureOpenings(ext, server, targets.at(-1)!, 'asleep'));
    // BENCH_VIEWER=0: the sidebar's openings only.
    const pdf = process.env.BENCH_VIEWER === '0' ? null : await thirtyPagePdf();
    if (pdf) {
      const page = await ext.context.newPage();
      await recordLongTasks(page);
      await page.goto(`chrome-extension://${ext.extensionId}/viewer/viewer.html`);
      await page.waitForTimeout(300);
      await clearLongTasks(page);
      await page.evaluate(() => {
        // Watch for the first finding from the moment the file is chosen.
        const w = window as unknown as { __chosenAt: number; __findingsAt: number };
        const input = document.getElementById('file-input')!;
        input.addEventListener('change', () => {
          w.__chosenAt = performance.now();
          const poll = () => {
            if (document.getElementById('sidebar')?.shadowRoot?.querySelector('[data-finding-id]')) requestAnimationFrame(() => (w.__findingsAt = performance.now()));
            else setTimeout(poll, 5);
          };
          poll();
        });
      });
      await page.setInputFiles('#file-input', pdf.file);
      await page.waitForFunction(() => (window as unknown as { __findingsAt?: number }).__findingsAt !== undefined, undefined, { timeout: 120_000 });
      const f = await page.evaluate(() => {
        const w = window as unknown as { __chosenAt: number; __findingsAt: number; __longTasks: number[] };
        const open = performance.getEntriesByName('cr:open')[0]?.startTime ?? w.__chosenAt;
        const firstPage = performance.getEntriesByName('cr:first-page')[0];
        const measure = (name: string) => Math.round(performance.getEntriesByName(name)[0]?.duration ?? NaN);
        const extractStart = performance.getEntriesByName('cr:extract-start')[0]?.startTime ?? NaN;
        return {
          firstFindingsMs: Math.round(w.__findingsAt - w.__chosenAt),
          readingStartsMs: Math.round(extractStart - w.__chosenAt),
          textReadMs: measure('cr:extract'),
          analysedMs: measure('cr:analysed'),
          firstPageMs: Math.round(firstPage ? firstPage.startTime + firstPage.duration - Math.min(open, w.__chosenAt) : NaN),
          longestTaskMs: w.__longTasks.length ? Math.round(Math.max(...w.__longTasks)) : null,
        };
      });
      // The same PDF opened again in this viewer: its pdf.js worker has read one document already.
      await page.setInputFiles('#file-input', []);
      await page.setInputFiles('#file-input', pdf.file);
      await page.waitForFunction(() => document.body.dataset.state !== 'analysed', undefined, { timeout: 120_000 });
      await page.waitForFunction(() => document.body.dataset.state === 'analysed', undefined, { timeout: 120_000 });
      const againTextReadMs = await page.evaluate(() => Math.round(performance.getEntriesByName('cr:extract')[0]?.duration ?? NaN));
      figures.viewer.push({ document: pdf.name, pages: pdf.pages, ...f, againTextReadMs });
      await page.close();
    }
  } finally {
    await ext.close();
    await server.close();
  }
  return figures;
}

/** Has `page` record its main thread's long tasks (PerformanceObserver 'longtask') in `window.__longTasks`, from its first script on. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
}

/** Forgets the long tasks so far (the page's own loading), to count only ours from here. */
async function clearLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });
}

/** Openings of the sidebar per page and background state (`BENCH_RUNS`, default 5). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
};

/**
 * Opens the sidebar on `target` RUNS times, each in a fresh tab. With the background 'asleep'
 * its service worker is stopped first and the click comes as the message the toolbar's leads to,
 * which wakes it (sent from an extension page: the test driver's handle on the worker dies with it).
 */
async function measureOpenings(ext: ExtensionBrowser, server: TestServer, target: { name: string; html: string; refs: number }, background: BackgroundState): Promise<PageFigures> {
  const runs: { clickToPainted: number; openMs: number; extractMs: number; mountMs: number; analyseMs: number; frameLoadMs: number; longTasks: number[] }[] = [];
  const clicker = background === 'asleep' ? await ext.context.newPage() : null;
  if (clicker) await clicker.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
  for (let run = 0; run < RUNS; run++) {
    const page = await ext.context.newPage();
    await recordLongTasks(page);
    await page.goto(server.page(`/bench-${background}-${target.refs}-${run}.html`, target.html));
    await page.waitForTimeout(500); // let page load work settle, then count only our tasks
    await clearLongTasks(page);
    let clickedAt: number;
    if (clicker) {
      const worker = await watchBackground(ext, page);
      await worker.stop();
      await worker.detach();
      await page.waitForTimeout(500);
      clickedAt = await toggleFromExtensionPage(clicker, page);
    } else clickedAt = await toggleSidebar(ext, page);
    const bar = page.locator('critical-reader-sidebar');
    await page.locator('critical-reader-sidebar[data-open-ms]').waitFor({ state: 'attached', timeout: 90_000 });
    await page.waitForTimeout(1500); // highlights are anchored in slices after the first paint
    const num = async (name: string) => Number(await bar.getAttribute(name));
    runs.push({
      clickToPainted: (await num('data-painted-at')) - clickedAt,
      openMs: await num('data-open-ms'),
      extractMs: await num('data-extract-ms'),
      mountMs: await num('data-mount-ms'),
      analyseMs: await num('data-analyse-ms'),
      frameLoadMs: await num('data-frame-load-ms'),
      longTasks: await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks),
    });
    await page.close();
  }
  await clicker?.close();
  const clicks = runs.map((r) => r.clickToPainted);
  const longTasks = runs.flatMap((r) => r.longTasks);
  return {
    page: target.name,
    references: target.refs,
    background,
    runs: runs.length,
    clickToPaintedMs: median(clicks),
    clickToPaintedRange: [Math.round(Math.min(...clicks)), Math.round(Math.max(...clicks))],
    toggleToPaintedMs: median(runs.map((r) => r.openMs)),
    longestTaskMs: longTasks.length ? Math.round(Math.max(...longTasks)) : null,
    extractMs: median(runs.map((r) => r.extractMs)),
    mountMs: median(runs.map((r) => r.mountMs)),
    analyseMs: median(runs.map((r) => r.analyseMs)),
    frameLoadMs: median(runs.map((r) => r.frameLoadMs)),
  };
}

/**
 * A 30-page PDF of real papers: corpus PDFs, page for page, until 30 pages (the corpus has no
 * single paper that long). Null when the corpus is absent.
 */
async function thirtyPagePdf(): Promise<{ file: string; name: string; pages: number } | null> {
  const dir = join(process.cwd(), '..', 'shared', 'corpus', 'pdf');
  if (!existsSync(dir)) return null;
  const { PDFDocument } = await import('pdf-lib');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
  const out = await PDFDocument.create();
  const used: string[] = [];
  for (const f of files) {
    if (out.getPageCount() >= 30) break;
    try {
      const src = await PDFDocument.load(readFileSync(join(dir, f)));
      const want = Math.min(src.getPageCount(), 30 - out.getPageCount());
      for (const p of await out.copyPages(src, Array.from({ length: want }, (_, i) => i))) out.addPage(p);
      used.push(f.split('/').pop()!);
    } catch {
      // Encrypted or damaged corpus file: take the next one.
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'cr-bench-')), 'thirty-pages.pdf');
  writeFileSync(file, await out.save());
  return { file, name: `${used.length} corpus PDFs joined`, pages: out.getPageCount() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await benchExtension();
  if (process.argv.includes('--json')) console.log(JSON.stringify(f, null, 2));
  else {
    console.log(`First-load content script: ${(f.contentScriptGzipBytes / 1024).toFixed(1)} KB gzipped (sidebar bundle ${(f.sidebarBundleGzipBytes / 1024).toFixed(1)} KB, background ${(f.backgroundGzipBytes / 1024).toFixed(1)} KB)`);
    for (const p of f.pages) {
      console.log(`${p.page} (${p.references} refs), background ${p.background}, median of ${p.runs}: click → findings painted ${p.clickToPaintedMs} ms (${p.clickToPaintedRange.join('–')}); longest page task ${p.longestTaskMs === null ? 'none over 50 ms' : `${p.longestTaskMs} ms`} (extraction ${p.extractMs} ms, analysis ${p.analyseMs} ms, first render ${p.mountMs} ms)`);
    }
  }
}
