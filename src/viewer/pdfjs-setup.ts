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

export { pdfjs };
