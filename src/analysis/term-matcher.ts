/**
 * Lens-driven term matching: compiles a lens's plain-data variants and sense cues once (cached per
 * lens object), then finds every use of a term in a piece of text and decides its sense.
 * The built-in lens and a reader's own lenses go through exactly this code, so nothing here may
 * know about particular words ("peer", "digital"…): all vocabulary lives in the lens data.
 *
 * Pattern language (variants and cues alike):
 * - case-insensitive; whole words only ("peer" never matches inside "compeer" or "PeerJ");
 * - a word ending in `*` matches any ending ("victimi*" → victimisation, victimization);
 * - a word that is just `*` matches exactly one arbitrary word ("delivered via * app");
 * - words joined by a hyphen or a space match hyphen, space or no space alike
 *   ("co-production" ~ "co production" ~ "coproduction").
 *
 * Matching rules:
 * - Within one term, the longest variant wins at a position, and a match swallows a hyphenated
 *   tail ("peer" matches the whole of "peer-reviewed" and of "peer-to-peer"), so one compound is
 *   one use and its anchor covers the compound a reader sees.
 * - Terms are matched independently: "digital peer support" is one use of the concept AND one use
 *   of "peer" AND of "digital". Counts of a word therefore include the concept's uses, which is
 *   what a reader asking "how is 'peer' used here?" expects.
 * - Sense: cues are found in the sentence (longest cue at each word, not overlapping) and each is
 *   ranked by how close it is to the match — (0) the cue overlaps the match itself (a compound
 *   cue such as "peer review*"), longer first; (1) nothing but spaces/hyphens between cue and
 *   match; (2) at most 3 words between; (3) elsewhere in the sentence, up to 10 words away — and
 *   the best-ranked cue names the sense; ties go to the sense listed first in the lens. A cue that contains the term and overlaps a *different* use of
 *   the term does not count for this one ("peer-reviewed studies of peers": the second "peers"
 *   is not a review sense). A cue that is not part of the match and is negated just before
 *   ("not", "without", "rather than"…) is ignored ("peers, not chatbots").
 */
import type { Lens, LensTerm } from './lens';
import { literalGroup, mayHold, type LiteralGroup, type LiteralScanned } from './literal-groups';
import { firstIndexWhere } from './sorted';
import { WORD_CHAR_SOURCE } from './text';

/** One use of a term in a text. Offsets are into the text that was searched. */
export interface TermHit {
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  sense: string;
  /** The cue that decided the sense, as written; absent when no cue did (the default sense). */
  cue?: string;
  /** The deciding cue was distant (far in the sentence, or in another list item or clause). */
  weak?: boolean;
}

/**
 * Finds phrases of the pattern language in a text in one left-to-right pass.
 * - Prefilter: each phrase has an anchor (its longest literal word, lower-cased); a text that
 *   contains no anchor is skipped with a few `includes` calls — most sentences of a paper.
 * - Otherwise, phrases are indexed in a trie by the literal start of their first word, so at each
 *   word start only the few phrases that can start there are tried (one sticky regex each).
 * A single regex alternation of a hundred phrases, by contrast, tries every alternative at every
 * character and was ~50× slower on a long article.
 */
class PhraseIndex {
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  /** Phrases starting with a `*` word: tried at every word. */
  private readonly anyStart: PhraseEntry[] = [];
  private readonly anchors = new Set<string>();
  /** Some phrase has no literal anchor, so the prefilter cannot rule a text out. */
  private unanchored = false;

