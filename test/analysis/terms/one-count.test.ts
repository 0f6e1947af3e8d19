/**
 * One count for a term everywhere a reader sees it: the finding, the JSON report, the Markdown
 * table. A counted use is one in the paper's own text; reference-list uses are counted apart.
 */
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import { critiqueToMarkdown } from '../../../src/analysis/markdown';
import { makePaper } from './make-paper';
import { findings, term } from './helpers';

describe('one count per term', () => {
  const c = analysePaper(
    makePaper([
      { title: 'Mentoring by peers after a first episode of psychosis' },
      { heading: 'Introduction' },
      { paragraph: 'Peer mentors visit weekly. Peer mentoring is cheap. Peers share experience.' },
      { heading: 'Methods' },
      { paragraph: 'We searched peer-reviewed journals. Each peer reviewer scored the protocols.' },
      { heading: 'References' },
      { reference: 'Ng P. Peer mentoring in psychosis. Psychosis. 2019;2:1-9.' },
      { reference: 'Oduya T. Peers as mentors. Ment Health Rev. 2020;4:5-9.' },
    ]),
  );
  const peer = term(c, 'peer');

  it('the JSON count is the paper\'s own uses, with the reference list\'s counted apart and senses adding up', () => {
    expect(peer.count).toBe(6);
    expect(peer.referenceUses).toBe(2);
    expect(Object.values(peer.senses).reduce((a, b) => a + b, 0)).toBe(peer.count);
    expect(peer.occurrences).toHaveLength(peer.count + peer.referenceUses);
  });

  it('the definition-gap finding and the Markdown table give that same count', () => {
    const gap = findings(c, 'definition-gap', 'peer')[0]!;
    expect(gap.summary).toContain(`used ${peer.count} times`);
    // …and says how many of them are in the sense that needs defining.
    expect(gap.summary).toMatch(/\(4 of these uses are in the sense "peer support/);
    const md = critiqueToMarkdown(c, { date: new Date('2026-01-01') });
    expect(md).toMatch(new RegExp(`\\| peer \\| ${peer.count} \\|`));
  });
});

describe('the sentence each use carries', () => {
  it('is cut around the use when the "sentence" is enormous, so the JSON stays proportional to the paper', () => {
    const cells = Array.from({ length: 400 }, (_, i) => `row ${i} peer mentor yes`).join(' ');
    const c = analysePaper(makePaper([{ title: 'T' }, { heading: 'Results' }, { paragraph: cells }]));
    const peer = term(c, 'peer');
    expect(peer.count).toBe(400);
    for (const o of peer.occurrences) {
      expect(o.sentence.length).toBeLessThan(1000);
      expect(o.sentence).toContain(o.match);
    }
    expect(JSON.stringify(c).length).toBeLessThan(2_000_000);
    // An ordinary sentence is carried whole.
    const short = analysePaper(makePaper([{ title: 'T' }, { heading: 'Methods' }, { paragraph: 'Peer mentors met weekly.' }]));
    expect(term(short, 'peer').occurrences[0]!.sentence).toBe('Peer mentors met weekly.');
  });
});
