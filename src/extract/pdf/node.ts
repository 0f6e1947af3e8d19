/**
 * Opening PDFs in Node (CLI, tests, benchmarks) with pdf.js's legacy build, which runs on
 * Node 20 once `Promise.withResolvers` is polyfilled (src/shared/node-polyfills.ts).
 * The browser viewer opens documents itself and calls `extractPdf` with its own proxy.
 */
import { join, sep } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PaperMetadata, Paper } from '../../analysis/model';
import { PdfError, looksLikePdf, pdfErrorFromPdfjs } from './errors';
import { extractPdf, extractPdfTimed, type TimedExtraction } from './index';
import { loadPdfjs, notePdfRead, pdfjsDir, sharedPdfWorker } from './pdfjs-node';

export interface LoadPdfOptions {
  password?: string;
}

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  /** Frees the document and its (fake) worker; pdf.js 6 destroys through the loading task. */
  destroy(): Promise<void>;
}

/**
 * Opens a PDF from bytes. Throws `PdfError` ('empty' | 'not-pdf' | 'encrypted' |
 * 'wrong-password' | 'corrupt') with a message meant for the reader. Call `destroy()` when done.
 */
export async function loadPdfInNode(data: Uint8Array, opts: LoadPdfOptions = {}): Promise<LoadedPdf> {
  if (data.length === 0) throw new PdfError('empty', 'the file is 0 bytes');
  if (!looksLikePdf(data)) throw new PdfError('not-pdf');
  const pdfjs = await loadPdfjs();
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    worker: sharedPdfWorker(pdfjs),
    // pdf.js transfers (detaches) the buffer it is given: pass a copy so the caller keeps theirs.
    // (Not `data.slice()`: on a Node Buffer that is a view of the same memory, not a copy.)
    data: new Uint8Array(data),
    password: opts.password,
    // No DOM in Node: never try to register @font-face rules; text extraction does not need them.
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(dir
      ? {
          // Node's pdf.js reads these with fs, so plain paths (with a trailing separator) work.
          cMapUrl: join(dir, 'cmaps') + sep,
          cMapPacked: true,
          standardFontDataUrl: join(dir, 'standard_fonts') + sep,
        }
      : {}),
  });
  try {
    const doc = await task.promise;
    if (doc.numPages === 0) {
      await task.destroy();
      throw new PdfError('empty');
    }
    return { doc, destroy: () => task.destroy() };
  } catch (e) {
    if (e instanceof PdfError) throw e;
    await task.destroy().catch(() => undefined);
    throw pdfErrorFromPdfjs(e, opts.password !== undefined);
  }
}

export interface ExtractPdfFileOptions extends LoadPdfOptions {
  meta?: Partial<PaperMetadata>;
  onProgress?(page: number, total: number): void;
  signal?: AbortSignal;
  /** See ReadPdfTextOptions.maxChars. */
  maxChars?: number;
}

/** Opens, extracts and closes: the one-call path for the CLI. */
export async function extractPdfInNode(data: Uint8Array, opts: ExtractPdfFileOptions = {}): Promise<Paper> {
  const loaded = await loadPdfInNode(data, opts);
  try {
    const paper = await extractPdf(loaded.doc, opts);
    notePdfRead();
    return paper;
  } finally {
    await loaded.destroy();
  }
}

/** For the benchmark: open, extract with timings (pdf.js vs our layout), close. */
export async function benchmarkPdfInNode(data: Uint8Array, opts: ExtractPdfFileOptions = {}): Promise<TimedExtraction> {
  const loaded = await loadPdfInNode(data, opts);
  try {
    return await extractPdfTimed(loaded.doc, opts);
  } finally {
    await loaded.destroy();
  }
}
