/**
 * The frame's half of the hand-over secret (see ./frame-protocol.ts): it takes the secret the
 * content script left in extension storage for it, once, even when the write lands after the
 * frame first looks.
 */
import type { KeyValueStorage } from '../shared/storage';

/** How long the frame waits for the content script's secret to reach storage (normally a few ms). */
export const SECRET_WAIT_MS = 10_000;

/**
 * The secret the content script left under `key`. The content script points this frame at its
 * page and stores the secret at the same time, so the secret may arrive after we first look.
 * Read once and removed at once: the secret opens one sidebar.
 */
export function takeSecret(storage: KeyValueStorage, key: string, waitMs = SECRET_WAIT_MS): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (end: () => void) => {
      if (settled) return;
      settled = true;
      stopWatching();
      clearTimeout(timer);
      end();
    };
    const found = (value: unknown) => {
      if (typeof value !== 'string') return;
      settle(() => resolve(value));
      void storage.remove(key).catch(() => undefined);
    };
    // Watch before reading: a write landing between the read and the watch is not missed.
    const stopWatching = storage.watch<string>(key, found);
    const timer = setTimeout(() => settle(() => reject(new Error('the page did not hand over the sidebar in time; close and open it again'))), waitMs);
    storage.get<string>(key).then(found, (e: unknown) => settle(() => reject(e instanceof Error ? e : new Error(String(e)))));
  });
}
