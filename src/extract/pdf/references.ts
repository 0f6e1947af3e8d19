/**
 * Splitting the lines of a reference list into entries. Lines arrive in reading order, already
 * across columns and pages; each cue below is judged per line against its own column's left
 * edge, so entries that run over a column or page break stay whole.
 *
 * Cues, strongest first:
 * 1. Numbering: "1.", "[1]", "(1)", "1 " — accepted only when the numbers run in sequence
 *    (a continuation line starting "12:345" or "2009;" is not entry 12 or 2009).
 * 2. Hanging indent (author–year styles): first lines flush with the column edge, continuation
 *    lines indented.
 * 3. First-line indent: the opposite.
 * 4. Vertical gaps between entries larger than the line spacing.
 * 5. Fallback: a line after one that ends an entry (full stop, page range, DOI, URL) that starts
 *    like an author name ("Smith, J.", "Smith J", "van der Berg, A."), after a short line or with
 *    its year in the line ("Smith, J. and Lee, K. (2004)").
 */
import { ascending, type Line } from './lines';

const NUMBER_START = /^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)](?!\d)|(\d{1,4})(?=\s+\S))/;

function leadingNumber(text: string): number | null {
  const m = NUMBER_START.exec(text);
  if (!m) return null;
  return Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** Entry starts by sequential numbering, or null if the list is not numbered. */
function numberedStarts(lines: Line[], left: LeftEdges): boolean[] | null {
  const starts = lines.map(() => false);
  let expected = -1;
  let found = 0;
  lines.forEach((l, i) => {
    const n = leadingNumber(l.text);
    if (n === null) return;
    if ((expected < 0 && n <= 2) || n === expected) {
      // A number in the middle of the line's text block (not at its column edge) is not a label.
      if (indentOf(l, left) > 3 * l.h) return;
      starts[i] = true;
      expected = n + 1;
      found++;
    }
  });
  // A numbered list starts numbering at its first line; numbers met only later belong to
  // something else (a numbered table after an author–year list).
  const firstStart = starts.indexOf(true);
  return found >= 3 && found >= lines.length * 0.08 && firstStart >= 0 && firstStart <= 1 ? starts : null;
}

/**
 * Each line's left edge for indent decisions: its column's edge, or the leftmost line of the
 * list in that column piece when that lies further left. A list running over onto a page where it
 * fills only a few lines (mostly continuation lines) gets a column edge measured at the indent.
 */
function listLeftEdges(lines: Line[]): Map<Line, number> {
  const minByPiece = new Map<string, number>();
  const piece = (l: Line) => `${l.page}:${l.col}`;
  // Only lines that open like an entry ("Smith, J.") may move the edge: a stray fragment set
  // left of the column (a page number, a misplaced line) must not make every line look indented.
  for (const l of lines) if (AUTHOR_START.test(l.text)) minByPiece.set(piece(l), Math.min(minByPiece.get(piece(l)) ?? Infinity, l.x0));
  return new Map(lines.map((l) => [l, Math.min(l.colLeft, minByPiece.get(piece(l)) ?? Infinity)]));
}

type LeftEdges = Map<Line, number>;

function indentOf(l: Line, left: LeftEdges): number {
  return l.x0 - (left.get(l) ?? l.colLeft);
}

/** Entry starts by hanging indent (first line out, rest in), or null if that is not the layout. */
function hangingStarts(lines: Line[], left: LeftEdges): boolean[] | null {
  let outdented = 0;
  let indented = 0;
  for (const l of lines) {
    const ind = indentOf(l, left);
    if (ind < 0.4 * l.h) outdented++;
    else if (ind < 5 * l.h) indented++;
  }
  if (outdented < 2 || indented < Math.max(2, lines.length * 0.15)) return null;
  // With hanging indents, entries start out and continue in; an indented line right after a
  // column break is a continuation, which the rule already gives.
  const starts = lines.map((l) => indentOf(l, left) < 0.4 * l.h);
  // First-line-indent layout would show mostly outdented lines with fewer indented ones that
  // follow a line ending in a full stop; choose whichever reading puts more starts after "." lines.
  const firstIndent = lines.map((l) => {
    const ind = indentOf(l, left);
    return ind >= 0.4 * l.h && ind < 5 * l.h;
  });
  return endsAfterStop(lines, firstIndent) > endsAfterStop(lines, starts) && indented < outdented ? firstIndent : starts;
}

function endsAfterStop(lines: Line[], starts: boolean[]): number {
  let n = 0;
  for (let i = 1; i < lines.length; i++) if (starts[i] && ENTRY_END.test(lines[i - 1]!.text)) n++;
  return n;
}

/** Entry starts by vertical gaps clearly larger than the list's own line spacing. */
function gapStarts(lines: Line[]): boolean[] | null {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.col === b.col && b.y > a.y) steps.push(b.y - a.y);
  }
  if (steps.length < 4) return null;
  const sorted = [...steps].sort(ascending);
  const step = sorted[Math.floor(sorted.length * 0.25)]!;
  const starts = lines.map((l, i) => {
    if (i === 0) return true;
    const p = lines[i - 1]!;
    if (p.page !== l.page || p.col !== l.col || l.y <= p.y) return null; // decided below
    return l.y - p.y > step * 1.35;
  });
  const gaps = starts.filter((s) => s === true).length;
  if (gaps < 3) return null;
  // Across a column/page break, no gap is measurable: start a new entry when the previous line
  // ended like an entry and this one starts like one.
  return starts.map((s, i) => (s === null ? ENTRY_END.test(lines[i - 1]!.text) && AUTHOR_START.test(lines[i]!.text) : s));
}

