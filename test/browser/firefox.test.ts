/**
 * The extension in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core,
 * with dist/firefox installed as a temporary add-on): the sidebar opens on a publisher page with
 * the engine's findings, a note comes back after a reload, and the PDF viewer reads a PDF and
 * highlights it.
 *
 * Firefox gives an add-on a random internal UUID per profile; the `extensions.webextensions.uuids`
 * preference fixes it so the test can open the add-on's own pages. The sidebar is opened the way a
 * reader makes it open by itself: by adding the site in the options page (Firefox asks for the
 * site's permission; `extensions.webextOptionalPermissionPrompts: false` answers yes, as the reader
 * would). Firefox's remote agent refuses to navigate to add-on pages unless started with
 * `--remote-allow-system-access`; even then puppeteer sees no load event for them, so
 * `openAddonPage` waits for the page itself instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePaper } from '../../src/analysis/engine';
import { extractHtml } from '../../src/extract/html';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';
import { makeFixtures } from '../viewer/make-fixtures';
import { ensureBuilt, PROJECT_ROOT, selectRunningText, startServer, type TestServer } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'critical-reader@critical-reader.local';
const UUID = '5f0c9a3e-2b7d-4c1a-8e6f-3d9b1a7c2e40';
const addonUrl = (path: string) => `moz-extension://${UUID}/${path}`;
const EXAMPLE = 'examples/digital-peer-support-meta-analysis.html';
const TIMEOUT = 120_000;

let browser: Browser;
let server: TestServer;
let pdfDir: string;

beforeAll(async () => {
  ensureBuilt();
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH).`);
  pdfDir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'cr-ff-pdf-'));
  await makeFixtures(pdfDir);
  server = await startServer({ '/examples': join(PROJECT_ROOT, 'examples'), '/pdf': pdfDir });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(join(PROJECT_ROOT, 'dist/firefox'));
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAddonPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = addonUrl(path);
  await page.goto(url, { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 30_000 }, url);
  return page;
}

async function allowSite(origin: string): Promise<void> {
  const options = await openAddonPage('options/options.html');
  await (await options.$('#auto-scan-input'))!.type(origin);
  const add = await options.evaluateHandle(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Add site'))!);
  await add.click();
  // The background registers the site's content script once the permission is granted.
  await options.waitForFunction(
    async () => {
      const api = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).browser;
      return (await api.scripting.getRegisteredContentScripts()).some((c) => c.matches?.includes('http://127.0.0.1/*'));
    },
    { timeout: 30_000, polling: 200 },
  );
  await options.close();
}

/** The sidebar's frame (an extension page in the publisher page), once it is there. */
async function sidebarFrame(page: Page): Promise<Frame> {
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    // Puppeteer names the extension's frame about:blank here; the frame itself knows better.
    for (const frame of page.frames()) {
      const href = frame.detached ? '' : await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes('/sidebar/frame.html')) return frame;
    }
  }
  throw new Error('the sidebar frame did not appear');
}

async function sidebarText(frame: Frame): Promise<string> {
  return frame.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' '));
}

/** Clicks the first element matching `selector` in the sidebar whose text includes `text`, once there. */
async function clickInSidebar(frame: Frame, selector: string, text = ''): Promise<void> {
  await frame.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((el) => (el.textContent ?? '').includes(t)), { timeout: 30_000, polling: 100 }, selector, text);
  const handle = await frame.evaluateHandle((s, t) => [...document.querySelectorAll(s)].find((el) => (el.textContent ?? '').includes(t))!, selector, text);
  await (handle as ElementHandle<Element>).click();
}

