/**
 * `DocumentHost` for the PDF viewer: draws the sidebar's highlights on pdf.js text layers,
 * scrolls to and flashes findings, and turns the reader's text selection into a paper anchor.
 *
 * pdf.js renders pages lazily and evicts old ones, so highlights are kept per page and painted
 * whenever a page's text layer is (re)rendered (`textlayerrendered`), as Hypothesis does. They are
 * overlay rectangles placed in percentages inside the text layer, so zooming (which rescales the
 * layer without re-rendering it) keeps them aligned, and pdf.js's find highlighting (which splits
 * the text nodes of spans) cannot break them.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { EventBus, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import type { Block, Paper, PdfItemRange, TextAnchor } from '../analysis/model';
import type { DocumentHost, DocumentSelection, HighlightCategory, HighlightGroup, HighlightTarget } from '../sidebar/host';
import { MatchCache, locateAcrossPieces, locateInBlock, locateInItems, type BlockSpan, type ItemPosition, type ItemSegment } from './text-match';

type PdfBlock = Block & { anchor: { type: 'pdf'; continues?: PdfItemRange[] } & PdfItemRange };

interface PageTarget {
  category: HighlightCategory | 'reveal';
  target: HighlightTarget;
}

const CONTEXT = 32;

export function isPdfBlock(b: Block | undefined): b is PdfBlock {
  return b?.anchor.type === 'pdf';
}

export function blockSpan(b: PdfBlock): BlockSpan {
  return { text: b.text, firstItem: b.anchor.firstItem, lastItem: b.anchor.lastItem };
}

/** The item ranges of a block, page by page (more than one when it runs over a page break). */
export function blockRanges(b: PdfBlock): PdfItemRange[] {
  const { page, firstItem, lastItem } = b.anchor;
  return [{ page, firstItem, lastItem }, ...(b.anchor.continues ?? [])];
}

/** The text spans of a text layer, in item order (pdf.js appends one span per non-empty item). */
function textSpans(layer: Element): HTMLElement[] {
  return Array.from(layer.querySelectorAll<HTMLElement>('span')).filter(
    (s) => !s.classList.contains('markedContent') && (s.parentElement === layer || s.parentElement?.classList.contains('markedContent')),
  );
}

function textSpanOf(node: Node, layer: Element): HTMLElement | null {
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el && el !== layer) {
    if (el.tagName === 'SPAN' && !el.classList.contains('markedContent') && (el.parentElement === layer || el.parentElement?.classList.contains('markedContent'))) {
      return el as HTMLElement;
    }
    el = el.parentElement;
  }
  return null;
}

/** Character offset of (node, offset) inside `span`, counting its text nodes in order. */
function offsetInSpan(span: HTMLElement, node: Node, offset: number): number {
  if (!span.contains(node)) return 0;
  if (node.nodeType !== Node.TEXT_NODE) {
    // An element boundary: count the text before child `offset`.
    const range = document.createRange();
    range.setStart(span, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  let n = 0;
  const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return n + offset;
    n += t.textContent?.length ?? 0;
  }
  return n;
}

/** A DOM Range over characters [start, end) of `span`, across however many text nodes it holds. */
function rangeInSpan(span: HTMLElement, start: number, end: number): Range | null {
  const range = document.createRange();
  let n = 0;
  let started = false;
  const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const len = t.textContent?.length ?? 0;
    if (!started && start <= n + len) {
      range.setStart(t, Math.max(0, start - n));
      started = true;
    }
    if (started && end <= n + len) {
      range.setEnd(t, Math.max(0, end - n));
      return range;
    }
    n += len;
  }
  return null;
}

