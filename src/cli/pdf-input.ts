/** PDF input for the command line: pdf.js's legacy build in Node, then the shared PDF layout. */
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Paper } from '../analysis/model';
import { isPdfError } from '../extract/pdf/index';
import { extractPdfInNode } from '../extract/pdf/node';
import { InputError, type LoadOptions } from './input-error';

export async function paperFromPdfBytes(file: string, bytes: Uint8Array, options: LoadOptions): Promise<Paper> {
  try {
    const opts = options.password !== undefined ? { password: options.password } : {};
    const paper = await extractPdfInNode(bytes, opts);
    paper.metadata.url ??= pathToFileURL(resolve(file)).href;
    paper.metadata.title ??= basename(file);
    return paper;
  } catch (e) {
    if (isPdfError(e)) {
      const hint = e.code === 'encrypted' ? ' Use --password to give it.' : '';
      throw new InputError(file, e.message + hint);
    }
    throw e;
  }
}
