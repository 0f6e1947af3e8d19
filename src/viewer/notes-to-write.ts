/**
 * Which of the reader's notes go into the annotated PDF, and where: a note on a passage at that
 * passage; a note on a finding at the finding's first piece of evidence in the text (labelled with
 * the finding, so the note still makes sense in another PDF reader). Bare verdicts and notes with
 * no place in the text are counted, not written.
 */
import type { Finding } from '../analysis/critique';
import { KIND_LABELS } from '../analysis/labels';
import type { Paper, TextAnchor } from '../analysis/model';
import type { ReaderNote } from '../analysis/reader-notes';
import type { NoteToWrite } from './annotated-pdf';
import { blockSpan, isPdfBlock } from './pdf-host';

const NOTE_COLOUR: [number, number, number] = [255, 170, 0];

export function notesToWrite(notes: readonly ReaderNote[], paper: Paper, findings: readonly Finding[]): { toWrite: NoteToWrite[]; unplaced: number } {
  const toWrite: NoteToWrite[] = [];
  let unplaced = 0;
  for (const n of notes) {
    if (!n.text.trim() && !n.anchor) continue; // a bare verdict: nothing to write
    let anchor: TextAnchor | null | undefined = n.anchor;
    let label = n.category ? `[${n.category}]` : '';
    if (!anchor && n.findingId) {
      const finding = findings.find((f) => f.id === n.findingId);
      anchor = finding?.evidence.find((ev) => ev.anchor && isPdfBlock(paper.blocks[ev.anchor.blockId]))?.anchor;
      if (finding) label = `[${KIND_LABELS[finding.kind]}: ${finding.summary}]`;
    }
    const block = anchor ? paper.blocks[anchor.blockId] : undefined;
    if (!anchor || !isPdfBlock(block)) {
      unplaced++;
      continue;
    }
    const note = [label, n.text.trim()].filter(Boolean).join(' ');
    toWrite.push({ page: block.anchor.page, block: blockSpan(block), start: anchor.start, end: anchor.end, note, color: NOTE_COLOUR });
  }
  return { toWrite, unplaced };
}
