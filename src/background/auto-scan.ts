/**
 * Automatic scanning: on the sites the reader listed on the options page, the sidebar opens by
 * itself. Each site needs its own optional host permission (requested on the options page, one
 * site at a time); for the granted ones we keep one registered content script that injects the
 * first-load script (`content.js`), whose first run on a page opens the sidebar.
 *
 * Kept in step with settings and permissions: re-synced at start-up, when the settings change
 * (possibly from another browser through sync: the permission does not travel with them, so such
 * a site stays off until granted here) and when a permission is granted or removed.
 */
import { extensionApi } from '../shared/browser';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { originPattern } from '../shared/site-origins';
import { type ReaderSettings } from '../shared/reader-settings';

export const AUTO_SCAN_SCRIPT_ID = 'critical-reader-auto-scan';
/** The first-load content script emitted by the extension build (vite.config.ts `content` pass). */
export const AUTO_SCAN_SCRIPT_FILE = 'content.js';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The slice of the extension API this module uses (a fake in unit tests). */
export interface AutoScanApi {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    onAdded?: { addListener(cb: () => void): void };
    onRemoved?: { addListener(cb: () => void): void };
  };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle'; allFrames: boolean }[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

/** Match patterns for the reader's sites whose permission is granted, without duplicates. */
export async function grantedPatterns(settings: ReaderSettings, api: AutoScanApi): Promise<string[]> {
  const patterns: string[] = [];
  for (const origin of settings.autoScanOrigins) {
    const pattern = originPattern(origin);
    if (patterns.includes(pattern)) continue;
    if (await api.permissions.contains({ origins: [pattern] })) patterns.push(pattern);
  }
  return patterns;
}

/** Makes the registered content script match exactly `patterns` (none: unregistered). */
export async function applyAutoScan(patterns: string[], api: AutoScanApi): Promise<void> {
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [AUTO_SCAN_SCRIPT_ID] });
  const current = existing[0]?.matches ?? [];
  const same = existing.length > 0 && current.length === patterns.length && patterns.every((p) => current.includes(p));
  if (same || (existing.length === 0 && patterns.length === 0)) return;
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [AUTO_SCAN_SCRIPT_ID] });
  if (patterns.length) {
    await api.scripting.registerContentScripts([
      { id: AUTO_SCAN_SCRIPT_ID, matches: patterns, js: [AUTO_SCAN_SCRIPT_FILE], runAt: 'document_idle', allFrames: false },
    ]);
  }
}

/**
 * Call once at the top level of the background (listeners must be added synchronously there so
 * the browser wakes the worker for them). Resolves when the first sync is done.
 */
export function registerAutoScan(api: AutoScanApi | null = extensionApi() as unknown as AutoScanApi | null): Promise<void> {
  if (!api?.scripting?.registerContentScripts) return Promise.resolve();
  // Syncs run one after another: overlapping register/unregister calls would fail on the shared id.
  let chain = Promise.resolve();
  const sync = (settings?: ReaderSettings) => {
    chain = chain
      .then(async () => applyAutoScan(await grantedPatterns(settings ?? (await loadSettings()), api), api))
      .catch((e) => console.warn('Critical Reader: could not update automatic scanning', e));
    return chain;
  };
  onSettingsChanged((s) => void sync(s));
  api.permissions.onAdded?.addListener(() => void sync());
  api.permissions.onRemoved?.addListener(() => void sync());
  return sync();
}
