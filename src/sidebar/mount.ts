/**
 * The one entry point to the sidebar, shared by the publisher-page content script and the PDF
 * viewer: render into any element or shadow root, update with a new critique, unmount.
 */
import { h, render } from 'preact';
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import { NotesStore } from '../shared/notes-store';
import { Sidebar, type SidebarLayout } from './sidebar';
import type { DocumentHost } from './host';
import css from './sidebar.css?inline';

export type { SidebarLayout } from './sidebar';

export interface MountSidebarProps {
  paper: Paper;
  critique: Critique;
  host: DocumentHost;
  onClose?: () => void;
  /** Width/collapsed changes (drag handle, keyboard, collapse button), so the embedder can push the page. */
  onLayoutChange?: (layout: SidebarLayout) => void;
  initialWidth?: number;
  /** Defaults to storage.local under `host.documentKey`. */
  notes?: NotesStore;
}

export interface MountedSidebar {
  update(critique: Critique): void;
  unmount(): void;
}

export function mountSidebar(container: HTMLElement | ShadowRoot, props: MountSidebarProps): MountedSidebar {
  const doc = container instanceof ShadowRoot ? container.ownerDocument : container.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = css;
  const root = doc.createElement('div');
  root.className = 'cr-root';
  container.append(style, root);
  const notes = props.notes ?? new NotesStore(props.host.documentKey);
  const draw = (critique: Critique) =>
    render(
      h(Sidebar, {
        paper: props.paper,
        critique,
        host: props.host,
        notes,
        onClose: props.onClose,
        onLayoutChange: props.onLayoutChange,
        initialWidth: props.initialWidth,
      }),
      root,
    );
  draw(props.critique);
  return {
    update: draw,
    unmount() {
      render(null, root);
      root.remove();
      style.remove();
    },
  };
}
