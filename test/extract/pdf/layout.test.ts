import { describe, expect, it } from 'vitest';
import { pdfPagesToPaper } from '../../../src/extract/pdf/layout';
import { Hyphenation } from '../../../src/extract/pdf/join';
import type { Block } from '../../../src/analysis/model';
import { column, filler, page, type LineSpec } from './synthetic';

const texts = (blocks: Block[], kind?: Block['kind']) => blocks.filter((b) => !kind || b.kind === kind).map((b) => b.text);

describe('reading order', () => {
  it('reads a full-width title first, then the left column, then the right column', () => {
    const left = column(
      [[filler('Left one'), filler('left two'), 'left ends here.'], [filler('Left para two'), 'second left paragraph ends.']],
      50,
      120,
    );
    const right = column([[filler('Right one'), filler('right two'), 'right column ends.']], 320, 120);
    // pdf.js content order is not reading order here: the right column comes first in the stream.
    const p = page(1, [
      { text: 'A study of reading order in two column layouts', x: 60, y: 60, size: 18, font: 'bold' },
      ...right.lines,
      ...left.lines,
    ]);
    const paper = pdfPagesToPaper([p]);
    const body = texts(paper.blocks, 'paragraph');
    expect(paper.blocks[0]!.role).toBe('title');
    expect(paper.metadata.title).toBe('A study of reading order in two column layouts');
    expect(body).toHaveLength(3);
    expect(body[0]).toMatch(/^Left one.*left ends here\.$/);
    expect(body[1]).toMatch(/^Left para two.*second left paragraph ends\.$/);
    expect(body[2]).toMatch(/^Right one.*right column ends\.$/);
  });

  it('keeps a single-column page in top-to-bottom order', () => {
    const c = column([[filler('First', 90), filler('second', 90), 'end of first.'], [filler('Next', 90), 'done.']], 50, 100);
    const paper = pdfPagesToPaper([page(1, [...c.lines].reverse())]);
    expect(texts(paper.blocks, 'paragraph').map((t) => t.slice(0, 5))).toEqual(['First', 'Next ']);
  });

  it('reads a page that is one column above and two below column by column below', () => {
    // A body ending in full-width text, then a reference list in two columns (a last page).
    const top = column([[filler('Body', 90), filler('body', 90), filler('more', 90), filler('text', 90), 'ends.']], 50, 80).lines;
    const heading: LineSpec = { text: 'References', x: 252, y: 200, size: 12, font: 'bold' };
    const left = column([['Adams, J. (2019). A first study of peer', 'support in rural areas. J Test, 1, 1-10.', 'Brown, K. (2020). Another paper on', 'peer work. Health Rev, 2, 3-4. Chen, L.', '(2021). A long entry that runs on to', 'the foot of the left column and']], 50, 230, { gap: 0 }).lines;
    const right = column([['continues in the right one. Mind, 9.', 'Diaz, R. (2022). Short title. Mind, 9,', 'Evans, P. (2023). Last one in the list', 'here. Peer J, 3, 10-12, and on to the', 'end of the reference list printed here.', 'Fox, A. (2024). One more. Test, 1, 2.']], 320, 230, { gap: 0 }).lines;
    const paper = pdfPagesToPaper([page(1, [...top, heading, ...left, ...right])]);
    const all = paper.blocks.map((b) => b.text).join(' ');
    expect(all).toContain('the foot of the left column and continues in the right one.');
    expect(all).not.toMatch(/Adams, J\. \(2019\)\. A first study of peer continues/);
  });

  it('keeps a table under single-column text in row order (its cells are not columns of text)', () => {
    const top = column([[filler('Body', 90), filler('body', 90), filler('more', 90), filler('text', 90), 'ends.']], 50, 80).lines;
    const rows = ['Age, years', 'Women, n (%)', 'Employed, n (%)', 'Peer worker, n (%)', 'Online only, n (%)', 'Sessions, median'];
    const table: LineSpec[] = rows.flatMap((label, i) => [
      { text: label, x: 50, y: 220 + 14 * i },
      { text: `${20 + i} (${30 + i}%)`, x: 400, y: 220 + 14 * i },
    ]);
    const all = pdfPagesToPaper([page(1, [...top, ...table])]).blocks.map((b) => b.text).join(' ');
    expect(all).toContain('Age, years 20 (30%)');
    expect(all).toContain('Sessions, median 25 (35%)');
  });

  it('continues a paragraph from the bottom of the left column to the top of the right one', () => {
    const left = column([[filler('Alpha'), filler('beta'), filler('gamma'), 'the sentence goes']], 50, 100, { gap: 0 });
    const right = column([['on in the next column.', filler('Delta'), filler('epsilon')]], 320, 100);
    const paper = pdfPagesToPaper([page(1, [...left.lines, ...right.lines])]);
    const body = texts(paper.blocks, 'paragraph');
    expect(body).toHaveLength(1);
    expect(body[0]).toContain('the sentence goes on in the next column.');
  });
});

