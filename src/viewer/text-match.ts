/**
 * Matching paper-model text against pdf.js text items (or their text-layer spans).
 *
 * The paper model's block text is normalised by the extractor (single spaces, line-end hyphens
 * rejoined, ligatures expanded) while the text layer shows the raw items. Rather than depend on the
 * extractor's exact joining rules, both sides are reduced to a "match key": NFKC, lower case, no
 * whitespace, no hyphens. Every key character remembers where it came from, so a match in key space
 * maps back to (item, character) positions on one side and to block offsets on the other.
 * Pure functions: no DOM, no pdf.js, so they are unit-tested in Node.
 */

/** A key string plus, for each key character, the index of the source character it came from. */
export interface KeyedText {
  key: string;
  /** `source[i]` = offset in the original string of key character i. */
  source: number[];
}

const DROPPED = /[\s\u00ad\u2010\u2011\u002d]/u;

/** Reduce `text` to its match key, remembering source offsets. */
export function toKey(text: string): KeyedText {
  const parts: string[] = [];
  const source: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast path for ASCII, which is nearly all of a paper's text.
    if (code < 128) {
      if (code <= 32 || code === 45) continue;
      parts.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!);
      source.push(i);
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const start = i;
    if (ch.length === 2) i++;
    if (DROPPED.test(ch)) continue;
    for (const n of ch.normalize('NFKC').toLowerCase()) {
      if (DROPPED.test(n)) continue;
      parts.push(n);
      for (let k = 0; k < n.length; k++) source.push(start);
    }
  }
  return { key: parts.join(''), source };
}

/** A position in a list of item strings. */
export interface ItemPosition {
  item: number;
  offset: number;
}

/** The key of several item strings in sequence, each key character mapped to its item position. */
export interface KeyedItems {
  key: string;
  positions: ItemPosition[];
}

/** Keys items `from..to` (inclusive) of `items`; item indices in the result are absolute. */
export function keyItems(items: readonly string[], from = 0, to = items.length - 1): KeyedItems {
  let key = '';
  const positions: ItemPosition[] = [];
  for (let item = Math.max(0, from); item <= Math.min(to, items.length - 1); item++) {
    const k = toKey(items[item] ?? '');
    key += k.key;
    for (const offset of k.source) positions.push({ item, offset });
  }
  return { key, positions };
}

