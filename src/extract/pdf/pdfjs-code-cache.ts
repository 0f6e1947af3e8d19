/**
 * pdf.js's two bundles loaded as scripts with V8's code cache, for the command line.
 *
 * Every run of the CLI compiles about 1.9 MB of pdf.js, and its first PDF runs while V8 is still
 * compiling the functions that PDF needs. With the cache, loading pdf.js and reading a first PDF
 * take 0.1–0.14 s less (whole runs, of one PDF or twenty: 0.05–0.1 s less, measured as the best
 * of eight alternating runs). V8 can save the bytecode it compiled and take it back next time,
 * but Node 20 offers that only for classic scripts (`vm.Script`), not for ES modules. So the
 * bundles are read as text, their `export {…}` turned into a returned object and
 * `import.meta.url` into the file's URL, and compiled as strict-mode scripts with the cache.
 * When the source does not have that shape (a pdf.js update), or anything else fails, the caller
 * imports the modules as before.
 *
 * The cache is written once per process after the first PDF is read, so it holds the functions
 * reading a PDF needs, and only into a directory of this user's (not a shared temporary one:
 * whoever can write the cache decides what code runs). V8 checks a cache against its own version
 * and flags but the source only by its length, so the file is named by a hash of the source (and
 * the Node version): an updated or patched pdf.js gets a cache of its own, and the stale one is
 * removed when the new one is written. A cache V8 does not accept is ignored and written anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

interface CompiledBundle {
  script: vm.Script;
  /** The bundle's name, which begins its cache files' names. */
  name: string;
  cacheFile: string;
  /** Whether a usable cache was given to V8 (else one is written after the first PDF). */
  cached: boolean;
}

let compiled: CompiledBundle[] = [];
let saved = false;

/** The module text as a strict-mode function expression that returns the module's exports, or null. */
export function moduleAsScript(source: string, url: string): string | null {
  const exportClause = /\bexport\s*\{([^{}]*)\};?\s*$/.exec(source);
  if (!exportClause) return null;
  const body = source.slice(0, exportClause.index);
  // Anything else only a module may contain: leave such a bundle to `import()`.
  if (/\bexport\s*(?:\{|default\b|const\b|let\b|var\b|function\b|class\b|\*)|^\s*import\s*[\w{*'"]/m.test(body)) return null;
  const entries: string[] = [];
  for (const spec of exportClause[1]!.split(',')) {
    const m = /^\s*([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(spec);
    if (!m) {
      if (spec.trim()) return null;
      continue;
    }
    entries.push(`${JSON.stringify(m[2] ?? m[1])}: ${m[1]}`);
  }
  // Any other use of `import.meta` (asked of the source as read: the replaced text is a chain of
  // pieces that a regex would first copy whole).
  if (/\bimport\.meta\b(?!\.url)/.test(body)) return null;
  const withUrl = body.replaceAll('import.meta.url', JSON.stringify(url));
  return `(function () {"use strict";\n${withUrl}\nreturn { ${entries.join(', ')} };\n})`;
}

/**
 * Runs the bundle at `file` as a script, with its code cache kept in `cacheDir` in a file named
 * after `name`; returns its exports, or null when it cannot be run that way (the caller imports
 * it then).
 */
export function runBundleWithCodeCache<T>(file: string, cacheDir: string, name: string): T | null {
  try {
    const url = pathToFileURL(file).href;
    const bytes = readFileSync(file);
    const source = moduleAsScript(bytes.toString('utf8'), url);
    if (!source) return null;
    // The script is the file's text, wrapped and with its URL written in: hashing the bytes (a
    // millisecond) with the URL and the wrapping stands for hashing the script (twenty).
    const digest = createHash('sha1')
      .update(bytes)
      .update(`\0${url}\0${source.length}\0${source.slice(0, 64)}\0${source.slice(-4096)}`)
      .digest('hex')
      .slice(0, 16);
    const cacheFile = join(cacheDir, `${name}-node${process.versions.node}-${process.arch}-${digest}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // first run, or the cache was removed
    }
    const script = new vm.Script(source, {
      filename: url,
      ...(cachedData ? { cachedData } : {}),
      // pdf.js imports nothing itself once its worker code is loaded; should it, as a module would.
      ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    });
    const exports = (script.runInThisContext() as () => T)();
    compiled.push({ script, name, cacheFile, cached: !!cachedData && !script.cachedDataRejected });
    return exports;
  } catch {
    return null;
  }
}

/**
 * After the first PDF of this process: saves the code of bundles that had no usable cache.
 * Failures are ignored (a read-only or full disk costs only the speed-up).
 */
export function saveCodeCaches(cacheDir: string): void {
  if (saved) return;
  saved = true;
  const toWrite = compiled.filter((c) => !c.cached);
  compiled = [];
  if (!toWrite.length) return;
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const existing = readdirSync(cacheDir);
    for (const c of toWrite) {
      // Written beside and renamed, so another process never reads half a file.
      const partial = `${c.cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(partial, c.script.createCachedData(), { mode: 0o600 });
      renameSync(partial, c.cacheFile);
      // Caches of this bundle for another pdf.js or Node will not be read again.
      const current = basename(c.cacheFile);
      for (const f of existing) if (f !== current && f.startsWith(`${c.name}-`) && f.endsWith('.bin')) rmSync(join(cacheDir, f), { force: true });
    }
  } catch {
    // No cache this time.
  }
}
