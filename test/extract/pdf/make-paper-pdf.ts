/**
 * Real PDFs of invented papers, written with pdf-lib in the layouts reference lists come in:
 * one or two columns; numbered, hanging-indent or plain-paragraph (Harvard) entries; any heading;
 * Info-dictionary and XMP metadata. The text is ours; the PDFs go through pdf.js like any other.
 */
import { PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export type EntryStyle = 'numbered' | 'hanging' | 'plain';

export interface PaperPdfSpec {
  title: string;
  /** Body paragraphs under Introduction / Methods / Discussion (each a long string, wrapped here). */
  body?: string[];
  referencesHeading?: string;
  references: string[];
  style?: EntryStyle;
  columns?: 1 | 2;
  /** Printed on page 1 under the title (e.g. a journal line, a DOI), if any. */
  frontLines?: string[];
  info?: { title?: string; subject?: string; author?: string };
  /** An XMP packet's rdf:Description body (prism:…, dc:…), written as the catalogue's /Metadata. */
  xmp?: string;
}

const PAGE = { width: 595, height: 842, margin: 56, gutter: 20 };
const SIZE = 9.5;
const LEAD = 12;

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && font.widthOfTextAtSize(next, SIZE) > width) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

const DEFAULT_BODY = [
  'This invented study describes a weekly online group in which trained volunteers with lived experience supported adults waiting for treatment. It sets out what the group offered and how it was run.',
  'We recruited forty adults from two clinics. Each took part in eight weekly sessions by video call, and completed a short questionnaire before the first session and after the last one.',
  'Most participants attended six or more sessions. They valued talking to someone who had been through the same wait, and several asked for the group to continue after the study ended.',
];

export async function makePaperPdf(spec: PaperPdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  if (spec.info?.title) doc.setTitle(spec.info.title);
  if (spec.info?.subject) doc.setSubject(spec.info.subject);
  if (spec.info?.author) doc.setAuthor(spec.info.author);
  if (spec.xmp) {
    const packet = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">${spec.xmp}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const stream = doc.context.stream(packet, { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }

  const columns = spec.columns ?? 1;
  const colWidth = (PAGE.width - 2 * PAGE.margin - (columns - 1) * PAGE.gutter) / columns;
  const firstPage: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let page = firstPage;
  let col = 0;
  let y = PAGE.height - PAGE.margin;
  // Where columns start: below the full-width front matter on page 1, at the margin after it.
  let top = y;
  const bottom = PAGE.margin;
  const x0 = () => PAGE.margin + col * (colWidth + PAGE.gutter);
  const nextColumn = () => {
    col++;
    if (col >= columns) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      col = 0;
    }
    y = page === firstPage ? top : PAGE.height - PAGE.margin;
  };
  const line = (text: string, opts: { indent?: number; f?: PDFFont; size?: number } = {}) => {
    const size = opts.size ?? SIZE;
    if (y - size < bottom) nextColumn();
    page.drawText(text, { x: x0() + (opts.indent ?? 0), y: y - size, size, font: opts.f ?? font });
    y -= size === SIZE ? LEAD : size * 1.3;
  };

  // Front matter across the full width of page 1.
  for (const t of wrap(spec.title, bold, PAGE.width - 2 * PAGE.margin)) {
    page.drawText(t, { x: PAGE.margin, y: y - 16, size: 16, font: bold });
    y -= 21;
  }
  y -= 6;
  for (const t of spec.frontLines ?? []) {
    page.drawText(t, { x: PAGE.margin, y: y - SIZE, size: SIZE, font });
    y -= LEAD;
  }
  y -= 12;
  top = y;

  const body = spec.body ?? DEFAULT_BODY;
  const headings = ['Introduction', 'Methods', 'Discussion'];
  body.forEach((para, i) => {
    if (headings[i]) {
      y -= 6;
      line(headings[i]!, { f: bold, size: 11 });
    }
    for (const t of wrap(para, font, colWidth)) line(t);
    y -= 4;
  });

  y -= 8;
  line(spec.referencesHeading ?? 'References', { f: bold, size: 11 });
  const style = spec.style ?? 'numbered';
  spec.references.forEach((ref, i) => {
    const label = style === 'numbered' ? `${i + 1}. ` : '';
    const hang = style === 'hanging' ? 14 : style === 'numbered' ? font.widthOfTextAtSize('00. ', SIZE) : 0;
    const first = wrap(label + ref, font, colWidth);
    // Re-wrap continuation lines to the narrower width when they are indented.
    const [head = '', ...rest] = first;
    const continuation = rest.length ? wrap(rest.join(' '), font, colWidth - hang) : [];
    line(head);
    // Entries set solid (no space between them), as most journals do.
    for (const t of continuation) line(t, { indent: hang });
  });
  return doc.save();
}
