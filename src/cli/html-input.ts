/** HTML input for the command line: linkedom parses the page, then the shared HTML extractor. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Paper } from '../analysis/model';
import { extractHtml } from '../extract/html/index';
import { parseHtmlInNode } from '../extract/html/node-dom';
import { decodeHtml } from './html-encoding';

export function paperFromHtmlBytes(file: string, bytes: Uint8Array): Paper {
  const html = decodeHtml(bytes);
  return extractHtml(parseHtmlInNode(html), pathToFileURL(resolve(file)).href);
}
