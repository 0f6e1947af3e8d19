import { describe, expect, it } from 'vitest';
import { competingInterests } from '../../../src/analysis/checks/competing-interests';
import { funding } from '../../../src/analysis/checks/funding';
import { makePaper, runChecks, type BlockSpec } from '../make-paper';

const BODY: BlockSpec[] = [
  { text: 'Introduction', kind: 'heading', role: 'introduction', section: 'Introduction' },
  { text: 'Digital peer support is growing.', role: 'introduction', section: 'Introduction' },
  { text: 'We surveyed 200 adults.', role: 'methods', section: 'Methods' },
  { text: 'Most found it helpful.', role: 'results', section: 'Results' },
  { text: 'Peer support helps.', role: 'discussion', section: 'Discussion' },
];
const REFS: BlockSpec[] = [
  { text: 'Smith J. Conflicts of interest: none declared. BMJ. 2001;1:1.', role: 'references', section: 'References' },
  { text: 'Jones K. This work was supported by grant R01 in an earlier trial. Lancet. 2010;2:2.', role: 'references', section: 'References' },
];

const analyse = (blocks: BlockSpec[]) => runChecks(makePaper([...BODY, ...blocks, ...REFS]), [competingInterests, funding]);

describe('competing interests', () => {
  it.each<[string, BlockSpec[]]>([
    ['a heading with a null statement', [{ text: 'None declared.', role: 'declarations', section: ['Declarations', 'Competing interests'] }]],
    ['an inline label (BMC style)', [{ text: 'Competing interests: The authors declare that they have no competing interests.', role: 'declarations' }]],
    ['PLOS wording without a heading', [{ text: 'The authors have declared that no competing interests exist.', role: 'other' }]],
    ['Frontiers wording', [{ text: 'The authors declare that the research was conducted in the absence of any commercial or financial relationships that could be construed as a potential conflict of interest.', role: 'other' }]],
    ['a label run into the text', [{ text: 'CONFLICTS OF INTERESTThe authors declare no conflicts of interest.', role: 'declarations' }]],
    ['a Disclosures heading with a real interest', [{ text: 'Dr Lee has received speaker fees from Acme Pharma.', role: 'declarations', section: 'Disclosures' }]],
    ['a bare label line followed by the statement', [{ text: 'Declaration of interests', role: 'other' }, { text: 'We declare no competing interests.', role: 'other' }]],
    ['the BMJ ICMJE declaration', [{ text: 'All authors have completed the ICMJE uniform disclosure form at www.icmje.org/disclosure-of-interest/ and declare: no support from any organisation for the submitted work.', role: 'other' }]],
    ['a Portuguese heading', [{ text: 'Nada a declarar.', role: 'declarations', section: 'Conflito de interesses' }]],
    ['a label run into a statement about a person (no stop between)', [{ text: 'Competing interests LvT has received consulting fees from a device manufacturer.', role: 'other' }]],
  ])('found: %s', (_name, blocks) => {
    const c = analyse(blocks);
    expect(c.statements.competingInterests.found).toBe(true);
    expect(c.statements.competingInterests.evidence.length).toBeGreaterThan(0);
    expect(c.findings.some((f) => f.kind === 'missing-competing-interests')).toBe(false);
  });

  it('reports "not reported" with what was looked for when absent, as a concern', () => {
    const c = analyse([]);
    const f = c.findings.find((x) => x.kind === 'missing-competing-interests');
    expect(c.statements.competingInterests.found).toBe(false);
    expect(f?.severity).toBe('concern');
    expect(f?.summary).toMatch(/not reported/);
    expect(f?.summary).toMatch(/looked for/);
  });

  it('a paper about conflict-of-interest policies does not declare one', () => {
    const c = runChecks(
      makePaper([
        { text: 'Conflict of interest policies at medical journals vary widely.', role: 'introduction', section: 'Introduction' },
        { text: 'Conflicts of interest', kind: 'heading', role: 'results', section: ['Results', 'Conflicts of interest'] },
        {
          text: 'Of 40 journals, 31 required authors to disclose any competing interests, and 12 published a conflict of interest policy.',
          role: 'results',
          section: ['Results', 'Conflicts of interest'],
        },
        { text: 'Authors must declare any competing interests to editors.', role: 'discussion', section: 'Discussion' },
        ...REFS,
      ]),
      [competingInterests],
    );
    expect(c.statements.competingInterests.found).toBe(false);
  });

  it('never reads a statement from reference entries', () => {
    expect(analyse([]).statements.competingInterests.evidence).toEqual([]);
  });
});

