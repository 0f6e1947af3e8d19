/**
 * The content script extracts in slices (`extractHtmlInSlices`) so long pages never block for one
 * long task; it must give exactly what `extractHtml` gives — the same walk, only paused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractHtml, extractHtmlInSlices } from '../../src/extract/html/index';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';
import { requireCorpus } from '../corpus';

const FIXTURES = fileURLToPath(new URL('../fixtures/publishers/', import.meta.url));
const fixturePages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).map((f) => join(FIXTURES, f));

function corpusPages(): string[] {
  const dir = requireCorpus('html');
  // Every corpus page: the biggest (most references) are the ones slicing is for.
  return readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

describe('extractHtmlInSlices', () => {
  it.each(fixturePages.map((p) => [p.split('/').pop()!, p]))('gives the same paper as extractHtml on the %s publisher layout', async (_name, file) => {
    const html = readFileSync(file, 'utf8');
    const url = 'https://publisher.example/article';
    const sync = extractHtml(parseHtmlInNode(html), url);
    // A zero budget pauses at every step: the most interleaving the walk can see.
    const sliced = await extractHtmlInSlices(parseHtmlInNode(html), url, { budgetMs: 0 });
    expect(sliced).toEqual(sync);
    expect(sync.blocks.length).toBeGreaterThan(0);
  });

  it('gives the same paper as extractHtml on every corpus page', async () => {
    const pages = corpusPages();
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const sync = extractHtml(parseHtmlInNode(html), 'https://example.org/a');
      const sliced = await extractHtmlInSlices(parseHtmlInNode(html), 'https://example.org/a', { budgetMs: 0 });
      expect(sliced, file).toEqual(sync);
    }
  }, 120_000);

  it('lets the event loop run between slices on a long page', async () => {
    const refs = Array.from({ length: 400 }, (_, i) => `<li>Author ${i}. A title number ${i}. J Example. ${1990 + (i % 30)};1:1-9.</li>`).join('');
    const paras = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} about peer support in community services.</p>`).join('');
    const doc = parseHtmlInNode(`<html><body><article><h1>T</h1><section><h2>Methods</h2>${paras}</section><section><h2>References</h2><ol>${refs}</ol></section></article></body></html>`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const paper = await extractHtmlInSlices(doc, null, { budgetMs: 0 });
      expect(paper.blocks.filter((b) => b.kind === 'reference')).toHaveLength(400);
    } finally {
      clearInterval(timer);
    }
    // Other work (here a timer; on a page, input and rendering) ran while extraction was under way.
    expect(ticks).toBeGreaterThan(1);
  });
});
