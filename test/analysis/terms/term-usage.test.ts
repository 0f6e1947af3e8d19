import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import { makePaper } from './make-paper';
import { senses, term } from './helpers';

const paper = makePaper([
  { title: 'Digital peer support for people with psychosis: a meta-analysis' },
  { heading: 'Introduction' },
  { paragraph: 'Peer support workers share lived experience. Digital peer support extends this to apps. Peer victimization is a different matter.' },
  { heading: 'Methods' },
  { paragraph: 'We searched peer-reviewed journals for trials of online peer support.' },
  { heading: 'References' },
  { reference: 'Smith J. Peer victimisation and bullying in adolescence. J Youth. 2019;3:1-9.' },
]);
const c = analysePaper(paper);

describe('term usage', () => {
  it('reports every use of "peer", including the concept\'s and the reference titles\' (counted apart)', () => {
    expect(senses(c, 'peer')).toEqual([
      'peer→support', // title: "Digital peer support"
      'Peer→support',
      'peer→support',
      'Peer→harm',
      'peer-reviewed→review',
      'peer→support',
      'Peer→harm', // reference title
    ]);
    const peer = term(c, 'peer');
    // Counted uses are the paper's own; the reference title's use is listed and counted apart.
    expect(peer.count).toBe(6);
    expect(peer.referenceUses).toBe(1);
    expect(peer.senses).toEqual({ support: 4, harm: 1, review: 1 });
    expect(peer.sections).toEqual({ Title: 1, Introduction: 3, Methods: 2 });
    expect(peer.occurrences.filter((o) => o.inReference).map((o) => o.sentence)).toEqual([
      'Smith J. Peer victimisation and bullying in adolescence.',
    ]);
  });

  it('anchors each use at its words in the block text', () => {
    for (const o of term(c, 'peer').occurrences) {
      expect(paper.blocks[o.anchor.blockId]!.text.slice(o.anchor.start, o.anchor.end)).toBe(o.match);
      expect(o.sentence).toContain(o.match);
    }
  });

  it('counts the concept in its own report', () => {
    const dps = term(c, 'digital-peer-support');
    expect(dps.occurrences.map((o) => o.match)).toEqual(['Digital peer support', 'Digital peer support', 'online peer support']);
    expect(dps.expectDefinition).toBe(true);
  });

  it('counts lived-experience and digital words with their senses', () => {
    expect(senses(c, 'lived-experience')).toEqual(['lived experience→lived-experience']);
    expect(term(c, 'digital').senses).toEqual({ 'technology-delivered': 2 });
  });
});
