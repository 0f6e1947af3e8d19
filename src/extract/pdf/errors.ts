/** Typed, reader-facing errors for PDFs we cannot read. `message` is written for the reader. */
export type PdfErrorCode = 'encrypted' | 'wrong-password' | 'corrupt' | 'not-pdf' | 'empty' | 'no-text';

const MESSAGES: Record<PdfErrorCode, string> = {
  encrypted:
    'This PDF is password-protected. Open it with its password (or save an unprotected copy from your PDF reader), then try again.',
  'wrong-password': 'The password for this PDF is not correct. Check it and try again.',
  corrupt:
    'This PDF is damaged or incomplete (perhaps the download was cut short), so its text cannot be read. Download it again and retry.',
  'not-pdf': 'This file is not a PDF (its contents do not start like one). Check that you opened the right file.',
  empty: 'This PDF has no pages.',
  'no-text':
    'This PDF has no text layer (it is probably scanned images): run OCR first, e.g. with OCRmyPDF, then open it again.',
};

export class PdfError extends Error {
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code], options);
    this.name = 'PdfError';
    this.code = code;
  }
}

export function isPdfError(e: unknown): e is PdfError {
  return e instanceof PdfError;
}

/** True when the bytes start like a PDF (the header may follow up to 1 KB of junk, as readers allow). */
export function looksLikePdf(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Maps a pdf.js loading failure to a PdfError. pdf.js exceptions cross the worker boundary as
 * plain objects with a `name`, so we match on names, not classes (works for both builds).
 */
export function pdfErrorFromPdfjs(e: unknown, passwordGiven: boolean): PdfError {
  const err = e as { name?: string; code?: number; message?: string } | null;
  const name = err?.name ?? '';
  const msg = err?.message ?? String(e);
  if (name === 'PasswordException') {
    // pdf.js PasswordResponses: NEED_PASSWORD = 1, INCORRECT_PASSWORD = 2.
    if (err?.code === 2 || (passwordGiven && err?.code !== 1)) return new PdfError('wrong-password', undefined, { cause: e });
    return new PdfError('encrypted', undefined, { cause: e });
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new PdfError('corrupt', msg, { cause: e });
  }
  return new PdfError('corrupt', msg, { cause: e });
}
