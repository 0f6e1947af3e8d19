/**
 * The term checks on real, ordinary papers (none is about peer support): "peer review" must stay
 * peer review, everyday "digital" must not become digital peer support, and no term finding about
 * mixed senses or automated peers may fire.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Critique } from '../../../src/analysis/critique';
import { analysePaper } from '../../../src/analysis/engine';
import type { Paper } from '../../../src/analysis/model';
import { extractHtml } from '../../../src/extract/html';
import { parseHtmlInNode } from '../../../src/extract/html/node-dom';
import { requireCorpus } from '../../corpus';
import { findings, term } from './helpers';

const RELEVANT = /peer|digital|survivor|consumer|lived experience/i;
const PEER_REVIEW = /peer[\s\-\u2010\u2011]?review/gi;

interface Page {
  name: string;
  paper: Paper;
  critique: Critique;
  /** "peer review" written anywhere in the page's HTML (an upper bound for the article text). */
  rawPeerReview: number;
}

function loadPages(): Page[] {
  const dir = requireCorpus('html');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((name) => ({ name, html: readFileSync(join(dir, name), 'utf8') }))
    .filter((p) => RELEVANT.test(p.html))
    .map(({ name, html }) => {
      const paper = extractHtml(parseHtmlInNode(html), null);
      return { name, paper, critique: analysePaper(paper), rawPeerReview: html.match(PEER_REVIEW)?.length ?? 0 };
    });
}

describe('term checks on ordinary published papers', () => {
  const pages = loadPages();

  it('reads enough pages that use the words', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps every "peer review" in the review sense and finds nearly all of them', () => {
    let found = 0;
    let raw = 0;
    for (const p of pages) {
      const peer = term(p.critique, 'peer');
      for (const o of peer.occurrences) {
        if (/peer[\s\-\u2010\u2011]?review/i.test(o.match)) expect(o.sense, `${p.name}: ${o.sentence}`).toBe('review');
      }
      found += peer.senses.review ?? 0;
      raw += p.rawPeerReview;
    }
    expect(raw).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(raw);
    expect(found).toBeGreaterThanOrEqual(Math.floor(raw * 0.9));
  });

  it('finds no peer support, digital peer support, mixed senses or automated peers', () => {
    for (const p of pages) {
      expect(term(p.critique, 'peer').senses.support ?? 0, p.name).toBe(0);
      expect(term(p.critique, 'digital-peer-support').count, p.name).toBe(0);
      expect(findings(p.critique, 'mixed-senses').map((f) => f.summary), p.name).toEqual([]);
      expect(findings(p.critique, 'automated-peer').map((f) => f.summary), p.name).toEqual([]);
      expect(findings(p.critique, 'definition-gap').map((f) => f.summary), p.name).toEqual([]);
    }
  });

  it('puts lab and imaging uses of "digital" in the other sense', () => {
    // Uses directly followed by a camera/photo/imaging word, read from the block text itself.
    const imaging = pages.flatMap((p) =>
      term(p.critique, 'digital').occurrences.filter((o) =>
        /^\s+(?:camera|photograph|image|x-ray|mammograph)/i.test(p.paper.blocks[o.anchor.blockId]!.text.slice(o.anchor.end, o.anchor.end + 20)),
      ),
    );
    expect(imaging.length).toBeGreaterThan(0);
    for (const o of imaging) expect(o.sense, o.sentence).toBe('other');
  });
});
