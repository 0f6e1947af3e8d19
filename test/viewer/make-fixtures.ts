/**
 * Test PDFs for the viewer, made at test time from our own sources (no third-party text):
 * a two-column peer-support paper printed by Chromium from HTML, and bad files made from it
 * (the encrypted one is committed).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { CHROMIUM } from '../browser/launch';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface ViewerFixtures {
  paper: string;
  encrypted: string;
  password: string;
  corrupt: string;
  notPdf: string;
  imageOnly: string;
  noPages: string;
}

export async function makeFixtures(dir: string): Promise<ViewerFixtures> {
  const html = resolve(HERE, 'fixtures/peer-support-paper.html');
  const paper = join(dir, 'peer-support-paper.pdf');
  execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${paper}`, '--no-pdf-header-footer', `file://${html}`], {
    stdio: 'ignore',
    timeout: 60_000,
  });
  const bytes = readFileSync(paper);

  // The committed AES-256 fixture (test/fixtures/pdf/README.md says how it was made): the tests
  // need nothing that .ci/run does not install, and qpdf is not among it.
  const password = 'secret-user';
  const encrypted = resolve(HERE, '../fixtures/pdf/encrypted.pdf');

  const corrupt = join(dir, 'truncated.pdf');
  writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length * 0.4)));

  const notPdf = join(dir, 'actually-a-web-page.pdf');
  writeFileSync(notPdf, '<!doctype html><html><body><h1>Sign in to read this article</h1></body></html>');

  // A page with drawings and no text: what a scanned paper looks like to pdf.js.
  const img = await PDFDocument.create();
  const page = img.addPage([595, 842]);
  for (let y = 80; y < 760; y += 14) page.drawRectangle({ x: 60, y, width: 420 + ((y * 7) % 60), height: 6, color: rgb(0.2, 0.2, 0.2) });
  const imageOnly = join(dir, 'scanned.pdf');
  writeFileSync(imageOnly, await img.save());

  const noPages = join(dir, 'no-pages.pdf');
  writeFileSync(noPages, await (await PDFDocument.create()).save({ addDefaultPage: false }));

  return { paper, encrypted, password, corrupt, notPdf, imageOnly, noPages };
}

/** A long paper (Helvetica text on every page) for responsiveness measurements. */
export async function makeLongPdf(file: string, pages: number): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    if (p === 1) page.drawText('A long report on digital peer support', { x: 50, y: 790, size: 18, font });
    for (let line = 0; line < 48; line++) {
      page.drawText(`Page ${p}, line ${line + 1}: peer workers with lived experience offered digital support to participants.`, {
        x: 50,
        y: 760 - line * 14,
        size: 9.5,
        font,
      });
    }
  }
  writeFileSync(file, await doc.save());
}
