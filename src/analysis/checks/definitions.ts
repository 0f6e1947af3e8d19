/**
 * Definitions: where each lens term is defined, whether in the authors' own words or borrowed
 * with a citation, and a `definition-gap` finding for terms a careful paper would define
 * (`expectDefinition`) that are never defined, only defined by citation, defined late, or defined
 * in clearly different ways.
 *
 * Rules (deliberately conservative: a wrong "definition found" hides a real gap):
 * - A definition is a sentence where the term (optionally followed by up to two head words, so
 *   "peer support workers are defined as…" counts for "peer") is followed by a defining phrase
 *   ("is defined as", "refers to", ", i.e.", "(defined as …)"), or preceded by one ("we define",
 *   "by X we mean", "the term X refers", "the definition of X was"), or — only in the abstract,
 *   introduction or methods, with the term as the sentence's subject — a copular sentence
 *   "X is a/an … that/which/in which …" that is not evaluative ("X is a promising approach that…"),
 *   or, for a concept, "X is … <its own head noun> offered by/that/of …" ("Peer support is social
 *   support offered by…").
 * - Only uses in the term's core sense (or unmarked uses) can carry a definition, and only
 *   core-sense uses count as uses (terms without a core sense: every use): a definition of
 *   "peer victimisation" does not define "peer" in a peer-support paper, and a paper that says
 *   "peer-reviewed" three times has not used "peer" undefined three times.
 * - Reference entries never count as uses or definitions.
 * - `late` counts uses in the running text only (not the title, abstract or headings, which
 *   routinely use a term before the introduction can define it).
 */
import type { AnalysisContext, Check } from '../context';
import type { Definition, Evidence, Occurrence, TermReport } from '../critique';
import type { SectionRole } from '../model';
import type { LensTerm } from '../lens';
import { firstIndexWhere } from '../sorted';
import type { Sentence } from '../text';
import { evidenceFromOccurrence, LETTER_SOURCE as L, WORD_CHAR_SOURCE as W } from '../text';

const Q_OPEN = `["\u201c'\u2018]?`;
const Q_CLOSE = `["\u201d'\u2019]?`;
/** Up to two head words after the term ("peer support workers"); none for concepts. */
const headWords = (n: number) => `(?:[\\s\\-\\u2010\\u2011]${W}(?:${W}|-)*){0,${n}}`;
const PAREN = `(?:\\s*\\([^()]{0,80}\\))?`;
const HEDGE = `(?:\\s*,?\\s*(?:here|hereafter|in this (?:review|study|paper|article|work|meta-analysis|analysis)|for (?:the purposes? of )?this (?:review|study|paper|analysis))\\s*,?)?`;
const BE = `(?:is|are|was|were|has been|have been|had been|can be|could be|may be|might be|will be|is often|is commonly|is generally|is broadly|is usually|is typically)`;

interface AfterPattern {
  marker: string;
  re: (heads: number) => RegExp;
  /** The pattern itself says the authors define it ("…, which we define as…"). */
  own?: boolean;
  /** The text after the match that rules it out ("(i.e., the percentage of users who…)" explains a measure). */
  unless?: RegExp;
}

/**
 * What an "i.e." clause starts with when it explains a quantity or a measure, not the term:
 * "uptake of digital peer support (i.e., the percentage of users who…)".
 */
const MEASURE_CLAUSE = new RegExp(
  `^${Q_CLOSE}(?:[\\s\\-\u2010\u2011]${W}(?:${W}|-)*){0,2}\\s*(?:,|\\(|\u2014|\u2013|-)\\s*(?:i\\.\\s?e\\.?|that is|namely)[,\\s]+(?:the\\s+|a\\s+)?(?:percentage|proportion|share|number|count|rate|ratio|frequency|amount|extent|degree|level|score|mean|median|average|total|duration|length|time)s?\\b`,
  'iu',
);

/** Builds each head-word variant of a pattern once. */
function perHeads(build: (heads: number) => RegExp): (heads: number) => RegExp {
  const built = new Map<number, RegExp>();
  return (h) => {
    let re = built.get(h);
    if (!re) built.set(h, (re = build(h)));
    return re;
  };
}

