/**
 * Extension pages (the sidebar's frame, the viewer) asking Chrome's service worker, the
 * background, which controls them, straight: `postMessage` with a port for the answer. A runtime
 * message is JSON-encoded once more and relayed through the browser's process (a paper's JSON text
 * escaped inside another JSON text); this copies the string once. Firefox's background is a page
 * (no service worker), and content scripts must not use this (see `ownServiceWorker`): both use
 * runtime messaging instead.
 */
import { extensionApi } from './browser';

/** Extension page → service worker: analyse this paper (answered on the port sent with it). */
export interface AnalyseRequest {
  type: 'analyse';
  paperJson: string;
}

export type AnalyseAnswer = { ok: true; critiqueJson: string } | { ok: false; error: string };

export function isAnalyseRequest(value: unknown): value is AnalyseRequest {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === 'analyse' && typeof (value as { paperJson?: unknown }).paperJson === 'string';
}

/**
 * The extension's own service worker, when it controls this page: extension pages only. A
 * content script sees the *page's* service worker here (the page's origin, the page's code), which
 * must never receive the paper; so the worker's origin must be the extension's.
 */
export function ownServiceWorker(): ServiceWorker | null {
  const worker = (globalThis as { navigator?: Navigator }).navigator?.serviceWorker?.controller ?? null;
  const api = extensionApi();
  if (!worker || !api) return null;
  try {
    return new URL(worker.scriptURL).origin === new URL(api.runtime.getURL('/')).origin ? worker : null;
  } catch {
    return null;
  }
}

/** Longest wait for the service worker's answer (analyses queue there, each bounded by ANALYSIS_BUDGET_MS). */
const ANSWER_MS = 60_000;

export function askServiceWorker(worker: ServiceWorker, request: AnalyseRequest): Promise<AnalyseAnswer> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const done = (answer: AnalyseAnswer) => {
      clearTimeout(timer);
      port1.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done({ ok: false, error: 'the background did not answer in time' }), ANSWER_MS);
    port1.onmessage = (e: MessageEvent) => done(e.data as AnalyseAnswer);
    worker.postMessage(request, [port2]);
  });
}
