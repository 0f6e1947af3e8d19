/**
 * The first-load content script, injected on demand (toolbar, shortcut, context menu). Kept
 * tiny: it only toggles an already loaded sidebar, or asks the background to inject the sidebar
 * bundle, which opens itself. Each injection of this file means "toggle".
 */
import { sendMessage } from '../shared/messages';

interface ReaderGlobal {
  __criticalReader?: { toggle(): void };
  __criticalReaderLoading?: boolean;
}

const w = window as unknown as ReaderGlobal;
if (w.__criticalReader) {
  w.__criticalReader.toggle();
} else if (!w.__criticalReaderLoading) {
  w.__criticalReaderLoading = true;
  void sendMessage({ type: 'load-sidebar' })
    .then((r) => {
      if (!r.ok) console.warn('Critical Reader could not load its sidebar:', r.error);
    })
    .finally(() => {
      w.__criticalReaderLoading = false;
    });
}
