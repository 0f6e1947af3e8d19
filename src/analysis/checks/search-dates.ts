/**
 * Search dates and publication-date limits (PRISMA 2020 items 5–7, PRISMA-S item 9): when the
 * searches ran, which publication years they admitted, and whether the window is justified.
 * Then ages references / included studies from the last search year and reports old evidence.
 * Runs after reference-dates, which fills `critique.references` and `critique.includedStudies`.
 */
import type { Check, AnalysisContext } from '../context';
import type { Evidence, SearchReport, YearStats } from '../critique';
import type { SectionRole } from '../model';
import { formatDate, JUSTIFICATION, readDateSentence } from '../dates';
import { guardedTest } from '../regex-prefilter';
import { evidenceFromSentence, evidenceFromSpan, type Sentence } from '../text';
import { countOlderThan10Years } from './reference-dates';

/** Roles in which a method or eligibility sentence is expected; elsewhere only an explicit "we searched…" counts. */
const METHOD_ROLES = new Set<SectionRole>(['methods', 'abstract', 'other']);

const SEARCH_WORDS =
  /\bsearch(?:ed|es|ing)?\b|\bliterature\b|\b(?:bibliographic|electronic) databases?\b|\b(?:MEDLINE|Medline|PubMed|Embase|EMBASE|PsycINFO|PsycInfo|PsychINFO|CINAHL|Scopus|Web of Science|CENTRAL|Cochrane (?:Library|Central|Register|Database)|Google Scholar|ProQuest|IEEE Xplore|ACM Digital Library|LILACS|ERIC|ASSIA|ClinicalTrials\.gov)\b/i;

const EXPLICIT_SEARCH =
  /\b(?:we|I|the authors|our team)\s+(?:\w+\s+){0,3}?(?:searched|updated|re-?ran)\b|\b(?:search(?:es)?|databases?)\s+(?:\w+\s+){0,3}?(?:was|were|had been)\s+(?:\w+\s+)?(?:conducted|performed|run|carried out|searched|updated|executed|undertaken|completed)\b|\blast searched\b|\bsearch dates?\b/i;

// Asked of every sentence of a paper: literal prefilters first (regex-prefilter.ts).
const mentionsSearch = guardedTest(SEARCH_WORDS);
const saysSearched = guardedTest(EXPLICIT_SEARCH);

/** An eligibility sentence about literature: a literature noun and a selecting verb… */
const LITERATURE = /\b(?:publish\w*|publications?|articles|papers|literature|records|reports|studies|trials|reviews|citations)\b/i;
const SELECTING =
  /\b(?:includ\w*|eligib\w*|considered|restrict\w*|limit\w*|selected|retrieved|identified|screened|excluded)\b/i;
const aboutLiterature = guardedTest(LITERATURE);
const selects = guardedTest(SELECTING);
/** …but not a description of a study's own patients or data collection ("patients enrolled from 2010"). */
const OWN_DATA =
  /\b(?:patients|participants|enrolled|recruited|follow-?up|admitted|cohort|data ?set|observations|collected|inclusion period|study period|students|respondents)\b/i;

/** "Included studies ranged from 1990 to 2024" describes results, not a limit. */
const DESCRIBES_RESULTS =
  /\brang(?:e|ed|ing)\b|\bspann(?:ed|ing)\b|\b(?:revealed|showed|found that|suggest(?:s|ed)?|demonstrat\w+)\b|\bincluded\s+(?:[\w-]+\s+){0,2}?(?:studies|papers|articles|trials|reviews|records|reports|publications)\s+(?:were|was)\s+(?:all\s+)?published\b|\b(?:studies|papers|articles|trials|reviews|publications)\s+(?:that were\s+)?included\s+(?:in\s+(?:this|the|our)\s+[\w-]+\s+)?(?:were|was)\s+(?:all\s+)?published\b/i;

const DATE_RESTRICTION_WORDS =
  /^(?=[\s\S]*\b(?:dates?|years?)\b)[\s\S]*\b(?:restrict\w*|limit(?:s|ed|ation|ations)?|filters?|regardless|irrespective|boundar(?:y|ies)|cut-?offs?)\b/i;

/**
 * A sentence that states the review's time window in so many words ("The time frame chosen was
 * 30 years (1990–2020)"): a limit even without a literature noun.
 */
const WINDOW_STATED =
  /\b(?:time[- ]?frame|time[- ]?span|time window|(?:review|search|study) period|period of (?:the )?(?:search|review|publication))\s+(?:\w+\s+){0,2}?(?:chosen|selected|considered|covered|set|defined|used|was|is)\b|\bsearch(?:es)?\s+(?:\w+\s+)?(?:covered|spanned)\s+(?:the\s+)?(?:period|years)\b/i;

