/**
 * Author names printed under a PDF's title, for papers whose file carries no author metadata
 * (about half of real PDFs): the exported citation should name them.
 *
 * The lines right after the title are read as a byline while every part of them is a person's
 * name: "Ross G. DOUGLAS∗1, Rajni K. SHARMA†1 and …", "Sahar Salehi1, Maryam Jamali2, …",
 * "Arman Cohan†∗ Sergey Feldman†∗ …" (names parted only by affiliation marks), and
 * "Dennehy, John J; Wang, Ing-Nang" (family name first). Affiliation marks are set as smaller
 * raised text or as symbols (∗ † ‡ §); both end a name. The first line that is not all names
 * (an affiliation, "Abstract") ends the byline. Precision over recall: a lone name counts only
 * with an affiliation mark or written family name first, so a subtitle in capitals is not taken
 * for an author.
 */
import type { Frag, Line } from './lines';

/** Lines of a byline at most (long author lists wrap, but not further). */
const MAX_LINES = 6;
/** Lines between the title and the byline that may be passed over (a subtitle, a translated title). */
const MAX_SKIPPED = 2;

const PARTICLE = /^(?:de|da|do|dos|das|del|della|der|den|di|du|van|von|la|le|y|e|bin|al|el)$/;
/** A capitalised name word ("Ing-Nang", "D'Elios", "McDonald", "DOUGLAS") or initials ("G.", "J.K.", "J-P."). */
const TOKEN = /^(?:\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*|\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}-\p{Lu}\.?)$/u;
/** Capitalised words of affiliations, labels and titles that are never part of a person's name. */
const NOT_NAME =
  /^(?:universit\p{L}*|institut\p{L}*|department|departamento|d[ée]partement|college|school|hospital\p{L}*|cent(?:er|re|ro)|faculty|facultad|faculdade|laborator\p{L}*|research|foundation|fundação|fundación|inc|ltd|corresponding|abstract|resumo|resumen|introduction|background|open|access|article|review|original|journal|editor|received|accepted|published|keywords?|correspondence|email|orcid|and|the|of|for|in)$/iu;
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

/** The names in the byline under `titleLines` among a first page's `lines`, or [] if none is found. */
export function authorsUnderTitle(lines: readonly Line[], titleLines: ReadonlySet<Line>): string[] {
  const end = lines.findLastIndex((l) => titleLines.has(l));
  if (end < 0) return [];
  // The byline may follow a line or two of subtitle or translated title; it is read as one text
  // over its lines, so that a name wrapped at a line end ("Clardy," / "Jon; King, Nicole") stays whole.
  for (let start = end + 1; start <= end + 1 + MAX_SKIPPED && start < lines.length; start++) {
    let best: { names: string[]; marked: boolean } | null = null;
    const parts: { text: string; marked: boolean }[] = [];
    for (let i = start; i < Math.min(lines.length, start + MAX_LINES); i++) {
      // One byline is set in one size: a change of size is a subtitle ending or an affiliation starting.
      if (Math.abs(lines[i]!.h - lines[start]!.h) > 0.15 * lines[start]!.h) break;
      parts.push(withoutMarks(lines[i]!.frags));
      const parsed = bylineNames(parts.map((p) => p.text).join(' '));
      if (parsed) best = { names: parsed.names, marked: parsed.familyFirst || parts.some((p) => p.marked) };
    }
    if (best && (best.names.length >= 2 || best.marked)) return best.names;
  }
  return [];
}

/** The names in a byline's text (marks already "|"), or null when any part of it is not a name. */
function bylineNames(text: string): { names: string[]; familyFirst: boolean } | null {
  // "Family, Given; Family, Given" (or a lone "Family, Given"), else names parted by commas and "and".
  const familyFirst = text.includes(';') || /^[^,|]+,[^,|]+$/.test(text);
  const parts = familyFirst ? text.split(/\s*[;|]\s*/) : text.split(/\s*(?:[|,&]|\band\b)\s*/);
  const names: string[] = [];
  for (const raw of parts) {
    const part = raw.replace(/^\s*and\s+|\s+and\s*$/g, '').trim();
    if (!part) continue;
    const name = familyFirst ? familyFirstName(part) : personName(part);
    if (!name) return null;
    names.push(name);
  }
  return names.length ? { names, familyFirst } : null;
}

/**
 * The line's text with affiliation marks replaced by "|": fragments set smaller and higher than
 * the line's own text, marker symbols, and digits glued to the end of a word.
 */
function withoutMarks(frags: readonly Frag[]): { text: string; marked: boolean } {
  let main = 0;
  for (const f of frags) main = Math.max(main, f.h);
  let text = '';
  let marked = false;
  let prev: Frag | null = null;
  for (const f of frags) {
    const raised = f.h < 0.85 * main;
    if (raised) {
      text += '|';
      marked = true;
    } else {
      if (prev && f.x - prev.x1 > 0.15 * f.h && !text.endsWith(' ')) text += ' ';
      text += f.str;
    }
    prev = f;
  }
  const mark = () => {
    marked = true;
    return '|';
  };
  // Symbols and ORCID iDs anywhere; digits (and lists of them, "3,6") only glued to the end of a word.
  const unmarked = text
    .replace(/[*∗†‡§¶‖#]+|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/g, mark)
    .replace(/(?<=\p{L}\.?)\s*\d+(?:,\d+)*\b/gu, mark);
  // Private-use code points are glyphs the font did not map to text (often a symbol-font mark).
  return { text: unmarked.replace(/[\uE000-\uF8FF]/g, ' ').replace(/\s+/g, ' ').trim(), marked };
}

/** "Ross G. DOUGLAS" → "Ross G. Douglas"; null unless 2–5 name tokens (particles allowed). */
function personName(part: string): string | null {
  if (/[\d@|]/.test(part)) return null;
  const tokens = part.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return null;
  let words = 0;
  for (const [k, t] of tokens.entries()) {
    if (k > 0 && k < tokens.length - 1 && PARTICLE.test(t)) continue;
    if (k === tokens.length - 1 && k > 1 && SUFFIX.test(t)) continue;
    if (!TOKEN.test(t) || NOT_NAME.test(t.replace(/\.$/, ''))) return null;
    if (t.replace(/[.-]/g, '').length > 1) words++;
  }
  // At least one real word ("J. K." alone is not a name), and the last is the family name.
  if (words === 0 || !/\p{L}{2}/u.test(tokens.at(-1)!)) return null;
  return tokens.map(unshout).join(' ');
}

/** "Della Bella, Chiara" → "Chiara Della Bella". */
function familyFirstName(part: string): string | null {
  const m = /^([^,]+),\s*([^,]+)$/.exec(part);
  return m ? personName(`${m[2]} ${m[1]}`) : null;
}

/** A surname printed in capitals ("DOUGLAS", "DO VALE") as it is written in running text. */
function unshout(token: string): string {
  if (SUFFIX.test(token) || !/^\p{Lu}{2,}(?:['’-]\p{Lu}+)*$/u.test(token)) return token;
  return token.toLowerCase().replace(/(^|['’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
