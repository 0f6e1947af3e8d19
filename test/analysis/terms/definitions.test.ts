import { describe, expect, it } from 'vitest';
import { definitionMarker } from '../../../src/analysis/checks/definitions';
import { analysePaper } from '../../../src/analysis/engine';
import type { Lens } from '../../../src/analysis/lens';
import { findings, term } from './helpers';
import { makePaper, type BlockSpec } from './make-paper';

const analyse = (specs: BlockSpec[], lenses?: Lens[]) => analysePaper(makePaper(specs), lenses ? { lenses } : {});

/** Marker found when `term` (its first occurrence) is the candidate in `sentence`. */
function marker(sentence: string, t: string, role: 'introduction' | 'results' = 'introduction', concept = true) {
  const i = sentence.toLowerCase().indexOf(t.toLowerCase());
  return definitionMarker(sentence, i, i + t.length, role, concept)?.marker ?? null;
}

describe('definition phrases', () => {
  it.each([
    ['Digital peer support is defined as support between people with shared experience delivered by technology.', 'is defined as'],
    ['Digital peer support (DPS) refers to support offered online by trained peers.', 'refers to'],
    ['In this review, digital peer support, i.e., peer support delivered through apps, was the focus.', 'i.e.'],
    ['We define digital peer support as mutual help offered through technology.', 'we define'],
    ['Digital peer support was defined by Fortuna et al. as "live or automated peer support services" [12].', 'is defined as'],
    ['Trials of digital peer support (i.e. help from peers through apps) were eligible.', 'i.e.'],
    ['By digital peer support we mean help from people with lived experience via apps.', 'by X we mean'],
    ['We use the term digital peer support for any technology-mediated mutual help.', 'we use the term'],
    ['Fortuna et al. defined digital peer support as "live or automated peer support services" [12].', 'defined X as'],
    ['Digital peer support, as defined by Fortuna et al. [12], includes apps.', 'as defined by'],
    ['Digital peer support has been described as "a system of giving and receiving help" [3].', 'is described as'],
    ['Digital peer support is a form of mutual help in which people share experience.', 'is a … that'],
    ['Digital peer support is an intervention in which people with lived experience help others online.', 'is a … that'],
    ['We use digital peer support to mean mutual help exchanged over phones, apps or websites.', 'we use X to mean'],
    ['Here, digital peer support refers to any exchange between service users over a platform.', 'refers to'],
    ['In this review, digital peer support is understood as mutual help that a platform carries.', 'is described as'],
    ['For the purposes of this study, digital peer support was defined as contact between carers via an app.', 'is defined as'],
    ['Digital peer support, which we define as help given by fellow patients online, was the exposure.', 'which we define as'],
    ['We adopt the definition of digital peer support proposed by an expert panel: help between equals online [7].', 'we adopt a definition'],
  ])('recognises "%s"', (sentence, expected) => {
    expect(marker(sentence, 'digital peer support')).toBe(expected);
  });

  it.each([
    'Digital peer support is a promising approach that may reduce loneliness.',
    'Digital peer support is an effective intervention that reduces symptoms.',
    'There is no agreed definition of digital peer support in the literature.',
    'Digital peer support has been described as effective in several trials [4].',
    'Users of digital peer support is a phrase nobody writes.',
    'Digital peer support was delivered through an app.',
    'Staff described digital peer support as a lifeline during lockdown.',
    'Participants defined digital peer support as talking to someone who gets it.',
    'Young people saw digital peer support as less formal than therapy.',
    'We measured uptake of digital peer support (i.e., the percentage of invited users who posted at least once).',
    'Engagement with digital peer support, i.e. the number of sessions attended, was logged.',
  ])('does not take "%s" for a definition', (sentence) => {
    expect(marker(sentence, 'digital peer support')).toBeNull();
  });

  it.each([
    ['Peer support is social and emotional support offered by people with lived experience.', 'peer support'],
    ['Digital peer support is peer support delivered through digital technologies.', 'digital peer support'],
    ['Lived experience is first-hand experience of mental illness or its treatment.', 'lived experience'],
  ])('recognises "%s", whose genus is the concept\'s own head noun', (sentence, t) => {
    expect(marker(sentence, t)).toBe('is … <kind> that');
  });

  it.each([
    'Peer support is associated with better support from family members.',
    'Peer support is not support that clinicians can prescribe.',
    'Peer support is one source of support that people value.',
    'Peer support is increasingly popular support that services fund.',
    'Peer support is support.',
  ])('does not take "%s" for a definition of peer support', (sentence) => {
    expect(marker(sentence, 'peer support')).toBeNull();
  });

  it('accepts a copular definition only in the abstract, introduction or methods', () => {
    const s = 'Digital peer support is a form of mutual help in which people share experience.';
    expect(marker(s, 'digital peer support', 'results')).toBeNull();
  });

  it('lets a head word follow a single-word term ("peer support is defined as" defines "peer")', () => {
    expect(marker('Peer support workers are defined as staff with lived experience.', 'peer', 'introduction', false)).toBe('is defined as');
  });
});

