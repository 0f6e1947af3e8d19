/**
 * The PDF viewer extension page: pdf.js's own viewer components (EventBus, PDFLinkService,
 * PDFViewer, PDFFindController, text and annotation layers) with the critique sidebar beside them.
 *
 * Opens: ?file=<http(s)|file URL>, the file picker, drag-and-drop. Then: extract text (progress,
 * cancel), analyse, mount the shared sidebar with a PdfDocumentHost. Every failure ends as a
 * message in the page; the reader's stored notes are never written on load, so a failed load
 * cannot lose them.
 */
import { PDFJS_ASSETS, PDFJS_LIMITS, pdfWorker, pdfjs, replacePdfWorker } from './pdfjs-setup';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { analysePaper } from '../analysis/engine';
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import { extractPdf } from '../extract/pdf';
import { PdfError, isPdfError, looksLikePdf, pdfErrorFromPdfjs } from '../extract/pdf/errors';
import { extensionApi } from '../shared/browser';
import { ANALYSIS_BUDGET_MS, analyseInBackground } from '../shared/messages';
import { activeLenses, activeLensesKey } from '../shared/reader-settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { NotesStore } from '../shared/notes-store';
import { mountSidebar, type MountedSidebar } from '../sidebar/mount';
import { armSecondEscape } from '../sidebar/second-escape';
import { DEFAULT_SIDEBAR_PREFS, loadSidebarPrefs, rememberedSidebarProps } from '../shared/sidebar-prefs';
import { highlightSpecs, saveWithHighlights } from './annotated-pdf';
import { notesToWrite } from './notes-to-write';
import { LoadFailure, isChromium, loadBytes, sourceName, type PdfSource } from './load-source';
import { askPassword } from './password-form';
import { PdfDocumentHost, pdfDocumentKey } from './pdf-host';
import { installShortcuts } from './shortcuts';
import { showMessage, hideMessage } from './message';
import './viewer.css';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const container = $<HTMLDivElement>('viewerContainer');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const findController = new PDFFindController({ eventBus, linkService });
const pdfViewer = new PDFViewer({
  container,
  viewer: $<HTMLDivElement>('viewer'),
  eventBus,
  linkService,
  findController,
  // 0 = AnnotationEditorType.NONE: the annotation editor layer exists (existing annotations show and
  // stay editable by pdf.js) but no tool is active; the reader's notes come from the sidebar.
  annotationEditorMode: 0,
});
linkService.setViewer(pdfViewer);
// Started now, so it is ready by the time the reader has picked a file.
pdfWorker();

/** Everything tied to the currently open document, torn down on the next open. */
interface Session {
  task: PDFDocumentLoadingTask;
  doc: PDFDocumentProxy | null;
  name: string;
  password?: string;
  paper?: Paper;
  critique?: Critique;
  host?: PdfDocumentHost;
  sidebar?: MountedSidebar;
  extraction?: AbortController;
  /** Every page's text was read: pdf.js's worker is idle, not stuck on a page built to hold it. */
  textRead?: boolean;
}
let session: Session | null = null;
let openSeq = 0;

function setState(state: 'empty' | 'loading' | 'ready' | 'analysing' | 'analysed' | 'error'): void {
  document.body.dataset.state = state;
}

async function closeSession(): Promise<void> {
  const s = session;
  session = null;
  if (!s) return;
  s.extraction?.abort();
  s.sidebar?.unmount();
  s.host?.dispose();
  $('sidebar').hidden = true;
  document.body.classList.remove('with-sidebar');
  ($<HTMLButtonElement>('download-annotated')).disabled = true;
  ($<HTMLButtonElement>('toggle-sidebar')).disabled = true;
  pdfViewer.setDocument(null as unknown as PDFDocumentProxy);
  linkService.setDocument(null);
  await s.task.destroy().catch(() => undefined);
  // A worker that read this document through is kept: it reads the next one faster (V8 has
  // compiled pdf.js's paths; the 30-page benchmark PDF read a second time took ~0.9–1.0 s, not
  // ~1.4–1.7 s). One that may still be busy with it is replaced, so the next one does not wait.
  if (!s.textRead) replacePdfWorker();
}

