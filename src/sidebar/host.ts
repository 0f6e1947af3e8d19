/**
 * The seam between the sidebar (Preact, the same for web pages and PDFs) and the document it sits
 * beside. The content script implements it for publisher pages (DOM ranges, CSS Custom Highlight
 * API); the PDF viewer implements it for pdf.js text layers. The sidebar never touches the
 * document directly, only through this interface — as Hypothesis's "integrations" do.
 */
import type { TextAnchor } from '../analysis/model';

import type { HighlightCategory } from '../shared/highlight-category';

export type { HighlightCategory };

export interface HighlightTarget {
  /** Stable id (finding id, occurrence id or note id) so the sidebar can ask to reveal it. */
  id: string;
  anchor: TextAnchor;
  /** The quoted text, used to re-anchor when offsets no longer fit (page re-rendered). */
  quote: string;
}

export interface HighlightGroup {
  category: HighlightCategory;
  targets: HighlightTarget[];
}

/** A text selection the reader made in the document, mapped onto the paper model. */
export interface DocumentSelection {
  quote: string;
  /** Anchor in the paper model when the selection lies within one block; null otherwise. */
  anchor: TextAnchor | null;
  /** Hypothesis-style text-quote selector parts, for re-anchoring notes. */
  prefix: string;
  suffix: string;
  section: string;
  page?: number;
}

export interface DocumentHost {
  kind: 'html' | 'pdf';
  /** Key under which reader notes are stored: "doi:…" else "url:…" (pages), "pdf:<fingerprint>" (PDFs). */
  documentKey: string;
  /** Replace all highlights. */
  setHighlights(groups: HighlightGroup[]): void;
  setCategoryVisible(category: HighlightCategory, visible: boolean): void;
  /** Scroll to the target and flash it; resolves false when it cannot be found in the document. */
  reveal(target: HighlightTarget): Promise<boolean>;
  /** The reader's current selection in the document, or null (asked of the page for the page sidebar). */
  getSelection(): DocumentSelection | null | Promise<DocumentSelection | null>;
  /** Called when the sidebar closes: remove highlights and listeners. */
  dispose(): void;
}
