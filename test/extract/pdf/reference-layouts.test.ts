/**
 * Reference lists as real PDFs set them (made here with pdf-lib, read by pdf.js): numbered lists
 * in two columns, author–year lists with hanging indents or as plain paragraphs, headings in other
 * languages, included studies marked with an asterisk, and metadata kept only in the file's Info
 * dictionary or XMP packet. Every reference and name below is invented.
 */
import { describe, expect, it } from 'vitest';
import { analysePaper } from '../../../src/analysis/engine';
import type { Paper } from '../../../src/analysis/model';
import { extractPdfInNode } from '../../../src/extract/pdf/node';
import { makePaperPdf, type PaperPdfSpec } from './make-paper-pdf';

const SURNAMES = ['Abara', 'Brevik', 'Castellano', 'Dunmore', 'Eriksdottir', 'Falconer', 'Gathii', 'Holloway', 'Ishikawa', 'Jankowski', 'Kettering', 'Lindqvist', 'Mbatha', 'Nakamura', 'Okonkwo', 'Pellegrini', 'Quartey', 'Rosenthal', 'Saarinen', 'Thornbury'];
const TOPICS = ['waiting-list support groups', 'text-message check-ins after discharge', 'volunteer mentoring for new parents', 'online forums for carers', 'telephone befriending in rural areas', 'group sessions for young adults', 'video-call meetings for veterans', 'moderated chat rooms for students'];

/** Vancouver-style entries (for numbered lists): long enough to wrap onto two or three lines. */
function vancouver(i: number): string {
  const year = 1995 + i;
  return `${SURNAMES[i % 20]} K, ${SURNAMES[(i + 7) % 20]} P, ${SURNAMES[(i + 3) % 20]} L. A follow-up study of ${TOPICS[i % 8]} in ${2 + (i % 5)} community settings. J Invented Health Res. ${year};${10 + i}(${1 + (i % 4)}):${100 + i}-${112 + i}.`;
}

/** Harvard/APA-style entries (for author–year lists). */
function harvard(i: number): string {
  const year = 1992 + i;
  return `${SURNAMES[i % 20]}, M., ${SURNAMES[(i + 5) % 20]}, T. and ${SURNAMES[(i + 11) % 20]}, R. (${year}) What participants said about ${TOPICS[i % 8]}: a qualitative account. Invented Review of Community Care, ${4 + i}(${1 + (i % 3)}), pp. ${30 + i}–${48 + i}.`;
}

const references = (paper: Paper) => paper.blocks.filter((b) => b.kind === 'reference');

async function read(spec: PaperPdfSpec): Promise<Paper> {
  return extractPdfInNode(await makePaperPdf(spec));
}

