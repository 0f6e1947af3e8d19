import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import { findings, term } from './helpers';
import { makePaper, type BlockSpec } from './make-paper';

const analyse = (specs: BlockSpec[]) => analysePaper(makePaper(specs, 'Digital peer support for young people: a meta-analysis'));

const PEER_SUPPORT_PAPER: BlockSpec[] = [
  { title: 'Digital peer support for young people: a meta-analysis' },
  { heading: 'Abstract' },
  { paragraph: 'We pooled trials of digital peer support delivered by trained peer supporters.' },
  { heading: 'Introduction' },
  { paragraph: 'Peer support workers share lived experience with the people they help.' },
];

describe('mixed senses of "peer"', () => {
  it('is a concern when included studies use "peer" for victimisation in a peer-support paper', () => {
    const c = analyse([
      ...PEER_SUPPORT_PAPER,
      { heading: 'Results' },
      { paragraph: 'Twelve studies were included.' },
      { heading: 'References' },
      { reference: 'Jones K. An app to reduce peer victimization in schools: a pilot trial. J Sch Health. 2021;4:1-8.' },
      { reference: 'Ng P. Online peer support for depression. BMJ. 2020;1:1-5.' },
    ]);
    const [f] = findings(c, 'mixed-senses', 'peer');
    expect(f).toMatchObject({ severity: 'concern', detail: 'support+harm' });
    expect(f!.summary).toMatch(/^'peer' is used in 2 different senses: peer support \(shared lived experience\) \(\d+\); peer victimisation, bullying, conflict, pressure \(1\), including in reference titles/);
    // One quote per sense; the other sense is shown from the reference title.
    expect(f!.evidence.map((e) => e.role)).toEqual(['title', 'references']);
    expect(f!.evidence[1]!.quote).toContain('peer victimization');
  });

  it('names every other sense present (chatbot "peers", training about peer support)', () => {
    const c = analyse([
      ...PEER_SUPPORT_PAPER,
      { heading: 'References' },
      { reference: 'Kim L. A chatbot peer for student wellbeing. JMIR. 2023;2:e1.' },
      { reference: 'Ode T. Nurses trained in peer support: a workshop evaluation. Nurse Educ. 2019;7:3-9.' },
    ]);
    expect(findings(c, 'mixed-senses', 'peer').map((f) => f.detail)).toEqual(['support+automated+training']);
  });

  it('is only a caution when the other sense appears outside the included studies', () => {
    const c = analyse([
      ...PEER_SUPPORT_PAPER,
      { heading: 'Discussion' },
      { paragraph: 'Peer pressure may deter use. Young people also described peer pressure online.' },
    ]);
    expect(findings(c, 'mixed-senses', 'peer').map((f) => f.severity)).toEqual(['caution']);
  });

  it('counts a single passing "peer pressure" but raises nothing for it', () => {
    const c = analyse([...PEER_SUPPORT_PAPER, { heading: 'Discussion' }, { paragraph: 'Peer pressure may deter some young people.' }]);
    expect(term(c, 'peer').senses.harm).toBe(1);
    expect(findings(c, 'mixed-senses')).toEqual([]);
  });

  it('never fires for "peer-reviewed" in a peer-support paper', () => {
    const c = analyse([
      ...PEER_SUPPORT_PAPER,
      { heading: 'Methods' },
      { paragraph: 'We searched peer-reviewed journals. Peer review status was recorded.' },
      { heading: 'References' },
      { reference: 'Roe B. Peer review of peer support trials. Trials. 2018;1:1.' },
    ]);
    const peer = term(c, 'peer');
    // The reference entry's two uses are listed but counted apart from the paper's own.
    expect(peer.senses.review).toBe(2);
    expect(peer.referenceUses).toBe(2);
    expect(peer.occurrences.filter((o) => o.sense === 'support').every((o) => !/peer[ -]review/i.test(o.match))).toBe(true);
    expect(findings(c, 'mixed-senses')).toEqual([]);
  });

  it('does not flag a developmental paper that never uses the peer-support sense', () => {
    const c = analyse([
      { title: 'Peer victimization and friendship in adolescence' },
      { heading: 'Results' },
      { paragraph: 'Peer victimization was common. Peer relationships buffered it. Peer rejection predicted distress.' },
    ]);
    expect(Object.keys(term(c, 'peer').senses).sort()).toEqual(['harm', 'relationship']);
    expect(findings(c, 'mixed-senses')).toEqual([]);
  });
});

describe('mixed senses of "digital" and of lived-experience words', () => {
  it('flags a lab sense of "digital" beside technology-delivered uses', () => {
    const c = analyse([
      { title: 'A digital intervention for stress at work' },
      { heading: 'Introduction' },
      { paragraph: 'Digital health apps are common.' },
      { heading: 'Methods' },
      { paragraph: 'Saliva cortisol was measured by digital PCR. Digital images of each plate were stored.' },
    ]);
    expect(findings(c, 'mixed-senses', 'digital')).toMatchObject([{ detail: 'technology-delivered+other', severity: 'caution' }]);
  });

  it('does not flag a lab paper that mentions digital health once in passing', () => {
    const c = analyse([
      { heading: 'Introduction' },
      { paragraph: 'Digital health apps are common.' },
      { heading: 'Methods' },
      { paragraph: 'Saliva cortisol was measured by digital PCR. Digital images of each plate were stored.' },
    ]);
    expect(term(c, 'digital').senses).toEqual({ 'technology-delivered': 1, other: 2 });
    expect(findings(c, 'mixed-senses')).toEqual([]);
  });

  it('reports "cancer survivors" as an everyday use, not as lived experience', () => {
    const c = analyse([{ heading: 'Introduction' }, { paragraph: 'Cancer survivors used the app. Stroke survivors did too.' }]);
    expect(term(c, 'lived-experience').senses).toEqual({ everyday: 2 });
    expect(findings(c, 'mixed-senses')).toEqual([]);
    expect(findings(c, 'definition-gap', 'lived-experience')).toEqual([]);
  });
});
