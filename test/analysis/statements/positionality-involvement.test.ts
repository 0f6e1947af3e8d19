import { describe, expect, it } from 'vitest';
import { involvement } from '../../../src/analysis/checks/involvement';
import { positionality } from '../../../src/analysis/checks/positionality';
import { makePaper, runChecks, type BlockSpec } from '../make-paper';

const BODY: BlockSpec[] = [
  { text: 'Peer support is offered by people with lived experience of mental illness.', role: 'introduction', section: 'Introduction' },
  { text: 'We interviewed 20 peer workers.', role: 'methods', section: 'Methods' },
  { text: 'Participants were recruited from two mental health services.', role: 'methods', section: 'Methods' },
  { text: 'All participants gave written consent.', role: 'methods', section: 'Methods' },
  { text: 'Reflexive thematic analysis was used to analyse the transcripts.', role: 'methods', section: ['Methods', 'Analysis'] },
  { text: 'Three themes were identified.', role: 'results', section: 'Results' },
  { text: 'Peer work is valued.', role: 'discussion', section: 'Discussion' },
];

const analyse = (blocks: BlockSpec[]) => runChecks(makePaper([...BODY, ...blocks]), [positionality, involvement]);

describe('positionality', () => {
  it.each<[string, BlockSpec[]]>([
    ['a Positionality heading', [{ text: 'The research team comprised two psychologists and a nurse.', role: 'methods', section: ['Methods', 'Researcher positionality'] }]],
    ['a Reflexivity statement label', [{ text: 'Reflexivity statement: The team discussed its assumptions at each stage.', role: 'declarations' }]],
    ['first person identity', [{ text: 'I identify as a queer woman and a former service user.', role: 'methods', section: 'Methods' }]],
    ['the first author with lived experience', [{ text: 'The first author is a peer support worker with lived experience of psychosis.', role: 'methods', section: 'Methods' }]],
    ['authors with lived experience', [{ text: 'Two authors with lived experience of self-harm contributed to the analysis.', role: 'methods', section: 'Methods' }]],
    ['"our positions as"', [{ text: 'Our positions as clinicians shaped how we read the interviews.', role: 'discussion', section: 'Discussion' }]],
    ['authors who have lived experience', [{ text: 'Three of the authors have lived experience of psychosis and of using peer support.', role: 'methods', section: 'Methods' }]],
    ['insider/outsider', [{ text: 'The interviewer held an insider/outsider position in the service.', role: 'methods', section: 'Methods' }]],
    ['a commentary written from its authors\' professional perspectives', [{ text: 'This essay is written from the perspective of two nurses and a software engineer.', role: 'other' }]],
    ['"as clinicians, we were aware"', [{ text: 'As researchers trained in nursing, we were mindful that our roles could shape what people told us.', role: 'methods', section: 'Methods' }]],
    ['interviewers who self-identified', [{ text: 'Both interviewers self-identified as former users of crisis services.', role: 'methods', section: 'Methods' }]],
    ['a team that includes lived experience', [{ text: 'Our research team included two researchers with lived experience of eating disorders.', role: 'methods', section: 'Methods' }]],
  ])('found: %s', (_name, blocks) => {
    const c = analyse(blocks);
    expect(c.statements.positionality.found).toBe(true);
    expect(c.findings.some((f) => f.kind === 'missing-positionality')).toBe(false);
  });

  it('a study that explores a professional perspective is not the authors\' positionality', () => {
    const c = analyse([{ text: 'Findings are presented from the perspective of ward nurses, whose views we explored in interviews.', role: 'results', section: 'Results' }]);
    expect(c.statements.positionality.found).toBe(false);
  });

  it('"reflexive thematic analysis" and lived experience of participants are not a positionality statement', () => {
    const c = analyse([]);
    expect(c.statements.positionality.found).toBe(false);
    const f = c.findings.find((x) => x.kind === 'missing-positionality');
    expect(f?.severity).toBe('caution');
    expect(f?.summary).toMatch(/not reported/);
    expect(f?.summary).toMatch(/looked for: a positionality\/reflexivity section/);
  });
});