describe('Critical Reader in Firefox', () => {
  it('opens the sidebar on a site the reader added, with the findings the engine finds', { timeout: TIMEOUT }, async () => {
    await allowSite(server.origin);
    const url = `${server.origin}/${EXAMPLE}`;
    const expected = analysePaper(extractHtml(parseHtmlInNode(readFileSync(join(PROJECT_ROOT, EXAMPLE), 'utf8')), url));
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('critical-reader-sidebar[data-state="ready"]', { timeout: 60_000 });
    const frame = await sidebarFrame(page);
    await frame.waitForFunction(() => document.querySelector('[data-finding-id]') !== null, { timeout: 30_000, polling: 100 });
    const ids = await frame.evaluate(() => [...new Set([...document.querySelectorAll('[data-finding-id]')].map((e) => e.getAttribute('data-finding-id')))]);
    expect(ids.sort()).toEqual(expected.findings.map((f) => f.id).sort());
    expect(await sidebarText(frame)).toContain(expected.audit!.summary);
    // The page's own scripts see our element but nothing inside it.
    expect(await page.evaluate(() => document.querySelector('critical-reader-sidebar')!.shadowRoot)).toBeNull();
    await page.close();
  });

  // Runs after the test above, which added the test server's site for automatic scanning.
  it('keeps a note on selected text across a reload', { timeout: TIMEOUT }, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/${EXAMPLE}`);
    let frame = await sidebarFrame(page);
    await clickInSidebar(frame, '[role="tab"]', 'Notes');
    const quote = await page.evaluate(selectRunningText);
    await clickInSidebar(frame, '[data-action="add-note"]');
    await frame.waitForFunction(() => document.querySelector('form.note-form blockquote') !== null, { timeout: 10_000, polling: 100 });
    expect(await frame.evaluate(() => document.querySelector('form.note-form blockquote')!.textContent)).toBe(quote.trim());
    const textarea = await frame.evaluateHandle(() => document.querySelector('form.note-form textarea')!);
    await (textarea as ElementHandle<HTMLTextAreaElement>).type('Which protocol does this follow?');
    await clickInSidebar(frame, 'form.note-form button[type="submit"]');
    await frame.waitForFunction(() => (document.body.textContent ?? '').includes('Note saved.'), { timeout: 10_000, polling: 100 }).catch(async () => {
      throw new Error(`note not saved; the sidebar says: ${(await sidebarText(frame)).replace(/^.*?(?=Overview)/, '').slice(0, 600)}`);
    });
    await frame.waitForFunction(() => document.querySelector('.notes-list .reader-note') !== null, { timeout: 10_000, polling: 100 });

    await page.reload();
    await page.waitForSelector('critical-reader-sidebar[data-state="ready"]', { timeout: 60_000 });
    frame = await sidebarFrame(page);
    await clickInSidebar(frame, '[role="tab"]', 'Notes');
    await frame.waitForFunction(() => document.querySelector('.notes-list .reader-note') !== null, { timeout: 10_000, polling: 100 });
    const text = await frame.evaluate(() => document.querySelector('.notes-list .reader-note')!.textContent ?? '');
    expect(text).toContain('Which protocol does this follow?');
    expect(text.replace(/\s+/g, ' ')).toContain(quote.trim().slice(0, 20));
    await page.close();
  });

  // Runs after the first test, which added the test server's site for automatic scanning.
  it('opens the sidebar on a page whose Content-Security-Policy allows no frames', { timeout: TIMEOUT }, async () => {
    const html = readFileSync(join(PROJECT_ROOT, EXAMPLE), 'utf8').replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-src 'none'; child-src 'none'; script-src 'self' 'unsafe-inline'">`);
    expect(html).toContain("frame-src 'none'");
    const page = await browser.newPage();
    await page.goto(server.page('/strict-csp.html', html));
    await page.waitForSelector('critical-reader-sidebar[data-state="ready"]', { timeout: 60_000 });
    const frame = await sidebarFrame(page);
    await frame.waitForFunction(() => document.querySelector('[data-finding-id]') !== null, { timeout: 30_000, polling: 100 });
    await page.close();
  });

  // WebDriver BiDi's key actions reach the page, not Firefox's own shortcut handling, so a key
  // press cannot be sent here the way a keyboard does (the Chromium test does send one).
  it('binds the suggested shortcut (the options page shows what Firefox bound)', { timeout: TIMEOUT }, async () => {
    const options = await openAddonPage('options/options.html');
    await options.waitForFunction(() => document.querySelector('.shortcut kbd') !== null, { timeout: 30_000 });
    expect(await options.evaluate(() => document.querySelector('.shortcut kbd')!.textContent)).toBe('Alt+Shift+L');
    await options.close();
  });

  it('reads a PDF in the viewer and highlights its terms', { timeout: TIMEOUT }, async () => {
    const page = await openAddonPage(`viewer/viewer.html?file=${encodeURIComponent(`${server.origin}/pdf/peer-support-paper.pdf`)}`);
    // Add-on pages: puppeteer's selector waits do not reach them here; poll the page itself (the
    // critique sits in #sidebar's shadow root).
    await page.waitForFunction(() => document.body.dataset.state === 'analysed', { timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById('sidebar')?.shadowRoot?.querySelector('[data-finding-id]') != null, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('.page[data-page-number="1"] .cr-hl-term') !== null, { timeout: 30_000 });
    const covered = await page.evaluate(() => {
      const hl = document.querySelector('.page[data-page-number="1"] .cr-hl-term')!.getBoundingClientRect();
      const x = hl.left + hl.width / 2;
      const y = hl.top + hl.height / 2;
      const span = [...document.querySelectorAll('.page[data-page-number="1"] .textLayer span')].find((s) => {
        const r = s.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      });
      return span?.textContent ?? '';
    });
    expect(covered.toLowerCase()).toMatch(/peer|digital|lived/);
    await page.close();
  });
});
