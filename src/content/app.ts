/**
 * The sidebar bundle, injected by the background or the first-load script: extracts the page and
 * shows the sidebar beside it, pushing the page over by a margin on <html> that is restored on
 * close. The sidebar itself is an extension page in a frame (./sidebar-frame.ts), which has the
 * paper analysed off this page's main thread: this script draws its highlights, reveals passages
 * and tells it the reader's selection when it asks.
 */
import { READER_ACTION_KEY, SIDEBAR_KEY, SIDEBAR_WIDTH_KEY, takeGlobal, type ReaderGlobal } from './global-keys';
import type { Paper } from '../analysis/model';
import { extractHtmlInSlices } from '../extract/html';
import { documentKeyFor } from '../shared/notes-store';
import { loadSidebarPrefs } from '../shared/sidebar-prefs';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import type { FromFrame } from '../sidebar/frame-protocol';
import type { SidebarLayout } from '../sidebar/sidebar';
import { PageHighlighter, yieldToPage } from './highlighter';
import { PagePush } from './page-push';
import { SidebarFrame, type SidebarLoss } from './sidebar-frame';
import { dismissNotice, showNotice } from './notice';
import { armSecondEscape } from '../sidebar/second-escape';

/** What the reader is told when the sidebar had to close (see SidebarFrameEvents.lost). */
const LOST_NOTICES: Record<SidebarLoss, string> = {
  reloaded: 'Critical Reader’s sidebar stopped: its page was reloaded, or the extension was updated. Press the toolbar button to open it again; your notes are kept.',
  'storage-refused': 'Critical Reader could not open its sidebar: the browser refused to store the key that links it to this page (is its storage full?). Your notes are kept.',
};

class PageSidebar {
  private frame: SidebarFrame | null = null;
  private highlighter: PageHighlighter | null = null;
  private push: PagePush | null = null;
  private opening = false;
  private readonly cleanups: (() => void)[] = [];
  /** Where the keyboard focus was when the reader opened the sidebar; Escape goes back there. */
  private returnFocusTo: Element | null = null;
  private stopEscapeToClose: (() => void) | null = null;
  private openedByReader = false;
  private started = 0;
  /** The sidebar's width: the reader's last, at opening; then as they drag or collapse it. */
  private sidebarWidth = 0;

  toggle(): void {
    if (this.frame) this.close();
    else void this.open();
  }

  /**
   * Escape in the sidebar: the focus goes back to where it was on the page. A second Escape, on
   * the page, straight after, closes the sidebar; any other key or a click keeps it open.
   */
  private escapeToPage(): void {
    const frame = this.frame;
    if (!frame) return;
    const back = this.returnFocusTo as HTMLElement | null;
    if (back?.isConnected && back !== document.body && typeof back.focus === 'function') back.focus();
    else frame.blur();
    this.stopEscapeToClose?.();
    this.stopEscapeToClose = armSecondEscape(document, () => this.frame === frame && this.close(), { target: frame.host, type: 'focusin' });
  }

