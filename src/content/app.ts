/**
 * The sidebar bundle, injected by the first-load script: extracts the page, has the background
 * analyse it (off this page's main thread), and shows the sidebar beside the page, pushing the
 * page over by a margin on <html> that is restored on close. The sidebar itself is an extension
 * page in a frame (./sidebar-frame.ts): this script draws its highlights, reveals passages and
 * tells it the reader's selection when it asks.
 */
import { READER_ACTION_KEY, SIDEBAR_KEY, SIDEBAR_WIDTH_KEY, takeGlobal, type ReaderGlobal } from './global-keys';
import type { Paper } from '../analysis/model';
import { extractHtmlInSlices } from '../extract/html';
import { analyseJsonInBackground } from '../shared/messages';
import { documentKeyFor } from '../shared/notes-store';
import { loadSidebarPrefs } from '../shared/sidebar-prefs';
import { activeLenses, type ReaderSettings } from '../shared/reader-settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import type { FromFrame } from '../sidebar/frame-protocol';
import type { SidebarLayout } from '../sidebar/sidebar';
import { PageHighlighter, yieldToPage } from './highlighter';
import { PagePush } from './page-push';
import { SidebarFrame, type SidebarLoss } from './sidebar-frame';
import { dismissNotice, showNotice } from './notice';
import { armSecondEscape } from '../sidebar/second-escape';

/** What decides the analysis among the settings: the active lenses and their content. */
function lensKeyOf(settings: ReaderSettings): string {
  return JSON.stringify(activeLenses(settings));
}

/**
 * Pages with more text than this (five times the longest paper in our corpus) are analysed in a
 * worker of the sidebar's own, not in the background all tabs share: there they hold up no other
 * tab's sidebar, and closing the sidebar stops them.
 */
const OWN_WORKER_CHARS = 1_500_000;

function paperChars(paper: Paper): number {
  let n = 0;
  for (const b of paper.blocks) n += b.text.length;
  return n;
}

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
      const t2 = performance.now();
      if (this.frame !== frame) return; // closed meanwhile
      // Round trip to the background, which runs the engine (not on this page's main thread). A
      // page too large for it goes to a worker of the sidebar's own instead (no critique sent).
      this.analysedInFrame = paperChars(paper) > OWN_WORKER_CHARS;
      const paperJson = JSON.stringify(paper);
      const analysed = this.analysedInFrame ? Promise.resolve(null) : analyseJsonInBackground(paperJson);
      // The page moves over for the sidebar only now, while the background analyses: laying out a
      // long article again (~70 ms for 810 references) would otherwise compete with extraction.
      // Until then the sidebar, still loading, lies over the page's right edge.
      this.push?.push(width);
      const critiqueJson = await analysed;
      if (critiqueJson !== null) host.dataset.analyseMs = String(Math.round(performance.now() - t2));
      const settings = await settingsLoaded;
      await yieldToPage();
      if (this.frame !== frame) return; // closed meanwhile
      const key = documentKeyFor(paper.metadata, location.href);
      this.highlighter = new PageHighlighter(document, paper, key, { ownUi: host, ...(settings ? { colours: settings.colours } : {}) });
      frame.post({
        type: 'show',
        paperJson,
        critiqueJson,
        documentKey: key,
        pageOrigin: location.origin,
        viewportWidth: innerWidth,
        ...(settings ? { colours: settings.colours } : {}),
      });
      this.followPage(frame, paperJson, settings);
    } catch (e) {
      host.dataset.state = 'error';
      frame.post({ type: 'failed', message: String((e as Error)?.message ?? e) });
    } finally {
      this.opening = false;
    }
  }

  /**
   * While open: settings changed on the options page apply at once (colours directly, a different
   * set of active lenses by analysing again); the page's width is passed on to the sidebar.
   */
  private followPage(frame: SidebarFrame, paperJson: string, settings: ReaderSettings | null): void {
    let lensKey = settings ? lensKeyOf(settings) : null;
    this.cleanups.push(
      onSettingsChanged((s) => {
        this.highlighter?.setColours(s.colours);
        frame.post({ type: 'colours', colours: s.colours });
        const key = lensKeyOf(s);
        if (key === lensKey) return;
        lensKey = key;
        void this.reanalyse(frame, paperJson);
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
        return;
      case 'shown':
        frame.host.dataset.state = 'ready';
        frame.host.dataset.mountMs = String(m.mountMs);
        requestAnimationFrame(() => {
          // Toggle → sidebar painted, read by scripts/bench-extension.ts.
          frame.host.dataset.openMs = String(Math.round(performance.now() - this.started));
          // The same moment on the machine's clock, so the benchmark can time it from the click.
          frame.host.dataset.paintedAt = String(performance.timeOrigin + performance.now());
          // Focus once the frame with the pushed page is laid out: focusing earlier forces that
          // layout inside our task (67 ms on an 810-reference page), now the browser has done it.
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

  /** A newer re-analysis supersedes an older one still in flight (lenses toggled quickly). */
  private reanalysisSeq = 0;
  /** The page is too large for the background: the sidebar's own worker analyses it (OWN_WORKER_CHARS). */
  private analysedInFrame = false;

  /** New critique for the same page: the sidebar re-renders and redraws its highlights from it. */
  private async reanalyse(frame: SidebarFrame, paperJson: string): Promise<void> {
    if (this.analysedInFrame) return frame.post({ type: 'update', critiqueJson: null });
    const seq = ++this.reanalysisSeq;
    const host = frame.host;
    host.dataset.reanalysing = 'true';
    try {
      const critiqueJson = await analyseJsonInBackground(paperJson);
      if (this.frame !== frame || seq !== this.reanalysisSeq) return;
      frame.post({ type: 'update', critiqueJson });
      host.dataset.analyses = String(Number(host.dataset.analyses ?? '1') + 1);
    } catch {
      // Keep showing the previous critique; the next settings change tries again.
    } finally {
      if (seq === this.reanalysisSeq) delete host.dataset.reanalysing;
    }
  }

  private layout({ width }: SidebarLayout): void {
    if (!this.frame || !Number.isFinite(width)) return;
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
