/**
 * Entry point of the `critical-reader` command. The same script is the body of the worker threads
 * that analyse files in parallel in batch runs (src/cli/pool.ts).
 */
import '../shared/node-polyfills';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveWorker } from './pool';
import { runCli } from './run';

if (!isMainThread && parentPort && (workerData as { criticalReaderWorker?: boolean } | null)?.criticalReaderWorker) {
  serveWorker(parentPort);
} else {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    workerScript: new URL(import.meta.url),
  });
}
