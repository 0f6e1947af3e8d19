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

export class Hyphenation {
  private readonly words = new Set<string>();

  /** Feed every line once (before joining) so the document's own spellings are known. */
  learn(text: string): void {
    // Latin letters only: a Unicode-property regex over the whole paper costs more than the
    // rest of the layout, and the evidence matters for Latin-script hyphenation.
    const re = /[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      // A trailing hyphen at the line end is not evidence; the regex excludes it already.
      this.words.add(m[0].toLowerCase());
    }
  }

  /** Joins `next` onto `acc` (the text so far), handling a line-end hyphen or URL break. */
  join(acc: string, next: string): string {
    if (!acc) return next;
    if (!next) return acc;
    // Only the end of the text so far matters; looking at a short tail keeps joining linear.
    const tail = acc.length > 120 ? acc.slice(-120) : acc;
    const first = tail.endsWith('-') ? lettersBeforeHyphen(tail) : '';
    if (first) {
      const m = /^([\p{L}]+)/u.exec(next);
      if (m) {
        const second = m[1]!;
        const compound = `${first}-${second}`.toLowerCase();
        const joined = `${first}${second}`.toLowerCase();
        const lowerBoth = /^\p{Ll}/u.test(second) && /\p{Ll}$/u.test(first);
        let keepHyphen: boolean;
        if (this.words.has(compound)) keepHyphen = true;
        else if (this.words.has(joined)) keepHyphen = false;
        else if (lowerBoth) keepHyphen = COMPOUND_FIRST_PARTS.has(lastWordPart(first).toLowerCase());
        else keepHyphen = true;
        return keepHyphen ? acc + next : acc.slice(0, -1) + next;
      }
      return acc + next;
    }
    if (/-$/.test(tail) && !/\s-$/.test(tail)) return acc + next;
    // A URL or DOI broken after "/" or "." continues without a space.
    if (/(?:https?:\/\/|doi\.org\/|www\.|\b10\.\d{4,9}\/)\S*(?:\/|\.(?=$))$/i.test(tail) && (/\/$/.test(tail) ? /^[\w%.~/-]/ : /^[a-z\d]/).test(next)) {
      return acc + next;
    }
    return `${acc} ${next}`;
  }
}

const LETTER = /\p{L}/u;

/** The run of letters right before a final hyphen ("inter" in "… inter-"), or '' if none. */
function lettersBeforeHyphen(s: string): string {
  let i = s.length - 1;
  while (i > 0 && LETTER.test(s[i - 1]!)) i--;
  return s.slice(i, s.length - 1);
}

function lastWordPart(s: string): string {
  const parts = s.split('-');
  return parts[parts.length - 1] ?? s;
}
