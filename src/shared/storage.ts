/**
 * A tiny key-value storage seam over `storage.local`, with an in-memory stand-in outside the
 * extension (component tests, the CLI). Everything stays on the reader's machine.
 */
import { extensionApi } from './browser';

export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Calls `listener` when `key` changes in another tab or page; returns an unsubscribe function. */
  watch<T>(key: string, listener: (value: T | undefined) => void): () => void;
  /** Every entry whose key starts with `prefix`. */
  getByPrefix(prefix: string): Promise<Map<string, unknown>>;
  /** Calls `listener` when any key starting with `prefix` changes; returns an unsubscribe function. */
  watchPrefix(prefix: string, listener: () => void): () => void;
}

export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, unknown>();
  const listeners = new Map<string, Set<(v: unknown) => void>>();
  const prefixListeners = new Set<{ prefix: string; listener: () => void }>();
  const notify = (key: string) => {
    listeners.get(key)?.forEach((l) => l(structuredClone(data.get(key))));
    for (const p of prefixListeners) if (key.startsWith(p.prefix)) p.listener();
  };
  return {
    async getByPrefix(prefix: string) {
      const out = new Map<string, unknown>();
      for (const [k, v] of data) if (k.startsWith(prefix)) out.set(k, structuredClone(v));
      return out;
    },
    watchPrefix(prefix: string, listener: () => void) {
      const entry = { prefix, listener };
      prefixListeners.add(entry);
      return () => prefixListeners.delete(entry);
    },
    async get<T>(key: string) {
      return structuredClone(data.get(key)) as T | undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
      notify(key);
    },
    async remove(key) {
      data.delete(key);
      notify(key);
    },
    watch<T>(key: string, listener: (value: T | undefined) => void) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      const l = listener as (v: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}

export function extensionStorage(): KeyValueStorage | null {
  const api = extensionApi();
  const local = api?.storage?.local;
  if (!api || !local) return null;
  return {
    async get<T>(key: string) {
      const items = await local.get(key);
      return items[key] as T | undefined;
    },
    async set(key, value) {
      await local.set({ [key]: value });
    },
    async remove(key) {
      await local.remove(key);
    },
    async getByPrefix(prefix: string) {
      // storage.local has no prefix query in every browser this supports: read all, keep ours.
      const items = (await local.get(null)) as Record<string, unknown>;
      const out = new Map<string, unknown>();
      for (const [k, v] of Object.entries(items)) if (k.startsWith(prefix)) out.set(k, v);
      return out;
    },
    watchPrefix(prefix: string, listener: () => void) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(prefix))) listener();
      };
      api.storage.onChanged.addListener(onChanged);
      return () => api.storage.onChanged.removeListener(onChanged);
    },
    watch<T>(key: string, listener: (value: T | undefined) => void) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) listener(changes[key]!.newValue as T | undefined);
      };
      api.storage.onChanged.addListener(onChanged);
      return () => api.storage.onChanged.removeListener(onChanged);
    },
  };
}

let defaultStorage: KeyValueStorage | null = null;

/** storage.local inside the extension, memory elsewhere. */
export function getStorage(): KeyValueStorage {
  defaultStorage ??= extensionStorage() ?? memoryStorage();
  return defaultStorage;
}
