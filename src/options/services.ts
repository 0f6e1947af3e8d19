/**
 * What the options page needs from the outside world, as one object: the real extension APIs
 * in the page, fakes in component tests (so tests can check what was saved and requested).
 */
import { extensionApi } from '../shared/browser';
import { loadSettings, onSettingsChanged, saveSettings, type SaveResult } from '../shared/settings-store';
import { type ReaderSettings } from '../shared/reader-settings';
import type { ExtensionApi } from '../shared/browser';

/** The manifest's command that toggles the sidebar. */
export const TOGGLE_COMMAND = 'toggle-sidebar';

function suggestedShortcut(api: ExtensionApi | null): string {
  const commands = api?.runtime.getManifest().commands as Record<string, { suggested_key?: { default?: string } }> | undefined;
  return commands?.[TOGGLE_COMMAND]?.suggested_key?.default ?? 'none';
}

function isFirefox(api: ExtensionApi | null): boolean {
  return Boolean(api?.runtime.getURL('').startsWith('moz-extension:'));
}

export interface OptionsServices {
  load(): Promise<ReaderSettings>;
  save(settings: ReaderSettings): Promise<SaveResult>;
  onChanged(listener: (settings: ReaderSettings) => void): () => void;
  permissions: {
    /** Must be called straight from a click handler: browsers only ask during a user gesture. */
    request(origins: string[]): Promise<boolean>;
    remove(origins: string[]): Promise<boolean>;
    contains(origins: string[]): Promise<boolean>;
  };
  /** The toggle-sidebar keyboard shortcut. */
  shortcuts: {
    /** The key the browser bound (e.g. "Alt+Shift+L"), or null when none is. */
    current(): Promise<string | null>;
    /** The key the manifest suggests. */
    suggested: string;
    /** Where the browser lets the reader set shortcuts, as text (the page cannot link there). */
    settingsPage: string;
    openSettings(): Promise<void>;
  };
  download(fileName: string, text: string): void;
  confirm(message: string): boolean;
  /** Delay between the last edit and saving (sync allows few writes a minute). */
  saveDelayMs: number;
}

export function extensionServices(): OptionsServices {
  const api = extensionApi();
  return {
    load: () => loadSettings(),
    save: (s) => saveSettings(s),
    onChanged: (l) => onSettingsChanged(l),
    permissions: {
      request: async (origins) => (api ? api.permissions.request({ origins }) : false),
      remove: async (origins) => (api ? api.permissions.remove({ origins }) : false),
      contains: async (origins) => (api ? api.permissions.contains({ origins }) : false),
    },
    shortcuts: {
      async current() {
        const all = api ? await api.commands.getAll() : [];
        return all.find((c) => c.name === TOGGLE_COMMAND)?.shortcut || null;
      },
      suggested: suggestedShortcut(api),
      settingsPage: isFirefox(api) ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts',
      async openSettings() {
        if (!api) return;
        const commands = api.commands as typeof api.commands & { openShortcutSettings?: () => Promise<void> };
        // Firefox opens its own page; Chrome lets an extension open chrome://extensions/shortcuts in a tab.
        if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
        else await api.tabs.create({ url: 'chrome://extensions/shortcuts' });
      },
    },
    download(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    confirm: (message) => window.confirm(message),
    saveDelayMs: 400,
  };
}