const USES = [
  { paragraph: 'Digital peer support is growing. Digital peer support helps many people.' },
  { paragraph: 'Digital peer support reaches rural areas.' },
];

describe('definition-gap findings', () => {
  it('flags a concept used three or more times and never defined, in words a reader understands', () => {
    const c = analyse([{ title: 'A review' }, { heading: 'Introduction' }, ...USES]);
    const [gap] = findings(c, 'definition-gap', 'digital-peer-support');
    expect(gap).toMatchObject({ detail: 'none', severity: 'concern', summary: "'digital peer support' is used 3 times but never defined." });
    expect(gap!.evidence).toHaveLength(3);
  });

  it('does not count uses in reference entries', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'Digital peer support is growing. Digital peer support helps many people.' },
      { heading: 'References' },
      { reference: 'Lee A. Digital peer support in rural areas. J Ment Health. 2020;1:1-2.' },
    ]);
    expect(findings(c, 'definition-gap', 'digital-peer-support')).toEqual([]);
  });

  it('reports an own, early definition and raises nothing', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'We define digital peer support as mutual help between people with shared lived experience, offered through apps or online groups.' },
      ...USES,
    ]);
    const dps = term(c, 'digital-peer-support');
    expect(dps.definitions).toHaveLength(1);
    expect(dps.definitions[0]).toMatchObject({ origin: 'own', marker: 'we define', usesBefore: 0, section: 'Introduction' });
    expect(findings(c, 'definition-gap', 'digital-peer-support')).toEqual([]);
  });

  it('flags a definition that is only borrowed with a citation', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'Digital peer support is defined as live or automated peer support services delivered through technology media [12].' },
      ...USES,
    ]);
    expect(term(c, 'digital-peer-support').definitions[0]!.origin).toBe('cited');
    const gaps = findings(c, 'definition-gap', 'digital-peer-support');
    expect(gaps.map((f) => [f.detail, f.severity])).toEqual([['cited-only', 'caution']]);
    expect(gaps[0]!.evidence[0]!.quote).toContain('live or automated');
  });

  it('treats "according to", "defined by" and author-year citations as borrowed', () => {
    for (const sentence of [
      'Digital peer support was defined by Fortuna et al. as "live or automated peer support services".',
      'According to Fortuna, digital peer support refers to peer support delivered through technology.',
      'Digital peer support refers to peer support delivered through technology (Fortuna et al., 2020).',
    ]) {
      const c = analyse([{ heading: 'Introduction' }, { paragraph: sentence }]);
      expect(term(c, 'digital-peer-support').definitions.map((d) => d.origin)).toEqual(['cited']);
    }
  });

  it('flags a definition that comes only after several uses, or only in the discussion', () => {
    const late = analyse([
      { title: 'Digital peer support: a review' },
      { heading: 'Introduction' },
      ...USES,
      { heading: 'Methods' },
      { paragraph: 'We define digital peer support as mutual help between people with shared experience, offered online.' },
    ]);
    const [gap] = findings(late, 'definition-gap', 'digital-peer-support');
    expect(gap).toMatchObject({ detail: 'late', severity: 'caution' });
    expect(gap!.summary).toBe("'digital peer support' is first defined after it has already been used 3 times in the text.");

    const discussion = analyse([
      { heading: 'Introduction' },
      { paragraph: 'Digital peer support is growing.' },
      { heading: 'Discussion' },
      { paragraph: 'We define digital peer support as mutual help between people with shared experience, offered online.' },
    ]);
    expect(findings(discussion, 'definition-gap', 'digital-peer-support').map((f) => f.detail)).toEqual(['late']);
  });

  it('does not call a definition late because the title and abstract used the term first', () => {
    const c = analyse([
      { title: 'Digital peer support: a review' },
      { heading: 'Abstract' },
      { paragraph: 'Digital peer support is growing. Digital peer support helps. Digital peer support is cheap.' },
      { heading: 'Introduction' },
      { paragraph: 'We define digital peer support as mutual help between people with shared experience, offered online.' },
    ]);
    expect(term(c, 'digital-peer-support').definitions[0]!.usesBefore).toBe(4);
    expect(findings(c, 'definition-gap', 'digital-peer-support')).toEqual([]);
  });

  it('flags two clearly different definitions', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'We define digital peer support as mutual help between people with shared lived experience of mental illness.' },
      { heading: 'Methods' },
      { paragraph: 'For this review, digital peer support was defined as any smartphone application, chatbot or website offering automated messages.' },
    ]);
    expect(findings(c, 'definition-gap', 'digital-peer-support').map((f) => f.detail)).toEqual(['inconsistent']);
  });

  it('counts "we adopt <someone>\'s definition" as the authors\' own choice, with its source kept in the quote', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'We adopt the definition of digital peer support given by Okafor and Lind: mutual help between people with shared experience, offered online [9].' },
      ...USES,
    ]);
    const defs = term(c, 'digital-peer-support').definitions;
    expect(defs.map((d) => d.origin)).toEqual(['own']);
    expect(defs[0]!.text).toContain('Okafor and Lind');
    expect(findings(c, 'definition-gap', 'digital-peer-support').map((f) => f.detail)).not.toContain('cited-only');
  });

  it('"Here, X refers to …" and "In this review, X means …" are the authors\' own, even with a citation', () => {
    for (const sentence of [
      'Here, digital peer support refers to mutual help between people with shared experience, given online (Ade and Berg, 2019).',
      'In this review, digital peer support means help between equals delivered over a platform [4].',
    ]) {
      const c = analyse([{ heading: 'Introduction' }, { paragraph: sentence }, ...USES]);
      expect(term(c, 'digital-peer-support').definitions.map((d) => d.origin)).toEqual(['own']);
    }
    const cited = analyse([{ heading: 'Introduction' }, { paragraph: 'Digital peer support refers to mutual help given online (Ade and Berg, 2019).' }, ...USES]);
    expect(term(cited, 'digital-peer-support').definitions.map((d) => d.origin)).toEqual(['cited']);
  });

  it('a glossary box or "Key terms" section defines its entries', () => {
    const c = analyse([
      { heading: 'Box 1. Key terms' },
      { paragraph: 'Digital peer support: mutual help between people with a shared condition, given through technology.' },
      { heading: 'Introduction' },
      ...USES,
    ]);
    expect(term(c, 'digital-peer-support').definitions.map((d) => d.marker)).toEqual(['glossary entry']);
    expect(findings(c, 'definition-gap', 'digital-peer-support').map((f) => f.detail)).not.toContain('none');
  });

  it('a term followed by a colon outside a glossary is not a definition', () => {
    const c = analyse([{ heading: 'Results' }, { paragraph: 'Digital peer support: 14 trials, 2,300 participants.' }, ...USES]);
    expect(term(c, 'digital-peer-support').definitions).toEqual([]);
  });

  it('does not call two definitions inconsistent when one is the authors\' and the other reviews the literature', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'Digital peer support has been defined as any automated or live service delivered through technology media [4].' },
      { paragraph: 'We define digital peer support as mutual help between people with shared lived experience of mental illness, offered online.' },
      ...USES,
    ]);
    expect(findings(c, 'definition-gap', 'digital-peer-support').map((f) => f.detail)).not.toContain('inconsistent');
  });

  it('does not flag the same definition repeated in other words', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'We define digital peer support as mutual help between people with shared lived experience, offered online.' },
      { heading: 'Methods' },
      { paragraph: 'Digital peer support was defined as mutual help between people with shared lived experience offered online.' },
    ]);
    expect(findings(c, 'definition-gap', 'digital-peer-support')).toEqual([]);
  });

  it('does not treat a definition of peer victimisation, or peer review, as defining "peer"', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'Peer victimisation is defined as the receipt of aggressive acts from others.' },
      { paragraph: 'Peer support helps. Peer support workers listen. Peer mentors guide.' },
    ]);
    expect(term(c, 'peer').definitions).toEqual([]);
    expect(findings(c, 'definition-gap', 'peer').map((f) => f.detail)).toEqual(['none']);
  });

  it('never fires for a paper that only says "peer-reviewed"', () => {
    const c = analyse([
      { heading: 'Methods' },
      { paragraph: 'We included peer-reviewed articles. Peer review was double blind. Peer reviewers were thanked.' },
    ]);
    expect(term(c, 'peer').senses).toEqual({ review: 3 });
    expect(c.findings.filter((f) => f.theme === 'terms')).toEqual([]);
  });
});

