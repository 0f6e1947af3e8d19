/**
 * The sidebar shell: header with export and close, highlight toggles, tabs, the active panel,
 * a resize handle (pointer and keyboard) and a collapsed state. Renders only text nodes from the
 * paper — never raw HTML.
 */
import type { ComponentType } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { assessArticle } from '../analysis/article-check';
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import type { ReaderNote } from '../analysis/reader-notes';
import type { NotesStore } from '../shared/notes-store';
import { SidebarContext, type SidebarContextValue } from './context';
import { saveFailure } from './save-failure';
import { copyText, downloadText, exportFileName, jsonFor, markdownFor } from './export';
import type { DocumentHost, HighlightCategory, HighlightTarget } from './host';
import { DatesPanel } from './panels/dates';
import { StudiesPanel } from './panels/studies';
import { DefinitionsPanel } from './panels/definitions';
import { NotesPanel } from './panels/notes';
import { OverviewPanel } from './panels/overview';
import { StatementsPanel } from './panels/statements';
import { TermsPanel } from './panels/terms';
import { HIGHLIGHT_CATEGORIES } from '../shared/highlight-category';
import { CATEGORY_LABELS, highlightGroups } from './targets';

export interface SidebarLayout {
  width: number;
  collapsed: boolean;
}

export interface SidebarProps {
  paper: Paper;
  critique: Critique;
  host: DocumentHost;
  notes: NotesStore;
  onClose?: (() => void) | undefined;
  onLayoutChange?: ((layout: SidebarLayout) => void) | undefined;
  initialWidth?: number | undefined;
  /** Highlight categories the reader switched off last time (kept per reader, not per page). */
  initialHidden?: readonly HighlightCategory[] | undefined;
  onHiddenChange?: ((hidden: HighlightCategory[]) => void) | undefined;
  /** Escape pressed in the sidebar (not in an editor that uses it): the embedder returns focus to the page. */
  onEscape?: (() => void) | undefined;
  /** Whether Markdown exports start with YAML front matter (the reader's last choice). */
  initialFrontMatter?: boolean | undefined;
  onFrontMatterChange?: ((on: boolean) => void) | undefined;
  /**
   * Origin of the page the sidebar sits on. Notes are kept per paper (its DOI), and any page can
   * claim any DOI: notes first saved on another origin are held back until the reader asks for them.
   */
  pageOrigin?: string | undefined;
  /** Width of the window the sidebar shares (it bounds the sidebar's width); defaults to this window's. */
  viewportWidth?: (() => number) | undefined;
}

/** How long "Undo" stays offered after a note is deleted. */
const UNDO_MS = 15_000;

type TabId = 'overview' | 'terms' | 'definitions' | 'dates' | 'studies' | 'statements' | 'notes';

const ALL_TABS: { id: TabId; label: string; Panel: ComponentType }[] = [
  { id: 'overview', label: 'Overview', Panel: OverviewPanel },
  { id: 'terms', label: 'Terms', Panel: TermsPanel },
  { id: 'definitions', label: 'Definitions', Panel: DefinitionsPanel },
  { id: 'dates', label: 'Dates', Panel: DatesPanel },
  { id: 'studies', label: 'Included studies', Panel: StudiesPanel },
  { id: 'statements', label: 'Statements', Panel: StatementsPanel },
  { id: 'notes', label: 'Notes', Panel: NotesPanel },
];

/**
 * The notes to show on this page: those saved here (or before notes recorded where they were
 * saved, or in the PDF viewer), and those from other origins the reader asked to see. The rest
 * are counted per origin, for the reader to decide.
 */
export function notesForPage(stored: readonly ReaderNote[], pageOrigin: string | undefined, shown: ReadonlySet<string>): { notes: ReaderNote[]; heldBack: Map<string, number> } {
  const heldBack = new Map<string, number>();
  if (!pageOrigin) return { notes: [...stored], heldBack };
  const notes: ReaderNote[] = [];
  for (const n of stored) {
    if (!n.origin || n.origin === pageOrigin || shown.has(n.origin)) notes.push(n);
    else heldBack.set(n.origin, (heldBack.get(n.origin) ?? 0) + 1);
  }
  return { notes, heldBack };
}

export const MIN_WIDTH = 300;
export const COLLAPSED_WIDTH = 44;

