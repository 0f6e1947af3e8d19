/**
 * The background: opens the sidebar on the current tab (toolbar button, keyboard shortcut,
 * context menu, runtime message), injects the sidebar bundle when the first-load script asks,
 * analyses papers off the page's main thread with the reader's active lenses, and keeps automatic
 * scanning in step with settings (./auto-scan.ts).
 */
import { analysePaper } from '../analysis/engine';
import type { Paper } from '../analysis/model';
import { extensionApi, type ExtensionApi } from '../shared/browser';
import { ANALYSIS_BUDGET_MS, isMessage, type Message, type Responses } from '../shared/messages';
import { isAnalyseRequest, type AnalyseAnswer } from '../shared/service-worker-channel';
import { activeLenses, type ReaderSettings } from '../shared/reader-settings';
import { changesSettings, loadSettings } from '../shared/settings-store';
import { DEFAULT_SIDEBAR_PREFS, SIDEBAR_PREFS_KEY, loadSidebarPrefs } from '../shared/sidebar-prefs';
import { registerAutoScan } from './auto-scan';
import { maybeOpenPdfTab, registerPdfOpening } from './pdf-open';
import { StableLenses } from './stable-lenses';

const MENU_ID = 'critical-reader-toggle-sidebar';
const api = extensionApi() as ExtensionApi;
const stableLenses = new StableLenses();

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The toolbar button, shortcut or menu: toggles an open sidebar, or injects the sidebar bundle,
 * which opens itself. (The first-load script, content.js, is for automatic scanning; going
 * through it here would cost the reader an extra injection and a message before anything starts.)
 */
export async function toggleSidebar(tabId?: number): Promise<Responses['toggle-sidebar']> {
  const id = tabId ?? (await activeTabId());
  if (id === undefined) return { ok: false, error: 'No tab to open the sidebar in' };
  try {
    const [found] = await api.scripting.executeScript({
      target: { tabId: id },
      args: [await sidebarWidth()],
      // Runs in the content scripts' world; the keys are those of ../content/global-keys.ts.
      func: (width: number) => {
        const g = globalThis as Record<symbol, unknown>;
        // The reader asked: the sidebar takes the focus when it opens (see READER_ACTION_KEY).
        g[Symbol.for('critical-reader.reader-action')] = true;
        g[Symbol.for('critical-reader.sidebar-width')] = width;
        const sidebar = g[Symbol.for('critical-reader.sidebar')] as { toggle(): void } | undefined;
        if (sidebar) {
          sidebar.toggle(); // an opening takes the width at once; a closing leaves none behind
          delete g[Symbol.for('critical-reader.sidebar-width')];
          return 'toggled';
        }
        // Automatic scanning is loading the sidebar already: it opens in a moment.
        return g[Symbol.for('critical-reader.loading')] ? 'loading' : 'absent';
      },
    });
    return found?.result === 'absent' ? await loadSidebar(id, undefined) : { ok: true };
  } catch (e) {
    // Browser pages, the web store, or no permission for this tab: nothing we may do there.
    return { ok: false, error: String((e as Error)?.message ?? e) };
  }
}

async function loadSidebar(tabId: number, frameId: number | undefined): Promise<Responses['load-sidebar']> {
  try {
    await api.scripting.executeScript({ target: { tabId, ...(frameId ? { frameIds: [frameId] } : {}) }, files: ['sidebar.js'] });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e) };
  }
}

/**
 * The reader's settings, read once per worker life and replaced when they change: reading
 * storage.sync for every analysis cost 4–27 ms of the reader's wait.
 */
let settingsCache: Promise<ReaderSettings> | null = null;
function currentSettings(): Promise<ReaderSettings> {
  settingsCache ??= loadSettings().catch((e: unknown) => {
    settingsCache = null;
    throw e;
  });
  return settingsCache;
}

/** The sidebar's width as the reader left it, for the page (SIDEBAR_WIDTH_KEY); kept until it changes. */
let widthCache: Promise<number> | null = null;
function sidebarWidth(): Promise<number> {
  widthCache ??= loadSidebarPrefs().then(
    (prefs) => prefs.width,
    () => {
      widthCache = null;
      return DEFAULT_SIDEBAR_PREFS.width;
    },
  );
  return widthCache;
}

