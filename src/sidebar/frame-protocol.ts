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
 * read the reader's selection, push the page over. The frame renders the sidebar and keeps the
 * notes (extension storage is not reachable from the page).
 */
import type { HighlightColours } from '../shared/colour-contrast';
import type { HighlightCategory } from '../shared/highlight-category';
import type { DocumentSelection, HighlightGroup, HighlightTarget } from './host';
import type { SidebarLayout } from './sidebar';

/** The one message that hands the frame its port: `{ type, secret }` with the port transferred. */
export const CONNECT_MESSAGE = 'critical-reader-connect';

/** Storage key under which the content script leaves the secret for the frame named `id`. */
export const frameSecretKey = (id: string) => `sidebarFrameSecret:${id}`;

/** Path of the sidebar page inside the extension (see scripts/extension-pages.mjs). */
export const SIDEBAR_FRAME_PATH = 'sidebar/frame.html';

/** Content script → frame. (The keyboard focus comes as 'focus', once the pushed page is laid out.) */
export type ToFrame =
  | {
      type: 'show';
      /** The paper (JSON text: a string crosses to the frame faster than an object tree). */
      paperJson: string;
      /** Null for a page too large for the shared background: the frame analyses it in a worker of its own. */
      critiqueJson: string | null;
      documentKey: string;
      /** Origin of the page the sidebar sits on: notes first saved on another origin wait for the reader's say-so. */
      pageOrigin: string;
      colours?: Partial<HighlightColours>;
      /** The page's viewport width, which bounds the sidebar's (the frame only knows its own). */
      viewportWidth: number;
    }
  | { type: 'failed'; message: string }
  /** The reader's lenses changed: the new critique, or null for the frame to make it (as for 'show'). */
  | { type: 'update'; critiqueJson: string | null }
  | { type: 'colours'; colours: Partial<HighlightColours> }
  | { type: 'viewport'; width: number }
  | { type: 'selection'; requestId: number; selection: DocumentSelection | null }
  | { type: 'revealed'; requestId: number; found: boolean }
  | { type: 'focus' };

/** Frame → content script. */
export type FromFrame =
  /** The sidebar is rendered; `mountMs`: how long its first render took in the frame (benchmark). */
  | { type: 'shown'; mountMs: number }
  /** The frame could not analyse the page itself (see ToFrame 'show'); it says why in its place. */
  | { type: 'failed'; message: string }
  | { type: 'set-highlights'; groups: HighlightGroup[] }
  | { type: 'set-category-visible'; category: HighlightCategory; visible: boolean }
  | { type: 'reveal'; requestId: number; target: HighlightTarget }
  | { type: 'get-selection'; requestId: number }
  | { type: 'layout'; layout: SidebarLayout }
  | { type: 'escape' }
  | { type: 'close' };

const FROM_FRAME_TYPES = new Set<FromFrame['type']>(['shown', 'failed', 'set-highlights', 'set-category-visible', 'reveal', 'get-selection', 'layout', 'escape', 'close']);
const TO_FRAME_TYPES = new Set<ToFrame['type']>(['show', 'failed', 'update', 'colours', 'viewport', 'selection', 'revealed', 'focus']);

function typeOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
}

export function isFromFrame(value: unknown): value is FromFrame {
  return FROM_FRAME_TYPES.has(typeOf(value) as FromFrame['type']);
}

export function isToFrame(value: unknown): value is ToFrame {
  return TO_FRAME_TYPES.has(typeOf(value) as ToFrame['type']);
}
