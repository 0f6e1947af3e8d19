/**
 * Reads the text layer of every page through a pdf.js document proxy. Takes the proxy rather
 * than importing pdf.js, so the same code serves the browser build (extension viewer) and the
 * legacy build (Node CLI and tests); only the structural shape below is relied upon.
 */
import { findDoi } from './doi';
import type { PdfInfo, PdfPageText, PdfTextItem } from './types';

/** The parts of pdf.js's `TextItem` we read. Marked-content entries have no `str`. */
interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
  hasEOL?: boolean;
}

interface ViewportLike {
  width: number;
  height: number;
  transform: number[];
}

interface PageLike {
  getViewport(params: { scale: number }): ViewportLike;
  getTextContent(params?: object): Promise<{ items: unknown[] }>;
  cleanup?(): unknown;
}

interface MetadataLike {
  get(name: string): unknown;
}

/** Structural subset of pdf.js's `PDFDocumentProxy` (both builds satisfy it). */
export interface PdfDocumentLike {
  numPages: number;
  getPage(pageNumber: number): Promise<PageLike>;
  getMetadata(): Promise<{ info: unknown; metadata: MetadataLike | null }>;
}

export interface ReadPdfTextOptions {
  onProgress?(page: number, total: number): void;
  /** Each page's text as soon as it is read (work done here runs while pdf.js reads the next). */
  onPage?(page: PdfPageText): void;
  signal?: AbortSignal;
  /** Characters of text read before the rest of the document is left unread (MAX_PDF_TEXT_CHARS). */
  maxChars?: number;
}

/**
 * Text read from one PDF at most: ten times a long thesis. A PDF built to inflate into more text
 * than this stops being read there (the pages read so far are analysed, and the reader told),
 * instead of filling the memory of the viewer or the command line.
 */
export const MAX_PDF_TEXT_CHARS = 10_000_000;

export interface PdfText {
  pages: PdfPageText[];
  info: PdfInfo;
  /** Reading stopped after this page, at the text limit; pages after it were not read. */
  stoppedAfterPage?: number;
  /** Wall-clock milliseconds spent in pdf.js (for the benchmark: our layout is measured against it). */
  millis: number;
}

/** [a b c d e f] · [a b c d e f], as PDF matrices compose. */
function multiply(m: number[], n: number[]): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

function abortError(): Error {
  const e = new Error('PDF reading was cancelled.');
  e.name = 'AbortError';
  return e;
}

/**
 * `work`, or an AbortError as soon as the signal fires: one page can keep pdf.js busy for a
 * minute (a content stream that inflates enormously), and Cancel must not wait for it.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export function toPdfTextItem(raw: TextItemLike, viewportTransform: number[]): PdfTextItem {
  const t = raw.transform ?? [1, 0, 0, 1, 0, 0];
  // Viewport transform maps PDF space (y up, possibly rotated/offset) to top-left origin, y down.
  const m = multiply(viewportTransform, t);
  const scale = Math.hypot(viewportTransform[0]!, viewportTransform[1]!) || 1;
  const fontSize = Math.hypot(m[2]!, m[3]!) || raw.height || 0;
  // Horizontal text in the viewport has no shear/rotation component: m = [s 0 0 s' x y].
  const rotated = Math.abs(m[1]!) > 1e-3 * Math.abs(m[0]!) + 1e-6 || Math.abs(m[2]!) > 1e-3 * Math.abs(m[3]!) + 1e-6;
  const item: PdfTextItem = {
    str: raw.str ?? '',
    x: m[4]!,
    y: m[5]!,
    width: (raw.width ?? 0) * scale,
    height: fontSize,
    fontName: raw.fontName ?? '',
    hasEOL: raw.hasEOL === true,
  };
  if (rotated) item.rotated = true;
  return item;
}

export async function readPdfText(doc: PdfDocumentLike, opts: ReadPdfTextOptions = {}): Promise<PdfText> {
  const started = now();
  const total = doc.numPages;
  const pages: PdfPageText[] = [];
  const maxChars = opts.maxChars ?? MAX_PDF_TEXT_CHARS;
  let chars = 0;
  let stoppedAfterPage: number | undefined;
  for (let n = 1; n <= total; n++) {
    if (opts.signal?.aborted) throw abortError();
    try {
      const page = await untilAborted(doc.getPage(n), opts.signal);
      const viewport = page.getViewport({ scale: 1 });
      const content = await untilAborted(page.getTextContent(), opts.signal);
      const items: PdfTextItem[] = [];
      for (const raw of content.items as TextItemLike[]) {
        // Marked-content entries are excluded by default; guard anyway so indices stay aligned
        // with the text layer's spans (which only exist for real text items).
        if (typeof raw.str !== 'string') continue;
        items.push(toPdfTextItem(raw, viewport.transform));
      }
      pages.push({ pageNumber: n, width: viewport.width, height: viewport.height, items });
      page.cleanup?.();
    } catch (e) {
      if (opts.signal?.aborted) throw abortError();
      // One damaged page should not cost the reader the rest of the paper.
      pages.push({ pageNumber: n, width: 0, height: 0, items: [], error: e instanceof Error ? e.message : String(e) });
    }
    const read = pages[pages.length - 1]!;
    opts.onPage?.(read);
    opts.onProgress?.(n, total);
    for (const item of read.items) chars += item.str.length;
    if (chars > maxChars && n < total) {
      stoppedAfterPage = n;
      break;
    }
  }
  const info = await readInfo(doc);
  return { pages, info, millis: now() - started, ...(stoppedAfterPage !== undefined ? { stoppedAfterPage } : {}) };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function cleanString(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.replace(/[\s\u0000]+/g, ' ').trim();
  return s.length ? s : null;
}

function splitAuthors(s: string | null): string[] {
  if (!s) return [];
  return s
    .split(/\s*(?:;|\band\b|&|,(?=\s*[A-Z][^,]*\s[A-Z]))\s*/)
    .map((a) => a.trim())
    .filter((a) => a.length > 1);
}

