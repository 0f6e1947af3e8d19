/**
 * The publisher-page DocumentHost: anchors highlight targets to DOM ranges and paints them with
 * the CSS Custom Highlight API (one named highlight per category, styled by a `::highlight()`
 * rule in the PAGE's head, since that is where the painted text lives). Where the API is missing
 * (older Firefox), it wraps the ranges in <mark> elements instead. Re-anchors when the page
 * re-renders (MutationObserver, debounced).
 */
import type { Paper, Block } from '../analysis/model';
import { elementForPath } from '../extract/html';
import { isHidden } from '../extract/html/dom';
import type { DocumentHost, DocumentSelection, HighlightCategory, HighlightGroup, HighlightTarget } from '../sidebar/host';
import { HIGHLIGHT_CATEGORIES, highlightCss, highlightName, pageScheme, type HighlightColours } from '../shared/colour-contrast';
import { buildTextIndex, matchQuote, nonSpaceCount, offsetOfNonSpace, rangeFromIndex, stripSpace, type TextIndex } from './anchoring';

const CATEGORIES = HIGHLIGHT_CATEGORIES;
const FLASH = 'critical-reader-flash';
const CONTEXT = 32;

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
  has(name: string): boolean;
  get(name: string): unknown;
}
type HighlightCtor = new (...ranges: Range[]) => { priority: number };

function highlightApi(win: Window): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  return w.CSS?.highlights && w.Highlight ? { registry: w.CSS.highlights, Highlight: w.Highlight } : null;
}

/** Cooperative yielding so anchoring hundreds of targets never blocks the page for long. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}

export interface PageHighlighterOptions {
  /** Our own UI (the sidebar host), never searched, highlighted or observed. */
  ownUi?: Element;
  /** Force the <mark> fallback (tests). */
  useMarks?: boolean;
  /** The reader's highlight colours (options page); defaults otherwise. */
  colours?: Partial<HighlightColours>;
}

