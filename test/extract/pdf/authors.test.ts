import { describe, expect, it } from 'vitest';
import { pdfPagesToPaper } from '../../../src/extract/pdf/layout';
import { column, filler, page, type LineSpec } from './synthetic';

const TITLE: LineSpec = { text: 'Peer support for people with psychosis: a mixed-methods study', x: 50, y: 60, size: 18 };
const BODY = column([[filler('Abstract text about peer support', 90), filler('and more of it', 90), 'ends here.']], 50, 200).lines;

/** Authors read from a first page: the title, then `under` (lines or pieces of lines), then body text. */
function authorsOf(under: LineSpec[]): string[] {
  return pdfPagesToPaper([page(1, [TITLE, ...under, ...BODY])]).metadata.authors;
}

describe('authors printed under a PDF title (files without author metadata)', () => {
  it('reads a byline with affiliation digits and marks, across two lines', () => {
    const authors = authorsOf([
      { text: 'Ann K. Smith1*, Bo LEE2, Carla de Souza1', x: 50, y: 90, size: 11 },
      { text: 'and Dmitri Ivanov-Petrov2,3', x: 50, y: 104, size: 11 },
      { text: '1 Department of Psychology, University of Somewhere, UK', x: 50, y: 120, size: 8 },
    ]);
    expect(authors).toEqual(['Ann K. Smith', 'Bo Lee', 'Carla de Souza', 'Dmitri Ivanov-Petrov']);
  });

  it('takes affiliation marks set as smaller raised text as the end of a name', () => {
    const authors = authorsOf([
      { text: 'Arman Cohan', x: 50, y: 90, size: 11 },
      { text: '†', x: 112, y: 86, size: 6 },
      { text: 'Sergey Feldman', x: 120, y: 90, size: 11 },
      { text: '‡', x: 192, y: 86, size: 6 },
    ]);
    expect(authors).toEqual(['Arman Cohan', 'Sergey Feldman']);
  });

  it('reads "Family, Given" lists and keeps a name wrapped at the line end whole', () => {
    const authors = authorsOf([
      { text: 'Alegado, Rosanna A; Brown, Laura W; Clardy,', x: 50, y: 90, size: 9 },
      { text: 'Jon; King, Nicole', x: 50, y: 102, size: 9 },
      { text: 'Published: 2012', x: 50, y: 116, size: 9 },
    ]);
    expect(authors).toEqual(['Rosanna A Alegado', 'Laura W Brown', 'Jon Clardy', 'Nicole King']);
  });

  it('passes over a translated title in another size, and drops ORCID iDs', () => {
    const authors = authorsOf([
      { text: 'Apoio de pares para pessoas com psicose', x: 50, y: 84, size: 14 },
      { text: 'María PACHE-DURÁN1 0000-0002-6670-5818, Luiz COSTA NETO2', x: 50, y: 104, size: 10 },
    ]);
    expect(authors).toEqual(['María Pache-Durán', 'Luiz Costa Neto']);
  });

  it('finds no authors in a subtitle, an affiliation or a sentence', () => {
    expect(authorsOf([{ text: 'A Randomized Controlled Trial', x: 50, y: 90, size: 12 }])).toEqual([]);
    expect(authorsOf([{ text: 'Department of Psychology, University College London', x: 50, y: 90, size: 10 }])).toEqual([]);
    expect(authorsOf([{ text: 'Peer workers supported people in hospital and at home.', x: 50, y: 90, size: 10 }])).toEqual([]);
  });

  it('prefers the authors the file itself names', () => {
    const paper = pdfPagesToPaper([page(1, [TITLE, { text: 'Ann Smith1, Bo Lee2', x: 50, y: 90, size: 11 }, ...BODY])], undefined, {
      info: { authors: ['A. Smith', 'B. Lee'] },
    });
    expect(paper.metadata.authors).toEqual(['A. Smith', 'B. Lee']);
  });
});
