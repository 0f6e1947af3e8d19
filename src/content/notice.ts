/**
 * A short notice of ours in the corner of the page, for the moment the sidebar cannot say it
 * itself (its frame is gone). Text only, in a closed shadow root with inline !important styles,
 * like the sidebar's element: page styles cannot hide or restyle it, page scripts cannot reach in.
 */
import { setImportant } from './important-style';

const NOTICE_TAG = 'critical-reader-notice';

/** How long the notice stays unless the reader dismisses it. */
const NOTICE_MS = 12_000;

/** Removes the notice, if one is showing (the sidebar opens again). */
export function dismissNotice(doc: Document): void {
  doc.querySelector(NOTICE_TAG)?.remove();
}

export function showNotice(doc: Document, text: string): void {
  dismissNotice(doc);
  const host = doc.createElement(NOTICE_TAG);
  setImportant(host, { all: 'initial', position: 'fixed', right: '16px', bottom: '16px', 'z-index': '2147483647', display: 'block' });
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText =
    'all:initial;display:flex;gap:12px;align-items:flex-start;max-width:360px;padding:12px 14px;border-radius:6px;' +
    'background:#1f2328;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)';
  const message = doc.createElement('span');
  message.textContent = text;
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.style.cssText = 'all:initial;cursor:pointer;color:#fff;font:600 14px system-ui,sans-serif;text-decoration:underline;outline-offset:2px';
  const remove = () => host.remove();
  dismiss.addEventListener('click', remove);
  box.append(message, dismiss);
  shadow.append(box);
  doc.documentElement.append(host);
  setTimeout(remove, NOTICE_MS);
}
