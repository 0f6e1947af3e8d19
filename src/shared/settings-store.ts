/**
 * Where the reader's settings are kept, and how.
 *
 * Storage: `storage.sync` where the browser offers it (settings follow the reader to their other
 * browsers), `storage.local` otherwise or when sync refuses the data (quota, rate limit, sync
 * disabled). Sync allows only 8 KB per item, so each lens is its own item, split into chunks
 * when a single lens is larger; a small "meta" item lists them. A built-in lens the reader has not
 * edited is stored as a reference only, so improvements to the built-in lens reach them.
 *
 * Sidebar side: `const s = await loadSettings(); onSettingsChanged((s) => …)` — that is all.
 */
import type { Lens } from '../analysis/lens';
import { extensionApi } from './browser';
import type { HighlightColours } from './colour-contrast';
import { builtInLens, defaultSettings, isPristineBuiltIn, normaliseSettings, SETTINGS_VERSION, type ReaderSettings } from './reader-settings';
import { validateLens } from '../analysis/lens-validate';

/** The part of `browser.storage.*` the store uses (both Chrome's and Firefox's areas fit). */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SettingsBackend {
  /** null when the browser offers no sync storage. */
  sync: StorageAreaLike | null;
  local: StorageAreaLike;
  /** `storage.onChanged`; returns an unsubscribe function. */
  onChanged(listener: (changes: Record<string, unknown>, areaName: string) => void): () => void;
}

export function extensionSettingsBackend(): SettingsBackend | null {
  const api = extensionApi();
  const storage = api?.storage;
  if (!storage?.local) return null;
  return {
    sync: (storage.sync as StorageAreaLike | undefined) ?? null,
    local: storage.local as StorageAreaLike,
    onChanged(listener) {
      storage.onChanged.addListener(listener);
      return () => storage.onChanged.removeListener(listener);
    },
  };
}

const PREFIX = 'rs:';
const META_KEY = 'rs:meta';
/** In local storage: which area holds the current settings ("sync" | "local"). */
const AREA_KEY = 'rs:area';
const LENS_PREFIX = 'rs:lens:';
/** The extension's first settings object (src/shared/settings.ts), migrated on first load. */
const LEGACY_KEY = 'settings';

/** Chrome's documented storage.sync limits (Firefox's are the same or larger). */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102400;
export const SYNC_MAX_ITEMS = 512;
/** Chunk size, with room for the key and JSON string escaping overhead. */
const CHUNK_BYTES = 7000;

interface StoredLensRef {
  id: string;
  /** Number of chunk items `rs:lens:<id>:<i>`; 0 for an unedited built-in lens. */
  chunks: number;
  /** Unedited built-in lens: load the current built-in instead. */
  pristine?: true;
}

interface StoredMeta {
  version: number;
  lenses: StoredLensRef[];
  activeLensIds: string[];
  colours: HighlightColours;
  autoScanOrigins: string[];
}

export type SaveResult =
  | { area: 'sync' }
  /** Saved on this device only; `reason` says why, for the reader. */
  | { area: 'local'; reason: string };

function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Sync's own measure of an item: key length plus the JSON of its value. */
function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value));
}

/** Bytes a character takes inside a JSON string (escapes included), without encoding it. */
function jsonCharBytes(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (ch === '"' || ch === '\\') return 2;
  if (cp < 0x20) return 6;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function splitIntoChunks(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const b = jsonCharBytes(ch);
    if (bytes + b > CHUNK_BYTES && current) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += b;
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}


/** The items that represent the settings, in the chunked layout above. */
export function settingsToItems(settings: ReaderSettings): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const refs: StoredLensRef[] = [];
  for (const lens of settings.lenses) {
    if (isPristineBuiltIn(lens)) {
      refs.push({ id: lens.id, chunks: 0, pristine: true });
      continue;
    }
    const { builtIn: _ignored, ...data } = lens;
    const chunks = splitIntoChunks(JSON.stringify(data));
    chunks.forEach((c, i) => (items[`${LENS_PREFIX}${lens.id}:${i}`] = c));
    refs.push({ id: lens.id, chunks: chunks.length });
  }
  const meta: StoredMeta = {
    version: SETTINGS_VERSION,
    lenses: refs,
    activeLensIds: settings.activeLensIds,
    colours: settings.colours,
    autoScanOrigins: settings.autoScanOrigins,
  };
  items[META_KEY] = meta;
  return items;
}

