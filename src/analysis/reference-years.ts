/**
 * One publication year per reference entry, across citation styles.
 *
 * Not one regex: every 4-digit number that could be a year is a candidate, identifiers that
 * merely contain year-like digits (DOIs, URLs, ISBNs, PMIDs, arXiv ids) are masked first, and each
 * remaining candidate is scored by the place citation styles put the publication year:
 * - APA/Springer/Elsevier/MLA: in parentheses — "(2020)", "(2020a)", "(2020, March 3)", "12 (2020) 100–110"
 * - Vancouver/NLM: before the volume — "2020;12:", "2020 Jan;", "2020 Jan 2;12(3)"
 * - Harvard/Chicago: after the authors, followed by a full stop or comma — "Smith, J. 2020."
 * - run-together text from tagged XML — "Nat Rev Microbiol2006457758710.1038/…" (year opens the digit run)
 * and penalised where styles put other numbers: pages ("12:1990–2005", "pp. 1990"), volume/issue/report
 * numbers, counts ("n = 2000") and access dates ("accessed 2023", "[cited 2023 Jan 5]").
 * Years inside titles ("The 2009 H1N1 pandemic") get no bonus, so the styled position wins.
 */

/** Years outside [MIN_YEAR, current year + 1] are never publication years of cited work. */
const MIN_YEAR = 1500;

export interface YearCandidate {
  year: number;
  /** Offset of the first digit in the text. */
  index: number;
  score: number;
}

/**
 * Identifiers whose digits must never be read as years. Replaced by '#' of the same length so
 * offsets and the surrounding punctuation stay as they were.
 */
const MASKS: RegExp[] = [
  /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]+/gi,
  // DOI prefix is always "10." + registrant code; in run-together text it may follow other digits.
  /(?:doi:?\s*)?10\.\d{4,9}\/[^\s<>"]+/gi,
  /\b(?:PMID|PMCID|PMC|pmid|Medline|MEDLINE)\s*:?\s*(?:PMC)?\d+/g,
  /\bISBN(?:-1[03])?:?\s*[\dXx][\dXx\s-]{8,16}[\dXx]/gi,
  /\bISSN:?\s*\d{4}-?\d{3}[\dXx]/gi,
  /\barXiv:?\s*\d{4}\.\d{4,5}(?:v\d+)?/gi,
  /\b(?:e|article|art\.? no\.?|elocation)\s*\d{4,}/gi,
];

/** "n.d.", "in press"… where the year would be: only a strongly placed year may then be trusted. */
const NO_DATE = /\(\s*(?:n\.\s?d\.?|no date|s\.\s?f\.|o\.\s?J\.|in press|forthcoming)\s*\)|\b(?:n\.\s?d\.|in press|forthcoming)/i;

/** A month name or abbreviation in the languages references are written in (a regex source, for /iu). */
export const MONTH_ANY_LANGUAGE = '(?:jan|j\u00e4n|feb|fev|f\u00e9v|mar|m\u00e4r|apr|abr|avr|may|mai|mei|maa|jun|jui|jul|lug|giu|aug|ago|ao\u00fb|aou|sep|set|oct|out|okt|ott|nov|dec|dez|dic|d\u00e9c|ene|gen)\\p{L}*\\.?';
/** The year closes an access/retrieval/citation date ("accessed 12 March 2023", "[cited 2023 Jan 5]"). */
const ACCESS_BEFORE = new RegExp(
  '\\b(?:accessed|retrieved|cited|viewed|visited|consulted|updated|modified|downloaded|archived|zugegriffen|abgerufen|zugriff|consultado|consult\u00e9|acceso|acesso|accesso|consultato|geraadpleegd)(?!\\p{L})' +
    `[\\s:,]*(?:(?:on|em|en|am|le|el|il|op)[\\s:,]+)?(?:${MONTH_ANY_LANGUAGE},?\\s+|\\d{1,2}(?:st|nd|rd|th|\\.)?[\\s.,/-]+(?:de\\s+)?){0,3}$`,
  'iu',
);

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/**
 * Vancouver: "2020;", "2020 Jan;", "2020 Jan 2;", "2020 Jan-Feb;", "2020 Spring;", and month names in
 * any language ("2013 abr;", "2005 abril 11 [Acceso 12 enero 2018];"). Any short word may stand
 * for the month: what matters is the semicolon that introduces the volume.
 */
const VANCOUVER_AFTER = /^[a-z]?\s*(?:\p{L}{3,10}\.?(?:\s*\d{1,2})?(?:\s*[-–/]\s*(?:\p{L}{3,10}\.?)?\s*\d{0,2})?\s*)?(?:\[[^\]]{0,60}\]\s*)?;/u;
/** The full NLM shape "2020;12(3):45" / "2020 Jan;12:e5": year;volume(issue):pages. */
const VANCOUVER_FULL = /^[a-z]?\s*(?:\p{L}{3,10}\.?(?:\s*\d{1,2})?(?:\s*[-–/]\s*(?:\p{L}{3,10}\.?)?\s*\d{0,2})?\s*)?(?:\[[^\]]{0,60}\]\s*)?;\s*\d+[A-Za-z]?\s*(?:\([^)]{1,20}\))?\s*:\s*[A-Za-z]?\d/u;
/** An opening bracket and the start of a date before the year: "(March 3, 2020", "(12 2020". */
const OPENS_PAREN_DATE = new RegExp(`[([]\\s*(?:${MONTH}|\\d{1,2})\\s*(?:\\d{1,2},?\\s*)?$`);
/** "2006, 12(3): 45", "2006, 12, 45–50" and "2006 12:45" after a year: volume follows. */
const VOLUME_AFTER = /^[a-z]?\s*,?\s*\d{1,4}\s*(?:\(\s*[\w-]+\s*\)\s*)?[:,]\s*[A-Za-z]?\d/;

