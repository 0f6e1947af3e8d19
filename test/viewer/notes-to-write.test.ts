/** Which notes the annotated PDF carries, and where: passage notes at their passage, finding notes at the finding's evidence. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/critique';
import type { Block, Paper } from '../../src/analysis/model';
import type { ReaderNote } from '../../src/analysis/reader-notes';
import { notesToWrite } from '../../src/viewer/notes-to-write';

const pdfBlock = (id: number, page: number, text: string): Block => ({
  id,
  kind: 'paragraph',
  text,
  sectionPath: ['Methods'],
  role: 'methods',
  anchor: { type: 'pdf', page, firstItem: id * 10, lastItem: id * 10 + 9 },
});

const paper: Paper = {
  metadata: { title: 'T', authors: [], journal: null, published: null, year: null, doi: null, pdfUrl: null, url: '' },
  blocks: [pdfBlock(0, 1, 'Peer mentors met students online every week.'), pdfBlock(1, 3, 'No definition of the peer role was given anywhere.')],
  source: 'pdf',
  warnings: [],
};

const finding: Finding = {
  id: 'definition-gap:lens:peer',
  kind: 'definition-gap',
  theme: 'terms',
  severity: 'concern',
  summary: '"Peer" is used 9 times but never defined.',
  evidence: [
    { quote: 'from the metadata', section: '', role: 'other', anchor: null },
    { quote: 'No definition of the peer role', section: 'Methods', role: 'methods', anchor: { blockId: 1, start: 0, end: 30 }, page: 3 },
  ],
};

const note = (n: Partial<ReaderNote>): ReaderNote => ({ id: Math.random().toString(36), text: '', created: '2026-01-01T00:00:00Z', ...n });

describe('notes in the annotated PDF', () => {
  it('writes a passage note at its passage and a finding note at the finding\'s first evidence in the text, labelled', () => {
    const { toWrite, unplaced } = notesToWrite(
      [
        note({ text: 'Weekly for how long?', category: 'question', anchor: { blockId: 0, start: 12, end: 25 }, quote: 'met students' }),
        note({ text: 'So who counts as a peer?', findingId: finding.id }),
      ],
      paper,
      [finding],
    );
    expect(unplaced).toBe(0);
    expect(toWrite).toEqual([
      expect.objectContaining({ page: 1, start: 12, end: 25, note: '[question] Weekly for how long?' }),
      expect.objectContaining({ page: 3, start: 0, end: 30, note: '[Definition gap: "Peer" is used 9 times but never defined.] So who counts as a peer?' }),
    ]);
  });

  it('leaves out bare verdicts, and counts notes with no place in the text', () => {
    const { toWrite, unplaced } = notesToWrite(
      [
        note({ findingId: finding.id, verdict: 'agree' }),
        note({ text: 'On a finding this analysis no longer makes', findingId: 'gone' }),
        note({ text: 'A free note with no passage' }),
      ],
      paper,
      [finding],
    );
    expect(toWrite).toEqual([]);
    expect(unplaced).toBe(2);
  });
});
