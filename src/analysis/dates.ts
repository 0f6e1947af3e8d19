/**
 * Date phrases in search descriptions: which dates a sentence states, and whether each one is a
 * search date ("last searched 3 May 2024"), the end of a searched period ("from inception to May
 * 2024"), or a publication-date limit ("published between 2014 and 2024", "since 2010").
 * Pure string code; the search-dates check decides which sentences to read.
 */

export interface DateMention {
  start: number;
  end: number;
  year: number;
  /** 1–12, or null when the text gives no month (or an ambiguous numeric date such as 03/04/2024). */
  month: number | null;
}

export interface DateLimit {
  from: number | null;
  to: number | null;
}

export interface DateSentenceReading {
  /** Dates on which a search was run or up to which it covered, in text order. */
  searchDates: DateMention[];
  limit: DateLimit | null;
  fromInception: boolean;
  noRestriction: boolean;
  /** Offset where the limit / inception / no-restriction phrase ends (reasons usually follow it). */
  limitPhraseEnd: number | null;
  /** "published in the last 10 years": a window relative to the search (resolved by the caller). */
  relativeYears: number | null;
  /** The limit is written into a search string ("PY=2010-2020"): a limit whatever else the sentence says. */
  limitInSearchString: boolean;
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20, thirty: 30 };
const RELATIVE_WINDOW =
  /\b(?:in|within|during|over|from|for) the (?:last|past|previous|preceding|most recent) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty) years\b|\b(?:last|past|previous|preceding) (decade|two decades)\b/i;

const MONTH_NAMES: [RegExp, number][] = [
  [/^jan/i, 1], [/^feb/i, 2], [/^mar/i, 3], [/^apr/i, 4], [/^may/i, 5], [/^jun/i, 6],
  [/^jul/i, 7], [/^aug/i, 8], [/^sep/i, 9], [/^oct/i, 10], [/^nov/i, 11], [/^dec/i, 12],
];

const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const YEAR = '((?:19|20)\\d{2})';

function monthNumber(word: string): number {
  for (const [re, n] of MONTH_NAMES) if (re.test(word)) return n;
  return 0;
}

/**
 * "may" and "march" are also ordinary words; a lower-case "may 2024" is far more likely a typo'd
 * sentence than a date, so month names must be capitalised (or all caps) to count.
 */
function isMonthWordCased(word: string): boolean {
  return /^[A-Z]/.test(word);
}

interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray): { year: number; month: number | null } | null;
}

// Most specific first; a later pattern never overlaps a span an earlier one took.
const PATTERNS: Pattern[] = [
  {
    // 3 May 2024, 3rd of May, 2024
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => (isMonthWordCased(m[2]!) ? { year: +m[3]!, month: monthNumber(m[2]!) } : null),
  },
  {
    // May 3, 2024
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => (isMonthWordCased(m[1]!) ? { year: +m[3]!, month: monthNumber(m[1]!) } : null),
  },
  {
    // May 2024, Dec. 2023
    re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => (isMonthWordCased(m[1]!) ? { year: +m[2]!, month: monthNumber(m[1]!) } : null),
  },
  {
    // ISO 2024-05-03
    re: new RegExp(`\\b${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])\\b`, 'g'),
    read: (m) => ({ year: +m[1]!, month: +m[2]! }),
  },
  {
    // 2024-05 (only with a leading-zero month: "2010-12" is as likely the range 2010–2012)
    re: new RegExp(`\\b${YEAR}-(0[1-9])\\b(?!-)`, 'g'),
    read: (m) => ({ year: +m[1]!, month: +m[2]! }),
  },
  {
    // 12/05/2024, 25.05.2024: day/month order is ambiguous unless one part exceeds 12
    re: new RegExp(`\\b(\\d{1,2})[/.](\\d{1,2})[/.]${YEAR}\\b`, 'g'),
    read: (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
      const month = a > 12 ? b : b > 12 ? a : a === b ? a : null;
      return { year: +m[3]!, month };
    },
  },
  {
    // 05/2024
    re: new RegExp(`\\b(0?[1-9]|1[0-2])/${YEAR}\\b`, 'g'),
    read: (m) => ({ year: +m[2]!, month: +m[1]! }),
  },
  {
    re: new RegExp(`\\b${YEAR}\\b`, 'g'),
    read: (m) => ({ year: +m[1]!, month: null }),
  },
];

