/**
 * Analysis of a page too large for the shared background, in a worker of the sidebar's own: the
 * engine's time budget makes it answer with partial findings, and if even that overruns (one
 * enormous sentence is read whole) the worker is stopped at HARD_LIMIT_MS with a clear message.
 * Closing the sidebar ends its frame and so the worker: nothing runs on for a page nobody reads.
 */
import type { Critique } from '../analysis/critique';
import type { Lens } from '../analysis/lens';
import { ANALYSIS_BUDGET_MS } from '../shared/messages';

/** Past the engine's budget, the time the worker is given before it is stopped. */
export const HARD_LIMIT_MS = 3 * ANALYSIS_BUDGET_MS;

/** `paperJson`: the paper as JSON text, as the page sent it (the worker parses it: no clone of the parsed paper). */
export function analyseInWorker(paperJson: string, lenses: Lens[], hardLimitMs = HARD_LIMIT_MS): Promise<Critique> {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Critique>((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`the page is too large to analyse: stopped after ${Math.round(hardLimitMs / 1000)} s`));
    }, hardLimitMs);
    worker.onmessage = (e: MessageEvent<{ ok: true; critique: Critique } | { ok: false; error: string }>) => {
      clearTimeout(timer);
      worker.terminate();
      if (e.data.ok) resolve(e.data.critique);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(e.message || 'the analysis worker failed'));
    };
    worker.postMessage({ paperJson, lenses, budgetMs: ANALYSIS_BUDGET_MS });
  });
}
