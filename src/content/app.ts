/**
 * The sidebar bundle, injected by the first-load script: extracts the page, has the background
 * analyse it (off this page's main thread), and shows the sidebar in a shadow root beside the
 * page, pushing the page over by a margin on <html> that is restored on close.
 */
import { READER_ACTION_KEY, SIDEBAR_KEY, type ReaderGlobal } from './global-keys';
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import { extractHtmlInSlices } from '../extract/html';
import { sendMessage } from '../shared/messages';
import { documentKeyFor } from '../shared/notes-store';
import { loadSidebarPrefs, rememberedSidebarProps, updateSidebarPrefs } from '../shared/sidebar-prefs';
import { activeLenses, type ReaderSettings } from '../shared/reader-settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { mountSidebar, type MountedSidebar, type SidebarLayout } from '../sidebar/mount';
import { PageHighlighter, yieldToPage } from './highlighter';
import { PagePush } from './page-push';
import { armSecondEscape } from '../sidebar/second-escape';

const HOST_TAG = 'critical-reader-sidebar';

/** What decides the analysis among the settings: the active lenses and their content. */
function lensKeyOf(settings: ReaderSettings): string {
  return JSON.stringify(activeLenses(settings));
}

function setImportant(el: HTMLElement, styles: Record<string, string>): void {
  for (const [k, v] of Object.entries(styles)) el.style.setProperty(k, v, 'important');
}

class PageSidebar {
  private host: HTMLElement | null = null;
  private mounted: MountedSidebar | null = null;
  private highlighter: PageHighlighter | null = null;
  private push: PagePush | null = null;
  private opening = false;
  private stopWatchingSettings: (() => void) | null = null;
  /** Where the keyboard focus was when the reader opened the sidebar; Escape goes back there. */
  private returnFocusTo: Element | null = null;
  private stopEscapeToClose: (() => void) | null = null;

  toggle(): void {
    if (this.host) this.close();
    else void this.open();
  }

  /** True once after the background injected us for the reader's own action (see READER_ACTION_KEY). */
  private takeReaderAction(): boolean {
    const g = globalThis as unknown as ReaderGlobal;
    const asked = g[READER_ACTION_KEY] === true;
    delete g[READER_ACTION_KEY];
    return asked;
  }

  /**
   * Escape in the sidebar: the focus goes back to where it was on the page. A second Escape, on
   * the page, straight after, closes the sidebar; any other key or a click keeps it open.
   */
  private escapeToPage(): void {
    const host = this.host;
    if (!host) return;
    const back = this.returnFocusTo as HTMLElement | null;
    if (back?.isConnected && back !== document.body && typeof back.focus === 'function') back.focus();
    else (host.shadowRoot?.activeElement as HTMLElement | null)?.blur();
    this.stopEscapeToClose?.();
    this.stopEscapeToClose = armSecondEscape(document, () => this.host === host && this.close(), { target: host, type: 'focusin' });
  }