export async function openPdf(source: PdfSource): Promise<void> {
  const seq = ++openSeq;
  await closeSession();
  hideMessage();
  setState('loading');
  const name = sourceName(source);
  document.title = `${name} — Critical Reader`;
  performance.clearMarks();
  performance.clearMeasures();
  performance.mark('cr:open');
  let bytes: Uint8Array;
  try {
    bytes = await loadBytes(source);
  } catch (e) {
    return fail(e, source);
  }
  if (seq !== openSeq) return;
  try {
    if (bytes.length === 0) throw new PdfError('empty', 'the file is 0 bytes');
    if (!looksLikePdf(bytes)) throw new PdfError('not-pdf');
  } catch (e) {
    return fail(e, source);
  }
  const task = pdfjs.getDocument({ data: bytes, worker: pdfWorker(), ...PDFJS_ASSETS, ...PDFJS_LIMITS });
  const s: Session = { task, doc: null, name };
  session = s;
  let passwordGiven = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    // pdf.js PasswordResponses: 1 = needed, 2 = incorrect.
    void askPassword(reason === 2).then((pw) => {
      if (pw === null) {
        void task.destroy();
        fail(new PdfError(passwordGiven ? 'wrong-password' : 'encrypted'), source);
        return;
      }
      passwordGiven = true;
      s.password = pw;
      update(pw);
    });
  };
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    if (seq !== openSeq) return;
    return fail(isPdfError(e) ? e : pdfErrorFromPdfjs(e, passwordGiven), source);
  }
  if (seq !== openSeq) return;
  if (doc.numPages === 0) return fail(new PdfError('empty'), source);
  s.doc = doc;
  pdfViewer.setDocument(doc);
  linkService.setDocument(doc, null);
  setState('ready');
  // Reading every page's text competes with rendering for pdf.js's worker: let the first page
  // appear before starting (or after 2 s at most, if it never renders).
  await Promise.race([new Promise<void>((r) => eventBus.on('pagerendered', () => r(), { once: true })), new Promise((r) => setTimeout(r, 2000))]);
  if (session !== s) return;
  void analyse(s, source);
}

function onFirstPage(): void {
  if (performance.getEntriesByName('cr:first-page').length === 0 && performance.getEntriesByName('cr:open').length) {
    performance.measure('cr:first-page', 'cr:open');
  }
}
eventBus.on('pagerendered', onFirstPage);

/** How long one page may take to read before the viewer says it is unusually slow. */
const SLOW_PAGE_MS = 8_000;

