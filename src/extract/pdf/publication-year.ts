/**
 * The publication year a PDF prints on its first page. The analysis measures reference ages
 * from it ("share older than 10 years") and the exported citation shows it, and a local PDF has
 * nothing else to go by: its info dictionary's creation date is the day it was made, which for
 * a downloaded or re-printed copy is not the year it was published.
 *
 * Read in order of trust, the first that gives a year wins:
 * 1. a publication date — "Published: May 14, 2025", "Published online 3 March 2021",
 *    "Epub 2020 Jan 5", "Available online 12 June 2019", "Publicado em: 10/03/2021";
 * 2. the paper's own suggested citation — "Citation: Smith J (2025) Title. PLoS One…",
 *    "CITE AS: …", "How to cite: …", "Como citar: …" — read with the reference-year scorer;
 * 3. a copyright line — "© 2025 Smith et al.", "Copyright: © 2021", "(c) 2019";
 * 4. an acceptance date in the manuscript's history, after its received date — "Received: 3 May
 *    2024; Accepted: 7 April 2025", "Recebido em: Mar. 27, 2020. Aprovado em: Abr. 10, 2021" (an
 *    ethics committee's approval date is not one).
 * Received and revised dates never count: they can be years before publication.
 */
import { MONTH_ANY_LANGUAGE, referenceYear } from '../../analysis/reference-years';

const YEAR = String.raw`((?:19|20)\d\d)(?!\d)`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th|\.|º)?`;
const SEP = String.raw`[\s,./-]+`;
const OF = String.raw`(?:(?:de|del|of)\s+)?`;
/**
 * A date with its month: "May 14, 2025", "14 May 2025", "10 de março de 2021", "10/03/2021",
 * "2020 Jan 5", "2021-03-10". A bare year does not count after an unlabelled cue: "studies
 * published in 2010" is about other papers.
 */
const FULL_DATE = String.raw`(?:(?:${DAY}${SEP}${OF})?(?:${MONTH_ANY_LANGUAGE}|\d{1,2})${SEP}${OF}(?:${DAY}${SEP})?${YEAR}|${YEAR}(?=\s*[-/.]\s*\d{1,2}\b|\s+${MONTH_ANY_LANGUAGE}))`;

/** "<cue> [on]: <date or year>" or "<cue> [on] <full date>". */
const dated = (cue: string) =>
  new RegExp(String.raw`\b(?:${cue})(?:\s+(?:on|in|em|el|le|am))?(?:\s*:\s*(?:${FULL_DATE}|${YEAR})|\s+${FULL_DATE})`, 'iu');

const PUBLISHED = dated(
  String.raw`published(?:\s+online)?|first\s+published|publication\s+date|date\s+of\s+publication|available\s+online|epub(?:lished)?(?:\s+ahead\s+of\s+print)?|publicado|publicada|publié|veröffentlicht`,
);
const ACCEPTED = new RegExp(dated(String.raw`accepted(?:\s+for\s+publication)?|approved|aprovado|aprobado|aceito|aceptado|accepté|angenommen`).source, 'giu');
const RECEIVED = /\b(?:received|submitted|recebido|recibido|reçu|eingegangen)\b/iu;
/** How far before an acceptance date its received date may be. */
const HISTORY_SPAN = 250;
/** "© 2025 Smith et al.", "Copyright: © 2021", "© The Author(s) 2023", "© Springer-Verlag 2015". */
const COPYRIGHT = new RegExp(String.raw`(?:©|\(c\)|\bcopyright\b)[^\d\n]{0,40}?(?:(?:19|20)\d\d\s*[-–]\s*)?${YEAR}`, 'i');
/** A suggested citation of the paper itself; its text follows the cue. */
const CITE_AS =
  /\b(?:citation|cite\s+(?:this\s+(?:article|paper)\s+)?as|(?:how\s+)?to\s+cite(?:\s+this\s+(?:article|paper))?|como\s+citar(?:\s+este\s+(?:art[ií]culo|artigo))?|pour\s+citer\s+cet\s+article|zitierweise)\s*[:/]/giu;
/** How much text after a citation cue is read: one reference entry's worth. */
const CITATION_WINDOW = 400;

/** The publication year printed on a first page (its text, lines joined), or null. */
export function publicationYear(firstPage: string): number | null {
  return yearIn(PUBLISHED.exec(firstPage)) ?? citationYear(firstPage) ?? yearIn(COPYRIGHT.exec(firstPage)) ?? acceptedYear(firstPage);
}

function acceptedYear(text: string): number | null {
  for (const m of text.matchAll(ACCEPTED)) {
    if (RECEIVED.test(text.slice(Math.max(0, m.index - HISTORY_SPAN), m.index))) return yearIn(m);
  }
  return null;
}

/** The year a match captured (the date forms capture it in different groups). */
function yearIn(m: RegExpExecArray | null): number | null {
  const year = m?.slice(1).find((g) => g !== undefined);
  return year === undefined ? null : Number(year);
}

function citationYear(text: string): number | null {
  CITE_AS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITE_AS.exec(text))) {
    const start = m.index + m[0].length;
    const year = referenceYear(text.slice(start, start + CITATION_WINDOW));
    if (year !== null) return year;
  }
  return null;
}
