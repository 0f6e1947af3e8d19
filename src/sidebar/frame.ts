/**
 * The sidebar page framed beside a publisher page (see ./frame-protocol.ts for why it is a page of
 * its own). It waits for the port from the content script that framed it and renders the sidebar
 * once that script sends the paper and its critique. Highlights, reveals and the reader's
 * selection go through a DocumentHost that forwards to the page.
 */
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import { NotesStore } from '../shared/notes-store';
import { activeLenses } from '../shared/reader-settings';
import { loadSettings } from '../shared/settings-store';
import { getStorage } from '../shared/storage';
import { loadSidebarPrefs, rememberedSidebarProps, updateSidebarPrefs, type SidebarPrefs } from '../shared/sidebar-prefs';
import { takeSecret } from './frame-secret';
import { CONNECT_MESSAGE, isToFrame, type FromFrame, type ToFrame } from './frame-protocol';
import type { DocumentHost, DocumentSelection, HighlightCategory, HighlightGroup, HighlightTarget } from './host';
import { mountSidebar, type MountedSidebar } from './mount';
import { analyseInWorker } from './worker-analysis';

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
    // Listening from the start: the content script posts on our load event.
    addEventListener('message', onMessage);
  });
}

async function start(): Promise<void> {
  const [port, prefs] = await Promise.all([awaitPort(), loadSidebarPrefs().catch(() => null)]);
  serve(port, prefs);
}

type ShowMessage = Extract<ToFrame, { type: 'show' }>;

/** Renders the sidebar from what the content script sends over `port`, and answers it. */
function serve(port: MessagePort, prefs: SidebarPrefs | null): void {
  const post = (message: FromFrame) => port.postMessage(message);
  let host: RemoteDocumentHost | null = null;
  let mounted: MountedSidebar | null = null;
  let viewportWidth = 1200;
  let savedWidth = prefs?.width;
  /** The paper and page details, once the content script has sent them (only the first 'show' counts). */
  let received: ShowMessage | null = null;

  /** A page too large for the shared background is analysed here, with the reader's lenses. */
  const analyseHere = async (paperJson: string) => analyseInWorker(paperJson, activeLenses(await loadSettings()));

  /** The paper's critique: sent with it, or made here. */
  const critiqueFor = (m: ShowMessage): Promise<Critique> => {
    if (m.critiqueJson !== null) return Promise.resolve(JSON.parse(m.critiqueJson) as Critique);
    showProblem('Critical Reader is reading this very long page…');
    return analyseHere(m.paperJson);
  };

  const show = (m: ShowMessage, paper: Paper, critique: Critique) => {
    const started = performance.now();
    host = new RemoteDocumentHost(m.documentKey, post);
    mounted = mountSidebar(document.body, {
      paper,
      critique,
      host,
      notes: new NotesStore(m.documentKey, undefined, m.pageOrigin),
      pageOrigin: m.pageOrigin,
      viewportWidth: () => viewportWidth,
      ...(prefs ? { initialWidth: prefs.width, ...rememberedSidebarProps(prefs) } : {}),
      onClose: () => post({ type: 'close' }),
      onEscape: () => post({ type: 'escape' }),
      onLayoutChange: (layout) => {
        post({ type: 'layout', layout });
        if (!layout.collapsed && layout.width !== savedWidth) {
          savedWidth = layout.width;
          void updateSidebarPrefs({ width: layout.width });
        }
      },
      ...(m.colours ? { colours: m.colours } : {}),
    });
    post({ type: 'shown', mountMs: Math.round(performance.now() - started) });
  };

  port.onmessage = (e: MessageEvent) => {
    if (!isToFrame(e.data)) return;
    const m: ToFrame = e.data;
    switch (m.type) {
      case 'show': {
        if (received) return;
        received = m;
        viewportWidth = m.viewportWidth;
        const paper = JSON.parse(m.paperJson) as Paper;
        void critiqueFor(m).then(
          (critique) => {
            document.getElementById('loading')?.remove();
            show(m, paper, critique);
          },
          (e: unknown) => {
            const message = String((e as Error)?.message ?? e);
            showProblem(`Critical Reader could not analyse this page: ${message}`);
            post({ type: 'failed', message });
          },
        );
        return;
      }
      case 'failed':
        showProblem(`Critical Reader could not analyse this page: ${m.message}`);
        return;
      case 'update':
        if (m.critiqueJson !== null) mounted?.update(JSON.parse(m.critiqueJson) as Critique);
        // Keep showing the previous critique if the new one cannot be made.
        else if (received) void analyseHere(received.paperJson).then((c) => mounted?.update(c), () => undefined);
        return;
      case 'colours':
        mounted?.setColours(m.colours);
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
