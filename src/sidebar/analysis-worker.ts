/**
 * A dedicated worker that runs the engine for one sidebar (see ./worker-analysis.ts): a page too
 * large for the shared background is analysed here, where it holds up no other tab, and where it
 * can be stopped outright (terminate) when it overruns or the reader closes the sidebar.
 */
import { analysePaper } from '../analysis/engine';
import type { Lens } from '../analysis/lens';
import type { Paper } from '../analysis/model';

interface Request {
  /** The paper as JSON text. */
  paperJson: string;
  lenses: Lens[];
  budgetMs: number;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { paperJson, lenses, budgetMs } = e.data;
  try {
    self.postMessage({ ok: true, critique: analysePaper(JSON.parse(paperJson) as Paper, { lenses, budgetMs }) });
  } catch (err) {
    self.postMessage({ ok: false, error: String((err as Error)?.message ?? err) });
  }
};
