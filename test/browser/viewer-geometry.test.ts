/**
 * Highlights sit on the ink: in real Chromium with the built extension, the highlight of a known
 * word covers that word as the PDF draws it, on the first and the last page, at two zoom levels;
 * and a quote that runs over a page break is highlighted and shown on both pages.
 *
 * The expected place of each word comes from how the test PDF was written (pdf-lib, Helvetica,
 * known coordinates and font metrics), not from pdf.js, so a text layer that drifts from the
 * canvas (as it did when the viewer's CSS resized pdf.js's page boxes) fails here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './launch';

const PAGE = { width: 595, height: 842 };
const SIZE = 11;
const PAGES = 3;
// Helvetica's ascender and descender (AFM), in text-space units per 1000.
const ASCENT = 0.718;
const DESCENT = 0.207;

interface WordBox {
  page: number;
  /** PDF user space: x from the left, y up from the bottom. */
  left: number;
  right: number;
  bottom: number;
  top: number;
}

let ext: LaunchedExtension;
let dir: string;
let file: string;
let acrossPages: string;
const expected: WordBox[] = [];

/** Draws `before` + "peer" + `after` at (x, y) and records where "peer" is. */
function drawWithPeer(page: ReturnType<PDFDocument['addPage']>, font: PDFFont, pageNumber: number, y: number, before: string, after: string): WordBox {
  const x = 60;
  page.drawText(`${before}peer${after}`, { x, y, size: SIZE, font });
  const left = x + font.widthOfTextAtSize(before, SIZE);
  return { page: pageNumber, left, right: left + font.widthOfTextAtSize('peer', SIZE), bottom: y - DESCENT * SIZE, top: y + ASCENT * SIZE };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-geometry-'));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // Shaped like a short article (headings, references), so the viewer reads it as one.
  const headings: Record<string, string> = { '1.0': 'Introduction', '1.20': 'Methods', '2.10': 'Results', '2.35': 'Discussion', '3.0': 'References', '3.12': 'Appendix' };
  const fillers = ['Teams met weekly across the three sites.', 'Outcomes were recorded at baseline and after eight weeks.', 'Each session lasted about an hour.'];
  for (let p = 1; p <= PAGES; p++) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    for (let line = 0; line < 50; line++) {
      const y = 790 - line * 14.5;
      const heading = headings[`${p}.${line}`];
      // A word near the top of page 1 and on the last line of the last page (where drift is worst).
      if (heading) page.drawText(heading, { x: 60, y, size: SIZE + 2, font: bold });
      else if (p === 1 && line === 2) expected.push(drawWithPeer(page, font, p, y, 'Students in cohort one valued ', ' support offered by text message.'));
      else if (p === PAGES && line === 49) expected.push(drawWithPeer(page, font, p, y, 'Finally, staff said that ', ' support needed a clear definition.'));
      else if (p === PAGES && line < 12) page.drawText(`${line}. Author ${line}, Writer B. A study of weekly meetings, part ${line}. J Test Stud. ${2000 + line};${line}:1-9.`, { x: 60, y, size: SIZE, font });
      else page.drawText(`${fillers[(line + p) % fillers.length]} (${p}.${line})`, { x: 60, y, size: SIZE, font });
    }
  }
  file = join(dir, 'geometry.pdf');
  writeFileSync(file, await doc.save());
  acrossPages = join(dir, 'across-pages.pdf');
  writeFileSync(acrossPages, await definitionAcrossPageBreak());
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A short article whose definition of "peer support" starts at the foot of page 1 and ends at the
 * top of page 2, inside one paragraph.
 */
async function definitionAcrossPageBreak(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const filler = 'The clinics referred adults who were waiting for treatment and who agreed to take part in';
  const pageLines: string[][] = [
    [
      '#Introduction',
      ...Array.from({ length: 40 }, () => filler),
      'the weekly group. In this study, we define digital peer support as mutual help offered by people',
    ],
    [
      'who share lived experience of a mental health condition, given through apps or video calls. The',
      'groups met by video call for eight weeks and each session lasted about an hour.',
      '#Methods',
      'Forty adults took part in the groups and completed short questionnaires before and after them.',
      '#References',
      '1. Author A, Writer B. A study of weekly meetings. J Test Stud. 2019;4:1-9.',
      '2. Author C, Writer D. Another study of weekly meetings. J Test Stud. 2021;6:10-19.',
      '3. Author E, Writer F. A third study of weekly meetings. J Test Stud. 2022;7:20-29.',
    ],
  ];
  for (const lines of pageLines) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    lines.forEach((text, i) => {
      const heading = text.startsWith('#');
      page.drawText(heading ? text.slice(1) : text, { x: 60, y: 790 - i * 14.5, size: heading ? SIZE + 2 : SIZE, font: heading ? bold : font });
    });
  }
  return doc.save();
}