/** A sentence that refers to the time window, so a reason given in it is about the window. */
const WINDOW_WORDS = /\b(?:dates?|years?|period|window|time ?frame|cut-?off|restrict\w*|limit\w*|inception|(?:19|20)\d{2})\b/i;
const CONSEQUENCE = /\b(?:therefore|thus|hence|accordingly|for this reason|consequently)\b/i;

export const searchDates: Check = {
  id: 'search-dates',
  run(ctx) {
    const report = readSearch(ctx);
    ctx.critique.search = report;
    ageEvidence(ctx);
    reportFindings(ctx);
  },
};

function readSearch(ctx: AnalysisContext): SearchReport {
  const { paper, sentences } = ctx;
  const dates: { key: string; year: number; month: number | null }[] = [];
  const evidence: Evidence[] = [];
  const evidenced = new Set<Sentence>();
  let dateLimit = null as SearchReport['dateLimit'];
  let fromInception = false;
  let noRestriction = false;
  let justification: string | null = null;
  let relativeYears: number | null = null;

  const cite = (s: Sentence) => {
    if (evidenced.has(s)) return;
    evidenced.add(s);
    evidence.push(evidenceFromSentence(paper, s));
  };

  for (let idx = 0; idx < sentences.length; idx++) {
    const s = sentences[idx]!;
    const block = paper.blocks[s.blockId]!;
    // Never read dates from reference entries ("accessed May 2024", publication years).
    if (block.role === 'references' || block.kind === 'reference') continue;
    const methodRole = METHOD_ROLES.has(block.role);
    const searchContext = methodRole ? mentionsSearch(s) : saysSearched(s);
    // "No date restrictions were used" names neither a search nor literature, yet states the window.
    const windowStated = methodRole && (WINDOW_STATED.test(s.text) || DATE_RESTRICTION_WORDS.test(s.text)) && !OWN_DATA.test(s.text);
    const eligibilityContext =
      searchContext || windowStated || (methodRole && aboutLiterature(s) && selects(s) && !OWN_DATA.test(s.text));
    if (!searchContext && !eligibilityContext) continue;
    const reading = readDateSentence(s.text, searchContext);

    let relevant = false;
    for (const d of reading.searchDates) {
      dates.push({ key: formatDate(d), year: d.year, month: d.month });
      relevant = true;
    }
    // A limit needs a sentence that selects literature ("studies published since 2010 were included",
    // "the search was limited to 2000–2024"), not one that merely mentions a database.
    const limitContext =
      (windowStated ||
        reading.limitInSearchString || (aboutLiterature(s) && (selects(s) || /\bsearch\w*/i.test(s.text)))) && !DESCRIBES_RESULTS.test(s.text);
    const limitHere = reading.limit && limitContext ? reading.limit : null;
    if (limitHere && (limitHere.from !== null || limitHere.to !== null)) {
      dateLimit = {
        from: dateLimit?.from ?? limitHere.from,
        to: dateLimit?.to ?? limitHere.to,
      };
      relevant = true;
    }
    if (reading.relativeYears && limitContext && relativeYears === null) {
      relativeYears = reading.relativeYears;
      relevant = true;
    }
    const inceptionHere = reading.fromInception && searchContext;
    const noRestrictionHere = reading.noRestriction;
    if (inceptionHere) fromInception = true;
    if (noRestrictionHere) noRestriction = true;
    if (inceptionHere || noRestrictionHere) relevant = true;

    if (limitHere || inceptionHere || noRestrictionHere || (reading.relativeYears && limitContext)) {
      justification ??= findJustification(sentences, idx);
    }
    if (relevant) cite(s);
  }

  // "Trials published up to September 2024" beside "no date restrictions were applied" is the
  // search's own end, not a limit the authors chose.
  if (noRestriction && dateLimit && dateLimit.from === null) dateLimit = null;
  const unique = uniqueDates(dates);
  // "Published in the last 10 years" counts back from the last search, else from publication.
  if (relativeYears !== null && (dateLimit === null || dateLimit.from === null)) {
    const anchor = latestYear(unique) ?? paper.metadata.year;
    if (anchor !== null) dateLimit = { from: anchor - relativeYears, to: anchor };
  }
  return {
    dates: unique,
    dateLimit,
    fromInception,
    noRestriction,
    justification,
    evidence,
  };
}

/** A reason for the window: in the limit sentence, or in a neighbouring sentence about the window. */
function findJustification(sentences: Sentence[], idx: number): string | null {
  const s = sentences[idx]!;
  if (JUSTIFICATION.test(s.text)) return s.text;
  const next = sentences[idx + 1];
  if (next && next.blockId === s.blockId && WINDOW_WORDS.test(next.text) && JUSTIFICATION.test(next.text)) {
    return next.text;
  }
  const prev = sentences[idx - 1];
  if (prev && prev.blockId === s.blockId && CONSEQUENCE.test(s.text) && JUSTIFICATION.test(prev.text)) {
    return prev.text;
  }
  return null;
}

