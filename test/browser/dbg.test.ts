import { it } from 'vitest';
import { launchWithExtension, openSidebar, sidebar, startServer, toggleSidebar } from './harness';
it('dbg', async () => {
  const server = await startServer({ '/fixtures': '/work/main/test/fixtures/publishers' });
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    page.on('console', (m) => console.log('console:', m.text()));
    page.on('pageerror', (m) => console.log('pageerror:', m.message));
    await page.goto(server.origin + '/fixtures/cambridge.html');
    await openSidebar(ext, page);
    const quote = await page.evaluate(() => {
      for (const para of Array.from(document.querySelectorAll('p'))) {
        const node = Array.from(para.childNodes).find((n) => n.nodeType === 3 && (n.textContent ?? '').trim().length > 60) as Text | undefined;
        if (!node) continue;
        const start = node.data.search(/\S/);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + 40);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return range.toString() + ' || ' + para.outerHTML.slice(0, 300);
      }
      return null;
    });
    console.log('quote', quote);
    await sidebar(page).locator('[role="tab"]', { hasText: 'Notes' }).click();
    await sidebar(page).locator('[data-action="add-note"]').click();
    console.log('form', await sidebar(page).locator('form.note-form').count());
    await sidebar(page).locator('form.note-form textarea').fill('x');
    await sidebar(page).locator('form.note-form button[type="submit"]').click();
    await page.waitForTimeout(1000);
    const stored = await ext.worker.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
    console.log(JSON.stringify(stored).slice(0, 800));
    const page2 = await ext.context.newPage();
    page2.on('console', (m) => console.log('console2:', m.text()));
    page2.on('pageerror', (m) => console.log('pageerror2:', m.message));
    await page2.goto(server.origin + '/fixtures/cambridge.html');
    await toggleSidebar(ext, page2);
    await page2.waitForTimeout(8000);
    console.log('state2', await sidebar(page2).getAttribute('data-state'), await sidebar(page2).textContent());
  } finally { await ext.close(); await server.close(); }
}, 200000);
