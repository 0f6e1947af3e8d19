// @vitest-environment happy-dom
/**
 * The options page as a reader uses it: typing into the lens editor, importing a colleague's
 * lens, choosing colours and sites. Storage is the in-memory fake of browser.storage, so what
 * these tests read back is what the extension's sidebars would load.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LENSES } from '../../src/analysis/lenses/default';
import { OptionsApp } from '../../src/options/app';
import { exportJson } from '../../src/options/lens-edit';
import type { OptionsServices } from '../../src/options/services';
import { loadSettings, onSettingsChanged, saveSettings } from '../../src/shared/settings-store';
import { type ReaderSettings } from '../../src/shared/reader-settings';
import { coProductionLens } from './co-production-lens';
import { fakeBackend, type FakeBackend } from './fake-storage';

let container: HTMLElement;
let backend: FakeBackend;
let requested: string[][];
let removed: string[][];
let downloads: { name: string; text: string }[];
let grantAll: boolean;
let confirmAnswer: boolean;
let boundShortcut: string | null;
let shortcutPagesOpened: number;

function services(): OptionsServices {
  const granted = new Set<string>();
  return {
    load: () => loadSettings(backend),
    save: (s) => saveSettings(s, backend),
    onChanged: (l) => onSettingsChanged(l, backend),
    permissions: {
      request: async (origins) => {
        requested.push(origins);
        if (grantAll) origins.forEach((o) => granted.add(o));
        return grantAll;
      },
      remove: async (origins) => {
        removed.push(origins);
        origins.forEach((o) => granted.delete(o));
        return true;
      },
      contains: async (origins) => origins.every((o) => granted.has(o)),
    },
    shortcuts: {
      current: async () => boundShortcut,
      suggested: 'Alt+Shift+L',
      settingsPage: 'chrome://extensions/shortcuts',
      openSettings: async () => {
        shortcutPagesOpened++;
      },
    },
    download: (name, text) => downloads.push({ name, text }),
    confirm: () => confirmAnswer,
    saveDelayMs: 0,
  };
}

async function mount(): Promise<void> {
  await act(async () => {
    render(<OptionsApp services={services()} />, container);
  });
  await vi.waitFor(() => expect(container.querySelector('#lens-name')).not.toBeNull());
}

const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = container.querySelector<T>(sel);
  if (!el) throw new Error(`nothing matches ${sel}`);
  return el;
};

function button(text: string | RegExp): HTMLButtonElement {
  const b = [...container.querySelectorAll('button')].find((x) => (typeof text === 'string' ? x.textContent?.trim() === text : text.test(x.textContent ?? '')));
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
  });
}

async function saved(): Promise<ReaderSettings> {
  return loadSettings(backend);
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  backend = fakeBackend();
  requested = [];
  removed = [];
  downloads = [];
  grantAll = true;
  confirmAnswer = true;
  boundShortcut = 'Alt+Shift+L';
  shortcutPagesOpened = 0;
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('options page: lenses', () => {
  it('shows the built-in lens as an editable copy, selected and active', async () => {
    await mount();
    expect($<HTMLInputElement>('#lens-name').value).toBe(DEFAULT_LENSES[0]!.name);
    expect(container.textContent).toContain('built-in');
    const firstTermVariants = $<HTMLTextAreaElement>('#lens-editor-t0-variants').value.split('\n');
    expect(firstTermVariants).toEqual(DEFAULT_LENSES[0]!.terms[0]!.variants);
  });

  it('saves a new lens with a term typed into the editor', async () => {
    await mount();
    await click(button('New lens'));
    await type($<HTMLInputElement>('#lens-name'), 'Co-production');
    await type($<HTMLInputElement>('#lens-editor-t0-label'), 'co-production');
    await type($<HTMLTextAreaElement>('#lens-editor-t0-variants'), 'co-production\ncoproduced\n');
    await vi.waitFor(async () => {
      const s = await saved();
      const lens = s.lenses.find((l) => l.name === 'Co-production');
      expect(lens?.terms[0]).toMatchObject({ label: 'co-production', variants: ['co-production', 'coproduced'], expectDefinition: true });
      expect(s.activeLensIds).toContain(lens!.id);
    });
    // The id follows the name the reader gave the new lens.
    expect((await saved()).lenses.map((l) => l.id)).toContain('co-production');
    // The textarea keeps the line the reader just started.
    expect($<HTMLTextAreaElement>('#lens-editor-t0-variants').value).toBe('co-production\ncoproduced\n');
  });

  it('keeps an invalid lens out of storage and says why, next to the term', async () => {
    await mount();
    await click(button('New lens'));
    await type($<HTMLInputElement>('#lens-name'), 'Recovery');
    await vi.waitFor(() => expect($('.status').textContent).toMatch(/“Recovery” has problems and is not saved/));
    expect(container.querySelector('#lens-editor-t0-problems')?.textContent).toMatch(/variants: must be a non-empty list/);
    expect((await saved()).lenses.some((l) => l.name === 'Recovery')).toBe(false);
    await type($<HTMLInputElement>('#lens-editor-t0-label'), 'recovery');
    await type($<HTMLTextAreaElement>('#lens-editor-t0-variants'), 'recover*');
    await vi.waitFor(async () => expect((await saved()).lenses.find((l) => l.id === 'recovery')?.terms[0]!.variants).toEqual(['recover*']));
  });

  it('adds senses with cue words and a definition expectation', async () => {
    await mount();
    await click(button('New lens'));
    await type($<HTMLInputElement>('#lens-name'), 'Wellbeing');
    await type($<HTMLInputElement>('#lens-editor-t0-label'), 'wellbeing');
    await type($<HTMLTextAreaElement>('#lens-editor-t0-variants'), 'wellbeing\nwell-being');
    await click($<HTMLInputElement>('#lens-editor-t0-label').closest('fieldset')!.querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await click(button('Add a sense'));
    await type($<HTMLInputElement>('#lens-editor-t0-s0-label'), 'mental');
    await type($<HTMLTextAreaElement>('#lens-editor-t0-s0-cues'), 'mental\npsychological');
    await vi.waitFor(async () => {
      const term = (await saved()).lenses.find((l) => l.id === 'wellbeing')?.terms[0];
      expect(term).toMatchObject({ expectDefinition: false, senses: [{ id: 'mental', label: 'mental', cues: ['mental', 'psychological'] }] });
    });
  });

  it('activates, deactivates, duplicates and deletes (after confirming) lenses', async () => {
    await saveSettings({ ...(await loadSettings(backend)), lenses: [...(await loadSettings(backend)).lenses, coProductionLens()] }, backend);
    await mount();
    const toggle = () => $<HTMLInputElement>('.lens-list li:nth-child(2) input[type=checkbox]');
    await click(toggle());
    await vi.waitFor(async () => expect((await saved()).activeLensIds).toContain('co-production'));
    await click(toggle());
    await vi.waitFor(async () => expect((await saved()).activeLensIds).not.toContain('co-production'));

    await click(button(/Co-production/));
    await click(button('Duplicate'));
    await vi.waitFor(async () => expect((await saved()).lenses.map((l) => l.id)).toContain('co-production-copy'));
    expect((await saved()).activeLensIds).not.toContain('co-production-copy');

    confirmAnswer = false;
    await click(button('Delete lens'));
    expect((await saved()).lenses.map((l) => l.id)).toContain('co-production-copy');
    confirmAnswer = true;
    await click(button('Delete lens'));
    await vi.waitFor(async () => expect((await saved()).lenses.map((l) => l.id)).not.toContain('co-production-copy'));
  });

  it('resets the edited built-in lens to default', async () => {
    await mount();
    await type($<HTMLInputElement>('#lens-name'), 'My peer lens');
    await vi.waitFor(async () => expect((await saved()).lenses[0]!.name).toBe('My peer lens'));
    await click(button('Reset to default'));
    await vi.waitFor(async () => expect((await saved()).lenses[0]!.name).toBe(DEFAULT_LENSES[0]!.name));
    expect($<HTMLInputElement>('#lens-name').value).toBe(DEFAULT_LENSES[0]!.name);
  });
});

describe('options page: import and export', () => {
  it('imports a pasted lens and makes it active', async () => {
    await mount();
    await type($<HTMLTextAreaElement>('#import-text'), exportJson([coProductionLens()]));
    await click(button('Import pasted JSON'));
    expect(container.textContent).toContain('Imported: added “Co-production” (active)');
    await vi.waitFor(async () => expect((await saved()).lenses.find((l) => l.id === 'co-production')).toEqual(coProductionLens()));
  });

  it('shows the precise problem of an invalid import and changes nothing', async () => {
    await mount();
    const before = JSON.stringify(await saved());
    const bad = coProductionLens();
    (bad.terms[1] as { variants: unknown }).variants = 'participatory';
    await type($<HTMLTextAreaElement>('#import-text'), JSON.stringify({ lenses: [bad] }));
    await click(button('Import pasted JSON'));
    const alert = $('[role=alert]');
    expect(alert.textContent).toContain('Nothing was imported');
    expect(alert.textContent).toContain('lenses[0].terms[1].variants: must be a non-empty list of words or phrases');

    await type($<HTMLTextAreaElement>('#import-text'), '{"lenses": [');
    await click(button('Import pasted JSON'));
    expect($('[role=alert]').textContent).toMatch(/not valid JSON/);
    expect(JSON.stringify(await saved())).toBe(before);
    expect(container.textContent).not.toContain('Co-production');
  });

  it('exports lenses as a file the import reads back', async () => {
    await mount();
    await click(button('Export all lenses'));
    expect(downloads[0]!.name).toBe('critical-reader-lenses.json');
    const data = JSON.parse(downloads[0]!.text) as { lenses: { id: string; builtIn?: boolean }[] };
    expect(data.lenses.map((l) => l.id)).toEqual(DEFAULT_LENSES.map((l) => l.id));
    expect(data.lenses.every((l) => l.builtIn === undefined)).toBe(true);
  });
});

describe('options page: colours and sites', () => {
  it('shows the contrast of a chosen colour and saves it', async () => {
    await mount();
    const picker = $<HTMLInputElement>('#colour-term-light');
    await type(picker, '#333333');
    expect($('#colour-term-light-contrast').textContent).toMatch(/below 4\.5:1/);
    await vi.waitFor(async () => expect((await saved()).colours.term.light).toBe('#333333'));
    await click(button('Reset colours to default'));
    expect($('#colour-term-light-contrast').textContent).toMatch(/^✓ Text on light pages/);
  });

  it('shows the shortcut the browser bound, and says where to set one when it bound none', async () => {
    await mount();
    await vi.waitFor(() => expect($('.shortcut kbd').textContent).toBe('Alt+Shift+L'));
    render(null, container);
    boundShortcut = null;
    await mount();
    await vi.waitFor(() => expect($('.shortcut .warn').textContent).toMatch(/No keyboard shortcut is set.*Alt\+Shift\+L.*chrome:\/\/extensions\/shortcuts/s));
    await act(async () => $<HTMLButtonElement>('[data-action="shortcut-settings"]').click());
    expect(shortcutPagesOpened).toBe(1);
  });

  it('asks permission for that one site only, and gives it back on removal', async () => {
    await mount();
    await type($<HTMLInputElement>('#auto-scan-input'), 'https://journals.example.org/doi/10.1/abc');
    await act(async () => {
      $<HTMLFormElement>('.inline-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(requested).toEqual([['https://journals.example.org/*']]);
    await vi.waitFor(async () => expect((await saved()).autoScanOrigins).toEqual(['https://journals.example.org']));
    await click(button('Remove'));
    expect(removed).toEqual([['https://journals.example.org/*']]);
    await vi.waitFor(async () => expect((await saved()).autoScanOrigins).toEqual([]));
  });

  it('does not add a site whose permission was refused, or an invalid one', async () => {
    await mount();
    grantAll = false;
    const submit = async (value: string) => {
      await type($<HTMLInputElement>('#auto-scan-input'), value);
      await act(async () => {
        $<HTMLFormElement>('.inline-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
    };
    await submit('journals.example.org');
    await vi.waitFor(() => expect($('#auto-scan-message').textContent).toMatch(/not granted/));
    await submit('*.example.org');
    expect($('#auto-scan-message').textContent).toMatch(/Wildcards/);
    expect(requested).toHaveLength(1);
    expect((await saved()).autoScanOrigins).toEqual([]);
  });
});
