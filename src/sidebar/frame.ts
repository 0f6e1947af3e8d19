/**
 * The sidebar page framed beside a publisher page (see ./frame-protocol.ts for why it is a page of
 * its own). It waits for the port from the content script that framed it, has the paper the
 * script sends analysed (again when the reader's lenses change), and renders the sidebar.
 * Highlights, reveals and the reader's selection go through a DocumentHost that forwards to the page.
 */
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import type { ReaderSettings } from '../shared/reader-settings';
import { getStorage } from '../shared/storage';
import { takeSecret } from './frame-secret';
import { CONNECT_MESSAGE, HELLO_MESSAGE, isToFrame, type AnalysedIn, type FromFrame, type ToFrame } from './frame-protocol';
import type { DocumentHost, DocumentSelection, HighlightCategory, HighlightGroup, HighlightTarget } from './host';
import { analyseIn, analysisPlace } from './frame-analysis';
import type { MountedSidebar } from './mount';

/**
 * The rest of the sidebar (preact, the panels, notes, settings), loaded once the paper has gone to
 * be analysed: compiled then, it overlaps the analysis instead of delaying this first script and
 * its answer to the page.
 */
let uiModule: Promise<typeof import('./frame-ui')> | null = null;
const loadUi = () => (uiModule ??= import('./frame-ui'));

/** The page's side of the DocumentHost, reached over the port. */
export class RemoteDocumentHost implements DocumentHost {
  readonly kind = 'html' as const;
  private nextRequest = 1;
  /** Questions to the page awaiting their answer (reveal: found?; selection: the selection). */
  private readonly pending = new Map<number, (answer: unknown) => void>();

  constructor(
    readonly documentKey: string,
    private readonly post: (message: FromFrame) => void,
  ) {}

  private ask<T>(message: (requestId: number) => FromFrame, unanswered: T): Promise<T> {
    const requestId = this.nextRequest++;
    return new Promise<T>((resolve) => {
      this.pending.set(requestId, (answer) => resolve(answer === undefined ? unanswered : (answer as T)));
      this.post(message(requestId));
    });
  }

  /** The page's answer to request `requestId`. */
  answered(requestId: number, answer: unknown): void {
    this.pending.get(requestId)?.(answer);
    this.pending.delete(requestId);
  }

  setHighlights(groups: HighlightGroup[]): void {
    this.post({ type: 'set-highlights', groups });
  }

  setCategoryVisible(category: HighlightCategory, visible: boolean): void {
    this.post({ type: 'set-category-visible', category, visible });
  }

  reveal(target: HighlightTarget): Promise<boolean> {
    return this.ask((requestId) => ({ type: 'reveal', requestId, target }), false);
  }

  /** Asked when needed, not cached: the reader may press "Add note" the moment they let go of the mouse. */
  getSelection(): Promise<DocumentSelection | null> {
    return this.ask((requestId) => ({ type: 'get-selection', requestId }), null);
  }

  dispose(): void {
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }
}

/** Says what went wrong where the sidebar would be (the loading line, brought back if need be). */
function showProblem(message: string): void {
  let line = document.getElementById('loading');
  if (!line) {
    line = document.createElement('p');
    line.id = 'loading';
    line.setAttribute('role', 'status');
    document.body.append(line);
  }
  line.textContent = message;
}

/**
 * Waits for the content script's port: the first `postMessage` that carries it with the secret
 * left in storage under the key in our address (page scripts can post to us too, without it).
 */
function awaitPort(): Promise<MessagePort> {
  const key = location.hash.slice(1);
  if (!key) return Promise.reject(new Error('open the sidebar from the toolbar button on an article'));
  const secret = takeSecret(getStorage(), key);
  return new Promise((resolve, reject) => {
    let taken = false;
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { type?: unknown; secret?: unknown } | null;
      const port = e.ports[0];
      if (taken || !port || data?.type !== CONNECT_MESSAGE || typeof data.secret !== 'string') return;
      const offered = data.secret;
      void secret.then((expected) => {
        if (taken || !expected || offered !== expected) return;
        taken = true;
        removeEventListener('message', onMessage);
        resolve(port);
      }, reject);
    };
    // Listening first, then saying so: the content script answers our hello (or our load event).
    addEventListener('message', onMessage);
    parent.postMessage({ type: HELLO_MESSAGE }, '*');
  });
}

async function start(): Promise<void> {
  serve(await awaitPort());
}

type ShowMessage = Extract<ToFrame, { type: 'show' }>;