async function readInfo(doc: PdfDocumentLike): Promise<PdfInfo> {
  let info: Record<string, unknown> = {};
  let xmp: MetadataLike | null = null;
  try {
    const md = await doc.getMetadata();
    info = (md.info ?? {}) as Record<string, unknown>;
    xmp = md.metadata;
  } catch {
    // Broken metadata must not stop text extraction.
  }
  const xmpGet = (k: string): unknown => {
    try {
      return xmp?.get(k);
    } catch {
      return undefined;
    }
  };
  const xmpTitle = xmpGet('dc:title');
  const xmpCreator = xmpGet('dc:creator');
  const title = cleanString(xmpTitle) ?? cleanString(info.Title);
  const authors = Array.isArray(xmpCreator)
    ? xmpCreator.map((a) => cleanString(a)).filter((a): a is string => !!a)
    : splitAuthors(cleanString(xmpCreator) ?? cleanString(info.Author));
  const subject = cleanString(info.Subject) ?? cleanString(xmpGet('dc:description'));
  const keywords = cleanString(info.Keywords);
  const doi =
    findDoi(cleanString(xmpGet('prism:doi'))) ??
    findDoi(cleanString(xmpGet('dc:identifier'))) ??
    findDoi(subject) ??
    findDoi(keywords) ??
    findDoi(cleanString(info.doi));
  const created = cleanString(info.CreationDate);
  const ym = created ? /(?:D:)?((?:19|20)\d\d)/.exec(created) : null;
  // pdf.js keys XMP entries by their lower-cased element names.
  const cited = subject ? citationInSubject(subject) : null;
  const journal = cleanString(xmpGet('prism:publicationname')) ?? cited?.journal ?? null;
  const xmpDate = cleanString(xmpGet('prism:coverdate')) ?? cleanString(xmpGet('prism:publicationdate')) ?? cleanString(xmpGet('prism:coverdisplaydate'));
  const xmpYear = xmpDate ? /\b((?:19|20)\d\d)\b/.exec(xmpDate) : null;
  const publishedYear = xmpYear ? Number(xmpYear[1]) : cited?.year ?? null;
  return { title, authors, subject, keywords, doi, creationYear: ym ? Number(ym[1]) : null, journal, publishedYear };
}

/**
 * The journal (and year) of a Subject written as a citation, as several publishers set it:
 * "Journal Name, 345 (2024) 12-20. doi:…", "Journal Name 2021;9:11-19", "Journal Name, doi:…".
 * A Subject that is a sentence or a keyword list gives nothing.
 */
export function citationInSubject(subject: string): { journal: string; year: number | null } | null {
  const name = String.raw`([\p{L}&'’ .:-]{4,120}?)`;
  const year = String.raw`((?:19|20)\d\d)`;
  const volumeYear = new RegExp(String.raw`^${name},\s*(?:vol(?:ume)?\.?\s*)?\d{1,4}\s*\(${year}\)`, 'u').exec(subject);
  if (volumeYear) return { journal: volumeYear[1]!.trim(), year: Number(volumeYear[2]) };
  const yearVolume = new RegExp(String.raw`^${name},?\s+${year}\s*[;,:]\s*\d`, 'u').exec(subject);
  if (yearVolume) return { journal: yearVolume[1]!.trim(), year: Number(yearVolume[2]) };
  const doiOnly = new RegExp(String.raw`^${name},\s*doi:\s*10\.`, 'iu').exec(subject);
  if (doiOnly) return { journal: doiOnly[1]!.trim(), year: null };
  return null;
}
