/**
 * How the sidebar shares the window with the page, in real Chromium with the built extension:
 * fixed site headers move out from under it (and back on close), sticky ones follow the pushed
 * page, and in a narrow window it lies over the article instead of squeezing it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openSidebar, PROJECT_ROOT, sidebar, sidebarHost, startServer, toggleSidebar, type ExtensionBrowser, type TestServer } from './harness';

const TIMEOUT = 120_000;
const EXAMPLE = readFileSync(join(PROJECT_ROOT, 'examples/digital-peer-support-meta-analysis.html'), 'utf8');

/** The example article under a fixed full-width header, a fixed width:100% cookie bar and a sticky sub-header. */
const WITH_BARS = EXAMPLE.replace(
  /<body([^>]*)>/i,
  `<body$1 style="padding-top:60px">
  <header id="fixed-header" style="position:fixed;top:0;left:0;right:0;height:50px;background:#123;color:#fff;z-index:10">Journal of Examples <a href="#" style="float:right;color:#fff">Sign in</a></header>
  <div id="cookie-bar" style="position:fixed;bottom:0;left:0;width:100%;height:40px;background:#eee">We use cookies.</div>
  <nav id="sticky-nav" style="position:sticky;top:50px;background:#ddd">Article · Figures · References</nav>`,
);

let ext: ExtensionBrowser;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({});
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The bars' inline styles we touch, read the same way before and after. */
const barOffsets = (page: Page) =>
  page.evaluate(() =>
    ['#fixed-header', '#cookie-bar'].map((s) => {
      const st = document.querySelector<HTMLElement>(s)!.style;
      return [st.right, st.getPropertyPriority('right'), st.maxWidth, st.getPropertyPriority('max-width'), st.width, st.left].join('|');
    }),
  );

const rightEdge = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().right, selector);
const sidebarLeft = (page: Page) => page.evaluate(() => document.querySelector('critical-reader-sidebar')!.getBoundingClientRect().left);

describe('the sidebar beside the page', () => {
  it('moves fixed headers and bars out from under the sidebar, keeps sticky ones with the page, and restores them on close', { timeout: TIMEOUT }, async () => {
    const page = await ext.context.newPage();
    await page.goto(server.page('/bars.html', WITH_BARS));
    const width = await page.evaluate(() => innerWidth);
    expect(await rightEdge(page, '#fixed-header')).toBeGreaterThan(width - 20);
    const styleBefore = await barOffsets(page);

    await openSidebar(ext, page);
    const left = await sidebarLeft(page);
    expect(left).toBeLessThan(width - 200);
    for (const bar of ['#fixed-header', '#cookie-bar', '#sticky-nav']) {
      await expect.poll(() => rightEdge(page, bar), { timeout: 10_000 }).toBeLessThanOrEqual(left + 1);
    }
    // The header's "Sign in" link, at its right end, is visible beside the sidebar, not under it.
    expect(await rightEdge(page, '#fixed-header a')).toBeLessThanOrEqual(left + 1);

    await toggleSidebar(ext, page);
    await expect.poll(() => page.locator('critical-reader-sidebar').count()).toBe(0);
    expect(await barOffsets(page)).toEqual(styleBefore);
    expect(await rightEdge(page, '#fixed-header')).toBeGreaterThan(width - 20);
    await page.close();
  });

  it('opens at the width the reader left it, from its first moment, in this tab and a new one', { timeout: TIMEOUT }, async () => {
    const page = await ext.context.newPage();
    await page.goto(server.page('/width.html', EXAMPLE));
    await openSidebar(ext, page);
    const before = (await sidebarHost(page).boundingBox())!.width;
    await sidebar(page).locator('[role="separator"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    const chosen = before + 60;
    await expect.poll(async () => (await sidebarHost(page).boundingBox())!.width).toBe(chosen);
    await toggleSidebar(ext, page);
    await expect.poll(() => sidebarHost(page).count()).toBe(0);

    // Every width the sidebar's element has while it opens, from the moment it enters the page.
    const widthsWhileOpening = async (p: Page) => {
      await p.evaluate(() => {
        const seen: number[] = ((window as unknown as { __widths: number[] }).__widths = []);
        const note = () => {
          const el = document.querySelector('critical-reader-sidebar');
          if (el) seen.push(Math.round(el.getBoundingClientRect().width));
        };
        new MutationObserver(note).observe(document.documentElement, { childList: true, attributes: true, subtree: true });
      });
      await openSidebar(ext, p);
      return p.evaluate(() => (window as unknown as { __widths: number[] }).__widths);
    };
    const again = await widthsWhileOpening(page);
    expect(again.length).toBeGreaterThan(0);
    expect(new Set(again)).toEqual(new Set([chosen]));
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe(`${chosen}px`);

    const other = await ext.context.newPage();
    await other.goto(server.page('/width-2.html', EXAMPLE));
    expect(new Set(await widthsWhileOpening(other))).toEqual(new Set([chosen]));

    // Put the width back for the other tests (it is remembered).
    await sidebar(other).locator('[role="separator"]').focus();
    for (let i = 0; i < 3; i++) await other.keyboard.press('ArrowRight');
    await expect.poll(async () => (await sidebarHost(other).boundingBox())!.width).toBe(before);
    await other.close();
    await page.close();
  });

  it('lies over the article in a narrow window instead of squeezing it, and pushes again when the window widens', { timeout: TIMEOUT }, async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 760, height: 800 });
    await page.goto(server.page('/narrow.html', EXAMPLE));
    const articleWidth = () => page.evaluate(() => document.querySelector('main, article, body')!.getBoundingClientRect().width);
    const before = await articleWidth();
    await openSidebar(ext, page);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    expect(await articleWidth()).toBe(before);
    expect(await page.locator('critical-reader-sidebar').isVisible()).toBe(true);

    await page.setViewportSize({ width: 1400, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.style.marginRight)).toMatch(/^\d+px$/);
    await page.setViewportSize({ width: 760, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    await page.close();
  });
});
