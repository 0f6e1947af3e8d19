/**
 * How the reader left the sidebar (its width, the highlight categories switched off, front matter
 * in Markdown exports), kept in storage.local on this machine only. The reader's real settings
 * (lenses, colours, auto-scan sites) live in ./reader-settings.ts.
 */
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from './highlight-category';
import { getStorage, type KeyValueStorage } from './storage';

export interface SidebarPrefs {
  /** Sidebar width in CSS pixels. */
  width: number;
  /** Highlight categories the reader switched off in the sidebar. */
  hiddenCategories: HighlightCategory[];
  /** Markdown exports start with YAML front matter. */
  frontMatter: boolean;
}

export const DEFAULT_SIDEBAR_PREFS: SidebarPrefs = { width: 420, hiddenCategories: [], frontMatter: false };

/** The storage.local key they are kept under. */
export const SIDEBAR_PREFS_KEY = 'sidebarPrefs';

export async function loadSidebarPrefs(storage: KeyValueStorage = getStorage()): Promise<SidebarPrefs> {
  const stored = (await storage.get<Partial<SidebarPrefs>>(SIDEBAR_PREFS_KEY)) ?? {};
  const width = typeof stored.width === 'number' && Number.isFinite(stored.width) ? stored.width : DEFAULT_SIDEBAR_PREFS.width;
  const known = new Set<string>(HIGHLIGHT_CATEGORIES);
  const hiddenCategories = Array.isArray(stored.hiddenCategories) ? stored.hiddenCategories.filter((c): c is HighlightCategory => known.has(c)) : [];
  return { width, hiddenCategories, frontMatter: stored.frontMatter === true };
}

/**
 * The sidebar props that start from the reader's preferences and keep their changes (highlight
 * categories switched off, front matter in Markdown exports): the same for pages and the viewer.
 */
export function rememberedSidebarProps(prefs: SidebarPrefs) {
  return {
    initialHidden: prefs.hiddenCategories,
    onHiddenChange: (hiddenCategories: HighlightCategory[]) => void updateSidebarPrefs({ hiddenCategories }),
    initialFrontMatter: prefs.frontMatter,
    onFrontMatterChange: (frontMatter: boolean) => void updateSidebarPrefs({ frontMatter }),
  };
}

/** Updates of this page, one after another: two at once (a drag and a toggle) must not lose either. */
let queue: Promise<void> = Promise.resolve();

/** Changes some preferences, keeping the others as stored. */
export function updateSidebarPrefs(patch: Partial<SidebarPrefs>, storage: KeyValueStorage = getStorage()): Promise<void> {
  const next = queue.then(async () => {
    const current = await loadSidebarPrefs(storage);
    await storage.set(SIDEBAR_PREFS_KEY, { ...current, ...patch });
  });
  queue = next.catch(() => undefined);
  return next;
}
