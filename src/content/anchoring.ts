/**
 * Text anchoring on live pages, after Hypothesis: a block anchor (element path + offsets into the
 * block's normalised text) is tried first, then a text-quote search (exact quote, scored by the
 * prefix/suffix around it and the distance from where it was), within the block's element first
 * and the whole body last. Matching ignores whitespace entirely, because the extractor and the
 * DOM disagree about spaces (block boundaries, <br>, indentation) but never about the letters.
 */

const WS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]/;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** A root's text with whitespace removed, mapped back character by character to text nodes. */
export interface TextIndex {
  root: Node;
  nodes: Text[];
  /** Text without whitespace. */
  text: string;
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

export function stripSpace(s: string): string {
  let out = '';
  for (const ch of s) if (!WS.test(ch)) out += ch;
  return out;
}

/** Number of non-space characters in `s` before `end`. */
export function nonSpaceCount(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < s.length; i++) if (!WS.test(s[i]!)) n++;
  return n;
}

/** The offset in `s` where its `n`-th non-space character sits (or s.length). */
export function offsetOfNonSpace(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (WS.test(s[i]!)) continue;
    if (seen === n) return i;
    seen++;
  }
  return s.length;
}

export function buildTextIndex(root: Node, skip: (el: Element) => boolean = () => false): TextIndex {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        return SKIP_TAGS.has(el.tagName) || skip(el) ? 2 /* FILTER_REJECT */ : 3 /* FILTER_SKIP */;
      }
      return 1;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const value = t.data;
    const index = nodes.length;
    let pushed = false;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (WS.test(ch)) continue;
      chars.push(ch);
      nodeOf.push(index);
      offsetOf.push(i);
      pushed = true;
    }
    if (pushed) nodes.push(t);
  }
  return { root, nodes, text: chars.join(''), nodeOf: Int32Array.from(nodeOf), offsetOf: Int32Array.from(offsetOf) };
}

/** A DOM range over `[start, end)` of the index's space-free text. */
export function rangeFromIndex(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || end <= start) return null;
  const doc = index.root.ownerDocument ?? (index.root as Document);
  const range = doc.createRange();
  range.setStart(index.nodes[index.nodeOf[start]!]!, index.offsetOf[start]!);
  const last = end - 1;
  range.setEnd(index.nodes[index.nodeOf[last]!]!, index.offsetOf[last]! + 1);
  return range;
}

export interface QuoteSelector {
  /** All space-free. */
  exact: string;
  prefix: string;
  suffix: string;
  /** Expected position in the index text, when known. */
  hint?: number;
}

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Best exact match of the quote: context agreement first (prefix and suffix), closeness to the
 * hint second. Returns the start offset or -1.
 */
export function matchQuote(text: string, sel: QuoteSelector, maxCandidates = 2000): number {
  if (!sel.exact) return -1;
  let best = -1;
  let bestScore = -Infinity;
  let from = 0;
  for (let seen = 0; seen < maxCandidates; seen++) {
    const i = text.indexOf(sel.exact, from);
    if (i < 0) break;
    from = i + 1;
    const before = text.slice(Math.max(0, i - sel.prefix.length), i);
    const after = text.slice(i + sel.exact.length, i + sel.exact.length + sel.suffix.length);
    const context = commonSuffix(before, sel.prefix) + commonPrefix(after, sel.suffix);
    const distance = sel.hint === undefined ? 0 : Math.abs(i - sel.hint);
    const score = context * 1000 - distance;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
