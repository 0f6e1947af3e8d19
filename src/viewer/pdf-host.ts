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
import type { Block, Paper, TextAnchor } from '../analysis/model';
import type { DocumentHost, DocumentSelection, HighlightCategory, HighlightGroup, HighlightTarget } from '../sidebar/host';
import { MatchCache, locateInBlock, locateInItems, type BlockSpan, type ItemPosition } from './text-match';

type PdfBlock = Block & { anchor: { type: 'pdf'; page: number; firstItem: number; lastItem: number } };

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
  }

  async reveal(target: HighlightTarget): Promise<boolean> {
    const block = this.paper.blocks[target.anchor.blockId];
    if (!isPdfBlock(block)) return false;
    const page = block.anchor.page;
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
      if (temporary) this.byPage.set(page, (this.byPage.get(page) ?? []).filter((x) => x !== temporary));
      return false;
    }
    first.scrollIntoView({ block: 'center', inline: 'nearest' });
    for (const el of els) {
      el.classList.remove('cr-flash');
      void el.offsetWidth; // restart the animation
      el.classList.add('cr-flash');
    }
    if (temporary) {
      const t = temporary;
      setTimeout(() => {
        const list = this.byPage.get(page);
        if (list) this.byPage.set(page, list.filter((x) => x !== t));
        for (const el of els) if (el.classList.contains('cr-hl-reveal')) el.remove();
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
        block = this.blockAt(page, from.item);
        const endBlock = this.blockAt(page, to.item);
        if (block && endBlock === block) {
          const r = locateInBlock(items.strings, blockSpan(block), from, to);
          if (r) anchor = { blockId: block.id, start: r.start, end: r.end };
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
    const list = this.byPage.get(block.anchor.page) ?? [];
    list.push(t);
    this.byPage.set(block.anchor.page, list);
  }

  private blockAt(page: number, item: number): PdfBlock | undefined {
    return this.paper.blocks.find(
      (b): b is PdfBlock => isPdfBlock(b) && b.anchor.page === page && b.anchor.firstItem <= item && item <= b.anchor.lastItem,
    );
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
    layer.querySelector(':scope > .cr-hl-layer')?.remove();
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
    const box = layer.getBoundingClientRect();
    const cache = new MatchCache(strings);
    for (const { category, target } of targets) {
      const block = this.paper.blocks[target.anchor.blockId];
      if (!isPdfBlock(block)) continue;
      const segments = locateInItems(strings, blockSpan(block), target.anchor.start, target.anchor.end, cache);
      if (!segments) continue;
      const els: HTMLElement[] = [];
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
        }
      }
      if (els.length) this.painted.set(target.id, [...(this.painted.get(target.id) ?? []).filter((e) => e.isConnected), ...els]);
    }
    layer.prepend(overlay);
    const waiters = this.waiters.get(page);
    this.waiters.delete(page);
    for (const w of waiters ?? []) w();
  }
}

/** Notes key for a PDF: its fingerprint, so the same file from another path or URL finds its notes. */
export function pdfDocumentKey(doc: Pick<PDFDocumentProxy, 'fingerprints'>): string {
  return `pdf:${doc.fingerprints[0]}`;
}