  async open(): Promise<void> {
    if (this.frame || this.opening) return;
    this.opening = true;
    // True once after the background injected us for the reader's own action (READER_ACTION_KEY).
    this.openedByReader = takeGlobal(READER_ACTION_KEY) === true;
    this.returnFocusTo = document.activeElement;
    this.started = performance.now();
    dismissNotice(document);
    // The colours are needed after extraction; the frame needs only its width, which the reader's
    // action brings along (automatic scanning reads it here).
    const settingsLoaded = loadSettings().catch(() => null);
    const given = takeGlobal(SIDEBAR_WIDTH_KEY);
    const width = typeof given === 'number' && Number.isFinite(given) ? given : (await loadSidebarPrefs()).width;
    this.sidebarWidth = width;
    const frame = new SidebarFrame(document, width, {
      message: (m) => this.frame === frame && this.onFrameMessage(frame, m),
      lost: (why) => {
        if (this.frame !== frame) return;
        this.close();
        // Closing without a word would look like a crash (or like the page closing it).
        showNotice(document, LOST_NOTICES[why]);
      },
    });
    const host = frame.host;
    host.dataset.state = 'loading';
    // Outside <body>: block anchors are paths from body, and our element must not shift them.
    document.documentElement.append(host);
    this.frame = frame;
    this.push = new PagePush(document, host);
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
      if (this.frame !== frame) return; // closed meanwhile
      const key = documentKeyFor(paper.metadata, location.href);
      // The frame has the paper analysed (off this page's main thread) and shows the critique.
      frame.post({ type: 'show', paperJson: JSON.stringify(paper), documentKey: key, pageOrigin: location.origin, viewportWidth: innerWidth });
      // Highlights are drawn when the frame has the critique; until then they need only exist.
      const settings = await settingsLoaded;
      this.highlighter = new PageHighlighter(document, paper, key, { ownUi: host, ...(settings ? { colours: settings.colours } : {}) });
      this.followPage(frame);
    } catch (e) {
      host.dataset.state = 'error';
      frame.post({ type: 'failed', message: String((e as Error)?.message ?? e) });
    } finally {
      this.opening = false;
    }
  }

  /**
   * While open: colours changed on the options page apply to the page's highlights at once (the
   * frame follows the settings itself); the page's width is passed on to the sidebar.
   */
  private followPage(frame: SidebarFrame): void {
    this.cleanups.push(
      onSettingsChanged((s) => {
        this.highlighter?.setColours(s.colours);
      }),
    );
    const onResize = () => frame.post({ type: 'viewport', width: innerWidth });
    addEventListener('resize', onResize);
    this.cleanups.push(() => removeEventListener('resize', onResize));
  }

  private onFrameMessage(frame: SidebarFrame, m: FromFrame): void {
    const highlighter = this.highlighter;
    switch (m.type) {
      case 'failed':
        frame.host.dataset.state = 'error';
        this.push?.push(this.sidebarWidth); // the reader reads why beside the page
        return;
      case 'shown':
        frame.host.dataset.state = 'ready';
        frame.host.dataset.mountMs = String(m.mountMs);
        frame.host.dataset.analysedIn = m.analysedIn;
        frame.host.dataset.analyseMs = String(m.analyseMs);
        requestAnimationFrame(() => {
          // Toggle → sidebar painted, read by scripts/bench-extension.ts.
          frame.host.dataset.openMs = String(Math.round(performance.now() - this.started));
          // The same moment on the machine's clock, so the benchmark can time it from the click.
          frame.host.dataset.paintedAt = String(performance.timeOrigin + performance.now());
          // Only now does the page move over for the sidebar (till now, loading, it lay over the
          // page's right edge): laying out a long article again (~70 ms for 810 references)
          // would otherwise compete with extraction, the analysis and the sidebar's first paint.
          this.push?.push(this.sidebarWidth);
          // Focus once the pushed page is laid out (in this frame's rendering, before the timeout):
          // focusing earlier forces that layout inside our task (67 ms on an 810-reference page).
          if (this.openedByReader) setTimeout(() => this.frame === frame && frame.focus(), 0);
        });
        return;
      case 'set-highlights':
        highlighter?.setHighlights(m.groups);
        return;
      case 'set-category-visible':
        highlighter?.setCategoryVisible(m.category, m.visible);
        return;
      case 'get-selection':
        frame.post({ type: 'selection', requestId: m.requestId, selection: highlighter?.getSelection() ?? null });
        return;
      case 'reveal':
        void (highlighter ? highlighter.reveal(m.target) : Promise.resolve(false)).then(
          (found) => frame.post({ type: 'revealed', requestId: m.requestId, found }),
          () => frame.post({ type: 'revealed', requestId: m.requestId, found: false }),
        );
        return;
      case 'layout':
        this.layout(m.layout);
        return;
      case 'escape':
        this.escapeToPage();
        return;
      case 'close':
        this.close();
        return;
    }
  }

  private layout({ width }: SidebarLayout): void {
    if (!this.frame || !Number.isFinite(width)) return;
    this.sidebarWidth = width;
    this.frame.setWidth(width);
    this.push?.push(width);
  }

  close(): void {
    this.stopEscapeToClose?.();
    for (const stop of this.cleanups.splice(0)) stop();
    // Closed from inside (its × button): the focus goes back to the page, not to nowhere.
    const focusWasInside = this.frame?.hasFocus() ?? false;
    this.highlighter?.dispose();
    this.highlighter = null;
    this.frame?.dispose();
    this.frame = null;
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
