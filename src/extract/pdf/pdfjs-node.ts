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
import '../../shared/node-polyfills';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// Captured when this module evaluates, which is before pdf.js is first imported below.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

let loading: Promise<PdfjsModule> | null = null;

/** pdf.js (legacy build) with its worker code loaded in this thread and the natives restored. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    // The minified builds: the same code, about 40 ms less to parse on every start of the CLI.
    const pdfjs: PdfjsModule = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
    // Importing the worker code sets `globalThis.pdfjsWorker`, which pdf.js's in-thread ("fake")
    // worker uses instead of importing it itself on the first document — after we restored.
    await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
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