describe('a reader\'s co-production lens', () => {
  const coProduction: Lens = {
    id: 'co-production',
    name: 'Co-production',
    terms: [{ id: 'co-production', label: 'co-production', variants: ['co-production', 'coproduced', 'participatory'], expectDefinition: true }],
  };

  it('counts its variants and finds the definition gap', () => {
    const c = analyse(
      [
        { heading: 'Introduction' },
        { paragraph: 'This study was coproduced with service users. We used a participatory design.' },
        { heading: 'Methods' },
        { paragraph: 'Co-production meetings were held monthly. The co production group chose the outcomes.' },
      ],
      [coProduction],
    );
    const t = term(c, 'co-production', 'co-production');
    expect(t.occurrences.map((o) => o.match)).toEqual(['coproduced', 'participatory', 'Co-production', 'co production']);
    expect(t.senses).toEqual({ unspecified: 4 });
    expect(findings(c, 'definition-gap', 'co-production')).toMatchObject([
      { lens: 'co-production', detail: 'none', severity: 'concern', summary: "'co-production' is used 4 times but never defined." },
    ]);
  });

  it('finds its definition like any other', () => {
    const c = analyse(
      [
        { heading: 'Introduction' },
        { paragraph: 'Co-production refers to power-sharing between researchers and people with lived experience at every stage.' },
        { paragraph: 'Co-production shaped the study. Co-production took time.' },
      ],
      [coProduction],
    );
    expect(term(c, 'co-production', 'co-production').definitions).toMatchObject([{ origin: 'own', marker: 'refers to' }]);
    expect(findings(c, 'definition-gap')).toEqual([]);
  });
});
