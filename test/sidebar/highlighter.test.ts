// @vitest-environment happy-dom
/**
 * Anchoring and the <mark> fallback of the page highlighter, in happy-dom (which has no CSS
 * Custom Highlight API, so the fallback is what runs). The Highlight API path is covered in real
 * Chromium by test/browser/extension.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/analysis/model';
import { matchQuote, stripSpace } from '../../src/content/anchoring';
import { PageHighlighter } from '../../src/content/highlighter';

function setup(html: string, blocks: { path: string; text: string }[]): { paper: Paper; hl: PageHighlighter } {
  document.body.innerHTML = html;
  const paper: Paper = {
    metadata: { title: null, authors: [], journal: null, published: null, year: null, doi: null, pdfUrl: null, url: null },
    blocks: blocks.map((b, id) => ({ id, kind: 'paragraph', text: b.text, sectionPath: ['Methods'], role: 'methods', anchor: { type: 'dom', path: b.path } })),
    source: 'html',
    warnings: [],
  };
  return { paper, hl: new PageHighlighter(document, paper, 'url:test', { useMarks: true }) };
}

const marks = () => Array.from(document.querySelectorAll('mark.critical-reader-mark')).map((m) => [(m as HTMLElement).dataset.category, m.textContent]);

let current: PageHighlighter | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
  document.body.innerHTML = '';
});

describe('page highlighter (mark fallback)', () => {
  it('highlights the quoted words at their offsets, across inline markup', async () => {
    const text = 'Peer workers met participants. Peer support was weekly.';
    const { hl } = setup('<main><p>Peer workers met participants. <em>Peer</em> support was <b>weekly</b>.</p></main>', [{ path: '0/0', text }]);
    current = hl;
    hl.setHighlights([
      { category: 'term', targets: [{ id: 'b', anchor: { blockId: 0, start: 31, end: 35 }, quote: 'Peer' }] },
      { category: 'concern', targets: [{ id: 'c', anchor: { blockId: 0, start: 31, end: 55 }, quote: 'Peer support was weekly.' }] },
    ]);
    await hl.painted;
    // The second "Peer" (inside <em>), not the first; the concern spans three elements.
    expect(marks()).toContainEqual(['term', 'Peer']);
    expect(document.querySelector('em mark')?.textContent).toBe('Peer');
    expect(marks().filter(([c]) => c === 'concern').map(([, t]) => t).join('')).toContain('support was');
  });

  it('finds the quote by its context when the page text moved', async () => {
    const blockText = 'Alpha beta gamma. The term peer appears here.';
    // The page gained a sentence before the block's text since extraction: offsets no longer fit.
    const { hl } = setup('<div><p>New banner text. Alpha beta gamma. The term peer appears here.</p></div>', [{ path: '0/0', text: blockText }]);
    current = hl;
    hl.setHighlights([{ category: 'term', targets: [{ id: 't', anchor: { blockId: 0, start: 27, end: 31 }, quote: 'peer' }] }]);
    await hl.painted;
    expect(marks()).toEqual([['term', 'peer']]);
  });

  it('hides a category and restores the page exactly on dispose', async () => {
    const html = '<section><p>Funding was provided by the Trust. No conflicts.</p></section>';
    const { hl } = setup(html, [{ path: '0/0', text: 'Funding was provided by the Trust. No conflicts.' }]);
    hl.setHighlights([{ category: 'statement', targets: [{ id: 's', anchor: { blockId: 0, start: 0, end: 34 }, quote: 'Funding was provided by the Trust.' }] }]);
    await hl.painted;
    expect(marks()).toEqual([['statement', 'Funding was provided by the Trust.']]);
    hl.setCategoryVisible('statement', false);
    await hl.painted;
    expect(marks()).toEqual([]);
    hl.setCategoryVisible('statement', true);
    await hl.painted;
    expect(marks()).toHaveLength(1);
    hl.dispose();
    expect(document.body.innerHTML).toBe(html);
    expect(document.head.querySelector('style[data-critical-reader]')).toBeNull();
  });

  it('reports a selection inside a block with offsets into the block text', async () => {
    const text = 'Participants were recruited from three clinics.';
    const { hl } = setup(`<article><p>  Participants were   recruited from <i>three</i> clinics.</p></article>`, [{ path: '0/0', text }]);
    current = hl;
    const p = document.querySelector('p')!;
    const range = document.createRange();
    range.setStart(p.firstChild!, p.firstChild!.textContent!.indexOf('recruited'));
    range.setEnd(p.querySelector('i')!.firstChild!, 5);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const sel = hl.getSelection();
    expect(sel?.quote).toBe('recruited from three');
    expect(sel?.anchor).toEqual({ blockId: 0, start: text.indexOf('recruited'), end: text.indexOf('recruited') + 'recruited from three'.length });
    expect(sel?.prefix.endsWith('Participants were ')).toBe(true);
    expect(sel?.section).toBe('Methods');
  });
});

describe('quote matching', () => {
  it('prefers the occurrence whose context matches, then the one nearest the hint', () => {
    const text = stripSpace('peer review of peer support and peer support again');
    const exact = stripSpace('peer support');
    const second = text.lastIndexOf(exact);
    expect(matchQuote(text, { exact, prefix: stripSpace('and '), suffix: stripSpace(' again') })).toBe(second);
    expect(matchQuote(text, { exact, prefix: '', suffix: '', hint: second - 1 })).toBe(second);
    expect(matchQuote(text, { exact: 'absent', prefix: '', suffix: '' })).toBe(-1);
  });
});
