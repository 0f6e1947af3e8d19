/**
 * PDF → Paper: pdf.js text (via the caller's document proxy, browser or legacy build) + layout.
 */
import type { Paper, PaperMetadata } from '../../analysis/model';
import { PdfError } from './errors';
import { orderedLines, pdfPagesToPaper } from './layout';
import type { Line } from './lines';
import { MAX_PDF_TEXT_CHARS, readPdfText, type PdfDocumentLike, type PdfText } from './pdfjs-text';

export { PdfError, isPdfError, type PdfErrorCode } from './errors';
export { pdfPagesToPaper } from './layout';
export { readPdfText, type PdfDocumentLike, type ReadPdfTextOptions } from './pdfjs-text';
export type { PdfInfo, PdfPageText, PdfTextItem } from './types';

export interface ExtractPdfOptions {
  meta?: Partial<PaperMetadata>;
  onProgress?(page: number, total: number): void;
  signal?: AbortSignal;
  /** See ReadPdfTextOptions.maxChars. */
  maxChars?: number;
  /**
   * Put each page's lines in reading order as soon as the page is read, while pdf.js reads the
   * next, instead of all pages at the end: the viewer's main thread then has no single long task
   * for it. (The timed extraction keeps it at the end, where the benchmark measures our layout.)
   */
  layoutWhileReading?: boolean;
}

export interface TimedExtraction {
  paper: Paper;
  /** Milliseconds in pdf.js (page loading + getTextContent + metadata). */
  pdfjsMillis: number;
  /** Milliseconds in our layout (pdfPagesToPaper). */
  layoutMillis: number;
  pages: number;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** An image-only PDF (a scan) has next to no text: say so rather than analyse nothing. */
function requireText(text: PdfText): void {
  const chars = text.pages.reduce((n, p) => n + p.items.reduce((m, it) => m + it.str.trim().length, 0), 0);
  if (chars < 20) throw new PdfError('no-text');
}

/** A PDF whose text ran past the limit: the paper says which pages were read. */
function noteStop(paper: Paper, text: PdfText, totalPages: number, maxChars = MAX_PDF_TEXT_CHARS): Paper {
  if (text.stoppedAfterPage !== undefined) {
    paper.warnings.push(
      `Only pages 1–${text.stoppedAfterPage} of ${totalPages} were read: this PDF holds more text than Critical Reader reads from one document (${(maxChars / 1e6).toLocaleString('en', { maximumFractionDigits: 3 })} million characters), as a PDF built to expand enormously does.`,
    );
  }
  return paper;
}

/**
 * Extraction with timings, for the benchmark: our layout should cost a small fraction of
 * pdf.js's own text extraction. Throws PdfError('no-text') for image-only PDFs.
 */
export async function extractPdfTimed(doc: PdfDocumentLike, opts: ExtractPdfOptions = {}): Promise<TimedExtraction> {
  const text = await readPdfText(doc, opts);
  requireText(text);
  const started = now();
  const paper = noteStop(pdfPagesToPaper(text.pages, opts.meta, { info: text.info }), text, doc.numPages, opts.maxChars);
  return { paper, pdfjsMillis: text.millis, layoutMillis: now() - started, pages: text.pages.length };
}

export async function extractPdf(doc: PdfDocumentLike, opts: ExtractPdfOptions = {}): Promise<Paper> {
  if (!opts.layoutWhileReading) return (await extractPdfTimed(doc, opts)).paper;
  const orderedPages: Line[][] = [];
  const text = await readPdfText(doc, { ...opts, onPage: (p) => orderedPages.push(orderedLines(p)) });
  requireText(text);
  return noteStop(pdfPagesToPaper(text.pages, opts.meta, { info: text.info, orderedPages }), text, doc.numPages, opts.maxChars);
}
