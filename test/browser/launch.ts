/**
 * Launching the real browser with the built extension for browser tests (playwright-core with the
 * system Chromium; no browser download). dist/chrome is (re)built when stale, through the shared
 * harness's `ensureBuilt()`; `CR_EXTENSION_DIR` points the tests at another build instead.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, CHROMIUM, ensureBuilt } from './harness';

export { CHROMIUM };
export const EXTENSION_DIR = resolve(process.env.CR_EXTENSION_DIR ?? 'dist/chrome');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(options: { extensionDir?: string; downloadsDir?: string } = {}): Promise<LaunchedExtension> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!options.extensionDir && !process.env.CR_EXTENSION_DIR) ensureBuilt();
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` first (or set CR_EXTENSION_DIR).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
  const profile = mkdtempSync(join(tmpdir(), 'cr-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    ...(options.downloadsDir ? { downloadsPath: options.downloadsDir } : {}),
    args: chromiumArgs(dir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