describe('funding', () => {
  it.each<[string, BlockSpec[]]>([
    ['a Funding heading', [{ text: 'National Institute for Health Research (NIHR200000).', role: 'declarations', section: 'Funding' }]],
    ['inside the acknowledgements', [{ text: 'We thank the participants. This work was supported by the Wellcome Trust.', role: 'acknowledgements', section: 'Acknowledgements' }]],
    ['a no-funding statement', [{ text: 'This research received no specific grant from any funding agency in the public, commercial, or not-for-profit sectors.', role: 'other' }]],
    ['the role of the funder', [{ text: 'The funders had no role in study design, data collection and analysis, decision to publish, or preparation of the manuscript.', role: 'other' }]],
    ['a Lancet "Role of the funding source" in the methods', [{ text: 'Role of the funding source: The funder of the study had no role in study design.', role: 'methods', section: 'Methods' }]],
    ['a Financial Disclosure label (PLOS)', [{ text: 'Financial Disclosure: JS received a grant from the NIH.', role: 'other' }]],
    ['a grant number in the back matter', [{ text: 'Supported by grant number MR/X000000/1.', role: 'other' }]],
    ['a date between "funded" and the funder', [{ text: 'This study was funded in March 2021 by the Health Research Board of Ireland.', role: 'acknowledgements', section: 'Acknowledgements' }]],
    ['"financial support was received" (Frontiers)', [{ text: 'The authors declare that financial support was received for the publication of this article.', role: 'other' }]],
    ['a funder "acknowledged for funding" a fellowship', [{ text: 'The University of Lund is acknowledged for funding in the form of a doctoral fellowship.', role: 'acknowledgements', section: 'Acknowledgements' }]],
    ['thanks to a funder in the acknowledgements', [{ text: 'We are grateful to the Hall Foundation for funding this research.', role: 'acknowledgements', section: 'Acknowledgements' }]],
    ['open-access funding in the back matter', [{ text: 'Open Access funding provided by the University of Tartu.', role: 'other' }]],
    ['a label run into its text (no stop)', [{ text: 'Funding The second author holds a doctoral scholarship from the Carlsberg Foundation.', role: 'other' }]],
    ['a Funding section the reading order put among the body', [{ text: 'The authors received financial support for the analysis from their university.', role: 'declarations', section: 'Funding' }, { text: 'A further result.', role: 'results', section: 'Results' }]],
  ])('found: %s', (_name, blocks) => {
    const c = analyse(blocks);
    expect(c.statements.funding.found).toBe(true);
    expect(c.statements.funding.evidence.length).toBeGreaterThan(0);
  });

  it('talk about health-service funding in the body is not a funding statement', () => {
    const c = runChecks(
      makePaper([
        { text: 'Peer support services are supported by local government funding in most regions.', role: 'introduction', section: 'Introduction' },
        { text: 'Funding', kind: 'heading', role: 'results', section: ['Results', 'Funding'] },
        { text: 'Services funded by charities reported higher turnover; funding cuts affected 12 of 30 sites.', role: 'results', section: ['Results', 'Funding'] },
        { text: 'Our findings are supported by an earlier analysis.', role: 'discussion', section: 'Discussion' },
        ...REFS,
      ]),
      [funding],
    );
    expect(c.statements.funding.found).toBe(false);
    const f = c.findings.find((x) => x.kind === 'missing-funding');
    expect(f?.severity).toBe('concern');
    expect(f?.summary).toMatch(/not reported/);
  });

  it('grants named in a competing-interests section are not the funding of this work', () => {
    const c = analyse([{ text: 'AB has received grants from Pfizer and was supported by Novartis for travel.', role: 'declarations', section: 'Competing interests' }]);
    expect(c.statements.funding.found).toBe(false);
    expect(c.statements.competingInterests.found).toBe(true);
  });

  it('labels inside a first-page note mashed with other text (PDF) are found', () => {
    const c = runChecks(
      makePaper([
        {
          text: 'Open access under a Creative Commons licence, which permits use, Fonte de financiamento: CAPES, bolsa de estudos para a primeira autora. reproduction in any medium Conflito de interesses: nada a declarar. provided the original work is cited.',
          role: 'abstract',
          section: 'Abstract',
        },
        ...BODY,
      ]),
      [competingInterests, funding],
    );
    expect(c.statements.funding.evidence[0]?.quote).toMatch(/^Fonte de financiamento: CAPES/);
    expect(c.statements.competingInterests.evidence[0]?.quote).toBe('Conflito de interesses: nada a declarar.');
  });

  it('"Grant Disclosures" (PeerJ) is funding, not a competing-interests section', () => {
    const c = analyse([{ text: 'The following grant information was disclosed by the authors: Science Foundation Ireland RFP 2673.', role: 'declarations', section: ['Additional information and declarations', 'Grant Disclosures'] }]);
    expect(c.statements.funding.found).toBe(true);
    expect(c.statements.competingInterests.found).toBe(false);
  });
});

