/**
 * An in-memory stand-in for `browser.storage` (unit tests only; the browser test uses the real
 * thing). It enforces sync's per-item quota the way Chrome does, so the store's fallback to local
 * storage is exercised for real, and it fires `onChanged` asynchronously like browsers do.
 */
import type { SettingsBackend, StorageAreaLike } from '../../src/shared/settings-store';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

export interface FakeArea extends StorageAreaLike {
  data: Map<string, unknown>;
  writes: number;
}

function fakeArea(name: string, listeners: Set<Listener>, perItemQuota: number | null, failing: { sync: boolean }): FakeArea {
  const data = new Map<string, unknown>();
  const emit = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    if (Object.keys(changes).length) queueMicrotask(() => listeners.forEach((l) => l(changes, name)));
  };
  const area: FakeArea = {
    data,
    writes: 0,
    async get(keys) {
      if (name === 'sync' && failing.sync) throw new Error('Sync is disabled');
      const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const k of wanted) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      if (name === 'sync' && failing.sync) throw new Error('Sync is disabled');
      for (const [k, v] of Object.entries(items)) {
        const bytes = new TextEncoder().encode(k + JSON.stringify(v)).length;
        if (perItemQuota !== null && bytes > perItemQuota) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      area.writes++;
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
        data.set(k, structuredClone(v));
      }
      emit(changes);
    },
    async remove(keys) {
      area.writes++;
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      emit(changes);
    },
  };
  return area;
}

export interface FakeBackend extends SettingsBackend {
  syncArea: FakeArea | null;
  localArea: FakeArea;
  failing: { sync: boolean };
}

export function fakeBackend(options: { sync?: boolean } = {}): FakeBackend {
  const listeners = new Set<Listener>();
  const failing = { sync: false };
  const syncArea = options.sync === false ? null : fakeArea('sync', listeners, 8192, failing);
  const localArea = fakeArea('local', listeners, null, failing);
  return {
    sync: syncArea,
    local: localArea,
    syncArea,
    localArea,
    failing,
    onChanged(listener) {
      listeners.add(listener as Listener);
      return () => listeners.delete(listener as Listener);
    },
  };
}
