/**
 * What the sidebar's frame needs only to show the sidebar: preact and the panels, the notes, the
 * reader's settings and sidebar preferences. The frame loads it while the paper is analysed
 * (./frame.ts), so that its first script is small and answers the page sooner.
 */
export { mountSidebar } from './mount';
export { NotesStore } from '../shared/notes-store';
export { activeLenses, activeLensesKey } from '../shared/reader-settings';
export { loadSettings, onSettingsChanged } from '../shared/settings-store';
export { loadSidebarPrefs, rememberedSidebarProps, updateSidebarPrefs } from '../shared/sidebar-prefs';