/** Renders the sidebar from what the content script sends over `port`, and answers it. */
function serve(port: MessagePort): void {
  const post = (message: FromFrame) => port.postMessage(message);
  let host: RemoteDocumentHost | null = null;
  let mounted: MountedSidebar | null = null;
  let viewportWidth = 1200;
  /** The paper and page details, once the content script has sent them (only the first 'show' counts). */
  let received: ShowMessage | null = null;
  /** How many critiques this frame has shown (tests read it: a lens change brings one more). */
  let analyses = 0;
  let settings: ReaderSettings | null = null;

  const show = async (m: ShowMessage, paper: Paper, critique: Critique, where: { analysedIn: AnalysedIn; analyseMs: number }) => {
    const u = await loadUi();
    const [prefs, atStart] = await Promise.all([u.loadSidebarPrefs().catch(() => null), settings ? null : u.loadSettings().catch(() => null)]);
    settings ??= atStart; // the colours of the reader's highlights
    const started = performance.now();
    let savedWidth = prefs?.width;
    host = new RemoteDocumentHost(m.documentKey, post);
    mounted = u.mountSidebar(document.body, {
      paper,
      critique,
      host,
      notes: new u.NotesStore(m.documentKey, undefined, m.pageOrigin),
      pageOrigin: m.pageOrigin,
      viewportWidth: () => viewportWidth,
      ...(prefs ? { initialWidth: prefs.width, ...u.rememberedSidebarProps(prefs) } : {}),
      onClose: () => post({ type: 'close' }),
      onEscape: () => post({ type: 'escape' }),
      onLayoutChange: (layout) => {
        post({ type: 'layout', layout });
        if (!layout.collapsed && layout.width !== savedWidth) {
          savedWidth = layout.width;
          void u.updateSidebarPrefs({ width: layout.width });
        }
      },
      ...(settings ? { colours: settings.colours } : {}),
    });
    document.getElementById('loading')?.remove();
    document.body.dataset.analyses = String(++analyses);
    post({ type: 'shown', mountMs: Math.round(performance.now() - started), ...where });
    // The options page applies at once: colours directly, other lenses by analysing again.
    u.onSettingsChanged((s) => {
      const lensesChanged = settings !== null && u.activeLensesKey(s) !== u.activeLensesKey(settings);
      settings = s;
      mounted?.setColours(s.colours);
      if (lensesChanged) void reanalyse(m.paperJson);
    });
  };

  const readerLenses = async () => {
    const u = await loadUi();
    return u.activeLenses(await u.loadSettings());
  };
  /** Where the paper was analysed: re-analyses (new lenses) go to the same place. */
  let place: AnalysedIn = 'background';

  const analyseAndShow = async (m: ShowMessage) => {
    const started = performance.now();
    try {
      const paper = JSON.parse(m.paperJson) as Paper;
      place = analysisPlace(paper);
      if (place === 'own-worker') showProblem('Critical Reader is reading this very long page…');
      const analysed = analyseIn(place, m.paperJson, readerLenses);
      void loadUi(); // while the paper is analysed
      const critique = await analysed;
      await show(m, paper, critique, { analysedIn: place, analyseMs: Math.round(performance.now() - started) });
    } catch (e) {
      const message = String((e as Error)?.message ?? e);
      showProblem(`Critical Reader could not analyse this page: ${message}`);
      post({ type: 'failed', message });
    }
  };

  /** A newer lens change supersedes a re-analysis still in flight. */
  let latestReanalysis = 0;
  /** New lenses: the sidebar shows the new critique (and redraws its highlights); if it fails, the previous one stays. */
  const reanalyse = async (paperJson: string) => {
    const seq = ++latestReanalysis;
    try {
      const critique = await analyseIn(place, paperJson, readerLenses);
      if (seq !== latestReanalysis || !mounted) return;
      mounted.update(critique);
      document.body.dataset.analyses = String(++analyses);
    } catch {
      // Keep showing the previous critique; the next change tries again.
    }
  };

  port.onmessage = (e: MessageEvent) => {
    if (!isToFrame(e.data)) return;
    const m: ToFrame = e.data;
    switch (m.type) {
      case 'show':
        if (received) return;
        received = m;
        viewportWidth = m.viewportWidth;
        void analyseAndShow(m);
        return;
      case 'failed':
        showProblem(`Critical Reader could not analyse this page: ${m.message}`);
        return;
      case 'viewport':
        viewportWidth = m.width;
        return;
      case 'selection':
        host?.answered(m.requestId, m.selection);
        return;
      case 'revealed':
        host?.answered(m.requestId, m.found);
        return;
      case 'focus':
        mounted?.focus();
        return;
    }
  };
}

void start().catch((e: unknown) => showProblem(`Critical Reader could not start: ${String((e as Error)?.message ?? e)}`));
