/**
 * Where the content scripts keep the open sidebar between injections. Symbol keys, because a page
 * can put any name on `window` from its markup: an element with id="__criticalReader" shows up as
 * `window.__criticalReader` in every world (named access), and once stopped the sidebar opening.
 * A symbol cannot be named by markup.
 */
export const SIDEBAR_KEY = Symbol.for('critical-reader.sidebar');
export const LOADING_KEY = Symbol.for('critical-reader.loading');
/**
 * Set by the background just before it injects the loader for the reader's own action (toolbar,
 * shortcut, context menu), so the sidebar then takes the keyboard focus. A sidebar opened by
 * automatic scanning leaves the focus where the reader has it.
 */
export const READER_ACTION_KEY = Symbol.for('critical-reader.reader-action');
/**
 * The sidebar's width as the reader left it, put there by the background with the reader's
 * action: read from storage by the page, it held the sidebar up ~40 ms.
 */
export const SIDEBAR_WIDTH_KEY = Symbol.for('critical-reader.sidebar-width');

export interface ReaderGlobal {
  [SIDEBAR_KEY]?: { toggle(): void };
  [LOADING_KEY]?: boolean;
  [READER_ACTION_KEY]?: boolean;
  [SIDEBAR_WIDTH_KEY]?: number;
}

/** Reads a value the background left for the sidebar, and removes it: each one is for one opening. */
export function takeGlobal<K extends typeof READER_ACTION_KEY | typeof SIDEBAR_WIDTH_KEY>(key: K): ReaderGlobal[K] {
  const g = globalThis as unknown as ReaderGlobal;
  const value = g[key];
  delete g[key];
  return value;
}
