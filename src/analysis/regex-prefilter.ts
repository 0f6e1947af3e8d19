/**
 * Cheap "cannot match" tests for the regexes the checks run over every sentence (statement
 * phrases, population and search wording).
 *
 * Most sentences of a paper state nothing about funding, involvement or positionality, yet each
 * phrase regex was run over each sentence, and irregexp tries a pattern like
 * `\b(?:we|I)\s+(?:\w+\s+){0,3}?(?:searched|updated)\b` at every word. Here the regex's own
 * source is read once to find literal text that every match must contain ("searched" or
 * "updated"); a sentence that contains none of it (case-insensitively) is skipped without running
 * the regex. Derived from the pattern, not written beside it, so the two cannot drift apart. The
 * literals of all such regexes are looked for in one pass over each sentence (literal-groups.ts).
 *
 * Sound by construction for the syntax the rules use (literals, escapes, classes, groups,
 * alternation, quantifiers, anchors, lookarounds); anything the reader does not know makes the
 * regex "always run", never "skip". Regexes with both the `i` and `u` flags are always run:
 * Unicode case folding matches "ſ" for "s", which lower-casing the text would not show.
 */

import { literalGroup, mayHold, type LiteralScanned } from './literal-groups';

/** Literals at least one of which every match contains (lower-cased), or null: no such set. */
type Requirement = string[] | null;

interface Node {
  /** Requirement of the node as a whole. */
  req: Requirement;
  /** When the node always matches exactly this literal text (lower-cased), that text. */
  exact: string | null;
}

const ANY: Node = { req: null, exact: null };
const EMPTY: Node = { req: null, exact: '' };

/** Characters that stand for themselves outside a class (no syntax character, no escape). */
const PLAIN_RUN = /[^\\^$.|?*+()[\]{}]+/y;
/** What may begin a quantifier of the character before it. */
const QUANTIFIER_START = /^[?*+{]$/;

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^[.\\/()[\]{}|?*+^$\-'"’:,;!@#%&=<>~`]$/;

class SourceReader {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  read(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Error('unbalanced');
    return node;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const req: string[] = [];
    for (const b of branches) {
      const r = b.exact !== null && b.exact !== '' ? [b.exact] : b.req;
      if (!r) return ANY;
      req.push(...r);
    }
    const exacts = branches.map((b) => b.exact);
    return { req, exact: exacts.every((e) => e === exacts[0]) ? exacts[0]! : null };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const run = this.literalRun();
      items.push(run ?? this.quantified(this.atom()));
    }
    return concat(items);
  }

  /**
   * A run of plain literal characters ("search" in "search(?:es)?") read at once: most of a
   * source is such text. Read a character at a time, the checks' ~70 patterns took this reader
   * about 30 ms when a page's analysis first loads (the code not yet compiled); by runs, 17 ms.
   * The character before a quantifier is left to `atom` (in "papers?" the run is "paper"); null
   * when fewer than two characters would be read.
   */
  private literalRun(): Node | null {
    PLAIN_RUN.lastIndex = this.i;
    if (!PLAIN_RUN.test(this.src)) return null;
    let end = PLAIN_RUN.lastIndex;
    if (QUANTIFIER_START.test(this.src[end] ?? '')) end--;
    if (end - this.i < 2) return null;
    const text = this.src.slice(this.i, end);
    const lower = text.toLowerCase();
    // A letter whose lower case is not one character: read one at a time (`literal` says ANY).
    if (lower.length !== text.length) return null;
    this.i = end;
    return { req: [lower], exact: lower };
  }

  private quantified(node: Node): Node {
    const c = this.src[this.i];
    let min: number;
    if (c === '?' || c === '*') {
      min = 0;
      this.i++;
    } else if (c === '+') {
      min = 1;
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i));
      if (!m) return node; // a literal "{"
      min = Number(m[1]);
      this.i += m[0].length;
      if (m[2] === undefined && min > 0) {
        if (this.src[this.i] === '?') this.i++;
        return node.exact !== null ? { req: node.req, exact: node.exact.repeat(min) } : { req: node.req, exact: null };
      }
    } else return node;
    if (this.src[this.i] === '?') this.i++; // lazy
    if (min === 0) return ANY;
    // Once or more: the text need not be exactly the literal, but contains it.
    return { req: node.exact ? [node.exact] : node.req, exact: null };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    return this.literal(c);
  }

  private literal(c: string): Node {
    const lower = c.toLowerCase();
    // A letter whose lower case is not one character cannot be compared with lower-cased text.
    if (lower.length !== 1) return ANY;
    return { req: [lower], exact: lower };
  }

  private group(): Node {
    const rest = this.src.slice(this.i);
    const lookaround = /^\(\?<?[=!]/.exec(rest);
    const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(rest);
    // Any other "(?" form (inline modifiers such as "(?i:") is syntax this reader does not know.
    if (rest.startsWith('(?') && !lookaround && !named && !rest.startsWith('(?:')) throw new Error('unknown group');
    const open = lookaround?.[0] ?? named?.[0] ?? (rest.startsWith('(?:') ? '(?:' : '(');
    this.i += open.length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unbalanced');
    this.i++;
    // A lookaround consumes nothing here and may even forbid its text: no requirement.
    return lookaround ? EMPTY : inner;
  }

  private charClass(): Node {
    let j = this.i + 1;
    if (this.src[j] === '^') j++;
    if (this.src[j] === ']') j++;
    while (j < this.src.length && this.src[j] !== ']') j += this.src[j] === '\\' ? 2 : 1;
    if (j >= this.src.length) throw new Error('unbalanced');
    const body = this.src.slice(this.i + 1, j);
    this.i = j + 1;
    // "[Tt]" under case-folding, or any class of one letter in two cases, is that letter.
    const letters = /^([A-Za-z])([A-Za-z])$/.exec(body);
    if (letters && letters[1]!.toLowerCase() === letters[2]!.toLowerCase()) return this.literal(letters[1]!);
    if (/^[A-Za-z]$/.test(body) && this.ignoreCase) return this.literal(body);
    return ANY;
  }

  private escape(): Node {
    const c = this.src[this.i + 1];
    if (c === undefined) throw new Error('dangling escape');
    if (c === 'u' || c === 'x' || c === 'p' || c === 'P' || c === 'c' || c === 'k' || /\d/.test(c)) {
      // Code points, property classes, control characters and back-references: skip their syntax.
      const m = /^\\(?:u\{[\da-fA-F]+\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|[pP]\{[^}]*\}|c[A-Za-z]|k<[^>]*>|\d+)/.exec(this.src.slice(this.i));
      if (!m) throw new Error('unknown escape');
      this.i += m[0].length;
      return ANY;
    }
    this.i += 2;
    if (c === 'b' || c === 'B') return EMPTY;
    if (LITERAL_ESCAPE.test(c)) return this.literal(c);
    return ANY; // \s \w \d \S \W \D \n \t …
  }
}

