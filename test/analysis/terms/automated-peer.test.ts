import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import { findings } from './helpers';
import { makePaper, type BlockSpec } from './make-paper';

const analyse = (specs: BlockSpec[]) => analysePaper(makePaper(specs));
const INTRO: BlockSpec[] = [
  { title: 'Digital peer support for depression: a meta-analysis' },
  { heading: 'Introduction' },
  { paragraph: 'Peer support workers share lived experience.' },
];

describe('automated agents counted as peers', () => {
  it('flags a borrowed "live or automated" definition as a concern, quoting it', () => {
    const c = analyse([
      ...INTRO,
      { paragraph: 'Digital peer support is defined as live or automated peer support services delivered through technology media [12].' },
    ]);
    const [f] = findings(c, 'automated-peer');
    expect(f).toMatchObject({ severity: 'concern', lens: 'digital-peer-support' });
    expect(f!.summary).toContain('"live or automated"');
    expect(f!.evidence.map((e) => e.quote)).toEqual([
      'Digital peer support is defined as live or automated peer support services delivered through technology media [12].',
    ]);
  });

  it('flags an inclusion criterion that admits chatbots or avatars', () => {
    const c = analyse([
      ...INTRO,
      { heading: 'Methods' },
      { heading: '> Eligibility criteria' },
      { paragraph: 'Interventions were eligible if peer support was provided by humans, chatbots or avatars.' },
    ]);
    expect(findings(c, 'automated-peer')).toHaveLength(1);
  });

  it.each([
    'Chatbots and other automated agents were excluded, because they are not peers.',
    'We did not include peer support delivered by chatbots.',
    'Studies of peer support were eligible, excluding chatbots and avatars.',
    'Peer support had to be delivered by a human peer rather than an automated agent.',
  ])('does not flag a criterion that rules automated agents out: "%s"', (sentence) => {
    const c = analyse([...INTRO, { heading: 'Methods' }, { paragraph: sentence }]);
    expect(findings(c, 'automated-peer')).toEqual([]);
  });

  it('still flags an inclusion when only another clause excludes something', () => {
    const c = analyse([
      ...INTRO,
      { heading: 'Methods' },
      { paragraph: 'Peer support delivered by chatbots was included; telephone-only services were excluded.' },
    ]);
    expect(findings(c, 'automated-peer')).toHaveLength(1);
  });

  it('ignores AI mentioned beside peer review, and papers not about peer support', () => {
    const c = analyse([
      { heading: 'Methods' },
      { paragraph: 'We included peer-reviewed studies of artificial intelligence and chatbots in radiology.' },
    ]);
    expect(findings(c, 'automated-peer')).toEqual([]);
  });

  it('ignores results that report what included studies evaluated, even under a methods-like subheading', () => {
    const c = analyse([
      ...INTRO,
      { heading: 'Results' },
      { heading: '> Study selection', role: 'methods' },
      { paragraph: 'Four included studies evaluated chatbots or conversational agents offering peer support.' },
    ]);
    expect(findings(c, 'automated-peer')).toEqual([]);
  });

  it('ignores chatbots discussed outside definitions and eligibility', () => {
    const c = analyse([...INTRO, { heading: 'Discussion' }, { paragraph: 'Future peer support services may use chatbots to triage messages.' }]);
    expect(findings(c, 'automated-peer')).toEqual([]);
  });
});
