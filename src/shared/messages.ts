/**
 * Typed messages between the background, the content scripts and extension pages (refined-github
 * style: one union, one send helper, no ad-hoc strings scattered around).
 */
import type { Critique } from '../analysis/critique';
import type { Paper } from '../analysis/model';
import { extensionApi } from './browser';
import { askServiceWorker, ownServiceWorker, type AnalyseAnswer } from './service-worker-channel';

/**
 * Time an `analyse` request may take before the engine stops and answers with what it has (marked
 * incomplete, and saying so): analyses queue in the one background, so this bounds how long a huge
 * or hostile page holds up the sidebars of other tabs. Real papers take well under a second.
 */
export const ANALYSIS_BUDGET_MS = 4000;

export type Message =
  /** Toggle the sidebar on a tab (the active tab when `tabId` is omitted and the sender is not a tab). */
  | { type: 'toggle-sidebar'; tabId?: number }
  /** From the first-load content script: inject the sidebar bundle into my tab/frame. */
  | { type: 'load-sidebar' }
  /**
   * Analyse a paper with the reader's lenses, off the page's main thread. The paper goes as its
   * JSON text (see `analyseJsonInBackground`).
   */
  | { type: 'analyse'; paperJson: string }
  /**
   * Open a PDF (e.g. the page's `citation_pdf_url`) in the extension's viewer. Answered only by
   * src/background/pdf-open.ts, which has its own listener — so `isMessage()` deliberately returns
   * false for it and the general background listener leaves it alone.
   */
  | { type: 'open-pdf'; url: string };

export interface Responses {
  'toggle-sidebar': { ok: boolean; error?: string };
  'load-sidebar': { ok: boolean; error?: string };
  analyse: AnalyseAnswer;
  'open-pdf': { ok: boolean; error?: string };
}

export type ResponseFor<M extends Message> = Responses[M['type']];

export async function sendMessage<M extends Message>(message: M): Promise<ResponseFor<M>> {
  const api = extensionApi();
  if (!api) throw new Error('Not running inside the extension');
  return (await api.runtime.sendMessage(message)) as ResponseFor<M>;
}

/**
 * Has the background analyse a paper, given as JSON text, with the reader's lenses; answers the
 * critique as JSON text. Paper and critique travel as text, not objects: Chrome converts a
 * runtime message's object tree node by node. From an extension page in Chrome the paper goes
 * straight to the service worker (./service-worker-channel.ts); elsewhere by runtime message.
 */
export async function analyseJsonInBackground(paperJson: string): Promise<string> {
  const worker = ownServiceWorker();
  const r = worker ? await askServiceWorker(worker, { type: 'analyse', paperJson }) : await sendMessage({ type: 'analyse', paperJson });
  if (!r?.ok) throw new Error(r?.error ?? 'the background did not answer');
  return r.critiqueJson;
}

/** `analyseJsonInBackground` for callers holding objects. */
export async function analyseInBackground(paper: Paper): Promise<Critique> {
  return JSON.parse(await analyseJsonInBackground(JSON.stringify(paper))) as Critique;
}

/**
 * Messages the general background listener answers. Not 'open-pdf' (see the union above): two
 * listeners answering one message would race for its single response.
 */
export function isMessage(value: unknown): value is Exclude<Message, { type: 'open-pdf' }> {
  if (!value || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  return type === 'toggle-sidebar' || type === 'load-sidebar' || type === 'analyse';
}