describe('reference lists in PDFs', () => {
  it('splits a numbered list set in two columns into one entry per number', async () => {
    const refs = Array.from({ length: 24 }, (_, i) => vancouver(i));
    const paper = await read({ title: 'Weekly online groups for adults waiting for treatment: an invented study', references: refs, style: 'numbered', columns: 2 });
    const found = references(paper);
    expect(found.map((b) => b.text.match(/^\d+/)?.[0])).toEqual(refs.map((_, i) => String(i + 1)));
    expect(found[9]!.text).toContain(SURNAMES[9]);
  });

  it.each([1, 2] as const)('splits author–year entries with hanging indents (%i column)', async (columns) => {
    const refs = Array.from({ length: 14 }, (_, i) => harvard(i));
    const paper = await read({ title: 'What volunteers with lived experience offered: an invented qualitative study', references: refs, style: 'hanging', columns });
    expect(references(paper).map((b) => b.text.slice(0, 12))).toEqual(refs.map((r) => r.slice(0, 12)));
  });

  it.each([1, 2] as const)('splits author–year entries set as plain paragraphs, no indents (%i column)', async (columns) => {
    const refs = Array.from({ length: 14 }, (_, i) => harvard(i));
    const paper = await read({ title: 'What volunteers with lived experience offered: an invented qualitative study', references: refs, style: 'plain', columns });
    expect(references(paper).map((b) => b.text.slice(0, 12))).toEqual(refs.map((r) => r.slice(0, 12)));
  });

  it.each(['Literatura citada', 'Referências', 'Referências bibliográficas', 'Bibliografía', 'Literatur', 'Références bibliographiques', 'Références', 'Bibliografia', 'Riferimenti bibliografici', 'Literatuur', 'Referenser'])(
    'finds the reference list under the heading "%s"',
    async (heading) => {
      const refs = Array.from({ length: 8 }, (_, i) => vancouver(i));
      const paper = await read({ title: 'Weekly online groups for adults waiting for treatment: an invented study', references: refs, referencesHeading: heading });
      expect(references(paper)).toHaveLength(8);
      expect(paper.warnings.join(' ')).not.toMatch(/No reference list/);
    },
  );

  it('marks the studies a review flags with an asterisk as its included studies', async () => {
    const refs = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `*${harvard(i)}` : harvard(i)));
    const body = [
      'This invented review pools studies of volunteer support. Studies included in the review are marked with an asterisk in the reference list.',
      'We searched four databases in March 2024 with no date limits and screened the records in pairs.',
      'The included studies were small and most were from the 1990s.',
    ];
    const paper = await read({ title: 'Volunteer support by telephone: an invented systematic review', body, references: refs, style: 'hanging', columns: 2 });
    const found = references(paper);
    expect(found).toHaveLength(12);
    expect(found.filter((b) => b.included).map((b) => b.text.slice(0, 8))).toEqual(refs.filter((r) => r.startsWith('*')).map((r) => r.slice(0, 8)));
    const critique = analysePaper(paper);
    expect(critique.includedStudies).toMatchObject({ count: 4, how: 'asterisk-marked' });
  });

  it('does not treat asterisks as included-study marks when the paper never says so', async () => {
    const refs = Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? `*${harvard(i)}` : harvard(i)));
    const paper = await read({ title: 'What volunteers with lived experience offered: an invented qualitative study', references: refs, style: 'hanging' });
    expect(references(paper).some((b) => b.included)).toBe(false);
  });

  it('reads the journal and year from the Info dictionary and XMP when the first page does not print them', async () => {
    const paper = await read({
      title: 'Weekly online groups for adults waiting for treatment: an invented study',
      references: Array.from({ length: 6 }, (_, i) => vancouver(i)),
      info: { subject: 'Invented Journal of Community Care, 17 (2023) 201-214. doi:10.5555/ijcc.2023.0117' },
      xmp: '<prism:publicationName>Invented Journal of Community Care</prism:publicationName><prism:coverDate>2023-05-01</prism:coverDate>',
    });
    expect(paper.metadata).toMatchObject({ journal: 'Invented Journal of Community Care', year: 2023, doi: '10.5555/ijcc.2023.0117' });
  });

  it('reads the journal, volume year and DOI from a citation-like Subject alone', async () => {
    const paper = await read({
      title: 'Weekly online groups for adults waiting for treatment: an invented study',
      references: Array.from({ length: 6 }, (_, i) => vancouver(i)),
      info: { subject: 'Invented Annals of Peer Work, 9 (2021) 11-19. doi:10.5555/iapw.2021.09' },
    });
    expect(paper.metadata).toMatchObject({ journal: 'Invented Annals of Peer Work', year: 2021, doi: '10.5555/iapw.2021.09' });
  });

  it('prefers what the first page prints over the file metadata', async () => {
    const paper = await read({
      title: 'Weekly online groups for adults waiting for treatment: an invented study',
      frontLines: ['Published: 14 June 2022', 'https://doi.org/10.5555/printed.2022.001'],
      references: Array.from({ length: 6 }, (_, i) => vancouver(i)),
      xmp: '<prism:coverDate>2019-01-01</prism:coverDate><prism:doi>10.5555/other.2019.002</prism:doi>',
    });
    expect(paper.metadata.year).toBe(2022);
  });
});