export class PdfDocumentHost implements DocumentHost {
  readonly kind = 'pdf' as const;
  readonly documentKey: string;
  private byPage = new Map<number, PageTarget[]>();
  private hidden = new Set<HighlightCategory>();
  private itemStrings = new Map<number, Promise<string[]>>();
  private painted = new Map<string, HTMLElement[]>();
  private waiters = new Map<number, (() => void)[]>();
  private disposed = false;
  private readonly onTextLayer = (e: { pageNumber: number; error?: unknown }) => {
    if (!e.error) void this.paintPage(e.pageNumber);
  };

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly viewer: PDFViewer,
    private readonly eventBus: EventBus,
    private readonly paper: Paper,
    private readonly container: HTMLElement,
  ) {
    this.documentKey = pdfDocumentKey(doc);
    eventBus.on('textlayerrendered', this.onTextLayer);
  }

  setHighlights(groups: HighlightGroup[]): void {
    const reveals = [...this.byPage.values()].flat().filter((t) => t.category === 'reveal');
    this.byPage.clear();
    for (const g of groups) for (const target of g.targets) this.addTarget({ category: g.category, target });
    for (const r of reveals) this.addTarget(r);
    this.repaintRendered();
  }

  setCategoryVisible(category: HighlightCategory, visible: boolean): void {
    if (visible) this.hidden.delete(category);
    else this.hidden.add(category);
    this.container.classList.toggle(`cr-hide-${category}`, !visible);
    // What shows as a fill where highlights overlap depends on which categories are shown.
    this.repaintRendered();
  }

  async reveal(target: HighlightTarget): Promise<boolean> {
    const block = this.paper.blocks[target.anchor.blockId];
    if (!isPdfBlock(block)) return false;
    const page = await this.startPage(block, target);
    let temporary: PageTarget | null = null;
    if (!this.painted.has(target.id)) {
      // Not among the highlights (or its category is hidden): show it with a temporary mark.
      temporary = { category: 'reveal', target };
      this.addTarget(temporary);
    }
    const painted = this.waitForPaint(page);
    this.viewer.scrollPageIntoView({ pageNumber: page });
    if (this.isRendered(page)) await this.paintPage(page);
    else await Promise.race([painted, new Promise((r) => setTimeout(r, 8000))]);
    const els = (this.painted.get(target.id) ?? []).filter((el) => el.isConnected);
    const first = els[0];
    if (!first) {
      if (temporary) for (const [p, list] of this.byPage) this.byPage.set(p, list.filter((x) => x !== temporary));
      return false;
    }
    first.scrollIntoView({ block: 'center', inline: 'nearest' });
    // A quote running over a page break is flashed on the next page too, once that page is drawn.
    for (const other of this.pagesOf(block)) if (other !== page && this.isRendered(other)) await this.paintPage(other);
    for (const el of (this.painted.get(target.id) ?? []).filter((e) => e.isConnected && !els.includes(e))) els.push(el);
    for (const el of els) {
      el.classList.remove('cr-flash');
      void el.offsetWidth; // restart the animation
      el.classList.add('cr-flash');
    }
    if (temporary) {
      const t = temporary;
      setTimeout(() => {
        for (const [p, list] of this.byPage) this.byPage.set(p, list.filter((x) => x !== t));
        for (const el of this.painted.get(t.target.id) ?? []) if (el.classList.contains('cr-hl-reveal')) el.remove();
      }, 2500);
    }
    return true;
  }

  getSelection(): DocumentSelection | null {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const startEl = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const pageDiv = startEl?.closest<HTMLElement>('.page[data-page-number]');
    const layer = startEl?.closest('.textLayer') ?? pageDiv?.querySelector('.textLayer');
    if (!pageDiv || !layer) return null;
    const page = Number(pageDiv.dataset.pageNumber);
    const quote = sel.toString().replace(/\s+/g, ' ').trim();
    if (!quote) return null;
    const spans = textSpans(layer).filter((s) => range.intersectsNode(s));
    const firstSpan = spans[0];
    const lastSpan = spans[spans.length - 1];
    let anchor: TextAnchor | null = null;
    let block: PdfBlock | undefined;
    if (firstSpan && lastSpan) {
      const all = textSpans(layer);
      const items = this.cachedDomItems(page, layer, all);
      if (items) {
        const itemOf = (span: HTMLElement) => items.spanToItem[all.indexOf(span)] ?? -1;
        const startSpan = textSpanOf(range.startContainer, layer) ?? firstSpan;
        const endSpan = textSpanOf(range.endContainer, layer) ?? lastSpan;
        const from: ItemPosition = { item: itemOf(startSpan), offset: startSpan === textSpanOf(range.startContainer, layer) ? offsetInSpan(startSpan, range.startContainer, range.startOffset) : 0 };
        const to: ItemPosition = {
          item: itemOf(endSpan),
          offset: endSpan === textSpanOf(range.endContainer, layer) ? offsetInSpan(endSpan, range.endContainer, range.endOffset) : (endSpan.textContent ?? '').length,
        };
        const at = this.blockAt(page, from.item);
        block = at?.block;
        if (at && this.blockAt(page, to.item)?.block === at.block) {
          const r = locateInBlock(items.strings, at.span, from, to);
          if (r) anchor = { blockId: at.block.id, start: r.start, end: r.end };
        }
      }
    }
    const text = block?.text ?? '';
    return {
      quote,
      anchor,
      prefix: anchor ? text.slice(Math.max(0, anchor.start - CONTEXT), anchor.start) : '',
      suffix: anchor ? text.slice(anchor.end, anchor.end + CONTEXT) : '',
      section: block?.sectionPath.join(' › ') ?? '',
      page,
    };
  }

  dispose(): void {
    this.disposed = true;
    this.eventBus.off('textlayerrendered', this.onTextLayer);
    this.byPage.clear();
    for (const layer of document.querySelectorAll('.cr-hl-layer')) layer.remove();
    this.painted.clear();
  }

  // --- internals ---

  private addTarget(t: PageTarget): void {
    const block = this.paper.blocks[t.target.anchor.blockId];
    if (!isPdfBlock(block)) return;
    for (const page of this.pagesOf(block)) {
      const list = this.byPage.get(page) ?? [];
      list.push(t);
      this.byPage.set(page, list);
    }
  }

  private pagesOf(block: PdfBlock): number[] {
    return blockRanges(block).map((r) => r.page);
  }

  /** The page a target's text starts on: its block's first page unless the quote lies past a page break. */
  private async startPage(block: PdfBlock, target: HighlightTarget): Promise<number> {
    if (!block.anchor.continues?.length) return block.anchor.page;
    const segments = await this.segmentsAcrossPages(block, target, new Map());
    return segments?.[0]?.page ?? block.anchor.page;
  }

  /**
   * Segments of a target in a block that runs over page breaks, on all its pages. `strings` holds
   * the item strings of pages already read from their text layers (so offsets match the spans).
   */
  private async segmentsAcrossPages(block: PdfBlock, target: HighlightTarget, strings: Map<number, readonly string[]>): Promise<(ItemSegment & { page: number })[] | null> {
    const pieces = await Promise.all(
      blockRanges(block).map(async (r) => ({ ...r, items: strings.get(r.page) ?? (await this.pageItems(r.page)) })),
    );
    return locateAcrossPieces(pieces, block.text, target.anchor.start, target.anchor.end);
  }

  /** The block holding item `item` of `page`, with its item range there (any of its pages). */
  private blockAt(page: number, item: number): { block: PdfBlock; span: BlockSpan } | undefined {
    for (const b of this.paper.blocks) {
      if (!isPdfBlock(b)) continue;
      const range = blockRanges(b).find((r) => r.page === page && r.firstItem <= item && item <= r.lastItem);
      if (range) return { block: b, span: { text: b.text, firstItem: range.firstItem, lastItem: range.lastItem } };
    }
    return undefined;
  }

  private textLayerOf(page: number): HTMLElement | null {
    const view = this.viewer.getPageView(page - 1) as { div?: HTMLElement } | undefined;
    const layer = view?.div?.querySelector<HTMLElement>('.textLayer');
    return layer && layer.querySelector('span') ? layer : null;
  }

  private isRendered(page: number): boolean {
    return this.textLayerOf(page) !== null;
  }

  private repaintRendered(): void {
    this.painted.clear();
    for (const layer of document.querySelectorAll('.cr-hl-layer')) layer.remove();
    for (let p = 1; p <= this.doc.numPages; p++) if (this.isRendered(p)) void this.paintPage(p);
  }

  private waitForPaint(page: number): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(page) ?? [];
      list.push(resolve);
      this.waiters.set(page, list);
    });
  }

  /** Item strings of a page, from pdf.js text content (indices are the paper model's item indices). */
  private pageItems(page: number): Promise<string[]> {
    let p = this.itemStrings.get(page);
    if (!p) {
      p = this.doc
        .getPage(page)
        .then((pg) => pg.getTextContent())
        .then((c) => c.items.map((it) => ('str' in it ? it.str : '')));
      this.itemStrings.set(page, p);
    }
    return p;
  }

  private domItemsCache = new Map<number, string[]>();

  /**
   * Aligns text-layer spans with items: pdf.js creates a span for every non-empty item. Returns the
   * item strings as the text layer shows them (un-normalised) and the span → item index map.
   */
  private alignSpans(itemStrs: string[], spans: HTMLElement[]): { strings: string[]; spanToItem: number[] } {
    const strings = itemStrs.map(() => '');
    const spanToItem: number[] = [];
    let s = 0;
    for (let i = 0; i < itemStrs.length && s < spans.length; i++) {
      if (itemStrs[i] === '') continue;
      strings[i] = spans[s]!.textContent ?? '';
      spanToItem[s] = i;
      s++;
    }
    return { strings, spanToItem };
  }

  private cachedDomItems(page: number, _layer: Element, spans: HTMLElement[]): { strings: string[]; spanToItem: number[] } | null {
    const itemStrs = this.domItemsCache.get(page);
    return itemStrs ? this.alignSpans(itemStrs, spans) : null;
  }

  private async paintPage(page: number): Promise<void> {
    const itemStrs = await this.pageItems(page);
    this.domItemsCache.set(page, itemStrs);
    const layer = this.textLayerOf(page);
    if (this.disposed || !layer) return;
    const targets = this.byPage.get(page) ?? [];
    const spans = textSpans(layer);
    const { strings } = this.alignSpans(itemStrs, spans);
    const spanOfItem = new Map<number, HTMLElement>();
    {
      let s = 0;
      itemStrs.forEach((str, i) => {
        if (str !== '' && s < spans.length) spanOfItem.set(i, spans[s++]!);
      });
    }
    const overlay = document.createElement('div');
    overlay.className = 'cr-hl-layer';
    const cache = new MatchCache(strings);
    const drawn: { el: HTMLElement; category: PageTarget['category']; rect: DOMRect }[] = [];
    for (const { category, target } of targets) {
      const block = this.paper.blocks[target.anchor.blockId];
      if (!isPdfBlock(block)) continue;
      const segments = block.anchor.continues?.length
        ? (await this.segmentsAcrossPages(block, target, new Map([[page, strings]])))?.filter((s) => s.page === page) ?? null
        : locateInItems(strings, blockSpan(block), target.anchor.start, target.anchor.end, cache);
      if (!segments?.length) continue;
      const els: HTMLElement[] = [];
      // Measured after any await above, with the rectangles below, so a scroll in between cannot skew them.
      const box = layer.getBoundingClientRect();
      for (const seg of segments) {
        const span = spanOfItem.get(seg.item);
        const range = span && rangeInSpan(span, seg.start, seg.end);
        if (!range || box.width === 0 || box.height === 0) continue;
        for (const r of range.getClientRects()) {
          if (r.width < 0.5 || r.height < 0.5) continue;
          const el = document.createElement('div');
          el.className = `cr-hl cr-hl-${category}`;
          el.dataset.targetId = target.id;
          el.style.left = `${((r.left - box.left) / box.width) * 100}%`;
          el.style.top = `${((r.top - box.top) / box.height) * 100}%`;
          el.style.width = `${(r.width / box.width) * 100}%`;
          el.style.height = `${(r.height / box.height) * 100}%`;
          overlay.append(el);
          els.push(el);
          drawn.push({ el, category, rect: r });
        }
      }
      if (els.length) this.painted.set(target.id, [...(this.painted.get(target.id) ?? []).filter((e) => e.isConnected), ...els]);
    }
    markOverlaps(drawn.filter((d) => d.category === 'reveal' || !this.hidden.has(d.category)));
    // Segments across page breaks are awaited above: the layer may have been replaced meanwhile,
    // and another paint of this page may have finished first (its overlay gives way to this one).
    if (this.disposed || !layer.isConnected) return;
    layer.querySelector(':scope > .cr-hl-layer')?.remove();
    layer.prepend(overlay);
    const waiters = this.waiters.get(page);
    this.waiters.delete(page);
    for (const w of waiters ?? []) w();
  }
}

