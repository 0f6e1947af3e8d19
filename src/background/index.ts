/**
 * The background: opens the sidebar on the current tab (toolbar button, keyboard shortcut,
 * context menu, runtime message), injects the sidebar bundle when the first-load script asks,
 * analyses papers off the page's main thread with the reader's active lenses, and keeps automatic
 * scanning in step with settings (./auto-scan.ts).
 */
import { analysePaper } from '../analysis/engine';
import { extensionApi, type ExtensionApi } from '../shared/browser';
import { ANALYSIS_BUDGET_MS, isMessage, type Message, type Responses } from '../shared/messages';
import { activeLenses, type ReaderSettings } from '../shared/reader-settings';
import { loadSettings } from '../shared/settings-store';
import { registerAutoScan } from './auto-scan';
import { maybeOpenPdfTab, registerPdfOpening } from './pdf-open';
import { StableLenses, warmUpEngine } from './warm-up';

const MENU_ID = 'critical-reader-toggle-sidebar';
const api = extensionApi() as ExtensionApi;
const stableLenses = new StableLenses();

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Injects the first-load script; it toggles the sidebar (and loads the heavy bundle the first time). */
export async function toggleSidebar(tabId?: number): Promise<Responses['toggle-sidebar']> {
  const id = tabId ?? (await activeTabId());
  if (id === undefined) return { ok: false, error: 'No tab to open the sidebar in' };
  try {
    // The reader asked: the sidebar takes the focus when it opens (see READER_ACTION_KEY).
    await api.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        (globalThis as Record<symbol, unknown>)[Symbol.for('critical-reader.reader-action')] = true;
      },
    });
    await api.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] });
    return { ok: true };
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
// Dropped at once on any storage change (not after a reload): a sidebar re-analysing for new
// lenses must never be answered from the old settings.
api.storage.onChanged.addListener(() => {
  settingsCache = null;
});

async function analyse(message: Extract<Message, { type: 'analyse' }>): Promise<Responses['analyse']> {
  try {
    const settings = await currentSettings();
    return { ok: true, critique: analysePaper(message.paper, { lenses: stableLenses.get(activeLenses(settings)), budgetMs: ANALYSIS_BUDGET_MS }) };
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
      return analyse(message);
  }
}

api.runtime.onMessage.addListener(((message: unknown, sender: { tab?: { id?: number }; frameId?: number }, sendResponse: (r: unknown) => void) => {
  if (!isMessage(message)) return false;
  // sendResponse + `return true` works in Chrome and Firefox alike (Chrome ignores returned promises in older versions).
  void handle(message, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
  return true;
}) as Parameters<ExtensionApi['runtime']['onMessage']['addListener']>[0]);

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

// The worker has just woken (usually for a toolbar click, while the page injects the sidebar and
// extracts the article): compile the engine now, not when the reader's paper arrives (./warm-up.ts).
let warmUpMs: number | null = null;
void currentSettings().then(
  (s) => (warmUpMs = Math.round(warmUpEngine(stableLenses.get(activeLenses(s))))),
  () => undefined,
);

// Test and benchmark hook: playwright drives the background through `worker.evaluate`.
(globalThis as { criticalReader?: unknown }).criticalReader = { toggleSidebar, openReaderOn, warmUpMs: () => warmUpMs };
