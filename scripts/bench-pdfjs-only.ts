/**
 * The floor under the command line's figure in `npm run bench`: a folder of PDFs read the way
 * the CLI reads them — pdf.js loaded through the same code cache, one shared worker, every
 * page's text content taken — and nothing else (no layout, analysis or output). The benchmark
 * times this process beside the CLI on the same folder, so the part of the CLI's time that is
 * pdf.js's own, start-up and warm-up included, is measured rather than estimated.
 *
 * Usage: node dist/bench/bench-pdfjs-only.mjs FOLDER (CRITICAL_READER_CACHE names the code cache).
 */
import '../src/shared/node-polyfills';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPdfInNode } from '../src/extract/pdf/node';
import { notePdfRead, usePdfjsCodeCache } from '../src/extract/pdf/pdfjs-node';
import { readPdfText } from '../src/extract/pdf/pdfjs-text';

const folder = process.argv[2];
if (!folder) throw new Error('usage: bench-pdfjs-only FOLDER');
const cache = process.env.CRITICAL_READER_CACHE;
if (cache && cache !== 'off') usePdfjsCodeCache(cache);
for (const name of readdirSync(folder).sort()) {
  if (!name.endsWith('.pdf')) continue;
  const loaded = await loadPdfInNode(readFileSync(join(folder, name)));
  try {
    await readPdfText(loaded.doc);
    notePdfRead();
  } finally {
    await loaded.destroy();
  }
}
