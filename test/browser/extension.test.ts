/**
 * The extension in real Chromium on publisher-like pages: the sidebar opens, shows what the
 * engine finds, paints highlights where it says, keeps notes, exports, resists hostile pages and
 * makes no network request of its own.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessArticle } from '../../src/analysis/article-check';
import type { Critique } from '../../src/analysis/critique';
import { analysePaper } from '../../src/analysis/engine';
import { critiqueToMarkdown } from '../../src/analysis/markdown';
import { extractHtml } from '../../src/extract/html';
import { parseHtmlInNode } from '../../src/extract/html/node-dom';
import { requireCorpus } from '../corpus';
import { OUTPUT_DIR, PROJECT_ROOT, launchWithExtension, openSidebar, selectRunningText, sidebar, sidebarHost, startServer, toggleSidebar, type ExtensionBrowser, type TestServer } from './harness';
import { countColour, decodePng } from './png';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/publishers');
/** Real browser work on a shared 2-core machine: generous, since speed is measured in the benchmark, not here. */
const TEST_TIMEOUT = 240_000;
const FLASH_RGB: [number, number, number] = [255, 0, 170];

interface TestPage {
  name: string;
  url: string;
  html: string;
}

let ext: ExtensionBrowser;
let server: TestServer;
let pages: TestPage[];

function engineCritique(p: TestPage): Critique {
  return analysePaper(extractHtml(parseHtmlInNode(p.html), p.url));
}

async function openPage(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

/** The attribute `name` of every element matching `selector` in the sidebar. */
async function attr(page: Page, selector: string, name: string): Promise<string[]> {
  return sidebar(page).locator(selector).evaluateAll((els, n) => els.map((e) => e.getAttribute(n) ?? ''), name);
}

async function selectTab(page: Page, label: string): Promise<void> {
  await sidebar(page).locator('[role="tab"]', { hasText: label }).click();
  await sidebar(page).locator(`[role="tabpanel"][data-panel="${label.toLowerCase()}"]`).waitFor();
}

/** Rect of the first range of a named highlight (main world: the registry is the document's). */
async function highlightRect(page: Page, name: string) {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
    const range = h ? [...h][0] : undefined;
    if (!range) return null;
    const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, vh: innerHeight };
  }, name);
}

async function hasHighlight(page: Page, name: string): Promise<boolean> {
  return page.evaluate((n) => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has(n), name);
}

/** Waits for the flash highlight, then checks it is in view and its colour is really on screen. */
async function expectFlashPainted(page: Page): Promise<void> {
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('critical-reader-flash'));
  const rect = await highlightRect(page, 'critical-reader-flash');
  expect(rect).not.toBeNull();
  expect(rect!.y).toBeGreaterThanOrEqual(0);
  expect(rect!.y + rect!.height).toBeLessThanOrEqual(rect!.vh);
  const shot = await page.screenshot({ clip: { x: rect!.x, y: rect!.y, width: Math.max(4, rect!.width), height: Math.max(4, rect!.height) } });
  expect(countColour(decodePng(shot), FLASH_RGB)).toBeGreaterThan(0);
}

