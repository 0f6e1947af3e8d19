/**
 * `npx tsx scripts/screenshot.ts`: the README's screenshot — the built-in example paper with the
 * sidebar open — taken in real Chromium with the built extension. (The dark-mode screenshot is
 * written by test/browser/extension.test.ts to test-output/.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, openSidebar, PROJECT_ROOT, sidebar, startServer } from '../test/browser/harness';

const ext = await launchWithExtension();
const server = await startServer({});
// tsx keeps function names with a `__name` helper that the functions playwright sends to the
// extension's worker and pages would otherwise not find there.
await ext.worker.evaluate('globalThis.__name = (f) => f');
await ext.context.addInitScript('globalThis.__name = (f) => f');
try {
  const url = server.page('/example.html', readFileSync(join(PROJECT_ROOT, 'examples/digital-peer-support-meta-analysis.html'), 'utf8'));
  for (const scheme of ['light'] as const) {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(url);
    await openSidebar(ext, page);
    await page.emulateMedia({ colorScheme: scheme });
    // Open the first finding's evidence so the highlight in the page shows beside it.
    const reveal = sidebar(page).locator('[data-finding-kind="mixed-senses"] button', { hasText: /show in text/i }).first();
    if (await reveal.count()) await reveal.click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(PROJECT_ROOT, 'docs', `sidebar-${scheme}.png`) });
    await page.close();
  }
} finally {
  await server.close();
  await ext.close();
}
