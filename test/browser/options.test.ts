/**
 * The options page in real Chromium with the built extension and real browser storage: a lens
 * edited there is used by the sidebar on a page, a colour change reaches an open sidebar without
 * reload, and a site added for automatic scanning opens the sidebar by itself.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_COLOURS } from '../../src/shared/colour-contrast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openSidebar, sidebar, sidebarHost, startServer, toggleSidebar, type ExtensionBrowser, type TestServer } from './harness';

const PAPER = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="citation_title" content="Co-producing a mental health app">
<title>Co-producing a mental health app</title></head>
<body style="background:#fff;color:#111"><article>
<h1>Co-producing a mental health app</h1>
<section><h2>Abstract</h2><p>This study was co-produced with people who use mental health services.</p></section>
<section><h2>Methods</h2><p>The app was co-produced in six workshops. Coproduction of the evaluation involved two researchers with lived experience.</p></section>
<section><h2>Discussion</h2><p>Co-production takes time.</p></section>
</article></body></html>`;

let ext: ExtensionBrowser;
let server: TestServer;
let paperUrl: string;

/** Texts of the ranges painted under a highlight name (main world: the registry is the page's). */
function highlightedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
    return h ? [...h].map((r) => r.toString()) : [];
  }, name);
}

async function openOptions(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
  await page.locator('#lens-name').waitFor();
  return page;
}

async function waitSaved(options: Page): Promise<void> {
  await expect.poll(() => options.locator('.status').textContent(), { timeout: 10_000 }).toMatch(/Saved|All changes saved/);
}

beforeAll(async () => {
  server = await startServer({});
  paperUrl = server.page('/paper.html', PAPER);
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('options page in Chromium', () => {
  it('the manifest opens this page as the options page', async () => {
    const optionsUrl = await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { options_ui?: { page: string } } } } }).chrome.runtime.getManifest().options_ui?.page);
    expect(optionsUrl).toBe('options/options.html');
  });

  it('a term added to a new lens is highlighted on the page once the sidebar is toggled', async () => {
    const page = await ext.context.newPage();
    await page.goto(paperUrl);
    await openSidebar(ext, page);
    // The built-in lens knows nothing of co-production.
    expect((await highlightedTexts(page, 'critical-reader-term')).some((t) => /co-?produc/i.test(t))).toBe(false);
    await toggleSidebar(ext, page);
    await expect.poll(() => sidebarHost(page).count()).toBe(0);

    const options = await openOptions();
    await options.getByRole('button', { name: 'New lens' }).click();
    await options.locator('#lens-name').fill('Co-production');
    await options.locator('#lens-editor-t0-label').fill('co-production');
    await options.locator('#lens-editor-t0-variants').fill('co-produc*');
    await waitSaved(options);
    // Chromium offers storage.sync: the lens went there, as its own item.
    const synced = await ext.worker.evaluate(async () => {
      const g = globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } } };
      return Object.keys(await g.chrome.storage.sync.get(null));
    });
    expect(synced).toEqual(expect.arrayContaining(['rs:meta', 'rs:lens:co-production:0']));

    await page.bringToFront();
    await openSidebar(ext, page);
    await expect
      .poll(async () => (await highlightedTexts(page, 'critical-reader-term')).map((t) => t.toLowerCase()), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['co-producing', 'co-produced', 'coproduction', 'co-production']));
    await options.close();
    await page.close();
  });

  it('a highlight colour chosen on the options page reaches an open sidebar without reload', async () => {
    const page = await ext.context.newPage();
    await page.goto(paperUrl);
    await openSidebar(ext, page);
    const options = await openOptions();
    await options.locator('#colour-term-light').fill('#ffaa00');
    await expect.poll(() => options.locator('#colour-term-light-contrast').textContent()).toMatch(/Text on light pages: \d+\.\d:1/);
    await waitSaved(options);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('style[data-critical-reader="highlights"]')?.textContent ?? ''), { timeout: 10_000 })
      .toContain('::highlight(critical-reader-term) { background-color: #ffaa00;');
    // The sidebar's legend swatch follows the same colour.
    await expect
      .poll(() => sidebar(page).locator('.cr-root').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--cr-swatch-term-light')))
      .toBe('#ffaa00');

    // The page's own colour (1.0:1) would not show: the options page says so and the page gets the default.
    await options.locator('#colour-term-light').fill('#ffffff');
    await expect.poll(() => options.locator('#colour-term-light-contrast').textContent()).toMatch(/would not show.*default colour is painted instead/);
    await waitSaved(options);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('style[data-critical-reader="highlights"]')?.textContent ?? ''), { timeout: 10_000 })
      .toContain(`::highlight(critical-reader-term) { background-color: ${DEFAULT_COLOURS.term.light};`);
    await options.locator('#colour-term-light').fill(DEFAULT_COLOURS.term.light);
    await waitSaved(options);
    await options.close();
    await page.close();
  });

  it('a lens switched on while the sidebar is open re-analyses the page: terms group per lens, new highlights', async () => {
    const page = await ext.context.newPage();
    await page.goto(paperUrl);
    await openSidebar(ext, page);
    const analysesBefore = Number((await sidebarHost(page).getAttribute('data-analyses')) ?? '1');
    const options = await openOptions();
    await options.getByRole('button', { name: 'New lens' }).click();
    await options.locator('#lens-name').fill('Involvement words');
    await options.locator('#lens-editor-t0-label').fill('workshops');
    await options.locator('#lens-editor-t0-variants').fill('workshop*');
    await waitSaved(options);
    // No reload, no toggle: the open sidebar gets a new critique.
    await expect.poll(() => sidebarHost(page).getAttribute('data-analyses'), { timeout: 15_000 }).not.toBe(String(analysesBefore));
    await sidebar(page).locator('[role="tab"]', { hasText: 'Terms' }).click();
    // This short page may not pass for a full article: ask for the analysis anyway.
    const anyway = sidebar(page).locator('[data-state="not-article"] button');
    if (await anyway.count()) await anyway.click();
    await expect.poll(() => sidebar(page).locator('.lens-group .group-heading').allTextContents(), { timeout: 10_000 }).toContain('Involvement words');
    await expect
      .poll(async () => (await highlightedTexts(page, 'critical-reader-term')).map((t) => t.toLowerCase()), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['workshops']));
    await options.close();
    await page.close();
  });

  it('a site added for automatic scanning opens the sidebar by itself', async () => {
    const options = await openOptions();
    await options.locator('#auto-scan-input').fill(server.origin);
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => options.locator('#auto-scan-message').textContent()).toContain(`will open by itself on ${server.origin}`);
    await waitSaved(options);
    // The background registers the first-load script for that site; a fresh page load opens the sidebar.
    await expect
      .poll(
        () =>
          ext.worker.evaluate(async () => {
            const g = globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } };
            return (await g.chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
          }),
        { timeout: 10_000 },
      )
      .toContain('http://127.0.0.1/*');
    const page = await ext.context.newPage();
    await page.goto(paperUrl);
    await page.locator('critical-reader-sidebar[data-state="ready"]').waitFor({ timeout: 20_000 });

    await options.getByRole('button', { name: `Remove ${server.origin}` }).click();
    await waitSaved(options);
    await expect
      .poll(() =>
        ext.worker.evaluate(async () => {
          const g = globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } };
          return (await g.chrome.scripting.getRegisteredContentScripts()).length;
        }),
      )
      .toBe(0);
    await options.close();
    await page.close();
  });
});
