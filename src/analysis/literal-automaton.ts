/**
 * Which of several sets of literals occur in a text, for all sets in one pass over it: an
 * Aho–Corasick automaton over the literals, stepped once per character of the text.
 *
 * It answers, for every sentence of a paper, which of the checks' literal groups it holds
 * (literal-groups.ts: lens term anchors, statement phrases and labels, search and population
 * wording — some 240 literals), and which phrases of a statement spec a sentence may match.
 * A regex alternation of that many literals cannot skip ahead and tries many alternatives at each
 * character; this automaton does a fixed amount of work per character (about 3 ns) and reads
 * the text as it is, where the regexes needed a lower-cased copy of each sentence. Callers pass a
 * range of a whole string rather than a substring of it: V8 reads a substring (a view into its
 * parent) several times slower, character by character.
 *
 * Case folding: a character stands for the lower case of its upper case ("Σ", "σ" and "ς" all
 * read as "σ"; "İ" reads as "i" + combining dot, as `toLowerCase` gives). Two characters that a
 * case-insensitive regex (without the `u` flag) treats as equal, or that lower-case alike, fold
 * alike, so a literal found by either of those ways is found here too: a test that "cannot
 * match" stays sound.
 */

/** The folded text of one UTF-16 code unit (one or two code units). */
function foldUnits(code: number): string {
  const ch = String.fromCharCode(code);
  const upper = ch.toUpperCase();
  // "ß" upper-cases to "SS": such a character is compared as itself, as irregexp does.
  return (upper.length === 1 ? upper : ch).toLowerCase();
}

/** The folded form of a string, code unit by code unit. */
export function foldCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnits(text.charCodeAt(i));
  return out;
}

/** Class 0: a character in no literal (the automaton goes back towards its root). */
const NO_CLASS = 0;
/** In `classOf`: not met yet. */
const UNSEEN = 0xffff;
/** In `classOf`: the character folds to two code units. */
const TWO_UNITS = 0xfffe;

export class LiteralAutomaton {
  /** Folded character → class. */
  private readonly classOfUnit = new Map<number, number>();
  /**
   * Class of every UTF-16 code unit, filled in as characters are first met (UNSEEN until then);
   * TWO_UNITS for a character that folds to two code units (their classes are in `twoUnits`).
   */
  private readonly classOf = new Uint16Array(0x10000).fill(UNSEEN);
  private readonly twoUnits = new Map<number, [number, number]>();
  /** Transitions: `next[state + class]` is the next state; states are stored pre-multiplied by the number of classes. */
  private readonly next: Int32Array;
  /** At `out[state]`: the sets with a literal ending here (including literals inside the one that does). */
  private readonly out: Int32Array;
  private readonly empty: boolean;

  /** At most 31 sets (a bit each); literals as `foldCase` gives them or lower-cased. */
  constructor(sets: readonly (readonly string[])[]) {
    if (sets.length > 31) throw new Error('LiteralAutomaton: at most 31 sets');
    const literals = new Map<string, number>();
    sets.forEach((set, bit) => {
      for (const literal of set) {
        const folded = foldCase(literal);
        if (folded) literals.set(folded, (literals.get(folded) ?? 0) | (1 << bit));
      }
    });
    this.empty = literals.size === 0;
    for (const literal of literals.keys())
      for (let i = 0; i < literal.length; i++) {
        const unit = literal.charCodeAt(i);
        if (!this.classOfUnit.has(unit)) this.classOfUnit.set(unit, this.classOfUnit.size + 1);
      }
    // One class per character the literals use, plus NO_CLASS.
    const width = this.classOfUnit.size + 1;

    // The trie of the literals (-1: no edge yet), then failure links breadth-first, which turn
    // it into a complete transition table. Typed arrays sized for the most states the literals
    // can make: the table is built once per process, often before the JIT has warmed up.
    let maxStates = 1;
    for (const literal of literals.keys()) maxStates += literal.length;
    const edges = new Int32Array(maxStates * width).fill(-1);
    const outs = new Int32Array(maxStates);
    let states = 1;
    for (const [literal, mask] of literals) {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const edge = state * width + this.classOfUnit.get(literal.charCodeAt(i))!;
        if (edges[edge]! < 0) edges[edge] = states++;
        state = edges[edge]!;
      }
      outs[state]! |= mask;
    }
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let k = 0; k < width; k++) {
      const child = edges[k]!;
      if (child < 0) edges[k] = 0;
      else queue[tail++] = child;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      // A literal ending at the failure state ends here too ("hero" inside "superhero").
      outs[state]! |= outs[fail[state]!]!;
      for (let k = 0; k < width; k++) {
        const child = edges[state * width + k]!;
        const viaFail = edges[fail[state]! * width + k]!;
        if (child < 0) edges[state * width + k] = viaFail;
        else {
          fail[child] = viaFail;
          queue[tail++] = child;
        }
      }
    }
    // A transition into a state where literals end is stored complemented (negative), so the scan
    // reads the outputs only there rather than at every character.
    this.next = new Int32Array(states * width);
    this.out = new Int32Array(states * width);
    for (let i = 0; i < states * width; i++) this.next[i] = outs[edges[i]!] ? ~(edges[i]! * width) : edges[i]! * width;
    for (let state = 0; state < states; state++) this.out[state * width] = outs[state]!;
  }

  /** Bit i is set when set i has a literal in `text[from, to)` (compared case-folded). */
  present(text: string, from = 0, to = text.length): number {
    if (this.empty) return 0;
    const { next, out, classOf } = this;
    let state = 0;
    let mask = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      let k = classOf[c]!;
      if (k >= TWO_UNITS) {
        // A character met for the first time, or one that folds to two code units.
        if (k === UNSEEN) k = this.learnClass(c);
        if (k === TWO_UNITS) {
          const [k1, k2] = this.twoUnits.get(c)!;
          state = next[state + k1]!;
          if (state < 0) mask |= out[(state = ~state)]!;
          k = k2;
        }
      }
      state = next[state + k]!;
      if (state < 0) mask |= out[(state = ~state)]!;
    }
    return mask;
  }

  /** The class of a character met for the first time. */
  private learnClass(code: number): number {
    const classes = Array.from(foldUnits(code), (unit) => this.classOfUnit.get(unit.charCodeAt(0)) ?? NO_CLASS);
    if (classes.length === 2) this.twoUnits.set(code, [classes[0]!, classes[1]!]);
    return (this.classOf[code] = classes.length === 2 ? TWO_UNITS : classes[0]!);
  }
}