  constructor(phrases: { phrase: string; payload: number }[], withTail: boolean) {
    const seen = new Set<string>();
    const candidates: string[][] = [];
    for (const { phrase, payload } of phrases) {
      const trimmed = phrase.trim();
      const key = `${trimmed.toLowerCase()}\u0000${payload}`;
      if (!trimmed || seen.has(key)) continue;
      seen.add(key);
      // Case-sensitive on lower-cased text: a Unicode word class under the `i` flag costs V8 a
      // case-closure computation per regex (about 1 s for a lens on first use); without it, ~0.1 s.
      const entry: PhraseEntry = { re: new RegExp(`(?:${phraseSource(trimmed.toLowerCase())})${withTail ? HYPHEN_TAIL : ''}${AFTER}`, 'uy'), payload };
      const words = trimmed
        .toLowerCase()
        .split(WORD_BREAKS)
        .map((w) => w.replace(/\*$/, ''))
        .filter(Boolean);
      candidates.push(words);
      const first = trimmed.split(WORD_BREAKS)[0]!.replace(/\*$/, '').toLowerCase();
      if (!first) {
        this.anyStart.push(entry);
        continue;
      }
      let node = this.root;
      for (const ch of first) {
        let next = node.next.get(ch);
        if (!next) node.next.set(ch, (next = { next: new Map(), entries: [] }));
        node = next;
      }
      node.entries.push(entry);
    }
    // Anchor of each phrase: its literal word shared by the most phrases (then the longest), so
    // the prefilter needs few checks ("peer" anchors every "… peer support …" variant).
    const shared = new Map<string, number>();
    for (const words of candidates) for (const w of new Set(words)) shared.set(w, (shared.get(w) ?? 0) + 1);
    for (const words of candidates) {
      let anchor = '';
      for (const w of words) {
        const better = !anchor || shared.get(w)! > shared.get(anchor)! || (shared.get(w) === shared.get(anchor) && w.length > anchor.length);
        if (better) anchor = w;
      }
      if (anchor) this.anchors.add(anchor);
      else this.unanchored = true;
    }
  }

  /** Literals one of which every phrase contains (lower-case), or null when some phrase has none. */
  requiredAnchors(): string[] | null {
    return this.unanchored ? null : [...this.anchors];
  }

  /** Longest phrase at each word start, left to right, not overlapping. */
  find(text: string): PhraseSpan[] {
    const lower = lowerCased(text);
    if (!this.unanchored) {
      let any = false;
      for (const a of this.anchors) {
        if (lower.includes(a)) {
          any = true;
          break;
        }
      }
      if (!any) return [];
    }
    // Regexes run on the lower-cased text, whose offsets are the original's unless lower-casing
    // changed its length (e.g. "İ" → "i̇"); then a case-insensitive copy runs on the original.
    const sameOffsets = lower.length === text.length;
    const subject = sameOffsets ? lower : text;
    const test = (e: PhraseEntry, at: number): number => {
      const re = sameOffsets ? e.re : (e.caseless ??= new RegExp(e.re.source, 'iuy'));
      re.lastIndex = at;
      return re.test(subject) ? re.lastIndex : -1;
    };
    const out: PhraseSpan[] = [];
    let prevWord = false;
    for (let p = 0; p < text.length; p++) {
      const isWord = isWordChar(text, p);
      const start = isWord && !prevWord;
      prevWord = isWord;
      if (!start) continue;
      // Walk the trie along the text; every node passed holds phrases that may start here.
      let bestEnd = -1;
      let bestPayload = 0;
      let node: TrieNode | undefined = this.root;
      for (let i = p; i < text.length; i++) {
        node = node.next.get(foldChar(text, i));
        if (!node) break;
        for (const e of node.entries) {
          const end = test(e, p);
          if (end > bestEnd) {
            bestEnd = end;
            bestPayload = e.payload;
          }
        }
      }
      for (const e of this.anyStart) {
        const end = test(e, p);
        if (end > bestEnd) {
          bestEnd = end;
          bestPayload = e.payload;
        }
      }
      if (bestEnd > p) {
        out.push({ start: p, end: bestEnd, payload: bestPayload });
        // Continue after the phrase; the character at its end is not a word character.
        p = bestEnd - 1;
        prevWord = true;
      }
    }
    return out;
  }
}

let lastText = '';
let lastLower = '';
/** Lower-cases a text once even when several terms' matchers read the same sentence in turn. */
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** The lower-cased character at `i` (ASCII without allocating a string). */
function foldChar(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return ASCII_LOWER[c - 65]!;
  if (c < 128) return text[i]!;
  return text[i]!.toLowerCase();
}
const ASCII_LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** Letter or digit at `i` (ASCII fast path; combining marks count as part of a word). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isWordChar(text, i - 1);
  return NON_ASCII_WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: PhraseEntry[];
}