async function analyse(s: Session, source: PdfSource): Promise<void> {
  const doc = s.doc!;
  const controller = new AbortController();
  s.extraction = controller;
  const progress = $('progress');
  const progressText = $('progress-text');
  progress.hidden = false;
  progressText.textContent = 'Reading the PDF…';
  setState('analysing');
  performance.mark('cr:extract-start');
  // A page that takes pdf.js this long is most likely built to inflate enormously: say so, and
  // that Cancel keeps the pages (reading stops at once; the page may stay blank).
  let slowPageTimer: ReturnType<typeof setTimeout> | undefined;
  const watchSlowPage = (page: number, total: number) => {
    clearTimeout(slowPageTimer);
    if (page > total) return;
    slowPageTimer = setTimeout(() => {
      if (session !== s) return;
      progressText.textContent = `Page ${page} of ${total} is taking unusually long to read (a PDF can be built to expand enormously). Cancel stops reading; the pages already shown stay.`;
    }, SLOW_PAGE_MS);
  };
  watchSlowPage(1, doc.numPages);
  let paper: Paper;
  try {
    paper = await extractPdf(doc, {
      signal: controller.signal,
      layoutWhileReading: true,
      meta: { url: source.kind === 'url' ? source.url : null, pdfUrl: source.kind === 'url' ? source.url : null },
      onProgress(page, total) {
        progressText.textContent = `Reading page ${page} of ${total}`;
        watchSlowPage(page + 1, total);
      },
    });
  } catch (e) {
    clearTimeout(slowPageTimer);
    progress.hidden = true;
    if (session !== s) return;
    if (controller.signal.aborted || (e as Error).name === 'AbortError') {
      setState('ready');
      showMessage({
        title: 'Analysis cancelled',
        text: 'The PDF stays open; the critique was not made.',
        kind: 'info',
        actions: [{ label: 'Analyse again', run: () => void analyse(s, source) }],
      });
      return;
    }
    setState('ready');
    if (isPdfError(e) && e.code === 'no-text') {
      showMessage({
        title: 'No text to analyse',
        text: `${e.message} The pages are shown, but there is nothing to critique until the text is recognised.`,
        kind: 'info',
      });
      return;
    }
    showMessage({ title: 'The text of this PDF could not be read', text: (e as Error).message });
    return;
  }
  clearTimeout(slowPageTimer);
  s.textRead = true;
  performance.measure('cr:extract', 'cr:extract-start');
  progress.hidden = true;
  if (session !== s) return;
  if (!paper.metadata.title) paper.metadata.title = s.name.replace(/\.pdf$/i, '');
  s.paper = paper;
  const critique = await analyseOffThread(paper);
  if (session !== s) return;
  s.critique = critique;
  performance.measure('cr:analysed', 'cr:extract-start');
  const host = new PdfDocumentHost(doc, pdfViewer, eventBus, paper, container);
  s.host = host;
  const prefs = await loadSidebarPrefs().catch(() => DEFAULT_SIDEBAR_PREFS);
  if (session !== s) return;
  const aside = $('sidebar');
  aside.hidden = false;
  document.body.classList.add('with-sidebar');
  // A shadow root keeps the sidebar's styles and the viewer's (pdf_viewer.css) out of each other's way.
  const root = aside.shadowRoot ?? aside.attachShadow({ mode: 'open' });
  s.sidebar = mountSidebar(root, {
    paper,
    critique,
    host,
    onClose: () => {
      toggleSidebar(false);
      container.focus();
    },
    onEscape: escapeToPages,
    initialWidth: 400,
    ...rememberedSidebarProps(prefs),
    // The sidebar sits beside the pages, never over them: follow its width (drag handle, collapse).
    onLayoutChange: ({ width }) => {
      document.documentElement.style.setProperty('--cr-sidebar-w', `${width}px`);
      pdfViewer.currentScaleValue = pdfViewer.currentScaleValue;
    },
  });
  ($<HTMLButtonElement>('download-annotated')).disabled = false;
  ($<HTMLButtonElement>('toggle-sidebar')).disabled = false;
  setState('analysed');
}

/**
 * Analysis runs in the background (off this page's main thread; the background reads the reader's
 * active lenses from settings itself); on a long paper it takes seconds. Analysed here, with the
 * same lenses, when the background cannot answer.
 */
async function analyseOffThread(paper: Paper): Promise<Critique> {
  try {
    return await analyseInBackground(paper);
  } catch {
    // No background (page opened outside the extension) or it failed: fall through.
  }
  return analysePaper(paper, { lenses: activeLenses(await loadSettings()), budgetMs: ANALYSIS_BUDGET_MS });
}

let lensKey: string | null = null;
void loadSettings().then((s) => (lensKey ??= activeLensesKey(s)), () => undefined);
let reanalysisSeq = 0;

// Lenses switched on the options page: analyse the open PDF again; the sidebar (and its highlights)
// follow the new critique without a reload.
onSettingsChanged((settings) => {
  const key = activeLensesKey(settings);
  if (key === lensKey) return;
  lensKey = key;
  const s = session;
  if (!s?.paper || !s.sidebar) return;
  const seq = ++reanalysisSeq;
  void analyseOffThread(s.paper).then(
    (critique) => {
      if (session !== s || seq !== reanalysisSeq) return;
      s.critique = critique;
      s.sidebar?.update(critique);
    },
    () => undefined,
  );
});

/**
 * Escape in the sidebar: the focus goes to the pages. A second Escape there, straight after,
 * hides the sidebar; any other key or a click keeps it.
 */
function escapeToPages(): void {
  container.focus();
  armSecondEscape(document, () => toggleSidebar(false));
}

function toggleSidebar(show?: boolean): void {
  const aside = $('sidebar');
  const visible = show ?? aside.hidden === true;
  aside.hidden = !visible;
  document.body.classList.toggle('with-sidebar', visible);
  $('toggle-sidebar').setAttribute('aria-pressed', String(visible));
  // The viewer's width changed: keep the zoom mode (e.g. fit width) true to the new size.
  pdfViewer.currentScaleValue = pdfViewer.currentScaleValue;
}

