/**
 * Geometry stage of PDF layout: text items → lines → per-page reading order (columns) →
 * running headers/footers removed. Pure code over `PdfPageText`, no pdf.js.
 */
import { isSpaceCode } from '../../analysis/text';
import type { PdfPageText, PdfTextItem } from './types';

/**
 * One text item as the layout reads it: a view over the item rather than a copy of its numbers.
 * A paper has thousands of items and every fragment lives until the paper is built, so copies
 * would be copied again by each young-generation collection (an object with four number fields
 * is five heap objects in V8); reading through the item costs nothing once the JIT inlines it.
 */
export class Frag {
  constructor(
    readonly item: PdfTextItem,
    /** Index into the page's `items` (= pdf.js text-content index, for text-layer anchors). */
    readonly index: number,
  ) {}
  get str(): string {
    return this.item.str;
  }
  get x(): number {
    return this.item.x;
  }
  get x1(): number {
    return this.item.x + Math.max(0, this.item.width);
  }
  get y(): number {
    return this.item.y;
  }
  get h(): number {
    return this.item.height > 0 ? this.item.height : 1;
  }
  get font(): string {
    return this.item.fontName;
  }
  get bold(): boolean {
    return this.item.bold === true;
  }
}

/** Left and right edges of a column's text block (not the page's), shared by its lines. */
export interface ColumnEdges {
  left: number;
  right: number;
}

/** One line of text. Its numbers are read through its fragments where they can be, for the same reason as `Frag`'s. */
export class Line {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Every fragment is in one font (a heading set in bold, an all-italic line). */
  readonly uniformFont: boolean;
  readonly bold: boolean;
  /** 0 = left/only column, 1 = right column, -1 = spans the columns. Set by `orderPage`. */
  col = 0;
  /** The column this line sits in; until `orderPage` places it, the line's own extent. */
  column: ColumnEdges | null = null;
  /** The fragment holding most characters: the line's main text. */
  private readonly main: Frag;

  constructor(
    readonly page: number,
    readonly frags: Frag[],
  ) {
    let main = frags[0]!;
    for (const f of frags) if (f.str.length > main.str.length) main = f;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (const f of frags) {
      x0 = Math.min(x0, f.x);
      x1 = Math.max(x1, f.x1);
    }
    this.main = main;
    this.text = joinFrags(frags);
    this.x0 = x0;
    this.x1 = x1;
    this.uniformFont = frags.every((f) => f.font === main.font);
    this.bold = frags.every((f) => f.bold || trimmedLength(f.str) === 0);
  }

  /** Baseline (y grows downwards). */
  get y(): number {
    return this.main.y;
  }
  /** Font size of the line's main text. */
  get h(): number {
    return this.main.h;
  }
  /** Font of the line's main text. */
  get font(): string {
    return this.main.font;
  }
  get colLeft(): number {
    return this.column ? this.column.left : this.x0;
  }
  get colRight(): number {
    return this.column ? this.column.right : this.x1;
  }
}

/** A line that is only a list marker ("12.", "[3]", "•"): the text after it, across a gap, is the same line. */
const MARKER_ONLY = /^\s*(?:[[(]?\d{1,4}[\].):]?|[•·▪‣◦*–-])\s*$/;

/**
 * Joins a line's fragments, adding a space where the gap between them is word-sized. The pieces
 * are joined once, into a flat string: appending them one by one made a chain of string pieces
 * that V8 flattened (copied) whenever its last character was read, and that every later pass
 * over the line's characters read more slowly.
 */
export function joinFrags(frags: Frag[]): string {
  if (frags.length === 1) return tidySpaces(frags[0]!.str);
  const parts: string[] = [];
  let endsInSpace = false;
  let prev: Frag | null = null;
  for (const f of frags) {
    const str = f.str;
    if (prev) {
      const gap = f.x - prev.x1;
      if (gap > 0.15 * Math.min(f.h, prev.h) && !endsInSpace && !isSpaceCode(str.charCodeAt(0))) {
        parts.push(' ');
        endsInSpace = true;
      }
    }
    parts.push(str);
    if (str.length > 0) endsInSpace = isSpaceCode(str.charCodeAt(str.length - 1));
    prev = f;
  }
  return tidySpaces(parts.join(''));
}

/** Runs of white space as one space, trimmed; most lines have single spaces only, tested first. */
function tidySpaces(text: string): string {
  return (hasUnevenSpace(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/**
 * Whitespace other than single spaces (`/[^\S ]|  /`, as `\s` counts U+00A0 and the other Unicode
 * spaces), tested by a loop: a regex call per line cost more than reading the line.
 */
function hasUnevenSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (s.charCodeAt(i + 1) === 0x20) return true;
    } else if (isSpaceCode(c)) return true;
  }
  return false;
}

