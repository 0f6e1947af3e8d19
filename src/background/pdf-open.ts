/**
 * Opening PDFs in the Critical Reader viewer from the background:
 * - the toolbar button on a tab showing a PDF (the browser's own PDF viewer) → viewer.html?file=<tab url>;
 * - the link context menu "Open PDF in Critical Reader";
 * - the runtime message `{ type: 'open-pdf', url }` (the sidebar's "Open PDF" button on a publisher
 *   page with a `citation_pdf_url`).
 * The viewer fetches the file itself and explains failures (login walls, file:// access).
 */
import { extensionApi, type ExtensionApi } from '../shared/browser';

export const OPEN_PDF_MENU_ID = 'critical-reader-open-pdf';
/** Where the `pages` build pass puts the viewer (vite root is `src/`). */
export const VIEWER_PATH = 'viewer/viewer.html';

export interface OpenPdfMessage {
  type: 'open-pdf';
  url: string;
}

export function isOpenPdfMessage(value: unknown): value is OpenPdfMessage {
  const v = value as { type?: unknown; url?: unknown } | null;
  return !!v && typeof v === 'object' && v.type === 'open-pdf' && typeof v.url === 'string';
}

/** The viewer address for a PDF at `url`. */
export function viewerUrl(api: Pick<ExtensionApi, 'runtime'>, url: string): string {
  return `${api.runtime.getURL(VIEWER_PATH)}?file=${encodeURIComponent(url)}`;
}

/** Only addresses the viewer can fetch; anything else (javascript:, data:, chrome:) is refused. */
export function isOpenableUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A URL whose path ends in ".pdf" (before any query or fragment). */
export function looksLikePdfUrl(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

interface TabLike {
  id?: number;
  url?: string;
  index?: number;
}

/**
 * Whether the tab shows a PDF: by its address, else (Chrome shows PDFs at any address) by asking
 * the document its content type. Pages we may not script simply answer false.
 */
export async function isPdfTab(tab: TabLike, api: ExtensionApi | null = extensionApi()): Promise<boolean> {
  if (!tab.url || !isOpenableUrl(tab.url)) return false;
  if (looksLikePdfUrl(tab.url)) return true;
  if (!api?.scripting || tab.id === undefined) return false;
  try {
    const [result] = await api.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.contentType });
    return result?.result === 'application/pdf';
  } catch {
    return false;
  }
}

export async function openPdfInViewer(url: string, opener?: TabLike, api: ExtensionApi | null = extensionApi()): Promise<{ ok: boolean; error?: string }> {
  if (!api) return { ok: false, error: 'Not running inside the extension' };
  if (!isOpenableUrl(url)) return { ok: false, error: `Cannot open ${url} as a PDF` };
  await api.tabs.create({ url: viewerUrl(api, url), ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}) });
  return { ok: true };
}

/**
 * For the toolbar button and keyboard command: when the tab shows a PDF, open it in the viewer and
 * return true (the caller then does not try the publisher-page sidebar).
 */
export async function maybeOpenPdfTab(tab: TabLike | undefined, api: ExtensionApi | null = extensionApi()): Promise<boolean> {
  if (!tab || !(await isPdfTab(tab, api))) return false;
  return (await openPdfInViewer(tab.url!, tab, api)).ok;
}

function createMenu(api: ExtensionApi): void {
  // Re-creating an existing id fails harmlessly; reading lastError keeps Chrome from logging it.
  const done = () => void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError;
  try {
    const r = api.contextMenus.create({ id: OPEN_PDF_MENU_ID, title: 'Open PDF in Critical Reader', contexts: ['link'] }, done) as unknown;
    if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => undefined);
  } catch {
    // Already exists.
  }
}

export function registerPdfOpening(api: ExtensionApi | null = extensionApi()): void {
  if (!api) return;
  if (api.contextMenus) {
    // No delay needed: the background's own onInstalled handler removes only its own menu id.
    api.runtime.onInstalled.addListener(() => createMenu(api));
    api.runtime.onStartup?.addListener(() => createMenu(api));
    api.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === OPEN_PDF_MENU_ID && info.linkUrl) void openPdfInViewer(info.linkUrl, tab, api);
    });
  }
  api.runtime.onMessage.addListener(((message: unknown, sender: { tab?: TabLike; url?: string }, sendResponse: (r: unknown) => void) => {
    if (!isOpenPdfMessage(message)) return false;
    // Only from our own pages (the sidebar page, the viewer): nothing in a web page's reach may
    // open viewer tabs on addresses of its choosing.
    if (!sender.url?.startsWith(api.runtime.getURL(''))) {
      sendResponse({ ok: false, error: 'open-pdf is only accepted from the extension’s own pages' });
      return false;
    }
    void openPdfInViewer(message.url, sender.tab, api).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
    return true;
  }) as Parameters<ExtensionApi['runtime']['onMessage']['addListener']>[0]);
}
