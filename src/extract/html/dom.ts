/**
 * Small DOM helpers that work the same in a real browser and in linkedom (Node): only
 * `children`, `childNodes`, `tagName`, `getAttribute`, `parentElement`, `textContent` and
 * `querySelector(All)` are used — no TreeWalker, no computed styles, no layout.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Lower-cased tag name. */
export function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

/**
 * Class and id split into lower-case word parts ("c-article-references__item" → c, article,
 * references, item), so rules can say "a part is `related`" without matching "correlated".
 */
const partsCache = new WeakMap<Element, string[]>();
const NO_PARTS: string[] = [];

export function classParts(el: Element): string[] {
  let parts = partsCache.get(el);
  if (parts) return parts;
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  parts = raw.trim()
    ? raw
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[\s_\-:.]+/)
        .filter(Boolean)
    : NO_PARTS;
  partsCache.set(el, parts);
  return parts;
}

/** Whitespace-normalised text; same result as normaliseSpace in analysis/text.ts, on the hot path. */
export function squash(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/**
 * Hidden by attribute or inline style (computed styles are not available in Node) — unless it is
 * the collapsed panel of a disclosure widget (a control with `aria-expanded` and `aria-controls`
 * naming it): publishers fold reference lists and back matter into such accordions, and the
 * reader can open them, so they are part of the article.
 */
export function isHidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  const hidden = el.hasAttribute('hidden') || (!!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style));
  return hidden && !isCollapsedPanel(el);
}

/** Class parts of the folding panels of accordions and "show more" widgets. */
const DISCLOSURE_PARTS = new Set(['accordion', 'collapse', 'collapsed', 'collapsible', 'expandable', 'expander', 'disclosure']);

function isCollapsedPanel(el: Element): boolean {
  // Named as a folding panel, or inside one's container (Wiley: div.accordion > div.accordion__content).
  const parent = el.parentElement;
  if (classParts(el).some((p) => DISCLOSURE_PARTS.has(p)) || (parent && classParts(parent).some((p) => DISCLOSURE_PARTS.has(p)))) return true;
  const id = el.id;
  if (!id || !/^[\w.:-]+$/.test(id)) return false;
  return !!el.ownerDocument?.querySelector(`[aria-expanded][aria-controls~="${id}"]`);
}

/**
 * Child-index path from `document.body` to `el`, e.g. "0/3/1" = body's 1st element child, its
 * 4th element child, that one's 2nd element child (element children only; text nodes are not
 * counted). "" is the body itself. Used as the `dom` block anchor; a hint only, since pages re-render.
 */
export function pathOf(el: Element, body: Element): string {
  const parts: number[] = [];
  let cur: Element | null = el;
  while (cur && cur !== body) {
    const parent: Element | null = cur.parentElement;
    if (!parent) break;
    parts.push(Array.prototype.indexOf.call(parent.children, cur));
    cur = parent;
  }
  return parts.reverse().join('/');
}

/** The element a `dom` anchor path points at, or null when the page changed under it. */
export function elementForPath(doc: Document, path: string): Element | null {
  let cur: Element | null = doc.body;
  if (!cur) return null;
  if (!path) return cur;
  for (const part of path.split('/')) {
    const i = Number(part);
    const next: Element | undefined = cur.children[i];
    if (!Number.isInteger(i) || !next) return null;
    cur = next;
  }
  return cur;
}

/** Phrasing (inline) elements: their text belongs to the surrounding block. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins',
  'kbd', 'label', 'mark', 'math', 'q', 'ruby', 'rt', 'rp', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr', 'mi', 'mo', 'mn', 'mrow', 'msub', 'msup', 'mfrac', 'msqrt', 'mtext',
]);

/** Text of a subtree, skipping elements for which `skip` is true; <br> becomes a space. */
export function textOf(node: Node, skip: (el: Element) => boolean): string {
  return textOfNodes(Array.from(node.childNodes), skip);
}

/** Text of a run of sibling nodes (loose inline content between block children). */
export function textOfNodes(nodes: Node[], skip: (el: Element) => boolean): string {
  const out: string[] = [];
  collectText(nodes, skip, out);
  return out.join('');
}

function collectText(nodes: ArrayLike<Node>, skip: (el: Element) => boolean, out: string[]): void {
  for (const child of Array.from(nodes)) {
    if (child.nodeType === TEXT_NODE) out.push(child.nodeValue ?? '');
    else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      if (skip(el)) continue;
      const tag = tagOf(el);
      if (tag === 'br') {
        out.push(' ');
        continue;
      }
      const block = !INLINE_TAGS.has(tag);
      if (block) out.push(' ');
      collectText(el.childNodes, skip, out);
      if (block) out.push(' ');
    }
  }
}
