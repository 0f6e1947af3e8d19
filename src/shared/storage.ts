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
}

export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, unknown>();
  const listeners = new Map<string, Set<(v: unknown) => void>>();
  const notify = (key: string) => listeners.get(key)?.forEach((l) => l(structuredClone(data.get(key))));
  return {
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
