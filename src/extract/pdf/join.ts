/**
 * Joining PDF lines into running text, with words hyphenated at line ends rejoined.
 *
 * Rule for "xxx-" at a line end followed by "yyy" on the next line:
 * 1. If the document itself prints "xxx-yyy" somewhere on one line, keep the hyphen (a real compound).
 * 2. Else if it prints "xxxyyy" somewhere, join without the hyphen (a typesetter's break).
 * 3. Else, lowercase letter + hyphen + lowercase letter: join without the hyphen ("inter-" +
 *    "vention" → "intervention"), unless "xxx" ends in a word that typically forms hyphenated
 *    compounds (peer-, self-, co-, non-, well-, long-, evidence-, …), where the hyphen is kept
 *    ("peer-" + "led" → "peer-led").
 * 4. Anything else ending in a hyphen (digits, capitals: "IL-" + "2", "10.1186/s12913-" + "023")
 *    is joined keeping the hyphen and without a space.
 * A line ending in "/" inside a URL or DOI is joined without a space too.
 */

/** First parts that usually start a real hyphenated compound (kept when the doc gives no evidence). */
const COMPOUND_FIRST_PARTS = new Set([
  // Only first parts that rarely begin an ordinary word broken by a typesetter ("inter-vention",
  // "follow-ing", "part-icipants" are why "inter", "follow", "part" are NOT here).
  'peer', 'self', 'co', 'non', 'well', 'long', 'short', 'evidence', 'user', 'service', 'patient', 'person',
  'community', 'family', 'cross', 'web', 'face', 'one', 'two', 'three', 'lived', 'full', 'first', 'second',
  'cost', 'risk', 'mixed', 'small', 'gender', 'sex', 'age', 'peer', 'youth', 'school', 'text', 'video',
]);

/**
 * The set of a document's words — maximal runs of Latin letters (A–Z, U+00C0–U+024F) with
 * single inner hyphens, lower-cased — kept as pairs of 32-bit hashes in an open-addressing
 * table. Building a Set of strings made a string per word of the paper and was a third of the
 * whole PDF layout; here the text is read once, character by character, and nothing is
 * allocated per word. Two independent 32-bit hashes make a false "known word" about as likely
 * as 1 in 10^15 per lookup for a paper's few thousand words.
 */
export class WordSet {
  private a: Int32Array;
  private b: Int32Array;
  private used: Uint8Array;
  private size = 0;

  /**
   * `expectedWords`: about how many words will be added (repeats included), so the table is
   * allocated once at its final size: growing it step by step allocated and refilled it four
   * times for a typical paper (measured: a tenth of the time spent here).
   */
  constructor(expectedWords = 0) {
    let capacity = 1024;
    while (capacity < 2 * expectedWords && capacity < MAX_INITIAL_CAPACITY) capacity *= 2;
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  /** Adds every word of `text`. */
  addWordsOf(text: string): void {
    let inWord = false;
    let ha = 0;
    let hb = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c |= 32;
      else if (c >= 0xc0 && c <= 0x24f) c = LATIN_LOWER[c - 0xc0]!;
      else if (!(c >= 97 && c <= 122)) {
        if (!inWord) continue;
        // A hyphen between letters is part of the word ("peer-led"); any other character ends it.
        if (c === HYPHEN && i + 1 < text.length && isWordLetter(text.charCodeAt(i + 1))) {
          ha = stepA(ha, HYPHEN);
          hb = stepB(hb, HYPHEN);
        } else {
          this.insert(ha, hb);
          inWord = false;
        }
        continue;
      }
      if (!inWord) {
        inWord = true;
        ha = SEED_A;
        hb = SEED_B;
      }
      if (c === DOTTED_I) {
        // "İ" lower-cases to two code units, "i" and a combining dot above.
        ha = stepA(stepA(ha, 0x69), 0x307);
        hb = stepB(stepB(hb, 0x69), 0x307);
      } else {
        ha = stepA(ha, c);
        hb = stepB(hb, c);
      }
    }
    if (inWord) this.insert(ha, hb);
  }

  /** Is `word` (already lower-cased) one of the words added? */
  has(word: string): boolean {
    let ha = SEED_A;
    let hb = SEED_B;
    for (let k = 0; k < word.length; k++) {
      ha = stepA(ha, word.charCodeAt(k));
      hb = stepB(hb, word.charCodeAt(k));
    }
    const mask = this.a.length - 1;
    for (let i = ha & mask; this.used[i]; i = (i + 1) & mask) if (this.a[i] === ha && this.b[i] === hb) return true;
    return false;
  }

  private insert(ha: number, hb: number): void {
    let mask = this.a.length - 1;
    let i = ha & mask;
    for (; this.used[i]; i = (i + 1) & mask) if (this.a[i] === ha && this.b[i] === hb) return;
    this.a[i] = ha;
    this.b[i] = hb;
    this.used[i] = 1;
    if (++this.size * 2 > this.a.length) {
      // Keep the table at most half full so probes stay short.
      const [a, b, used] = [this.a, this.b, this.used];
      this.a = new Int32Array(a.length * 2);
      this.b = new Int32Array(a.length * 2);
      this.used = new Uint8Array(a.length * 2);
      this.size = 0;
      mask = this.a.length - 1;
      for (let j = 0; j < a.length; j++) if (used[j]) this.insert(a[j]!, b[j]!);
    }
  }
}

