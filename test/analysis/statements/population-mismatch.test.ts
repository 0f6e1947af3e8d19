import { describe, expect, it } from 'vitest';
import { populationMismatch } from '../../../src/analysis/checks/population-mismatch';
import { makePaper, runChecks, type BlockSpec } from '../make-paper';

const run = (blocks: BlockSpec[]) => runChecks(makePaper(blocks), [populationMismatch]);

describe('population mismatch', () => {
  it('a "healthy individuals" review that includes inpatient studies is flagged with both sides quoted', () => {
    const c = run([
      {
        text: 'This review focuses on digital peer support among healthy individuals rather than those diagnosed with a clinical condition.',
        role: 'abstract',
        section: 'Abstract',
      },
      { text: 'Eligible studies evaluated online peer support.', role: 'methods', section: 'Methods' },
      { text: 'Seven included studies recruited psychiatric inpatients and two recruited from cancer services.', role: 'results', section: 'Results' },
    ]);
    const f = c.findings.find((x) => x.kind === 'population-mismatch');
    expect(f?.severity).toBe('caution');
    expect(f?.evidence).toHaveLength(2);
    expect(f?.evidence[0]?.quote).toContain('healthy individuals');
    expect(f?.evidence[1]?.quote).toContain('psychiatric inpatients');
  });

  it('an included study titled for a clinical group is enough for the clinical side', () => {
    const c = run([
      { text: 'We included studies of non-clinical populations only.', role: 'methods', section: 'Methods' },
      { text: '*Lee, A. (2019). Online peer support for psychiatric inpatients: a trial. J Ment Health, 3, 1-9.', role: 'references', section: 'References', included: true },
    ]);
    expect(c.findings.find((x) => x.kind === 'population-mismatch')?.evidence[1]?.role).toBe('references');
  });

  it('patients compared with healthy controls is not a mismatch', () => {
    const c = run([
      { text: 'We recruited 40 patients with schizophrenia and 40 healthy controls matched for age.', role: 'methods', section: 'Methods' },
      { text: 'Healthy participants had no psychiatric history.', role: 'methods', section: 'Methods' },
      { text: 'Patients with schizophrenia were recruited from outpatient clinics.', role: 'methods', section: 'Methods' },
    ]);
    expect(c.findings).toEqual([]);
  });

  it('background talk about the general population, or exclusion of patients, is not a mismatch', () => {
    const c = run([
      { text: 'Loneliness affects 20% of the general population [3].', role: 'introduction', section: 'Introduction' },
      { text: 'We recruited a community sample of 300 adults.', role: 'methods', section: 'Methods' },
      { text: 'Participants diagnosed with psychosis were excluded.', role: 'methods', section: 'Methods' },
    ]);
    expect(c.findings).toEqual([]);
  });

  it('diagnoses within a general-population sample are a prevalence, not a clinical sample', () => {
    const c = run([
      { text: 'We recruited a general population sample of 2000 adults.', role: 'methods', section: 'Methods' },
      { text: 'Of the participants, 12% had been diagnosed with depression.', role: 'results', section: 'Results' },
    ]);
    expect(c.findings).toEqual([]);
  });

  it('a review of general-population studies that included trials of patients with a diagnosis is flagged', () => {
    const c = run([
      { text: 'Eligible studies sampled the general population.', role: 'methods', section: 'Methods' },
      { text: 'Four included trials enrolled patients with bipolar disorder.', role: 'results', section: 'Results' },
    ]);
    expect(c.findings[0]?.summary).toContain('"patients with"');
  });
});