/** Index of the n-th (0-based) occurrence of `needle` in `hay`, or -1. */
export function nthIndexOf(hay: string, needle: string, n: number): number {
  if (!needle) return -1;
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** How many times `needle` starts in `hay` before key position `before`. */
export function occurrencesBefore(hay: string, needle: string, before: number): number {
  if (!needle) return 0;
  let n = 0;
  let at = hay.indexOf(needle);
  while (at >= 0 && at < before) {
    n++;
    at = hay.indexOf(needle, at + 1);
  }
  return n;
}

/** A character range inside one item: [start, end) in that item's string. */
export interface ItemSegment {
  item: number;
  start: number;
  end: number;
}

/** Turns a key-space range of `keyed` into per-item character segments (in item order). */
export function segmentsFor(keyed: KeyedItems, keyStart: number, keyEnd: number, items: readonly string[]): ItemSegment[] {
  const segments: ItemSegment[] = [];
  for (let k = keyStart; k < keyEnd; k++) {
    const pos = keyed.positions[k];
    if (!pos) break;
    const last = segments[segments.length - 1];
    // The end offset covers the whole source character (surrogate pairs, ligatures expanding to several key chars).
    const charLen = (items[pos.item] ?? '').codePointAt(pos.offset)! > 0xffff ? 2 : 1;
    if (last && last.item === pos.item) last.end = Math.max(last.end, pos.offset + charLen);
    else segments.push({ item: pos.item, start: pos.offset, end: pos.offset + charLen });
  }
  return segments;
}

/** The key-space position of block offset `offset` (first key character at or after it). */
export function keyOffsetOf(keyed: KeyedText, offset: number): number {
  let lo = 0;
  let hi = keyed.source.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyed.source[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface BlockSpan {
  /** The block's text (paper model). */
  text: string;
  /** Item range of the block on its page. */
  firstItem: number;
  lastItem: number;
}

/**
 * Keys computed once per page paint: a page holds hundreds of highlights in a few blocks, and
 * re-keying the block for each one made long papers stall.
 */
export class MatchCache {
  private blocks = new Map<string, KeyedText>();
  private ranges = new Map<string, KeyedItems>();
  constructor(private readonly items: readonly string[]) {}
  blockKey(text: string): KeyedText {
    let k = this.blocks.get(text);
    if (!k) this.blocks.set(text, (k = toKey(text)));
    return k;
  }
  itemsKey(from: number, to: number): KeyedItems {
    const id = `${from}:${to}`;
    let k = this.ranges.get(id);
    if (!k) this.ranges.set(id, (k = keyItems(this.items, from, to)));
    return k;
  }
}

/**
 * Locates block text [start, end) among the page's item strings. The quote's occurrence number
 * within the block picks the right one when a word appears several times; if the block's item range
 * does not contain it (extractor and text layer disagree), the whole page is searched.
 * Returns null when the text cannot be found at all.
 */
export function locateInItems(
  items: readonly string[],
  block: BlockSpan,
  start: number,
  end: number,
  cache: MatchCache = new MatchCache(items),
): ItemSegment[] | null {
  const blockKey = cache.blockKey(block.text);
  const ks = keyOffsetOf(blockKey, start);
  const ke = keyOffsetOf(blockKey, end);
  const needle = blockKey.key.slice(ks, ke);
  if (!needle) return null;
  const nth = occurrencesBefore(blockKey.key, needle, ks);
  const inBlock = cache.itemsKey(block.firstItem, block.lastItem);
  let at = nthIndexOf(inBlock.key, needle, nth);
  if (at < 0) at = inBlock.key.indexOf(needle);
  if (at >= 0) return segmentsFor(inBlock, at, at + needle.length, items);
  const page = cache.itemsKey(0, items.length - 1);
  at = page.key.indexOf(needle);
  return at >= 0 ? segmentsFor(page, at, at + needle.length, items) : null;
}

/**
 * The inverse: a selection given as item positions [from, to) on a page, mapped into a block's text.
 * Returns block offsets, or null when the selected text is not part of the block.
 */
export function locateInBlock(
  items: readonly string[],
  block: BlockSpan,
  from: ItemPosition,
  to: ItemPosition,
): { start: number; end: number } | null {
  const inBlock = keyItems(items, block.firstItem, block.lastItem);
  const before = (p: ItemPosition) => inBlock.positions.findIndex((q) => q.item > p.item || (q.item === p.item && q.offset >= p.offset));
  let ks = before(from);
  let ke = before(to);
  if (ks < 0) return null;
  if (ke < 0) ke = inBlock.key.length;
  const needle = inBlock.key.slice(ks, ke);
  if (!needle) return null;
  const nth = occurrencesBefore(inBlock.key, needle, ks);
  const blockKey = toKey(block.text);
  let at = nthIndexOf(blockKey.key, needle, nth);
  if (at < 0) at = blockKey.key.indexOf(needle);
  if (at < 0) return null;
  const lastSrc = blockKey.source[at + needle.length - 1]!;
  return { start: blockKey.source[at]!, end: lastSrc + 1 };
}

/** One page's part of a block that runs over a page break, with that page's item strings. */
export interface BlockPiece {
  page: number;
  items: readonly string[];
  firstItem: number;
  lastItem: number;
}

export interface PageSegment extends ItemSegment {
  page: number;
}

/**
 * `locateInItems` for a block whose text runs over one or more page breaks: the pieces' item keys
 * are searched as one text, in reading order, so a quote that starts at the foot of one page and
 * ends at the top of the next is found whole and comes back as segments on both pages.
 */
export function locateAcrossPieces(pieces: readonly BlockPiece[], blockText: string, start: number, end: number): PageSegment[] | null {
  const blockKey = toKey(blockText);
  const ks = keyOffsetOf(blockKey, start);
  const ke = keyOffsetOf(blockKey, end);
  const needle = blockKey.key.slice(ks, ke);
  if (!needle) return null;
  const nth = occurrencesBefore(blockKey.key, needle, ks);
  const keyed = pieces.map((p) => keyItems(p.items, p.firstItem, p.lastItem));
  const all = keyed.map((k) => k.key).join('');
  let at = nthIndexOf(all, needle, nth);
  if (at < 0) at = all.indexOf(needle);
  if (at < 0) return null;
  const out: PageSegment[] = [];
  let offset = 0;
  keyed.forEach((k, i) => {
    const from = Math.max(at, offset);
    const to = Math.min(at + needle.length, offset + k.key.length);
    if (from < to) for (const seg of segmentsFor(k, from - offset, to - offset, pieces[i]!.items)) out.push({ ...seg, page: pieces[i]!.page });
    offset += k.key.length;
  });
  return out;
}
