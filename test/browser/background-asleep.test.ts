/**
 * Chrome stops an extension's service worker after ~30 s idle, so a reader's click usually meets
 * a background that is asleep. In real Chromium: the click wakes it and the sidebar shows its
 * findings; and a PDF viewer opened before it fell asleep still gets its critique (the viewer
 * posts the paper straight to the service worker, which wakes for it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, type ViewerFixtures } from '../viewer/make-fixtures';
import { PROJECT_ROOT, launchWithExtension, sidebar, sidebarHost, startServer, toggleFromExtensionPage, watchBackground, type ExtensionBrowser, type TestServer } from './harness';

const TEST_TIMEOUT = 180_000;
let ext: ExtensionBrowser;
let server: TestServer;
let dir: string;
let fx: ViewerFixtures;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-asleep-'));
  fx = await makeFixtures(dir);
  server = await startServer({});
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a background Chrome has put to sleep', () => {
  it('wakes for the click and the sidebar shows the findings', async () => {
    const html = readFileSync(join(PROJECT_ROOT, 'examples/digital-peer-support-meta-analysis.html'), 'utf8');
    const page = await ext.context.newPage();
    await page.goto(server.page('/asleep.html', html));
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    const worker = await watchBackground(ext, page);
    await worker.stop();
    expect(worker.status).toBe('stopped');

    await toggleFromExtensionPage(options, page);
    await sidebarHost(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    expect(worker.starts).toBe(1);
    expect(await sidebarHost(page).getAttribute('data-analysed-in')).toBe('background');
    await expect.poll(() => sidebar(page).locator('[data-finding-id]').count()).toBeGreaterThan(0);
    expect(await sidebar(page).locator('.citation .title').textContent()).toMatch(/peer support/i);
    await worker.detach();
    await options.close();
    await page.close();
  }, TEST_TIMEOUT);

  it('a PDF viewer open from before gets its critique: the paper it posts wakes the background', async () => {
    const viewer = await ext.context.newPage();
    await viewer.goto(`chrome-extension://${ext.extensionId}/viewer/viewer.html`);
    const worker = await watchBackground(ext, viewer);
    await worker.stop();

    await viewer.setInputFiles('#file-input', fx.paper);
    await viewer.waitForFunction(() => document.body.dataset.state === 'analysed', undefined, { timeout: 90_000 });
    expect(worker.starts).toBe(1);
    await expect.poll(() => viewer.locator('#sidebar [data-finding-id]').count()).toBeGreaterThan(0);
    await worker.detach();
    await viewer.close();
  }, TEST_TIMEOUT);
});