describe('running headers, footers and page numbers', () => {
  it('drops text repeated at the same place on every page and bare page numbers', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(n, [
        { text: `Journal of Tests ${2020 + n} Vol 12 (${n})`, x: 50, y: 30, size: 8 },
        ...column([[filler(`Body text of page ${n}`, 90), `and the page ${n} ends.`]], 50, 100).lines,
        { text: `Page ${n} of 4`, x: 280, y: 780, size: 8 },
        { text: String(n), x: 540, y: 30, size: 8 },
      ]),
    );
    const paper = pdfPagesToPaper(pages);
    const all = paper.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/Journal of Tests/);
    expect(all).not.toMatch(/Page \d of 4/);
    expect(paper.blocks.every((b) => !/^\d+$/.test(b.text))).toBe(true);
    expect(all).toContain('and the page 3 ends.');
  });
});

describe('hyphenation at line ends', () => {
  it('rejoins broken words but keeps real compounds', () => {
    const c = column([['We tested the inter-', 'vention with peer-', 'led groups and self-', 'management in IL-', '2 assays overall.']], 50, 100);
    const paper = pdfPagesToPaper([page(1, c.lines)]);
    expect(texts(paper.blocks, 'paragraph')[0]).toBe('We tested the intervention with peer-led groups and self-management in IL-2 assays overall.');
  });

  it('follows the document: a compound printed whole elsewhere keeps its hyphen', () => {
    const hy = new Hyphenation();
    hy.learn('an in-house assay and an investigation');
    expect(hy.join('an in-', 'house test')).toBe('an in-house test');
    expect(hy.join('an in-', 'vestigation')).toBe('an investigation');
    expect(hy.join('see https://doi.org/10.1000/', 'xyz123')).toBe('see https://doi.org/10.1000/xyz123');
  });
});

describe('headings, sections and roles', () => {
  const lines: LineSpec[] = [
    { text: 'Methods', x: 50, y: 100, size: 12, font: 'bold' },
    { text: '2.1 Search strategy', x: 50, y: 118, size: 10, font: 'bold' },
    ...column([[filler('We searched MEDLINE and PsycINFO', 90), 'until March 2023.']], 50, 132).lines,
    { text: 'Results', x: 50, y: 190, size: 12, font: 'bold' },
    ...column([[filler('Twelve studies met the criteria', 90), 'of the review.']], 50, 206).lines,
    ...column([['Funding: This work was funded by the Example Trust.'], ['Competing interests: None declared.']], 50, 260).lines,
  ];
  const paper = pdfPagesToPaper([page(1, lines)]);

  it('recognises larger or bolder short lines and numbered lines as headings', () => {
    expect(texts(paper.blocks, 'heading')).toEqual(['Methods', '2.1 Search strategy', 'Results']);
  });

  it('nests subsections and gives blocks the role their heading names', () => {
    const search = paper.blocks.find((b) => b.text.startsWith('We searched'))!;
    expect(search.sectionPath).toEqual(['Methods', '2.1 Search strategy']);
    expect(search.role).toBe('methods');
    expect(paper.blocks.find((b) => b.text.startsWith('Twelve'))!.role).toBe('results');
  });

  it('gives inline declaration labels the declarations role', () => {
    const funding = paper.blocks.find((b) => b.text.startsWith('Funding:'))!;
    const coi = paper.blocks.find((b) => b.text.startsWith('Competing interests:'))!;
    expect(funding.role).toBe('declarations');
    expect(coi.role).toBe('declarations');
  });
});

