/** Highlight categories; one colour each, each toggleable (shared by pages, PDFs, sidebar and options). */
export type HighlightCategory =
  | 'term'          // occurrences of lens terms
  | 'definition'    // definitions found
  | 'dates'         // search dates, date limits
  | 'statement'     // declarations found (positionality, involvement, COI, funding)
  | 'concern'       // evidence of findings (mixed senses, automated peers, population mismatch…)
  | 'note';         // the reader's own highlights/notes

/** Every category, in display and paint order. */
export const HIGHLIGHT_CATEGORIES: readonly HighlightCategory[] = ['term', 'definition', 'dates', 'statement', 'concern', 'note'];
