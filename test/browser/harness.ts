/**
 * Real-Chromium harness for the extension: builds dist/chrome when stale, loads it into a
 * persistent playwright-core context, serves test pages from 127.0.0.1, and drives the
 * background through its service worker.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

/** The folder with the extension's manifest, above this file (also when bundled into dist/bench). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'manifest.json')) || !existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('test harness: project root not found');
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();
export const DIST_CHROME = join(PROJECT_ROOT, 'dist/chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT_DIR = join(PROJECT_ROOT, 'test-output');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

/** Builds the extension unless dist/chrome is newer than every source it is made from. */
/**
 * Flags for Debian's Chromium with one unpacked extension. The network flags matter: without them
 * Chromium's background services try (and fail) to reach the outside on this closed network.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export function ensureBuilt(): void {
  const sources = ['src', 'public', 'manifest.json', 'vite.config.ts', 'scripts/build-extension.mjs', 'package.json'];
  const newestSource = Math.max(...sources.map((s) => newestMtime(join(PROJECT_ROOT, s))));
  const built = existsSync(join(DIST_CHROME, 'manifest.json')) ? statSync(join(DIST_CHROME, 'manifest.json')).mtimeMs : 0;
  if (built > newestSource) return;
  // Test files run in parallel workers: one builds, the others wait for it.
  const lock = join(PROJECT_ROOT, 'dist/.build-lock');
  mkdirSync(join(PROJECT_ROOT, 'dist'), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 120_000;
    while (existsSync(lock) && Date.now() < until) execFileSync('sleep', ['0.2']);
    return;
  }
  try {
    execFileSync(process.execPath, ['scripts/build-extension.mjs'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A copy of dist/chrome that already holds the host permission for the test server, as if the
 * reader had granted the optional per-site permission (playwright cannot click the toolbar, so
 * activeTab is never granted in tests). Nothing else differs from the shipped build.
 */
export function testExtensionCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cr-ext-'));
  cpSync(DIST_CHROME, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  // localhost too: the same paper on a second origin (notes written on one are held back on the other).
  manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export interface TestServer {
  origin: string;
  /** Registers an in-memory page at `path`. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

/** Serves registered pages and files under the given roots (`/fixtures/…`, `/corpus/…`). */
export async function startServer(roots: Record<string, string>): Promise<TestServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inline = pages.get(path);
    if (inline !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(inline);
      return;
    }
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!path.startsWith(prefix + '/')) continue;
      const file = resolve(dir, '.' + path.slice(prefix.length));
      if (file.startsWith(resolve(dir)) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  ensureBuilt();
  const extDir = testExtensionCopy();
  const profile = mkdtempSync(join(tmpdir(), 'cr-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: chromiumArgs(extDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(extDir, { recursive: true, force: true });
    },
  };
}

/**
 * Toggles the sidebar on the page's tab, as the toolbar button would. Several tabs may show the
 * same URL, so the tab is recognised by a token put in its `window.name` (shared by all worlds).
 * Returns when, on the machine's clock, the background started on it (finding the tab not counted):
 * the benchmark times the click from there.
 */
export async function toggleSidebar(ext: ExtensionBrowser, page: Page): Promise<number> {
  const token = `cr-tab-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((t) => {
    window.name = t;
  }, token);
  const result = await ext.worker.evaluate(
    async ({ pageUrl, token }: { pageUrl: string; token: string }) => {
      const g = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> };
        };
        criticalReader: { toggleSidebar(id?: number): Promise<{ ok: boolean; error?: string }> };
      };
      const tabs = (await g.chrome.tabs.query({})).filter((t) => t.url === pageUrl && t.id !== undefined);
      for (const tab of tabs) {
        const [r] = await g.chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => window.name });
        if (r?.result !== token) continue;
        const clickedAt = performance.timeOrigin + performance.now();
        return { ...(await g.criticalReader.toggleSidebar(tab.id)), clickedAt };
      }
      return { ok: false, error: `no tab for ${pageUrl}`, clickedAt: NaN };
    },
    { pageUrl: page.url(), token },
  );
  if (!result.ok) throw new Error(`toggle failed: ${result.error}`);
  return result.clickedAt;
}

/**
 * The extension's service worker as Chrome's own ServiceWorker domain reports it (through `page`'s
 * DevTools session): `stop()` stops it, as Chrome does after ~30 s idle, and waits until it has;
 * `starts` counts the times it started again since. After a stop, `ext.worker` is no longer usable.
 */
export async function watchBackground(ext: ExtensionBrowser, page: Page) {
  const cdp = await ext.context.newCDPSession(page);
  let status = 'unknown';
  let starts = 0;
  const changed = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`) || v.runningStatus === status) continue;
      if (v.runningStatus === 'starting') starts++;
      status = v.runningStatus;
      for (const f of changed) f();
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    get status() {
      return status;
    },
    get starts() {
      return starts;
    },
    async stop(): Promise<void> {
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the background did not stop (status: ${status})`)), 10_000);
        const check = () => {
          if (status !== 'stopped') return;
          clearTimeout(timer);
          changed.delete(check);
          resolve();
        };
        changed.add(check);
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      starts = 0;
    },
    detach: () => cdp.detach(),
  };
}

/**
 * The toolbar's click for a background that may be asleep: the same `toggle-sidebar` message the
 * click leads to, sent from `extensionPage` (any page of the extension), which wakes the worker as
 * the click would. Returns when it was sent, on the machine's clock.
 */
export async function toggleFromExtensionPage(extensionPage: Page, page: Page): Promise<number> {
  return extensionPage.evaluate(async (pageUrl) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
    if (tab?.id === undefined) throw new Error(`no tab for ${pageUrl}`);
    const at = performance.timeOrigin + performance.now();
    void chrome.runtime.sendMessage({ type: 'toggle-sidebar', tabId: tab.id });
    return at;
  }, page.url());
}

/**
 * Run in the page (playwright's or puppeteer's `page.evaluate`): selects the first 40 characters
 * of running text in the first long paragraph, as a reader would before "Add note", and returns them.
 */
export function selectRunningText(): string {
  const para = [...document.querySelectorAll('p')].find((el) => (el.textContent ?? '').trim().length > 200)!;
  const text = [...para.childNodes].find((n): n is Text => n.nodeType === 3 && (n as Text).data.trim().length > 60)!;
  const start = text.data.search(/\S/);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + 40);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return range.toString();
}

/** Opens the sidebar and waits until it shows the analysis. */
export async function openSidebar(ext: ExtensionBrowser, page: Page): Promise<void> {
  await toggleSidebar(ext, page);
  await sidebarHost(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
  await sidebar(page).locator('.sidebar').first().waitFor();
}

/**
 * Inside the sidebar: an extension page in a frame (in a closed shadow root, so found among the
 * page's frames, as the browser knows them). Open the sidebar first.
 */
export function sidebar(page: Page): Frame {
  const frame = page.frames().find((f) => !f.isDetached() && f.url().includes('/sidebar/frame.html'));
  if (!frame) throw new Error('the sidebar frame is not open on this page');
  return frame;
}

/** The sidebar's element in the page (its place, width and state; not its contents). */
export function sidebarHost(page: Page) {
  return page.locator('critical-reader-sidebar');
}