describe('reference lists', () => {
  it('splits author–year entries by hanging indent, across a column break', () => {
    const left: LineSpec[] = [
      { text: 'References', x: 50, y: 96, size: 12, font: 'bold' },
      { text: 'Adams, J. (2019). A first study of peer', x: 50, y: 120 },
      { text: 'support in rural areas. J Test, 1, 1-10.', x: 62, y: 132 },
      { text: 'Brown, K., & Lee, M. (2020). Another', x: 50, y: 144 },
      { text: 'paper. Health Rev, 2, 3-4.', x: 62, y: 156 },
      { text: 'Chen, L. (2021). A long entry that runs', x: 50, y: 168 },
      { text: 'to the bottom of the left column and', x: 62, y: 180 },
    ];
    const right: LineSpec[] = [
      { text: 'continues at the top of the right column.', x: 332, y: 100 },
      { text: 'Digital Health, 5, 6-7.', x: 332, y: 112 },
      { text: 'Diaz, R. (2022). Short title. Mind, 9, 1.', x: 320, y: 124 },
      { text: 'Evans, P. (2023). Last one in the list', x: 320, y: 136 },
      { text: 'here. Peer J, 3, 10-12.', x: 332, y: 148 },
    ];
    // Filler body text so both columns are detected.
    // Body text above the list in the left column, as on a real last page.
    const body = column([[filler('Body'), filler('body'), 'body ends.']], 50, 40).lines;
    const paper = pdfPagesToPaper([page(1, [...body, ...left, ...right])]);
    const refs = paper.blocks.filter((b) => b.kind === 'reference');
    expect(refs.map((r) => r.text.slice(0, 6))).toEqual(['Adams,', 'Brown,', 'Chen, ', 'Diaz, ', 'Evans,']);
    expect(refs[2]!.text).toBe('Chen, L. (2021). A long entry that runs to the bottom of the left column and continues at the top of the right column. Digital Health, 5, 6-7.');
    expect(refs.every((r) => r.role === 'references' && r.list === 'References')).toBe(true);
  });

  it('splits numbered entries only on numbers in sequence', () => {
    const lines: LineSpec[] = [
      { text: 'References', x: 50, y: 100, size: 12, font: 'bold' },
      { text: '1. Smith J, Jones K. Peer support online. BMJ.', x: 50, y: 120 },
      { text: '2009; 12:45-50.', x: 62, y: 132 },
      { text: '2. Patel R. Lived experience roles. Lancet.', x: 50, y: 144 },
      { text: '2015 Jan; 3(2):1-9.', x: 62, y: 156 },
      { text: '3. Okafor S. Digital peer work. JMIR. 2021;', x: 50, y: 168 },
      { text: '7:e1.', x: 62, y: 180 },
    ];
    const paper = pdfPagesToPaper([page(1, lines)]);
    const refs = texts(paper.blocks, 'reference');
    expect(refs).toHaveLength(3);
    expect(refs[0]).toBe('1. Smith J, Jones K. Peer support online. BMJ. 2009; 12:45-50.');
  });

  it('keeps article-history lines out of the entries, in any case, after the list or between entries', () => {
    const entries = ['1. Smith J, Jones K. Peer support online. BMJ. 2009; 12:45-50.', '2. Patel R. Lived experience roles. Lancet. 2015 Jan; 3(2):1-9.'];
    const cases = [
      { between: [], after: ['Received: March 12, 2020', 'Accepted: 2 June 2020'] },
      { between: [], after: ['RECEIVED: 13/10/2022', 'ASSOCIATE EDITOR: Carolina V. Castilho'] },
      // At the foot of a column, with entries still to come.
      { between: ['Received 19 July 2013; accepted 9 September 2013'], after: [] },
    ];
    for (const { between, after } of cases) {
      const lines: LineSpec[] = [{ text: 'References', x: 50, y: 100, size: 12, font: 'bold' }];
      let y = 108;
      const add = (text: string, x = 50, gap = 12) => lines.push({ text, x, y: (y += gap) });
      add('1. Smith J, Jones K. Peer support online. BMJ.');
      add('2009; 12:45-50.', 62);
      for (const h of between) add(h, 50, 24);
      add('2. Patel R. Lived experience roles. Lancet.', 50, between.length ? 24 : 12);
      add('2015 Jan; 3(2):1-9.', 62);
      for (const h of after) add(h, 50, 24);
      expect(texts(pdfPagesToPaper([page(1, lines)]).blocks, 'reference')).toEqual(entries);
    }
  });

  it('warns when no reference list is found', () => {
    const paper = pdfPagesToPaper([page(1, column([[filler('Just text', 90), 'ends.']], 50, 100).lines)]);
    expect(paper.warnings.join(' ')).toMatch(/No reference list/);
  });
});

