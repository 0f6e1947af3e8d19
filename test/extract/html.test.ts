/**
 * extractHtml on small pages imitating real publisher markup (Elsevier, Taylor & Francis, SAGE,
 * Frontiers, JMIR, Oxford Academic, PMC, Springer, Wiley). Each fixture is cut down to the
 * structures the extractor must handle; the text is invented.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Paper } from '../../src/analysis/model';
import { elementForPath, extractHtml } from '../../src/extract/html';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';

function extract(html: string, url: string | null = null): { paper: Paper; doc: Document } {
  const doc = parseHtmlInNode(html);
  return { paper: extractHtml(doc, url), doc };
}
const refs = (p: Paper) => p.blocks.filter((b) => b.kind === 'reference');
const texts = (bs: Block[]) => bs.map((b) => b.text);
const byText = (p: Paper, needle: string) => p.blocks.find((b) => b.text.includes(needle));

const ELSEVIER = `<!DOCTYPE html><html><head>
<title>Peer support online: a review - ScienceDirect</title>
<meta name="citation_title" content="Peer support online: a review">
<meta name="citation_author" content="Smith, Anna"><meta name="citation_author" content="Jones, Ben">
<meta name="citation_journal_title" content="Social Science &amp; Medicine">
<meta name="citation_publication_date" content="2020/05/03">
<meta name="citation_doi" content="10.1016/j.socscimed.2020.112">
<meta name="citation_pdf_url" content="https://example.org/pdf">
</head><body><div id="app">
<header role="banner"><a href="/">ScienceDirect</a><nav>Journals &amp; Books</nav></header>
<div class="cookie-banner">We use cookies to help provide and enhance our service.</div>
<div class="Publication"><h1 class="Head"><span class="title-text">Peer support online: a review</span></h1></div>
<article role="main">
<div class="Abstracts"><div class="abstract author" id="ab1"><h2>Abstract</h2><div><p>Peer support delivered online is growing quickly across services and countries, and this review summarises the evidence on what it is and whether it helps the people who use it.</p></div></div></div>
<div id="body"><section id="s1"><h2>1. Introduction</h2><p>Peer support is offered by people with lived experience of mental health conditions to others sharing similar conditions, and it has been studied for decades in many settings.</p></section>
<section id="s2"><h2>2. Methods</h2><section id="s2.1"><h3>2.1. Search strategy</h3><p>We searched MEDLINE and PsycINFO from inception to 3 March 2023 without language limits, and screened every record in duplicate.</p></section></section>
<section id="s4"><h2>4. Discussion</h2><p>Our findings suggest that digital peer support is feasible and acceptable in the settings where it has been tried so far.</p>
<section><h3>4.1. Strengths and limitations</h3><p>Few included studies were randomised, and most were short, so effects on longer-term recovery remain uncertain.</p></section></section></div>
<section class="declaration-of-competing-interest" id="coi"><h2>Declaration of Competing Interest</h2><p>The authors declare that they have no known competing financial interests.</p></section>
<section class="Acknowledgments"><h2>Acknowledgements</h2><p>We thank the peer workers who advised on this review.</p></section>
<figure class="figure"><img src="f1.jpg"><div class="download-links"><a>Download: Download high-res image (200KB)</a></div><figcaption><p>Fig. 1. PRISMA flow diagram of the study selection.</p></figcaption></figure>
<section class="bibliography" id="bibliography"><h2>References</h2><section class="bibliography-sec"><ol class="references">
<li><span class="label">[1]</span><span class="reference" id="h0005"><div class="contribution">A. Smith, B. Jones <strong class="title">Peer work in 2009 and after</strong></div><div class="host">Soc. Sci. Med., 12 (2011), pp. 100-110</div></span><div class="ReferenceLinks u-font-sans"><a href="#">View PDF</a><a href="#">View article</a><a href="#">View in Scopus</a><a href="#">Google Scholar</a></div></li>
<li><span class="label">[2]</span><span class="reference" id="h0010"><div class="contribution">C. Brown <strong class="title">Digital peers</strong></div><div class="host">J. Ment. Health, 3 (2015), pp. 1-9</div></span><div class="ReferenceLinks"><a href="#">Google Scholar</a></div></li>
</ol></section></section>
</article>
<aside class="RelatedContent"><h2>Recommended articles</h2><ul><li>Another paper (2024)</li></ul></aside>
<div class="cited-by"><h2>Cited by (12)</h2><p>Some citing article, 2023</p></div>
<footer role="contentinfo">Copyright © 2026 Elsevier B.V.</footer></div></body></html>`;

describe('Elsevier-like page', () => {
  const { paper, doc } = extract(ELSEVIER, 'https://www.sciencedirect.com/science/article/pii/X');

  it('reads Highwire metadata', () => {
    expect(paper.metadata.title).toBe('Peer support online: a review');
    expect(paper.metadata.authors).toEqual(['Anna Smith', 'Ben Jones']);
    expect(paper.metadata.journal).toBe('Social Science & Medicine');
    expect(paper.metadata.published).toBe('2020-05-03');
    expect(paper.metadata.year).toBe(2020);
    expect(paper.metadata.doi).toBe('10.1016/j.socscimed.2020.112');
    expect(paper.metadata.pdfUrl).toBe('https://example.org/pdf');
    expect(paper.metadata.url).toBe('https://www.sciencedirect.com/science/article/pii/X');
  });

  it('keeps the title outside the article container and drops page furniture', () => {
    expect(paper.blocks[0]).toMatchObject({ kind: 'heading', role: 'title', text: 'Peer support online: a review' });
    const all = paper.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/cookies|Recommended articles|Cited by|Copyright|Journals & Books|Download high-res/);
  });

  it('maps headings to roles and nests subsections', () => {
    expect(byText(paper, 'lived experience of mental health')).toMatchObject({ role: 'introduction', sectionPath: ['Introduction'] });
    expect(byText(paper, 'We searched MEDLINE')).toMatchObject({ role: 'methods', sectionPath: ['Methods', 'Search strategy'] });
    expect(byText(paper, 'Few included studies')).toMatchObject({ role: 'limitations', sectionPath: ['Discussion', 'Strengths and limitations'] });
    expect(byText(paper, 'no known competing')).toMatchObject({ role: 'declarations' });
    expect(byText(paper, 'We thank the peer workers')).toMatchObject({ role: 'acknowledgements' });
    expect(byText(paper, 'Peer support delivered online')).toMatchObject({ role: 'abstract' });
    expect(byText(paper, 'PRISMA flow diagram')).toMatchObject({ kind: 'caption' });
  });

  it('splits references into entries without the link bar', () => {
    const r = refs(paper);
    expect(texts(r)).toEqual([
      'A. Smith, B. Jones Peer work in 2009 and after Soc. Sci. Med., 12 (2011), pp. 100-110',
      'C. Brown Digital peers J. Ment. Health, 3 (2015), pp. 1-9',
    ]);
    expect(r[0]).toMatchObject({ role: 'references', list: 'References' });
    expect(r[0]!.included).toBeUndefined();
    expect(paper.warnings).toEqual([]);
  });

  it('anchors blocks by a child-index path that leads back to the element', () => {
    const b = byText(paper, 'We searched MEDLINE')!;
    expect(b.anchor.type).toBe('dom');
    const el = b.anchor.type === 'dom' ? elementForPath(doc, b.anchor.path) : null;
    expect(el?.textContent).toContain('We searched MEDLINE');
    const r = refs(paper)[1]!;
    const li = r.anchor.type === 'dom' ? elementForPath(doc, r.anchor.path) : null;
    expect(li?.tagName.toLowerCase()).toBe('li');
  });
});

describe('Taylor & Francis, SAGE, Frontiers, JMIR, OUP, PMC, Springer and Wiley reference markup', () => {
  it('T&F: drops bracketed service links but keeps the citation', () => {
    const { paper } = extract(`<html><body><main><article><h1>T</h1><h2>Introduction</h2><p>Text.</p>
      <h2>References</h2><ul class="references numeric-ordered-list" id="references-Section">
      <li id="CIT0001"><span><span class="hlFld-ContribAuthor">Smith, J.</span> (<span>2019</span>). Peer work. <i>Journal of Care</i>, 12, 1–9.
      <span class="ref-lnk lazy-ref"><a class="ref-link">[Taylor &amp; Francis Online]</a>, <a>[Web of Science ®]</a>, <a>[Google Scholar]</a></span></span></li>
      <li id="CIT0002">Jones, K. (2020). Digital [Internet] support. <i>J Web</i>, 2, 3–4. <a>[Google Scholar]</a></li></ul></article></main></body></html>`);
    expect(texts(refs(paper))).toEqual(['Smith, J. (2019). Peer work. Journal of Care, 12, 1–9.', 'Jones, K. (2020). Digital [Internet] support. J Web, 2, 3–4.']);
  });

  it('SAGE: a bibliography laid out as a table gives one entry per row', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><div class="ref-list"><h2>References</h2><table class="references">
      <tr><td class="ref-label">1.</td><td class="ref-content">Mead S, Hilton D, Curtis L. Peer support: a theoretical perspective. Psychiatr Rehabil J 2001; 25: 134–141. <a>Google Scholar</a></td></tr>
      <tr><td class="ref-label">2.</td><td class="ref-content">Solomon P. Peer support. Psychiatr Rehabil J 2004; 27: 392–401. <a>Crossref</a></td></tr></table></div></article></body></html>`);
    expect(texts(refs(paper))).toEqual([
      'Mead S, Hilton D, Curtis L. Peer support: a theoretical perspective. Psychiatr Rehabil J 2001; 25: 134–141.',
      'Solomon P. Peer support. Psychiatr Rehabil J 2004; 27: 392–401.',
    ]);
  });

  it('Frontiers: paragraph-per-reference with a separate links paragraph', () => {
    const { paper } = extract(`<html><body><div class="JournalFullText"><h1>T</h1><h2>Conflict of Interest</h2><p>The authors declare no conflict.</p>
      <h2>References</h2><div class="References"><p class="ReferencesCopy1">Smith J. (2019). Peer work. <i>Front. Psychol.</i> 10, 1–9. doi: 10.3389/fpsyg.2019.001</p>
      <p class="ReferencesCopy2"><a>PubMed Abstract</a> | <a>CrossRef Full Text</a> | <a>Google Scholar</a></p>
      <p class="ReferencesCopy1">Brown A. (2021). Digital peers. <i>Front. Psychiatry</i> 12, 5.</p>
      <p class="ReferencesCopy2"><a>CrossRef Full Text</a> | <a>Google Scholar</a></p></div></div></body></html>`);
    expect(texts(refs(paper))).toEqual(['Smith J. (2019). Peer work. Front. Psychol. 10, 1–9. doi: 10.3389/fpsyg.2019.001', 'Brown A. (2021). Digital peers. Front. Psychiatry 12, 5.']);
    expect(byText(paper, 'declare no conflict')).toMatchObject({ role: 'declarations', sectionPath: ['Conflict of Interest'] });
  });

  it('OUP: nested divs inside each entry and a citation-links bar', () => {
    const { paper } = extract(`<html><body><div class="article-body"><h1>T</h1><h2>References</h2><div class="ref-list js-splitview-ref-list">
      <div class="js-splitview-ref-item" content-id="CIT0001"><div class="ref-content" data-id="CIT0001"><div class="mixed-citation citation"><div class="person-group"><div class="name">Smith J</div></div> (<div class="year">2019</div>) Peer work. <div class="source">J Care</div> 12: 1–9.</div></div>
      <div class="citation-links"><a>Google Scholar</a><a>Crossref</a><a>PubMed</a></div></div>
      <div class="js-splitview-ref-item" content-id="CIT0002"><div class="ref-content"><div class="mixed-citation citation">Brown A (2021) Digital peers. J Web 2: 3.</div></div><div class="citation-links"><a>Google Scholar</a></div></div>
      </div></div></body></html>`);
    expect(texts(refs(paper))).toEqual(['Smith J (2019) Peer work. J Care 12: 1–9.', 'Brown A (2021) Digital peers. J Web 2: 3.']);
  });

  it('PMC: strips "[DOI] [PubMed] [Google Scholar]" and the list label', () => {
    const { paper } = extract(`<html><body><main><article><h1>T</h1><section class="ref-list-sec sec" id="reference-list"><h2>References</h2><ul class="ref-list font-sm">
      <li id="B1"><span class="label">1.</span><cite>Smith J. Peer work. J Care. 2019;12:1–9.</cite> [<a>DOI</a>] [<a>PubMed</a>] [<a>Google Scholar</a>]</li>
      <li id="B2"><span class="label">2.</span><cite>Brown A. Digital peers. J Web. 2021;2:3.</cite> [<a>PMC free article</a>] [<a>Google Scholar</a>]</li></ul></section></article></main></body></html>`);
    expect(texts(refs(paper))).toEqual(['Smith J. Peer work. J Care. 2019;12:1–9.', 'Brown A. Digital peers. J Web. 2021;2:3.']);
  });

  it('Springer and Wiley: link paragraphs and extra-links boxes inside the entry are dropped', () => {
    const { paper } = extract(`<html><body><main><article><h1>T</h1><section data-title="References"><h2>References</h2><ol class="c-article-references">
      <li class="c-article-references__item js-c-reading-companion-references-item" data-counter="1."><p class="c-article-references__text" id="ref-CR1">Locker D (1988) Measuring oral health. Community Dent Health 5:3–18</p><p class="c-article-references__links u-hide-print"><a>Article</a> <a>Google Scholar</a></p></li>
      </ol></section><section class="article-section__content" id="references-section"><h2>Further reading</h2><ul class="rlist separator">
      <li data-bib-id="b1"><span class="author">Smith, J.</span> (<span class="pubYear">2019</span>). Peer work. <i>J Care</i>, 12, 1–9.<div class="extra-links getFTR"><a>Wiley Online Library</a><a>PubMed</a><a>Web of Science®</a><a>Google Scholar</a></div></li></ul></section></article></main></body></html>`);
    expect(texts(refs(paper))).toEqual(['Locker D (1988) Measuring oral health. Community Dent Health 5:3–18', 'Smith, J. (2019). Peer work. J Care, 12, 1–9.']);
  });

  it('JMIR: a references list classed as footnotes is still a reference list', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><h4 class="navigation-heading">Conflicts of Interest</h4><p>None declared.</p>
      <h4 class="navigation-heading">References</h4><ol class="footnotes"><li><span id="ref1">Smith J. Peer work. JMIR Ment Health 2019;6(2):e1</span> <a>[CrossRef]</a> <a>[Medline]</a></li></ol></article></body></html>`);
    expect(texts(refs(paper))).toEqual(['Smith J. Peer work. JMIR Ment Health 2019;6(2):e1']);
    expect(byText(paper, 'None declared')).toMatchObject({ role: 'declarations' });
  });
});

describe('declarations wherever publishers put them', () => {
  const { paper } = extract(`<html><body><article><h1>A paper</h1>
    <h2>Introduction</h2><p>Some text that introduces the question at reasonable length for a paragraph.</p>
    <h2>Discussion</h2><p>What we found, discussed.</p>
    <p><strong>Competing interests:</strong> KF is a co-founder of a digital peer support company.</p>
    <p><b>Funding</b> This work was funded by the National Institute of Mental Health (R01 MH000).</p>
    <p>Role of the funding source. The funder had no role in study design.</p>
    <dl class="declarations"><dt>Author contributions</dt><dd>AS and BJ designed the study.</dd><dt>Data availability</dt><dd>Data are available on request.</dd></dl>
    <div class="fn-group"><div class="fn fn-type-conflict"><p>The authors report no conflicts of interest.</p></div></div>
    <section><h2>Declarations</h2><h3>Funding</h3><p>None.</p><h3>Ethics approval</h3><p>Not required.</p></section>
  </article></body></html>`);

  it('inline labels become declaration blocks with the label in the section path', () => {
    expect(byText(paper, 'co-founder')).toMatchObject({ role: 'declarations', sectionPath: ['Discussion', 'Competing interests'] });
    expect(byText(paper, 'National Institute')).toMatchObject({ role: 'declarations', sectionPath: ['Discussion', 'Funding'] });
    expect(byText(paper, 'funder had no role')).toMatchObject({ role: 'declarations', sectionPath: ['Discussion', 'Role of the funding source'] });
    expect(byText(paper, 'What we found')).toMatchObject({ role: 'discussion' });
  });

  it('definition lists, footnote groups and Declarations subsections', () => {
    expect(byText(paper, 'designed the study')).toMatchObject({ role: 'declarations', sectionPath: ['Discussion', 'Author contributions'] });
    expect(byText(paper, 'available on request')).toMatchObject({ role: 'declarations' });
    expect(byText(paper, 'no conflicts of interest')).toMatchObject({ role: 'declarations', kind: 'footnote' });
    expect(byText(paper, 'None.')).toMatchObject({ role: 'declarations', sectionPath: ['Declarations', 'Funding'] });
    expect(byText(paper, 'Not required.')).toMatchObject({ role: 'declarations', sectionPath: ['Declarations', 'Ethics approval'] });
  });
});

describe('structure without headings, hidden content, tables', () => {
  it('structured abstracts keep the abstract role; hidden and aria-hidden text is dropped', () => {
    const { paper } = extract(`<html><body><main><h1>T</h1><section class="abstract"><h2>Abstract</h2><h3>Methods</h3><p>We searched widely.</p></section>
      <div hidden><p>Secret hidden</p></div><p aria-hidden="true">Screen-reader hidden</p><p style="color:red; display: none">Styled hidden</p>
      <div class="section"><div class="title">Results</div><p>Effects were small.</p></div></main></body></html>`);
    expect(byText(paper, 'We searched widely')).toMatchObject({ role: 'abstract', sectionPath: ['Abstract', 'Methods'] });
    expect(paper.blocks.some((b) => /hidden/i.test(b.text))).toBe(false);
    expect(byText(paper, 'Effects were small')).toMatchObject({ role: 'results', sectionPath: ['Results'] });
  });

  it('tables become rows joined with " | " under their caption', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><h2>Results</h2><table><caption>Table 1. Characteristics of included studies</caption>
      <thead><tr><th>Study</th><th>Year</th></tr></thead><tbody><tr><td>Smith et al.</td><td>2012</td></tr></tbody></table></article></body></html>`);
    const rows = paper.blocks.filter((b) => b.kind === 'table');
    expect(texts(rows)).toEqual(['Study | Year', 'Smith et al. | 2012']);
    expect(byText(paper, 'Characteristics')).toMatchObject({ kind: 'caption', role: 'results' });
  });

  it('warns when the page is not an article', () => {
    const { paper } = extract(`<html><body><nav>Menu</nav><main><p>Welcome to our shop.</p></main></body></html>`);
    expect(paper.warnings).toEqual(expect.arrayContaining(['No reference list found', 'No section headings found']));
  });

  it('page text never becomes markup', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><h2>Results</h2><p>&lt;img src=x onerror=alert(1)&gt; is text</p></article></body></html>`);
    expect(byText(paper, 'onerror')?.text).toBe('<img src=x onerror=alert(1)> is text');
  });
});

describe('included studies', () => {
  it('APA asterisk convention marks every entry true or false', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><h2>References</h2>
      <p>References marked with an asterisk indicate studies included in the meta-analysis.</p>
      <p>*Smith, J. (2019). Peer work. Journal, 1, 1–2.</p><p>Jones, K. (2001). Background. Journal, 2, 3–4.</p><p>* Brown, A. (2020). Digital peers. J, 3, 5.</p></article></body></html>`);
    const r = refs(paper);
    expect(r.map((b) => b.included)).toEqual([true, false, true]);
    expect(byText(paper, 'marked with an asterisk')?.kind).toBe('paragraph');
  });

  it('an "Included studies" list marks its entries, other lists are not included', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><section><h2>References</h2>
      <h3>Studies included in this review</h3><ol><li>Smith J (2019) Peer work. J 1:1</li><li>Brown A (2020) Digital peers. J 3:5</li></ol>
      <h3>Other references</h3><ol><li>Jones K (2001) Background. J 2:3</li></ol></section></article></body></html>`);
    const r = refs(paper);
    expect(r.map((b) => [b.included, b.list])).toEqual([
      [true, 'Studies included in this review'],
      [true, 'Studies included in this review'],
      [false, 'Other references'],
    ]);
  });

  it('asterisks without a note explaining them mark nothing', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><h2>References</h2><ol><li>*Smith J (2019) A. J 1:1</li><li>Brown A (2020) B. J 3:5</li></ol></article></body></html>`);
    expect(refs(paper).map((b) => b.included)).toEqual([undefined, undefined]);
  });
});

describe('citation_reference meta fallback and other metadata sources', () => {
  it('reads both shapes of citation_reference when no list is visible', () => {
    const { paper } = extract(`<html><head>
      <meta name="citation_reference" content="citation_title=Peer support &amp;amp; recovery; citation_author=Mead, S; citation_author=Hilton, D; citation_publication_date=2001; citation_journal_title=Psychiatr Rehabil J">
      <meta name="citation_reference" content="Solomon P. Peer support/peer provided services. Psychiatr Rehabil J. 2004;27:392-401.">
      </head><body><article><h1>T</h1><h2>Introduction</h2><p>Text.</p></article></body></html>`);
    const r = refs(paper);
    expect(texts(r)).toEqual(['Mead, S, Hilton, D (2001). Peer support & recovery. Psychiatr Rehabil J.', 'Solomon P. Peer support/peer provided services. Psychiatr Rehabil J. 2004;27:392-401.']);
    expect(r[0]!.anchor).toEqual({ type: 'meta' });
    expect(paper.warnings).not.toContain('No reference list found');
  });

  it('falls back to Dublin Core, PRISM, a bare DOI tag, JSON-LD and <title>', () => {
    const { paper } = extract(`<html><head><title>Living with peers | Journal of Things</title>
      <meta name="DC.Creator" content="Anna Smith"><meta name="dc.date" content="2019-07-01"><meta name="prism.doi" content="doi:10.1234/abc.5">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"ScholarlyArticle","headline":"Ignored when others exist","isPartOf":{"name":"J Things"}}]}</script>
      </head><body><p>x</p></body></html>`);
    expect(paper.metadata).toMatchObject({ title: 'Ignored when others exist', authors: ['Anna Smith'], year: 2019, published: '2019-07-01', doi: '10.1234/abc.5', journal: 'J Things' });
    const bare = extract(`<html><head><title>Living with peers | Journal of Things</title><meta name="DOI" content="https://doi.org/10.5555/xyz"></head><body><p>x</p></body></html>`).paper;
    expect(bare.metadata).toMatchObject({ title: 'Living with peers', doi: '10.5555/xyz' });
  });
});

describe('reference containers named like entries', () => {
  it('a div.ref-list of paragraphs is a list, not one entry; <br>-separated bibliographies are split', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><h2>References</h2><div class="ref-list"><p>Smith J (2019) A. J 1:1</p><p>Brown A (2020) B. J 3:5</p></div>
      <h2>Literature cited</h2><p>Lee H (2001) C. J 2:2<br>Park S (2003) D. J 4:4<br>Kim B (2005) E. J 6:6</p></article></body></html>`);
    expect(texts(refs(paper))).toEqual(['Smith J (2019) A. J 1:1', 'Brown A (2020) B. J 3:5', 'Lee H (2001) C. J 2:2', 'Park S (2003) D. J 4:4', 'Kim B (2005) E. J 6:6']);
  });

  it('a literature-review section is not a bibliography', () => {
    const { paper } = extract(`<html><body><article><h1>T</h1><section class="literature-review"><h2>Literature review</h2><p>Earlier work (Smith, 2019) found effects.</p></section></article></body></html>`);
    expect(refs(paper)).toEqual([]);
  });
});

describe('the publisher PDF link', () => {
  const page = (href: string) =>
    parseHtmlInNode(`<html><head><meta name="citation_title" content="T"><meta name="citation_pdf_url" content="${href}"></head><body><p>x</p></body></html>`);

  it('is resolved against the page address, so the viewer can open a relative citation_pdf_url', () => {
    expect(extractHtml(page('/content/a.pdf'), 'https://journal.example/article/1').metadata.pdfUrl).toBe('https://journal.example/content/a.pdf');
    expect(extractHtml(page('https://cdn.example/a.pdf'), null).metadata.pdfUrl).toBe('https://cdn.example/a.pdf');
  });

  it('drops anything that is not http(s): a hostile page cannot smuggle a javascript: URL into the Open PDF button', () => {
    expect(extractHtml(page('javascript:alert(1)'), 'https://journal.example/a').metadata.pdfUrl).toBeNull();
    expect(extractHtml(page('/a.pdf'), null).metadata.pdfUrl).toBeNull();
  });
});
