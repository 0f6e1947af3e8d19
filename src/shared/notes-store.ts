/**
 * The reader's notes, persisted in storage.local, one entry per note under its document's key:
 * "doi:<doi>" for papers with a DOI (so the same paper on two sites shares notes), else
 * "url:<canonical url>", and "pdf:<fingerprint>" in the PDF viewer.
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

/**
 * Each note is its own storage entry ("notes:<document>#<note id>"), so writes never read-modify-
 * write a shared list: two tabs adding notes at once, an add during a delete, or quick verdicts
 * can no longer overwrite one another (each write touches one key). Notes saved by earlier versions
 * as one array under "notes:<document>" are still read, and moved to entries of their own at the
 * next write. Stored values are checked on read: anything that is not a note is skipped.
 */
export class NotesStore {
  constructor(
    readonly documentKey: string,
    private readonly storage: KeyValueStorage = getStorage(),
    /** Origin of the page the notes are written on, recorded with each new note (see ReaderNote.origin). */
    private readonly origin?: string,
  ) {}

  /** The array key of earlier versions. */
  private get legacyKey(): string {
    return PREFIX + this.documentKey;
  }

  private get notePrefix(): string {
    return `${PREFIX}${this.documentKey}#`;
  }

  private noteKey(id: string): string {
    return this.notePrefix + id;
  }

  async list(): Promise<ReaderNote[]> {
    const [entries, legacy] = await Promise.all([this.storage.getByPrefix(this.notePrefix), this.storage.get<unknown>(this.legacyKey)]);
    const byId = new Map<string, ReaderNote>();
    for (const n of Array.isArray(legacy) ? legacy : []) if (isNote(n)) byId.set(n.id, n);
    for (const v of entries.values()) if (isNote(v)) byId.set(v.id, v);
    return [...byId.values()].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  }

  async add(note: Omit<ReaderNote, 'id' | 'created'> & Partial<Pick<ReaderNote, 'id' | 'created'>>): Promise<ReaderNote> {
    const full: ReaderNote = {
      ...(this.origin ? { origin: this.origin } : {}),
      ...note,
      id: note.id ?? newNoteId(),
      created: note.created ?? new Date().toISOString(),
    };
    await this.migrateLegacy();
    await this.storage.set(this.noteKey(full.id), full);
    return full;
  }

  async update(id: string, patch: Partial<Omit<ReaderNote, 'id' | 'created'>>): Promise<void> {
    await this.migrateLegacy();
    const current = await this.storage.get<unknown>(this.noteKey(id));
    if (!isNote(current)) return;
    await this.storage.set(this.noteKey(id), { ...current, ...patch, id, created: current.created, updated: new Date().toISOString() });
  }

  async remove(id: string): Promise<void> {
    await this.migrateLegacy();
    await this.storage.remove(this.noteKey(id));
  }

  /**
   * Sets (or clears, with null) the reader's agree/disagree verdict on a finding. One verdict
   * note per finding, under an id derived from the finding, so quick toggles write one key.
   */
  async setVerdict(findingId: string, verdict: ReaderNote['verdict'] | null): Promise<void> {
    await this.migrateLegacy();
    const existing = (await this.list()).filter((n) => n.findingId === findingId && n.verdict && !n.text);
    const id = `verdict:${findingId}`;
    // Verdict notes of earlier versions had random ids: fold them into the one derived id.
    for (const n of existing) if (n.id !== id) await this.storage.remove(this.noteKey(n.id));
    if (verdict === null) {
      await this.storage.remove(this.noteKey(id));
      return;
    }
    const created = existing[0]?.created ?? new Date().toISOString();
    const origin = existing[0]?.origin ?? this.origin;
    await this.storage.set(this.noteKey(id), { id, text: '', findingId, verdict, created, updated: new Date().toISOString(), ...(origin ? { origin } : {}) } satisfies ReaderNote);
  }

  /** Notes changed elsewhere (another tab on the same paper). */
  watch(listener: (notes: ReaderNote[]) => void): () => void {
    const reload = () => void this.list().then(listener, () => undefined);
    const stopEntries = this.storage.watchPrefix(this.notePrefix, reload);
    const stopLegacy = this.storage.watch(this.legacyKey, reload);
    return () => {
      stopEntries();
      stopLegacy();
    };
  }

  /** Moves notes kept as one array by earlier versions into entries of their own. */
  private async migrateLegacy(): Promise<void> {
    const legacy = await this.storage.get<unknown>(this.legacyKey);
    if (legacy === undefined) return;
    for (const n of Array.isArray(legacy) ? legacy : []) if (isNote(n)) await this.storage.set(this.noteKey(n.id), n);
    await this.storage.remove(this.legacyKey);
  }
}

/** A stored value that is a note (an entry damaged by hand, a sync tool or an old bug is skipped). */
function isNote(v: unknown): v is ReaderNote {
  if (!v || typeof v !== 'object') return false;
  const n = v as Partial<ReaderNote>;
  return typeof n.id === 'string' && n.id.length > 0 && typeof n.created === 'string' && (n.text === undefined || typeof n.text === 'string') && (n.origin === undefined || typeof n.origin === 'string');
}
