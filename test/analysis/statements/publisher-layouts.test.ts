/**
 * Declarations as other publishers print them (markup written for this test, imitating Elsevier,
 * Taylor & Francis, SAGE, JMIR, Cambridge Core, Oxford Academic and BMJ Open), read through the real
 * HTML extractor, so the statement checks are tested on layouts the corpus does not contain.
 */
import { describe, expect, it } from 'vitest';
import { competingInterests } from '../../../src/analysis/checks/competing-interests';
import { funding } from '../../../src/analysis/checks/funding';
import { involvement } from '../../../src/analysis/checks/involvement';
import { positionality } from '../../../src/analysis/checks/positionality';
import { extractHtml } from '../../../src/extract/html/index';
import { parseHtmlInNode } from '../../../src/extract/html/node-dom';
import { runChecks } from '../make-paper';

function page(back: string, body = ''): string {
  return `<!DOCTYPE html><html><head><title>Peer support online</title></head><body>
<header><nav>Journals · Submit · Sign in</nav></header>
<main><article><h1>Online peer support for carers: a mixed-methods study</h1>
<section><h2>Abstract</h2><p>We studied an online peer support forum for carers.</p></section>
<section><h2>1. Introduction</h2><p>Carers often lack support. Funding for carer services is limited in many regions.</p></section>
<section><h2>2. Methods</h2><p>We interviewed 24 carers recruited through a charity.</p>${body}</section>
<section><h2>3. Results</h2><p>Carers valued shared experience.</p></section>
<section><h2>4. Discussion</h2><p>Online peer support may help carers.</p></section>
${back}
<section class="references"><h2>References</h2><ol><li>Smith J. Conflicts of interest: none declared. This work was supported by grant R01. BMJ. 2001;1:1.</li></ol></section>
</article></main><footer>© Publisher</footer></body></html>`;
}

function analyse(html: string) {
  const paper = extractHtml(parseHtmlInNode(html));
  return runChecks(paper, [competingInterests, funding, positionality, involvement]);
}

describe('statements in other publishers’ layouts', () => {
  it.each([
    [
      'Elsevier',
      `<section id="coi0010"><h2 class="section-title">Declaration of competing interest</h2><p>The authors declare that they have no known competing financial interests or personal relationships that could have appeared to influence the work reported in this paper.</p></section>
       <section id="ack0010"><h2 class="section-title">Acknowledgements</h2><p>This research did not receive any specific grant from funding agencies in the public, commercial, or not-for-profit sectors.</p></section>`,
    ],
    [
      'Taylor & Francis',
      `<div class="hidden-phone"><h2>Disclosure statement</h2><p>No potential conflict of interest was reported by the author(s).</p></div>
       <div><h2>Funding</h2><p>This work was supported by the Economic and Social Research Council under Grant ES/T000000/1.</p></div>`,
    ],
    [
      'SAGE',
      `<div class="fn-group"><p><b>Declaration of conflicting interests</b> The author(s) declared no potential conflicts of interest with respect to the research, authorship, and/or publication of this article.</p>
       <p><b>Funding</b> The author(s) received no financial support for the research, authorship, and/or publication of this article.</p></div>`,
    ],
    [
      'JMIR',
      `<h3>Acknowledgments</h3><p>We thank the carers. This study was funded by the Carers Trust (grant 2021-17).</p>
       <h3>Conflicts of Interest</h3><p>None declared.</p>`,
    ],
    [
      'Cambridge Core',
      `<div class="financial-support"><p>Financial support. This research received no specific grant from any funding agency, commercial or not-for-profit sectors.</p></div>
       <div class="conflict-of-interest"><p>Competing interests. The authors declare none.</p></div>`,
    ],
    [
      'Oxford Academic (definition list)',
      `<dl><dt>Funding</dt><dd>Wellcome Trust [grant number 200000/Z/20/Z].</dd><dt>Conflict of interest statement</dt><dd>None declared.</dd></dl>`,
    ],
  ])('%s: competing interests and funding found', (_name, back) => {
    const c = analyse(page(back));
    expect(c.statements.competingInterests.found).toBe(true);
    expect(c.statements.funding.found).toBe(true);
    // The statement is quoted from the declarations, not from the reference list.
    for (const ev of [...c.statements.competingInterests.evidence, ...c.statements.funding.evidence]) expect(ev.role).not.toBe('references');
  });

  it('BMJ Open: PPI subsection in the methods, declarations at the end', () => {
    const c = analyse(
      page(
        `<section><h2>Footnotes</h2><p>Contributors: AB and CD designed the study.</p><p>Funding: This study was funded by NIHR (PB-PG-0000-00000).</p><p>Competing interests: None declared.</p></section>`,
        `<h3>Patient and public involvement</h3><p>Two carers with lived experience joined the study steering group, commented on the interview guide and co-authored the plain-language summary, which changed how we recruited.</p>`,
      ),
    );
    expect(c.statements.competingInterests.found).toBe(true);
    expect(c.statements.funding.found).toBe(true);
    expect(c.statements.involvement).toMatchObject({ found: true, who: true, stages: true, influence: true });
    expect(c.findings.some((f) => f.kind === 'involvement-vague')).toBe(false);
  });

  it('a page without declarations reports all four as not reported', () => {
    const c = analyse(page(''));
    const kinds = c.findings.map((f) => f.kind).sort();
    expect(kinds).toEqual(['missing-competing-interests', 'missing-funding', 'missing-involvement', 'missing-positionality']);
  });

  it('a theme named "Funding" in qualitative results is not a funding statement', () => {
    const c = analyse(
      page('', `<h3>Themes</h3><p>Funding: carers described the lack of funding for respite as a barrier.</p><p>Conflicts of interest: some carers felt torn between family members.</p>`),
    );
    expect(c.statements.funding.found).toBe(false);
    expect(c.statements.competingInterests.found).toBe(false);
  });
});
