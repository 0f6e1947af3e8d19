/**
 * The extension API object, without webextension-polyfill at runtime: Firefox has a promise-based
 * `browser`, Chrome MV3 returns promises from `chrome.*` too. Skipping the polyfill keeps the
 * first-load content script tiny. Returns null outside an extension (unit tests, the CLI).
 */
import type Browser from 'webextension-polyfill';

export type ExtensionApi = Browser.Browser;

export function extensionApi(): ExtensionApi | null {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = g.browser ?? g.chrome;
  return api && api.runtime && typeof api.runtime.sendMessage === 'function' ? api : null;
}
