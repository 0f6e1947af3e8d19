/**
 * Pages as readers land on them: abstract (paywall) pages analysed for what they show, and the
 * page structures that once hid a real publisher's text — a script between </head> and <body>, a
 * reference list folded into an accordion, an article container whose classes read as furniture.
 * Every page here is written for the test; the text is invented.
 */
import { describe, expect, it } from 'vitest';
import { assessArticle, assessScope } from '../../src/analysis/article-check';
import { analysePaper } from '../../src/analysis/engine';
import { extractHtml } from '../../src/extract/html';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';

const extract = (html: string) => extractHtml(parseHtmlInNode(html), null);
const refs = (html: string) => extract(html).blocks.filter((b) => b.kind === 'reference');

const META = `<meta name="citation_title" content="Texting a peer after discharge: a pilot trial">
<meta name="citation_doi" content="10.5555/pilot.2021.7"><meta name="citation_publication_date" content="2021/04/02">
<meta name="citation_pdf_url" content="https://publisher.example/pilot.pdf">`;
const ABSTRACT = `<section class="abstract"><h2>Abstract</h2><p>We tested whether weekly text messages from a trained peer worker after psychiatric discharge were acceptable to patients and staff. Sixty adults took part; most replied to the messages and few dropped out. Peer texting is feasible; a full trial is warranted.</p></section>`;
const REFERENCES = `<section class="references"><h2>References</h2><ol>
<li>Abel R, Moss T. Discharge and loneliness. J Psychiatr Care. 2015;4:1-9.</li>
<li>Chen L. Text messaging in mental health services. Digit Health. 2018;2:10-19.</li>
<li>Okoro F, Byrne S. Peer workers in acute care. Psychiatr Serv. 2019;70:33-41.</li></ol></section>`;

const abstractPage = `<!doctype html><html><head>${META}</head><body>
<header class="site-header"><nav>Journals</nav></header>
<main><article><h1>Texting a peer after discharge: a pilot trial</h1>
<p class="authors">R. Nwosu, K. Lindqvist</p>
<div class="access-box"><p>Access through your institution</p><p>Purchase PDF</p></div>
${ABSTRACT}${REFERENCES}</article></main></body></html>`;

describe('abstract pages', () => {
  it('are articles (not refused) and read as abstract pages, with what they show', () => {
    const paper = extract(abstractPage);
    expect(assessArticle(paper).isArticle).toBe(true);
    expect(assessScope(paper).abstractOnly).toBe(true);
    const c = analysePaper(paper);
    expect(c.paper.scope).toBe('abstract');
    expect(c.references.count).toBe(3);
    expect(c.terms.find((t) => t.term === 'peer')!.count).toBeGreaterThan(0);
  });

  it('never report declarations or definitions as missing, and point to the PDF', () => {
    const c = analysePaper(extract(abstractPage));
    expect(c.findings.filter((f) => f.kind.startsWith('missing-'))).toEqual([]);
    expect(c.findings.filter((f) => f.kind === 'definition-gap' && f.detail === 'none')).toEqual([]);
    expect(c.warnings[0]).toMatch(/^Abstract page: the full text is not here/);
    expect(c.warnings[0]).toContain('https://publisher.example/pilot.pdf');
  });

  it('a short full text with sections is not an abstract page, and neither is a page with no abstract', () => {
    const full = `<!doctype html><html><head>${META}</head><body><main><article><h1>T</h1>${ABSTRACT}
      <h2>Introduction</h2><p>Discharge is a lonely time for many people.</p><h2>Methods</h2><p>Sixty adults were randomised.</p>
      <h2>Results</h2><p>Most replied.</p><h2>Discussion</h2><p>Texting works.</p>
      <h2>Competing interests</h2><p>None declared.</p>${REFERENCES}</article></main></body></html>`;
    expect(analysePaper(extract(full)).paper.scope).toBe('full-text');
    const editorial = `<!doctype html><html><head>${META}</head><body><main><article><h1>T</h1><p>${'An editorial about peer work in acute wards, with no abstract at all. '.repeat(40)}</p></article></main></body></html>`;
    expect(analysePaper(extract(editorial)).paper.scope).toBe('full-text');
  });

  it('a journal home page or search result is still refused, with the reason', () => {
    const home = `<!doctype html><html><head><title>Journal of Examples</title></head><body><main><h1>Journal of Examples</h1><ul><li><a href="/a">Latest issue</a></li><li><a href="/b">Submit</a></li></ul></main></body></html>`;
    const v = assessArticle(extract(home));
    expect(v.isArticle).toBe(false);
    expect(v.reason).toMatch(/does not look like a research article/);
  });
});

