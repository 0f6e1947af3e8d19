/**
 * What the options page needs from the outside world, as one object: the real extension APIs
 * in the page, fakes in component tests (so tests can check what was saved and requested).
 */
import { extensionApi } from '../shared/browser';
import { loadSettings, onSettingsChanged, saveSettings, type SaveResult } from '../shared/settings-store';
import { type ReaderSettings } from '../shared/reader-settings';

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
