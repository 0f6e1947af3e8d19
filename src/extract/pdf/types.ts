/**
 * The plain data that crosses from pdf.js into our layout code. Kept free of pdf.js types so
 * `layout.ts` stays pure (unit-testable with synthetic items, runnable in any context).
 */

/** One text item of `page.getTextContent().items`, with coordinates already resolved. */
export interface PdfTextItem {
  str: string;
  /** Left edge of the item, in page units (scale 1 viewport), x grows rightwards. */
  x: number;
  /** Baseline of the item, in page units (scale 1 viewport), y grows DOWNWARDS from the page top. */
  y: number;
  width: number;
  /** Font size in page units (the height of the text matrix). */
  height: number;
  /** pdf.js's loaded font name (e.g. "g_d0_f3"): equal names mean the same font. */
  fontName: string;
  /** Bold, when the caller knows it (pdf.js's text content does not say; the viewer may). */
  bold?: boolean;
  /** True when the text is not horizontal (rotated margin stamps, sideways tables): not read. */
  rotated?: boolean;
  hasEOL: boolean;
}

export interface PdfPageText {
  /** 1-based. */
  pageNumber: number;
  width: number;
  height: number;
  /**
   * In pdf.js text-content order. `items[i]` is `getTextContent().items[i]` of that page
   * (marked-content entries excluded, which is pdf.js's default), so anchors index the text layer.
   */
  items: PdfTextItem[];
  /** Set when pdf.js could not read this page (damaged file); the page then has no items. */
  error?: string;
}

/** Metadata read from the PDF's info dictionary and XMP packet. */
export interface PdfInfo {
  title: string | null;
  authors: string[];
  subject: string | null;
  keywords: string | null;
  /** A DOI found in the info dictionary or XMP (some publishers put it there). */
  doi: string | null;
  creationYear: number | null;
  /** The journal the file names in its XMP (prism:publicationName) or a citation-like Subject. */
  journal?: string | null;
  /** The publication year the file names in its XMP (prism:coverDate…) or a citation-like Subject. */
  publishedYear?: number | null;
}