describe('involvement', () => {
  it('a specific claim (who, stages, influence) raises no finding', () => {
    const c = analyse([
      {
        text: 'A lived experience advisory panel of six members co-designed the interview guide and helped interpret the findings; their feedback led to changes in the recruitment materials.',
        role: 'methods',
        section: ['Methods', 'Patient and public involvement'],
      },
    ]);
    const inv = c.statements.involvement;
    expect(inv.found).toBe(true);
    expect(inv).toMatchObject({ who: true, stages: true, influence: true });
    expect(c.findings.filter((f) => f.kind === 'involvement-vague' || f.kind === 'missing-involvement')).toEqual([]);
  });

  it('a vague co-production claim names what is missing', () => {
    const c = analyse([{ text: 'This study was co-produced with people with lived experience.', role: 'methods', section: 'Methods' }]);
    expect(c.statements.involvement.found).toBe(true);
    const f = c.findings.find((x) => x.kind === 'involvement-vague');
    expect(f?.severity).toBe('caution');
    expect(f?.summary).toContain('who was involved');
    expect(f?.summary).toContain('what difference their involvement made');
  });

  it('peer researchers count as involvement and name who', () => {
    const c = analyse([{ text: 'Two peer researchers conducted the interviews and co-analysed the data.', role: 'methods', section: 'Methods' }]);
    expect(c.statements.involvement).toMatchObject({ found: true, who: true, stages: true });
  });

  it('"patients were not involved" is reported, as a negative statement, with no finding', () => {
    const c = analyse([
      { text: 'Patients or the public were not involved in the design, or conduct, or reporting, or dissemination plans of our research.', role: 'methods', section: ['Methods', 'Patient and public involvement'] },
    ]);
    expect(c.statements.involvement).toMatchObject({ found: true, negative: true });
    expect(c.findings.filter((f) => f.theme === 'statements' && f.kind !== 'missing-positionality')).toEqual([]);
  });

  it('participants "involved in the trial" and public involvement in policy are not involvement statements', () => {
    const c = runChecks(
      makePaper([
        { text: 'Public involvement in health policy has grown since 2000.', role: 'introduction', section: 'Introduction' },
        { text: 'In total 120 patients were involved in the trial.', role: 'methods', section: 'Methods' },
        { text: 'We studied public involvement in health policy decisions across 12 regions.', role: 'methods', section: 'Methods' },
        { text: 'Future studies should involve people with lived experience in the design.', role: 'discussion', section: 'Discussion' },
        { text: 'Proton pump inhibitor (PPI) use was recorded.', role: 'methods', section: 'Methods' },
        { text: 'Participants completed a survey at baseline.', role: 'methods', section: 'Methods' },
      ]),
      [involvement],
    );
    expect(c.statements.involvement.found).toBe(false);
    const f = c.findings.find((x) => x.kind === 'missing-involvement');
    expect(f?.severity).toBe('caution');
    expect(f?.summary).toMatch(/not reported/);
  });

  it('an introduction reporting the team\'s own co-design work counts; one reviewing others\' does not', () => {
    const own = runChecks(
      makePaper([
        { text: 'In earlier work, the modules were adapted with autistic students and their tutors. Our adaptation study ran for a year.', role: 'introduction', section: 'Background' },
        { text: 'We will randomise 120 students.', role: 'methods', section: 'Methods' },
      ]),
      [involvement],
    );
    expect(own.statements.involvement.found).toBe(true);
    const others = runChecks(
      makePaper([
        { text: 'Several apps were co-designed with young people [12, 13]. We build on this literature.', role: 'introduction', section: 'Background' },
        { text: 'We will randomise 120 students.', role: 'methods', section: 'Methods' },
      ]),
      [involvement],
    );
    expect(others.statements.involvement.found).toBe(false);
  });

  it('community advisory boards (plural) that shaped the programme count', () => {
    const c = analyse([{ text: 'Two community advisory boards shaped the content of the sessions.', role: 'methods', section: 'Methods' }]);
    expect(c.statements.involvement.found).toBe(true);
  });

  it('a review\'s eligibility criteria ("did not include patients") and table cells are not involvement statements', () => {
    const c = analyse([
      { text: 'Trials that did not include patients with asthma were excluded.', role: 'methods', section: 'Methods' },
      { text: 'Yes 4 (22) 7 (41) 2 (9) No Patient involvement, n (%) 14 (78) 10 (59) 20 (91) Yes 3 (17) 5 (29) 1 (5) No', role: 'results', section: 'Study characteristics, n (%)' },
    ]);
    expect(c.statements.involvement.found).toBe(false);
  });

  it('a GRIPP2 reference in the methods counts', () => {
    const c = analyse([{ text: 'Involvement is reported following the GRIPP2 short form (Supplementary Table 2).', role: 'methods', section: 'Methods' }]);
    expect(c.statements.involvement.found).toBe(true);
  });

  it('in research without people (cells, materials) a missing statement is only a note', () => {
    const c = runChecks(
      makePaper([
        { text: 'Graphene sheets were grown by chemical vapour deposition.', role: 'methods', section: 'Methods' },
        { text: 'Conductivity rose by 12%.', role: 'results', section: 'Results' },
      ]),
      [positionality, involvement],
    );
    expect(c.findings.map((f) => [f.kind, f.severity])).toEqual([
      ['missing-positionality', 'info'],
      ['missing-involvement', 'info'],
    ]);
  });

  it('"no people with lived experience were involved" (Lancet Psychiatry limitation) is a negative statement', () => {
    const c = analyse([
      { text: 'No people with lived experience were involved in the design or conduct of this study, which we acknowledge as a limitation.', role: 'limitations', section: ['Discussion', 'Limitations'] },
    ]);
    expect(c.statements.involvement).toMatchObject({ found: true, negative: true });
    expect(c.findings.some((f) => f.kind === 'involvement-vague' || f.kind === 'missing-involvement')).toBe(false);
  });
});