const ENTRY_END = /(?:[.)\]]|\d|\/[\w.-]+|\b(?:doi|pmid|pmcid)\S*)\s*$/i;
const AUTHOR_START = /^(?:\p{Lu}[\p{L}'’`-]+(?:\s+(?:van|von|de|der|den|da|di|del|la|le)\b)*,?\s+(?:\p{Lu}\.|\p{Lu}{1,3}\b|\p{Lu}[\p{L}'’-]+,?\s)|(?:van|von|de|der|den|da|di|del|la|le)\s+\p{Lu}|\p{Lu}{2,}[\s,]|[“"‘]?\p{Lu}[\p{L}]+ (?:and|&) )/u;

/**
 * An author–year entry's head within the line: "(2004)" or ", 2004." after the names, near the
 * start. A continuation line that happens to start with a capitalised word rarely has one.
 */
const AUTHOR_YEAR_HEAD = /^[^()]{2,140}?(?:\((?:19|20)\d\d[a-z]?\)|,\s(?:19|20)\d\d[a-z]?\.)/;

function heuristicStarts(lines: Line[]): boolean[] {
  return lines.map((l, i) => {
    if (i === 0) return true;
    const p = lines[i - 1]!;
    const prevShort = p.x1 < p.colRight - 2 * p.h || p.page !== l.page || p.col !== l.col;
    // Plain paragraphs (no indents, no gaps): an entry's last line may fill the column, so a
    // line that opens with names and a year starts an entry even after a full line.
    return (prevShort || AUTHOR_YEAR_HEAD.test(l.text)) && ENTRY_END.test(p.text) && AUTHOR_START.test(l.text);
  });
}

export function splitReferenceLines(lines: Line[]): Line[][] {
  if (!lines.length) return [];
  const left = listLeftEdges(lines);
  const starts = numberedStarts(lines, left) ?? hangingStarts(lines, left) ?? gapStarts(lines) ?? heuristicStarts(lines);
  const entries: Line[][] = [];
  lines.forEach((l, i) => {
    if (starts[i] || !entries.length) entries.push([l]);
    else entries[entries.length - 1]!.push(l);
  });
  return entries;
}
