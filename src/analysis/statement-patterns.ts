/**
 * Shared machinery for the statement checks (competing interests, funding, positionality,
 * involvement): find a statement by its heading, an inline label ("Funding: …"), or a phrase
 * that states it. Like rtransparent, position matters as much as wording: a heading or a
 * back-matter phrase only counts where declarations sit, so a paper *about* conflict-of-interest
 * policies does not "declare" one in its Results.
 */
import type { AnalysisContext } from './context';
import type { Evidence } from './critique';
import { ARGUMENT_ROLES, type Block, type Paper, type SectionRole } from './model';
import { literalGroup, mayHold, scannable, type LiteralGroup, type LiteralScanned } from './literal-groups';
import { LiteralAutomaton } from './literal-automaton';
import { guardedTest, requiredLiterals } from './regex-prefilter';
import { evidenceFromSentence, evidenceFromSpan, type Sentence } from './text';

export interface StatementSpec {
  /** A section title that names the statement ("Competing interests", "Funding information"). */
  heading: RegExp;
  /** Label alternatives (a regex source without anchors or terminator), e.g. "funding|financial support". */
  label: string;
  /** Phrases that state it wherever they appear (except reference entries). */
  phrases: RegExp[];
  /** Phrases that count only in back matter (declarations, acknowledgements, footnotes, end of paper). */
  backMatterPhrases?: RegExp[];
  /** Roles in which even the strong phrases do not count (e.g. an introduction reviewing the literature). */
  excludeRoles?: SectionRole[];
  /**
   * In `excludeRoles`, sentences about the authors' own earlier work (uncited, in the first person
   * plural, or beside such a sentence) still count, with the methods' phrases.
   */
  ownWorkInExcludedRoles?: boolean;
  /** Phrase matches in sentences like these are dropped (e.g. recommendations: "future studies should…"). */
  rejectSentence?: RegExp;
  /** A matching heading counts wherever it sits (its wording is specific enough), given `headingBodyCue`. */
  headingAnywhere?: boolean;
  /** Back-matter phrases do not count under headings matching this (e.g. funding talk inside a COI section). */
  notUnder?: RegExp;
  /**
   * Whether a block under a matching heading must also look like a statement (e.g. mention
   * "declare", "none", "received") when its position alone is not convincing.
   */
  headingBodyCue?: RegExp;
  /** Roles in which a matching heading alone is not enough (a Results theme titled "Community involvement"). */
  headingExcludeRoles?: SectionRole[];
  /**
   * Phrases too general to count in the argument (a Results or Discussion sentence may describe
   * the people studied); they count where a paper reports what it did: Methods and back matter.
   */
  methodsPhrases?: RegExp[];
  /**
   * Other declarations (competing interests, funding, contributions) whose sentences do not state
   * this statement unless `accept` says so: "X sits on the advisory board of Y" in a competing-
   * interests section is a conflict, not involvement. A block belongs to one when it sits under a
   * heading matching `heading` or opens with `label`.
   */
  foreignDeclarations?: { heading: RegExp; label: string; accept: (sentence: string) => boolean };
}

export interface StatementMatch {
  found: boolean;
  evidence: Evidence[];
  /** Blocks that carry the statement, in paper order. */
  blockIds: number[];
  /** Sentences that matched a phrase or label. */
  sentences: Sentence[];
  /** Blocks found through a heading or a label (the whole block is the statement). */
  headedBlockIds: number[];
}

const DECLARATION_ROLES = new Set<SectionRole>(['declarations', 'acknowledgements']);

interface BodyBounds {
  first: number;
  last: number;
}

function bodyBounds(paper: Paper): BodyBounds {
  let first = -1;
  let last = -1;
  for (const b of paper.blocks) {
    if (!ARGUMENT_ROLES.has(b.role)) continue;
    if (first < 0) first = b.id;
    last = b.id;
  }
  return { first, last };
}

/** Outside the argument: a declarations box, acknowledgements, a footnote, or front/end matter. */
export function isBackMatter(block: Block, bounds: BodyBounds): boolean {
  if (block.role === 'references') return false;
  if (DECLARATION_ROLES.has(block.role) || block.kind === 'footnote') return true;
  if (ARGUMENT_ROLES.has(block.role) || block.role === 'abstract') return false;
  // Without recognised body sections (commentaries, unsectioned PDFs) position says nothing.
  return bounds.first >= 0 && (block.id > bounds.last || block.id < bounds.first);
}

