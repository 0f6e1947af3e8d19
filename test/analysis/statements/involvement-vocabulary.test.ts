/**
 * The involvement vocabulary on phrasings the fixtures do not use: involvement headings of several
 * traditions (consumer, community, PPI, partnership), advisory groups drawn from the community
 * studied, people with lived experience who shaped the study; and the hard negatives a reader would
 * be misled by (participants, organisations' advisory boards in competing interests, app "user
 * engagement", public health, a Results theme).
 */
import { describe, expect, it } from 'vitest';
import { involvement } from '../../../src/analysis/checks/involvement';
import type { Critique } from '../../../src/analysis/critique';
import { makePaper, runChecks, type BlockSpec } from '../make-paper';

const BODY: BlockSpec[] = [
  { text: 'Loneliness is common among people living with long-term conditions.', role: 'introduction', section: 'Introduction' },
  { text: 'Participants were recruited from four community centres.', role: 'methods', section: 'Methods' },
  { text: 'Interviews were transcribed and analysed thematically.', role: 'methods', section: ['Methods', 'Analysis'] },
  { text: 'Participants described the groups as a lifeline.', role: 'results', section: 'Results' },
  { text: 'Group support reduced isolation for many participants.', role: 'discussion', section: 'Discussion' },
];

const analyse = (blocks: BlockSpec[]): Critique => runChecks(makePaper([...BODY, ...blocks]), [involvement]);
const quotes = (c: Critique) => JSON.stringify(c.statements.involvement.evidence.map((e) => e.quote));

describe('involvement claims in unseen phrasings', () => {
  it.each<[string, BlockSpec[]]>([
    [
      'a "Consumer involvement" subsection',
      [{ text: 'Three consumers reviewed the survey before it was fielded.', role: 'methods', section: ['Methods', 'Consumer involvement'] }],
    ],
    [
      'a top-level "Involvement statement"',
      [{ text: 'Young people from a local youth group helped us word the recruitment posters.', role: 'declarations', section: 'Involvement statement' }],
    ],
    [
      'a bare "PPI" heading',
      [{ text: 'Parents read and commented on the consent forms.', role: 'methods', section: ['Methods', 'PPI'] }],
    ],
    [
      'a "Partnership with people with lived experience" section',
      [{ text: 'Two co-researchers joined the team at the outset.', role: 'declarations', section: 'Partnership with people with lived experience' }],
    ],
    [
      'a community advisory board of people who use drugs, without a heading',
      [{ text: 'A community advisory board of people who use drugs advised on recruitment and reviewed the interview guide.', role: 'methods', section: 'Methods' }],
    ],
    [
      'a steering group of carers and young people who co-produced materials',
      [{ text: 'A steering group of carers and young people co-produced the training materials.', role: 'methods', section: 'Methods' }],
    ],
    [
      'women with lived experience who helped shape the information sheets',
      [{ text: 'Women with lived experience of perinatal loss helped to shape the information sheets.', role: 'methods', section: 'Methods' }],
    ],
    [
      'autistic adults who co-designed the intervention',
      [{ text: 'Autistic adults co-designed the intervention in a series of online meetings.', role: 'methods', section: 'Methods' }],
    ],
    [
      'a panel for this study disclosed in the competing interests',
      [{ text: 'JS is a member of the lived experience advisory panel for this study and was paid for her time.', role: 'declarations', section: 'Competing interests' }],
    ],
  ])('found: %s', (_name, blocks) => {
    const c = analyse(blocks);
    expect(c.statements.involvement.found, quotes(c)).toBe(true);
    expect(c.findings.some((f) => f.kind === 'missing-involvement')).toBe(false);
  });

  it('names who, the stages and the influence of an advisory group from the community studied', () => {
    const c = analyse([
      {
        text: 'An advisory panel of six veterans and family members reviewed the questionnaires and helped plan recruitment; as a result we dropped two items.',
        role: 'methods',
        section: 'Methods',
      },
    ]);
    expect(c.statements.involvement).toMatchObject({ found: true, who: true, stages: true, influence: true });
    expect(c.findings.filter((f) => f.kind === 'involvement-vague' || f.kind === 'missing-involvement')).toEqual([]);
  });

  it('a "Community involvement" section that says what changed is not vague', () => {
    const c = analyse([
      {
        text: 'Five residents of the estate piloted the walking route and advised on the timing of sessions, which led us to move them to evenings.',
        role: 'methods',
        section: ['Methods', 'Community involvement'],
      },
    ]);
    expect(c.statements.involvement).toMatchObject({ found: true, who: true, influence: true });
  });

  it('"Patients or the public were not involved" under a PPI heading stays a negative statement', () => {
    const c = analyse([
      { text: 'Patients or the public were not involved in the design or conduct of this research.', role: 'methods', section: ['Methods', 'Patient and public involvement'] },
    ]);
    expect(c.statements.involvement).toMatchObject({ found: true, negative: true });
  });
});

