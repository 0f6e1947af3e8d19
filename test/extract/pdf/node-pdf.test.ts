import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PdfError, type PdfErrorCode } from '../../../src/extract/pdf/errors';
import { extractPdfInNode, loadPdfInNode } from '../../../src/extract/pdf/node';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/pdf/${name}`, import.meta.url))));

async function errorOf(p: Promise<unknown>): Promise<PdfError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PdfError) return e;
    throw e;
  }
  throw new Error('expected a PdfError, but extraction succeeded');
}

describe('the bytes given to the PDF reader', () => {
  it("stay the caller's, whether a Uint8Array or a Node Buffer (whose slice() is a view, not a copy)", async () => {
    const bytes = fixture('peer-support-two-column.pdf');
    const buffer = readFileSync(fileURLToPath(new URL('../../fixtures/pdf/peer-support-two-column.pdf', import.meta.url)));
    for (const given of [bytes, buffer]) {
      const before = given.byteLength;
      const paper = await extractPdfInNode(given);
      expect(paper.blocks.length).toBeGreaterThan(10);
      // pdf.js transfers what it is given; the caller's bytes must not be detached with it.
      expect(given.byteLength).toBe(before);
      expect(String.fromCharCode(...given.subarray(0, 5))).toBe('%PDF-');
    }
  });
});

describe('a real two-column PDF printed by Chromium', () => {
  it('becomes a Paper with title, DOI, sections, declarations and references in order', async () => {
    const paper = await extractPdfInNode(fixture('peer-support-two-column.pdf'));
    expect(paper.source).toBe('pdf');
    expect(paper.metadata.title).toBe('Digital peer support for people with lived experience of psychosis: a mixed-methods evaluation');
    expect(paper.metadata.doi).toBe('10.5555/crtest.2024.0042');
    expect(paper.metadata.year).toBe(2024);
    const headings = paper.blocks.filter((b) => b.kind === 'heading' && b.role !== 'title').map((b) => b.text);
    expect(headings).toEqual(expect.arrayContaining(['1 Introduction', '2 Methods', '2.1 Search strategy', '3 Results', '4 Discussion', 'References']));
    // The right column's "3 Results" comes after everything in the left column's Methods.
    expect(headings.indexOf('3 Results')).toBeGreaterThan(headings.indexOf('2.2 Participants'));
    const search = paper.blocks.find((b) => b.text.startsWith('We searched MEDLINE'))!;
    expect(search.sectionPath).toEqual(['2 Methods', '2.1 Search strategy']);
    expect(search.role).toBe('methods');
    expect(paper.blocks.find((b) => b.text.startsWith('Competing interests:'))!.role).toBe('declarations');
    expect(paper.blocks.find((b) => b.text.startsWith('Funding:'))!.role).toBe('declarations');
    const refs = paper.blocks.filter((b) => b.kind === 'reference');
    expect(refs).toHaveLength(8);
    expect(refs[0]!.text).toMatch(/^1\. Solomon P\. .*2004;27\(4\):392-401\.$/);
    // Entry 4 starts on page 2: it is whole, and anchored where it starts.
    expect(refs.every((r, i) => r.text.startsWith(`${i + 1}. `))).toBe(true);
    expect(refs.some((r) => r.anchor.type === 'pdf' && r.anchor.page === 2)).toBe(true);
    expect(paper.warnings).toEqual([]);
  });
});

describe('PDFs that cannot be read give a typed error with a message for the reader', () => {
  const cases: [string, Uint8Array | (() => Uint8Array), PdfErrorCode, RegExp, string?][] = [
    ['password-protected', () => fixture('encrypted.pdf'), 'encrypted', /password-protected/],
    ['wrong password', () => fixture('encrypted.pdf'), 'wrong-password', /password .* not correct/, 'guess'],
    ['not a PDF (HTML saved as .pdf)', () => fixture('not-a-pdf.pdf'), 'not-pdf', /not a PDF/],
    ['corrupt', () => fixture('corrupt.pdf'), 'corrupt', /damaged or incomplete/],
    ['truncated download', () => fixture('truncated.pdf'), 'corrupt', /damaged or incomplete/],
    ['empty file', new Uint8Array(0), 'empty', /no pages|0 bytes/],
    ['image-only (scanned)', () => fixture('image-only.pdf'), 'no-text', /no text layer .*OCRmyPDF/],
  ];
  for (const [name, data, code, message, password] of cases) {
    it(name, async () => {
      const bytes = typeof data === 'function' ? data() : data;
      const err = await errorOf(extractPdfInNode(bytes, password ? { password } : {}));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
    });
  }

  it('opens the encrypted fixture with its password', async () => {
    const loaded = await loadPdfInNode(fixture('encrypted.pdf'), { password: 'secret-user' });
    try {
      expect(loaded.doc.numPages).toBe(2);
    } finally {
      await loaded.destroy();
    }
  });
});

describe('readPdfText through a pdf.js document proxy', () => {
  it('reports progress per page and stops when cancelled', async () => {
    const { readPdfText } = await import('../../../src/extract/pdf/pdfjs-text');
    const loaded = await loadPdfInNode(fixture('peer-support-two-column.pdf'));
    try {
      const seen: string[] = [];
      const text = await readPdfText(loaded.doc, { onProgress: (p, t) => seen.push(`${p}/${t}`) });
      expect(seen).toEqual(['1/2', '2/2']);
      expect(text.pages[0]!.items.some((i) => i.str.includes('Digital peer support'))).toBe(true);
      // Coordinates are top-down: the title sits above (smaller y than) the references.
      const title = text.pages[0]!.items.find((i) => i.str.includes('Digital peer support'))!;
      const refs = text.pages[0]!.items.find((i) => i.str === 'References')!;
      expect(title.y).toBeLessThan(refs.y);
      const controller = new AbortController();
      controller.abort();
      await expect(readPdfText(loaded.doc, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await loaded.destroy();
    }
  });
});

describe('pdf.js in Node leaves the process its own built-ins', () => {
  // Captured before any test here has loaded pdf.js (it is imported on first use).
  const nativePush = Array.prototype.push;
  const nativeParse = JSON.parse;

  it('keeps native Array.prototype.push and JSON.parse after reading a PDF, and reading still works twice over', async () => {
    const first = await extractPdfInNode(fixture('peer-support-two-column.pdf'));
    const second = await extractPdfInNode(fixture('peer-support-two-column.pdf'));
    // core-js in the legacy build would otherwise replace them with slower JavaScript versions
    // for the whole process (our layout and analysis included).
    expect(Array.prototype.push).toBe(nativePush);
    expect(JSON.parse).toBe(nativeParse);
    // One shared pdf.js worker serves both documents and gives the same paper.
    expect(second.blocks.map((b) => b.text)).toEqual(first.blocks.map((b) => b.text));
  });
});

describe('a PDF with more text than is read from one document', () => {
  it('is read up to the page where the limit is passed, and the paper says which pages', async () => {
    const full = await extractPdfInNode(fixture('peer-support-two-column.pdf'));
    const pages = new Set(full.blocks.map((b) => (b.anchor.type === 'pdf' ? b.anchor.page : 0)));
    expect(pages.size).toBeGreaterThan(1);
    expect(full.warnings.join(' ')).not.toMatch(/were read/);
    // A limit the first page already passes: the first page is read, the rest is not.
    const cut = await extractPdfInNode(fixture('peer-support-two-column.pdf'), { maxChars: 100 });
    expect(new Set(cut.blocks.map((b) => (b.anchor.type === 'pdf' ? b.anchor.page : 0)))).toEqual(new Set([1]));
    expect(cut.warnings.join(' ')).toMatch(new RegExp(`Only pages 1–1 of ${pages.size} were read: this PDF holds more text than Critical Reader reads`));
  });
});