/** Patterns that follow the term. Built per head-word allowance. */
const AFTER_PATTERNS: AfterPattern[] = [
  {
    marker: 'is defined as',
    re: perHeads((h) =>
      new RegExp(
        `^${Q_CLOSE}${headWords(h)}${PAREN}${HEDGE}\\s*,?\\s*(?:${BE}\\s+)?(?:${L}+ly\\s+)?(?:defined|operationali[sz]ed|conceptuali[sz]ed|referred to)\\s+(?:here\\s+|by\\s+[^;:]{1,60}?\\s+)?(?:as|to be)\\b`,
        'iu',
      )),
  },
  {
    marker: 'is described as',
    re: perHeads((h) =>
      new RegExp(
        `^${Q_CLOSE}${headWords(h)}${PAREN}${HEDGE}\\s*,?\\s*${BE}\\s+(?:${L}+ly\\s+)?(?:(?:described|characteri[sz]ed)\\s+as\\s+(?:a|an|the|any|["\u201c'\u2018])|(?:understood|conceptuali[sz]ed|operationali[sz]ed)\\s+as\\s+(?!(?:${L}+ly\\s+)?(?:${EVALUATIVE})\\b))`,
        'iu',
      )),
  },
  {
    marker: 'refers to',
    re: perHeads((h) =>
      new RegExp(`^${Q_CLOSE}${headWords(h)}${PAREN}${HEDGE}\\s*,?\\s*(?:(?:generally|broadly|commonly|usually|typically|here)\\s+)?(?:refers? to|means|denotes)\\b`, 'iu')),
  },
  {
    marker: 'i.e.',
    re: perHeads((h) => new RegExp(`^${Q_CLOSE}${headWords(h)}\\s*(?:,|\\(|\u2014|\u2013|-)\\s*(?:i\\.\\s?e\\.?|that is|namely)[,\\s]`, 'iu')),
    unless: MEASURE_CLAUSE,
  },
  {
    marker: 'which we define as',
    re: perHeads((h) =>
      new RegExp(
        `^${Q_CLOSE}${headWords(h)}${PAREN}\\s*,?\\s*(?:which|that|what)\\s+(?:we|I)\\s+(?:here\\s+)?(?:${L}+ly\\s+)?(?:define|operationali[sz]e|conceptuali[sz]e|understand|take|use)\\s+(?:here\\s+)?(?:as|to be|to mean)\\b`,
        'iu',
      )),
    own: true,
  },
  {
    marker: 'as defined by',
    re: perHeads((h) => new RegExp(`^${Q_CLOSE}${headWords(h)}\\s*(?:,|\\()\\s*as (?:defined|described|conceptuali[sz]ed) (?:by|in)\\b`, 'iu')),
  },
];

interface BeforePattern {
  marker: string;
  before: RegExp;
  after: RegExp;
  own?: boolean;
}

