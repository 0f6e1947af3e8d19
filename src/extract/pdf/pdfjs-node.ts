/**
 * Loads pdf.js's legacy build for Node — and then gives the process back the built-ins it
 * replaced.
 *
 * On Node 20 (V8 11.3) the core-js bundled into the legacy build swaps native
 * `Array.prototype.push` for a JavaScript version (V8 before 12.2 misses a TypeError when pushing
 * onto an array whose length is read-only) and does the same to `JSON.parse` / `JSON.stringify`
 * (for the JSON source-text-access proposal). The swap is global: every `push` in pdf.js, in our
 * PDF layout and in the analysis ran through it (measured: 20 ten-page PDFs through the CLI took
 * 5.3 s with it, 4.7 s without). Neither pdf.js nor this project relies on those edge cases, so
 * once pdf.js and its worker code have loaded, the natives go back.
 *
 * pdf.js is imported dynamically on purpose: the natives must be captured before it evaluates,
 * and a static import of an external module would be hoisted above this module's code.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import '../../shared/node-polyfills';
import { runBundleWithCodeCache, saveCodeCaches } from './pdfjs-code-cache';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// Captured when this module evaluates, which is before pdf.js is first imported below.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

/** Directory of the installed pdfjs-dist (for CMaps, standard font data and its bundles), or null. */
export function pdfjsDir(): string | null {
  if (pdfjsDirFound === undefined) {
    try {
      pdfjsDirFound = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    } catch {
      pdfjsDirFound = null;
    }
  }
  return pdfjsDirFound;
}
let pdfjsDirFound: string | null | undefined;

let codeCacheDir: string | null = null;

/**
 * Keep pdf.js's compiled code in `dir` between runs (pdfjs-code-cache.ts); the command line
 * turns this on. Call before the first PDF.
 */
export function usePdfjsCodeCache(dir: string): void {
  codeCacheDir = dir;
}

/** Call when a PDF has been read: the first time, compiled pdf.js code is saved if it was not cached. */
export function notePdfRead(): void {
  if (codeCacheDir) saveCodeCaches(codeCacheDir);
}

let loading: Promise<PdfjsModule> | null = null;

/** pdf.js (legacy build) with its worker code loaded in this thread and the natives restored. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    // Running the worker code sets `globalThis.pdfjsWorker`, which pdf.js's in-thread ("fake")
    // worker uses instead of importing it itself on the first document — after we restored.
    const pdfjs = loadWithCodeCache() ?? (await importBundles());
    restoreNatives();
    // pdf.js decompresses with `DecompressionStream` where one exists. In Node that is zlib on
    // the libuv thread pool behind web streams, and each of a paper's many small streams waits
    // for a round trip; pdf.js's own synchronous inflate (its fallback when there is none) reads
    // the same bytes about 15% faster in all. Node processes of this project use neither
    // otherwise, so the global is removed for pdf.js's sake.
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    return pdfjs;
  })();
  return loading;
}

/** The minified builds: the same code, about 40 ms less to parse on every start of the CLI. */
async function importBundles(): Promise<PdfjsModule> {
  const pdfjs: PdfjsModule = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
  return pdfjs;
}

/** Both bundles through the code cache, or null (then they are imported). */
function loadWithCodeCache(): PdfjsModule | null {
  const dir = pdfjsDir();
  if (!codeCacheDir || !dir || (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker) return null;
  const build = join(dir, 'legacy', 'build');
  const pdfjs = runBundleWithCodeCache<PdfjsModule>(join(build, 'pdf.min.mjs'), codeCacheDir, 'pdfjs-main');
  if (!pdfjs) return null;
  const worker = runBundleWithCodeCache<unknown>(join(build, 'pdf.worker.min.mjs'), codeCacheDir, 'pdfjs-worker');
  return worker ? pdfjs : null;
}

type PdfWorker = InstanceType<PdfjsModule['PDFWorker']>;
let worker: PdfWorker | null = null;

/**
 * One pdf.js worker (in this thread) for every document: setting one up per document was
 * measurable in batch runs. pdf.js leaves a worker it was given alone when a document closes.
 */
export function sharedPdfWorker(pdfjs: PdfjsModule): PdfWorker {
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
  return worker;
}

function restoreNatives(): void {
  Object.defineProperty(Array.prototype, 'push', { value: NATIVE.push, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(JSON, 'parse', { value: NATIVE.parse, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(JSON, 'stringify', { value: NATIVE.stringify, writable: true, configurable: true, enumerable: false });
}
