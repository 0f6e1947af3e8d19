/**
 * Text helpers shared by the checks: sentence splitting with offsets, and turning a span of a
 * block into evidence. Pure string code, no DOM.
 */
import type { Evidence, Occurrence } from './critique';
import type { LiteralScanned } from './literal-groups';
import type { Block, Paper } from './model';

/**
 * Regex source for one letter or digit of any script, for patterns built at run time: anything but
 * white space, ASCII and Latin-1 punctuation or symbols, and the Unicode punctuation, arrow and
 * symbol blocks. Written as a negated range list rather than `[\\p{L}\\p{N}]` because V8 compiles a
 * Unicode property class slowly, above all under the `i` flag: with hundreds of lens patterns
 * that made a paper's first analysis take about a second.
 */
export const WORD_CHAR_SOURCE = '[^\\s!-/:-@\\[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u206f\\u2190-\\u2bff\\u3000-\\u303f\\ufe30-\\ufe4f\\uff00-\\uff0f]';
/** The same without digits: one letter of any script. */
export const LETTER_SOURCE = '[^\\s!-@\\[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u206f\\u2190-\\u2bff\\u3000-\\u303f\\ufe30-\\ufe4f\\uff00-\\uff0f]';

/**
 * A sentence of a block. As `LiteralScanned` (its `source` is the block's text) it keeps which
 * checks' literals it holds (literal-groups.ts).
 */
export interface Sentence extends LiteralScanned {
  blockId: number;
  /** Offsets into the block's text. */
  start: number;
  end: number;
  text: string;
}

/**
 * Abbreviations after which a full stop does not end a sentence. Kept short and general:
 * a missed split only makes a quote longer, a wrong split can cut a definition in half.
 */
const NO_BREAK_BEFORE = /(?:\b(?:e\.g|i\.e|cf|vs|al|etc|approx|Fig|Figs|Tab|No|Vol|pp|Ref|Refs|Dr|Prof|Mr|Mrs|Ms|St|Jr|Sr|Inc|Ltd|Co|ca|viz|resp|Suppl|Eq|Eqs|Sect|Ch|ed|eds)\.|\b[A-Z]\.)$/;

/** Characters at the end of a candidate sentence that NO_BREAK_BEFORE can look at ("approx." + 1, with margin). */
const NO_BREAK_TAIL = 12;

/**
 * Splits one block's text into sentences, keeping offsets so evidence can be anchored. A sentence
 * ends at ".", "!" or "?", then any closing quotes or brackets, then white space before a capital
 * or a digit (perhaps after an opening quote or bracket) — unless the full stop ends an
 * abbreviation or an initial. This runs over every block of a paper: with the boundary read
 * character by character (a regex finds only the candidate stops) and the sentences pushed
 * straight into one list, it takes half the time it took as one regex with a look-ahead.
 */
export function splitSentences(block: Block): Sentence[] {
  const out: Sentence[] = [];
  appendSentences(block, out);
  return out;
}

function appendSentences(block: Block, out: Sentence[]): void {
  const text = block.text;
  let start = 0;
  // The regex only finds the next candidate full stop (quickly, and without a match object).
  const stops = /[.!?]/g;
  while (stops.test(text)) {
    const i = stops.lastIndex - 1;
    const c = text.charCodeAt(i);
    let end = i + 1;
    while (end < text.length && isCloser(text.charCodeAt(end))) end++;
    let next = end;
    while (next < text.length && isSpaceCode(text.charCodeAt(next))) next++;
    if (next === end || next >= text.length) continue;
    let capital = next;
    if (isOpener(text.charCodeAt(capital))) capital++;
    if (!isCapitalOrDigit(text.charCodeAt(capital))) continue;
    stops.lastIndex = next;
    // Only the end of the candidate sentence can match the end-anchored abbreviation pattern; its
    // longest alternative plus the character before it (for `\b`) fits in NO_BREAK_TAIL characters.
    if (c === 0x2e && NO_BREAK_BEFORE.test(text.slice(Math.max(start, i + 1 - NO_BREAK_TAIL), i + 1))) continue;
    pushSentence(out, block.id, text, start, end);
    start = next;
  }
  pushSentence(out, block.id, text, start, text.length);
}

/** `["'”’)\]]`: what may close a sentence after its full stop. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

/** `["'“‘(\[]`: what may open the next sentence before its capital. */
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x5b;
}

function isCapitalOrDigit(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Is this UTF-16 code unit one that `\s` (and `trim`) matches? (Without a regex call per character.) */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function pushSentence(out: Sentence[], blockId: number, text: string, start: number, end: number): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ blockId, start, end, text: text.slice(start, end), source: text, literalMask: 0, scannedGroups: 0 });
}

/** All sentences of the paper in reading order, computed once per analysis. */
export function paperSentences(paper: Paper): Sentence[] {
  const out: Sentence[] = [];
  for (const block of paper.blocks) appendSentences(block, out);
  return out;
}

export function sectionLabel(block: Block): string {
  return block.sectionPath.length ? block.sectionPath.join(' › ') : roleLabel(block.role);
}

function roleLabel(role: Block['role']): string {
  return role === 'other' ? '(no section)' : role[0]!.toUpperCase() + role.slice(1);
}

/** PDF page of a block, when it came from a PDF. */
export function blockPage(block: Block): number | undefined {
  return block.anchor.type === 'pdf' ? block.anchor.page : undefined;
}

/** Evidence quoting `[start, end)` of a block (offsets into the block's text). */
export function evidenceFromSpan(block: Block, start: number, end: number): Evidence {
  const ev: Evidence = {
    quote: block.text.slice(start, end),
    section: sectionLabel(block),
    role: block.role,
    anchor: { blockId: block.id, start, end },
  };
  const page = blockPage(block);
  if (page !== undefined) ev.page = page;
  return ev;
}

export function evidenceFromSentence(paper: Paper, s: Sentence): Evidence {
  return evidenceFromSpan(paper.blocks[s.blockId]!, s.start, s.end);
}

/** Evidence for an occurrence: its sentence, so a reader sees the context; the page paints the term itself. */
export function evidenceFromOccurrence(o: Occurrence): Evidence {
  const ev: Evidence = { quote: o.sentence, section: o.section, role: o.role, anchor: o.anchor, highlight: { start: o.anchor.start, end: o.anchor.end, text: o.match } };
  if (o.page !== undefined) ev.page = o.page;
  return ev;
}

/** Collapses runs of whitespace (incl. non-breaking spaces) to one space and trims. */
export function normaliseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}
