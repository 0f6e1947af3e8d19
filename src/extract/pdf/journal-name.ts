/**
 * The journal's name as a PDF's first page prints it in its header or footer citation line,
 * for the exported citation of a local file (which has no publisher page to read it from):
 * "Clinical Science (2014) 126, 305–313", "Salehi et al. BMC Health Services Research (2023)
 * 23:1447", "Cad. Saúde Colet., 2023; 31(3):e31030043", "TransInformação, Campinas, 33:e200057,
 * 2021", "PLOS One | https://doi.org/10.1371/…".
 * Only lines in the page's top and bottom margins are read, and only these shapes (name, then
 * year and volume, or name and the DOI link): a name is left out rather than guessed.
 */
import { inPageMargin, type Line } from './lines';

/** Words of a journal name: capitalised first, letters, dots (abbreviations), "&", hyphens. */
const NAME = String.raw`(\p{Lu}[\p{L}\p{M}.&'’ -]{2,80}?)`;
const SHAPES = [
  // "Clinical Science (2014) 126, 305–313", "… BMC Health Services Research (2023) 23:1447"
  new RegExp(String.raw`^(?:.*?\bet al\.?\s+)?${NAME}\s*\((?:19|20)\d\d\)\s*\d`, 'u'),
  // "Cad. Saúde Colet., 2023; 31(3):e31030043", "Lancet 2020;395(10223):497", "… Journal of Trauma Management & Outcomes 2010, 4:1"
  new RegExp(String.raw`^(?:.*?\bet al\.?\s+)?${NAME}[.,]?\s+(?:19|20)\d\d\s*[;,]\s*\d+\s*(?:\([^)]{1,12}\))?\s*:`, 'u'),
  // "TransInformação, Campinas, 33:e200057, 2021": name, [city,] volume:page, year
  new RegExp(String.raw`^${NAME},\s*(?:\p{Lu}[\p{L} ]{2,30},\s*)?(?:v\.\s*)?\d+\s*(?:\([^)]{1,12}\))?\s*[:,]\s*e?\d+(?:[-–]\d+)?,\s*(?:19|20)\d\d\b`, 'u'),
  // "PLOS One | https://doi.org/10.1371/journal.pone.0319315"
  new RegExp(String.raw`^${NAME}\s*\|\s*(?:https?://)?(?:dx\.)?doi\.org/`, 'u'),
];
const NOT_A_NAME = /^(?:page|pages|vol|volume|downloaded|received|accepted|published|copyright|open access|research|article|original|review|doi|https?)\b/i;

export function journalOnFirstPage(lines: readonly Line[], pageHeight: number): string | null {
  for (const l of lines) {
    if (pageHeight > 0 && !inPageMargin(l, pageHeight)) continue;
    for (const shape of SHAPES) {
      const name = shape.exec(l.text)?.[1]?.trim().replace(/[,.\s]+$/, (m) => (m.startsWith('.') ? '.' : ''));
      if (name && plausibleName(name)) return name;
    }
  }
  return null;
}

function plausibleName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= 10 && /\p{L}{3}/u.test(name) && !NOT_A_NAME.test(name) && !/\bet al\b/.test(name);
}