const BEFORE_PATTERNS: BeforePattern[] = [
  {
    marker: 'we define',
    before: new RegExp(`\\b(?:we|I)\\s+(?:${L}+ly\\s+)?(?:define|defined|conceptuali[sz]e|conceptuali[sz]ed|operationali[sz]e|operationali[sz]ed)\\s+(?:the term\\s+)?${Q_OPEN}$`, 'iu'),
    after: new RegExp(`^${Q_CLOSE}${PAREN}\\s*(?:as|to be|to mean)\\b`, 'iu'),
    own: true,
  },
  {
    marker: 'we use the term',
    before: new RegExp(`\\b(?:we|I)\\s+(?:use|used|employ|adopt)\\s+the\\s+(?:term|phrase|label|concept)\\s+${Q_OPEN}$`, 'iu'),
    after: /^/,
    own: true,
  },
  {
    marker: 'we use X to mean',
    before: new RegExp(`\\b(?:we|I)\\s+(?:will\\s+|here\\s+)?(?:use|used|employ|employed)\\s+${Q_OPEN}$`, 'iu'),
    after: new RegExp(`^${Q_CLOSE}${PAREN}\\s*(?:here\\s+|throughout\\s+|in this (?:review|study|paper|article)\\s+)?(?:to (?:mean|refer to|denote|describe|designate|indicate)|as (?:a|an) (?:umbrella|collective|overarching|broad|general) term)\\b`, 'iu'),
    own: true,
  },
  {
    // "We adopt Mead's definition of X: …", "This review uses the WHO definition of X" — the
    // authors' own choice of a definition, whoever first wrote it.
    marker: 'we adopt a definition',
    before: new RegExp(`\\b(?:we|I|this (?:review|study|paper|article|analysis))\\s+(?:${L}+ly\\s+)?(?:adopt|adopted|adopts|use|used|uses|follow|followed|follows|apply|applied|applies|draw on|drew on|draws on|take|took|takes|chose|choose|selected)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[^\\s.;:]+\\s+){0,5}?definition\\s+of\\s+${Q_OPEN}$`, 'iu'),
    after: /^/,
    own: true,
  },
  {
    marker: 'by X we mean',
    before: new RegExp(`\\bby\\s+${Q_OPEN}$`, 'iu'),
    after: new RegExp(`^${Q_CLOSE}${PAREN}\\s*,?\\s*(?:we|I|the authors)\\s+(?:mean|refer to)\\b`, 'iu'),
    own: true,
  },
  {
    marker: 'defined X as',
    before: new RegExp(`\\b(?:define|defines|defined|defining|describe|describes|described)\\s+${Q_OPEN}$`, 'iu'),
    after: new RegExp(`^${Q_CLOSE}${PAREN}\\s*as\\b`, 'iu'),
  },
  {
    marker: 'the term',
    before: new RegExp(`\\bthe\\s+(?:term|phrase|concept|label|expression)\\s+${Q_OPEN}$`, 'iu'),
    after: new RegExp(`^${Q_CLOSE}${PAREN}\\s*,?\\s*(?:(?:is|was|has been|will be)\\s+(?:used|defined|understood|taken)|refers|describes|denotes|means|encompasses|here)\\b`, 'iu'),
  },
  {
    marker: 'definition of',
    // "There is no agreed definition of X" is the opposite of a definition.
    before: new RegExp(`^(?!.*\\b(?:no|lack|lacks|lacking|absence|without|unclear|vary|varies|differ|differs|inconsistent|debate|debated|contested|consensus)\\b).*\\b(?:the|our|a|this)\\s+(?:${L}+\\s+)?definition\\s+of\\s+${Q_OPEN}$`, 'iu'),
    after: new RegExp(`^${Q_CLOSE}${PAREN}\\s*(?:(?:${L}|-)+\\s+){0,6}?(?:is|was|:|as)\\s`, 'iu'),
  },
];

/**
 * The people studied saying what the term is ("Workers described digital peer support as…",
 * "Participants defined peer support as…", "Young people saw peer support as…"): a finding.
 * Not "they", which as often means the authors of a cited study ("they defined X as…": cited).
 */
const REPORTED_SPEECH = new RegExp(
  `\\b(?:participants?|respondents?|interviewees?|informants?|workers?|staff|clinicians?|users?|patients?|members?|stakeholders?|people|carers?|caregivers?|parents?|students?|nurses?|providers?|professionals?|practitioners?|managers?|adolescents?|youths?|mothers?|fathers?|veterans?|survivors?|women|men)\\b(?:\\s+${L}+){0,4}?\\s+(?:${L}+ly\\s+)?(?:described|defined|define|describe|saw|see|viewed|view|perceived|perceive|regarded|regard|characteri[sz]ed|understood|understand|framed|conceptuali[sz]ed|experienced|talked about|spoke of)\\s+${Q_OPEN}$`,
  'iu',
);

/** A glossary line: the term opens the sentence, then a colon or dash and its meaning. */
const GLOSSARY_ENTRY = new RegExp(`^\\s*(?:[\u2022\u25cf\u25aa*\u2013-]\\s*)?${Q_OPEN}$`, 'u');
const GLOSSARY_AFTER = new RegExp(`^${Q_CLOSE}${PAREN}\\s*(?::|\u2014|\u2013|\\s-\\s|=|\\|)\\s*\\S`, 'u');
const GLOSSARY_HEADING = /\b(?:definitions?|glossary|key (?:terms|concepts|definitions)|terminology|terms used|abbreviations and definitions|defining terms)\b/i;
function isGlossarySection(section: readonly string[]): boolean {
  return section.some((title) => GLOSSARY_HEADING.test(title));
}