function fail(e: unknown, source: PdfSource): void {
  setState('error');
  $('progress').hidden = true;
  if (e instanceof LoadFailure && e.kind === 'file-access') {
    const chrome = isChromium();
    showMessage({
      title: 'The browser blocked reading this file',
      text: chrome
        ? 'Extensions may read files on your computer only when you allow it. To open local PDFs by their address:'
        : 'Firefox does not let extensions read files on your computer by their address. Choose the file with the button below, or drag it onto this page.',
      steps: chrome
        ? [
            'Open chrome://extensions (type it in the address bar).',
            'Find Critical Reader and click “Details”.',
            'Turn on “Allow access to file URLs”, then reload this page.',
          ]
        : undefined,
      actions: [{ label: 'Choose the file instead…', run: () => $('file-input').click() }],
    });
    return;
  }
  if (e instanceof LoadFailure && e.kind === 'network' && source.kind === 'url') {
    // Extension pages need the site's (optional) host permission to download from it.
    const api = extensionApi();
    const origin = new URL(source.url).origin;
    showMessage({
      title: 'The PDF could not be downloaded',
      text: `${e.message} If the site works in a normal tab, Critical Reader may need your permission to download from ${new URL(source.url).host}.`,
      actions: [
        ...(api?.permissions
          ? [{ label: `Allow access to ${new URL(source.url).host}`, run: () => void api.permissions.request({ origins: [`${origin}/*`] }).then((ok) => { if (ok) void openPdf(source); }) }]
          : []),
        { label: 'Try again', run: () => void openPdf(source) },
        { label: 'Open a downloaded copy…', run: () => $('file-input').click() },
      ],
    });
    return;
  }
  const title = isPdfError(e)
    ? {
        encrypted: 'This PDF is password-protected',
        'wrong-password': 'Wrong password',
        corrupt: 'This PDF is damaged',
        'not-pdf': 'This is not a PDF',
        empty: 'This PDF is empty',
        'no-text': 'No text layer',
      }[e.code]
    : 'The PDF could not be opened';
  const retry = isPdfError(e) && (e.code === 'encrypted' || e.code === 'wrong-password') ? [{ label: 'Try again', run: () => void openPdf(source) }] : [];
  showMessage({ title, text: (e as Error).message || String(e), actions: [...retry, { label: 'Open another PDF…', run: () => $('file-input').click() }] });
}

// --- Download annotated PDF ---

async function downloadAnnotated(): Promise<void> {
  const s = session;
  if (!s?.doc || !s.paper) return;
  const button = $<HTMLButtonElement>('download-annotated');
  button.disabled = true;
  const label = button.textContent;
  button.textContent = 'Saving…';
  let task: PDFDocumentLoadingTask | null = null;
  try {
    const notes = await new NotesStore(pdfDocumentKey(s.doc)).list();
    const { toWrite, unplaced: noPlace } = notesToWrite(notes, s.paper, s.critique?.findings ?? []);
    // A separate copy of the document, so the viewer's own annotation storage is never touched.
    task = pdfjs.getDocument({ data: await s.doc.getData(), password: s.password, worker: pdfWorker(), ...PDFJS_ASSETS });
    const copy = await task.promise;
    const { specs, unplaced } = await highlightSpecs(copy, toWrite);
    const bytes = await saveWithHighlights(copy, specs);
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${s.name.replace(/\.pdf$/i, '')}-annotated.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const skipped = noPlace + unplaced;
    button.title = `${specs.length} highlight${specs.length === 1 ? '' : 's'} written${skipped ? `; ${skipped} note(s) without a place in the text were left out` : ''}.`;
  } catch (e) {
    showMessage({ title: 'The annotated PDF could not be saved', text: (e as Error).message || String(e) });
  } finally {
    await task?.destroy().catch(() => undefined);
    button.textContent = label;
    button.disabled = false;
  }
}

// --- Toolbar, find, drag and drop ---

const pageInput = $<HTMLInputElement>('page-number');
const zoomSelect = $<HTMLSelectElement>('zoom-select');

