import { describe, expect, it } from 'vitest';
import { AUTO_SCAN_SCRIPT_ID, applyAutoScan, grantedPatterns, type AutoScanApi } from '../../src/background/auto-scan';
import { defaultSettings } from '../../src/shared/reader-settings';

/** A stand-in for permissions + scripting that records what is registered. */
function fakeApi(granted: string[]) {
  const registered = new Map<string, { id: string; matches: string[]; js: string[] }>();
  const api: AutoScanApi = {
    permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) => ids.flatMap((id) => (registered.has(id) ? [registered.get(id)!] : [])),
      registerContentScripts: async (scripts) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      unregisterContentScripts: async ({ ids }) => ids.forEach((id) => registered.delete(id)),
    },
  };
  return { api, registered };
}

describe('automatic scanning', () => {
  it('registers the first-load script only for listed sites whose permission is granted', async () => {
    const { api, registered } = fakeApi(['https://journals.example.org/*']);
    const settings = { ...defaultSettings(), autoScanOrigins: ['https://journals.example.org', 'https://not-granted.example.org'] };
    await applyAutoScan(await grantedPatterns(settings, api), api);
    expect(registered.get(AUTO_SCAN_SCRIPT_ID)).toMatchObject({ matches: ['https://journals.example.org/*'], js: ['content.js'] });
  });

  it('follows the list as sites are added and removed, and unregisters when none is left', async () => {
    const { api, registered } = fakeApi(['https://a.example.org/*', 'https://b.example.org/*']);
    const s = defaultSettings();
    s.autoScanOrigins = ['https://a.example.org'];
    await applyAutoScan(await grantedPatterns(s, api), api);
    s.autoScanOrigins = ['https://a.example.org', 'https://b.example.org'];
    await applyAutoScan(await grantedPatterns(s, api), api);
    expect(registered.get(AUTO_SCAN_SCRIPT_ID)!.matches.sort()).toEqual(['https://a.example.org/*', 'https://b.example.org/*']);
    // Running again with nothing changed must not fail on the existing id.
    await applyAutoScan(await grantedPatterns(s, api), api);
    s.autoScanOrigins = [];
    await applyAutoScan(await grantedPatterns(s, api), api);
    expect(registered.size).toBe(0);
  });
});
