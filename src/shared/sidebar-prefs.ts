/**
 * How the reader left the sidebar (its width), kept in storage.local on this machine only. The
 * reader's real settings (lenses, colours, auto-scan sites) live in ./reader-settings.ts.
 */
import { getStorage, type KeyValueStorage } from './storage';

export interface SidebarPrefs {
  /** Sidebar width in CSS pixels. */
  width: number;
}

export const DEFAULT_SIDEBAR_PREFS: SidebarPrefs = { width: 420 };

const KEY = 'sidebarPrefs';

export async function loadSidebarPrefs(storage: KeyValueStorage = getStorage()): Promise<SidebarPrefs> {
  const stored = (await storage.get<Partial<SidebarPrefs>>(KEY)) ?? {};
  const width = typeof stored.width === 'number' && Number.isFinite(stored.width) ? stored.width : DEFAULT_SIDEBAR_PREFS.width;
  return { width };
}

export async function saveSidebarPrefs(prefs: SidebarPrefs, storage: KeyValueStorage = getStorage()): Promise<void> {
  await storage.set(KEY, prefs);
}
