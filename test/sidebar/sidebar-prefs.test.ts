/** The reader's sidebar preferences: several changes at once all kept; damaged values read as defaults. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIDEBAR_PREFS, loadSidebarPrefs, updateSidebarPrefs } from '../../src/shared/sidebar-prefs';
import { memoryStorage } from '../../src/shared/storage';

describe('sidebar preferences', () => {
  it('keeps every change made at the same moment (width while dragging, a category switched off, front matter)', async () => {
    const storage = memoryStorage();
    await Promise.all([
      updateSidebarPrefs({ width: 500 }, storage),
      updateSidebarPrefs({ hiddenCategories: ['term'] }, storage),
      updateSidebarPrefs({ frontMatter: true }, storage),
      updateSidebarPrefs({ width: 520 }, storage),
    ]);
    expect(await loadSidebarPrefs(storage)).toEqual({ width: 520, hiddenCategories: ['term'], frontMatter: true });
  });

  it('reads damaged or unknown values as the defaults', async () => {
    const storage = memoryStorage();
    await storage.set('sidebarPrefs', { width: 'wide', hiddenCategories: ['term', 'nonsense', 3], frontMatter: 'yes' });
    expect(await loadSidebarPrefs(storage)).toEqual({ ...DEFAULT_SIDEBAR_PREFS, hiddenCategories: ['term'] });
  });
});
