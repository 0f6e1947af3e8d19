/**
 * The annotated-PDF writer, checked with a reader independent of the writer: pdf.js writes the
 * annotations, pdf-lib reads them back from the saved bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_AUTHOR, highlightSpecs, saveWithHighlights } from '../../src/viewer/annotated-pdf';
import { requireCorpus } from '../corpus';

function text(v: unknown): string | undefined {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}

function open(data: Uint8Array) {
  return pdfjs.getDocument({ data: data.slice(), disableFontFace: true, isOffscreenCanvasSupported: false, verbosity: 0 });
}

describe('saveWithHighlights', () => {
  it('writes a /Highlight with the note, author and quads over the chosen words, readable by pdf-lib', async () => {
    const file = join(requireCorpus('printed'), 'elife00013.pmc.pdf');
    const original = new Uint8Array(readFileSync(file));
    const task = open(original);
    const doc = await task.promise;
    try {
      // Pick a real run of text on page 2 and a word inside it, as a reader's note would.
      const content = await (await doc.getPage(2)).getTextContent();
      const strs = content.items.map((it) => ('str' in it ? it.str : ''));
      const first = strs.findIndex((s) => s.trim().split(/\s+/).length >= 4);
      expect(first).toBeGreaterThanOrEqual(0);
      const blockText = strs.slice(first, first + 3).join(' ').replace(/\s+/g, ' ').trim();
      const word = blockText.split(' ')[1]!;
      const start = blockText.indexOf(word, blockText.indexOf(' '));
      const note = 'Who counts as a "peer" here? <b>not markup</b> – é';
      const { specs, unplaced } = await highlightSpecs(doc, [
        { page: 2, block: { text: blockText, firstItem: first, lastItem: first + 2 }, start, end: start + word.length, note, color: [255, 200, 0] },
      ]);
      expect(unplaced).toBe(0);
      const saved = await saveWithHighlights(doc, specs);
      expect(saved.length).toBeGreaterThan(original.length);

      const lib = await PDFDocument.load(saved);
      const annots = lib.getPage(1).node.lookup(PDFName.of('Annots'), PDFArray);
      const highlights = annots
        .asArray()
        .map((ref) => lib.context.lookup(ref, PDFDict))
        .filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Highlight'));
      expect(highlights).toHaveLength(1);
      const h = highlights[0]!;
      expect(text(h.get(PDFName.of('Contents')))).toBe(note);
      expect(text(h.get(PDFName.of('T')))).toBe(ANNOTATION_AUTHOR);
      const quads = h.lookup(PDFName.of('QuadPoints'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
      expect(quads.length % 8).toBe(0);
      // The quad sits on the chosen item's baseline, not somewhere else on the page.
      const item = content.items[first] as { transform: number[] };
      const quadYs = [quads[1]!, quads[5]!];
      expect(Math.min(...quadYs)).toBeLessThan(item.transform[5]! + 1);
      expect(Math.max(...quadYs)).toBeGreaterThan(item.transform[5]! - 1);
      expect(h.get(PDFName.of('AP'))).toBeDefined();
      expect(h.get(PDFName.of('Popup'))).toBeDefined();
    } finally {
      await task.destroy();
    }
  });
});
