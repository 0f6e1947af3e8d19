/** Builders for synthetic pdf.js-like text items (one item per line, widths from a fixed advance). */
import type { PdfPageText, PdfTextItem } from '../../../src/extract/pdf/types';

export interface LineSpec {
  text: string;
  x: number;
  y: number;
  size?: number;
  font?: string;
}

/** Average glyph advance as a fraction of the font size (close enough for layout decisions). */
const ADVANCE = 0.5;

export function item(spec: LineSpec): PdfTextItem {
  const size = spec.size ?? 10;
  return {
    str: spec.text,
    x: spec.x,
    y: spec.y,
    width: spec.text.length * size * ADVANCE,
    height: size,
    fontName: spec.font ?? 'body',
    hasEOL: true,
  };
}

export function page(pageNumber: number, lines: LineSpec[], width = 600, height = 800): PdfPageText {
  return { pageNumber, width, height, items: lines.map(item) };
}

/**
 * Lays out paragraphs of ~`chars`-wide lines in a column from `top`, `step` apart, with an
 * extra gap between paragraphs. Returns specs and the y after the last line.
 */
export function column(paragraphs: string[][], x: number, top: number, opts: { step?: number; gap?: number; size?: number; font?: string } = {}): { lines: LineSpec[]; bottom: number } {
  const step = opts.step ?? 12;
  const gap = opts.gap ?? 8;
  const lines: LineSpec[] = [];
  let y = top;
  for (const para of paragraphs) {
    for (const text of para) {
      const spec: LineSpec = { text, x, y };
      if (opts.size !== undefined) spec.size = opts.size;
      if (opts.font !== undefined) spec.font = opts.font;
      lines.push(spec);
      y += step;
    }
    y += gap;
  }
  return { lines, bottom: y };
}

/** Justified-looking filler line of exactly `n` characters. */
export function filler(seed: string, n = 46): string {
  let s = seed;
  while (s.length < n) s += ' lorem ipsum dolor';
  return s.slice(0, n).trimEnd();
}
