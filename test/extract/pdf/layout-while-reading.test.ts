/**
 * The viewer orders each page's lines as the page is read (no long task at the end); the paper it
 * gets must be the one the whole-document layout makes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf';
import { PdfError } from '../../../src/extract/pdf/errors';
import { loadPdfInNode } from '../../../src/extract/pdf/node';

const FIXTURES = join(__dirname, '../../fixtures/pdf');

async function both(file: string) {
  const read = async (layoutWhileReading: boolean) => {
    const loaded = await loadPdfInNode(new Uint8Array(readFileSync(join(FIXTURES, file))));
    try {
      return await extractPdf(loaded.doc, { layoutWhileReading });
    } finally {
      await loaded.destroy();
    }
  };
  return { atEnd: await read(false), whileReading: await read(true) };
}

describe('layout while reading', () => {
  it('gives the same paper as laying out all pages at the end (two-column paper)', async () => {
    const { atEnd, whileReading } = await both('peer-support-two-column.pdf');
    expect(atEnd.blocks.length).toBeGreaterThan(10);
    expect(whileReading).toEqual(atEnd);
  });

  it('still says a scanned PDF has no text', async () => {
    await expect(both('image-only.pdf')).rejects.toSatisfy((e: unknown) => e instanceof PdfError && e.code === 'no-text');
  });
});
