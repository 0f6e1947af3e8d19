import { describe, expect, it } from 'vitest';
import type { Lens } from '../../../src/analysis/lens';
import { DIGITAL_PEER_SUPPORT_LENS } from '../../../src/analysis/lenses/default';
import { compileLens, findTermHits, phraseSource } from '../../../src/analysis/term-matcher';

const lens = compileLens(DIGITAL_PEER_SUPPORT_LENS);
const termOf = (id: string) => lens.terms.find((t) => t.term.id === id)!;
const hits = (id: string, text: string) => findTermHits(termOf(id), text).map((h) => `${h.text}→${h.sense}`);

describe('pattern language', () => {
  it('treats hyphen, space and no space alike and * as any ending', () => {
    const re = new RegExp(`^(?:${phraseSource('co-produc*')})$`, 'iu');
    for (const w of ['co-production', 'co production', 'coproduced', 'Co-Producing']) expect(re.test(w)).toBe(true);
    expect(re.test('production')).toBe(false);
  });

  it('matches whole words only, so journal names and other words are not "peer"', () => {
    expect(hits('peer', 'Published in PeerJ by a compeer; scientists peering at cells.')).toEqual([]);
    expect(hits('peer', 'Peers and PEER workers')).toHaveLength(2);
  });

  it('counts a hyphenated compound once and anchors the whole compound', () => {
    const text = 'A peer-to-peer network and peer-led groups.';
    const h = findTermHits(termOf('peer'), text);
    expect(h.map((x) => text.slice(x.start, x.end))).toEqual(['peer-to-peer', 'peer-led']);
    expect(h.map((x) => x.sense)).toEqual(['network', 'support']);
  });

  it('takes a wildcard for one whole word: one long word never fills several wildcards', () => {
    const re = new RegExp(`^(?:${phraseSource('peer * * support')})$`, 'u');
    expect(re.test('peer online group support')).toBe(true);
    expect(re.test('peer-led group support')).toBe(true);
    // Two wildcards cannot share one word (which once let a 64-letter word take minutes to refuse).
    expect(re.test('peer wonderful support')).toBe(false);
    expect(re.test('peerled group support')).toBe(false);
  });

  it('finds a long cue that ends within reach of a use, however early it starts', () => {
    const lens: Lens = {
      id: 'long-cue',
      name: 'Long cue',
      terms: [{ id: 'widget', label: 'widget', variants: ['widget'], expectDefinition: false, senses: [{ id: 'named', label: 'named', cues: ['alpha beta gamma delta epsilon zeta eta theta'] }] }],
    };
    const term = compileLens(lens).terms[0]!;
    const text = 'alpha beta gamma delta epsilon zeta eta theta one two three four five six seven eight nine ten widget';
    expect(findTermHits(term, text).map((h) => h.sense)).toEqual(['named']);
  });

  it('compiles each lens once', () => {
    expect(compileLens(DIGITAL_PEER_SUPPORT_LENS)).toBe(lens);
  });
});

describe('senses of "peer"', () => {
  it('tells peer review from peer support in the same sentence', () => {
    expect(hits('peer', 'We searched peer-reviewed studies of peer support workers.')).toEqual(['peer-reviewed→review', 'peer→support']);
  });

  it('does not lend a compound cue around one use to another use', () => {
    // "peer-reviewed" belongs to the first use; the bare "peers" has no cue of its own.
    expect(hits('peer', 'Only peer-reviewed trials in which peers took part were kept.')).toEqual(['peer-reviewed→review', 'peers→unspecified']);
  });

  it('prefers the adjacent cue over one elsewhere in the sentence', () => {
    expect(hits('peer', 'Peer support may reduce peer pressure.')).toEqual(['Peer→support', 'peer→harm']);
    expect(hits('peer', 'Peer victimization predicted lower support from teachers.')).toEqual(['Peer→harm']);
    expect(hits('peer', 'Adolescents with poor peer relationships were offered support.')).toEqual(['peer→relationship']);
  });

  it('recognises automated "peers", training about peer support and peer-supported apps', () => {
    expect(hits('peer', 'An AI chatbot peer answered messages.')).toEqual(['peer→automated']);
    expect(hits('peer', 'Nurses were trained in peer support during a workshop.')).toEqual(['peer→training']);
    expect(hits('peer', 'An e-learning programme trained mental health staff about peer support.')).toEqual(['peer→training']);
    expect(hits('peer', 'We know little about peer support in prisons.')).toEqual(['peer→support']);
    expect(hits('peer', 'A peer-supported digital intervention for depression.')).toEqual(['peer-supported→supported-intervention']);
    expect(hits('peer', 'Peer coaches guided use of the app.')).toEqual(['Peer→supported-intervention']);
  });

  it('reads British and American spellings alike', () => {
    expect(hits('peer', 'Peer counsellors and peer counselors; peer victimisation and peer victimization.')).toEqual([
      'Peer→support',
      'peer→support',
      'peer→harm',
      'peer→harm',
    ]);
    expect(hits('digital', 'Records were digitised, then digitized again.').map((h) => h.split('→')[0])).toEqual(['digitised', 'digitized']);
  });

  it('ignores a negated cue', () => {
    expect(hits('peer', 'Sessions were run by human peers, not chatbots.')).toEqual(['peers→unspecified']);
  });

  it('is unspecified with no cue at all', () => {
    expect(hits('peer', 'Each peer was paid.')).toEqual(['peer→unspecified']);
  });
});

describe('senses of "digital" and of lived-experience words', () => {
  it('separates lab "digital" from technology-delivered "digital"', () => {
    expect(hits('digital', 'Digital PCR and digital images were analysed.')).toEqual(['Digital→other', 'digital→other']);
    expect(hits('digital', 'A digital mental health app was offered.')).toEqual(['digital→technology-delivered']);
  });

  it('gives everyday uses of survivor and consumer their own sense', () => {
    expect(hits('lived-experience', 'Cancer survivors and consumer products.')).toEqual(['survivors→everyday', 'consumer→everyday']);
    expect(hits('lived-experience', 'Researchers with lived experience of psychosis and mental health service users.')).toEqual([
      'lived experience→lived-experience',
      'service users→lived-experience',
    ]);
  });
});

describe('the digital peer support concept', () => {
  it('matches the medium before or after "peer support" and not peer-supported interventions', () => {
    const t = termOf('digital-peer-support');
    const m = (s: string) => findTermHits(t, s).map((h) => h.text);
    expect(m('Digital peer support, online peer-support and e-peer support.')).toEqual(['Digital peer support', 'online peer-support', 'e-peer support']);
    expect(m('Peer support delivered via an app helped.')).toEqual(['Peer support delivered via an app']);
    expect(m('Peer support delivered via a smartphone helped.')).toEqual(['Peer support delivered via a smartphone']);
    expect(m('A peer-supported digital intervention.')).toEqual([]);
  });
});

describe('a reader lens runs through the same matcher', () => {
  it('finds variants of a custom term', () => {
    const custom: Lens = {
      id: 'co-production',
      name: 'Co-production',
      terms: [{ id: 'co-production', label: 'co-production', variants: ['co-produc*', 'coproduced', 'participatory'], expectDefinition: true }],
    };
    const t = compileLens(custom).terms[0]!;
    expect(findTermHits(t, 'Co-produced with users; a participatory and coproduction approach.').map((h) => h.text)).toEqual([
      'Co-produced',
      'participatory',
      'coproduction',
    ]);
  });
});
