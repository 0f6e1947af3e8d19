/**
 * Batch runs on several cores: a folder's files are spread over `jobs` worker threads, each
 * running `analyseFile`; results come back in input order.
 *
 * The main thread only hands out files and collects results. It must not take files itself:
 * pdf.js's in-thread worker passes its messages as promise callbacks, so reading one PDF is one
 * long run of microtasks during which this thread's event loop never turns. A main thread busy
 * with a PDF therefore hears a worker's "done" only when its own file is done, and every worker
 * ends up waiting for it (measured: two lanes no faster than one).
 */
import { Worker } from 'node:worker_threads';
import { analyseFile, type FileJob, type FileResult } from './analyse-file';

export interface PoolOptions {
  /** How many files at once; 1 runs everything on this thread. */
  jobs: number;
  /** The script a worker runs (the built CLI itself); without it the run is sequential. */
  workerScript?: URL;
  /** Called as each file is done (progress for long folders). */
  onResult?: (result: FileResult, done: number, total: number) => void;
  /**
   * Longest a file may take. A file over it (a PDF built to inflate to gigabytes, say) is reported
   * and its worker stopped, which frees its memory; the run goes on with the next file. Only a
   * worker can be stopped, so with a budget even a single lane runs in a worker thread.
   */
  fileTimeoutMs?: number;
}

/** Default per-file budget of the command line (`--file-timeout`), in seconds. */
export const DEFAULT_FILE_TIMEOUT_S = 120;

/** `--file-timeout S`: seconds per file, 0 for none; the budget in ms, or why the value is refused. */
export function parseFileTimeout(value: string): number | undefined | string {
  const s = Number(value);
  if (!Number.isFinite(s) || s < 0 || s > 86_400) return '--file-timeout takes seconds from 0 (no limit) to 86400';
  return s === 0 ? undefined : Math.round(s * 1000);
}

/** Heap for a worker: a file that needs more is reported, not allowed to take the machine. */
const WORKER_HEAP_MB = 2048;

/**
 * Lanes for a machine with `cores` cores. One lane already keeps more than one core busy: V8
 * compiles and collects garbage on helper threads beside it. On two cores a second lane only
 * fought those helpers (20 ten-page PDFs: 4.2 s on one lane, 4.7–5.5 s on two), so small
 * machines run one lane; larger ones leave a core for the helpers and the coordinating thread.
 */
export function defaultJobs(cores: number): number {
  return cores <= 2 ? 1 : cores - 1;
}

export async function analyseFiles(jobs: FileJob[], options: PoolOptions): Promise<FileResult[]> {
  const threads = Math.min(options.jobs, jobs.length);
  const results = new Array<FileResult>(jobs.length);
  const script = options.workerScript;
  let done = 0;
  const finished = (r: FileResult) => options.onResult?.(r, ++done, jobs.length);
  const budget = options.fileTimeoutMs;
  if (script && (threads > 1 || (budget !== undefined && jobs.length > 0))) {
    let next = 0;
    const runWorker = (): Promise<void> =>
      new Promise<void>((resolve) => {
        const worker = new Worker(script, { workerData: { criticalReaderWorker: true }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
        let current = -1;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let over = false;
        const feed = () => {
          clearTimeout(timer);
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          current = next++;
          worker.postMessage(jobs[current]);
          if (budget !== undefined) timer = setTimeout(overBudget, budget);
        };
        const overBudget = () => {
          over = true;
          const r: FileResult = { file: jobs[current]!.file, ok: false, message: `stopped after ${budget! / 1000} s: the file takes too long to read (a PDF that inflates enormously, or a very large page); --file-timeout sets the limit` };
          results[current] = r;
          finished(r);
          // Stopping the worker frees what the file took; a fresh lane carries on with the rest.
          void worker.terminate().then(() => runWorker().then(resolve));
        };
        worker.on('message', (r: FileResult) => {
          if (over) return;
          results[current] = r;
          finished(r);
          feed();
        });
        worker.on('error', (e) => {
          clearTimeout(timer);
          if (over) return;
          // A crash (or the heap limit) loses only the file in hand, reported like any other bad
          // input (running it again here could crash this thread too); files it never reached
          // are run below.
          if (current >= 0 && !results[current]) {
            const r: FileResult = { file: jobs[current]!.file, ok: false, message: `could not be analysed (${e.message})` };
            results[current] = r;
            finished(r);
          }
          resolve();
        });
        feed();
      });
    await Promise.all(Array.from({ length: Math.max(1, threads) }, runWorker));
  }
  for (let i = 0; i < jobs.length; i++) {
    if (results[i]) continue;
    results[i] = await analyseFile(jobs[i]!);
    finished(results[i]!);
  }
  return results;
}

/** Body of a worker thread: analyse each file it is sent. */
export function serveWorker(port: { on(event: 'message', cb: (job: FileJob) => void): void; postMessage(r: FileResult): void }): void {
  port.on('message', (job) => {
    void analyseFile(job).then((r) => port.postMessage(r));
  });
}
