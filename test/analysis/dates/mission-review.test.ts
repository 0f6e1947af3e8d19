/**
 * The case the project exists for, end to end (HTML → extractor → whole engine): a 2025
 * meta-analysis of digital peer support whose searches ran in December 2023 and May 2024 with no
 * publication-date limit, so 23 of its 61 included studies predate 2014 (one from 1990); it calls
 * its population "healthy" while including clinical samples, and reports neither positionality
 * nor lived-experience involvement. The page is written for this test (APA, asterisked studies).
 */
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import { extractHtml } from '../../../src/extract/html/index';
import { parseHtmlInNode } from '../../../src/extract/html/node-dom';

const OLD = [1990, 2001, 2003, 2005, 2006, 2007, 2008, 2008, 2009, 2009, 2010, 2010, 2011, 2011, 2011, 2012, 2012, 2012, 2013, 2013, 2013, 2013, 2013];
const RECENT = Array.from({ length: 38 }, (_, i) => 2014 + (i % 11));
const INCLUDED = [...OLD, ...RECENT];

function reviewPage(): string {
  const included = INCLUDED.map((y, i) => {
    const topic = i === 0 ? 'Peer mentoring for psychiatric inpatients' : `Online peer support study ${i + 1}`;
    return `<li>*Author${String.fromCharCode(65 + (i % 26))}, B${i}. (${y}). ${topic}. <i>Journal of Support</i>, ${i + 1}(2), 10–20.</li>`;
  }).join('\n');
  const background = [2019, 2020, 2021, 2022]
    .map((y, i) => `<li>Background${i}, C. (${y}). Background paper ${i}. <i>Review Journal</i>, 4, 1–9.</li>`)
    .join('\n');
  return `<!DOCTYPE html><html><head>
<meta name="citation_title" content="Digital peer support for mental health: a systematic review and meta-analysis">
<meta name="citation_publication_date" content="2025/01/15">
</head><body><main><article>
<h1>Digital peer support for mental health: a systematic review and meta-analysis</h1>
<section class="abstract"><h2>Abstract</h2><p>This review focuses on healthy individuals rather than those diagnosed with a clinical condition. We pooled 61 studies of digital peer support.</p></section>
<section><h2>Introduction</h2><p>Digital peer support is offered through apps, forums and video calls.</p></section>
<section><h2>Methods</h2>
<h3>Search strategy</h3><p>We searched MEDLINE, Embase, PsycINFO and CINAHL in December 2023, and the search was updated in May 2024. Reference lists of included studies were hand-searched.</p>
<h3>Eligibility</h3><p>Studies of any design that evaluated digital peer support were eligible.</p></section>
<section><h2>Results</h2><p>Sixty-one studies were included. Seven included studies recruited psychiatric inpatients.</p></section>
<section><h2>Discussion</h2><p>Digital peer support improved wellbeing.</p></section>
<section><h2>Funding</h2><p>This work was supported by the National Research Foundation (grant 12345).</p></section>
<section><h2>Competing interests</h2><p>The authors declare no competing interests.</p></section>
<section class="references"><h2>References</h2><p>References marked with an asterisk indicate studies included in the meta-analysis.</p><ol>
${included}
${background}
</ol></section>
</article></main></body></html>`;
}

describe('the digital peer support meta-analysis', () => {
  const critique = analysePaper(extractHtml(parseHtmlInNode(reviewPage()), 'https://example.org/review'));
  const finding = (kind: string) => critique.findings.find((f) => f.kind === kind);

  it('states the search dates and no date limit', () => {
    expect(critique.search.dates).toEqual(['2023-12', '2024-05']);
    expect(critique.search.dateLimit).toBeNull();
    expect(critique.search.evidence[0]?.role).toBe('methods');
  });

  it('reports no-date-limit with the span of the included studies', () => {
    const f = finding('no-date-limit');
    expect(f?.severity).toBe('caution');
    expect(f?.summary).toContain('2023-12 and 2024-05');
    expect(f?.summary).toContain('1990–2024 (34 years)');
  });

  it('ages the included studies from the last search: 23 of 61 predate 2014', () => {
    expect(critique.includedStudies?.withYear).toBe(61);
    expect(critique.includedStudies?.referenceYear).toBe(2024);
    expect(finding('date-spread')?.summary).toContain('23 of 61 included studies (38%) predate 2014');
  });

  it('finds the declarations but not positionality or involvement', () => {
    expect(critique.statements.competingInterests.found).toBe(true);
    expect(critique.statements.funding.found).toBe(true);
    expect(finding('missing-positionality')?.severity).toBe('caution');
    expect(finding('missing-involvement')?.severity).toBe('caution');
    expect(finding('missing-funding')).toBeUndefined();
  });

  it('flags the healthy-versus-clinical population', () => {
    const f = finding('population-mismatch');
    expect(f?.evidence.map((e) => e.quote).join(' ')).toMatch(/healthy individuals[\s\S]*psychiatric inpatients/);
  });
});
