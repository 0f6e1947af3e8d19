/**
 * Automated accessibility audit (axe-core, WCAG 2.x A and AA rules) of what the extension draws, in
 * real Chromium with the built extension: the sidebar on a publisher page (its own frame only,
 * not the page's markup), the options page, and the PDF viewer with a critique open. The
 * bar: no serious or critical violation.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, type ViewerFixtures } from '../viewer/make-fixtures';
import { launchWithExtension, openSidebar, PROJECT_ROOT, sidebar, startServer, type ExtensionBrowser, type TestServer } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 180_000;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; html: string }[];
}

let ext: ExtensionBrowser;
let server: TestServer;
let dir: string;
let fx: ViewerFixtures;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cr-a11y-'));
  fx = await makeFixtures(dir);
  server = await startServer({ '/examples': join(PROJECT_ROOT, 'examples') });
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Serious and critical violations in the elements `include` selects (with their shadow trees). */
async function seriousViolations(page: Page | Frame, include: string): Promise<string[]> {
  // Evaluated, not added as a <script>: extension pages' CSP allows no inline script.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (context) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ include: [context] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  }, include);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 120)).join(' | ')}`);
}

async function eachTab(page: Page, inside: (page: Page) => Pick<Locator, 'locator'>, audit: () => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  const tabs = await inside(page).locator('[role="tab"]').allTextContents();
  for (const label of tabs) {
    await inside(page).locator('[role="tab"]', { hasText: label }).first().click();
    found.push(...(await audit()).map((v) => `[${label}] ${v}`));
  }
  return found;
}

describe('accessibility (axe-core)', () => {
  it('the sidebar on a publisher page, every tab, light and dark', { timeout: TIMEOUT }, async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/examples/digital-peer-support-meta-analysis.html`);
    await openSidebar(ext, page);
    // The sidebar is an extension page in a frame: audited is that page, not the publisher's markup.
    const frame = sidebar(page);
    const audit = () => seriousViolations(frame, 'body');
    // The audit does see the sidebar's controls: one with no name is reported.
    await frame.evaluate(() => document.querySelector('.sidebar')!.append(Object.assign(document.createElement('button'), { id: 'unnamed' })));
    expect((await audit()).join()).toMatch(/critical button-name/);
    await frame.evaluate(() => document.getElementById('unnamed')!.remove());
    expect(await eachTab(page, sidebar, audit)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await eachTab(page, sidebar, audit)).toEqual([]);
    await page.close();
  });

  it('the options page', { timeout: TIMEOUT }, async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    await page.locator('#lens-name').waitFor();
    expect(await seriousViolations(page, 'body')).toEqual([]);
    await page.close();
  });

  it('the PDF viewer with a critique open, every tab; at 1400 px no tab is clipped out of reach', { timeout: TIMEOUT }, async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/viewer/viewer.html`);
    expect(await seriousViolations(page, 'body')).toEqual([]);
    await page.setInputFiles('#file-input', fx.paper);
    await page.waitForFunction(() => document.body.dataset.state === 'analysed', undefined, { timeout: 60_000 });
    await page.locator('.page[data-page-number="1"] .textLayer span').first().waitFor();
    // The pages themselves (pdf.js's canvas and text layer) are the PDF's content: audited are our toolbar and sidebar.
    expect(await seriousViolations(page, '#toolbar')).toEqual([]);
    expect(await eachTab(page, (p) => p.locator('#sidebar'), () => seriousViolations(page, '#sidebar'))).toEqual([]);

    // At 1400 px the tab row does not clip a tab out of reach: each one, when selected from the
    // keyboard, lies wholly inside the row (which scrolls when the tabs do not fit).
    await page.setViewportSize({ width: 1400, height: 900 });
    const sidebar = page.locator('#sidebar');
    await sidebar.locator('[role="tab"]').first().click();
    await page.keyboard.press('Home');
    const labels = await sidebar.locator('[role="tab"]').allTextContents();
    for (const label of labels) {
      const inside = await sidebar.locator('[role="tab"][aria-selected="true"]').evaluate((tab) => {
        const row = tab.parentElement!.getBoundingClientRect();
        const r = tab.getBoundingClientRect();
        return { label: tab.textContent, inside: r.left >= row.left - 1 && r.right <= row.right + 1 };
      });
      expect(inside).toEqual({ label, inside: true });
      await page.keyboard.press('ArrowRight');
    }
    await page.close();
  });
});