/** "None declared.", "Nil.", "Not applicable." after a label. */
const NULL_STATEMENT = /^\s*(?:none|nil|nothing to (?:declare|disclose)|not applicable|n\/a|no(?:ne)? (?:declared|to declare))\b/i;

/** Before the first or after the last body block: where journals print declarations. */
function outsideBody(block: Block, bounds: BodyBounds): boolean {
  return bounds.first < 0 || block.id > bounds.last || block.id < bounds.first;
}

/**
 * Label regexes compiled once per label source: the checks ask about every sentence of a paper,
 * and compiling a fresh RegExp per call was most of the statement checks' time.
 */
const LABEL_START = new Map<string, RegExp>();
const BARE_LABEL = new Map<string, RegExp>();
const MID_TEXT_LABEL = new Map<string, RegExp>();

function cachedRegex(cache: Map<string, RegExp>, label: string, build: () => RegExp): RegExp {
  let re = cache.get(label);
  if (!re) cache.set(label, (re = build()));
  return re;
}

/**
 * A label opening `text`: "Funding: …", "Competing interests — None", "CONFLICTS OF INTERESTThe
 * authors…" (a label run into the text, common when publishers' HTML loses a line break), or a
 * label followed by a typical statement opening ("Competing interests The authors declare…").
 * Returns the offset where the statement text starts, or -1.
 */
