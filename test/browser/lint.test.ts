/** The Firefox build passes Mozilla's linter (web-ext lint) with no errors, offline. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, ensureBuilt } from './harness';

const run = promisify(execFile);

describe('packaging', () => {
  it('builds per-browser manifests from the one root manifest', () => {
    ensureBuilt();
    const chrome = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist/chrome/manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist/firefox/manifest.json'), 'utf8'));
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('142.0');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // Least privilege: no web host access by default, per-site access only when the reader grants
    // it. Chrome may read local files by address (only once the reader allows file URLs); Firefox
    // never lets extensions do that, so its build does not ask.
    expect(chrome.host_permissions).toEqual(['file:///*']);
    expect(firefox.host_permissions).toBeUndefined();
    for (const m of [chrome, firefox]) {
      expect(m.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(JSON.stringify(m)).not.toContain('<all_urls>');
      // Pages may frame the sidebar page (and nothing else of ours): it is how the sidebar sits
      // beside an article while staying out of the article's scripts' reach.
      expect(m.web_accessible_resources).toEqual([{ resources: ['sidebar/frame.html'], matches: ['https://*/*', 'http://*/*', 'file:///*'] }]);
    }
  });

  it('passes web-ext lint with no errors', async () => {
    ensureBuilt();
    const bin = join(PROJECT_ROOT, 'node_modules/.bin/web-ext');
    const { stdout } = await run(bin, ['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-input'], {
      cwd: PROJECT_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { errors: { code: string; message: string }[]; warnings: unknown[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  }, 180_000);
});
