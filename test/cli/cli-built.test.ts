/**
 * The built command (dist/cli/critical-reader.mjs) as a reader runs it: a real Node process,
 * worker threads for batch runs, exit codes.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSlowPdf } from './make-slow-pdf';

const run = promisify(execFile);
const CLI = 'dist/cli/critical-reader.mjs';
const EXAMPLE = 'examples/digital-peer-support-meta-analysis.html';
const TWO_COLUMN_PDF = 'test/fixtures/pdf/peer-support-two-column.pdf';

let folder: string;
/** pdf.js's code cache for these runs: not the cache directory of whoever runs the tests. */
let codeCache: string;
beforeAll(async () => {
  await build({ mode: 'cli', logLevel: 'silent' });
  codeCache = await mkdtemp(join(tmpdir(), 'cr-code-cache-'));
  folder = await mkdtemp(join(tmpdir(), 'cr-batch-'));
  await mkdir(join(folder, 'sub'));
  for (let i = 0; i < 3; i++) await copyFile(EXAMPLE, join(folder, `page-${i}.html`));
  await copyFile(TWO_COLUMN_PDF, join(folder, 'sub', 'paper.pdf'));
  await writeFile(join(folder, 'sub', 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated');
}, 120_000);

async function cli(args: string[], cache = codeCache): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const env = { ...process.env, CRITICAL_READER_CACHE: cache };
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the built command line', () => {
  it('prints the example critique (what `npm start` shows)', async () => {
    const r = await cli([EXAMPLE]);
    expect(r.code).toBe(0);
    for (const finding of ['Definition gap', 'Mixed senses', 'Automated "peers"', 'No publication-date limit', 'Old studies', 'Population mismatch', 'Positionality not reported']) {
      expect(r.stdout).toContain(finding);
    }
  });

  it('stops a file over its time budget (a PDF that inflates to 90 MB), says so, and goes on with the rest', { timeout: 120_000 }, async () => {
    const slow = await mkdtemp(join(tmpdir(), 'cr-slow-'));
    await makeSlowPdf(join(slow, 'a-inflating.pdf'));
    await copyFile(EXAMPLE, join(slow, 'b-page.html'));
    const r = await cli(['--file-timeout', '2', '--csv', slow]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a-inflating\.pdf: stopped after 2 s: the file takes too long to read.*--file-timeout/);
    const rows = r.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('b-page.html');
    expect((await cli(['--file-timeout', 'soon', slow])).stderr).toMatch(/--file-timeout takes seconds/);
  });

  it('gives the same table with worker threads as on one thread, bad files reported in input order', async () => {
    const one = await cli(['-j', '1', '--csv', folder]);
    const two = await cli(['-j', '2', '--csv', folder]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.code).toBe(1);
    expect(one.stdout.trim().split('\r\n')).toHaveLength(1 + 4);
    expect(one.stderr).toMatch(/broken\.pdf: This PDF is damaged or incomplete/);
  });

  it("keeps pdf.js's compiled code between runs without changing a result, and survives a damaged cache", async () => {
    const cache = await mkdtemp(join(tmpdir(), 'cr-code-cache-'));
    // Left by an older pdf.js: removed once this one's cache is written.
    await writeFile(join(cache, 'pdfjs-worker-node20.0.0-x64-0123456789abcdef.bin'), 'stale');
    const uncached = await cli(['--json', TWO_COLUMN_PDF], 'off');
    const first = await cli(['--json', TWO_COLUMN_PDF], cache);
    const files = await readdir(cache);
    expect(files).toHaveLength(2); // pdf.js and its worker code, nothing stale
    expect(files).not.toContain('pdfjs-worker-node20.0.0-x64-0123456789abcdef.bin');
    const second = await cli(['--json', TWO_COLUMN_PDF], cache);
    const withoutGenerator = (out: string) => out.replace(/"generator":\s*"[^"]*"/, '');
    expect(withoutGenerator(first.stdout)).toBe(withoutGenerator(uncached.stdout));
    expect(withoutGenerator(second.stdout)).toBe(withoutGenerator(uncached.stdout));
    // A cache V8 cannot use (here: garbage) is ignored and written anew.
    for (const f of files) await writeFile(join(cache, f), 'not a code cache');
    const damaged = await cli(['--json', TWO_COLUMN_PDF], cache);
    expect(damaged.code).toBe(0);
    expect(withoutGenerator(damaged.stdout)).toBe(withoutGenerator(uncached.stdout));
    for (const f of files) expect((await stat(join(cache, f))).size).toBeGreaterThan(100_000);
    expect((await readFile(join(cache, files[0]!), 'utf8')).startsWith('not a code cache')).toBe(false);
  });

  it('reads a PDF', async () => {
    const r = await cli(['--json', TWO_COLUMN_PDF]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.paper.source).toBe('pdf');
    expect(c.references.count).toBeGreaterThan(3);
    expect(c.terms.find((t: { term: string }) => t.term === 'peer').count).toBeGreaterThan(0);
  });
});