/** `s.trim().length` without making the trimmed copy (asked of every text item). */
function trimmedLength(s: string): number {
  let start = 0;
  while (start < s.length && isSpaceCode(s.charCodeAt(start))) start++;
  let end = s.length;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  return end - start;
}

/**
 * Groups items into lines in content order. An item joins the current line when its baseline is
 * within half a font height (so superscripts stay on their line) and it continues rightwards
 * without a gap wider than about one em (wider gaps are column gutters or table cells).
 */
export function buildLines(page: PdfPageText): Line[] {
  // A plain loop with the line's numbers in locals: captured by a callback they lived in a
  // closure context, where every update of a fractional number allocated a new heap box.
  const lines: Line[] = [];
  let cur: Frag[] = [];
  let curY = 0;
  let curH = 0;
  let curX1 = 0;
  const items = page.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.rotated || trimmedLength(item.str) === 0) continue;
    const f = new Frag(item, index);
    if (cur.length) {
      const h = Math.max(curH, f.h);
      const sameBaseline = Math.abs(f.y - curY) <= 0.5 * h;
      const gap = f.x - curX1;
      // (The marker test only matters for a gap wider than an em; most items never get there.)
      const continues = gap > -0.5 * h && (gap <= 1.0 * h || (gap <= 4 * h && cur.length <= 2 && MARKER_ONLY.test(cur.map((c) => c.str).join(''))));
      if (!(sameBaseline && continues)) cur = flushLine(lines, page.pageNumber, cur);
    }
    if (!cur.length) {
      curY = f.y;
      curH = f.h;
    } else if (f.h > curH && trimmedLength(f.str) > 1) {
      // The line's baseline is its main text's, not a superscript's.
      curY = f.y;
      curH = f.h;
    }
    cur.push(f);
    curX1 = cur.length > 1 ? Math.max(curX1, f.x1) : f.x1;
  }
  flushLine(lines, page.pageNumber, cur);
  return lines;
}