/** Sentence-initial subject position for the guarded copular pattern. */
const SUBJECT_START = new RegExp(
  `^(?:(?:in this (?:review|study|paper|article|work)|here|for this (?:review|study)|in the present (?:review|study)|for the purposes? of this (?:review|study|paper))\\s*,\\s*)?(?:the\\s+(?:term|concept)\\s+)?${Q_OPEN}$`,
  'iu',
);
const EVALUATIVE =
  'promising|important|effective|efficacious|growing|key|valuable|popular|common|critical|essential|useful|cost-effective|emerging|feasible|potential|major|viable|well-established|established|crucial|acceptable|novel|powerful|increasingly|widely|particularly|relatively|highly|very|understudied|under-researched|evidence-based|recognised|recognized|area|topic|field|priority|need|challenge|barrier|concern|problem|issue|good|great|better|best|low-cost|scalable|attractive|appealing|significant|central|core|vital|integral|notable|alternative|complementary|example|increasing|rapidly|new|recent|unique';
const COPULAR = perHeads((h: number) =>
  new RegExp(
    `^${Q_CLOSE}${headWords(h)}${PAREN}\\s*(?:is|are)\\s+(?:a|an)\\s+(?!(?:(?:${L}|-)+\\s+){0,2}(?:${EVALUATIVE})\\b)(?:(?:(?:${L}|-)+\\s+){0,4}?(?:form|type|kind|mode|model|system|process|practice|approach|set|category) of\\b|(?:(?:${L}|-)+[\\s,]+){1,10}?(?:that|which|in which|where|whereby|wherein|through which|whose|involving|delivered|provided|offered|between|among|from|by)\\b)`,
    'iu',
  ));
const COPULAR_ROLES: SectionRole[] = ['abstract', 'introduction', 'methods'];
/**
 * The article-less copular definition of a concept, whose genus is the concept's own head noun:
 * "Peer support is social and emotional support offered by people with…", "Lived experience is
 * first-hand experience of…". The head noun must come back within three words and be followed
 * by what says which kind ("that", "offered by", "between", "of"…); evaluative openings are
 * refused as above, and so are verbs, negations and quantities in the first word ("is
 * associated with better support from…", "is not support…", "is one source of support that…").
 * `head` is a word of letters and digits.
 */
const NOT_GENUS_START = `(?:${L}+ed|known|seen|thought|shown|used|being|not|also|often|only|just|still|now|more|less|much|one|another|part|both|either|neither|all|no|some|any|like|unlike|similar|different|related|linked|due|what|how)`;
const GENUS_COPULAR = (head: string) =>
  new RegExp(
    `^${Q_CLOSE}${PAREN}\\s*(?:is|are)\\s+(?!${NOT_GENUS_START}\\b)(?!(?:(?:${L}|-)+\\s+){0,2}(?:${EVALUATIVE})\\b)(?:(?:${L}|-)+[\\s,]+){0,3}?${head}s?[\\s,]+(?:(?:${L}|-)+\\s+){0,3}?(?:that|which|in which|where|whereby|wherein|through which|whose|involving|delivered|provided|offered|given|received|shared|exchanged|between|among|from|by|of)\\b`,
    'iu',
  );
const genusCopular = new Map<string, RegExp>();

const CITATION = new RegExp(
  [
    '\\[\\s*\\d+(?:\\s*[,\u2013\\-]\\s*\\d+)*\\s*\\]',
    '\\([^()]*?(?:et al\\.?|[A-Z][\\p{L}\u2019\'-]+)[^()]*?\\b(?:19|20)\\d{2}[a-z]?[^()]*\\)',
    '\\^\\d',
    '[\u00b9\u00b2\u00b3\u2070-\u2079]',
    'et al\\.?,?\\s*\\(?(?:19|20)\\d{2}',
    '\\b[Ff]ollowing\\s+(?:the\\s+)?[A-Z]\\p{L}',
  ].join('|'),
  'u',
);
const BORROWING = /\b(?:according to|as defined by|as described by|as conceptuali[sz]ed by|defined by|described by|adopt(?:ed|ing)?|borrow(?:ed|ing)?)\b/i;