describe('what is not an involvement claim', () => {
  it.each<[string, BlockSpec[]]>([
    ['participants "involved in the trial"', [{ text: 'In total 86 patients were involved in the trial.', role: 'methods', section: 'Methods' }]],
    [
      'public health involvement',
      [{ text: 'Public health involvement in the programme was limited to funding the venues.', role: 'methods', section: ['Methods', 'Public health involvement'] }],
    ],
    [
      "organisations' advisory boards in the competing interests",
      [
        {
          text: 'EF is an unpaid member of the scientific advisory board of the Peer Support Alliance. GH sits on the lived experience advisory panel of the Mental Health Foundation. AB is on the advisory board of Company X.',
          role: 'declarations',
          section: ['Declarations', 'Competing interests'],
        },
      ],
    ],
    [
      'an advisory board seat in a labelled competing-interests paragraph',
      [{ text: 'Conflicts of interest: KL chairs the community advisory board of Northside Housing, a partner charity.', role: 'declarations' }],
    ],
    ['students who were recruited', [{ text: 'Students were recruited through the student union and completed a survey.', role: 'methods', section: 'Methods' }]],
    ['a community-based sample', [{ text: 'We drew a community-based sample of 400 adults.', role: 'methods', section: 'Methods' }]],
    ['an advisory board of professionals', [{ text: 'An advisory board of clinicians and academics reviewed the protocol.', role: 'methods', section: 'Methods' }]],
    ['app "user engagement"', [{ text: 'User engagement was measured as the number of logins per week.', role: 'methods', section: ['Methods', 'User engagement'] }]],
    [
      'a Results theme titled "Community involvement"',
      [{ text: 'Participants described community involvement as a source of belonging and purpose.', role: 'results', section: ['Results', 'Community involvement'] }],
    ],
    [
      'an advisory group in the Results of a study about schools',
      [{ text: 'In one school an advisory group of parents helped design the anti-bullying policy.', role: 'results', section: 'Results' }],
    ],
    ['care plans co-developed with clinicians', [{ text: 'Patients co-developed safety plans with their clinicians at the first visit.', role: 'methods', section: 'Methods' }]],
    ['a proton pump inhibitor heading', [{ text: 'PPI use was not associated with fractures in this cohort.', role: 'results', section: ['Results', 'PPI use and fracture risk'] }]],
    [
      'a trial steering committee of independent members',
      [{ text: 'A trial steering committee of independent members oversaw the conduct of the trial.', role: 'methods', section: 'Methods' }],
    ],
    [
      'a "Community involvement" heading that names a measured variable',
      [{ text: 'Community involvement was assessed with a 6-item scale (Cronbach alpha 0.81).', role: 'methods', section: ['Methods', 'Measures', 'Community involvement'] }],
    ],
    [
      'participants with lived experience checking their transcripts',
      [{ text: 'Participants with lived experience of psychosis reviewed their own transcripts for accuracy.', role: 'methods', section: 'Methods' }],
    ],
    ['app users creating content', [{ text: 'Users co-created content with their peers on the platform every week.', role: 'methods', section: 'Methods' }]],
    ['a student research committee approving the study', [{ text: 'The study was approved by the student research committee of the faculty.', role: 'methods', section: 'Methods' }]],
    [
      "an organisation's lived experience panel declared by \"we\"",
      [{ text: 'We declare that AB sits on the lived experience advisory panel of Mind.', role: 'declarations', section: 'Declaration of interests' }],
    ],
    [
      'author contributions',
      [{ text: 'AB and CD designed the study and reviewed the manuscript. All authors contributed to the article.', role: 'declarations', section: 'Author contributions' }],
    ],
  ])('not found: %s', (_name, blocks) => {
    const c = analyse(blocks);
    expect(c.statements.involvement.found, quotes(c)).toBe(false);
    expect(c.findings.some((f) => f.kind === 'missing-involvement')).toBe(true);
  });
});
