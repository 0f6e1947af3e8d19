/** The background's PDF-opening hooks, driven through a fake extension API. */
import { describe, expect, it } from 'vitest';
import type { ExtensionApi } from '../../src/shared/browser';
import { OPEN_PDF_MENU_ID, isOpenableUrl, looksLikePdfUrl, maybeOpenPdfTab, registerPdfOpening } from '../../src/background/pdf-open';

type Listener = (...args: unknown[]) => unknown;

function fakeApi(contentType = 'text/html') {
  const created: { url: string; index?: number }[] = [];
  const menus: unknown[] = [];
  const listeners: Record<string, Listener[]> = {};
  const on = (name: string) => ({ addListener: (l: Listener) => (listeners[name] ??= []).push(l) });
  const api = {
    runtime: { getURL: (p: string) => `chrome-extension://abc/${p}`, onMessage: on('message'), onInstalled: on('installed'), onStartup: on('startup') },
    tabs: { create: async (o: { url: string; index?: number }) => void created.push(o) },
    contextMenus: { create: (o: unknown) => void menus.push(o), onClicked: on('menu') },
    scripting: { executeScript: async () => [{ result: contentType }] },
  } as unknown as ExtensionApi;
  return { api, created, menus, listeners };
}

describe('pdf-open', () => {
  it('opens a link from the context menu in the viewer, next to its tab', async () => {
    const { api, created, listeners, menus } = fakeApi();
    registerPdfOpening(api);
    listeners.startup![0]!();
    expect(menus).toEqual([expect.objectContaining({ id: OPEN_PDF_MENU_ID, contexts: ['link'] })]);
    await listeners.menu![0]!({ menuItemId: OPEN_PDF_MENU_ID, linkUrl: 'https://journal.example/doi/pdf/10.1/x?download=true' }, { index: 3 });
    await Promise.resolve();
    expect(created).toEqual([
      { url: 'chrome-extension://abc/viewer/viewer.html?file=https%3A%2F%2Fjournal.example%2Fdoi%2Fpdf%2F10.1%2Fx%3Fdownload%3Dtrue', index: 4 },
    ]);
  });

  it('answers the sidebar\'s open-pdf message and ignores other messages', async () => {
    const { api, created, listeners } = fakeApi();
    registerPdfOpening(api);
    const onMessage = listeners.message![0]!;
    expect(onMessage({ type: 'analyse' }, {}, () => undefined)).toBe(false);
    const fromSidebar = { tab: { index: 0 }, url: 'chrome-extension://abc/sidebar/frame.html#k' };
    const response = await new Promise((resolve) => expect(onMessage({ type: 'open-pdf', url: 'https://x.example/a.pdf' }, fromSidebar, resolve)).toBe(true));
    expect(response).toEqual({ ok: true });
    expect(created[0]!.url).toContain('?file=https%3A%2F%2Fx.example%2Fa.pdf');
    // A content script (in a page's tab, at the page's address) is not our sidebar.
    const fromPage = await new Promise((resolve) => onMessage({ type: 'open-pdf', url: 'https://x.example/b.pdf' }, { tab: { index: 0 }, url: 'https://x.example/article' }, resolve));
    expect(fromPage).toMatchObject({ ok: false });
    expect(created).toHaveLength(1);
  });

  it('refuses addresses the viewer must not fetch', async () => {
    const { api, created, listeners } = fakeApi();
    registerPdfOpening(api);
    const response = await new Promise((resolve) => listeners.message![0]!({ type: 'open-pdf', url: 'javascript:alert(1)' }, { url: 'chrome-extension://abc/sidebar/frame.html' }, resolve));
    expect(response).toMatchObject({ ok: false });
    expect(created).toEqual([]);
    expect(isOpenableUrl('file:///home/me/paper.pdf')).toBe(true);
    expect(isOpenableUrl('data:application/pdf;base64,AAAA')).toBe(false);
  });

  it('recognises a PDF tab by its address or, failing that, by the document content type', async () => {
    expect(looksLikePdfUrl('https://x.example/files/Paper.PDF?x=1')).toBe(true);
    expect(looksLikePdfUrl('https://x.example/article/123')).toBe(false);
    const html = fakeApi('text/html');
    expect(await maybeOpenPdfTab({ id: 1, url: 'https://x.example/article/123' }, html.api)).toBe(false);
    expect(html.created).toEqual([]);
    const pdf = fakeApi('application/pdf');
    expect(await maybeOpenPdfTab({ id: 1, url: 'https://x.example/doi/pdf/10.1/x', index: 0 }, pdf.api)).toBe(true);
    expect(pdf.created).toHaveLength(1);
  });
});