// Dropped at once when they change (not after a reload): a sidebar re-analysing for new lenses
// must never be answered from the old settings. Other writes (notes, the sidebar's frame secret
// on every opening) keep them.
api.storage.onChanged.addListener((changes, areaName) => {
  if (changesSettings(changes, areaName)) settingsCache = null;
  if (areaName === 'local' && SIDEBAR_PREFS_KEY in changes) widthCache = null;
});

/** The critique of the paper in `paperJson`, with the reader's active lenses. */
async function analyse(paperJson: string): Promise<AnalyseAnswer> {
  try {
    const settings = await currentSettings();
    const critique = analysePaper(JSON.parse(paperJson) as Paper, { lenses: stableLenses.get(activeLenses(settings)), budgetMs: ANALYSIS_BUDGET_MS });
    return { ok: true, critiqueJson: JSON.stringify(critique) };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e) };
  }
}

async function handle(message: Message, sender: { tab?: { id?: number }; frameId?: number }): Promise<unknown> {
  switch (message.type) {
    case 'toggle-sidebar':
      return toggleSidebar(message.tabId ?? sender.tab?.id);
    case 'load-sidebar':
      if (sender.tab?.id === undefined) return { ok: false, error: 'load-sidebar must come from a tab' };
      return loadSidebar(sender.tab.id, sender.frameId);
    case 'analyse':
      return analyse(message.paperJson);
  }
}

api.runtime.onMessage.addListener(((message: unknown, sender: { tab?: { id?: number }; frameId?: number }, sendResponse: (r: unknown) => void) => {
  if (!isMessage(message)) return false;
  // sendResponse + `return true` works in Chrome and Firefox alike (Chrome ignores returned promises in older versions).
  void handle(message, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
  return true;
}) as Parameters<ExtensionApi['runtime']['onMessage']['addListener']>[0]);

// Chrome: extension pages (the sidebar's frame, the viewer) post papers straight to this service
// worker, with a port for the answer (../shared/service-worker-channel.ts). Only pages of our own
// origin can reach a service worker's `message` event. Firefox's background is a page and takes
// runtime messages only.
if (typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope === 'function') {
  addEventListener('message', (e) => {
    const event = e as MessageEvent & { waitUntil?(done: Promise<unknown>): void };
    const request = event.data as unknown;
    const port = event.ports[0];
    if (!port || !isAnalyseRequest(request)) return;
    event.waitUntil?.(analyse(request.paperJson).then((answer) => port.postMessage(answer)));
  });
}

/**
 * Toolbar button / keyboard command: a tab showing a PDF (the browser's own viewer) opens in the
 * Critical Reader viewer; any other page gets the sidebar.
 */
export async function openReaderOn(tab: { id?: number; url?: string; index?: number } | undefined): Promise<void> {
  let openedViewer = false;
  try {
    openedViewer = await maybeOpenPdfTab(tab, api);
  } catch {
    // Could not tell (or could not open the viewer): fall back to the sidebar.
  }
  if (!openedViewer) await toggleSidebar(tab?.id);
}

api.action.onClicked.addListener((tab) => void openReaderOn(tab));

api.commands.onCommand.addListener((command, tab) => {
  if (command === 'toggle-sidebar') void openReaderOn(tab);
});

api.runtime.onInstalled.addListener(() => {
  // Remove only our own item (an update re-runs onInstalled): `removeAll()` would race with and
  // delete the "Open PDF in Critical Reader" item that ./pdf-open.ts creates at the same moment.
  const recreate = () => api.contextMenus.create({ id: MENU_ID, title: 'Critical Reader: toggle sidebar', contexts: ['page', 'selection', 'action'] });
  void Promise.resolve()
    .then(() => api.contextMenus.remove(MENU_ID))
    .catch(() => undefined)
    .then(recreate)
    .catch(() => undefined);
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) void toggleSidebar(tab?.id);
});

// Auto-scan (sites the reader opted into and granted): a registered content script runs content.js.
void registerAutoScan();
registerPdfOpening();

// Test and benchmark hook: playwright drives the background through `worker.evaluate`.
(globalThis as { criticalReader?: unknown }).criticalReader = { toggleSidebar, openReaderOn };