/** The largest table allocated up front (about 0.6 MB); a longer document's table grows as needed. */
const MAX_INITIAL_CAPACITY = 1 << 16;
const HYPHEN = 0x2d;
const SEED_A = 0x811c9dc5 | 0;
const SEED_B = 0x1505;
/** FNV-1a and a multiply-add hash: independent enough that a pair collides about never. */
const stepA = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const stepB = (h: number, c: number) => (Math.imul(h, 33) + c) | 0;

function isWordLetter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/** Lower case of each letter U+00C0–U+024F as one code unit (DOTTED_I for U+0130, whose lower case is two). */
const DOTTED_I = -1;
const LATIN_LOWER = new Int32Array(0x24f - 0xc0 + 1);
for (let c = 0xc0; c <= 0x24f; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  LATIN_LOWER[c - 0xc0] = lower.length === 1 ? lower.charCodeAt(0) : DOTTED_I;
}
if (String.fromCharCode(0x130).toLowerCase() !== 'i\u0307') throw new Error('unexpected lower case of U+0130');

/** The decisions below only look this far back into the text joined so far. */
const TAIL = 120;

export class Hyphenation {
  private readonly texts: string[] = [];
  private known: WordSet | null = null;

  /** Feed every line once (before joining) so the document's own spellings are known. */
  learn(text: string): void {
    this.texts.push(text);
    this.known = null;
  }

  /**
   * The document's words, built on first use: most lines do not end in a hyphen, and a paper
   * with no hyphenated breaks never needs them. Latin letters only: the evidence matters for
   * Latin-script hyphenation. A trailing hyphen at a line end is not part of a word.
   */
  private words(): WordSet {
    if (this.known) return this.known;
    let chars = 0;
    for (const text of this.texts) chars += text.length;
    // Distinct words are fewer than words, which average more than five characters with a space.
    const words = new WordSet(chars / 6);
    for (const text of this.texts) words.addWordsOf(text);
    return (this.known = words);
  }

  /** Joins `next` onto `acc` (the text so far), handling a line-end hyphen or URL break. */
  join(acc: string, next: string): string {
    return this.joinAll([acc, next]);
  }

  /**
   * Joins lines into running text (line texts are whitespace-normalised, as `joinFrags` makes
   * them). Most joins are decided by the previous line's last character alone; only a hyphen,
   * slash or full stop there needs the last TAIL characters of the text so far, read from the
   * last parts then (slicing the growing string itself would flatten it on every line).
   */
  joinAll(lines: readonly string[]): string {
    const parts: string[] = [];
    for (const next of lines) {
      if (!next) continue;
      if (parts.length) {
        const joint = this.joint(parts, next);
        if (joint === DROP_HYPHEN) {
          // (A part that was only the hyphen goes: the parts are never empty.)
          const cut = parts.pop()!.slice(0, -1);
          if (cut) parts.push(cut);
        } else if (joint === SPACE) parts.push(' ');
      }
      parts.push(next);
    }
    return parts.join('');
  }

  /** How `next` continues the text so far, `parts` (none of them empty). */
  private joint(parts: readonly string[], next: string): Joint {
    const previous = parts[parts.length - 1]!;
    const last = previous[previous.length - 1];
    if (last === '-') {
      const tail = tailOf(parts);
      const first = lettersBeforeHyphen(tail);
      if (first) {
        const m = /^([\p{L}]+)/u.exec(next);
        if (!m) return ABUT;
        const second = m[1]!;
        const words = this.words();
        const compound = `${first}-${second}`.toLowerCase();
        if (words.has(compound)) return ABUT;
        if (words.has(`${first}${second}`.toLowerCase())) return DROP_HYPHEN;
        const lowerBoth = /^\p{Ll}/u.test(second) && /\p{Ll}$/u.test(first);
        if (lowerBoth) return COMPOUND_FIRST_PARTS.has(lastWordPart(first).toLowerCase()) ? ABUT : DROP_HYPHEN;
        return ABUT;
      }
      if (!/\s/.test(tail[tail.length - 2] ?? '')) return ABUT;
    }
    // A URL or DOI broken after "/" or "." continues without a space.
    // (The cheap test of the next line's start first: most lines ending in "." end a sentence.)
    if ((last === '/' || last === '.') && (last === '/' ? /^[\w%.~/-]/ : /^[a-z\d]/).test(next) && URL_BREAK.test(tailOf(parts))) return ABUT;
    return SPACE;
  }
}

/** The last TAIL characters of the text that `parts` make up. */
function tailOf(parts: readonly string[]): string {
  let tail = '';
  for (let i = parts.length - 1; i >= 0 && tail.length < TAIL; i--) tail = parts[i] + tail;
  return tail.length > TAIL ? tail.slice(-TAIL) : tail;
}

const ABUT = 0;
const DROP_HYPHEN = 1;
const SPACE = 2;
type Joint = typeof ABUT | typeof DROP_HYPHEN | typeof SPACE;

const URL_BREAK = /(?:https?:\/\/|doi\.org\/|www\.|\b10\.\d{4,9}\/)\S*(?:\/|\.(?=$))$/i;

const LETTER = /\p{L}/u;

/** The run of letters right before a final hyphen ("inter" in "… inter-"), or '' if none. */
function lettersBeforeHyphen(s: string): string {
  let i = s.length - 1;
  while (i > 0 && isLetterUnit(s, i - 1)) i--;
  return s.slice(i, s.length - 1);
}

/** `/\p{L}/u` on the code unit at `i`; ASCII, nearly all of it, without a regex call. */
function isLetterUnit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 0x80 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(s[i]!);
}

function lastWordPart(s: string): string {
  const parts = s.split('-');
  return parts[parts.length - 1] ?? s;
}
