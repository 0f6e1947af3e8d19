/**
 * Batch runs on several cores: pdf.js parses on the calling thread in Node, so a folder of PDFs
 * is spread over this thread and `jobs - 1` worker threads, each running `analyseFile`. Results
 * come back in input order.
 */
import { Worker } from 'node:worker_threads';
import { analyseFile, type FileJob, type FileResult } from './analyse-file';

export interface PoolOptions {
  /** How many files at once; 1 runs everything on this thread. */
  jobs: number;
  /** The script a worker runs (the built CLI itself); without it the run is sequential. */
  workerScript?: URL;
}

export async function analyseFiles(jobs: FileJob[], options: PoolOptions): Promise<FileResult[]> {
  const threads = Math.min(options.jobs, jobs.length);
  if (threads <= 1 || !options.workerScript) {
    const out: FileResult[] = [];
    for (const job of jobs) out.push(await analyseFile(job));
    return out;
  }
  const results = new Array<FileResult>(jobs.length);
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.workerScript!, { workerData: { criticalReaderWorker: true } });
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (r: FileResult) => {
        results[current] = r;
        feed();
      });
      worker.on('error', (e) => {
        // A crash loses only the file in hand; it is reported like any other bad input.
        if (current >= 0 && !results[current]) results[current] = { file: jobs[current]!.file, ok: false, message: `could not be analysed (${e.message})` };
        reject(e);
      });
      feed();
    });
  // This thread is one of the lanes: it has pdf.js and the engine loaded and warm already, so it
  // starts at once while the worker threads are still loading theirs.
  const runHere = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await analyseFile(jobs[i]!);
    }
  };
  const settled = await Promise.allSettled([runHere(), ...Array.from({ length: threads - 1 }, runWorker)]);
  // Anything a crashed worker never reached runs here, so no file is skipped.
  for (let i = 0; i < jobs.length; i++) results[i] ??= await analyseFile(jobs[i]!);
  void settled;
  return results;
}

/** Body of a worker thread: analyse each file it is sent. */
export function serveWorker(port: { on(event: 'message', cb: (job: FileJob) => void): void; postMessage(r: FileResult): void }): void {
  port.on('message', (job) => {
    void analyseFile(job).then((r) => port.postMessage(r));
  });
}
