/**
 * Making room for the sidebar on a publisher page, and giving it back on close.
 *
 * - The page gets a right margin on <html> as wide as the sidebar, so the article reflows beside it.
 * - Fixed bars (site headers, cookie banners, toolbars) ignore that margin — their containing block
 *   is the viewport — and would slide under the sidebar: those that reach under it are given a
 *   right offset and a maximum width. Sticky headers are in the flow and follow the margin.
 * - In a narrow window (below 900 px) pushing would squeeze the article into a strip, so the
 *   sidebar lies over the page instead (it can be collapsed to read).
 * Every inline style we touch is saved and restored exactly.
 */

/** Below this window width the sidebar overlays the page rather than squeezing it. */
export const NARROW_WINDOW_PX = 900;

interface SavedStyle {
  el: HTMLElement;
  props: Record<string, { value: string; priority: string }>;
}

export class PagePush {
  private saved: SavedStyle[] = [];
  private width = 0;
  /** Fixed bars found reaching under the sidebar (kept: once offset they no longer do). */
  private bars = new Set<HTMLElement>();
  private scanPending = false;
  private readonly onResize = () => {
    this.bars.clear();
    this.apply();
  };

  constructor(
    private readonly doc: Document,
    /** Our own element, never adjusted. */
    private readonly ownUi: Element,
  ) {}

  /** Makes room for a sidebar `width` pixels wide (again on every call: drag, collapse). */
  push(width: number): void {
    if (this.width === 0) this.doc.defaultView?.addEventListener('resize', this.onResize);
    this.width = width;
    this.apply();
  }

  /** Whether the sidebar lies over the page (narrow window) rather than beside it. */
  get overlays(): boolean {
    return (this.doc.defaultView?.innerWidth ?? Infinity) < NARROW_WINDOW_PX;
  }

  restore(): void {
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    this.width = 0;
    this.bars.clear();
    this.restoreStyles();
  }

  private apply(): void {
    this.restoreStyles();
    if (this.width === 0 || this.overlays) return;
    this.setStyle(this.doc.documentElement, { 'margin-right': `${this.width}px` });
    for (const bar of this.bars) if (bar.isConnected) this.offsetBar(bar);
    this.scanSoon();
  }

  private offsetBar(bar: HTMLElement): void {
    this.setStyle(bar, { right: `${this.width}px`, 'max-width': `calc(100vw - ${this.width}px)` });
  }

  /**
   * Looks for fixed bars once the browser has laid out the pushed page: looking at once would force
   * that layout inside our own task (tens of ms on a long article).
   */
  private scanSoon(): void {
    const win = this.doc.defaultView;
    if (!win || this.scanPending) return;
    this.scanPending = true;
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        this.scanPending = false;
        if (this.width === 0 || this.overlays) return;
        for (const bar of this.fixedBarsUnderSidebar()) {
          if (this.bars.has(bar)) continue;
          this.bars.add(bar);
          this.offsetBar(bar);
        }
      }, 0),
    );
  }

  /**
   * Fixed elements reaching under the sidebar, found where they must be: at points along the
   * sidebar's left edge, top to bottom (a full scan of the page's styles would cost far more).
   */
  private fixedBarsUnderSidebar(): HTMLElement[] {
    const win = this.doc.defaultView;
    if (!win) return [];
    const x = Math.max(0, win.innerWidth - this.width - 2);
    const found = new Set<HTMLElement>();
    for (let y = 1; y < win.innerHeight; y += 40) {
      for (const hit of this.doc.elementsFromPoint(x, y)) {
        if (hit === this.ownUi || this.ownUi.contains(hit)) continue;
        for (let el: Element | null = hit; el && el !== this.doc.body && el !== this.doc.documentElement; el = el.parentElement) {
          if (!(el instanceof win.HTMLElement)) continue;
          if (win.getComputedStyle(el).position !== 'fixed') continue;
          if (el.getBoundingClientRect().right > win.innerWidth - this.width + 1) found.add(el);
          break;
        }
      }
    }
    return [...found];
  }

  private setStyle(el: HTMLElement, props: Record<string, string>): void {
    const saved: SavedStyle = { el, props: {} };
    for (const [name, value] of Object.entries(props)) {
      saved.props[name] = { value: el.style.getPropertyValue(name), priority: el.style.getPropertyPriority(name) };
      el.style.setProperty(name, value, 'important');
    }
    this.saved.push(saved);
  }

  private restoreStyles(): void {
    for (const { el, props } of this.saved.reverse()) {
      for (const [name, { value, priority }] of Object.entries(props)) {
        if (value) el.style.setProperty(name, value, priority);
        else el.style.removeProperty(name);
      }
    }
    this.saved = [];
  }
}