interface PhraseEntry {
  /** Sticky, case-sensitive, for lower-cased text. */
  re: RegExp;
  /** Case-insensitive copy, made only for a text whose lower-casing changes its length. */
  caseless?: RegExp;
  payload: number;
}

interface PhraseSpan {
  start: number;
  end: number;
  payload: number;
}

export interface CompiledTerm {
  term: LensTerm;
  variants: PhraseIndex;
  /** All cues of all senses; a span's payload is the sense's index in `senseIds`. */
  cues: PhraseIndex | null;
  senseIds: string[];
  defaultSense: string;
  /** Words in the longest cue (a hyphen splits words): how far before a use a cue may start. */
  longestCueWords: number;
}

export interface CompiledLens {
  lens: Lens;
  terms: CompiledTerm[];
  /**
   * Each term's anchors as a group of the one scan of each sentence for all checks' literals
   * (literal-groups.ts), so a sentence that can hold none of the terms costs no pass of its own.
   */
  anchorGroups: LiteralGroup[];
}

/** The sense given to uses of a term that has no senses, or when no cue decides. */
export const UNSPECIFIED_SENSE = 'unspecified';

const WORD_CHAR = WORD_CHAR_SOURCE;
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;
/** Hyphen-like characters PDFs and publishers use between the parts of a compound. */
const HYPHENS = '\\-\\u2010\\u2011\\u2012\\u2013';
/** What separates a phrase's words (built once: phrases are split while a lens compiles). */
const WORD_BREAKS = new RegExp(`[${HYPHENS}\\s]+`);
const JOINER = `[${HYPHENS}\\s]?`;
const SEPARATOR = `[${HYPHENS}\\s]`;
/** A hyphenated tail after a match ("-reviewed", "-to-peer", "-led"). */
const HYPHEN_TAIL = `(?:[${HYPHENS}]${WORD_CHAR}+)*`;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for one variant or cue in the pattern language above (no boundaries). */
export function phraseSource(phrase: string): string {
  const words = phrase
    .trim()
    .split(WORD_BREAKS)
    .filter(Boolean);
  // Words join with an optional hyphen or space ("co-production" ~ "coproduction"), except around
  // a wildcard word: there the separator is required, so a wildcard is one whole word. With it
  // optional, "peer * * * * * * * * support" could split one long word among its wildcards in
  // exponentially many ways (a 64-letter word took minutes).
  let out = '';
  words.forEach((w, i) => {
    if (i > 0) out += w === '*' || words[i - 1] === '*' ? SEPARATOR : JOINER;
    if (w === '*') out += `${WORD_CHAR}+(?:['\u2019]${WORD_CHAR}+)?`;
    else if (w.endsWith('*')) out += `${escapeRegex(w.slice(0, -1))}${WORD_CHAR}*`;
    else out += escapeRegex(w);
  });
  return out;
}

function compileTerm(term: LensTerm): CompiledTerm {
  const variants = new PhraseIndex(
    term.variants.map((phrase) => ({ phrase, payload: 0 })),
    true,
  );
  const senses = (term.senses ?? []).filter((s) => s.cues.some((c) => c.trim()));
  const cues = senses.length
    ? new PhraseIndex(
        senses.flatMap((s, i) => s.cues.map((phrase) => ({ phrase, payload: i }))),
        false,
      )
    : null;
  const longestCueWords = Math.max(0, ...senses.flatMap((s) => s.cues.map((c) => c.split(/[^\p{L}\p{N}*]+/u).filter(Boolean).length)));
  return { term, variants, cues, senseIds: senses.map((s) => s.id), defaultSense: term.defaultSense ?? UNSPECIFIED_SENSE, longestCueWords };
}

const cache = new WeakMap<Lens, CompiledLens>();

/** Compiles a lens once; later calls with the same lens object reuse the compiled matchers. */
export function compileLens(lens: Lens): CompiledLens {
  let compiled = cache.get(lens);
  if (!compiled) {
    const terms = lens.terms.map(compileTerm);
    const anchorGroups = terms.map((t) => literalGroup(t.variants.requiredAnchors()));
    compiled = { lens, terms, anchorGroups };
    cache.set(lens, compiled);
  }
  return compiled;
}