export function labelEnd(text: string, label: string): number {
  const m = cachedRegex(LABEL_START, label, () => new RegExp(`^\\s*(?:${label})(?:\\s+statements?)?`, 'i')).exec(text);
  if (!m) return -1;
  const rest = text.slice(m[0].length);
  const punct = /^\s*(?:[:.\u2014\u2013|]|\s-\s)\s*/.exec(rest);
  if (punct) return rest.length > punct[0].length ? m[0].length + punct[0].length : -1;
  const labelText = m[0].trim();
  if (/^[A-Z][A-Z\s/&'’-]+$/.test(labelText) && /^[A-Z][a-z]/.test(rest)) return m[0].length;
  const opening = /^\s+(?=(?:None|Nil|Nothing|Not applicable|No\s|The authors?\b|All authors\b|This (?:work|study|research|project)\b|We\s|I\s|[A-Z]{2,4}\s+(?:is|has|have|was|received|reports?|declares?)\b))/.exec(rest);
  return opening ? m[0].length + opening[0].length : -1;
}

/** A label followed straight by a capitalised word, as when a line break between them was lost. */
function runInLabelEnd(text: string, label: string): number {
  const m = cachedRegex(RUN_IN_LABEL, label, () => new RegExp(`^\\s*(?:${label})(?:\\s+statements?)?\\s+`, 'i')).exec(text);
  // Both the label and the word after it capitalised as a label and a sentence opening are.
  return m && /^\s*[A-Z]/.test(text) && /[A-Z]/.test(text.charAt(m[0].length)) ? m[0].length : -1;
}
const RUN_IN_LABEL = new Map<string, RegExp>();

const BARE_LABEL_MAX = 80;

/** The label as a whole short block (a <dt> or bold run rendered on its own line). */
function isBareLabel(text: string, label: string): boolean {
  return text.length <= BARE_LABEL_MAX && cachedRegex(BARE_LABEL, label, () => new RegExp(`^\\s*(?:${label})(?:\\s+statements?)?\\s*[:.]?\\s*$`, 'i')).test(text);
}

/**
 * Most sentences of a paper can state none of the statements, yet each spec has a dozen phrase
 * regexes and a label to look for. Each spec's phrases and label are read for the literal text
 * a match needs (regex-prefilter.ts) and registered as two literal groups (literal-groups.ts):
 * the one scan of each sentence for all checks' literals then tells which specs' phrases or
 * labels could match it at all, and the regexes run only for those. Specs register when defined.
 */
interface SpecGroups {
  /** Any one phrase's literals (ALWAYS when some phrase has none to look for). */
  phrases: LiteralGroup;
  /** The label's: every label form (labelEnd, midTextLabel, isBareLabel) contains the label alternation. */
  label: LiteralGroup;
  /** `rejectSentence`, tried only where its literals are. */
  rejects: ((sentence: Sentence) => boolean) | null;
}

const SPEC_GROUPS = new WeakMap<StatementSpec, SpecGroups>();

/** Defines a statement spec and registers its literal groups. */
export function statementSpec(spec: StatementSpec): StatementSpec {
  specGroups(spec);
  return spec;
}

function specGroups(spec: StatementSpec): SpecGroups {
  let groups = SPEC_GROUPS.get(spec);
  if (!groups) {
    const perPhrase = specPhrases(spec).literals;
    const phrases = perPhrase.every((l) => l !== null) ? (perPhrase as string[][]).flat() : null;
    groups = {
      phrases: literalGroup(phrases),
      label: literalGroup(requiredLiterals(new RegExp(`(?:${spec.label})`, 'i'))),
      rejects: spec.rejectSentence ? guardedTest(spec.rejectSentence) : null,
    };
    SPEC_GROUPS.set(spec, groups);
  }
  return groups;
}

/**
 * Which of one spec's phrase regexes can match a text, a bit per regex. A text that passes the
 * spec's phrase group (one of its phrases' literals is there) mostly holds a literal of
 * only one or two phrases — "led", "author" or "research" in involvement's 23 — yet every phrase
 * used to be run on it: on the corpus PDFs this cuts the phrase regexes run from about 43,000 to
 * 4,000. Bits follow `phrases`, then `backMatterPhrases`, then `methodsPhrases`; a regex with no
 * literal to look for, or past the 31st, is always run.
 */
class SpecPhrases {
  /** Per phrase regex, in bit order: literals one of which any match contains, or null (none to look for). */
  readonly literals: (string[] | null)[];
  private scan: LiteralAutomaton | null = null;
  private readonly alwaysTried: number;
  private readonly backOffset: number;
  private readonly methodsOffset: number;

  constructor(private readonly spec: StatementSpec) {
    this.literals = [...spec.phrases, ...(spec.backMatterPhrases ?? []), ...(spec.methodsPhrases ?? [])].map((re) => requiredLiterals(re));
    let always = 0;
    this.literals.slice(0, 31).forEach((l, i) => {
      if (!l) always |= 1 << i;
    });
    this.alwaysTried = always;
    this.backOffset = spec.phrases.length;
    this.methodsOffset = this.backOffset + (spec.backMatterPhrases?.length ?? 0);
  }

  /**
   * Bit per phrase regex: may it match this sentence or block? (Read from its source, see
   * `LiteralScanned`. The automaton is built on first use: specs register at start-up.)
   */
  mayMatch(text: LiteralScanned): number {
    this.scan ??= new LiteralAutomaton(this.literals.slice(0, 31).map((l) => l ?? []));
    return this.scan.present(text.source, text.start, text.end) | this.alwaysTried;
  }

  strong(text: string, mask: number): boolean {
    return anyMatches(this.spec.phrases, 0, text, mask);
  }

  backMatter(text: string, mask: number): boolean {
    return anyMatches(this.spec.backMatterPhrases, this.backOffset, text, mask);
  }

  methods(text: string, mask: number): boolean {
    return anyMatches(this.spec.methodsPhrases, this.methodsOffset, text, mask);
  }
}

function anyMatches(patterns: readonly RegExp[] | undefined, offset: number, text: string, mask: number): boolean {
  if (!patterns) return false;
  for (let i = 0; i < patterns.length; i++) {
    const bit = offset + i;
    if ((bit >= 31 || (mask & (1 << bit)) !== 0) && patterns[i]!.test(text)) return true;
  }
  return false;
}

const SPEC_PHRASES = new WeakMap<StatementSpec, SpecPhrases>();

function specPhrases(spec: StatementSpec): SpecPhrases {
  let phrases = SPEC_PHRASES.get(spec);
  if (!phrases) SPEC_PHRASES.set(spec, (phrases = new SpecPhrases(spec)));
  return phrases;
}

/**
 * A row label of a table that an extractor took for a heading ("Patient involvement, n (%)",
 * "Funding source, mean (SD)") names a variable, not a section of the paper.
 */
const TABLE_VARIABLE = /,\s*(?:n|no\.?)\s*\(%\)|\(%\)|\bmean\s*\(SD\)|\bn\s*=\s*\d/i;

function headingMatches(block: Block, heading: RegExp): boolean {
  return block.sectionPath.some((title) => heading.test(title) && !TABLE_VARIABLE.test(title));
}

/** What every statement check reads the same way: where the argument is, each block's sentences. */
interface PaperLayout {
  bounds: BodyBounds;
  /** Each block's sentences, by block id. */
  sentencesOf: (Sentence[] | undefined)[];
  /** Blocks' texts as asked about by `mayHold`, each scanned once for all specs. */
  scannedBlocks: Map<number, LiteralScanned>;
}

const LAYOUTS = new WeakMap<AnalysisContext, PaperLayout>();

function paperLayout(ctx: AnalysisContext): PaperLayout {
  let layout = LAYOUTS.get(ctx);
  if (!layout) {
    const sentencesOf: (Sentence[] | undefined)[] = [];
    for (const s of ctx.sentences) (sentencesOf[s.blockId] ??= []).push(s);
    LAYOUTS.set(ctx, (layout = { bounds: bodyBounds(ctx.paper), sentencesOf, scannedBlocks: new Map() }));
  }
  return layout;
}

function scannedBlock(layout: PaperLayout, block: Block): LiteralScanned {
  let scanned = layout.scannedBlocks.get(block.id);
  if (!scanned) layout.scannedBlocks.set(block.id, (scanned = scannable(block.text)));
  return scanned;
}

export function findStatement(ctx: AnalysisContext, spec: StatementSpec): StatementMatch {
  const { paper } = ctx;
  const layout = paperLayout(ctx);
  const { bounds, sentencesOf } = layout;
  const groups = specGroups(spec);
  const phrases = specPhrases(spec);
  const blockIds = new Set<number>();
  const headed = new Set<number>();
  const matched: Sentence[] = [];
  const evidence: Evidence[] = [];
  const quoted = new Set<string>();
  const cite = (ev: Evidence) => {
    const key = `${ev.anchor?.blockId}:${ev.anchor?.start}`;
    if (quoted.has(key)) return;
    quoted.add(key);
    evidence.push(ev);
  };
  const excluded = new Set(spec.excludeRoles ?? []);

  const firstSentences = (block: Block, n: number): Evidence[] =>
    (sentencesOf[block.id] ?? []).slice(0, n).map((s) => evidenceFromSentence(paper, s));

  for (const block of paper.blocks) {
    if (block.role === 'references' || block.kind === 'reference' || block.kind === 'heading') continue;
    if (!block.text.trim()) continue;
    const own = sentencesOf[block.id] ?? [];
    const blockMay = (group: LiteralGroup) => mayHold(scannedBlock(layout, block), group);

    // 1. Under a heading that names the statement.
    if (headingMatches(block, spec.heading)) {
      const declared = DECLARATION_ROLES.has(block.role) || block.kind === 'footnote';
      const outside = outsideBody(block, bounds);
      const cued = spec.headingBodyCue ? spec.headingBodyCue.test(block.text) : true;
      const phrased = own.some((s) => mayHold(s, groups.phrases) && phrases.strong(s.text, phrases.mayMatch(s)));
      // A declarations block outside the argument is a statement whatever it says ("GY is an employee
      // of PLoS"); a heading inside the body (a Results subsection on "Funding") needs a stating phrase.
      const headingCounts = !(spec.headingExcludeRoles ?? []).includes(block.role);
      // A top-level declarations section that says something of the kind counts wherever a
      // publisher or a PDF's reading order put it (not a labelled paragraph inside a Results theme).
      const placedEnough =
        headingCounts &&
        ((declared && (outside || (cued && spec.heading.test(block.sectionPath[0] ?? '')))) || (outside && cued) || (spec.headingAnywhere === true && cued));
      if (placedEnough || phrased) {
        blockIds.add(block.id);
        headed.add(block.id);
        for (const ev of firstSentences(block, 2)) cite(ev);
        continue;
      }
    }

    // 2. An inline label at the start of the block or of a sentence.
    // In the body a label may be a theme name ("Funding: participants said…"), so it must state something.
    // (Position, not role: an extractor may already have given a labelled paragraph the declarations role.)
    const inBody = block.kind !== 'footnote' && !outsideBody(block, bounds);
    // The rest of a labelled sentence states something, or its block does.
    const statesInBlock = () => {
      if (!blockMay(groups.phrases)) return false;
      const mask = phrases.mayMatch(scannedBlock(layout, block));
      return phrases.strong(block.text, mask) || phrases.methods(block.text, mask) || phrases.backMatter(block.text, mask);
    };
    const states = (after: string) => NULL_STATEMENT.test(after) || statesInBlock();
    const labelled = own.find((s) => {
      if (!mayHold(s, groups.label)) return false;
      const end = labelEnd(s.text, spec.label);
      if (end >= 0) return !inBody || states(s.text.slice(end));
      // Back matter whose label ran into its text without a stop ("Competing interests AB was a
      // member of…", "Funding The first author holds…"): the rest must read as such a statement.
      if (inBody || s.start !== 0 || !spec.headingBodyCue) return false;
      const runIn = runInLabelEnd(s.text, spec.label);
      return runIn >= 0 && spec.headingBodyCue.test(block.text.slice(runIn));
    });
    if (labelled) {
      blockIds.add(block.id);
      headed.add(block.id);
      matched.push(labelled);
      cite(evidenceFromSentence(paper, labelled));
      continue;
    }
    // A capitalised label with a colon inside running text, outside the body: PDF front-page notes
    // and two-column text mashed into one block ("…Attribution, Fonte de financiamento: CAPES…").
    // Both label forms below are possible only outside the body or in short blocks: a body
    // paragraph is then not scanned a second time (its sentences were, above).
    const midTextPossible = !inBody || block.role === 'abstract';
    const labelInBlock = (midTextPossible || block.text.length <= BARE_LABEL_MAX) && blockMay(groups.label);
    if (labelInBlock && midTextPossible) {
      const mid = midTextLabel(block.text, spec.label);
      if (mid) {
        blockIds.add(block.id);
        headed.add(block.id);
        cite(evidenceFromSpan(block, mid.start, mid.end));
        continue;
      }
    }
    if (labelInBlock && isBareLabel(block.text, spec.label)) {
      const next = paper.blocks[block.id + 1];
      if (next && next.kind !== 'heading' && next.role !== 'references' && next.text.trim()) {
        blockIds.add(next.id);
        headed.add(next.id);
        cite(evidenceFromSpan(next, 0, Math.min(next.text.length, firstSentenceEnd(next))));
        cite(evidenceFromSpan(block, 0, block.text.length));
      }
      continue;
    }

    // 3. Phrases that state it.
    // In an excluded role (an introduction reviewing the literature), only sentences about the
    // authors' own earlier work count, as if reported in the methods.
    const ownWorkOnly = excluded.has(block.role);
    if (ownWorkOnly && !spec.ownWorkInExcludedRoles) continue;
    const back = isBackMatter(block, bounds);
    const reportsMethods = back || block.role === 'methods' || ownWorkOnly;
    // Whether the block sits under another declaration's heading: asked only once a sentence could state it.
    let foreign: boolean | undefined;
    for (let si = 0; si < own.length; si++) {
      const s = own[si]!;
      // Rejections below only ever drop a match, so a sentence no phrase can match is done.
      if (!mayHold(s, groups.phrases)) continue;
      if (ownWorkOnly && !aboutOwnWork(own, si)) continue;
      if (groups.rejects?.(s) || looksLikeTableCells(s.text)) continue;
      foreign ??= !!spec.foreignDeclarations && inForeignDeclaration(block, spec.foreignDeclarations, spec.heading);
      if (foreign && !spec.foreignDeclarations!.accept(s.text)) continue;
      const mask = phrases.mayMatch(s);
      const strong = phrases.strong(s.text, mask);
      const weak =
        back &&
        !(spec.notUnder && headingMatches(block, spec.notUnder) && !headingMatches(block, spec.heading)) &&
        phrases.backMatter(s.text, mask);
      const procedural = reportsMethods && phrases.methods(s.text, mask);
      if (strong || weak || procedural) {
        blockIds.add(block.id);
        matched.push(s);
        cite(evidenceFromSentence(paper, s));
      }
    }
  }
  return { found: blockIds.size > 0, evidence: evidence.slice(0, 6), blockIds: [...blockIds].sort((a, b) => a - b),
    sentences: matched,
    headedBlockIds: [...headed].sort((a, b) => a - b),
  };
}

const CITED = /\[\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\]|\([^()]*\b(?:19|20)\d{2}[a-z]?\)|\bet al\b/;
const FIRST_PERSON = /\b(?:we|our|us)\b/i;

/**
 * A sentence of an introduction that reports the authors' own earlier work ("Through this
 * process, the sessions were designed with young adults… Our design project produced…"): it cites
 * nobody, and it or a sentence next to it speaks in the first person plural.
 */
function aboutOwnWork(sentences: Sentence[], i: number): boolean {
  const s = sentences[i]!;
  if (CITED.test(s.text)) return false;
  return [sentences[i - 1], s, sentences[i + 1]].some((x) => x !== undefined && FIRST_PERSON.test(x.text));
}

/**
 * Cells of a table run together into text ("Yes 2 (11) 3 (19) No Patient engagement, n (%) 16 (89)…"):
 * mostly numbers. Words that happen to sit side by side there state nothing.
 */
export function looksLikeTableCells(text: string): boolean {
  const tokens = text.split(/\s+/);
  if (tokens.length < 12) return false;
  let numeric = 0;
  for (const t of tokens) if (/^[(\[]?[\d.,%\u2013-]+[)\]]?[,;]?$/.test(t) && /\d/.test(t)) numeric++;
  return numeric >= 8 && numeric / tokens.length >= 0.4;
}

/** Under another declaration's heading (and not under this statement's own), or opening with its label. */
function inForeignDeclaration(block: Block, foreign: { heading: RegExp; label: string }, own: RegExp): boolean {
  if (headingMatches(block, own)) return false;
  return headingMatches(block, foreign.heading) || labelEnd(block.text, foreign.label) >= 0;
}

/** `Label: text` anywhere in a block; the label must be capitalised as a label is. */
export function midTextLabel(text: string, label: string): { start: number; end: number } | null {
  const re = cachedRegex(MID_TEXT_LABEL, label, () => new RegExp(`(?:^|[\\s.;,|])((?:${label})(?:\\s+statements?)?)\\s*:\\s*(?=\\S)`, 'gi'));
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!/^[A-Z\u00C0-\u00DD]/.test(m[1]!)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    const stop = /[.!?](?:\s|$)/g;
    stop.lastIndex = m.index + m[0].length;
    const s = stop.exec(text);
    const end = Math.min(s ? s.index + 1 : text.length, start + 300);
    return { start, end };
  }
  return null;
}

function firstSentenceEnd(block: Block): number {
  const m = /[.!?](?:\s|$)/.exec(block.text);
  return m ? m.index + 1 : block.text.length;
}

/** "a, b and c" */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Whether the paper is research with or about people (participants, patients, lived experience),
 * where positionality and involvement statements are expected. In a study of mice or graphene
 * their absence is worth a note, not a caution.
 */
export function isResearchWithPeople(ctx: AnalysisContext): boolean {
  let answer = WITH_PEOPLE.get(ctx);
  if (answer === undefined) WITH_PEOPLE.set(ctx, (answer = countsPeople(ctx)));
  return answer;
}

/** Asked by two checks of one analysis; the answer is read from the sentences once. */
const WITH_PEOPLE = new WeakMap<AnalysisContext, boolean>();

const PEOPLE = guardedTest(
  /\b(?:participants?|patients?|in-?patients|out-?patients|service[- ]users?|lived experience|people with|individuals|adults|adolescents|children|carers|caregivers|respondents|interviewees|peer support|mental health|consumers|survivors|volunteers)\b/i,
);

function countsPeople(ctx: AnalysisContext): boolean {
  let n = 0;
  for (const s of ctx.sentences) {
    const b = ctx.paper.blocks[s.blockId]!;
    if (b.role === 'references' || b.kind === 'reference') continue;
    if (PEOPLE(s) && ++n >= 3) return true;
  }
  return false;
}
