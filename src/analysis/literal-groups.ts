/**
 * One scan of each sentence for the literal text that the checks' sentence-wide regexes need.
 *
 * Most checks ask something of every sentence of a paper: may a lens term occur here (its
 * anchors), may a statement phrase or label (funding, involvement…), does it mention a search,
 * a non-clinical population, people? Each question has a set of literals one of which any
 * match must contain (read from the regex itself: `requiredLiterals` in regex-prefilter.ts), and
 * a sentence holding none of them is ruled out without running the regex. Asked one question at
 * a time, each was a regex alternation run over every sentence (and, for the lens anchors, over
 * a lower-cased copy of it): together about a quarter of the analysis of a PDF. Here every
 * question registers its literals as a group, and one Aho–Corasick pass over a sentence
 * (literal-automaton.ts) answers all of them; the answer is kept on the sentence.
 *
 * Up to 31 groups get a bit. A group registered past that, or with no literal to look for, is
 * `ALWAYS`: it rules nothing out, so a check that uses it is slower, never wrong. Identical
 * literal sets share a group, so compiling the same lens again registers nothing new.
 */
import { foldCase, LiteralAutomaton } from './literal-automaton';

/** A registered group's bit (0–30), or `ALWAYS`. */
export type LiteralGroup = number;

/** The group of a question that no literal can rule out: every text may hold it. */
export const ALWAYS: LiteralGroup = -1;

/**
 * A stretch of text, `source[start, end)`, that remembers which groups it holds, so that it is
 * scanned once. The range is read from its source rather than from a copy: V8 cuts a substring
 * as a view into its parent, and reading a view character by character cost about 9 ns per
 * character here against about 1.4 ns for the parent (sentences are such views of their block).
 */
export interface LiteralScanned {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  /** Bit g: group g has a literal in the range (valid for the first `scannedGroups` groups). */
  literalMask: number;
  /** How many groups existed when the range was scanned (0: not scanned yet). */
  scannedGroups: number;
}

const MAX_GROUPS = 31;
/** Each group's literals, folded as the automaton compares them. */
const groups: string[][] = [];
const groupOfKey = new Map<string, LiteralGroup>();
let automaton: LiteralAutomaton | null = null;

/**
 * Registers a question: `literals` are the texts one of which every text it can say yes to
 * contains (case-insensitively); null or empty means it cannot be ruled out by literals.
 */
export function literalGroup(literals: readonly string[] | null): LiteralGroup {
  if (!literals || literals.length === 0) return ALWAYS;
  const folded = [...new Set(literals.map(foldCase))].sort();
  if (folded.some((l) => l.length === 0)) return ALWAYS;
  const key = folded.join('\u0000');
  const known = groupOfKey.get(key);
  if (known !== undefined) return known;
  const group = groups.length < MAX_GROUPS ? groups.push(folded) - 1 : ALWAYS;
  groupOfKey.set(key, group);
  if (group !== ALWAYS) automaton = null;
  return group;
}

/** The groups that have a literal in `text[from, to)`, a bit each (one pass over it). */
export function groupsIn(text: string, from = 0, to = text.length): number {
  automaton ??= new LiteralAutomaton(groups);
  return automaton.present(text, from, to);
}

/** May `scanned` hold a literal of `group`? Scans it the first time (or again after new groups registered). */
export function mayHold(scanned: LiteralScanned, group: LiteralGroup): boolean {
  if (group === ALWAYS) return true;
  if (group >= scanned.scannedGroups) {
    scanned.literalMask = groupsIn(scanned.source, scanned.start, scanned.end);
    scanned.scannedGroups = groups.length;
  }
  return (scanned.literalMask & (1 << group)) !== 0;
}

/** A whole text to ask `mayHold` about (a block's, say). */
export function scannable(text: string): LiteralScanned {
  return { source: text, start: 0, end: text.length, literalMask: 0, scannedGroups: 0 };
}
