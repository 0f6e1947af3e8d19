/**
 * The PDF viewer page in real Chromium with the built extension: open, critique, highlights,
 * the reader's notes (kept by fingerprint), the annotated PDF, and bad PDFs.
 * Build first (`npm run build`), or point CR_EXTENSION_DIR at a build.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireCorpus } from '../corpus';
import { launchExtension, type LaunchedExtension } from './launch';
import { makeSlowPdf } from '../cli/make-slow-pdf';
import { makeFixtures, makeLongPdf, type ViewerFixtures } from '../viewer/make-fixtures';

let ext: LaunchedExtension;
let fx: ViewerFixtures;
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-viewer-'));
  fx = await makeFixtures(dir);
  ext = await launchExtension({ downloadsDir: dir });
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    try {
      const body = readFileSync(join(dir, name));
      res.writeHead(200, { 'content-type': 'application/pdf', 'access-control-allow-origin': '*' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await ext?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function viewer(query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url(`viewer/viewer.html${query}`));
  return page;
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#file-input', file);
}

/** Waiting on the page: generous, as the machine running the tests may be busy. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

const state = (page: Page) => page.locator('body').getAttribute('data-state');

async function waitForState(page: Page, ...states: string[]): Promise<void> {
  await page.waitForFunction((s) => s.includes(document.body.dataset.state ?? ''), states, { timeout: 60_000 });
}

/** Selects `word` inside the first text-layer span of `pageNumber` that contains it. */
async function selectWord(page: Page, pageNumber: number, word: string): Promise<string> {
  return page.evaluate(
    ({ pageNumber, word }) => {
      const spans = [...document.querySelectorAll<HTMLElement>(`.page[data-page-number="${pageNumber}"] .textLayer span`)];
      const span = spans.find((s) => s.childNodes.length === 1 && s.firstChild!.nodeType === 3 && s.textContent!.includes(word));
      if (!span) throw new Error(`"${word}" not in the text layer of page ${pageNumber}`);
      const text = span.firstChild as Text;
      const at = text.data.indexOf(word);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    },
    { pageNumber, word },
  );
}

