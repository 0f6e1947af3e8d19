/**
 * PDF geometry for highlight annotations: turns character segments of text items into
 * `/QuadPoints` in PDF user space, computed from the items' text matrices, so a highlight can be
 * written for any page, rendered or not. Character positions inside an item are interpolated
 * proportionally (pdf.js gives item widths, not glyph widths): close enough for a highlight.
 */
import type { ItemSegment } from './text-match';

/** The geometry pdf.js's `getTextContent()` gives per item (user space). */
export interface ItemGeometry {
  str: string;
  /** [a, b, c, d, e, f] text matrix: (e, f) is the baseline start. */
  transform: number[];
  width: number;
  height: number;
}

/** One quad, PDF order: top-left, top-right, bottom-left, bottom-right (x, y pairs). */
export type Quad = [number, number, number, number, number, number, number, number];

export function segmentQuad(item: ItemGeometry, seg: ItemSegment): Quad | null {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const len = item.str.length;
  if (!len || item.width <= 0) return null;
  const size = item.height || Math.hypot(c, d) || Math.hypot(a, b);
  // Unit vectors along the baseline and up the glyphs (handles rotated text too).
  const along = Math.hypot(a, b) || 1;
  const ux = a / along;
  const uy = b / along;
  const vx = -uy;
  const vy = ux;
  const s = (item.width * seg.start) / len;
  const t = (item.width * seg.end) / len;
  const below = 0.22 * size;
  const above = 0.88 * size;
  const pt = (u: number, v: number): [number, number] => [e + ux * u + vx * v, f + uy * u + vy * v];
  const tl = pt(s, above);
  const tr = pt(t, above);
  const bl = pt(s, -below);
  const br = pt(t, -below);
  return [...tl, ...tr, ...bl, ...br] as Quad;
}

/** Bounding rectangle [x1, y1, x2, y2] of some quads. */
export function quadsRect(quads: Quad[]): [number, number, number, number] {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A closed outline per quad (for the appearance stream pdf.js draws): tl, tr, br, bl. */
export function quadOutline(q: Quad): number[] {
  return [q[0], q[1], q[2], q[3], q[6], q[7], q[4], q[5]];
}