/** Ends the line being built (unless it holds only blank fragments); returns the next line's fragments. */
function flushLine(lines: Line[], pageNumber: number, frags: Frag[]): Frag[] {
  if (frags.some((f) => trimmedLength(f.str) > 0)) lines.push(new Line(pageNumber, frags));
  return [];
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort(ascending);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Left edge of a set of lines: the smallest x0 that at least two lines share (to within a point),
 * so one outdented stray line does not move the edge, but hanging-indent first lines still count.
 */
function leftEdge(lines: Line[]): number {
  return sharedExtreme(lines.map((l) => l.x0).sort(ascending), 1);
}

function rightEdge(lines: Line[]): number {
  return sharedExtreme(lines.map((l) => l.x1).sort(descending), -1);
}

/**
 * Sort comparators that answer -1, 0 or 1 (NaN compares as equal, as a difference would): a
 * fractional difference is a new heap number on every comparison.
 */
export function ascending(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function descending(a: number, b: number): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/**
 * The first value (in sorted order) that at least a tenth of the lines share to within a point:
 * a footer or a stray label set further out does not move the edge.
 */
function sharedExtreme(xs: number[], dir: 1 | -1): number {
  const need = Math.max(2, Math.ceil(xs.length * 0.1));
  for (let i = 0; i + need - 1 < xs.length; i++) {
    if ((xs[i + need - 1]! - xs[i]!) * dir <= 1) return xs[i]!;
  }
  return xs[0] ?? 0;
}

/**
 * Finds the x of a two-column gutter: the vertical strip in the middle half of the page crossed
 * by the fewest lines, accepted only if both sides hold several long lines of text.
 * Returns null for single-column pages.
 */
export function findGutter(lines: Line[], pageWidth: number): number | null {
  if (lines.length < 6) return null;
  const lo = Math.floor(pageWidth * 0.3);
  const hi = Math.ceil(pageWidth * 0.7);
  // Lines crossing each x: +1 where a line starts, -1 after it ends, then a running sum.
  const crossing = new Int32Array(hi - lo + 2);
  for (const l of lines) {
    const a = Math.max(lo, Math.ceil(l.x0));
    const b = Math.min(hi, Math.floor(l.x1));
    if (!(a <= b)) continue; // also skips a line with no numeric extent (NaN from a broken PDF)
    crossing[a - lo]!++;
    crossing[b - lo + 1]!--;
  }
  for (let i = 1; i < crossing.length; i++) crossing[i]! += crossing[i - 1]!;
  // The middle of the widest run of minimal crossing.
  const width = hi - lo + 1;
  let min = Infinity;
  for (let i = 0; i < width; i++) min = Math.min(min, crossing[i]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < width; ) {
    if (crossing[i] !== min) {
      i++;
      continue;
    }
    let j = i;
    while (j < width && crossing[j] === min) j++;
    if (j - i > bestLen) {
      bestLen = j - i;
      bestStart = i;
    }
    i = j;
  }
  if (bestStart < 0) return null;
  const x = lo + bestStart + bestLen / 2;
  const longLine = pageWidth * 0.25;
  if (min > Math.max(2, lines.length * 0.2)) return twoColumnPart(lines, x, longLine) ? x : null;
  const { left, right } = columnLinesBeside(lines, x, longLine);
  if (left < 2 || right < 2 || left + right < 5) return null;
  return x;
}

/** How many long lines (column text, not a table's short cells) lie wholly left and right of `x`. */
function columnLinesBeside(lines: Line[], x: number, longLine: number): { left: number; right: number } {
  let left = 0;
  let right = 0;
  for (const l of lines) {
    if (!(l.x1 - l.x0 >= longLine)) continue;
    if (l.x1 <= x) left++;
    else if (l.x0 >= x) right++;
  }
  return { left, right };
}

/**
 * A page in one column above and two below (a body that ends in full-width text, then a
 * reference list in two columns), or the reverse: every line crossing `x` lies above (or below)
 * a part of the page in which no line crosses it and both sides hold column text. Too many lines
 * cross `x` for the page-wide test, yet reading that part line by line across both columns would
 * interleave them. The part must be mostly long lines on both sides, as running text in columns
 * is (a table's short cells are not).
 */
function twoColumnPart(lines: Line[], x: number, longLine: number): boolean {
  let firstCrossing = Infinity;
  let lastCrossing = -Infinity;
  for (const l of lines) {
    if (l.x0 < x && l.x1 > x) {
      firstCrossing = Math.min(firstCrossing, l.y);
      lastCrossing = Math.max(lastCrossing, l.y);
    }
  }
  const isColumnPart = (part: Line[]) => {
    if (part.length < 6) return false;
    const { left, right } = columnLinesBeside(part, x, longLine);
    return left >= 3 && right >= 3 && left + right >= 0.6 * part.length;
  };
  return isColumnPart(lines.filter((l) => l.y > lastCrossing)) || isColumnPart(lines.filter((l) => l.y < firstCrossing));
}

/**
 * Justified text stretches word spaces, sometimes past the one-em gap that splits lines. Once
 * the gutter is known, consecutive pieces on one baseline are rejoined when the gap between
 * them is under three ems and does not contain the gutter.
 */
function mergeWideGaps(lines: Line[], gutter: number | null): Line[] {
  const out: Line[] = [];
  // The group of lines to merge is lines[start, i): indices rather than an array per line.
  let start = 0;
  const flush = (end: number) => {
    if (end - start === 1) out.push(lines[start]!);
    else if (end - start > 1) out.push(new Line(lines[start]!.page, lines.slice(start, end).flatMap((g) => g.frags)));
    start = end;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const prev = i > start ? lines[i - 1] : undefined;
    if (prev && Math.abs(prev.y - l.y) <= 0.3 * Math.max(prev.h, l.h) && Math.abs(prev.h - l.h) <= 0.25 * prev.h) {
      const gap = l.x0 - prev.x1;
      const acrossGutter = gutter !== null && prev.x1 <= gutter && l.x0 >= gutter;
      if (gap > 0 && gap < 3 * prev.h && !acrossGutter) continue;
    }
    flush(i);
  }
  flush(lines.length);
  return out;
}

/**
 * A line crossing the gutter that is really a left-column line overflowing it (a long URL or
 * unbreakable string): right-column text sits beside it, or it continues the left-column text
 * directly above it (same font size, same left edge, one line step away).
 */
function isOverflow(line: Line, lines: Line[], gutter: number): boolean {
  for (const o of lines) {
    if (o === line) continue;
    if (o.x0 >= gutter && Math.abs(o.y - line.y) < 0.8 * Math.max(o.h, line.h)) return true;
    const dy = line.y - o.y;
    if (o.x1 <= gutter && dy > 0 && dy < 1.6 * line.h && Math.abs(o.h - line.h) < 0.5 && Math.abs(o.x0 - line.x0) < 1) return true;
  }
  return false;
}

/**
 * Orders a page's lines for reading. On two-column pages, lines spanning the gutter (titles,
 * wide tables, full-width abstracts) cut the page into bands; within a band the left column is
 * read before the right one.
 */
export function orderPage(rawLines: Line[], pageWidth: number): Line[] {
  const gutter = findGutter(rawLines, pageWidth);
  const lines = mergeWideGaps(rawLines, gutter);
  const byY = [...lines].sort((a, b) => ascending(a.y, b.y) || ascending(a.x0, b.x0));
  if (gutter === null) {
    const column: ColumnEdges = { left: leftEdge(byY), right: rightEdge(byY) };
    for (const line of byY) {
      line.col = 0;
      line.column = column;
    }
    return sameBaselineRuns(byY);
  }
  // Spanning means reaching well into the other column: a long URL or unbreakable string that
  // overflows the gutter by a few points is still a left-column line.
  const reach = Math.max(0.15 * (pageWidth - gutter), 0.1 * gutter);
  for (const line of byY) {
    // A short centred heading over both columns crosses the gutter only a little on each side.
    const centred = line.x0 < gutter - line.h && line.x1 > gutter + line.h && Math.abs((line.x0 + line.x1) / 2 - gutter) < 2 * line.h;
    const crosses = centred || (line.x0 < gutter - Math.max(line.h, reach) && line.x1 > gutter + Math.max(3 * line.h, reach));
    line.col = crosses && !isOverflow(line, byY, gutter) ? -1 : line.x0 < gutter ? 0 : 1;
  }
  const leftLines = byY.filter((l) => l.col === 0);
  const rightLines = byY.filter((l) => l.col === 1);
  const spanLines = byY.filter((l) => l.col === -1);
  const left: ColumnEdges = { left: leftEdge(leftLines), right: rightEdge(leftLines) };
  const right: ColumnEdges = { left: leftEdge(rightLines), right: rightEdge(rightLines) };
  const spanning: ColumnEdges = { left: left.left, right: right.right };
  for (const line of byY) line.column = line.col === -1 ? spanning : line.col === 0 ? left : right;
  const out: Line[] = [];
  let bandStart = -Infinity;
  const flushBand = (bandEnd: number) => {
    for (const col of [leftLines, rightLines]) for (const l of col) if (l.y > bandStart && l.y <= bandEnd) out.push(l);
  };
  for (const span of spanLines) {
    flushBand(span.y - 1e-6);
    out.push(span);
    bandStart = span.y - 1e-6;
  }
  flushBand(Infinity);
  return out;
}

/**
 * Lines sharing a baseline on a single-column page (table cells, a label and its value) are kept
 * left-to-right; sorting already did that. Kept as a seam for future cell merging.
 */
function sameBaselineRuns(lines: Line[]): Line[] {
  return lines;
}

/** In the top or bottom margin of a page (of `height`), where running headers, footers and page numbers sit. */
export function inPageMargin(l: Line, height: number): boolean {
  return l.y < height * 0.12 || l.y > height * 0.9;
}

/**
 * Key for recognising the same running header on different pages: digits (page numbers) masked.
 * Line texts are whitespace-normalised already (joinFrags).
 */
function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#');
}

function zoneKey(l: Line, height: number): string {
  return `${runningKey(l.text)}@${Math.round(l.y / (height * 0.02))}`;
}

const PAGE_NUMBER =
  /^(?:page\s*)?\(?\d{1,4}\)?(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^page\s+[ivxlc]+$|^[ivxlc]{1,6}$/i;

/**
 * Drops running headers and footers: lines in the top or bottom margin zone whose text (digits
 * masked) recurs at about the same height on several pages, and bare page numbers ("7",
 * "Page 3 of 12", "- 4 -") in those zones.
 */
export function dropRunningLines(pages: { lines: Line[]; height: number }[]): { lines: Line[]; dropped: number }[] {
  const n = pages.length;
  const pagesByKey = new Map<string, Set<number>>();
  // Each margin line's key, computed once for both passes.
  const keys = new Map<Line, string>();
  pages.forEach((p, i) => {
    for (const l of p.lines) {
      if (!inPageMargin(l, p.height)) continue;
      const key = zoneKey(l, p.height);
      keys.set(l, key);
      let set = pagesByKey.get(key);
      if (!set) pagesByKey.set(key, (set = new Set()));
      set.add(i);
    }
  });
  // Alternating (odd/even) headers repeat on every other page, so a third of the pages suffices.
  const minPages = Math.max(2, Math.ceil(n * 0.3));
  return pages.map((p) => {
    const kept: Line[] = [];
    let dropped = 0;
    for (const l of p.lines) {
      const key = keys.get(l);
      if (key !== undefined) {
        const repeated = n >= 2 && (pagesByKey.get(key)?.size ?? 0) >= minPages;
        if (repeated || PAGE_NUMBER.test(l.text.trim())) {
          dropped++;
          continue;
        }
      }
      kept.push(l);
    }
    return { lines: kept, dropped };
  });
}

export { median };
