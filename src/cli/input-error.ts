/**
 * What every input reader shares: the error that names one bad input, and the options for reading
 * one. Its own module so the readers (html-input, pdf-input) and the loader that picks between them
 * depend on it, not on each other.
 */

/** A problem with one input: reported as one line naming the file; other files go on. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LoadOptions {
  /** For encrypted PDFs. */
  password?: string;
}