beforeAll(async () => {
  const corpus = requireCorpus('html');
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort();
  const corpusPages = ['pmc', 'springer', 'wiley'].map((skin) => readdirSync(corpus).filter((f) => f.endsWith(`.${skin}.html`)).sort()[0]!);
  server = await startServer({ '/fixtures': FIXTURES, '/corpus': corpus, '/examples': join(PROJECT_ROOT, 'examples') });
  pages = [
    ...fixtures.map((f) => ({ name: f, url: `${server.origin}/fixtures/${f}`, html: readFileSync(join(FIXTURES, f), 'utf8') })),
    ...corpusPages.map((f) => ({ name: f, url: `${server.origin}/corpus/${f}`, html: readFileSync(join(corpus, f), 'utf8') })),
  ];
  ext = await launchWithExtension();
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('Critical Reader in Chromium', () => {
  it('shows, on each publisher page, the findings the engine finds, and closes cleanly', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const p of pages) {
      const expected = engineCritique(p);
      const page = await openPage(p.url);
      await openSidebar(ext, page);
      const bar = sidebar(page);
      // A page the engine does not take for an article gets the friendly state first, then the analysis on request.
      if (!assessArticle(extractHtml(parseHtmlInNode(p.html), p.url)).isArticle) {
        await bar.locator('[data-state="not-article"]').waitFor();
        await bar.locator('[data-state="not-article"] button').click();
      }
      expect(await attr(page, '[data-finding-id]', 'data-finding-id'), p.name).toEqual(expected.findings.map((f) => f.id));
      expect(await attr(page, '[data-finding-kind]', 'data-finding-kind'), p.name).toEqual(expected.findings.map((f) => f.kind));
      if (expected.paper.title) await expect.poll(() => bar.locator('.citation .title').textContent()).toBe(expected.paper.title);
      await selectTab(page, 'Dates');
      expect(await bar.locator('[data-fact="ref-count"]').textContent(), p.name).toBe(String(expected.references.count));
      await selectTab(page, 'Statements');
      const found = await attr(page, '[data-statement]', 'data-found');
      expect(found, p.name).toEqual(['positionality', 'involvement', 'competingInterests', 'funding'].map((k) => String(expected.statements[k as keyof Critique['statements']].found)));

      // Side by side: the page is pushed over by the sidebar's width, and restored on close.
      const width = (await sidebarHost(page).boundingBox())!.width;
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe(`${width}px`);
      await toggleSidebar(ext, page);
      await expect.poll(() => sidebarHost(page).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
      expect(await hasHighlight(page, 'critical-reader-term')).toBe(false);
      await page.close();
    }
  }, TEST_TIMEOUT);

  it('scrolls to the evidence of a finding and paints it; highlight categories can be switched off', async () => {
    const candidates = pages.map((p) => ({ p, c: engineCritique(p) }));
    const withEvidence = candidates.find(({ c }) => c.findings.some((f) => f.evidence.some((e) => e.anchor)));
    expect(withEvidence, 'no page has a finding with anchored evidence').toBeDefined();
    const { p, c } = withEvidence!;
    const finding = c.findings.find((f) => f.evidence.some((e) => e.anchor))!;
    const page = await openPage(p.url);
    await openSidebar(ext, page);
    await sidebar(page).locator(`[data-finding-id="${finding.id}"] button[data-reveal]`).first().click();
    await expectFlashPainted(page);
    await page.screenshot({ path: join(OUTPUT_DIR, 'finding-revealed.png') });

    // Term uses are painted in their own category, which the reader can hide and show again.
    if (c.terms.some((t) => t.occurrences.length)) {
      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('critical-reader-term'));
      await sidebar(page).locator('.highlight-toggles summary').click();
      await sidebar(page).locator('input[data-category="term"]').click();
      expect(await hasHighlight(page, 'critical-reader-term')).toBe(false);
      // The choice is the reader's, not the page's: a sidebar opened on another tab starts with it.
      const again = await openPage(p.url);
      await openSidebar(ext, again);
      await sidebar(again).locator('.highlight-toggles summary').click();
      await expect.poll(() => sidebar(again).locator('input[data-category="term"]').isChecked()).toBe(false);
      expect(await hasHighlight(again, 'critical-reader-term')).toBe(false);
      await sidebar(again).locator('input[data-category="term"]').click();
      await again.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('critical-reader-term'));
      await again.close();
      await sidebar(page).locator('input[data-category="term"]').click();
      expect(await hasHighlight(page, 'critical-reader-term')).toBe(true);
      // Next/previous steps through one term's uses.
      await selectTab(page, 'Terms');
      await sidebar(page).locator('.term button', { hasText: 'Next' }).first().click();
      await expectFlashPainted(page);
      await expect.poll(() => sidebar(page).locator('.term .stepper span').first().textContent()).toMatch(/^1 of \d+/);
    }
    await page.close();
  }, TEST_TIMEOUT);

  it('keeps a note on selected text across a reload and in a new tab, and reveals it', async () => {
    const p = pages[0]!;
    const page = await openPage(p.url);
    await openSidebar(ext, page);
    // A stretch of running text in the article: the first long paragraph the extractor found.
    const paragraph = extractHtml(parseHtmlInNode(p.html), p.url).blocks.find((b) => b.kind === 'paragraph' && b.text.length > 200 && b.anchor.type === 'dom');
    expect(paragraph).toBeDefined();
    const path = (paragraph!.anchor as { path: string }).path;
    const quote = await page.evaluate((blockPath) => {
      let el: Element | undefined = document.body;
      for (const i of blockPath.split('/').filter(Boolean)) el = el?.children[Number(i)];
      if (!el) return null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.data.trim().length < 60) continue;
        const start = n.data.search(/\S/);
        const range = document.createRange();
        range.setStart(n, start);
        range.setEnd(n, start + 40);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return range.toString();
      }
      return null;
    }, path);
    expect(quote).not.toBeNull();
    await selectTab(page, 'Notes');
    const bar = sidebar(page);
    await bar.locator('[data-action="add-note"]').click();
    await bar.locator('form.note-form textarea').fill('Check this against the protocol.');
    await bar.locator('form.note-form select').selectOption('question');
    await bar.locator('form.note-form button[type="submit"]').click();
    await expect.poll(() => bar.locator('.notes-list .reader-note').count()).toBe(1);
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('critical-reader-note'));
    const noteText = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('critical-reader-note');
        const r = h ? [...h][0] : undefined;
        return r && !r.collapsed ? r.toString() : null;
      });
    // Highlights run from the first to the last letter of the selection (no edge whitespace).
    const shown = quote!.replace(/\s+/g, ' ').trim();
    expect(await noteText()).toBe(shown);
    // The page re-renders the paragraph (new nodes, same text): the highlight is re-anchored by its quote.
    await page.evaluate((blockPath) => {
      let el: Element | undefined = document.body;
      for (const i of blockPath.split('/').filter(Boolean)) el = el?.children[Number(i)];
      el!.replaceWith(el!.cloneNode(true));
    }, path);
    await expect.poll(noteText, { timeout: 10_000 }).toBe(shown);

    await page.reload();
    await openSidebar(ext, page);
    await selectTab(page, 'Notes');
    const note = sidebar(page).locator('.notes-list .reader-note');
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.locator('p').textContent()).toBe('Check this against the protocol.');
    expect(await note.locator('blockquote').textContent()).toBe(shown);
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await note.locator('button', { hasText: 'Show in text' }).click();
    await expectFlashPainted(page);

    const second = await openPage(p.url);
    await openSidebar(ext, second);
    await selectTab(second, 'Notes');
    await expect.poll(() => sidebar(second).locator('.notes-list .reader-note').count()).toBe(1);
    // Edit in place; the first tab follows.
    await sidebar(second).locator('.notes-list [data-action="edit-note"]').click();
    await sidebar(second).locator('.notes-list form.note-edit textarea').fill('Checked: it follows the 2019 protocol.');
    await sidebar(second).locator('.notes-list form.note-edit button[type="submit"]').click();
    await expect.poll(() => sidebar(page).locator('.notes-list .reader-note .note-text').textContent()).toBe('Checked: it follows the 2019 protocol.');
    // Delete, then Undo brings it back, highlight and all.
    await sidebar(second).locator('.notes-list [data-action="delete-note"]').click();
    await expect.poll(() => sidebar(second).locator('.notes-list .reader-note').count()).toBe(0);
    await sidebar(second).locator('[data-action="undo-delete"]').click();
    await expect.poll(() => sidebar(second).locator('.notes-list .reader-note .note-text').textContent()).toBe('Checked: it follows the 2019 protocol.');
    await second.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('critical-reader-note'));
    await sidebar(second).locator('.notes-list [data-action="delete-note"]').click();
    await expect.poll(() => sidebar(second).locator('.notes-list .reader-note').count()).toBe(0);
    await second.close();
    await page.close();
  }, TEST_TIMEOUT);

  it('copies the critique as Markdown to the clipboard', async () => {
    const p = pages[1]!;
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await openPage(p.url);
    await openSidebar(ext, page);
    await sidebar(page).locator('[data-action="copy-markdown"]').click();
    await expect.poll(() => sidebar(page).locator('.status').textContent()).toContain('Copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(critiqueToMarkdown(engineCritique(p), { notes: [] }));

    // With YAML front matter, for Obsidian and Zotero; the choice is kept for the next sidebar.
    await sidebar(page).locator('input[data-option="front-matter"]').check();
    await sidebar(page).locator('[data-action="copy-markdown"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(critiqueToMarkdown(engineCritique(p), { notes: [], frontMatter: true }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^---\ntitle: /);
    const again = await openPage(p.url);
    await openSidebar(ext, again);
    expect(await sidebar(again).locator('input[data-option="front-matter"]').isChecked()).toBe(true);
    await sidebar(again).locator('input[data-option="front-matter"]').uncheck();
    await again.close();
    await page.close();
  }, TEST_TIMEOUT);

  it('downloads and copies without putting the critique or notes where a page script can read them', async () => {
    // The page watches its whole document for anything the extension adds there.
    const spy = `<script>window.__seen = [];
      new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n.matches('a[href^="blob:"], textarea') || n.querySelector?.('a[href^="blob:"], textarea'))) window.__seen.push(n.outerHTML.slice(0, 80));
      } }).observe(document, { childList: true, subtree: true });</script>`;
    const html = pages[0]!.html.replace(/<\/head>/i, `${spy}</head>`);
    expect(html).toContain('__seen');
    const page = await openPage(server.page('/watching.html', html));
    await openSidebar(ext, page);
    const bar = sidebar(page);
    await bar.locator('.citation .title').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), bar.locator('[data-action="download-md"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^critical-reading-.*\.md$/);
    expect(await readFile(await download.path(), 'utf8')).toMatch(/^# Critical reading: /);
    // No clipboard permission on this origin: the copy fails and says so, with no page fallback.
    await bar.locator('[data-action="copy-markdown"]').click();
    await expect.poll(() => bar.locator('.status').textContent()).toMatch(/Could not copy|Copied/);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT);

  it("keeps the sidebar and the reader's notes out of a page script's reach, and holds back notes written on another site", async () => {
    const p = pages.find((t) => extractHtml(parseHtmlInNode(t.html), t.url).metadata.doi)!;
    expect(p).toBeDefined();
    // The page probes all it can: our element's shadow root, every frame's document, and a fake
    // hand-over of a channel to every frame; and it watches its DOM for the note's text. It also
    // fakes the frame's "ready" to the content script, posted and as a synthetic event seemingly
    // from each frame: answered, the sidebar's one channel would go to a frame not yet listening.
    const probe = `<script>window.__reached = new Set(); window.__sawHost = false;
      setInterval(() => {
        postMessage({ type: 'critical-reader-frame-ready' }, '*');
        for (let i = 0; i < frames.length; i++) dispatchEvent(new MessageEvent('message', { data: { type: 'critical-reader-frame-ready' }, source: frames[i] }));
        const host = document.querySelector('critical-reader-sidebar');
        if (host) { window.__sawHost = true; if (host.shadowRoot) window.__reached.add('shadow root'); }
        for (let i = 0; i < frames.length; i++) {
          try { window.__reached.add('frame document: ' + frames[i].document.body.textContent.slice(0, 40)); } catch {}
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => window.__reached.add('message: ' + JSON.stringify(e.data).slice(0, 60));
          frames[i].postMessage({ type: 'critical-reader-connect', secret: 'guessed' }, '*', [channel.port2]);
        }
      }, 50);</script>`;
    const html = p.html.replace(/<\/head>/i, `${probe}</head>`);
    const path = '/same-paper.html';
    const page = await openPage(server.page(path, html));
    await openSidebar(ext, page);
    const quote = (await page.evaluate(selectRunningText)).trim();
    expect(quote.length).toBeGreaterThan(20);
    await selectTab(page, 'Notes');
    const bar = sidebar(page);
    await bar.locator('[data-action="add-note"]').click();
    expect(await bar.locator('form.note-form blockquote').textContent()).toBe(quote);
    await bar.locator('form.note-form textarea').fill('Private: ask the authors about recruitment.');
    await bar.locator('form.note-form button[type="submit"]').click();
    await expect.poll(() => bar.locator('.notes-list .reader-note').count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __sawHost: boolean }).__sawHost)).toBe(true);
    expect(await page.evaluate(() => [...(window as unknown as { __reached: Set<string> }).__reached])).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('ask the authors');
    await page.close();

    // The same paper (same DOI) served from another origin: the note waits for the reader's say-so.
    const elsewhere = await openPage(server.origin.replace('127.0.0.1', 'localhost') + path);
    await openSidebar(ext, elsewhere);
    await selectTab(elsewhere, 'Notes');
    const other = sidebar(elsewhere);
    await other.locator('[data-held-back]').waitFor();
    expect(await other.locator('[data-held-back]').textContent()).toContain(server.origin);
    expect(await other.locator('.notes-list .reader-note').count()).toBe(0);
    expect(await hasHighlight(elsewhere, 'critical-reader-note')).toBe(false);
    await other.locator('[data-action="show-held-back"]').click();
    await expect.poll(() => other.locator('.notes-list .reader-note .note-text').textContent()).toBe('Private: ask the authors about recruitment.');
    await elsewhere.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('critical-reader-note'));
    await other.locator('.notes-list [data-action="delete-note"]').click();
    await expect.poll(() => other.locator('.notes-list .reader-note').count()).toBe(0);
    await elsewhere.close();
  }, TEST_TIMEOUT);

  it("opens viewer tabs only when the extension's own pages ask, not a content script", async () => {
    const page = await openPage(pages[0]!.url);
    const tabsBefore = ext.context.pages().length;
    const answer = await ext.worker.evaluate(async (url: string) => {
      const g = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } };
      };
      const [tab] = (await g.chrome.tabs.query({})).filter((t) => t.url === url);
      // Run in the page's isolated world, where a content script (and whatever it was tricked into) runs.
      const [r] = await g.chrome.scripting.executeScript({
        target: { tabId: tab!.id },
        func: (pdf: string) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'open-pdf', url: pdf }),
        args: [`${new URL(url).origin}/elsewhere.pdf`],
      });
      return r?.result as { ok: boolean; error?: string };
    }, page.url());
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/own pages/);
    await page.waitForTimeout(300);
    expect(ext.context.pages().length).toBe(tabsBefore);
    await page.close();
  }, TEST_TIMEOUT);

  it('reads a page too large for the shared background in a worker of its own, holding up no other tab', async () => {
    const sentence = (i: number) => `Participant ${i} met a peer mentor online each week and found the digital peer support helpful. `;
    const paragraphs = Array.from({ length: 1500 }, (_, p) => `<p>${Array.from({ length: 40 }, (_, s) => sentence(p * 40 + s)).join('')}</p>`);
    const html = `<!doctype html><html><head><title>A very long page</title><meta name="citation_title" content="A very long page"></head><body><article><h1>A very long page</h1><h2>Results</h2>${paragraphs.join('')}</article></body></html>`;
    const big = await openPage(server.page('/very-long.html', html));
    const other = await openPage(pages[0]!.url);
    await toggleSidebar(ext, big);
    // Once the long page's analysis has begun, another tab opens its sidebar: it is not kept
    // waiting behind the long page (which the background all tabs share would have made it).
    await expect.poll(() => sidebar(big).locator('#loading').textContent().catch(() => ''), { timeout: 90_000 }).toMatch(/reading this very long page/);
    await openSidebar(ext, other);
    expect(await sidebarHost(big).getAttribute('data-state')).toBe('loading');
    await sidebarHost(big).and(big.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    expect(await sidebar(big).locator('.citation .title').textContent()).toBe('A very long page');
    // Not sent to the background at all.
    expect(await sidebarHost(big).getAttribute('data-analysed-in')).toBe('own-worker');
    // Within the time budget or not, it says so only when the findings are partial.
    const warnings = (await sidebar(big).locator('.warnings').allTextContents()).join(' ');
    if (/Analysis stopped/.test(warnings)) expect(warnings).toMatch(/Analysis stopped after \d+\.\d s: .*partial\./);
    await other.close();
    await big.close();
  }, TEST_TIMEOUT);

  it('stops a worker that overruns even its time budget and says so in the sidebar', async () => {
    // One enormous sentence (6 MB): the engine reads a sentence whole, so only the hard limit stops
    // it (it would take ~35 s here, more than twice the limit on a machine twice as fast).
    const html = `<!doctype html><html><head><title>One long sentence</title></head><body><article><h1>One long sentence</h1><p>${'peer '.repeat(1_200_000)}</p></article></body></html>`;
    const page = await openPage(server.page('/one-long-sentence.html', html));
    await toggleSidebar(ext, page);
    await sidebarHost(page).and(page.locator('[data-state="error"]')).waitFor({ timeout: 90_000 });
    expect(await sidebar(page).locator('#loading').textContent()).toMatch(/could not analyse this page: the page is too large to analyse: stopped after 12 s/);
    await page.close();
  }, TEST_TIMEOUT);

  it('opens on a page whose Content-Security-Policy allows no frames', async () => {
    const html = pages[0]!.html.replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-src 'none'; child-src 'none'; script-src 'self' 'unsafe-inline'">`);
    expect(html).toContain("frame-src 'none'");
    const page = await openPage(server.page('/strict-csp.html', html));
    await openSidebar(ext, page);
    await sidebar(page).locator('.citation .title').waitFor();
    await page.close();
  }, TEST_TIMEOUT);

  it('says so when its sidebar page is reloaded under it, and opens again on the next click', async () => {
    const page = await openPage(pages[0]!.url);
    await openSidebar(ext, page);
    // What happens when the extension is updated, or something reloads the sidebar's page: its
    // channel to this page is gone, so the sidebar closes and a notice says why.
    await sidebar(page).evaluate(() => location.reload());
    await expect.poll(() => sidebarHost(page).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    const notice = page.locator('critical-reader-notice');
    await notice.waitFor({ state: 'attached' });
    expect(await notice.isVisible()).toBe(true);
    // The notice sits in a closed shadow root: read it as assistive technology does.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
    const names = nodes.map((n) => `${n.role?.value ?? ''}: ${n.name?.value ?? ''}`);
    expect(names.some((n) => /^StaticText: .*sidebar stopped.*toolbar button to open it again/.test(n))).toBe(true);
    expect(names).toContain('button: Dismiss');
    await cdp.detach();
    await openSidebar(ext, page);
    await expect.poll(() => notice.count()).toBe(0);
    await sidebar(page).locator('.citation .title').waitFor();
    await page.close();
  }, TEST_TIMEOUT);

  it('is unaffected by hostile page styles', async () => {
    const hostile = pages[0]!.html.replace(
      '</head>',
      `<style>* { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: serif !important; }
        div, aside, button, section { display: none !important; }
        critical-reader-sidebar { display: none !important; width: 0 !important; }
        :root { margin-right: 0 !important; }</style></head>`,
    );
    const page = await openPage(server.page('/hostile-styles.html', hostile));
    await openSidebar(ext, page);
    const box = await sidebarHost(page).boundingBox();
    expect(box!.width).toBeGreaterThan(250);
    const brand = sidebar(page).locator('.brand');
    expect(await brand.isVisible()).toBe(true);
    const style = await brand.evaluate((el) => ({ color: getComputedStyle(el).color, size: getComputedStyle(el).fontSize }));
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.size).toBe('15px');
    await page.close();
  }, TEST_TIMEOUT);

  it('shows hostile page text as text and runs nothing', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const html = pages[0]!.html
      .replace(/(<meta name="citation_title" content=")[^"]*"/, `$1${esc(evil)} <b>Bold claim</b>"`)
      .replace(/<h2([^>]*)>/, `<h2$1>${esc('<script>window.__pwned=2</script>')} `);
    const page = await openPage(server.page('/hostile-text.html', html));
    await openSidebar(ext, page);
    const title = await sidebar(page).locator('.citation .title').textContent();
    expect(title).toContain(evil);
    // In the sidebar's own markup (the frame page's head has its module script).
    expect(await sidebar(page).locator('body :is(img, script, b)').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  }, TEST_TIMEOUT);

  it('makes no network request of its own', async () => {
    const requests: string[] = [];
    const page = await openPage(pages[2]!.url);
    const record = (r: { url(): string }) => requests.push(r.url());
    ext.context.on('request', record);
    try {
      await openSidebar(ext, page);
      for (const tab of ['Terms', 'Definitions', 'Dates', 'Statements', 'Notes', 'Overview']) await selectTab(page, tab);
      await sidebar(page).locator('[data-action="copy-markdown"]').click();
      await page.waitForTimeout(300);
    } finally {
      ext.context.off('request', record);
    }
    const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('chrome-extension://') && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT);

  it('opens on a page whose markup names an element after the sidebar (DOM clobbering)', async () => {
    const html = pages[0]!.html.replace(/<body[^>]*>/, (body) => `${body}<div id="__criticalReader"></div><form name="__criticalReaderLoading"></form>`);
    expect(html).toContain('id="__criticalReader"');
    const page = await openPage(server.page('/clobbered.html', html));
    await openSidebar(ext, page);
    await sidebar(page).locator('.citation .title').waitFor();
    await toggleSidebar(ext, page);
    await expect.poll(() => sidebarHost(page).count()).toBe(0);
    await page.close();
  }, TEST_TIMEOUT);

  it('says what it looked for on a page that is not an article', async () => {
    const url = server.page('/news.html', '<!doctype html><html><head><title>Campus news</title></head><body><h1>Library opening hours</h1><p>The library is open late this week.</p></body></html>');
    const page = await openPage(url);
    await openSidebar(ext, page);
    const state = sidebar(page).locator('[data-state="not-article"]');
    await state.waitFor();
    expect(await state.textContent()).toMatch(/reference list/);
    expect(await state.textContent()).toMatch(/section headings/);
    await page.close();
  }, TEST_TIMEOUT);

  it('analyses an abstract (paywall) page for what it shows, says the full text is not there and offers the PDF', async () => {
    const html = `<!doctype html><html><head><title>Texting a peer after discharge</title>
      <meta name="citation_title" content="Texting a peer after discharge: a pilot trial"><meta name="citation_doi" content="10.5555/pilot.2021.7">
      <meta name="citation_publication_date" content="2021/04/02"><meta name="citation_pdf_url" content="${server.origin}/pilot.pdf"></head>
      <body><main><article><h1>Texting a peer after discharge: a pilot trial</h1><p>Access through your institution</p>
      <section class="abstract"><h2>Abstract</h2><p>We tested whether weekly text messages from a trained peer worker after psychiatric discharge were acceptable to patients and staff. Sixty adults took part; most replied and few dropped out. Peer texting is feasible.</p></section>
      <section class="references"><h2>References</h2><ol><li>Abel R, Moss T. Discharge and loneliness. J Psychiatr Care. 2015;4:1-9.</li>
      <li>Chen L. Text messaging in mental health services. Digit Health. 2018;2:10-19.</li><li>Okoro F. Peer workers in acute care. Psychiatr Serv. 2019;70:33-41.</li></ol></section>
      </article></main></body></html>`;
    const page = await openPage(server.page('/abstract-page.html', html));
    await openSidebar(ext, page);
    const bar = sidebar(page);
    // Analysed at once, not refused as "not an article".
    await bar.locator('.citation .title').waitFor();
    expect(await bar.locator('[data-state="not-article"]').count()).toBe(0);
    expect(await bar.locator('.warnings').textContent()).toMatch(/Abstract page: the full text is not here/);
    expect(await bar.locator('[data-action="open-pdf"]').count()).toBe(1);
    const kinds = await attr(page, '[data-finding-kind]', 'data-finding-kind');
    expect(kinds.filter((k) => k.startsWith('missing-'))).toEqual([]);
    await selectTab(page, 'Dates');
    expect(await bar.locator('[data-fact="ref-count"]').textContent()).toBe('3');
    await selectTab(page, 'Statements');
    expect(await bar.locator('[data-statement="funding"] .badge').textContent()).toBe('Not on this page');
    await page.close();
  }, TEST_TIMEOUT);

  it('paints the evidence itself — the term used in another sense, the defining clause — not the whole sentence', async () => {
    const url = `${server.origin}/examples/digital-peer-support-meta-analysis.html`;
    const c = engineCritique({ name: 'example', url, html: readFileSync(join(PROJECT_ROOT, 'examples/digital-peer-support-meta-analysis.html'), 'utf8') });
    const mixed = c.findings.find((f) => f.kind === 'mixed-senses')!;
    const i = mixed.evidence.findIndex((e) => e.highlight && e.anchor);
    expect(i).toBeGreaterThanOrEqual(0);
    const page = await openPage(url);
    await openSidebar(ext, page);
    const flashText = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('critical-reader-flash');
        return h ? [...h].map((r) => r.toString()).join(' ').replace(/\s+/g, ' ').trim() : null;
      });
    await sidebar(page).locator(`[data-reveal="ev:${mixed.id}:${i}"]`).click();
    await expect.poll(flashText).toBe(mixed.evidence[i]!.highlight!.text);
    expect(mixed.evidence[i]!.quote.length).toBeGreaterThan(mixed.evidence[i]!.highlight!.text.length + 20);
    await page.close();
  }, TEST_TIMEOUT);

  it('audits the included studies of a review in their own tab: every row, flag filters, sorting, and a row goes to its entry', async () => {
    const url = `${server.origin}/examples/digital-peer-support-meta-analysis.html`;
    const audit = engineCritique({ name: 'example', url, html: readFileSync(join(PROJECT_ROOT, 'examples/digital-peer-support-meta-analysis.html'), 'utf8') }).audit!;
    expect(audit.rows.length).toBeGreaterThan(20);
    const page = await openPage(url);
    await openSidebar(ext, page);
    const bar = sidebar(page);
    // The summary line is on the Overview.
    expect(await bar.locator('.audit-line').innerText()).toContain(audit.summary);
    await bar.locator('[role="tab"]', { hasText: 'Included studies' }).click();
    const rows = bar.locator('.studies-table tbody tr');
    await expect.poll(() => rows.count()).toBe(audit.rows.length);

    // Filter by one flag: only the studies carrying it remain.
    await bar.locator('input[data-flag="other-sense"]').check();
    await expect.poll(() => rows.count()).toBe(audit.counts['other-sense']);
    for (const flags of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-flags') ?? ''))) expect(flags).toContain('other-sense');
    await bar.locator('input[data-flag="other-sense"]').uncheck();
    await expect.poll(() => rows.count()).toBe(audit.rows.length);

    // Sort by year: oldest first.
    await bar.locator('button[data-sort="year"]').click();
    const years = (await rows.locator('td:nth-child(2)').allInnerTexts()).map(Number);
    expect(years).toEqual([...years].sort((a, b) => a - b));

    // A study goes to its reference entry in the page.
    await rows.first().locator('td:first-child button').click();
    await expectFlashPainted(page);
    await page.close();
  }, TEST_TIMEOUT);

  it('is usable from the keyboard: tabs with arrow keys, resize handle, collapse', async () => {
    const page = await openPage(pages[0]!.url);
    await openSidebar(ext, page);
    const bar = sidebar(page);
    await bar.locator('[role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await bar.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Terms');
    expect(await bar.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe('terms');
    const before = (await sidebarHost(page).boundingBox())!.width;
    await bar.locator('[role="separator"]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await sidebarHost(page).boundingBox())!.width).toBe(before + 20);
    await bar.locator('[data-action="collapse"]').click();
    await expect.poll(async () => (await sidebarHost(page).boundingBox())!.width).toBeLessThan(60);
    await bar.locator('[data-action="expand"]').press('Enter');
    await expect.poll(async () => (await sidebarHost(page).boundingBox())!.width).toBe(before + 20);
    // Put the width back for the other tests (it is remembered).
    await bar.locator('[role="separator"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.close();
  }, TEST_TIMEOUT);

  it('follows the colour scheme (screenshots in test-output/)', async () => {
    const page = await openPage(pages[0]!.url);
    const luminance = async (scheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme: scheme });
      const box = (await sidebarHost(page).boundingBox())!;
      await page.screenshot({ path: join(OUTPUT_DIR, `sidebar-${scheme}.png`) });
      const shot = decodePng(await page.screenshot({ clip: { x: box.x + 10, y: box.y + 200, width: 40, height: 40 } }));
      let sum = 0;
      for (let i = 0; i < shot.data.length; i += 4) sum += shot.data[i]! + shot.data[i + 1]! + shot.data[i + 2]!;
      return sum / (shot.data.length / 4) / 3;
    };
    await openSidebar(ext, page);
    const light = await luminance('light');
    const dark = await luminance('dark');
    expect(light).toBeGreaterThan(200);
    expect(dark).toBeLessThan(80);
    writeFileSync(join(OUTPUT_DIR, 'README.txt'), 'Screenshots written by test/browser/extension.test.ts\n');
    await page.close();
  }, TEST_TIMEOUT);
});
