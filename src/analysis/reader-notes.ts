/**
 * The reader's own notes, as the export sees them. Stored by the extension (storage.local, keyed by
 * DOI / canonical URL / PDF fingerprint); plain data here so the Markdown export stays pure.
 */
import type { TextAnchor } from './model';

export type NoteVerdict = 'agree' | 'disagree';

export interface ReaderNote {
  id: string;
  /** The reader's words (may be empty for a bare highlight or a bare verdict). */
  text: string;
  /** The passage the note is attached to, as quoted from the paper. */
  quote?: string;
  /** Hypothesis-style selector parts around the quote, for re-anchoring. */
  prefix?: string;
  suffix?: string;
  anchor?: TextAnchor | null;
  /** Reader-chosen category (e.g. "question", "definition", "method", "important"). */
  category?: string;
  /** When attached to a finding: its id (Finding.id), and the reader's verdict on it. */
  findingId?: string;
  verdict?: NoteVerdict;
  section?: string;
  page?: number;
  /**
   * Origin of the page the note was first saved on ("https://journal.example"); absent for notes
   * made in the PDF viewer and by earlier versions. A page can claim any paper's DOI, so notes
   * from other origins are shown only when the reader asks.
   */
  origin?: string;
  /** ISO timestamps. */
  created: string;
  updated?: string;
}
