/**
 * Turns a critique (and the reader's notes) into highlight groups for the document host, with
 * stable target ids the panels use to ask the host to reveal a passage.
 */
import type { Critique, Evidence, Occurrence } from '../analysis/critique';
import type { ReaderNote } from '../analysis/reader-notes';
import { HIGHLIGHT_CATEGORIES } from '../shared/highlight-category';
import type { HighlightCategory, HighlightGroup, HighlightTarget } from './host';

export const CATEGORY_LABELS: Record<HighlightCategory, string> = {
  term: 'Term uses',
  definition: 'Definitions',
  dates: 'Search dates',
  statement: 'Statements',
  concern: 'Finding evidence',
  note: 'My notes',
};

export const occurrenceId = (term: string, i: number) => `occ:${term}:${i}`;
export const definitionId = (term: string, i: number) => `def:${term}:${i}`;
export const evidenceId = (findingId: string, i: number) => `ev:${findingId}:${i}`;
export const statementId = (key: string, i: number) => `st:${key}:${i}`;
export const searchId = (i: number) => `search:${i}`;
export const noteId = (id: string) => `note:${id}`;

export function occurrenceTarget(term: string, i: number, o: Occurrence): HighlightTarget {
  return { id: occurrenceId(term, i), anchor: o.anchor, quote: o.match };
}

/** Where a piece of evidence is painted: its narrower highlight (term, defining clause) if it has one, else its quote. */
export function evidenceTarget(id: string, ev: Evidence): HighlightTarget | null {
  if (!ev.anchor) return null;
  if (ev.highlight) return { id, anchor: { blockId: ev.anchor.blockId, start: ev.highlight.start, end: ev.highlight.end }, quote: ev.highlight.text };
  return { id, anchor: ev.anchor, quote: ev.quote };
}

export function noteTarget(note: ReaderNote): HighlightTarget | null {
  return note.anchor && note.quote ? { id: noteId(note.id), anchor: note.anchor, quote: note.quote } : null;
}

export function highlightGroups(critique: Critique, notes: ReaderNote[]): HighlightGroup[] {
  const groups: Record<HighlightCategory, HighlightTarget[]> = {
    term: [],
    definition: [],
    dates: [],
    statement: [],
    concern: [],
    note: [],
  };
  const push = (cat: HighlightCategory, t: HighlightTarget | null) => {
    if (t) groups[cat].push(t);
  };
  for (const t of critique.terms) {
    t.occurrences.forEach((o, i) => push('term', occurrenceTarget(t.term, i, o)));
    t.definitions.forEach((d, i) => push('definition', { id: definitionId(t.term, i), anchor: d.anchor, quote: d.text }));
  }
  critique.search.evidence.forEach((ev, i) => push('dates', evidenceTarget(searchId(i), ev)));
  for (const [key, report] of Object.entries(critique.statements)) {
    report.evidence.forEach((ev, i) => push('statement', evidenceTarget(statementId(key, i), ev)));
  }
  for (const f of critique.findings) {
    f.evidence.forEach((ev, i) => push('concern', evidenceTarget(evidenceId(f.id, i), ev)));
  }
  for (const n of notes) push('note', noteTarget(n));
  return HIGHLIGHT_CATEGORIES.map((category) => ({ category, targets: groups[category] }));
}