export function Sidebar(props: SidebarProps) {
  const { critique, paper, host, notes: store } = props;
  const maxWidth = () => Math.max(MIN_WIDTH, Math.round((props.viewportWidth?.() ?? globalThis.innerWidth ?? 1200) * 0.7));
  const clampWidth = (w: number) => Math.min(maxWidth(), Math.max(MIN_WIDTH, Math.round(w)));
  const [tab, setTab] = useState<TabId>('overview');
  // The included-studies tab only for reviews the audit read.
  const TABS = ALL_TABS.filter((t) => t.id !== 'studies' || critique.audit !== null);
  const [storedNotes, setNotes] = useState<ReaderNote[]>([]);
  const [shownOrigins, setShownOrigins] = useState<ReadonlySet<string>>(new Set());
  const { notes, heldBack } = useMemo(() => notesForPage(storedNotes, props.pageOrigin, shownOrigins), [storedNotes, props.pageOrigin, shownOrigins]);
  const showNotesFrom = useCallback((origin: string) => setShownOrigins((s) => new Set([...s, origin])), []);
  const [status, setStatus] = useState('');
  const [width, setWidth] = useState(clampWidth(props.initialWidth ?? 420));
  const [collapsed, setCollapsed] = useState(false);
  const [hidden, setHidden] = useState<Set<HighlightCategory>>(() => new Set(props.initialHidden ?? []));
  const [undoable, setUndoable] = useState<ReaderNote | null>(null);
  const [frontMatter, setFrontMatter] = useState(props.initialFrontMatter ?? false);
  const verdict = useMemo(() => assessArticle(paper), [paper]);
  const [forceAnalysis, setForceAnalysis] = useState(false);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  // Notes: load once, then follow storage (this tab and others on the same paper).
  useEffect(() => {
    let live = true;
    void store.list().then((n) => live && setNotes(n));
    const stop = store.watch((n) => setNotes(n));
    return () => {
      live = false;
      stop();
    };
  }, [store]);

  useEffect(() => {
    host.setHighlights(highlightGroups(critique, notes));
  }, [host, critique, notes]);

  // Categories the reader switched off last time stay off.
  useEffect(() => {
    for (const cat of hidden) host.setCategoryVisible(cat, false);
  }, [host]);

  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => setUndoable(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  useEffect(() => {
    props.onLayoutChange?.({ width: collapsed ? COLLAPSED_WIDTH : width, collapsed });
  }, [width, collapsed]);

  const announce = useCallback((message: string) => {
    // Re-announce identical messages: clear first so the live region fires again.
    setStatus('');
    setTimeout(() => setStatus(message), 30);
  }, []);

  const reveal = useCallback(
    (target: HighlightTarget | null) => {
      if (!target) return;
      void host.reveal(target).then((ok) => {
        if (!ok) announce('That passage could not be found on the page (it may have changed).');
      });
    },
    [host, announce],
  );

  const deleted = useCallback(
    (note: ReaderNote) => {
      setUndoable(note);
      announce('Note deleted. Undo is offered below for 15 seconds.');
    },
    [announce],
  );
  const undoDelete = async () => {
    const note = undoable;
    if (!note) return;
    setUndoable(null);
    try {
      // Same id and creation time: the note comes back where it was, under its finding or passage.
      await store.add(note);
      announce('Note restored.');
    } catch (e) {
      announce(saveFailure(e, 'The note was not restored', false));
    }
  };

  const ctx: SidebarContextValue = { paper, critique, host, store, notes, heldBack, showNotesFrom, reveal, announce, deleted };

  const toggleCategory = (cat: HighlightCategory) => {
    const next = new Set(hidden);
    if (next.has(cat)) next.delete(cat);
    else next.add(cat);
    setHidden(next);
    host.setCategoryVisible(cat, !next.has(cat));
    props.onHiddenChange?.([...next]);
  };

  const copy = async () => {
    const ok = await copyText(markdownFor(critique, notes, frontMatter));
    announce(ok ? 'Copied the critique as Markdown.' : 'Could not copy: the page blocks the clipboard. Use "Download .md".');
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let j = i;
    if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = TABS.length - 1;
    else return;
    e.preventDefault();
    setTab(TABS[j]!.id);
    tabRefs.current[TABS[j]!.id]?.focus();
  };

  const onHandleKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowLeft') setWidth((w) => clampWidth(w + step));
    else if (e.key === 'ArrowRight') setWidth((w) => clampWidth(w - step));
    else if (e.key === 'Home') setWidth(maxWidth());
    else if (e.key === 'End') setWidth(MIN_WIDTH);
    else return;
    e.preventDefault();
  };

  const onHandlePointer = (e: PointerEvent) => {
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture?.(e.pointerId);
    // Screen coordinates: in a frame (the page sidebar) the frame itself moves as it widens.
    const startX = e.screenX;
    const startW = width;
    const move = (ev: PointerEvent) => setWidth(clampWidth(startW + (startX - ev.screenX)));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  if (collapsed) {
    return (
      <aside class="sidebar collapsed" aria-label="Critical Reader (collapsed)">
        <button type="button" class="icon" onClick={() => setCollapsed(false)} aria-label="Expand Critical Reader" aria-expanded="false" data-action="expand">
          «
        </button>
        <span class="collapsed-count" aria-hidden="true">
          {critique.findings.length}
        </span>
      </aside>
    );
  }

  const active = TABS.find((t) => t.id === tab)!;
  const showNotArticle = !verdict.isArticle && !forceAnalysis && tab !== 'notes';
  return (
    <SidebarContext.Provider value={ctx}>
      <aside
        class="sidebar"
        aria-label="Critical Reader"
        style={{ width: '100%' }}
        onKeyDown={(e) => {
          // Only the reader's own key presses: a page script's synthetic events move nothing.
          if (e.key !== 'Escape' || !e.isTrusted || e.defaultPrevented) return;
          e.preventDefault();
          props.onEscape?.();
        }}
      >
        <div
          class="resize-handle"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize sidebar"
          aria-valuenow={width}
          aria-valuemin={MIN_WIDTH}
          aria-valuemax={maxWidth()}
          tabIndex={0}
          onKeyDown={onHandleKey}
          onPointerDown={onHandlePointer}
        />
        <header class="bar">
          <h1 class="brand">Critical Reader</h1>
          <div class="bar-actions">
            <button type="button" class="icon" onClick={() => setCollapsed(true)} aria-label="Collapse sidebar" aria-expanded="true" data-action="collapse">
              »
            </button>
            {props.onClose && (
              <button type="button" class="icon" onClick={props.onClose} aria-label="Close Critical Reader" data-action="close">
                ×
              </button>
            )}
          </div>
        </header>
        <div class="toolbar" role="group" aria-label="Export">
          <button type="button" onClick={copy} data-action="copy-markdown">
            Copy as Markdown
          </button>
          <button type="button" onClick={() => downloadText(markdownFor(critique, notes, frontMatter), exportFileName(critique, 'md'), 'text/markdown')} data-action="download-md">
            Download .md
          </button>
          <button type="button" onClick={() => downloadText(jsonFor(critique, notes), exportFileName(critique, 'json'), 'application/json')} data-action="download-json">
            Download JSON
          </button>
          <label class="front-matter" title="Title, authors, year, DOI, URL and tags at the top, as Obsidian and Zotero read them">
            <input
              type="checkbox"
              checked={frontMatter}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setFrontMatter(on);
                props.onFrontMatterChange?.(on);
              }}
              data-option="front-matter"
            />{' '}
            YAML front matter
          </label>
        </div>
        <details class="highlight-toggles">
          <summary>Highlights</summary>
          <ul class="plain">
            {HIGHLIGHT_CATEGORIES.map((cat) => (
              <li key={cat}>
                <label>
                  <input type="checkbox" checked={!hidden.has(cat)} onChange={() => toggleCategory(cat)} data-category={cat} />
                  <span class={`swatch cat-${cat}`} aria-hidden="true" /> {CATEGORY_LABELS[cat]}
                </label>
              </li>
            ))}
          </ul>
        </details>
        <div class="tabs" role="tablist" aria-label="Sections" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`cr-tab-${t.id}`}
              aria-selected={t.id === tab}
              // Only the selected tab's panel is in the document; point at nothing that is not.
              aria-controls={t.id === tab ? `cr-panel-${t.id}` : undefined}
              tabIndex={t.id === tab ? 0 : -1}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div class="panel" role="tabpanel" id={`cr-panel-${tab}`} aria-labelledby={`cr-tab-${tab}`} tabIndex={0} data-panel={tab}>
          {showNotArticle ? (
            <div class="not-article panel-body" data-state="not-article">
              <h2>Not a research article?</h2>
              <p>{verdict.reason}</p>
              <p>
                Critical Reader looks for section headings, a reference list and at least a few hundred words of article text. Open
                the full text of a paper (not its abstract page or a journal homepage) and try again.
              </p>
              <button type="button" onClick={() => setForceAnalysis(true)}>
                Show the analysis anyway
              </button>
            </div>
          ) : (
            <active.Panel />
          )}
        </div>
        {undoable && (
          <p class="undo-bar">
            Note deleted.{' '}
            <button type="button" onClick={() => void undoDelete()} data-action="undo-delete">
              Undo
            </button>
          </p>
        )}
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </aside>
    </SidebarContext.Provider>
  );
}