const DISCUSSION_ROLES: SectionRole[] = ['discussion', 'limitations', 'conclusion'];
const FRONT_ROLES: SectionRole[] = ['title', 'abstract'];

interface Use {
  occ: Occurrence;
  /** Whether this use is in running text (not title, abstract or a heading). */
  body: boolean;
}

interface Found extends Definition {
  /** Running-text uses before this definition. */
  bodyUsesBefore: number;
}

/** Characters read before and after a use for a defining phrase (the longest patterns need ~150). */
const DEFINITION_WINDOW_BEFORE = 240;
const DEFINITION_WINDOW_AFTER = 400;

/** The sentence holding a use (binary search: a block's sentences are in text order). */
function findSentence(index: Map<number, Sentence[]>, occ: Occurrence): Sentence | undefined {
  const list = index.get(occ.anchor.blockId);
  if (!list) return undefined;
  const s = list[firstIndexWhere(list.length, (i) => list[i]!.end >= occ.anchor.end)];
  return s && s.start <= occ.anchor.start && occ.anchor.end <= s.end ? s : undefined;
}

/** The defining phrase marking a definition of this use, or null. */
export function definitionMarker(
  sentence: string,
  matchStart: number,
  matchEnd: number,
  role: SectionRole,
  concept: boolean,
  section: readonly string[] = [],
): { marker: string; own: boolean | null } | null {
  // Defining phrases sit within a few words of the term: reading a bounded window on each side
  // keeps the check linear however long a sentence is or how many uses it holds (a table read as
  // one sentence; a hostile page with one 100,000-character "word").
  const before = sentence.slice(Math.max(0, matchStart - DEFINITION_WINDOW_BEFORE), matchStart);
  const after = sentence.slice(matchEnd, matchEnd + DEFINITION_WINDOW_AFTER);
  const heads = concept ? 0 : 2;
  // What participants or workers said X is, and how X was perceived, is a finding, not a definition.
  if (REPORTED_SPEECH.test(before)) return null;
  for (const p of AFTER_PATTERNS) {
    if (p.re(heads).test(after) && !p.unless?.test(after)) return { marker: p.marker, own: p.own ?? null };
  }
  for (const p of BEFORE_PATTERNS) {
    if (p.before.test(before) && p.after.test(after)) return { marker: p.marker, own: p.own ?? null };
  }
  if (GLOSSARY_ENTRY.test(before) && GLOSSARY_AFTER.test(after) && isGlossarySection(section)) return { marker: 'glossary entry', own: null };
  if (COPULAR_ROLES.includes(role) && SUBJECT_START.test(before)) {
    if (COPULAR(heads).test(after)) return { marker: 'is a … that', own: null };
    // A concept's head noun as the genus ("support" of "peer support"); a single word is no concept.
    const head = concept ? /[\p{L}\p{N}]+$/u.exec(sentence.slice(matchStart, matchEnd))?.[0]?.toLowerCase() : undefined;
    if (head && head.length > 2 && /\s|-/.test(sentence.slice(matchStart, matchEnd).trim())) {
      let re = genusCopular.get(head);
      if (!re) genusCopular.set(head, (re = GENUS_COPULAR(head)));
      if (re.test(after)) return { marker: 'is … <kind> that', own: null };
    }
  }
  return null;
}

/**
 * The authors saying what the term means in their own work ("Here, X refers to…", "In this
 * review, X means…"): their definition, even when they cite where the wording came from.
 */
const OWN_SCOPE =
  /\b(?:here|herein|in this (?:review|study|paper|article|work|meta-analysis|analysis|protocol|trial|report)|for (?:the purposes? of )?this (?:review|study|paper|article|analysis|work)|throughout this (?:review|study|paper|article)|in the present (?:review|study|paper|work))\b/i;