eventBus.on('pagesinit', () => {
  pdfViewer.currentScaleValue = zoomSelect.value === 'custom' ? 'page-width' : zoomSelect.value;
  $('page-count').textContent = `/ ${pdfViewer.pagesCount}`;
  pageInput.max = String(pdfViewer.pagesCount);
});
eventBus.on('pagechanging', (e: { pageNumber: number }) => {
  pageInput.value = String(e.pageNumber);
});
eventBus.on('scalechanging', (e: { scale: number; presetValue?: string }) => {
  const preset = e.presetValue ?? String(e.scale);
  const option = [...zoomSelect.options].find((o) => o.value === preset);
  if (option) zoomSelect.value = preset;
  else {
    const custom = zoomSelect.querySelector<HTMLOptionElement>('option[value="custom"]')!;
    custom.textContent = `${Math.round(e.scale * 100)}%`;
    zoomSelect.value = 'custom';
  }
});

pageInput.addEventListener('change', () => {
  const n = Number(pageInput.value);
  if (Number.isInteger(n) && n >= 1 && n <= pdfViewer.pagesCount) pdfViewer.currentPageNumber = n;
  else pageInput.value = String(pdfViewer.currentPageNumber);
});
$('prev-page').addEventListener('click', () => pdfViewer.previousPage());
$('next-page').addEventListener('click', () => pdfViewer.nextPage());
$('zoom-in').addEventListener('click', () => pdfViewer.increaseScale());
$('zoom-out').addEventListener('click', () => pdfViewer.decreaseScale());
zoomSelect.addEventListener('change', () => {
  if (zoomSelect.value !== 'custom') pdfViewer.currentScaleValue = zoomSelect.value;
});

const findInput = $<HTMLInputElement>('find-input');
const findAll = $<HTMLInputElement>('find-all');
const findStatus = $('find-status');
function find(type: '' | 'again' | 'highlightallchange', findPrevious = false): void {
  eventBus.dispatch('find', {
    source: findInput,
    type,
    query: findInput.value,
    caseSensitive: false,
    entireWord: false,
    highlightAll: findAll.checked,
    findPrevious,
    matchDiacritics: false,
  });
}
findInput.addEventListener('input', () => find(''));
$('find-form').addEventListener('submit', (e) => {
  e.preventDefault();
  find('again');
});
findInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.shiftKey) {
    e.preventDefault();
    find('again', true);
  } else if (e.key === 'Escape') {
    findInput.value = '';
    find('');
    container.focus();
  }
});
$('find-prev').addEventListener('click', () => find('again', true));
findAll.addEventListener('change', () => find('highlightallchange'));
eventBus.on('updatefindmatchescount', (e: { matchesCount: { current: number; total: number } }) => {
  const { current, total } = e.matchesCount;
  findStatus.textContent = total ? `${current} of ${total}` : '';
});
eventBus.on('updatefindcontrolstate', (e: { state: number; matchesCount?: { current: number; total: number } }) => {
  // FindState: 0 found, 1 not found, 2 wrapped, 3 pending.
  findStatus.classList.toggle('notfound', e.state === 1);
  if (e.state === 1) findStatus.textContent = findInput.value ? 'Not found' : '';
  else if (e.matchesCount?.total) findStatus.textContent = `${e.matchesCount.current} of ${e.matchesCount.total}`;
});

const fileInput = $<HTMLInputElement>('file-input');
$('open-file').addEventListener('click', () => fileInput.click());
$('welcome-open').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) {
    history.replaceState(null, '', location.pathname);
    void openPdf({ kind: 'file', file });
  }
  fileInput.value = '';
});
$('download-annotated').addEventListener('click', () => void downloadAnnotated());
$('toggle-sidebar').addEventListener('click', () => toggleSidebar());

const dropZone = $('drop-zone');
let dragDepth = 0;
const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  dragDepth++;
  dropZone.hidden = false;
});
window.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    dropZone.hidden = true;
  }
});
window.addEventListener('dragover', (e) => {
  if (hasFiles(e)) e.preventDefault();
});
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  dropZone.hidden = true;
  const file = e.dataTransfer?.files[0];
  if (file) {
    history.replaceState(null, '', location.pathname);
    void openPdf({ kind: 'file', file });
  }
});

installShortcuts({ viewer: pdfViewer, findInput, container });

$('cancel-analysis').addEventListener('click', () => session?.extraction?.abort());

// ?file=<url> (toolbar button on a PDF tab, link context menu, the sidebar's "Open PDF").
const fileParam = new URLSearchParams(location.search).get('file');
if (fileParam) void openPdf({ kind: 'url', url: fileParam });
