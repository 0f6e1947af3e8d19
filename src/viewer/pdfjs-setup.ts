/**
 * pdf.js set-up for the extension page. `pdfjs-dist/web/pdf_viewer.mjs` reads the library from
 * `globalThis.pdfjsLib` when it is evaluated, so this module must be imported before it.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { extensionApi } from '../shared/browser';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
(globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjs;

/** URL of a folder the build copies from pdfjs-dist into `dist/<browser>/pdfjs/`. */
function assetUrl(dir: string): string {
  const api = extensionApi();
  return api ? api.runtime.getURL(`pdfjs/${dir}/`) : new URL(`pdfjs/${dir}/`, location.href).href;
}

export const PDFJS_ASSETS = {
  cMapUrl: assetUrl('cmaps'),
  cMapPacked: true,
  standardFontDataUrl: assetUrl('standard_fonts'),
  wasmUrl: assetUrl('wasm'),
};

/**
 * Limits on what pdf.js decodes for the viewer. An image larger than this many pixels is not drawn
 * (pdf.js skips it): 100 megapixels is more than an A3 page scanned at 600 dpi, and a PDF that
 * declares a bigger image is most likely built to fill the memory when it is decoded.
 */
export const PDFJS_LIMITS = { maxImageSize: 100_000_000 };

/**
 * The viewer's pdf.js worker, started with the page: started when the reader picked a file, its
 * 1.2 MB script was still compiling while they waited (~200 ms). A worker handed to getDocument
 * outlives the document, so one worker serves the documents the viewer opens one after another,
 * until the viewer replaces it (`replacePdfWorker`).
 */
let viewerWorker: InstanceType<typeof pdfjs.PDFWorker> | null = null;
export function pdfWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  if (!viewerWorker || viewerWorker.destroyed) viewerWorker = new pdfjs.PDFWorker();
  return viewerWorker;
}

/** Ends the current worker (and whatever it is still doing) and starts a fresh one. */
export function replacePdfWorker(): void {
  viewerWorker?.destroy();
  viewerWorker = new pdfjs.PDFWorker();
}

export { pdfjs };
