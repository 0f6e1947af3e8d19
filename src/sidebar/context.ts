/** What every panel needs, passed down once instead of through every prop list. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import type { ReaderNote } from '../analysis/reader-notes';
import type { NotesStore } from '../shared/notes-store';
import type { DocumentHost, HighlightTarget } from './host';

export interface SidebarContextValue {
  paper: Paper;
  critique: Critique;
  host: DocumentHost;
  store: NotesStore;
  notes: ReaderNote[];
  /** Notes on this paper first saved on other origins, not shown until the reader asks: count per origin. */
  heldBack: ReadonlyMap<string, number>;
  showNotesFrom(origin: string): void;
  /** Reveal a passage; announces when it cannot be found on the page. */
  reveal(target: HighlightTarget | null): void;
  /** Announce a short message in the live region. */
  announce(message: string): void;
  /** A note was deleted: offer to bring it back. */
  deleted(note: ReaderNote): void;
}

export const SidebarContext = createContext<SidebarContextValue | null>(null);

export function useSidebar(): SidebarContextValue {
  const value = useContext(SidebarContext);
  if (!value) throw new Error('Sidebar panels must render inside <Sidebar>');
  return value;
}