/** The best fraction of the word's box covered by one term highlight on its page. */
async function coverage(page: Page, word: WordBox): Promise<number> {
  return page.evaluate(
    ({ word, PAGE }) => {
      const pageDiv = document.querySelector<HTMLElement>(`.page[data-page-number="${word.page}"]`)!;
      const canvas = pageDiv.querySelector('canvas')!.getBoundingClientRect();
      const scale = canvas.width / PAGE.width;
      // The word's ink box in viewport pixels, placed by the canvas (what the reader sees).
      const box = {
        left: canvas.left + word.left * scale,
        right: canvas.left + word.right * scale,
        top: canvas.top + (PAGE.height - word.top) * scale,
        bottom: canvas.top + (PAGE.height - word.bottom) * scale,
      };
      const area = (box.right - box.left) * (box.bottom - box.top);
      let best = 0;
      for (const el of pageDiv.querySelectorAll('.cr-hl-term')) {
        const r = el.getBoundingClientRect();
        const w = Math.min(r.right, box.right) - Math.max(r.left, box.left);
        const h = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
        if (w > 0 && h > 0) best = Math.max(best, (w * h) / area);
      }
      return best;
    },
    { word, PAGE },
  );
}

async function goToPage(page: Page, n: number): Promise<void> {
  await page.fill('#page-number', String(n));
  await page.press('#page-number', 'Enter');
  await page.waitForFunction((n) => document.querySelectorAll(`.page[data-page-number="${n}"] .cr-hl-term`).length > 0, n, { timeout: 20_000 });
}

describe('PDF viewer highlight geometry', () => {
  it.each(['1', '2'])('covers the highlighted word on the first and last page at zoom %s', { timeout: 90_000 }, async (zoom) => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(ext.url('viewer/viewer.html'));
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => document.body.dataset.state === 'analysed', null, { timeout: 60_000 });
    await page.selectOption('#zoom-select', zoom);
    for (const word of expected) {
      await goToPage(page, word.page);
      await expect.poll(() => coverage(page, word), { timeout: 10_000 }).toBeGreaterThanOrEqual(0.9);
    }
    await page.close();
  });

  it('highlights a definition that runs over a page break on both pages, and shows it there', { timeout: 90_000 }, async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(ext.url('viewer/viewer.html'));
    await page.setInputFiles('#file-input', acrossPages);
    await page.waitForFunction(() => document.body.dataset.state === 'analysed', null, { timeout: 60_000 });
    const sidebar = page.locator('#sidebar');
    await sidebar.locator('[role=tab]', { hasText: 'Definitions' }).click();
    const definition = sidebar.locator('li.definition', { hasText: 'we define digital peer support' });
    await definition.waitFor();
    await definition.locator('button', { hasText: 'Show in text' }).click();
    // Both parts flash: the end of page 1 and the start of page 2.
    const flashedOn = () =>
      page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('.cr-flash')].map((el) => el.closest<HTMLElement>('.page')!.dataset.pageNumber))].sort());
    await expect.poll(flashedOn, { timeout: 15_000 }).toEqual(['1', '2']);
    // The highlight on page 2 covers the words that open it, not the page's other text.
    const page2 = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.page[data-page-number="2"] .cr-hl-definition')].map((el) => {
        const r = el.getBoundingClientRect();
        const spans = [...document.querySelectorAll<HTMLElement>('.page[data-page-number="2"] .textLayer span')];
        return spans.find((s) => {
          const b = s.getBoundingClientRect();
          return b.top <= r.top + r.height / 2 && r.top + r.height / 2 <= b.bottom;
        })?.textContent ?? '';
      }),
    );
    expect(page2.join(' ')).toMatch(/^who share lived experience/);

    // The term inside the definition is not a second translucent fill blending with the
    // definition's colour: it is drawn as an underline of its own colour; no two fills overlap.
    await page.waitForTimeout(2_500); // the flash ends
    const fills = await page.evaluate(() => {
      const els = [...document.querySelectorAll<HTMLElement>('.page[data-page-number="1"] .cr-hl')];
      return els.map((el) => {
        const r = el.getBoundingClientRect();
        const css = getComputedStyle(el);
        return { cls: el.className, filled: css.backgroundColor !== 'rgba(0, 0, 0, 0)', underline: css.borderBottomStyle === 'solid', box: [r.left, r.top, r.right, r.bottom] };
      });
    });
    const underTerms = fills.filter((f) => f.cls.includes('cr-hl-term') && !f.filled);
    expect(underTerms.length).toBeGreaterThan(0);
    expect(underTerms.every((f) => f.underline)).toBe(true);
    const filled = fills.filter((f) => f.filled);
    for (const a of filled) {
      for (const b of filled) {
        if (a === b) continue;
        const w = Math.min(a.box[2]!, b.box[2]!) - Math.max(a.box[0]!, b.box[0]!);
        const h = Math.min(a.box[3]!, b.box[3]!) - Math.max(a.box[1]!, b.box[1]!);
        expect(w > 1 && h > 1, `${a.cls} overlaps ${b.cls}`).toBe(false);
      }
    }
    await page.close();
  });
});