describe('PDF viewer', () => {
  it('opens a local PDF, shows the critique with highlights, and keeps a note by the PDF fingerprint', { timeout: 120_000 }, async () => {
    const page = await viewer();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openFile(page, fx.paper);
    await waitForState(page, 'analysed');

    // Pages, text layer and critique sidebar beside the viewer.
    await poll(() => page.locator('.page[data-page-number="1"] .textLayer span').count()).toBeGreaterThan(20);
    expect(await page.locator('#page-count').textContent()).toMatch(/\/ [1-9]/);
    const sidebar = page.locator('#sidebar');
    await poll(() => sidebar.locator('[data-finding-id]').count()).toBeGreaterThan(0);
    expect(await sidebar.locator('.cr-root').innerText()).toMatch(/peer/i);

    // Term occurrences are painted over the words on page 1, in their category colour.
    await poll(() => page.locator('.page[data-page-number="1"] .cr-hl-term').count()).toBeGreaterThan(0);
    const covered = await page.evaluate(() => {
      const hl = document.querySelector<HTMLElement>('.page[data-page-number="1"] .cr-hl-term')!.getBoundingClientRect();
      const x = hl.left + hl.width / 2;
      const y = hl.top + hl.height / 2;
      // The word under the highlight, read from the text layer at the same point.
      const spans = [...document.querySelectorAll<HTMLElement>('.page[data-page-number="1"] .textLayer span')];
      const span = spans.find((s) => {
        const r = s.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      });
      return span?.textContent ?? '';
    });
    expect(covered.toLowerCase()).toMatch(/peer|digital|lived/);

    // Toggling a category hides its highlights.
    await sidebar.locator('details.highlight-toggles summary').click();
    await sidebar.locator('input[data-category="term"]').uncheck();
    expect(await page.locator('.page[data-page-number="1"] .cr-hl-term').first().isVisible()).toBe(false);
    await sidebar.locator('input[data-category="term"]').check();

    // Clicking a piece of evidence scrolls to it and flashes it.
    const reveal = sidebar.locator('[data-reveal]').first();
    if ((await reveal.count()) > 0) {
      await reveal.click();
      await poll(() => page.locator('.cr-flash').count()).toBeGreaterThan(0);
    }

    // The reader's note: select a word, add a note from the sidebar.
    const quote = await selectWord(page, 1, 'wellbeing');
    expect(quote).toBe('wellbeing');
    await sidebar.locator('[role=tab]', { hasText: 'Notes' }).click();
    await sidebar.locator('[data-action="add-note"]').click();
    await sidebar.locator('form.note-form textarea').fill('Measured how? <img src=x onerror=alert(1)>');
    await sidebar.locator('form.note-form select').selectOption('question');
    await sidebar.locator('form.note-form button[type=submit]').click();
    await poll(() => sidebar.locator('.reader-note').count()).toBe(1);
    await poll(() => page.locator('.cr-hl-note').count()).toBeGreaterThan(0);
    expect(await page.locator('img[src=x]').count()).toBe(0);

    // A note on a finding with evidence in the text: listed in the Notes tab, written into the PDF there.
    await sidebar.locator('[role=tab]', { hasText: 'Overview' }).click();
    const card = sidebar.locator('article.finding:has([data-reveal])').first();
    await card.locator('.finding-actions button', { hasText: 'Add note' }).click();
    await card.locator('.note-form textarea').fill('Who counts as a peer here?');
    await card.locator('.note-form button', { hasText: 'Save note' }).click();
    await poll(() => card.locator('.attached-notes .reader-note').count()).toBe(1);
    await sidebar.locator('[role=tab]', { hasText: 'Notes' }).click();
    await poll(() => sidebar.locator('.finding-notes-list .reader-note').count()).toBe(1);

    // The Markdown export carries the note and cites every quote with its page.
    const [md] = await Promise.all([page.waitForEvent('download'), sidebar.locator('[data-action="download-md"]').click()]);
    const mdPath = join(dir, 'critique.md');
    await md.saveAs(mdPath);
    const markdown = readFileSync(mdPath, 'utf8');
    expect(markdown).toContain('Measured how?');
    expect(markdown).toContain('Who counts as a peer here?');
    expect(markdown).toMatch(/p\. 1\b/);
    expect(markdown).toMatch(/p\. 2\b/);

    // Download the annotated PDF and read it back with pdf-lib (a different library from the writer, pdf.js).
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-annotated')]);
    const saved = join(dir, 'annotated.pdf');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('peer-support-paper-annotated.pdf');
    const lib = await PDFDocument.load(readFileSync(saved));
    const highlights = lib.getPages().flatMap((p, i) => {
      const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      return (annots?.asArray() ?? [])
        .map((ref) => lib.context.lookup(ref, PDFDict))
        .filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Highlight'))
        .map((d) => {
          const s = (k: string) => {
            const v = d.get(PDFName.of(k));
            return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '';
          };
          return { page: i + 1, contents: s('Contents'), author: s('T'), quads: d.lookupMaybe(PDFName.of('QuadPoints'), PDFArray)?.size() ?? 0 };
        });
    });
    expect(highlights).toContainEqual({ page: 1, contents: '[question] Measured how? <img src=x onerror=alert(1)>', author: 'Critical Reader reader', quads: 8 });
    expect(highlights).toHaveLength(2);
    expect(highlights.find((h) => h.contents.endsWith('Who counts as a peer here?'))?.contents).toMatch(/^\[[A-Z][^\]]+: .+\] Who counts as a peer here\?$/);

    // Reload and reopen the same bytes from another path: the note comes back.
    const copy = join(dir, 'renamed copy.pdf');
    copyFileSync(fx.paper, copy);
    await page.reload();
    await openFile(page, copy);
    await waitForState(page, 'analysed');
    await sidebar.locator('[role=tab]', { hasText: 'Notes' }).click();
    await poll(() => sidebar.locator('.notes-list .reader-note').count()).toBe(1);
    expect(await sidebar.locator('.notes-list .reader-note').innerText()).toContain('Measured how?');
    await poll(() => page.locator('.cr-hl-note').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens ?file=<http url>, searches, and changes pages and zoom from the keyboard', { timeout: 90_000 }, async () => {
    const page = await viewer(`?file=${encodeURIComponent(`${base}/peer-support-paper.pdf`)}`);
    await waitForState(page, 'analysed');
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('find-input');
    await page.keyboard.type('peer support');
    await poll(() => page.locator('#find-status').textContent()).toMatch(/1 of [2-9]|1 of \d\d/);
    await poll(() => page.locator('.textLayer .highlight').count()).toBeGreaterThan(1);
    await page.locator('#viewerContainer').focus();
    const before = await page.locator('#zoom-select').inputValue();
    await page.keyboard.press('+');
    await poll(() => page.locator('#zoom-select').inputValue()).not.toBe(before);
    await page.close();
  });

  it('the toolbar button on a tab showing a PDF opens that PDF in the viewer, not the sidebar', async () => {
    const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
    const pdfUrl = `${base}/peer-support-paper.pdf`;
    const opened = ext.context.waitForEvent('page');
    // What action.onClicked hands the background for a tab showing that PDF.
    await worker.evaluate((url) => (globalThis as unknown as { criticalReader: { openReaderOn(tab: object): Promise<void> } }).criticalReader.openReaderOn({ url, index: 0 }), pdfUrl);
    const page = await opened;
    await page.waitForURL(/viewer\/viewer\.html\?file=/);
    expect(new URL(page.url()).searchParams.get('file')).toBe(pdfUrl);
    await waitForState(page, 'analysed');
    await page.close();
  });

  it('asks for the password of an encrypted PDF in a form, says when it is wrong, then opens it', async () => {
    const page = await viewer();
    await openFile(page, fx.encrypted);
    const dialog = page.locator('#password-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.fill('#password-input', 'wrong');
    await page.click('#password-submit');
    await poll(() => page.locator('#password-reason').textContent()).toMatch(/not correct/);
    await page.fill('#password-input', fx.password);
    await page.click('#password-submit');
    await waitForState(page, 'analysed');
    await page.close();
  });

  it.each([
    ['corrupt', 'damaged'],
    ['notPdf', 'not a PDF'],
    ['noPages', 'no pages'],
  ] as const)('explains a %s file in the page without crashing', async (which, words) => {
    const page = await viewer();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openFile(page, fx[which]);
    await waitForState(page, 'error', 'ready');
    const message = page.locator('#message');
    await message.waitFor({ state: 'visible' });
    expect((await message.innerText()).toLowerCase()).toContain(words.toLowerCase());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an image-only PDF and says it has no text layer (suggesting OCR)', async () => {
    const page = await viewer();
    await openFile(page, fx.imageOnly);
    const message = page.locator('#message');
    await message.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await message.innerText()).toMatch(/no text layer[\s\S]*OCR/i);
    expect(await state(page)).toBe('ready');
    await poll(() => page.locator('.page canvas').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a PDF by its file:// address, and explains the "Allow access to file URLs" switch when it is off', { timeout: 120_000 }, async () => {
    const address = `?file=${encodeURIComponent(`file://${fx.paper}`)}`;
    const opened = await viewer(address);
    await waitForState(opened, 'analysed');
    await poll(() => opened.locator('#sidebar [data-finding-id]').count()).toBeGreaterThan(0);
    await opened.close();

    // The reader switches file access off in chrome://extensions, as a user would (the browser
    // reloads the extension), and the viewer now explains the switch instead of failing blankly.
    const setFileAccess = async (on: boolean) => {
      const settings = await ext.context.newPage();
      await settings.goto(`chrome://extensions/?id=${ext.extensionId}`);
      // An unpacked extension reloads only in developer mode (as for anyone who loaded it unpacked).
      const developerMode = settings.locator('#devMode');
      if ((await developerMode.getAttribute('checked')) === null) await developerMode.click();
      const toggle = settings.locator('#allow-on-file-urls cr-toggle');
      if ((await toggle.getAttribute('checked')) !== null !== on) await toggle.click();
      await settings.close();
      // Extension pages are refused while the extension reloads.
      await poll(async () => {
        const probe = await ext.context.newPage();
        const ok = await probe.goto(ext.url('viewer/viewer.html')).then(() => true, () => false);
        await probe.close();
        return ok;
      }).toBe(true);
    };
    await setFileAccess(false);
    try {
      const page = await viewer(address);
      const message = page.locator('#message');
      await message.waitFor({ state: 'visible' });
      expect(await message.innerText()).toMatch(/Allow access to file URLs/);
      await page.close();
    } finally {
      await setFileAccess(true);
    }
  });

  it('reveals evidence on a page pdf.js has not rendered yet (a real paper from the corpus)', { timeout: 90_000 }, async () => {
    const file = join(requireCorpus('printed'), 'elife04953.pmc.pdf');
    const page = await viewer();
    await openFile(page, file);
    await waitForState(page, 'analysed');
    const sidebar = page.locator('#sidebar');
    await poll(() => sidebar.locator('[data-reveal]').count()).toBeGreaterThan(0);
    const renderedBefore = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.page')].filter((p) => p.querySelector('.textLayer span')).map((p) => p.dataset.pageNumber),
    );
    // The last piece of evidence lies deep in the paper (its reference list).
    await sidebar.locator('[data-reveal]').last().click();
    await poll(() => page.locator('.cr-flash').count()).toBeGreaterThan(0);
    const flashedPage = await page.evaluate(() => document.querySelector<HTMLElement>('.cr-flash')!.closest<HTMLElement>('.page')!.dataset.pageNumber);
    expect(renderedBefore).not.toContain(flashedPage);
    expect(await page.inputValue('#page-number')).toBe(flashedPage);
    await page.close();
  });

  it('still has the reader\'s note after all the failed loads above (stored notes are never overwritten)', async () => {
    const page = await viewer();
    await openFile(page, fx.paper);
    await waitForState(page, 'analysed');
    const sidebar = page.locator('#sidebar');
    await sidebar.locator('[role=tab]', { hasText: 'Notes' }).click();
    await poll(() => sidebar.locator('.notes-list .reader-note').count()).toBe(1);
    expect(await sidebar.locator('.finding-notes-list .reader-note').count()).toBe(1);
    await page.close();
  });

  it('keeps the viewer responsive while reading a 300-page PDF, and cancel stops the analysis', { timeout: 180_000 }, async () => {
    await makeLongPdf(join(dir, 'long.pdf'), 300);
    const page = await viewer();
    // Record the longest gap between timer ticks while the PDF loads and its text is read.
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[] };
      w.__gaps = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gaps.push(now - last);
        last = now;
      }, 10);
    });
    await openFile(page, join(dir, 'long.pdf'));
    await page.locator('#progress-text', { hasText: /Reading page \d+ of 300/ }).waitFor({ timeout: 60_000 });
    await waitForState(page, 'analysed');
    const figures = await page.evaluate(() => {
      const m = (n: string) => Math.round(performance.getEntriesByName(n)[0]?.duration ?? NaN);
      const gaps = (window as unknown as { __gaps: number[] }).__gaps;
      return { firstPageMs: m('cr:first-page'), extractMs: m('cr:extract'), analysedMs: m('cr:analysed'), longestGapMs: Math.round(Math.max(...gaps)) };
    });
    console.log(`[viewer figures] 300 pages: ${JSON.stringify(figures)}`);
    expect(figures.extractMs).toBeGreaterThan(0);

    // Open it again and cancel mid-way: a message, the PDF stays open, no critique.
    await openFile(page, join(dir, 'long.pdf'));
    await page.locator('#progress-text', { hasText: /Reading page/ }).waitFor();
    await page.click('#cancel-analysis');
    await page.locator('#message', { hasText: 'cancelled' }).waitFor();
    expect(await state(page)).toBe('ready');
    expect(await page.locator('#sidebar').isHidden()).toBe(true);
    await page.close();
  });

  it('says when a page takes unusually long (a PDF that inflates to 90 MB), and Cancel stops at once', { timeout: 180_000 }, async () => {
    await makeSlowPdf(join(dir, 'inflating.pdf'));
    const page = await viewer();
    await openFile(page, join(dir, 'inflating.pdf'));
    // The page would keep pdf.js busy for about a minute; the reader is told well before.
    await page.locator('#progress-text', { hasText: /Page 1 of 1 is taking unusually long.*Cancel stops reading/ }).waitFor({ timeout: 60_000 });
    expect(await state(page)).toBe('analysing');
    await page.click('#cancel-analysis');
    await page.locator('#message', { hasText: 'cancelled' }).waitFor({ timeout: 5_000 });
    expect(await state(page)).toBe('ready');

    // The next PDF does not wait behind that page (which would keep pdf.js busy for about a
    // minute): the viewer's pdf.js worker serves one document after another.
    await openFile(page, fx.paper);
    await page.waitForFunction(() => document.body.dataset.state === 'analysed', undefined, { timeout: 20_000 });
    await poll(() => page.locator('#sidebar').isVisible()).toBe(true);
    await page.close();
  });
});
