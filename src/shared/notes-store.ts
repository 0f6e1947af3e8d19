/**
 * The reader's notes, persisted in storage.local under one key per document: "doi:<doi>" for
 * papers with a DOI (so the same paper on two sites shares notes), else "url:<canonical url>",
 * and "pdf:<fingerprint>" in the PDF viewer.
 */
import type { PaperMetadata } from '../analysis/model';
import type { ReaderNote } from '../analysis/reader-notes';
import { getStorage, type KeyValueStorage } from './storage';

export type { ReaderNote } from '../analysis/reader-notes';

const PREFIX = 'notes:';

/** "doi:10.1/x" (lower-cased, no resolver prefix) else "url:<canonical url without hash>". */
export function documentKeyFor(metadata: Pick<PaperMetadata, 'doi' | 'url'>, fallbackUrl: string): string {
  const doi = metadata.doi?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (doi) return `doi:${doi.toLowerCase()}`;
  const url = metadata.url || fallbackUrl;
  try {
    const u = new URL(url);
    u.hash = '';
    return `url:${u.href}`;
  } catch {
    return `url:${url}`;
  }
}

export function newNoteId(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c ? c.randomUUID() : `n${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

export class NotesStore {
  constructor(
    readonly documentKey: string,
    private readonly storage: KeyValueStorage = getStorage(),
  ) {}

  private get key(): string {
    return PREFIX + this.documentKey;
  }

  async list(): Promise<ReaderNote[]> {
    const notes = await this.storage.get<ReaderNote[]>(this.key);
    return Array.isArray(notes) ? notes : [];
  }

  async add(note: Omit<ReaderNote, 'id' | 'created'> & Partial<Pick<ReaderNote, 'id' | 'created'>>): Promise<ReaderNote> {
    const full: ReaderNote = { ...note, id: note.id ?? newNoteId(), created: note.created ?? new Date().toISOString() };
    const notes = await this.list();
    notes.push(full);
    await this.storage.set(this.key, notes);
    return full;
  }

  async update(id: string, patch: Partial<Omit<ReaderNote, 'id' | 'created'>>): Promise<void> {
    const notes = await this.list();
    const i = notes.findIndex((n) => n.id === id);
    if (i < 0) return;
    notes[i] = { ...notes[i]!, ...patch, updated: new Date().toISOString() };
    await this.storage.set(this.key, notes);
  }

  async remove(id: string): Promise<void> {
    const notes = (await this.list()).filter((n) => n.id !== id);
    await this.storage.set(this.key, notes);
  }

  /**
   * Sets (or clears, with null) the reader's agree/disagree verdict on a finding. One verdict note
   * per finding, so toggling does not pile up notes.
   */
  async setVerdict(findingId: string, verdict: ReaderNote['verdict'] | null): Promise<void> {
    const notes = await this.list();
    const i = notes.findIndex((n) => n.findingId === findingId && n.verdict && !n.text);
    if (verdict === null) {
      if (i >= 0) notes.splice(i, 1);
    } else if (i >= 0) {
      notes[i] = { ...notes[i]!, verdict, updated: new Date().toISOString() };
    } else {
      notes.push({ id: newNoteId(), text: '', findingId, verdict, created: new Date().toISOString() });
    }
    await this.storage.set(this.key, notes);
  }

  /** Notes changed elsewhere (another tab on the same paper). */
  watch(listener: (notes: ReaderNote[]) => void): () => void {
    return this.storage.watch<ReaderNote[]>(this.key, (v) => listener(Array.isArray(v) ? v : []));
  }
}