/** Requirement of a sequence: the most selective of its parts, with adjacent literals merged. */
function concat(items: Node[]): Node {
  const pieces: Node[] = [];
  let run: string | null = null;
  let exact: string | null = '';
  for (const it of items) {
    exact = exact !== null && it.exact !== null ? exact + it.exact : null;
    if (it.exact !== null) {
      run = (run ?? '') + it.exact;
      continue;
    }
    if (run) pieces.push({ req: [run], exact: run });
    run = null;
    pieces.push(it);
  }
  if (run) pieces.push({ req: [run], exact: run });
  let best: Requirement = null;
  for (const p of pieces) if (p.req && (!best || selectivity(p.req) > selectivity(best))) best = p.req;
  return { req: exact !== null && exact !== '' ? [exact] : best, exact };
}

/** Words in nearly every sentence: a requirement naming one of them rules almost nothing out. */
const COMMON = new Set(['the', 'this', 'our', 'and', 'was', 'were', 'are', 'for', 'with', 'that', 'from', 'has', 'have', 'had', 'not', 'all', 'any', 'its', 'their', 'these', 'which', 'who', 'been', 'be']);

/** A set is as selective as its least selective literal; many alternatives weaken it a little. */
function selectivity(req: string[]): number {
  let weakest = Infinity;
  for (const s of req) weakest = Math.min(weakest, COMMON.has(s.trim()) ? 0 : s.length);
  return weakest - req.length / 100;
}

/**
 * Literals (lower-case) one of which every match of `re` contains, or null when the regex must
 * always be run. Literals shorter than three characters are too common to be worth a test.
 */
export function requiredLiterals(re: RegExp): string[] | null {
  if (re.ignoreCase && re.unicode) return null;
  try {
    const req = new SourceReader(re.source, re.ignoreCase).read().req;
    if (!req || req.some((s) => s.length < 3)) return null;
    return [...new Set(req)];
  } catch {
    return null;
  }
}

/**
 * `re.test` on a sentence, preceded by a test for the literals every match needs: the sentence's
 * one scan for all checks' literals (literal-groups.ts) rules most sentences out before the regex
 * runs. `re` must not be global or sticky.
 */
export function guardedTest(re: RegExp): (sentence: LiteralScanned & { text: string }) => boolean {
  if (re.global || re.sticky) throw new Error('guardedTest: global or sticky regexes keep state between tests');
  const group = literalGroup(requiredLiterals(re));
  return (sentence) => mayHold(sentence, group) && re.test(sentence.text);
}