export class PageHighlighter implements DocumentHost {
  readonly kind = 'html' as const;
  private readonly win: Window;
  private readonly api: ReturnType<typeof highlightApi>;
  private readonly style: HTMLStyleElement;
  private groups: HighlightGroup[] = [];
  private readonly ranges = new Map<string, Range>();
  private readonly categoryOf = new Map<string, HighlightCategory>();
  private readonly hidden = new Set<HighlightCategory>();
  private indexCache = new Map<Element, TextIndex>();
  private bodyIndex: TextIndex | null = null;
  private job = 0;
  private marks: HTMLElement[] = [];
  private observer: MutationObserver | null = null;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSelection: Range | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onSelectionChange = () => {
    const sel = this.doc.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const r = sel.getRangeAt(0);
    if (this.isOwnUi(r.commonAncestorContainer)) return;
    this.lastSelection = r.cloneRange();
  };
  /** Resolves when the current anchoring job has painted (tests, benchmarks). */
  painted: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly paper: Paper,
    readonly documentKey: string,
    private readonly options: PageHighlighterOptions = {},
  ) {
    this.win = doc.defaultView ?? window;
    this.api = options.useMarks ? null : highlightApi(this.win);
    this.style = doc.createElement('style');
    this.style.dataset.criticalReader = 'highlights';
    this.style.textContent = this.css();
    (doc.head ?? doc.documentElement).append(this.style);
    doc.addEventListener('selectionchange', this.onSelectionChange);
    this.observe();
  }

  /** New colours from the options page, applied without re-anchoring. */
  setColours(colours: Partial<HighlightColours>): void {
    this.options.colours = colours;
    this.style.textContent = this.css();
  }

  get usesCustomHighlights(): boolean {
    return this.api !== null;
  }

  private css(): string {
    const rules = [highlightCss(this.options.colours ?? {}, pageScheme(this.doc), { marks: !this.api })];
    rules.push(
      this.api
        ? `::highlight(${FLASH}) { background-color: rgb(255 0 170); color: #fff; }`
        : `mark.critical-reader-mark.critical-reader-flash { background-color: rgb(255 0 170); color: #fff; }`,
    );
    return rules.join('\n');
  }

  private isOwnUi(node: Node | null): boolean {
    const ui = this.options.ownUi;
    return !!ui && !!node && (node === ui || ui.contains(node));
  }

  // ---- anchoring -------------------------------------------------------------------------

  private skip = (el: Element) => el === this.options.ownUi || isHidden(el);

  private indexFor(el: Element): TextIndex {
    let idx = this.indexCache.get(el);
    if (!idx) {
      idx = buildTextIndex(el, this.skip);
      this.indexCache.set(el, idx);
    }
    return idx;
  }

  private body(): TextIndex {
    this.bodyIndex ??= buildTextIndex(this.doc.body ?? this.doc.documentElement, this.skip);
    return this.bodyIndex;
  }

  private blockElement(block: Block): Element | null {
    return block.anchor.type === 'dom' ? elementForPath(this.doc, block.anchor.path) : null;
  }

  /** Where the block's own text starts inside its element's space-free text (a block may be a run inside it). */
  private blockStart(index: TextIndex, blockText: string): number {
    const head = stripSpace(blockText.slice(0, 60));
    const at = head ? index.text.indexOf(head) : -1;
    return at < 0 ? 0 : at;
  }

  /** A DOM range for the target, or null when the page no longer holds its text. */
  anchor(target: HighlightTarget): Range | null {
    const block = this.paper.blocks[target.anchor.blockId];
    const exact = stripSpace(target.quote);
    if (!block || !exact) return null;
    const before = block.text.slice(Math.max(0, target.anchor.start - CONTEXT), target.anchor.start);
    const after = block.text.slice(target.anchor.end, target.anchor.end + CONTEXT);
    const sel = { exact, prefix: stripSpace(before), suffix: stripSpace(after) };
    const offsetInBlock = nonSpaceCount(block.text, target.anchor.start);

    const el = this.blockElement(block);
    if (el) {
      const idx = this.indexFor(el);
      const pos = this.blockStart(idx, block.text) + offsetInBlock;
      if (idx.text.startsWith(exact, pos)) return rangeFromIndex(idx, pos, pos + exact.length);
      const found = matchQuote(idx.text, { ...sel, hint: pos });
      if (found >= 0) return rangeFromIndex(idx, found, found + exact.length);
    }
    // The element moved or changed: search the whole page, near where the block's text is.
    const body = this.body();
    const head = stripSpace(block.text.slice(0, 60));
    const blockAt = head ? body.text.indexOf(head) : -1;
    const found = matchQuote(body.text, { ...sel, ...(blockAt >= 0 ? { hint: blockAt + offsetInBlock } : {}) });
    return found >= 0 ? rangeFromIndex(body, found, found + exact.length) : null;
  }

  // ---- DocumentHost ------------------------------------------------------------------------

  setHighlights(groups: HighlightGroup[]): void {
    this.groups = groups;
    this.painted = this.anchorAll();
  }

  private async anchorAll(): Promise<void> {
    const job = ++this.job;
    const ranges = new Map<string, Range>();
    const categoryOf = new Map<string, HighlightCategory>();
    let sliceStart = performance.now();
    for (const group of this.groups) {
      for (const target of group.targets) {
        if (performance.now() - sliceStart > 8) {
          await yieldToPage();
          if (job !== this.job) return;
          sliceStart = performance.now();
        }
        const r = this.anchor(target);
        if (r) {
          ranges.set(target.id, r);
          categoryOf.set(target.id, group.category);
        }
      }
    }
    if (job !== this.job) return;
    this.ranges.clear();
    this.categoryOf.clear();
    for (const [k, v] of ranges) this.ranges.set(k, v);
    for (const [k, v] of categoryOf) this.categoryOf.set(k, v);
    this.paint();
  }

  private rangesOf(category: HighlightCategory): Range[] {
    const out: Range[] = [];
    for (const [id, r] of this.ranges) if (this.categoryOf.get(id) === category) out.push(r);
    return out;
  }

  private paint(): void {
    if (this.api) {
      for (const c of CATEGORIES) {
        const ranges = this.hidden.has(c) ? [] : this.rangesOf(c);
        if (ranges.length) this.api.registry.set(highlightName(c), new this.api.Highlight(...ranges));
        else this.api.registry.delete(highlightName(c));
      }
      return;
    }
    this.withoutObserver(() => {
      this.unwrapMarks();
      for (const c of CATEGORIES) {
        if (!this.hidden.has(c)) for (const r of this.rangesOf(c)) this.marks.push(...wrapRange(r, c));
      }
    });
    // Wrapping split text nodes: cached indexes and ranges are stale, so rebuild ranges lazily.
    this.invalidateIndexes();
  }

  setCategoryVisible(category: HighlightCategory, visible: boolean): void {
    if (visible) this.hidden.delete(category);
    else this.hidden.add(category);
    if (this.api) this.paint();
    else this.setHighlights(this.groups);
  }

  async reveal(target: HighlightTarget): Promise<boolean> {
    await this.painted;
    let range = this.api ? this.ranges.get(target.id) : undefined;
    if (!range || range.collapsed || !range.startContainer.isConnected) range = this.anchor(target) ?? undefined;
    if (!range) return false;
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
    this.flash(range);
    return true;
  }

  private flash(range: Range): void {
    clearTimeout(this.flashTimer);
    if (this.api) {
      const h = new this.api.Highlight(range);
      h.priority = 10;
      this.api.registry.set(FLASH, h);
      this.flashTimer = setTimeout(() => this.api?.registry.delete(FLASH), 1600);
      return;
    }
    let flashed: HTMLElement[] = [];
    this.withoutObserver(() => {
      flashed = wrapRange(range, 'note');
      flashed.forEach((m) => m.classList.add('critical-reader-flash'));
    });
    this.flashTimer = setTimeout(() => this.withoutObserver(() => flashed.forEach(unwrap)), 1600);
  }

  getSelection(): DocumentSelection | null {
    const sel = this.doc.getSelection();
    let range: Range | null = null;
    if (sel && !sel.isCollapsed && sel.rangeCount && !this.isOwnUi(sel.getRangeAt(0).commonAncestorContainer)) range = sel.getRangeAt(0);
    range ??= this.lastSelection;
    if (!range) return null;
    const quote = range.toString().replace(/[\s\u00a0]+/g, ' ').trim();
    if (!quote) return null;
    const located = this.locate(range);
    if (!located) return { quote, anchor: null, prefix: '', suffix: '', section: '' };
    const { block, start, end } = located;
    return {
      quote,
      anchor: { blockId: block.id, start, end },
      prefix: block.text.slice(Math.max(0, start - CONTEXT), start),
      suffix: block.text.slice(end, end + CONTEXT),
      section: block.sectionPath.join(' › '),
    };
  }

  /** The block holding the whole range, with the range's offsets in the block's text. */
  private locate(range: Range): { block: Block; start: number; end: number } | null {
    let best: { block: Block; el: Element; depth: number } | null = null;
    for (const block of this.paper.blocks) {
      const el = this.blockElement(block);
      if (!el || !el.contains(range.startContainer) || !el.contains(range.endContainer)) continue;
      let depth = 0;
      for (let p: Node | null = el; p; p = p.parentNode) depth++;
      if (!best || depth > best.depth) best = { block, el, depth };
    }
    if (!best) return null;
    const pre = this.doc.createRange();
    pre.selectNodeContents(best.el);
    pre.setEnd(range.startContainer, range.startOffset);
    const idx = this.indexFor(best.el);
    const startNw = stripSpace(pre.toString()).length - this.blockStart(idx, best.block.text);
    const lenNw = stripSpace(range.toString()).length;
    if (startNw < 0) return null;
    const start = offsetOfNonSpace(best.block.text, startNw);
    const lastChar = offsetOfNonSpace(best.block.text, startNw + lenNw - 1);
    const end = Math.min(best.block.text.length, lastChar + 1);
    if (stripSpace(best.block.text.slice(start, end)) !== stripSpace(range.toString())) return null;
    return { block: best.block, start, end };
  }

  // ---- page changes -----------------------------------------------------------------------

  private observe(): void {
    const target = this.doc.body;
    if (!target || typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver((records) => {
      if (records.every((r) => this.isOwnUi(r.target))) return;
      clearTimeout(this.rescanTimer);
      this.rescanTimer = setTimeout(() => {
        this.invalidateIndexes();
        // Live ranges follow DOM edits; only re-anchor when some lost their text (re-rendered
        // content), so pages that animate or load ads do not cost a full re-anchoring each time.
        if (this.ranges.size === 0 || [...this.ranges.values()].some((r) => r.collapsed || !r.startContainer.isConnected)) {
          this.setHighlights(this.groups);
        }
      }, 300);
    });
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private withoutObserver(fn: () => void): void {
    fn();
    // Our own <mark> edits are not page changes: drop the records they produced.
    this.observer?.takeRecords();
  }

  private invalidateIndexes(): void {
    this.indexCache = new Map();
    this.bodyIndex = null;
  }

  private unwrapMarks(): void {
    for (const m of this.marks) unwrap(m);
    this.marks = [];
  }

  dispose(): void {
    this.job++;
    clearTimeout(this.rescanTimer);
    clearTimeout(this.flashTimer);
    this.observer?.disconnect();
    this.doc.removeEventListener('selectionchange', this.onSelectionChange);
    if (this.api) {
      for (const c of CATEGORIES) this.api.registry.delete(highlightName(c));
      this.api.registry.delete(FLASH);
    } else {
      this.unwrapMarks();
    }
    this.style.remove();
    this.ranges.clear();
  }
}

/** Wraps each text-node piece of the range in a <mark>; returns the marks (fallback painting). */
function wrapRange(range: Range, category: HighlightCategory): HTMLElement[] {
  const doc = range.startContainer.ownerDocument!;
  const pieces: { node: Text; start: number; end: number }[] = [];
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root.nodeType === 3 ? root.parentNode! : root, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!range.intersectsNode(t)) continue;
    const start = t === range.startContainer ? range.startOffset : 0;
    const end = t === range.endContainer ? range.endOffset : t.length;
    if (end > start && t.data.slice(start, end).trim()) pieces.push({ node: t, start, end });
  }
  const marks: HTMLElement[] = [];
  for (const { node, start, end } of pieces) {
    const middle = start > 0 ? node.splitText(start) : node;
    if (end - start < middle.length) middle.splitText(end - start);
    const mark = doc.createElement('mark');
    mark.className = 'critical-reader-mark';
    mark.dataset.category = category;
    middle.parentNode!.insertBefore(mark, middle);
    mark.append(middle);
    marks.push(mark);
  }
  return marks;
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  mark.remove();
  parent.normalize();
}