describe('footnotes, anchors and hostile text', () => {
  it('keeps small text at the page bottom apart as footnotes', () => {
    const lines = [
      ...column([[filler('Main text', 90), filler('more main text', 90), 'main text ends.']], 50, 100).lines,
      { text: '1 Data were collected in 2021 by the second author.', x: 50, y: 760, size: 7 },
    ];
    const paper = pdfPagesToPaper([page(1, lines)]);
    const notes = paper.blocks.filter((b) => b.kind === 'footnote');
    expect(notes.map((b) => b.text)).toEqual(['1 Data were collected in 2021 by the second author.']);
    expect(texts(paper.blocks, 'paragraph')[0]).not.toContain('Data were collected');
  });

  it('anchors blocks to the page and the pdf.js item range they came from', () => {
    const p = page(2, [
      { text: 'Results', x: 50, y: 100, size: 12, font: 'bold' },
      ...column([[filler('Result text', 90), 'ends here.']], 50, 120).lines,
    ]);
    p.items.splice(1, 0, { ...p.items[0]!, str: ' ', hasEOL: true }); // whitespace items keep their index
    const paper = pdfPagesToPaper([{ ...p, pageNumber: 2 }]);
    const para = paper.blocks.find((b) => b.kind === 'paragraph')!;
    expect(para.anchor).toEqual({ type: 'pdf', page: 2, firstItem: 2, lastItem: 3 });
  });

  it('reads the other pages and says which page pdf.js could not read', () => {
    const good = page(1, column([[filler('Readable page', 90), 'ends.']], 50, 100).lines);
    const paper = pdfPagesToPaper([good, { pageNumber: 2, width: 0, height: 0, items: [], error: 'Bad XRef entry' }]);
    expect(texts(paper.blocks, 'paragraph')[0]).toMatch(/^Readable page/);
    expect(paper.warnings.join(' ')).toMatch(/Page 2 could not be read/);
  });

  it('keeps markup-like page text as plain text', () => {
    const hostile = '<img src=x onerror=alert(1)> & <b>bold</b> claims.';
    const paper = pdfPagesToPaper([page(1, column([[hostile]], 50, 100).lines)]);
    expect(texts(paper.blocks, 'paragraph')).toEqual([hostile]);
  });
});

describe('line text', () => {
  it('turns tabs, no-break spaces and doubled spaces inside a line into single spaces', () => {
    const odd = ['Peer\tsupport was', 'offered\u00a0by trained', 'volunteers  with lived', 'experience\u2003of psychosis.'];
    const paper = pdfPagesToPaper([page(1, column([odd], 50, 100).lines)]);
    expect(texts(paper.blocks, 'paragraph')).toEqual(['Peer support was offered by trained volunteers with lived experience of psychosis.']);
  });
});
