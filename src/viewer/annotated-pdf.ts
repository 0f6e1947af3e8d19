/**
 * "Download annotated PDF": writes the reader's highlights and notes into the file as real
 * `/Highlight` annotations (with `/QuadPoints`, `/Contents` = the note, `/T` = author, and an
 * appearance stream), which Acrobat, Preview, Okular, Firefox and Chrome show.
 *
 * Route: pdf.js's own saving machinery. We put serialized highlight-editor values into
 * `annotationStorage` (the same shape pdf.js's HighlightEditor serializes to) and call
 * `saveDocument()`, which appends an incremental update to the original bytes. This keeps one PDF
 * library in the extension (pdf-lib stays a test-only dependency) and leaves the original content
 * byte-for-byte intact. The caller passes a *fresh* document loaded from the viewer's bytes, so the
 * viewer's own annotation storage and editor layer are never touched.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { quadOutline, quadsRect, segmentQuad, type ItemGeometry, type Quad } from './quads';
import { locateInItems, type BlockSpan } from './text-match';

/** pdf.js AnnotationEditorType.HIGHLIGHT (kept literal so this module runs with either pdf.js build). */
const HIGHLIGHT = 9;
export const ANNOTATION_AUTHOR = 'Critical Reader reader';

export interface HighlightSpec {
  /** 1-based page. */
  page: number;
  quads: Quad[];
  /** The reader's note (may be empty: a bare highlight). */
  note: string;
  /** RGB 0–255. */
  color: [number, number, number];
}

export interface NoteToWrite {
  page: number;
  block: BlockSpan;
  start: number;
  end: number;
  note: string;
  color: [number, number, number];
}

/** Computes quads for notes from the pages' text geometry (pages need not be rendered). */
export async function highlightSpecs(doc: PDFDocumentProxy, notes: NoteToWrite[]): Promise<{ specs: HighlightSpec[]; unplaced: number }> {
  const cache = new Map<number, ItemGeometry[]>();
  const specs: HighlightSpec[] = [];
  let unplaced = 0;
  for (const n of notes) {
    if (n.page < 1 || n.page > doc.numPages) {
      unplaced++;
      continue;
    }
    let items = cache.get(n.page);
    if (!items) {
      const content = await (await doc.getPage(n.page)).getTextContent();
      items = content.items.filter((it): it is ItemGeometry & typeof it => 'str' in it);
      cache.set(n.page, items);
    }
    const strs = items.map((it) => it.str);
    const segments = locateInItems(strs, n.block, n.start, n.end);
    const quads = (segments ?? []).map((s) => segmentQuad(items![s.item]!, s)).filter((q): q is Quad => q !== null);
    if (!quads.length) {
      unplaced++;
      continue;
    }
    specs.push({ page: n.page, quads, note: n.note, color: n.color });
  }
  return { specs, unplaced };
}

/** Adds the highlights to `doc` (a document opened only for this purpose) and returns the saved bytes. */
export async function saveWithHighlights(doc: PDFDocumentProxy, specs: HighlightSpec[], date = new Date()): Promise<Uint8Array> {
  if (!specs.length) return doc.getData();
  specs.forEach((s, i) => {
    const rect = quadsRect(s.quads);
    const value: Record<string, unknown> = {
      annotationType: HIGHLIGHT,
      color: s.color,
      opacity: 0.35,
      thickness: 12,
      quadPoints: s.quads.flat(),
      outlines: s.quads.map(quadOutline),
      pageIndex: s.page - 1,
      rect,
      rotation: 0,
      structTreeParentId: null,
      user: ANNOTATION_AUTHOR,
      date,
    };
    if (s.note.trim()) {
      // A popup carries the note: pdf.js writes it as the highlight's /Contents plus a /Popup annotation.
      value.popup = { contents: s.note, deleted: false, rect: [rect[2], rect[3] - 100, rect[2] + 180, rect[3]] };
    }
    doc.annotationStorage.setValue(`pdfjs_internal_editor_cr${i}`, value);
  });
  return doc.saveDocument();
}