/** Rebuilds settings from stored items; null when there is no meta item. */
export function itemsToSettings(items: Record<string, unknown>): ReaderSettings | null {
  const meta = items[META_KEY] as Partial<StoredMeta> | undefined;
  if (!meta || typeof meta !== 'object') return null;
  const lenses: unknown[] = [];
  for (const ref of Array.isArray(meta.lenses) ? meta.lenses : []) {
    if (!ref || typeof ref.id !== 'string') continue;
    if (ref.pristine) {
      const lens = builtInLens(ref.id);
      if (lens) lenses.push(lens);
      continue;
    }
    const parts: string[] = [];
    for (let i = 0; i < ref.chunks; i++) {
      const part = items[`${LENS_PREFIX}${ref.id}:${i}`];
      if (typeof part !== 'string') break;
      parts.push(part);
    }
    if (parts.length !== ref.chunks) {
      // Another browser's write has not fully arrived yet; the next change event completes it.
      console.warn(`Critical Reader: lens "${ref.id}" is incomplete in storage; skipped for now`);
      continue;
    }
    try {
      lenses.push(JSON.parse(parts.join('')));
    } catch {
      console.warn(`Critical Reader: lens "${ref.id}" in storage is not valid JSON; skipped`);
    }
  }
  // Unedited built-in lenses are always valid even if the built-in data fails the import rules.
  const settings = normaliseSettings({ ...meta, lenses });
  const lost = lenses.filter((l) => (l as Lens).builtIn && !settings.lenses.some((s) => s.id === (l as Lens).id));
  for (const l of lost) settings.lenses.push(l as Lens);
  if (Array.isArray(meta.activeLensIds)) {
    const wanted = new Set(meta.activeLensIds);
    settings.activeLensIds = settings.lenses.filter((l) => wanted.has(l.id)).map((l) => l.id);
  }
  return settings;
}

/** The chunk keys a stored meta item points to (defensive: meta may come from another version). */
function chunkKeys(meta: unknown): string[] {
  const refs = (meta as Partial<StoredMeta> | undefined)?.lenses;
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((ref) => {
    if (!ref || typeof ref.id !== 'string' || typeof ref.chunks !== 'number' || ref.chunks > SYNC_MAX_ITEMS) return [];
    return Array.from({ length: ref.chunks }, (_, i) => `${LENS_PREFIX}${ref.id}:${i}`);
  });
}

/** Reads only our items (local storage also holds the reader's notes, which we must not load). */
async function readArea(area: StorageAreaLike): Promise<ReaderSettings | null> {
  const meta = (await area.get(META_KEY))[META_KEY];
  if (!meta) return null;
  const keys = chunkKeys(meta);
  const items = keys.length ? await area.get(keys) : {};
  return itemsToSettings({ ...items, [META_KEY]: meta });
}

async function currentArea(backend: SettingsBackend): Promise<'sync' | 'local'> {
  if (!backend.sync) return 'local';
  const marker = (await backend.local.get(AREA_KEY))[AREA_KEY];
  return marker === 'local' ? 'local' : 'sync';
}

let cachedBackend: SettingsBackend | null | undefined;
function defaultBackend(): SettingsBackend | null {
  if (cachedBackend === undefined) cachedBackend = extensionSettingsBackend();
  return cachedBackend;
}

/** The reader's settings; defaults outside the extension or before anything was saved. */
export async function loadSettings(backend: SettingsBackend | null = defaultBackend()): Promise<ReaderSettings> {
  if (!backend) return defaultSettings();
  const area = await currentArea(backend);
  if (area === 'sync') {
    try {
      const fromSync = await readArea(backend.sync!);
      if (fromSync) return fromSync;
    } catch (e) {
      console.warn('Critical Reader: storage.sync unreadable, using local settings', e);
    }
  }
  const fromLocal = await readArea(backend.local);
  if (fromLocal) return fromLocal;
  const legacy = (await backend.local.get(LEGACY_KEY))[LEGACY_KEY];
  return legacy ? normaliseSettings(legacy) : defaultSettings();
}