function originOf(sentence: string, own: boolean | null): 'own' | 'cited' {
  // "We define X as…", "We adopt Mead's definition of X": the authors' own choice, even when they
  // name whose wording it was (the source stays in the quoted sentence for the reader).
  if (own === true || OWN_SCOPE.test(sentence)) return 'own';
  const borrowed = CITATION.test(sentence) || BORROWING.test(sentence);
  return borrowed ? 'cited' : 'own';
}

const STOPWORDS = new Set(
  'a an the and or of to in on for by with as at from that which who whom whose this these those is are was were be been being it its their there here we our any all such other than into through via between among also not no can may might will would should could has have had do does did i e ie eg e.g i.e defined define defines definition refers refer means term terms known described understood characterised characterized used use'.split(
    ' ',
  ),
);

function contentWords(text: string, exclude: Set<string>): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/\[[^\]]*\]|\([^)]*\d{4}[^)]*\)/g, ' ')
    .match(/\p{L}[\p{L}-]*/gu);
  const out = new Set<string>();
  for (const w of words ?? []) {
    const stem = w.replace(/(?:ies)$/, 'y').replace(/(?<=\w{3})s$/, '');
    if (!STOPWORDS.has(w) && !exclude.has(stem) && stem.length > 2) out.add(stem);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 1 : inter / union;
}

/** The label of a term's core sense(s), for summaries. */
function coreLabel(term: LensTerm): string {
  return (term.senses ?? []).filter((s) => s.core).map((s) => s.label).join('" or "');
}

/**
 * The defining clause of a definition sentence, for the page to paint: the sentence from the
 * clause that holds the term (after a ";" or ":" before it), and from the term itself when only a
 * lead-in separated by a comma comes before it ("In this review, peer support refers to…"). Empty
 * when that is the whole sentence.
 */
export function definingClause(s: Pick<Sentence, 'text' | 'start'>, termAt: number): { highlight?: { start: number; end: number; text: string } } {
  const before = s.text.slice(0, termAt);
  let from = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')) + 1;
  if (/,\s*$/.test(before.slice(from))) from = termAt;
  while (from < termAt && /\s/.test(s.text[from]!)) from++;
  if (from <= 0) return {};
  return { highlight: { start: s.start + from, end: s.start + s.text.length, text: s.text.slice(from) } };
}

/** Core sense ids of a term, or null when the term has no core sense (every use counts). */
function coreSenses(term: LensTerm): Set<string> | null {
  const core = (term.senses ?? []).filter((s) => s.core).map((s) => s.id);
  return core.length ? new Set(core) : null;
}