/** Every date a text states, in text order, without overlaps. */
export function findDateMentions(text: string): DateMention[] {
  const taken: DateMention[] = [];
  const overlaps = (s: number, e: number) => taken.some((d) => s < d.end && e > d.start);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const d = p.read(m);
      if (d && d.year >= 1900 && d.year <= 2100) taken.push({ start, end, year: d.year, month: d.month });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** "YYYY-MM", or "YYYY" when the month is unknown. */
export function formatDate(d: { year: number; month: number | null }): string {
  return d.month ? `${d.year}-${String(d.month).padStart(2, '0')}` : String(d.year);
}

// ── phrase vocabulary ────────────────────────────────────────────────────────────────────────

/** Words that describe running a search (used to decide that a date is *when* a search ran). */
export const SEARCH_VERB =
  /\b(?:search(?:ed|es|ing)?|re-?ran|re-?run|updated?|conducted|performed|carried out|executed|undertaken|run|ran|completed|retrieved|queried|consulted|accessed)\b/i;

const NO_RESTRICTION: RegExp[] = [
  // "no date restrictions", "without language or date limits", "did not apply any publication-date filter"
  /\b(?:no|without(?: any)?|not (?:apply|use|impose|place|set)(?: any)?|did not (?:apply|use|impose|place|set)(?: any)?)\s+(?:[\w-]+,?\s+(?:(?:or|and)\s+)?){0,3}?(?:publication[- ])?(?:date|year|time|temporal)s?(?:[- ]of[- ]publication)?\s+(?:restrictions?|limits?|limitations?|filters?|boundar(?:y|ies)|cut-?offs?|constraints?)/i,
  // "no limits on publication date", "no restriction by year"
  /\b(?:no|without(?: any)?)\s+(?:restrictions?|limits?|limitations?|filters?|constraints?)\s+(?:were\s+(?:placed|applied|imposed|set)\s+)?(?:on|by|for|regarding|in terms of|based on|to)\s+(?:the\s+)?(?:[\w-]+\s+(?:or|and)\s+)?(?:publication\s+|study\s+)?(?:dates?|years?|time|period)\b/i,
  /\b(?:regardless|irrespective) of (?:the )?(?:publication |study )?(?:dates?|years?)\b/i,
  /\bnot (?:restricted|limited) (?:by|to any|in terms of|based on|with respect to) (?:the )?(?:publication |study )?(?:dates?|years?|time)\b/i,
  // "restrictions on language or publication date were not applied"
  /\b(?:restrictions?|limits?|filters?)\s+(?:on|by|for)\s+(?:[\w-]+\s+(?:or|and)\s+)?(?:the\s+)?(?:publication\s+)?(?:dates?|years?)\b[^.;]{0,30}\b(?:were|was)\s+not\s+(?:applied|used|imposed|placed|set)/i,
  /\b(?:any|all) (?:publication )?(?:dates?|years?) (?:of publication )?(?:were|was) (?:eligible|included|considered)\b/i,
];

const INCEPTION = /\b(?:inception|earliest (?:available |possible )?(?:dates?|records?|entr(?:y|ies)|years?))\b/i;

/** After inception: "…inception to", "inception–", "inception) until". */
const AFTER_INCEPTION_CONNECTOR =
  /(?:inception|earliest (?:available |possible )?(?:dates?|records?|entr(?:y|ies)|years?))\W{0,3}(?:\s*(?:up\s+)?(?:to|until|till|through|thru|and)\s+|\s*[-–—]\s*)(?:the\s+)?(?:end of\s+)?$/i;

const RANGE_CONNECTOR = /^\s*(?:(?:up\s+)?(?:and|to|until|till|through|thru)\s+(?:the\s+end\s+of\s+)?|[-–—/]\s*)$/i;
const RANGE_OPENER =
  /(?:\b(?:between|from|during|cover(?:ing|ed|s)?(?:\s+the\s+(?:period|years))?|spann(?:ing|ed)(?:\s+the\s+(?:period|years))?|the\s+period)\s+(?:the\s+(?:start|beginning)\s+of\s+)?|\(\s*)$/i;

/**
 * A publication-year limit written into a search string: "AND year (1965–2009)", "PY=2010-2020",
 * "2010:2020[dp]", "publication year: 2015 to 2024".
 */
const SEARCH_STRING_LIMIT =
  /\b(?:PY|PUBYEAR|publication[- ]years?|pub(?:lication)?[- ]?date|years?|date)\s*(?:=|:|>|\()?\s*\(?\s*((?:19|20)\d{2})\s*(?:[-\u2013\u2014:]|to)\s*((?:19|20)\d{2})\s*\)?|\b((?:19|20)\d{2})\s*:\s*((?:19|20)\d{2})\s*\[(?:dp|pdat|edat)\]/i;
const OPEN_START = /\b(?:since|after|post|later than|on or after|starting(?:\s+(?:in|from))?|beginning(?:\s+(?:in|from))?|from)\s+$/i;
const OPEN_END_BEFORE = /\b(?:before|prior to|earlier than|up to but not including)\s+(?:the\s+year\s+)?$/i;
/** What follows "published before 2000" when such papers were left out, making 2000 the lower bound. */
const EXCLUDED_AFTER = /^[^.;]{0,40}?\b(?:were|was|are|is|have been)\s+(?:not\s+(?:considered|included|eligible|reviewed|retained)|excluded|ineligible|removed)\b/i;
const EXCLUDED_BEFORE = /\b(?:exclud\w*|not (?:consider|include)\w*|remov\w*)\b[^.;]{0,60}$/i;
const OPEN_END = /\b(?:until|till|through|thru|up\s+(?:to|until)|to|by|as of|ending(?:\s+in)?|to the end of|end of)\s+$/i;
const SINGLE =
  /(?:\b(?:early|mid|late|end)[-\s]|\bbetween\s+\d{1,2}(?:st|nd|rd|th)?\s+and\s+|\b(?:in|on|during|dated|date[sd]?|at|as of|of|early|mid|late|search(?:ed)?|updated?|re-?run|run|conducted|performed|executed|completed)\s+|:\s*)$/i;
const BRACKET_OPEN = /\(\s*(?:(?:early|mid|late|end)[-\s])?$/i;
const LIST_CONTINUATION = /^\s*(?:,\s*(?:and\s+|then\s+)?|and\s+(?:again\s+)?(?:(?:in|on)\s+)?|or\s+|(?:and\s+)?(?:updated|re-?run|rerun)\s+(?:(?:in|on)\s+)?)$/i;
const PUBLICATION_WORDS = /\b(?:publish\w*|publication|dated|appeared|released)\b/i;
/** A date cited for access ("accessed 3 May 2024") documents a web source, not the search. */
const ACCESS_PREFIX = /\b(?:accessed|viewed|cited|last visited|consulted)\s+(?:on\s+)?$/i;
/** "from 2010 onwards" */
const ONWARDS_AFTER = /^\s*(?:onwards?|forwards?|and (?:later|after|onwards?)|or later|to (?:the )?(?:present|date|now))\b/i;

/**
 * Reads one sentence of a search or eligibility description.
 * `searchContext`: the sentence is about running a search (so a bare "in May 2024" is a search date).
 */
export function readDateSentence(text: string, searchContext: boolean): DateSentenceReading {
  const out: DateSentenceReading = {
    searchDates: [],
    limit: null,
    fromInception: INCEPTION.test(text),
    noRestriction: false,
    limitPhraseEnd: null,
    relativeYears: null,
    limitInSearchString: false,
  };
  const rel = RELATIVE_WINDOW.exec(text);
  if (rel) {
    const word = (rel[1] ?? rel[2] ?? '').toLowerCase();
    out.relativeYears = word === 'decade' ? 10 : word === 'two decades' ? 20 : Number(word) || NUMBER_WORDS[word] || null;
    if (out.relativeYears) out.limitPhraseEnd = rel.index + rel[0].length;
  }
  for (const re of NO_RESTRICTION) {
    const m = re.exec(text);
    if (m) {
      out.noRestriction = true;
      out.limitPhraseEnd = Math.max(out.limitPhraseEnd ?? 0, m.index + m[0].length);
    }
  }
  const incep = INCEPTION.exec(text);
  if (incep) out.limitPhraseEnd = Math.max(out.limitPhraseEnd ?? 0, incep.index + incep[0].length);

  const setLimit = (from: number | null, to: number | null, end: number) => {
    out.limit = {
      from: from ?? out.limit?.from ?? null,
      to: to ?? out.limit?.to ?? null,
    };
    out.limitPhraseEnd = Math.max(out.limitPhraseEnd ?? 0, end);
  };

  const inString = SEARCH_STRING_LIMIT.exec(text);
  if (inString && searchContext) {
    const from = Number(inString[1] ?? inString[3]);
    const to = Number(inString[2] ?? inString[4]);
    if (from <= to) {
      setLimit(from, to, inString.index + inString[0].length);
      out.limitInSearchString = true;
    }
  }

  const mentions = findDateMentions(text);
  const isSearchDate: boolean[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const prefix = text.slice(Math.max(prev ? prev.end : 0, m.start - 60), m.start);
    const widePrefix = text.slice(Math.max(0, m.start - 60), m.start);
    const publicationNear = PUBLICATION_WORDS.test(widePrefix);
    isSearchDate[i] = false;
    if (ACCESS_PREFIX.test(prefix)) continue;

    // A closed range "between X and Y", "from X to Y", "X–Y".
    if (next) {
      const between = text.slice(m.end, next.start);
      const opened = RANGE_OPENER.test(prefix);
      if (RANGE_CONNECTOR.test(between) && (opened || /[-–—]/.test(between))) {
        setLimit(m.year, next.year, next.end);
        // The end of a searched period stated to the month is when the search ran ("MEDLINE was
        // searched from January 2000 to March 2023"); a window of publication dates is a limit
        // only ("searched for studies published between January 2015 and March 2023").
        if (searchContext && next.month !== null && !publicationNear) {
          isSearchDate[i + 1] = true;
          out.searchDates.push(next);
        }
        isSearchDate[i] = false;
        i++;
        continue;
      }
    }
    if (AFTER_INCEPTION_CONNECTOR.test(widePrefix)) {
      out.fromInception = true;
      isSearchDate[i] = true;
      out.searchDates.push(m);
      continue;
    }
    if (OPEN_END_BEFORE.test(prefix)) {
      // "Studies published before 2000 were not considered" sets the lower bound, not the upper.
      if (EXCLUDED_AFTER.test(text.slice(m.end, m.end + 60)) || EXCLUDED_BEFORE.test(prefix)) setLimit(m.year, null, m.end);
      else if (publicationNear || !searchContext) setLimit(null, m.month === 1 || m.month === null ? m.year - 1 : m.year, m.end);
      continue;
    }
    if (OPEN_START.test(prefix) || ONWARDS_AFTER.test(text.slice(m.end, m.end + 30))) {
      const after = /\b(?:after|post|later than)\s+$/i.test(prefix) && m.month === null;
      setLimit(after ? m.year + 1 : m.year, null, m.end);
      continue;
    }
    if (OPEN_END.test(prefix)) {
      if (publicationNear && m.month === null) {
        setLimit(null, m.year, m.end);
        continue;
      }
      if (publicationNear) setLimit(null, m.year, m.end);
      if (searchContext) {
        isSearchDate[i] = true;
        out.searchDates.push(m);
      }
      continue;
    }
    if (!searchContext) continue;
    const continuesList =
      prev !== undefined && isSearchDate[i - 1] === true && LIST_CONTINUATION.test(text.slice(prev.end, m.start));
    // "(mid-May 2021)" after "a search was conducted": a date to the month in brackets (a bare
    // bracketed year is a citation: "Higgins et al. (2019)").
    const bracketed = m.month !== null && BRACKET_OPEN.test(prefix);
    if (continuesList || ((SINGLE.test(prefix) || bracketed) && searchVerbGoverns(text, m))) {
      isSearchDate[i] = true;
      out.searchDates.push(m);
    }
  }
  return out;
}

/**
 * A lone date is a search date only when a search verb governs it: one earlier in the same clause
 * ("searches were run in May 2024"), or right after it ("In May 2024 we searched…"). This keeps
 * "In 2019 the WHO issued guidance…" out.
 */
function searchVerbGoverns(text: string, m: DateMention): boolean {
  const clause = text.slice(0, m.start).split(/;|\.\s/).pop() ?? '';
  // The last search verb before the date, and no subordinate clause between it and the date
  // ("…limited to papers from 1972, considering that the database starts in 1972").
  const verbs = [...clause.matchAll(new RegExp(SEARCH_VERB.source, 'gi'))];
  const last = verbs[verbs.length - 1];
  if (last && !SUBORDINATE.test(clause.slice(last.index! + last[0].length))) return true;
  return /^[\s,)]*(?:(?:we|the authors|the (?:search|searches|databases))\b[^.;]{0,30})?\b(?:searched|search(?:es)? (?:was|were)|updated|re-?ran)/i.test(
    text.slice(m.end, m.end + 60),
  );
}

const SUBORDINATE = /\b(?:considering|because|since|which|that|when|where|while|although|given|whose|who)\b/i;

/** Cue words that give a reason for a date window (or for having none). */
export const JUSTIFICATION =
  /\b(?:because|given (?:that|the)|due to|in order to|so as to|to (?:capture|reflect|ensure|focus on|cover|account for|align with|coincide with|match)|reflect(?:s|ing|ed)?|coincid(?:e|es|ing|ed) with|(?:marks?|marked|marking) the|emerg(?:ed|ence|ing)|introduc(?:ed|tion) of|launch(?:ed)?|advent|release of|adoption of|became (?:available|widespread|common)|rationale|justif(?:y|ied|ication)|chosen (?:as|because|to)|selected (?:as|because|to)|since (?:the )?(?:introduction|launch|emergence|advent|publication|release|first))\b/i;
