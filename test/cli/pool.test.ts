import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseFiles, defaultJobs } from '../../src/cli/pool';

/**
 * A worker body standing in for the built CLI: it answers every file with a fixed line, except
 * that it dies (an uncaught error, as an out-of-memory or a stack overflow would) on "poison".
 */
function crashingWorker(): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'cr-pool-')), 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.file.endsWith('poison')) setTimeout(() => { throw new Error('worker died'); });
  else parentPort.postMessage({ file: job.file, ok: false, message: 'seen by a worker' });
});
`,
  );
  return pathToFileURL(file);
}

describe('batch runs over worker threads', () => {
  it("reports a file whose worker crashed as that file's failure, keeps input order and finishes every other file", async () => {
    const files = ['a.html', 'b.html', 'poison', 'c.html', 'd.html', 'e.html'];
    const results = await analyseFiles(files.map((file) => ({ file })), { jobs: 2, workerScript: crashingWorker() });
    expect(results.map((r) => r.file)).toEqual(files);
    const poison = results[2]!;
    expect(poison.ok).toBe(false);
    // Reported, not run again on the coordinating thread (which could crash the whole batch).
    expect(poison.ok === false && poison.message).toBe('could not be analysed (worker died)');
    for (const r of results.filter((r) => r.file !== 'poison')) expect(r.ok === false && r.message).toBe('seen by a worker');
  });

  it('runs one lane on a two-core machine and leaves a core free on larger ones', () => {
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(2)).toBe(1);
    expect(defaultJobs(8)).toBe(7);
  });
});
