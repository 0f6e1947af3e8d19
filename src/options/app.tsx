/**
 * The options page: the reader's lenses (and the built-in one as an editable copy), highlight
 * colours and the sites scanned automatically. Edits save by themselves shortly after the last
 * change; open sidebars pick them up without reloading (see reader-settings `onSettingsChanged`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lens } from '../analysis/lens';
import { DEFAULT_LENSES } from '../analysis/lenses/default';
import { DEFAULT_COLOURS } from '../shared/colour-contrast';
import { addLens, deleteLens, duplicateLens, exportJson, lensProblems, mergeImported, missingBuiltIns, newLens, renameLens, replaceLens, resetBuiltIn, savableSettings, setLensActive } from './lens-edit';
import { isPristineBuiltIn, builtInLens, type ReaderSettings } from '../shared/reader-settings';
import { AutoScanSites } from './components/auto-scan-sites';
import { ColourSettings } from './components/colour-settings';
import { ImportLenses } from './components/import-lenses';
import { LensEditor } from './components/lens-editor';
import { LensList } from './components/lens-list';
import { ShortcutSetting } from './components/shortcut-setting';
import type { OptionsServices } from './services';

type Status = { kind: 'idle' | 'pending' | 'saved' | 'local' | 'invalid' | 'error'; text: string };

const json = (v: unknown) => JSON.stringify(v);

export function OptionsApp({ services }: { services: OptionsServices }) {
  const [settings, setSettings] = useState<ReaderSettings | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const draft = useRef<ReaderSettings | null>(null);
  const lastSaved = useRef<ReaderSettings | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveNow = async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = draft.current;
    if (!current) return;
    const toSave = savableSettings(current, lastSaved.current);
    const invalid = current.lenses.filter((l) => !isPristineBuiltIn(l) && lensProblems(l).length > 0);
    try {
      let result: Awaited<ReturnType<OptionsServices['save']>> | null = null;
      if (json(toSave) !== json(lastSaved.current)) {
        result = await services.save(toSave);
        lastSaved.current = toSave;
      }
      if (invalid.length) {
        const names = invalid.map((l) => `“${l.name.trim() || l.id}”`).join(', ');
        setStatus({ kind: 'invalid', text: `${names} ${invalid.length === 1 ? 'has' : 'have'} problems and ${invalid.length === 1 ? 'is' : 'are'} not saved yet; sidebars use the last saved version.` });
      } else if (result?.area === 'local') setStatus({ kind: 'local', text: `Saved on this device only: ${result.reason}.` });
      else setStatus({ kind: 'saved', text: result ? 'Saved. Open sidebars use the new settings.' : 'All changes saved.' });
    } catch (e) {
      setStatus({ kind: 'error', text: `Could not save: ${(e as Error).message}` });
    }
  };

  const update = (next: ReaderSettings) => {
    draft.current = next;
    setSettings(next);
    setStatus({ kind: 'pending', text: 'Saving…' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), services.saveDelayMs);
  };

  useEffect(() => {
    let alive = true;
    void services.load().then((s) => {
      if (!alive) return;
      draft.current = s;
      lastSaved.current = s;
      setSettings(s);
      setSelectedId(s.lenses[0]?.id ?? null);
    });
    const stop = services.onChanged((s) => {
      // Another page or browser changed the settings; take them unless the reader is mid-edit here.
      const midEdit = timer.current !== undefined || (draft.current && json(savableSettings(draft.current, lastSaved.current)) !== json(draft.current));
      if (midEdit || json(s) === json(draft.current)) return;
      draft.current = s;
      lastSaved.current = s;
      setSettings(s);
    });
    const flush = () => {
      if (timer.current !== undefined) void saveNow();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      alive = false;
      stop();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  if (!settings) return <p>Loading your settings…</p>;

  const selected = settings.lenses.find((l) => l.id === selectedId) ?? settings.lenses[0] ?? null;
  const builtInIds = DEFAULT_LENSES.map((l) => l.id);
  const missing = missingBuiltIns(settings, builtInIds);

  const select = (id: string) => setSelectedId(id);
  const changeLens = (lens: Lens, previousId: string) => update(replaceLens(settings, lens, previousId));

  return (
    <div class="options">
      <header>
        <h1>Critical Reader — settings</h1>
        <p class={`status ${status.kind}`} role="status" aria-live="polite">
          {status.text}
        </p>
      </header>

      <section aria-labelledby="lenses-heading">
        <h2 id="lenses-heading">Lenses</h2>
        <p class="help">
          A lens is the set of terms the sidebar checks: how each is used, in which senses, and whether the paper defines it. Tick the lenses to use when reading;
          findings are grouped per lens.
        </p>
        <div class="lenses">
          <LensList
            lenses={settings.lenses}
            activeIds={settings.activeLensIds}
            selectedId={selected?.id ?? null}
            onSelect={select}
            onActive={(id, active) => update(setLensActive(settings, id, active))}
            onAdd={() => {
              const lens = newLens(settings);
              update(addLens(settings, lens, true));
              setSelectedId(lens.id);
            }}
            {...(missing.length
              ? {
                  onRestoreBuiltIns: () => {
                    let next = settings;
                    for (const id of missing) next = addLens(next, builtInLens(id)!, true);
                    update(next);
                  },
                }
              : {})}
          />
          {selected && (
            <div class="lens-detail">
              <div class="lens-head">
                <div class="field">
                  <label for="lens-name">Lens name</label>
                  <input
                    id="lens-name"
                    type="text"
                    maxLength={200}
                    value={selected.name}
                    onInput={(e) => {
                      const next = renameLens(settings, selected.id, (e.currentTarget as HTMLInputElement).value);
                      const renamed = next.lenses[settings.lenses.indexOf(selected)]!;
                      update(next);
                      setSelectedId(renamed.id);
                    }}
                  />
                </div>
                <div class="row-actions">
                  <button
                    type="button"
                    onClick={() => {
                      const { settings: next, copy } = duplicateLens(settings, selected.id);
                      update(next);
                      setSelectedId(copy.id);
                    }}
                  >
                    Duplicate
                  </button>
                  <button type="button" onClick={() => services.download(`${selected.id}.lens.json`, exportJson([selected]))}>
                    Export this lens
                  </button>
                  {selected.builtIn && (
                    <button
                      type="button"
                      disabled={isPristineBuiltIn(selected)}
                      onClick={() => {
                        if (services.confirm(`Reset “${selected.name}” to the built-in version? Your changes to it will be lost.`)) update(resetBuiltIn(settings, selected.id));
                      }}
                    >
                      Reset to default
                    </button>
                  )}
                  <button
                    type="button"
                    class="danger"
                    onClick={() => {
                      if (!services.confirm(`Delete the lens “${selected.name}”? This cannot be undone (export it first to keep a copy).`)) return;
                      const next = deleteLens(settings, selected.id);
                      update(next);
                      setSelectedId(next.lenses[0]?.id ?? null);
                    }}
                  >
                    Delete lens
                  </button>
                </div>
                {selected.builtIn && <p class="help">The built-in lens, as an editable copy. “Reset to default” brings back the original.</p>}
              </div>
              <LensEditor lens={selected} onChange={(lens) => changeLens(lens, selected.id)} />
            </div>
          )}
        </div>
      </section>

      <section aria-labelledby="share-heading">
        <h2 id="share-heading">Share lenses</h2>
        <p class="help">Export lenses as a JSON file to share with colleagues; import theirs. An imported lens with the same id replaces yours.</p>
        <button type="button" onClick={() => services.download('critical-reader-lenses.json', exportJson(settings.lenses))}>
          Export all lenses
        </button>
        <ImportLenses
          onImport={(lenses) => {
            const { settings: next, added, replaced } = mergeImported(settings, lenses);
            update(next);
            setSelectedId(lenses[0]!.id);
            const parts = [];
            if (added.length) parts.push(`added ${added.map((n) => `“${n}”`).join(', ')} (active)`);
            if (replaced.length) parts.push(`replaced ${replaced.map((n) => `“${n}”`).join(', ')}`);
            return `Imported: ${parts.join('; ')}.`;
          }}
        />
      </section>

      <section aria-labelledby="colours-heading">
        <h2 id="colours-heading">Highlight colours</h2>
        <p class="help">Page text keeps its colour contrast above 4.5:1 when the ratio shows ✓. Dark pages use the second colour.</p>
        <ColourSettings colours={settings.colours} onChange={(colours) => update({ ...settings, colours })} onReset={() => update({ ...settings, colours: structuredClone(DEFAULT_COLOURS) })} />
      </section>

      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">Keyboard shortcut</h2>
        <ShortcutSetting shortcuts={services.shortcuts} />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Open the sidebar automatically</h2>
        <p class="help">On these sites the sidebar opens by itself when a page loads.</p>
        <AutoScanSites origins={settings.autoScanOrigins} permissions={services.permissions} onChange={(autoScanOrigins) => update({ ...draft.current!, autoScanOrigins })} />
      </section>
    </div>
  );
}