describe('page structures that hid a publisher\'s text', () => {
  it('a script between </head> and <body> (tag managers) does not empty the page', () => {
    const html = `<!doctype html><html><head>${META}</head><script>window.dataLayer=[];</script><body><main><article><h1>T</h1>${ABSTRACT}${REFERENCES}</article></main></body></html>`;
    const paper = extract(html);
    expect(paper.blocks.some((b) => b.role === 'abstract')).toBe(true);
    expect(paper.blocks.filter((b) => b.kind === 'reference')).toHaveLength(3);
  });

  it('reads a reference list folded into a collapsed accordion panel', () => {
    const html = `<!doctype html><html><head>${META}</head><body><main><article><h1>T</h1>${ABSTRACT}
      <section class="article-section article-section__references"><div class="accordion">
        <h2><div role="button" aria-expanded="false" aria-controls="refs-panel-typo">References</div></h2>
        <div class="accordion__content" style="display: none;" id="refs-panel"><ul>
          <li>Abel R, Moss T. Discharge and loneliness. J Psychiatr Care. 2015;4:1-9.</li>
          <li>Chen L. Text messaging in mental health services. Digit Health. 2018;2:10-19.</li>
        </ul></div></div></section></article></main></body></html>`;
    expect(refs(html).map((b) => b.text.slice(0, 4))).toEqual(['Abel', 'Chen']);
  });

  it('reads a panel a disclosure control names, and still skips plain hidden content', () => {
    const html = `<!doctype html><html><head>${META}</head><body><main><article><h1>T</h1>${ABSTRACT}
      <h2>References</h2><button aria-expanded="false" aria-controls="ref-list-1">Show all</button>
      <ol id="ref-list-1" hidden><li>Abel R, Moss T. Discharge and loneliness. J Psychiatr Care. 2015;4:1-9.</li></ol>
      <div style="display:none"><p>Hidden template text that is not part of the paper at all, from a cookie dialog.</p></div>
      </article></main></body></html>`;
    const paper = extract(html);
    expect(paper.blocks.filter((b) => b.kind === 'reference')).toHaveLength(1);
    expect(paper.blocks.some((b) => b.text.includes('Hidden template'))).toBe(false);
  });

  it('an article container or a layout wrapper whose class names read as furniture is still read', () => {
    const html = `<!doctype html><html><head>${META}</head><body>
      <article class="app-masthead__colour-4" id="main"><div class="c-main l-with-sidebar"><main>
      <h1>Texting a peer after discharge: a pilot trial</h1>${ABSTRACT}</main>
      <aside class="c-sidebar"><p>Related articles you may like.</p></aside></div></article></body></html>`;
    const paper = extract(html);
    expect(paper.blocks.some((b) => b.role === 'abstract' && b.text.startsWith('We tested'))).toBe(true);
    expect(paper.blocks.some((b) => b.text.includes('Related articles'))).toBe(false);
  });
});

describe('metadata from the page itself when no tag gives it', () => {
  const page = (head: string, body: string) => extract(`<!doctype html><html><head>${head}</head><body><main><article>${body}${ABSTRACT}</article></main></body></html>`).metadata;

  it('reads authors from a plain byline and the year from a printed publication date', () => {
    const m = page('<title>Peer texting</title>', '<h1>Peer texting</h1><p class="authors">Rosa Nwosu, Karl B. Lindqvist and Mei Chen</p><p class="pub-history">First published: 14 March 2017</p>');
    expect(m.authors).toEqual(['Rosa Nwosu', 'Karl B. Lindqvist', 'Mei Chen']);
    expect(m.year).toBe(2017);
    expect(m.published).toBe('2017-03');
  });

  it('"Version of record online" and "Published:" lines give the year; a meta tag still wins', () => {
    expect(page('', '<h1>T</h1><div>Version of record online: 02 June 2015</div>').year).toBe(2015);
    expect(page('', '<h1>T</h1><p>Published: 12 March 2010</p>').year).toBe(2010);
    expect(page('<meta name="citation_publication_date" content="2011/01/05">', '<h1>T</h1><p>Published: 12 March 2010</p>').year).toBe(2011);
  });

  it('a byline that is not a list of names is left out rather than guessed', () => {
    expect(page('', '<h1>T</h1><p class="authors">Written by the editorial team of 2020</p>').authors).toEqual([]);
  });

  it('derives an arXiv paper\'s DataCite DOI from its identifier, and drops a preprint version from a DOI', () => {
    expect(page('<meta name="citation_arxiv_id" content="2305.01234">', '<h1>T</h1>').doi).toBe('10.48550/arXiv.2305.01234');
    expect(extractHtml(parseHtmlInNode(`<html><head></head><body><main><h1>T</h1>${ABSTRACT}</main></body></html>`), 'https://arxiv.org/abs/2112.04567v3').metadata.doi).toBe('10.48550/arXiv.2112.04567');
    expect(page('<meta name="citation_doi" content="10.1101/2022.06.01.494321v2">', '<h1>T</h1>').doi).toBe('10.1101/2022.06.01.494321');
  });
});
