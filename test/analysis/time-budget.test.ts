/**
 * An analysis with a time budget (the extension gives each page one, so a huge or hostile page
 * cannot hold up every other tab) stops when the budget is spent and says what it did not read;
 * within budget nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../src/analysis/engine';
import { critiqueToMarkdown } from '../../src/analysis/markdown';
import type { Block, Paper } from '../../src/analysis/model';

function paperOf(paragraphs: string[]): Paper {
  const blocks: Block[] = paragraphs.map((text, id) => ({ id, kind: 'paragraph', text, sectionPath: ['Results'], role: 'results', anchor: { type: 'meta' } }));
  return {
    metadata: { title: 'Budget', authors: [], journal: null, published: null, year: 2024, doi: null, pdfUrl: null, url: null },
    blocks,
    source: 'html',
    warnings: [],
  };
}

// Ordinary sentences, many of them: 2,000 in 200 paragraphs.
const sentence = (i: number) => `Participant ${i} met a peer mentor online each week and described the digital peer support as helpful. `;
const long = paperOf(Array.from({ length: 200 }, (_, p) => Array.from({ length: 10 }, (_, s) => sentence(p * 10 + s)).join('')));

/** A clock that moves 1 ms each time it is read: the budget is spent after a known amount of work. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

describe('analysis time budget', () => {
  it('stops reading a page too large for its budget, keeps what it found and says what is missing', () => {
    // The term check reads the clock every 64 sentences: a 10 ms budget lasts ~9 × 64 of the 2,000.
    const critique = analysePaper(long, { budgetMs: 10, now: tickingClock() });
    expect(critique.incomplete).toBeDefined();
    expect(critique.incomplete!.termTextShare).toBeGreaterThan(0.2);
    expect(critique.incomplete!.termTextShare).toBeLessThan(0.4);
    // What was read is kept: the uses of "peer" found before the stop, and only those.
    const peer = critique.terms.find((t) => t.term === 'peer')!;
    expect(peer.count).toBeGreaterThan(0);
    expect(peer.count).toBeLessThan(analysePaper(long).terms.find((t) => t.term === 'peer')!.count);
    expect(critique.warnings[0]).toMatch(/^Analysis stopped after \d+\.\d s: .*partial\. Terms were read in the first \d+% of the text\./);
    expect(critique.warnings[0]).toMatch(/Not checked: definitions, /);
    // The Markdown says so before the findings.
    const md = critiqueToMarkdown(critique, { notes: [] });
    expect(md.indexOf('**Partial analysis.**')).toBeGreaterThan(0);
    expect(md.indexOf('**Partial analysis.**')).toBeLessThan(md.indexOf('## Findings'));
  });

  it('with the budget spent before it starts, runs no check and says so', () => {
    const critique = analysePaper(long, { budgetMs: 0, now: tickingClock() });
    expect(critique.incomplete!.skippedChecks[0]).toBe('term-usage');
    expect(critique.terms).toEqual([]);
    expect(critique.warnings[0]).toMatch(/Not checked: term usage, definitions/);
  });

  it('changes nothing for a paper read within its budget', () => {
    const paper = paperOf([sentence(1) + sentence(2), 'Funding: none.']);
    const within = analysePaper(paper, { budgetMs: 60_000 });
    expect(within.incomplete).toBeUndefined();
    expect(within).toEqual(analysePaper(paper));
    expect(critiqueToMarkdown(within, { notes: [] })).not.toContain('Partial analysis');
  });
});