/**
 * Which of a compiled lens's terms may occur in a sentence: bit i set unless term i certainly
 * does not (none of its anchors is there). All bits set when the lens has too many terms to tell.
 */
export function termsPossiblyIn(compiled: CompiledLens, sentence: LiteralScanned): number {
  const groups = compiled.anchorGroups;
  if (groups.length > 31) return -1;
  let possible = 0;
  for (let i = 0; i < groups.length; i++) if (mayHold(sentence, groups[i]!)) possible |= 1 << i;
  return possible;
}

const NEGATORS = new Set(['not', 'no', 'non', 'never', 'without', 'excluding', 'except', 'nor']);
const NEGATING_PAIRS = new Set(['rather than', 'instead of', 'other than']);

/** The up-to-`n` words just before `index`, nearest first, lower-cased. */
function wordsBefore(text: string, index: number, n: number): string[] {
  const out: string[] = [];
  let i = index - 1;
  while (out.length < n && i >= 0) {
    while (i >= 0 && !isWordChar(text, i)) {
      // Stop at punctuation that ends a clause: "no data; chatbots were…" is not a negation.
      if (/[.;:!?]/.test(text[i]!)) return out;
      i--;
    }
    const end = i + 1;
    while (i >= 0 && isWordChar(text, i)) i--;
    if (end > i + 1) out.push(text.slice(i + 1, end).toLowerCase());
  }
  return out;
}

/** Whether the three words just before `index` negate what follows ("not chatbots", "rather than AI"). */
export function isNegatedAt(text: string, index: number): boolean {
  const w = wordsBefore(text, index, 4);
  for (let k = 0; k < Math.min(3, w.length); k++) {
    if (NEGATORS.has(w[k]!)) return true;
    if (k + 1 < w.length && NEGATING_PAIRS.has(`${w[k + 1]} ${w[k]}`)) return true;
  }
  return false;
}

/**
 * Beyond this many words a cue says little about a use: long sentences (methods, figure legends)
 * list many unrelated things.
 */
const FAR_CUE_WORDS = 10;

interface Ranked {
  tier: number;
  length: number;
  senseIndex: number;
}

function better(a: Ranked, b: Ranked | null): boolean {
  if (!b) return true;
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.tier === 0 && a.length !== b.length) return a.length > b.length;
  return a.senseIndex < b.senseIndex;
}

/**
 * Finds every use of a term in `text` (normally one sentence: senses are decided from the
 * sentence's words) and gives each a sense.
 */
export function findTermHits(term: CompiledTerm, text: string): TermHit[] {
  const matches = term.variants.find(text);
  if (matches.length === 0) return [];
  if (!term.cues) {
    return matches.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), sense: term.defaultSense }));
  }
  const cueSpans = term.cues.find(text);
  // Linear in the sentence however many uses and cues it holds (a table flattened into one
  // "sentence" can hold hundreds of each): word and clause-break counts are prefix sums, and each
  // use looks only at the cues within reach, found by binary search.
  const index = cueSpans.length ? new SentenceIndex(text) : null;
  const cueWords = index ? cueSpans.map((c) => index.wordAt(c.start)) : [];
  return matches.map((m, mi) => {
    let best: Ranked | null = null;
    let bestSense = term.defaultSense;
    let bestCue: PhraseSpan | null = null;
    if (index) {
      // A cue ending within FAR_CUE_WORDS words before the use starts at most its own length earlier.
      const reachFrom = index.wordAt(m.start) - FAR_CUE_WORDS - term.longestCueWords - 2;
      const reachTo = index.wordAt(m.end) + FAR_CUE_WORDS + 2;
      for (let ci = firstIndexWhere(cueWords.length, (k) => cueWords[k]! >= reachFrom); ci < cueSpans.length && cueWords[ci]! <= reachTo; ci++) {
        const c = cueSpans[ci]!;
        const overlapsThis = c.start < m.end && c.end > m.start;
        let tier: number;
        if (overlapsThis) tier = 0;
        else {
          // A compound cue built around another use of the term belongs to that use.
          if (overlapsAnotherMatch(matches, mi, c)) continue;
          const from = c.start >= m.end ? m.end : c.end;
          const to = c.start >= m.end ? c.start : m.start;
          const gap = index.wordsBetween(from, to);
          if (gap > FAR_CUE_WORDS) continue;
          // A cue in another item of a list or clause ("peer feedback, automated responses, or…")
          // describes that item, not this use: it counts only as a distant cue.
          const broken = index.hasClauseBreak(from, to);
          tier = gap === 0 && !broken ? 1 : gap <= 3 && !broken ? 2 : 3;
        }
        const ranked = { tier, length: c.end - c.start, senseIndex: c.payload };
        // The negation look-back runs only for a cue that would otherwise win.
        if (better(ranked, best) && (overlapsThis || !isNegatedAt(text, c.start))) {
          best = ranked;
          bestSense = term.senseIds[c.payload]!;
          bestCue = c;
        }
      }
    }
    const hit: TermHit = { start: m.start, end: m.end, text: text.slice(m.start, m.end), sense: bestSense };
    if (bestCue) hit.cue = text.slice(bestCue.start, bestCue.end);
    if (best && best.tier === 3) hit.weak = true;
    return hit;
  });
}