function analyseTerm(ctx: AnalysisContext, report: TermReport, term: LensTerm, index: Map<number, Sentence[]>): void {
  const core = coreSenses(term);
  const unmarked = term.defaultSense ?? 'unspecified';
  // Unmarked uses may carry a definition ("Peers are defined as…"), but only core-sense uses count
  // as uses: "direct-to-consumer advertising" is not an undefined use of lived experience.
  const candidates: Use[] = report.occurrences
    .filter((o) => !o.inReference && (!core || core.has(o.sense) || o.sense === unmarked))
    .map((o) => ({ occ: o, body: !FRONT_ROLES.includes(o.role) && ctx.paper.blocks[o.anchor.blockId]?.kind !== 'heading' }));
  const counts = (u: Use) => !core || core.has(u.occ.sense);
  const uses = candidates.filter(counts);
  const found: Found[] = [];
  const seen = new Set<string>();
  let usesBefore = 0;
  let bodyUsesBefore = 0;
  for (const use of candidates) {
    const s = findSentence(index, use.occ);
    const key = s ? `${s.blockId}:${s.start}` : '';
    if (s && !seen.has(key)) {
      const block = ctx.paper.blocks[s.blockId];
      const hit = definitionMarker(s.text, use.occ.anchor.start - s.start, use.occ.anchor.end - s.start, use.occ.role, term.concept === true, block?.sectionPath ?? []);
      if (hit) {
        seen.add(key);
        const def: Found = {
          text: s.text,
          origin: originOf(s.text, hit.own),
          marker: hit.marker,
          section: use.occ.section,
          role: use.occ.role,
          anchor: { blockId: s.blockId, start: s.start, end: s.end },
          ...definingClause(s, use.occ.anchor.start - s.start),
          usesBefore,
          bodyUsesBefore,
        };
        if (use.occ.page !== undefined) def.page = use.occ.page;
        found.push(def);
      }
    }
    if (!counts(use)) continue;
    usesBefore++;
    if (use.body) bodyUsesBefore++;
  }
  report.definitions = found.map(({ bodyUsesBefore: _omit, ...d }) => d);
  if (!report.expectDefinition) return;

  const label = `'${report.label}'`;
  const base = { kind: 'definition-gap' as const, theme: 'terms' as const, lens: report.lens, term: report.term };
  const defEvidence = (defs: Definition[]) =>
    defs.slice(0, 3).map((d) => {
      const ev: Evidence = { quote: d.text, section: d.section, role: d.role, anchor: d.anchor };
      if (d.page !== undefined) ev.page = d.page;
      if (d.highlight) ev.highlight = d.highlight;
      return ev;
    });

  if (found.length === 0) {
    if (uses.length >= 3) {
      ctx.addFinding({
        ...base,
        detail: 'none',
        severity: 'concern',
        summary:
          `${label} is used ${report.count} times but never defined` +
          (uses.length < report.count ? ` (${uses.length} of these uses are in the sense "${coreLabel(term)}").` : '.'),
        evidence: uses.slice(0, 3).map((u) => evidenceFromOccurrence(u.occ)),
      });
    }
    return;
  }
  if (found.every((d) => d.origin === 'cited')) {
    ctx.addFinding({
      ...base,
      detail: 'cited-only',
      severity: 'caution',
      summary: `${label} is only defined by a borrowed, cited definition, never in the authors' own words.`,
      evidence: defEvidence(found),
    });
  }
  const first = found[0]!;
  const onlyInDiscussion = found.every((d) => DISCUSSION_ROLES.includes(d.role));
  if (first.bodyUsesBefore >= 3 || onlyInDiscussion) {
    ctx.addFinding({
      ...base,
      detail: 'late',
      severity: 'caution',
      summary: onlyInDiscussion
        ? `${label} is defined only in the ${first.section} section, after it has been used ${first.usesBefore} times.`
        : `${label} is first defined after it has already been used ${first.bodyUsesBefore} times in the text.`,
      evidence: defEvidence([first]),
    });
  }
  // Two definitions that differ are a problem only when the authors give both: an introduction
  // that reviews how others have defined the term is doing its job.
  const ownDefinitions = found.filter((d) => d.origin === 'own');
  if (ownDefinitions.length >= 2) {
    const exclude = new Set(
      term.variants.flatMap((v) => v.toLowerCase().split(/[\s-]+/)).map((w) => w.replace(/\*$/, '').replace(/(?<=\w{3})s$/, '')),
    );
    const words = ownDefinitions.map((d) => contentWords(d.text, exclude));
    let pair: [number, number] | null = null;
    for (let i = 0; i < ownDefinitions.length && !pair; i++) {
      for (let j = i + 1; j < ownDefinitions.length; j++) {
        if (words[i]!.size >= 3 && words[j]!.size >= 3 && jaccard(words[i]!, words[j]!) < 0.5) {
          pair = [i, j];
          break;
        }
      }
    }
    if (pair) {
      ctx.addFinding({
        ...base,
        detail: 'inconsistent',
        severity: 'caution',
        summary: `${label} is defined by the authors in ${ownDefinitions.length} places, and at least two of these definitions clearly differ.`,
        evidence: defEvidence([ownDefinitions[pair[0]]!, ownDefinitions[pair[1]]!]),
      });
    }
  }
}

export const definitions: Check = {
  id: 'definitions',
  run(ctx) {
    const index = new Map<number, Sentence[]>();
    for (const s of ctx.sentences) {
      const list = index.get(s.blockId);
      if (list) list.push(s);
      else index.set(s.blockId, [s]);
    }
    for (const report of ctx.critique.terms) {
      const term = ctx.lenses.find((l) => l.id === report.lens)?.terms.find((t) => t.id === report.term);
      if (term) analyseTerm(ctx, report, term, index);
    }
  },
};
