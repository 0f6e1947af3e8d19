import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { activeLenses, defaultSettings, normaliseSettings, type ReaderSettings } from '../../src/shared/reader-settings';
import { isAutoScanUrl, originPattern, parseOrigin } from '../../src/shared/site-origins';
import { changesSettings, loadSettings, onSettingsChanged, saveSettings, settingsToItems } from '../../src/shared/settings-store';
import { coProductionLens } from './co-production-lens';
import { fakeBackend } from './fake-storage';

function withCoProduction(): ReaderSettings {
  const s = defaultSettings();
  s.lenses.push(coProductionLens());
  s.activeLensIds.push('co-production');
  return s;
}

/** A lens whose JSON is far larger than sync's 8 KB per item. */
function bigLens(id: string, variants = 90): ReturnType<typeof coProductionLens> {
  const lens = coProductionLens();
  lens.id = id;
  lens.terms = Array.from({ length: 10 }, (_, t) => ({
    id: `term-${t}`,
    label: `term ${t}`,
    variants: Array.from({ length: variants }, (_, v) => `variant number ${v} of term ${t}`),
    expectDefinition: false,
  }));
  return lens;
}

describe('reader settings store', () => {
  it('starts with the built-in lens active and default colours', async () => {
    const s = await loadSettings(fakeBackend());
    expect(s.lenses.map((l) => l.id)).toEqual(DEFAULT_LENSES.map((l) => l.id));
    expect(s.activeLensIds).toEqual(DEFAULT_LENSES.map((l) => l.id));
    expect(s.lenses.every((l) => l.builtIn)).toBe(true);
    expect(s.autoScanOrigins).toEqual([]);
  });

  it('round-trips a custom lens through storage.sync', async () => {
    const backend = fakeBackend();
    const result = await saveSettings(withCoProduction(), backend);
    expect(result).toEqual({ area: 'sync' });
    const loaded = await loadSettings(backend);
    expect(loaded.lenses.find((l) => l.id === 'co-production')).toEqual(coProductionLens());
    expect(activeLenses(loaded).map((l) => l.id)).toContain('co-production');
    expect(backend.localArea.data.has('rs:meta')).toBe(false);
  });

  it('splits a lens larger than 8 KB into items sync accepts', async () => {
    const backend = fakeBackend();
    const s = defaultSettings();
    s.lenses.push(bigLens('huge'));
    expect(JSON.stringify(s.lenses[1]).length).toBeGreaterThan(8192);
    expect(await saveSettings(s, backend)).toEqual({ area: 'sync' });
    const keys = [...backend.syncArea!.data.keys()].filter((k) => k.startsWith('rs:lens:huge:'));
    expect(keys.length).toBeGreaterThan(1);
    expect((await loadSettings(backend)).lenses[1]).toEqual(s.lenses[1]);
  });

  it('falls back to local storage when the lenses exceed the sync quota, and says why', async () => {
    const backend = fakeBackend();
    const s = defaultSettings();
    for (let i = 0; i < 12; i++) s.lenses.push(bigLens(`big-${i}`));
    const result = await saveSettings(s, backend);
    expect(result.area).toBe('local');
    expect(result.area === 'local' && result.reason).toMatch(/KB/);
    expect((await loadSettings(backend)).lenses).toHaveLength(13);
    // Shrinking them again moves the settings back to sync.
    s.lenses = s.lenses.slice(0, 2);
    expect(await saveSettings(s, backend)).toEqual({ area: 'sync' });
    expect((await loadSettings(backend)).lenses).toHaveLength(2);
    expect([...backend.syncArea!.data.keys()].some((k) => k.startsWith('rs:lens:big-5'))).toBe(false);
  });

  it('falls back to local storage when sync throws, and when the browser has no sync', async () => {
    const broken = fakeBackend();
    broken.failing.sync = true;
    const r1 = await saveSettings(withCoProduction(), broken);
    expect(r1.area).toBe('local');
    expect(r1.area === 'local' && r1.reason).toMatch(/Sync is disabled/);
    expect((await loadSettings(broken)).lenses.map((l) => l.id)).toContain('co-production');

    const noSync = fakeBackend({ sync: false });
    expect((await saveSettings(withCoProduction(), noSync)).area).toBe('local');
    expect((await loadSettings(noSync)).activeLensIds).toContain('co-production');
  });

  it('stores an unedited built-in lens as a reference, an edited one in full', async () => {
    const backend = fakeBackend();
    await saveSettings(defaultSettings(), backend);
    const builtInId = DEFAULT_LENSES[0]!.id;
    expect([...backend.syncArea!.data.keys()].some((k) => k.startsWith(`rs:lens:${builtInId}:`))).toBe(false);

    const edited = defaultSettings();
    edited.lenses[0] = { ...edited.lenses[0]!, name: 'My peer lens', terms: coProductionLens().terms };
    await saveSettings(edited, backend);
    const loaded = await loadSettings(backend);
    expect(loaded.lenses[0]!.name).toBe('My peer lens');
    expect(loaded.lenses[0]!.builtIn).toBe(true);
  });

  it('refuses to save an invalid lens', async () => {
    const s = withCoProduction();
    s.lenses[1]!.terms[0]!.variants = [];
    await expect(saveSettings(s, fakeBackend())).rejects.toThrow(/lenses\[1\]\.terms\[0\]\.variants/);
  });

  it('migrates the first settings object (lenses or null, no active list)', async () => {
    const backend = fakeBackend();
    await backend.local.set({ settings: { lenses: [coProductionLens()], autoScanOrigins: ['https://journals.example.org'], sidebarWidth: 400 } });
    const s = await loadSettings(backend);
    expect(s.lenses.map((l) => l.id)).toEqual(['co-production']);
    expect(s.activeLensIds).toEqual(['co-production']);
    expect(s.autoScanOrigins).toEqual(['https://journals.example.org']);
  });

  it('drops corrupt stored values instead of breaking', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = normaliseSettings({
      lenses: [coProductionLens(), { id: 'Bad Id', name: '', terms: [] }],
      activeLensIds: ['co-production', 'missing'],
      colours: { term: { light: 'red;} body{display:none', dark: '#123' } },
      autoScanOrigins: ['ftp://x.org', 'https://ok.example.org/path', 42],
    });
    expect(s.lenses.map((l) => l.id)).toEqual(['co-production']);
    expect(s.activeLensIds).toEqual(['co-production']);
    expect(s.colours.term.light).toBe(defaultSettings().colours.term.light);
    expect(s.colours.term.dark).toBe('#112233');
    expect(s.autoScanOrigins).toEqual(['https://ok.example.org']);
  });

  it('tells open pages about a change once, with the new settings', async () => {
    const backend = fakeBackend();
    const seen: ReaderSettings[] = [];
    const stop = onSettingsChanged((s) => seen.push(s), backend);
    const s = withCoProduction();
    await saveSettings(s, backend);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.activeLensIds).toContain('co-production');
    // Saving the same settings again changes nothing a page would notice.
    await saveSettings(s, backend);
    s.colours.term.light = '#ffee58';
    await saveSettings(s, backend);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.colours.term.light).toBe('#ffee58');
    stop();
  });

  it("never loads the rest of local storage (the reader's notes live there)", async () => {
    const backend = fakeBackend({ sync: false });
    await backend.local.set({ 'notes:doi:10.1/x': [{ id: 'n1', text: 'a long note' }] });
    const get = vi.spyOn(backend.local, 'get');
    await saveSettings(withCoProduction(), backend);
    await loadSettings(backend);
    expect(get.mock.calls.every(([keys]) => keys !== null)).toBe(true);
    expect(get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))).not.toContain('notes:doi:10.1/x');
  });

  // The background keeps the settings it read until they change: a note saved, or the secret each
  // sidebar opening stores, must not cost the next analysis a fresh read.
  it('tells a change of settings from other writes to storage', () => {
    const items = settingsToItems(withCoProduction());
    expect(changesSettings(items, 'sync')).toBe(true);
    expect(changesSettings(items, 'local')).toBe(true);
    expect(changesSettings({ settings: {} }, 'local')).toBe(true);
    expect(changesSettings({ 'sidebarFrameSecret:0f3a': { newValue: 'x' } }, 'local')).toBe(false);
    expect(changesSettings({ 'notes:doi:10.5555/x': { newValue: [] }, sidebarPrefs: { newValue: {} } }, 'local')).toBe(false);
    expect(changesSettings(items, 'managed')).toBe(false);
  });

  it('writes only what changed (sync allows few writes per minute)', async () => {
    const backend = fakeBackend();
    const s = withCoProduction();
    await saveSettings(s, backend);
    const before = backend.syncArea!.writes;
    await saveSettings(s, backend);
    expect(backend.syncArea!.writes).toBe(before);
  });
});