  async open(): Promise<void> {
    if (this.host || this.opening) return;
    this.opening = true;
    const byReader = this.takeReaderAction();
    this.returnFocusTo = document.activeElement;
    const started = performance.now();
    const prefs = await loadSidebarPrefs();
    const settings = await loadSettings().catch(() => null);
    const host = document.createElement(HOST_TAG);
    host.dataset.state = 'loading';
    // Inline !important beats any page rule, so hostile page CSS cannot hide or move the sidebar.
    setImportant(host, {
      all: 'initial',
      position: 'fixed',
      top: '0',
      right: '0',
      height: '100vh',
      width: `${prefs.width}px`,
      'z-index': '2147483647',
      display: 'block',
    });
    const shadow = host.attachShadow({ mode: 'open' });
    const loading = document.createElement('p');
    loading.textContent = 'Critical Reader is reading this page…';
    loading.setAttribute('role', 'status');
    loading.style.cssText = 'all:initial;display:block;font:14px system-ui,sans-serif;padding:16px;background:Canvas;color:CanvasText;height:100%;box-sizing:border-box;border-left:1px solid GrayText';
    shadow.append(loading);
    // Outside <body>: block anchors are paths from body, and our element must not shift them.
    document.documentElement.append(host);
    this.host = host;
    this.push = new PagePush(document, host);
    this.push.push(prefs.width);
    try {
      // Yield between phases so the page stays responsive (each phase is one task at most).
      await yieldToPage();
      const t0 = performance.now();
      // In slices of ~20 ms with the page's event loop between them: a long article (hundreds of
      // references) would otherwise be one task of 100 ms or more. extractMs is the elapsed time.
      let longestSlice = 0;
      const paper: Paper = await extractHtmlInSlices(document, location.href, { budgetMs: 20, onSlice: (ms) => (longestSlice = Math.max(longestSlice, ms)) });
      host.dataset.extractMs = String(Math.round(performance.now() - t0));
      host.dataset.extractLongestSliceMs = String(Math.round(longestSlice));
      await yieldToPage();
      const t2 = performance.now();
      const critique = await this.analyse(paper);
      // Round trip to the background, which runs the engine (not on this page's main thread).
      host.dataset.analyseMs = String(Math.round(performance.now() - t2));
      await yieldToPage();
      if (this.host !== host) return; // closed meanwhile
      loading.remove();
      const key = documentKeyFor(paper.metadata, location.href);
      this.highlighter = new PageHighlighter(document, paper, key, { ownUi: host, ...(settings ? { colours: settings.colours } : {}) });
      const t1 = performance.now();
      this.mounted = mountSidebar(shadow, {
        paper,
        critique,
        host: this.highlighter,
        initialWidth: prefs.width,
        ...rememberedSidebarProps(prefs),
        onClose: () => this.close(),
        onLayoutChange: (layout) => this.layout(layout),
        onEscape: () => this.escapeToPage(),
        ...(settings ? { colours: settings.colours } : {}),
      });
      host.dataset.mountMs = String(Math.round(performance.now() - t1));
      // Settings changed on the options page apply to an open sidebar at once: colours directly,
      // a different set of active lenses by analysing again (the background reads the new lenses).
      let lensKey = settings ? lensKeyOf(settings) : null;
      this.stopWatchingSettings = onSettingsChanged((s) => {
        this.highlighter?.setColours(s.colours);
        this.mounted?.setColours(s.colours);
        const key = lensKeyOf(s);
        if (key === lensKey) return;
        lensKey = key;
        void this.reanalyse(host, paper);
      });
      host.dataset.state = 'ready';
      requestAnimationFrame(() => {
        // Toggle → sidebar painted, read by scripts/bench-extension.ts.
        host.dataset.openMs = String(Math.round(performance.now() - started));
        // Focus once the frame with the pushed page is laid out: focusing earlier forces that
        // layout inside our task (67 ms on an 810-reference page), now the browser has done it.
        if (byReader) setTimeout(() => this.host === host && this.mounted?.focus(), 0);
      });
    } catch (e) {
      host.dataset.state = 'error';
      loading.textContent = `Critical Reader could not analyse this page: ${String((e as Error)?.message ?? e)}`;
    } finally {
      this.opening = false;
    }
  }

  /** A newer re-analysis supersedes an older one still in flight (lenses toggled quickly). */
  private reanalysisSeq = 0;

  /** New critique for the same page: the sidebar re-renders and redraws its highlights from it. */
  private async reanalyse(host: HTMLElement, paper: Paper): Promise<void> {
    const seq = ++this.reanalysisSeq;
    host.dataset.reanalysing = 'true';
    try {
      const critique = await this.analyse(paper);
      if (this.host !== host || seq !== this.reanalysisSeq) return;
      this.mounted?.update(critique);
      host.dataset.analyses = String(Number(host.dataset.analyses ?? '1') + 1);
    } catch {
      // Keep showing the previous critique; the next settings change tries again.
    } finally {
      if (seq === this.reanalysisSeq) delete host.dataset.reanalysing;
    }
  }

  private async analyse(paper: Paper): Promise<Critique> {
    const r = await sendMessage({ type: 'analyse', paper });
    if (!r.ok) throw new Error(r.error);
    return r.critique;
  }

  private layout({ width, collapsed }: SidebarLayout): void {
    if (!this.host) return;
    setImportant(this.host, { width: `${width}px` });
    this.push?.push(width);
    if (!collapsed) void updateSidebarPrefs({ width });
  }

  close(): void {
    this.stopEscapeToClose?.();
    this.stopWatchingSettings?.();
    this.stopWatchingSettings = null;
    // Closed from inside (its × button): the focus goes back to the page, not to nowhere.
    const focusWasInside = this.host !== null && document.activeElement === this.host;
    this.mounted?.unmount();
    this.mounted = null;
    this.highlighter?.dispose();
    this.highlighter = null;
    this.host?.remove();
    this.host = null;
    this.push?.restore();
    this.push = null;
    const back = this.returnFocusTo as HTMLElement | null;
    if (focusWasInside && back?.isConnected && typeof back.focus === 'function') back.focus();
  }
}

const w = globalThis as unknown as ReaderGlobal;
if (!w[SIDEBAR_KEY]) {
  const sidebar = new PageSidebar();
  w[SIDEBAR_KEY] = sidebar;
  void sidebar.open();
}
