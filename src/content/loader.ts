/**
 * The first-load content script of automatic scanning (../background/auto-scan.ts), which runs
 * it on every page of the sites the reader opted into. Kept tiny: it only toggles an already
 * loaded sidebar, or asks the background to inject the sidebar bundle, which opens itself. Each
 * run of this file means "toggle". (The toolbar button does the same from the background.)
 */
import { sendMessage } from '../shared/messages';

import { LOADING_KEY, SIDEBAR_KEY, type ReaderGlobal } from './global-keys';

const w = globalThis as unknown as ReaderGlobal;
const sidebar = w[SIDEBAR_KEY];
if (sidebar) {
  sidebar.toggle();
} else if (!w[LOADING_KEY]) {
  w[LOADING_KEY] = true;
  void sendMessage({ type: 'load-sidebar' })
    .then((r) => {
      if (!r.ok) console.warn('Critical Reader could not load its sidebar:', r.error);
    })
    .finally(() => {
      w[LOADING_KEY] = false;
    });
}
