/**
 * The reader's notes survive concurrent writers: two tabs saving at once, an add during a delete,
 * quick verdicts. Each note is its own storage entry, so no write can overwrite another's list.
 * Notes kept by earlier versions (one array per document) are read and moved; damaged entries are
 * skipped, never breaking the list.
 */
import { describe, expect, it } from 'vitest';
import { NotesStore } from '../../src/shared/notes-store';
import { memoryStorage } from '../../src/shared/storage';

const note = (text: string) => ({ text, quote: text });

describe('notes under concurrent writers', () => {
  it('two tabs adding 10 notes each at the same time keep all 20', async () => {
    const storage = memoryStorage();
    const tabA = new NotesStore('doi:10.1/x', storage);
    const tabB = new NotesStore('doi:10.1/x', storage);
    await Promise.all(Array.from({ length: 10 }, (_, i) => [tabA.add(note(`A${i}`)), tabB.add(note(`B${i}`))]).flat());
    expect((await tabA.list()).map((n) => n.text).sort()).toHaveLength(20);
  });

  it('an add during a delete keeps the added note and removes the deleted one', async () => {
    const storage = memoryStorage();
    const store = new NotesStore('doi:10.1/x', storage);
    const old = await store.add(note('to delete'));
    await Promise.all([store.remove(old.id), store.add(note('kept'))]);
    expect((await store.list()).map((n) => n.text)).toEqual(['kept']);
  });

  it('three quick verdicts on three findings are all kept, and a toggle clears only its own', async () => {
    const store = new NotesStore('doi:10.1/x', memoryStorage());
    await Promise.all([store.setVerdict('f1', 'agree'), store.setVerdict('f2', 'disagree'), store.setVerdict('f3', 'agree')]);
    expect((await store.list()).map((n) => `${n.findingId}:${n.verdict}`).sort()).toEqual(['f1:agree', 'f2:disagree', 'f3:agree']);
    await store.setVerdict('f2', null);
    expect((await store.list()).map((n) => n.findingId).sort()).toEqual(['f1', 'f3']);
  });

  it('keeps notes of different papers apart', async () => {
    const storage = memoryStorage();
    await new NotesStore('doi:10.1/x', storage).add(note('x'));
    await new NotesStore('doi:10.1/xy', storage).add(note('xy'));
    expect((await new NotesStore('doi:10.1/x', storage).list()).map((n) => n.text)).toEqual(['x']);
  });
});

describe('notes kept by earlier versions, and damaged entries', () => {
  it('reads the old one-array form, then moves it to entries of its own at the next write', async () => {
    const storage = memoryStorage();
    await storage.set('notes:doi:10.1/x', [{ id: 'n1', text: 'old note', created: '2025-01-01T00:00:00Z' }]);
    const store = new NotesStore('doi:10.1/x', storage);
    expect((await store.list()).map((n) => n.text)).toEqual(['old note']);
    await store.add(note('new note'));
    expect(await storage.get('notes:doi:10.1/x')).toBeUndefined();
    expect((await store.list()).map((n) => n.text)).toEqual(['old note', 'new note']);
  });

  it('skips null and malformed entries instead of breaking the list', async () => {
    const storage = memoryStorage();
    await storage.set('notes:doi:10.1/x', [null, 42, { text: 'no id' }, { id: 'ok', text: 'fine', created: '2025-01-01T00:00:00Z' }]);
    await storage.set('notes:doi:10.1/x#bad', 'not a note');
    const store = new NotesStore('doi:10.1/x', storage);
    expect((await store.list()).map((n) => n.text)).toEqual(['fine']);
  });

  it('tells a watcher of changes made by another tab', async () => {
    const storage = memoryStorage();
    const seen: number[] = [];
    const stop = new NotesStore('doi:10.1/x', storage).watch((notes) => seen.push(notes.length));
    await new NotesStore('doi:10.1/x', storage).add(note('from the other tab'));
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen.at(-1)).toBe(1);
  });

  it('records where each note was written, and an edit or verdict keeps the first origin', async () => {
    const storage = memoryStorage();
    const atPublisher = new NotesStore('doi:10.1/x', storage, 'https://journal.example');
    const elsewhere = new NotesStore('doi:10.1/x', storage, 'https://mirror.example');
    const kept = await atPublisher.add(note('first read'));
    expect(kept.origin).toBe('https://journal.example');
    await atPublisher.setVerdict('f1', 'agree');
    await elsewhere.setVerdict('f1', 'disagree');
    const byFinding = (await elsewhere.list()).find((n) => n.findingId === 'f1');
    expect(byFinding?.verdict).toBe('disagree');
    expect(byFinding?.origin).toBe('https://journal.example');
  });

  it('does not take an entry whose origin is not text for a note', async () => {
    const storage = memoryStorage();
    await storage.set('notes:doi:10.1/x#a', { id: 'a', text: 'odd', created: '2025-01-01T00:00:00Z', origin: { forged: true } });
    expect(await new NotesStore('doi:10.1/x', storage).list()).toEqual([]);
  });
});
