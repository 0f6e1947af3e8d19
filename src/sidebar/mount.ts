/**
 * The one entry point to the sidebar, shared by the publisher-page content script and the PDF
 * viewer: render into any element or shadow root, update with a new critique, unmount.
 */
import { h, render } from 'preact';
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import { NotesStore } from '../shared/notes-store';
import type { HighlightColours } from '../shared/colour-contrast';
import { Sidebar, type SidebarLayout } from './sidebar';
import type { DocumentHost } from './host';
import type { HighlightCategory } from '../shared/highlight-category';
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
  /** Highlight categories switched off, and where to keep the reader's changes to them. */
  initialHidden?: readonly HighlightCategory[];
  onHiddenChange?: (hidden: HighlightCategory[]) => void;
  /** Escape in the sidebar: give the focus back to the page. */
  onEscape?: () => void;
  /** Markdown exports with YAML front matter, and where to keep the reader's choice. */
  initialFrontMatter?: boolean;
  onFrontMatterChange?: (on: boolean) => void;
  /** Defaults to storage.local under `host.documentKey`. */
  notes?: NotesStore;
  /** The reader's highlight colours (settings), for the sidebar's legend swatches. */
  colours?: Partial<HighlightColours>;
  /** See SidebarProps.pageOrigin and .viewportWidth. */
  pageOrigin?: string;
  viewportWidth?: () => number;
}

export interface MountedSidebar {
  /** Show a new critique (e.g. after the reader changed lenses); highlights are redrawn from it. */
  update(critique: Critique): void;
  /** The reader changed highlight colours: the legend swatches follow. */
  setColours(colours: Partial<HighlightColours>): void;
  /** Move the keyboard focus into the sidebar (its selected tab). */
  focus(): void;
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
        initialHidden: props.initialHidden,
        onHiddenChange: props.onHiddenChange,
        onEscape: props.onEscape,
        initialFrontMatter: props.initialFrontMatter,
        onFrontMatterChange: props.onFrontMatterChange,
        pageOrigin: props.pageOrigin,
        viewportWidth: props.viewportWidth,
      }),
      root,
    );
  const setColours = (colours: Partial<HighlightColours>) => applySwatchColours(root, colours);
  if (props.colours) setColours(props.colours);
  draw(props.critique);
  return {
    update: draw,
    setColours,
    focus() {
      root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    },
    unmount() {
      render(null, root);
      root.remove();
      style.remove();
    },
  };
}

/**
 * Swatch colours as custom properties on the sidebar root (sidebar.css picks the light or dark one
 * with the sidebar's own colour scheme). Only well-formed hex colours are used: settings come from
 * storage and must not inject CSS.
 */
export function applySwatchColours(root: HTMLElement, colours: Partial<HighlightColours>): void {
  for (const [category, colour] of Object.entries(colours)) {
    for (const scheme of ['light', 'dark'] as const) {
      const value = colour?.[scheme];
      const name = `--cr-swatch-${category}-${scheme}`;
      if (typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value)) root.style.setProperty(name, value);
      else root.style.removeProperty(name);
    }
  }
}