/** Why these items cannot go to sync, or null when they fit its quotas. */
function syncRefusal(items: Record<string, unknown>): string | null {
  const entries = Object.entries(items);
  if (entries.length > SYNC_MAX_ITEMS - 10) return 'too many lenses for browser sync';
  let total = 0;
  for (const [key, value] of entries) {
    const bytes = itemBytes(key, value);
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) return `an item is larger than sync allows (${key})`;
    total += bytes;
  }
  if (total > SYNC_QUOTA_BYTES - 2048) {
    return `lenses and settings take ${Math.ceil(total / 1024)} KB; browser sync allows ${SYNC_QUOTA_BYTES / 1024} KB`;
  }
  return null;
}

/** Writes `items` into an area, touching only what changed, then removes our stale items. */
async function writeArea(area: StorageAreaLike, items: Record<string, unknown>): Promise<void> {
  const oldKeys = [META_KEY, ...chunkKeys((await area.get(META_KEY))[META_KEY])];
  const existing = await area.get([...new Set([...oldKeys, ...Object.keys(items)])]);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    if (JSON.stringify(existing[key]) !== JSON.stringify(value)) changed[key] = value;
  }
  // One set() call: meta and the chunks it points to change together.
  if (Object.keys(changed).length) await area.set(changed);
  const stale = oldKeys.filter((k) => !(k in items));
  if (stale.length) await area.remove(stale);
}

/**
 * Saves settings: to sync when it is offered and accepts them, else to local storage. Lenses
 * are validated first; an invalid lens is a programming error here (the options page only
 * saves valid lenses) and throws rather than storing something the analysis cannot use.
 */
export async function saveSettings(settings: ReaderSettings, backend: SettingsBackend | null = defaultBackend()): Promise<SaveResult> {
  if (!backend) throw new Error('Settings can only be saved inside the extension');
  const errors: string[] = [];
  settings.lenses.forEach((l, i) => {
    if (!isPristineBuiltIn(l)) validateLens(l, `lenses[${i}]`, errors);
  });
  if (errors.length) throw new Error(`Invalid lens: ${errors.join('; ')}`);
  const items = settingsToItems(settings);

  let reason: string;
  if (!backend.sync) reason = 'this browser offers no settings sync';
  else {
    const refusal = syncRefusal(items);
    if (refusal) reason = refusal;
    else {
      try {
        await writeArea(backend.sync, items);
        await backend.local.set({ [AREA_KEY]: 'sync' });
        await clearArea(backend.local);
        return { area: 'sync' };
      } catch (e) {
        reason = `browser sync refused the settings (${(e as Error).message ?? e})`;
      }
    }
  }
  await writeArea(backend.local, items);
  if (backend.sync) await backend.local.set({ [AREA_KEY]: 'local' });
  return { area: 'local', reason };
}

/** Removes our items from an area (the local copy, once sync holds the settings again). */
async function clearArea(area: StorageAreaLike): Promise<void> {
  const meta = (await area.get(META_KEY))[META_KEY];
  if (meta) await area.remove([META_KEY, ...chunkKeys(meta)]);
}

/** Whether a `storage.onChanged` event touches the reader's settings (not notes, prefs or the like). */
export function changesSettings(changes: Record<string, unknown>, areaName: string): boolean {
  if (areaName !== 'sync' && areaName !== 'local') return false;
  return Object.keys(changes).some((k) => k.startsWith(PREFIX) || k === LEGACY_KEY);
}

/**
 * Calls `listener` with the new settings whenever they change (this page, another extension page,
 * another browser through sync). Bursts of storage events become one reload; unchanged settings
 * are not reported. Returns an unsubscribe function.
 */
export function onSettingsChanged(
  listener: (settings: ReaderSettings) => void,
  backend: SettingsBackend | null = defaultBackend(),
): () => void {
  if (!backend) return () => {};
  let last: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let eventsSeen = 0;
  // Baseline for "unchanged"; discarded if a change arrives first (it may already hold the change).
  void loadSettings(backend).then((s) => {
    if (eventsSeen === 0) last ??= JSON.stringify(s);
  });

  const reload = async () => {
    again = false;
    const settings = await loadSettings(backend);
    const json = JSON.stringify(settings);
    if (!stopped && json !== last) {
      last = json;
      listener(settings);
    }
  };
  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    running = reload()
      .catch((e) => console.warn('Critical Reader: could not reload settings', e))
      .finally(() => {
        running = null;
        if (again && !stopped) trigger();
      });
  };
  const unsubscribe = backend.onChanged((changes, areaName) => {
    if (!changesSettings(changes, areaName)) return;
    eventsSeen++;
    trigger();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
