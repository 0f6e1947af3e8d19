/** The reader's notes: add one from the current text selection; every note (free or on a finding) listed, to reveal, edit or delete. */
import { useState } from 'preact/hooks';
import type { DocumentSelection } from '../host';
import { useSidebar } from '../context';
import { saveFailure } from '../save-failure';
import { KIND_LABELS } from '../../analysis/labels';
import { NoteItem } from '../note-item';

export const NOTE_CATEGORIES = ['important', 'question', 'definition', 'method', 'disagree'] as const;


export function NotesPanel() {
  const { host, notes, store, critique, announce, heldBack, showNotesFrom } = useSidebar();
  const [pending, setPending] = useState<DocumentSelection | null>(null);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string>(NOTE_CATEGORIES[0]);
  const startFromSelection = async () => {
    const sel = await host.getSelection();
    if (!sel) {
      announce('Select some text in the article first, then press "Add note".');
      return;
    }
    setPending(sel);
  };
  const save = async () => {
    if (!pending) return;
    try {
      await store.add({
        text: text.trim(),
        quote: pending.quote,
        prefix: pending.prefix,
        suffix: pending.suffix,
        anchor: pending.anchor,
        category,
        section: pending.section,
        ...(pending.page !== undefined ? { page: pending.page } : {}),
      });
    } catch (e) {
      // Storage full or unavailable: say so, and keep the form with the reader's words in it.
      announce(saveFailure(e, 'The note was not saved', true));
      return;
    }
    setPending(null);
    setText('');
    announce('Note saved.');
  };
  const free = notes.filter((n) => !n.findingId);
  // Notes the reader wrote on findings (bare agree/disagree verdicts stay on their cards).
  const onFindings = notes.filter((n) => n.findingId && n.text);
  const findingSummary = (id: string) => critique.findings.find((f) => f.id === id);
  return (
    <div class="panel-body">
      <button
        type="button"
        class="primary"
        // Keep the page selection: a mousedown on the button must not collapse it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void startFromSelection()}
        data-action="add-note"
      >
        Add note from selection
      </button>
      {pending && (
        <form
          class="note-form"
          aria-label="New note"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <blockquote>{pending.quote}</blockquote>
          <label>
            Category{' '}
            <select value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}>
              {NOTE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span class="visually-hidden">Note</span>
            <textarea rows={3} value={text} placeholder="Your note" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <div class="row">
            <button type="submit" class="primary">
              Save note
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {[...heldBack].map(([origin, count]) => (
        <p class="held-back" key={origin} data-held-back={origin}>
          {count === 1 ? '1 note' : `${count} notes`} on this paper {count === 1 ? 'was' : 'were'} saved on another site, {origin}. Any page can
          claim a paper's DOI, so {count === 1 ? 'it is' : 'they are'} shown here only if you ask.{' '}
          <button type="button" onClick={() => showNotesFrom(origin)} data-action="show-held-back">
            Show notes from {origin}
          </button>
        </p>
      ))}
      {free.length === 0 && onFindings.length === 0 && !pending && <p class="empty">No notes yet. Select text in the article and press "Add note".</p>}
      <ul class="plain notes-list" aria-label="Your notes">
        {free.map((n) => (
          <NoteItem key={n.id} note={n} />
        ))}
      </ul>
      {onFindings.length > 0 && (
        <section aria-labelledby="cr-notes-on-findings">
          <h2 id="cr-notes-on-findings">Notes on findings</h2>
          <ul class="plain finding-notes-list">
            {onFindings.map((n) => {
              const f = findingSummary(n.findingId!);
              // A finding a later analysis no longer reports (other lenses): the note stays, labelled so.
              const context = f ? `${KIND_LABELS[f.kind]}: ${f.summary}` : 'On a finding not in the current analysis';
              return <NoteItem key={n.id} note={n} context={context} />;
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