/**
 * Which category's fill shows where highlights overlap: the reader's notes, then finding evidence,
 * statements, definitions, search dates, and term uses last (they are everywhere).
 */
const FILL_PRIORITY: Record<PageTarget['category'], number> = { reveal: 7, note: 6, concern: 5, statement: 4, definition: 3, dates: 2, term: 1 };

/**
 * Translucent fills over the same words would blend into a third colour that reads as another
 * category (yellow terms under blue dates look like green definitions). Where a highlight lies
 * mostly under one of a higher category, it is drawn as an underline in its own colour instead.
 */
export function markOverlaps(drawn: { el: HTMLElement; category: PageTarget['category']; rect: DOMRect }[]): void {
  for (const a of drawn) {
    const area = a.rect.width * a.rect.height;
    const covered = drawn.some((b) => {
      if (b === a || FILL_PRIORITY[b.category] <= FILL_PRIORITY[a.category]) return false;
      const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      return w > 0 && h > 0 && w * h >= 0.5 * area;
    });
    a.el.classList.toggle('cr-hl-under', covered);
  }
}

/** Notes key for a PDF: its fingerprint, so the same file from another path or URL finds its notes. */
export function pdfDocumentKey(doc: Pick<PDFDocumentProxy, 'fingerprints'>): string {
  return `pdf:${doc.fingerprints[0]}`;
}
