/**
 * One of the reader's notes, wherever it is listed (the Notes tab, under its finding): its words,
 * the passage it quotes, and Edit / Delete. Deleting offers Undo in the sidebar's status line.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReaderNote } from '../analysis/reader-notes';
import { useSidebar } from './context';
import { saveFailure } from './save-failure';
import { noteTarget } from './targets';

export interface NoteItemProps {
  note: ReaderNote;
  /** Show the quoted passage and its "Show in text" button (not under a finding, which has its own). */
  withQuote?: boolean;
  /** What the note is attached to, e.g. the finding's summary, shown above the note. */
  context?: string;
}

export function NoteItem({ note, withQuote = true, context }: NoteItemProps) {
  const { store, reveal, announce, deleted } = useSidebar();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const target = withQuote ? noteTarget(note) : null;
  const editor = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) editor.current?.focus();
  }, [editing]);

  const cancelEdit = () => {
    setDraft(note.text);
    setEditing(false);
  };
  const saveEdit = async () => {
    try {
      await store.update(note.id, { text: draft.trim() });
    } catch (e) {
      announce(saveFailure(e, 'Your change was not saved', true));
      return;
    }
    setEditing(false);
    announce('Note updated.');
  };
  const remove = async () => {
    try {
      await store.remove(note.id);
    } catch (e) {
      announce(saveFailure(e, 'The note was not deleted', false));
      return;
    }
    deleted(note);
  };

  return (
    <li class="reader-note" data-note-id={note.id}>
      {context && <p class="note-context">{context}</p>}
      {note.category && <span class="badge">{note.category}</span>}
      {withQuote && note.quote && <blockquote>{note.quote}</blockquote>}
      {editing ? (
        <form
          class="note-edit"
          aria-label="Edit note"
          onSubmit={(e) => {
            e.preventDefault();
            void saveEdit();
          }}
        >
          <label>
            <span class="visually-hidden">Note</span>
            <textarea
              rows={3}
              value={draft}
              onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
              // Escape inside the editor cancels the edit, not the sidebar.
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.stopPropagation();
                cancelEdit();
              }}
              ref={editor}
            />
          </label>
          <div class="row">
            <button type="submit" class="primary">
              Save
            </button>
            <button type="button" onClick={cancelEdit}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        note.text && <p class="note-text">{note.text}</p>
      )}
      {!editing && (
        <div class="row">
          {target && (
            <button type="button" class="link" onClick={() => reveal(target)}>
              Show in text
            </button>
          )}
          <button
            type="button"
            class="link"
            onClick={() => {
              setDraft(note.text);
              setEditing(true);
            }}
            aria-label="Edit note"
            data-action="edit-note"
          >
            Edit
          </button>
          <button type="button" class="link" onClick={() => void remove()} aria-label="Delete note" data-action="delete-note">
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
