/**
 * Where the sidebar's frame has its paper analysed: in the background all tabs share (in Chrome
 * posted straight to its service worker, see ../shared/service-worker-channel.ts), or for a very
 * long page in a worker of the frame's own (./worker-analysis.ts), holding up no other tab.
 */
import type { Critique } from '../analysis/critique';
import type { Lens } from '../analysis/lens';
import type { Paper } from '../analysis/model';
import { analyseJsonInBackground } from '../shared/messages';
import type { AnalysedIn } from './frame-protocol';
import { analyseInWorker } from './worker-analysis';

/**
 * Pages with more text than this (five times the longest paper in our corpus) are analysed in a
 * worker of the sidebar's own, not in the background all tabs share: there they hold up no other
 * tab's sidebar, and closing the sidebar stops them.
 */
export const OWN_WORKER_CHARS = 1_500_000;

export function paperChars(paper: Paper): number {
  let n = 0;
  for (const b of paper.blocks) n += b.text.length;
  return n;
}

export function analysisPlace(paper: Paper): AnalysedIn {
  return paperChars(paper) > OWN_WORKER_CHARS ? 'own-worker' : 'background';
}

/**
 * The critique of `paperJson` made in `place`, with the reader's active lenses (`readerLenses`,
 * for a worker of the frame's own: the background reads them itself).
 */
export async function analyseIn(place: AnalysedIn, paperJson: string, readerLenses: () => Promise<Lens[]>): Promise<Critique> {
  if (place === 'own-worker') return analyseInWorker(paperJson, await readerLenses());
  return JSON.parse(await analyseJsonInBackground(paperJson)) as Critique;
}