function maskIdentifiers(text: string): string {
  let out = text;
  for (const re of MASKS) out = out.replace(re, (m) => '#'.repeat(m.length));
  return out;
}

/** All year candidates with their scores, in text order (exported for tests and debugging). */
export function yearCandidates(text: string, now: number = new Date().getFullYear()): YearCandidate[] {
  const masked = maskIdentifiers(text);
  const maxYear = now + 1;
  const out: YearCandidate[] = [];
  // Four digits not preceded by a digit; either a whole number (optionally "2004a"), or the start
  // of a longer digit run glued to a preceding letter (run-together tagged citations).
  const re = /(?<!\d)(?<!\d[.,])(\d{4})(\d*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > maxYear) continue;
    const index = m.index;
    const before = masked.slice(Math.max(0, index - 60), index);
    const runTogether = m[2]!.length > 0;
    if (runTogether && !/[A-Za-z)\]]$/.test(before)) continue;
    let end = index + 4;
    // A one-letter suffix ("2004a") belongs to the year when no other letter follows it.
    if (!runTogether && /^[a-z](?![A-Za-z])/.test(masked.slice(end, end + 2))) end++;
    const gluedAfter = !runTogether && /^[A-Za-z]/.test(masked.slice(end, end + 1));
    // "2004and" is not a year; "SwoffordDL2003PAUP" (run-together fields) and "1998Genetics" are.
    if (gluedAfter && !/[A-Za-z]$/.test(before) && !/^[A-Z][a-z]/.test(masked.slice(end, end + 2))) continue;
    const after = masked.slice(runTogether ? index + 4 : end, end + 60);
    out.push({ year, index, score: scoreCandidate(year, before, after, runTogether) });
  }
  return out;
}

function scoreCandidate(year: number, before: string, after: string, runTogether: boolean): number {
  let score = 0;
  if (year < 1800) score -= 2;
  else if (year < 1900) score -= 1;
  if (runTogether) return score + 1.5; // glued to the journal name: the year opens the run

  const opensParen = /[([]\s*$/.test(before) || OPENS_PAREN_DATE.test(before);
  if (opensParen && /^[a-z]?\s*(?:[)\]),;:/]|[-–]\s*\d{2,4}\s*[)\]])/.test(after)) score += 5;
  else if (opensParen) score += 1;
  if (VANCOUVER_FULL.test(after)) score += 7;
  else if (VANCOUVER_AFTER.test(after)) score += 4;
  else if (VOLUME_AFTER.test(after)) score += 2;
  // Books in NLM style: "… Press; 1999:528." / "1983:221–242".
  else if (/^\s*:\s*\d/.test(after)) score += 2;
  // The year closing the entry ("… 2nd ed. 1996.").
  if (/^[a-z]?\s*\.?\s*$/.test(after)) score += 1;
  if (/^[a-z]?\s*[.,]/.test(after)) {
    score += 1;
    // Harvard/Chicago: directly after the author list ("Smith, J. 2020.", "Smith J, Jones K. 2020,").
    if (/(?:\b[A-Z]\.?|\bal\.?|\b[A-Z][a-z]+\.?|[.,)])\s*$/.test(before)) score += 1;
  }
  if (/[.;]\s*$/.test(before)) score += 0.5;

  // Places where other numbers live.
  if (ACCESS_BEFORE.test(before)) score -= 10;
  // Page locations ("p. 1990", "12:1990–2005"); "154 p. 2004" is a page count before the year.
  if (/(?:(?<!\d\s?)\bpp?\.|\bpages?|\d\s*:|\d\s*\(\s*[\w-]+\s*\)\s*:|[-–])\s*$/i.test(before)) score -= 5;
  if (/^\s*[-–]\s*\d/.test(after) && !opensParen) score -= 3;
  // Right after a volume number ("Science, 330, 1774."): a page.
  // (A page range before it, "p. 48-60, 2016.", is ABNT/Harvard's place for the year.)
  if (/(?<![-–]\s*\d*)\b\d{1,4}\s*(?:\(\s*[\w-]+\s*\))?\s*,\s*$/.test(before)) score -= 3;
  if (/\b(?:vol(?:ume)?\.?|no\.|nos\.|numbers?|issue|iss\.|chapter|ch\.|suppl\.?|art\.|article|version|grant|project|code|sample|n\s*=|N\s*=)\s*[#:]?\s*$/i.test(before)) score -= 6;
  if (/[=<>≥≤±×]\s*$/.test(before) || /^\s*(?:%|[a-z]{2,}\b(?<!and|in|pp))/.test(after)) score -= 3;
  // Inside running words ("The 2009 H1N1 pandemic", "in 2009 and"): title text, not the styled place.
  if (/[A-Za-z]\s$/.test(before) && /^\s[A-Za-z]/.test(after)) score -= 1;
  return score;
}

/**
 * The publication year of one reference entry, or null when it has none ("n.d.", "in press",
 * web pages without a date). A letter suffix ("2004a") is dropped.
 */
export function referenceYear(text: string, now: number = new Date().getFullYear()): number | null {
  const candidates = yearCandidates(text, now);
  if (!candidates.length) return null;
  let best: YearCandidate | null = null;
  for (const c of candidates) if (!best || c.score > best.score) best = c;
  if (!best) return null;
  // A "no date" marker means bare numbers are probably not the publication year.
  const threshold = NO_DATE.test(text) ? 3.5 : -1.5;
  return best.score >= threshold ? best.year : null;
}
