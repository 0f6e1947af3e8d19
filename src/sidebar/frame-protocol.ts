/**
 * The sidebar on a publisher page lives in an extension page (sidebar/frame.html) framed by the
 * content script, not in the page's own DOM: the same-origin policy keeps page scripts from
 * reading the reader's notes, clicking the sidebar's buttons or rewriting what it shows.
 *
 * The frame and the content script talk over a MessageChannel whose far end the content script
 * hands to the frame in one `postMessage`, with a secret. Page scripts can post to the frame too,
 * so the frame takes the first port that comes with the secret, and only that one: the secret is
 * put in extension storage (out of the page's reach) under a random key, and only that key travels
 * in the frame's address, which sits in a closed shadow root anyway. Runtime ports are no
 * alternative: Firefox gives an extension page framed in a web page no `tabs` API, and a port
 * through the background would die with Chrome's idle service worker.
 *
 * The content script keeps what only it can do: read the article, draw and reveal highlights,
 * read the reader's selection, push the page over. The frame has the paper analysed (and again
 * when the reader's lenses change), renders the sidebar and keeps the notes (extension storage is
 * not reachable from the page). The frame, not the page, asks the background for the analysis:
 * from an extension page the paper reaches Chrome's service worker without being JSON-encoded
 * into a runtime message, and the critique comes straight to where it is shown.
 */
import type { HighlightCategory } from '../shared/highlight-category';
import type { DocumentSelection, HighlightGroup, HighlightTarget } from './host';
import type { SidebarLayout } from './sidebar';

/** The one message that hands the frame its port: `{ type, secret }` with the port transferred. */
export const CONNECT_MESSAGE = 'critical-reader-connect';

/**
 * The frame's first word to its parent, `{ type }` and nothing else, as soon as its script runs
 * and listens: the content script answers with the port then, not at the frame's `load` event,
 * which comes tens of ms later (after every module and style sheet has loaded). Page scripts see
 * it too; it tells them nothing.
 */
export const HELLO_MESSAGE = 'critical-reader-frame-ready';

/** Storage key under which the content script leaves the secret for the frame named `id`. */
export const frameSecretKey = (id: string) => `sidebarFrameSecret:${id}`;

/** Path of the sidebar page inside the extension (see scripts/extension-pages.mjs). */
export const SIDEBAR_FRAME_PATH = 'sidebar/frame.html';

/** Content script → frame. (The keyboard focus comes as 'focus', once the pushed page is laid out.) */
export type ToFrame =
  | {
      type: 'show';
      /** The paper (JSON text: a string crosses to the frame, and on to the background, faster than an object tree). */
      paperJson: string;
      documentKey: string;
      /** Origin of the page the sidebar sits on: notes first saved on another origin wait for the reader's say-so. */
      pageOrigin: string;
      /** The page's viewport width, which bounds the sidebar's (the frame only knows its own). */
      viewportWidth: number;
    }
  | { type: 'failed'; message: string }
  | { type: 'viewport'; width: number }
  | { type: 'selection'; requestId: number; selection: DocumentSelection | null }
  | { type: 'revealed'; requestId: number; found: boolean }
  | { type: 'focus' };

/** Where the frame had the paper analysed. */
export type AnalysedIn = 'background' | 'own-worker';

/** Frame → content script. */
export type FromFrame =
  /**
   * The sidebar is rendered. For the benchmark and tests: how long its first render took, and
   * where the paper was analysed (the shared background, or for a very long page a worker of the
   * frame's own) in how many ms.
   */
  | { type: 'shown'; mountMs: number; analysedIn: AnalysedIn; analyseMs: number }
  /** The frame could not analyse the page; it says why in its place. */
  | { type: 'failed'; message: string }
  | { type: 'set-highlights'; groups: HighlightGroup[] }
  | { type: 'set-category-visible'; category: HighlightCategory; visible: boolean }
  | { type: 'reveal'; requestId: number; target: HighlightTarget }
  | { type: 'get-selection'; requestId: number }
  | { type: 'layout'; layout: SidebarLayout }
  | { type: 'escape' }
  | { type: 'close' };

const FROM_FRAME_TYPES = new Set<FromFrame['type']>(['shown', 'failed', 'set-highlights', 'set-category-visible', 'reveal', 'get-selection', 'layout', 'escape', 'close']);
const TO_FRAME_TYPES = new Set<ToFrame['type']>(['show', 'failed', 'viewport', 'selection', 'revealed', 'focus']);

function typeOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
}

export function isFromFrame(value: unknown): value is FromFrame {
  return FROM_FRAME_TYPES.has(typeOf(value) as FromFrame['type']);
}

export function isToFrame(value: unknown): value is ToFrame {
  return TO_FRAME_TYPES.has(typeOf(value) as ToFrame['type']);
}
