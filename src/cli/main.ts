/**
 * Entry point of the `critical-reader` command. The same script is the body of the worker threads
 * that analyse files in parallel in batch runs (src/cli/pool.ts).
 */
import '../shared/node-polyfills';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { usePdfjsCodeCache } from '../extract/pdf/pdfjs-node';
import { serveWorker } from './pool';
import { runCli } from './run';

/**
 * Where compiled pdf.js code is kept between runs (src/extract/pdf/pdfjs-code-cache.ts): this
 * user's cache directory, CRITICAL_READER_CACHE if set, none if that is "off" — and none when
 * there is no absolute cache directory to use (never a folder relative to where the command runs).
 */
function codeCacheDir(): string | null {
  const set = process.env.CRITICAL_READER_CACHE;
  if (set) return set === 'off' ? null : resolve(set);
  const xdg = process.env.XDG_CACHE_HOME;
  const home = homedir();
  const base = xdg && isAbsolute(xdg) ? xdg : process.platform === 'win32' ? process.env.LOCALAPPDATA : home ? join(home, '.cache') : undefined;
  return base && isAbsolute(base) ? join(base, 'critical-reader') : null;
}

const cacheDir = codeCacheDir();
if (cacheDir) usePdfjsCodeCache(cacheDir);

if (!isMainThread && parentPort && (workerData as { criticalReaderWorker?: boolean } | null)?.criticalReaderWorker) {
  serveWorker(parentPort);
} else {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    workerScript: new URL(import.meta.url),
  });
}
