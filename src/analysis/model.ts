/**
 * The paper text model: what every source (publisher HTML, PDF, saved page) is turned into,
 * and the only thing the analysis engine reads. DOM-free and JSON-serialisable, so the same
 * engine runs in a content script, an extension page, a worker and Node.
 */

export type BlockKind = 'heading' | 'paragraph' | 'caption' | 'reference' | 'footnote' | 'table';

/** A normalised role for the section a block sits in; checks reason about roles, not heading wording. */
export type SectionRole =
  | 'title'
  | 'abstract'
  | 'introduction'
  | 'methods'
  | 'results'
  | 'discussion'
  | 'limitations'
  | 'conclusion'
  | 'declarations'
  | 'acknowledgements'
  | 'references'
  | 'other';

/** Roles of the argument of a paper (declarations, front and back matter sit before or after them). */
export const ARGUMENT_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['introduction', 'methods', 'results', 'discussion', 'limitations', 'conclusion']);

/**
 * Where a block came from, so evidence can be highlighted and cited.
 * - `dom`: `path` is a CSS-like child-index path from `document.body` to the block's element
 *   (a hint only: highlights re-anchor by text quote when the page re-renders).
 * - `pdf`: 1-based page number and the text-layer item range [firstItem, lastItem] on that page;
 *   a paragraph that runs over a page break lists the rest, page by page, in `continues`.
 * - `meta`: the block was built from metadata (e.g. `citation_reference` meta tags) and has no visible text.
 */
export interface PdfItemRange {
  page: number;
  firstItem: number;
  lastItem: number;
}
export type BlockAnchor =
  | { type: 'dom'; path: string }
  | ({ type: 'pdf'; continues?: PdfItemRange[] } & PdfItemRange)
  | { type: 'meta' };

export interface Block {
  /** Index of this block in `Paper.blocks`; evidence points at blocks by this id. */
  id: number;
  kind: BlockKind;
  /** Whitespace-normalised text (single spaces, hyphenation at PDF line ends already rejoined). */
  text: string;
  /** Heading titles from the outermost section inwards, e.g. ["Methods", "Search strategy"]. */
  sectionPath: string[];
  role: SectionRole;
  anchor: BlockAnchor;
  /**
   * For `reference` blocks: true when the paper marks this entry as an included study
   * (APA asterisk convention, an "Included studies" list); undefined when the paper marks nothing.
   */
  included?: boolean;
  /** For `reference` blocks: the heading of the list it came from (e.g. "References", "Included studies"). */
  list?: string;
}

export interface PaperMetadata {
  title: string | null;
  authors: string[];
  journal: string | null;
  /** As precise as the source gives: "2024", "2024-05" or "2024-05-03". */
  published: string | null;
  year: number | null;
  doi: string | null;
  pdfUrl: string | null;
  /** Canonical URL of the article page (or the file path/URL for PDFs). */
  url: string | null;
  publisher?: string | null;
}

export interface Paper {
  metadata: PaperMetadata;
  blocks: Block[];
  /** Which source produced this model; checks may weigh evidence differently (e.g. PDF text is noisier). */
  source: 'html' | 'pdf' | 'text';
  /** Non-fatal problems met while extracting, shown to the reader (e.g. "no reference list found"). */
  warnings: string[];
}

/** A span of one block's text, with a Hypothesis-style text-quote selector for re-anchoring. */
export interface TextAnchor {
  blockId: number;
  /** Character offsets into `Block.text`. */
  start: number;
  end: number;
}
