/**
 * The page's end of the sidebar: an element of ours holding, in a closed shadow root, a frame
 * showing the extension's sidebar page, and the channel to it (see src/sidebar/frame-protocol.ts
 * for why a frame, and how the frame knows the channel is ours).
 */
import { extensionApi } from '../shared/browser';
import { getStorage } from '../shared/storage';
import { setImportant } from './important-style';
import { CONNECT_MESSAGE, HELLO_MESSAGE, SIDEBAR_FRAME_PATH, frameSecretKey, isFromFrame, type FromFrame, type ToFrame } from '../sidebar/frame-protocol';

const HOST_TAG = 'critical-reader-sidebar';

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Why the sidebar cannot go on: its page was replaced, or its hand-over secret could not be stored. */
export type SidebarLoss = 'reloaded' | 'storage-refused';

export interface SidebarFrameEvents {
  message(message: FromFrame): void;
  /**
   * The sidebar page was replaced (reloaded, or the extension was updated), or could never take
   * its channel: the sidebar cannot go on.
   */
  lost(why: SidebarLoss): void;
}

export class SidebarFrame {
  /** Our element in the page: position and width (the page-push reads them), `data-*` state for tests and the benchmark. */
  readonly host: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly channel = new MessageChannel();
  private readonly secretKey = frameSecretKey(randomToken());
  private disposed = false;
  private stopListening: () => void = () => undefined;

  constructor(doc: Document, width: number, events: SidebarFrameEvents) {
    const api = extensionApi();
    if (!api) throw new Error('Not running inside the extension');
    this.host = doc.createElement(HOST_TAG);
    // Inline !important beats any page rule, so hostile page CSS cannot hide or move the sidebar.
    setImportant(this.host, {
      all: 'initial',
      position: 'fixed',
      top: '0',
      right: '0',
      height: '100vh',
      width: `${width}px`,
      'z-index': '2147483647',
      display: 'block',
    });
    const shadow = this.host.attachShadow({ mode: 'closed' });
    this.frame = doc.createElement('iframe');
    this.frame.title = 'Critical Reader';
    // Copy as Markdown writes the clipboard from inside the frame.
    this.frame.allow = 'clipboard-write';
    this.frame.style.cssText = 'all:initial;display:block;border:0;width:100%;height:100%;color-scheme:normal';
    shadow.append(this.frame);

    // Messages posted before the frame takes its end wait in the channel.
    this.channel.port1.onmessage = (e: MessageEvent) => {
      if (isFromFrame(e.data)) events.message(e.data);
    };
    const pageUrl = api.runtime.getURL(SIDEBAR_FRAME_PATH);
    const extensionOrigin = new URL(pageUrl).origin;
    const secret = randomToken();
    const created = performance.now();
    let connected = false;
    const connect = () => {
      if (connected || this.disposed) return;
      connected = true;
      // The target origin keeps the port and secret from anything but our page in the frame.
      this.frame.contentWindow?.postMessage({ type: CONNECT_MESSAGE, secret }, extensionOrigin, [this.channel.port2]);
    };
    const win = doc.defaultView;
    // The frame says when it listens (HELLO_MESSAGE). `source` is the window that posted, which
    // only our page in the frame can be; a page script's synthetic event is not trusted.
    const onHello = (e: MessageEvent) => {
      if (!e.isTrusted || e.source !== this.frame.contentWindow || (e.data as { type?: unknown } | null)?.type !== HELLO_MESSAGE) return;
      win?.removeEventListener('message', onHello);
      connect();
    };
    win?.addEventListener('message', onHello);
    this.stopListening = () => win?.removeEventListener('message', onHello);
    let loads = 0;
    this.frame.addEventListener('load', (e) => {
      // A page script's synthetic `load` is not the frame loading. (The frame has its address
      // before it enters the document, so no load of a blank first document comes here.)
      if (!e.isTrusted || this.disposed) return;
      if (++loads > 1) return events.lost('reloaded'); // its channel went with the old page
      // For the benchmark: how long the sidebar page took to load beside the page's own work.
      this.host.dataset.frameLoadMs = String(Math.round(performance.now() - created));
      connect(); // if its hello was missed
    });
    // The frame is pointed at its page at once, and the secret stored meanwhile: the frame waits
    // for it to appear in storage if it starts first. (Waiting for the write before pointing the
    // frame cost 120–150 ms of every opening.)
    this.frame.src = `${pageUrl}#${this.secretKey}`;
    getStorage()
      .set(this.secretKey, secret)
      .catch(() => events.lost('storage-refused')); // the frame could never take its channel
  }

  /** Sends to the sidebar page (kept in the channel until the page has taken its end). */
  post(message: ToFrame): void {
    if (!this.disposed) this.channel.port1.postMessage(message);
  }

  setWidth(width: number): void {
    setImportant(this.host, { width: `${width}px` });
  }

  /** Gives the keyboard focus to the sidebar page (which then focuses its selected tab). */
  focus(): void {
    this.frame.focus();
    this.post({ type: 'focus' });
  }

  /** True when the keyboard focus is in the sidebar. */
  hasFocus(): boolean {
    return this.host.ownerDocument.activeElement === this.host;
  }

  /** Takes the keyboard focus out of the sidebar (to the page's body). */
  blur(): void {
    this.frame.blur();
    // blur() alone can leave the keys going to the frame's document; this takes them back.
    this.host.ownerDocument.defaultView?.focus();
  }

  dispose(): void {
    this.disposed = true;
    this.stopListening();
    this.channel.port1.close();
    // Normally the frame took the secret already; this covers a frame that never loaded.
    void getStorage().remove(this.secretKey).catch(() => undefined);
    this.host.remove();
  }
}