/** Whether span `c` overlaps a match other than `matches[self]` (matches are sorted and disjoint). */
function overlapsAnotherMatch(matches: PhraseSpan[], self: number, c: PhraseSpan): boolean {
  const first = firstIndexWhere(matches.length, (j) => matches[j]!.end > c.start);
  for (let j = first; j < matches.length && matches[j]!.start < c.end; j++) if (j !== self) return true;
  return false;
}

/**
 * Prefix counts over one sentence: word starts and clause breaks (a comma, semicolon, colon,
 * bracket or dash between two spans puts them in different list items or clauses).
 */
class SentenceIndex {
  /** starts[i]: word starts at positions < i. */
  private readonly starts: Int32Array;
  /** breaks[i]: clause-break characters at positions < i. */
  private readonly breaks: Int32Array;
  private readonly word: Uint8Array;

  constructor(text: string) {
    const n = text.length;
    this.starts = new Int32Array(n + 1);
    this.breaks = new Int32Array(n + 1);
    this.word = new Uint8Array(n);
    let prev = false;
    for (let i = 0; i < n; i++) {
      const w = isWordChar(text, i);
      this.word[i] = w ? 1 : 0;
      this.starts[i + 1] = this.starts[i]! + (w && !prev ? 1 : 0);
      const c = text.charCodeAt(i);
      const brk = c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 0x2013 || c === 0x2014;
      this.breaks[i + 1] = this.breaks[i]! + (brk ? 1 : 0);
      prev = w;
    }
  }

  /** Number of words that start before `i`: a position's word number. */
  wordAt(i: number): number {
    return this.starts[i]!;
  }

  /** Number of words in text[from, to), a word cut at `from` included. */
  wordsBetween(from: number, to: number): number {
    if (to <= from) return 0;
    const cut = from > 0 && this.word[from] === 1 && this.word[from - 1] === 1 ? 1 : 0;
    return this.starts[to]! - this.starts[from]! + cut;
  }

  hasClauseBreak(from: number, to: number): boolean {
    return to > from && this.breaks[to]! - this.breaks[from]! > 0;
  }
}

/** Rough length of a phrase's literal content, used to try longer phrases first. */
function literalLength(phrase: string): number {
  return phrase.replace(/[*\s\-]/g, '').length;
}

function alternation(phrases: string[]): string {
  return [...new Set(phrases.map((p) => p.trim()).filter(Boolean))]
    .sort((a, b) => literalLength(b) - literalLength(a))
    .map(phraseSource)
    .join('|');
}

/** One regex matching any of the phrases (for checks that only ask "is one of these here?"). */
export function phrasesRegex(phrases: string[]): RegExp {
  return new RegExp(`${BEFORE}(?:${alternation(phrases)})${AFTER}`, 'iu');
}
