/** What the evaluation scripts share: reading a saved page into a Paper, comparing titles. */
import { readFileSync } from 'node:fs';
import type { Paper } from '../src/analysis/model';
import { extractHtml } from '../src/extract/html/index';
import { parseHtmlInNode } from '../src/extract/html/node-dom';

export function htmlPaper(path: string): Paper {
  return extractHtml(parseHtmlInNode(readFileSync(path, 'utf8')), null);
}

/** A title as compared with the truth: lower case, letters and digits, single spaces. */
export function titleWords(t: string | null | undefined): string {
  return (t ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