/** Unique, in text order; a bare year is dropped when a month of that year is also stated. */
function uniqueDates(dates: { key: string; year: number; month: number | null }[]): string[] {
  const withMonth = new Set(dates.filter((d) => d.month !== null).map((d) => d.year));
  const out: string[] = [];
  for (const d of dates) {
    if (d.month === null && withMonth.has(d.year)) continue;
    if (!out.includes(d.key)) out.push(d.key);
  }
  // Chronological, so "2023-12, 2024-05" reads as first search then update, whatever the text order.
  return out.sort();
}

function latestYear(dates: string[]): number | null {
  const years = dates.map((d) => Number(d.slice(0, 4))).filter((y) => Number.isFinite(y));
  return years.length ? Math.max(...years) : null;
}

function latestSearchYear(report: SearchReport): number | null {
  return latestYear(report.dates);
}

/** Ages are measured from the last search when the paper states one, else from publication. */
function ageEvidence(ctx: AnalysisContext): void {
  const { critique } = ctx;
  const referenceYear = latestSearchYear(critique.search) ?? critique.paper.year ?? null;
  applyReferenceYear(critique.references, referenceYear);
  if (critique.includedStudies) applyReferenceYear(critique.includedStudies, referenceYear);
}

function applyReferenceYear(stats: YearStats, referenceYear: number | null): void {
  stats.referenceYear = referenceYear;
  const { older, dated } = countOlderThan10Years(stats.histogram, referenceYear);
  stats.shareOlderThan10Years = referenceYear !== null && dated > 0 ? older / dated : null;
}

function yearRange(histogram: Record<string, number>): { min: number; max: number } | null {
  const years = Object.keys(histogram).map(Number).filter((y) => Number.isFinite(y));
  return years.length ? { min: Math.min(...years), max: Math.max(...years) } : null;
}

function listDates(dates: string[]): string {
  if (dates.length <= 1) return dates.join('');
  return `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]}`;
}

function reportFindings(ctx: AnalysisContext): void {
  const { critique } = ctx;
  const search = critique.search;
  const included = critique.includedStudies && critique.includedStudies.withYear > 0 ? critique.includedStudies : null;
  const stats: YearStats = included ?? critique.references;
  const label = included ? 'included studies' : 'references';
  // A stated search (or marked included studies) is what makes old references a question of method.
  const isReview = search.dates.length > 0 || critique.includedStudies !== null || search.fromInception || search.noRestriction;
  const range = yearRange(stats.histogram);

  // no-date-limit: a dated search that admitted any publication year, without saying why.
  const hasLowerLimit = search.dateLimit !== null && search.dateLimit.from !== null;
  if (search.dates.length && range && range.max - range.min >= 15 && !hasLowerLimit && !search.justification) {
    const how = search.noRestriction
      ? ' (the paper says none was applied)'
      : search.fromInception
        ? ' (searched from database inception)'
        : '';
    ctx.addFinding({
      kind: 'no-date-limit',
      theme: 'dates',
      severity: 'caution',
      summary:
        `Searches ran in ${listDates(search.dates)} with no publication-date limit${how}; ` +
        `${label} span ${range.min}–${range.max} (${range.max - range.min} years), and no reason is given for the time window.`,
      evidence: search.evidence.slice(0, 3),
    });
  }

  // date-spread: a large share of the evidence is more than 10 years older than the search / publication.
  const referenceYear = stats.referenceYear;
  const { older, dated } = countOlderThan10Years(stats.histogram, referenceYear);
  const minimum = included ? 3 : 5;
  if (referenceYear === null || dated < minimum) return;
  const share = older / dated;
  if (share < 0.25) return;
  const basis = latestSearchYear(search) !== null ? `the last search (${referenceYear})` : `publication (${referenceYear})`;
  const severity = !isReview ? 'info' : included && share >= 0.5 ? 'concern' : 'caution';
  const cutoff = referenceYear - 10;
  const oldest = critique.references.entries
    .filter((e) => e.year !== null && e.year < cutoff && (!included || e.included))
    // Every one of them, oldest first: the reader checks them one by one.
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  ctx.addFinding({
    kind: 'date-spread',
    theme: 'dates',
    severity,
    detail: included ? 'included' : 'references',
    summary:
      `${older} of ${dated} ${label} (${Math.round(share * 100)}%) predate ${cutoff}, ` +
      `more than 10 years before ${basis}` +
      (isReview ? '.' : '; this paper describes no literature search, so older references may simply be background.'),
    // The whole entry as the quote, with its section and (for PDFs) page, like any other evidence.
    evidence: oldest
      .filter((e) => e.anchor !== null && ctx.paper.blocks[e.anchor.blockId])
      .map((e) => {
        const block = ctx.paper.blocks[e.anchor!.blockId]!;
        return { ...evidenceFromSpan(block, e.anchor!.start, e.anchor!.end), quote: e.text };
      }),
  });
}