describe('auto-scan origins', () => {
  it('turns what a reader types into one origin', () => {
    expect(parseOrigin('journals.example.org')).toEqual({ ok: true, origin: 'https://journals.example.org' });
    expect(parseOrigin(' https://www.example.org/article/1?x=2 ')).toEqual({ ok: true, origin: 'https://www.example.org' });
    expect(parseOrigin('http://localhost:8080/x')).toEqual({ ok: true, origin: 'http://localhost:8080' });
  });

  it('rejects what cannot be one site, with a reason', () => {
    expect(parseOrigin('*.example.org')).toMatchObject({ ok: false, error: expect.stringMatching(/Wildcards/) });
    expect(parseOrigin('ftp://example.org')).toMatchObject({ ok: false, error: expect.stringMatching(/http and https/) });
    expect(parseOrigin('journals')).toMatchObject({ ok: false, error: expect.stringMatching(/full site name/) });
    expect(parseOrigin('')).toMatchObject({ ok: false });
  });

  it('asks for exactly that site', () => {
    expect(originPattern('https://journals.example.org')).toBe('https://journals.example.org/*');
    expect(originPattern('http://localhost:8080')).toBe('http://localhost/*');
    const s = { ...defaultSettings(), autoScanOrigins: ['https://journals.example.org'] };
    expect(isAutoScanUrl(s.autoScanOrigins, 'https://journals.example.org/doi/10.1/x')).toBe(true);
    expect(isAutoScanUrl(s.autoScanOrigins, 'https://other.example.org/doi/10.1/x')).toBe(false);
  });
});
