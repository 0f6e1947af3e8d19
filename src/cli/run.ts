/**
 * The command line: `critical-reader [options] FILE|FOLDER…`. One paper → its critique (Markdown
 * or JSON); several → one table, a row per paper. Bad inputs are reported one line each and the
 * rest still run; the exit code says whether anything failed.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import type { Critique } from '../analysis/critique';
import { GENERATOR } from '../analysis/engine';
import type { Lens } from '../analysis/lens';
import { critiqueToMarkdown } from '../analysis/markdown';
import { batchCsv, batchMarkdown, type BatchRow } from './batch-table';
import { analyseFiles, defaultJobs, DEFAULT_FILE_TIMEOUT_S, parseFileTimeout } from './pool';
import { readLensFile } from './lens-file';
import { runAudit } from './audit';
import type { CliIO } from './io';

export type { CliIO };

export const USAGE = `Usage: critical-reader [options] FILE|FOLDER…
       critical-reader audit [options] REVIEW STUDIES_FOLDER   (critical-reader audit --help)

Analyses saved publisher pages (.html, .htm) and PDFs, and prints a critique:
how key terms are used and defined, reference-year spread against the search
dates, and missing positionality, involvement, competing-interests and funding
statements. Everything runs on this machine.

Options:
  --md             Markdown critique (default for one file)
  --json           JSON critique (an array for several files)
  --csv            CSV table, one row per paper (several files)
  --front-matter   start a one-file Markdown critique with YAML front matter
                   (title, authors, year, DOI, URL, tags) for Obsidian or Zotero
  -o, --output F   write to file F instead of standard output
  --lens F         use the lens(es) in JSON file F instead of the built-in one
  --password P     password for encrypted PDFs
  -j, --jobs N     files analysed at once, each in a worker thread (default: one
                   fewer than the CPU cores; 1 on a machine with two or fewer)
  --file-timeout S stop a file that takes longer than S seconds (default 120;
                   0 for no limit): reported, and the run goes on
  -h, --help       this help
  -v, --version    version
`;

interface Options {
  format: 'md' | 'json' | 'csv' | null;
  output: string | null;
  lensFile: string | null;
  password: string | undefined;
  jobs: number | null;
  frontMatter: boolean;
  fileTimeoutMs: number | undefined;
  inputs: string[];
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { format: null, output: null, lensFile: null, password: undefined, jobs: null, frontMatter: false, fileTimeoutMs: DEFAULT_FILE_TIMEOUT_S * 1000, inputs: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--md') o.format = 'md';
      else if (a === '--json') o.format = 'json';
      else if (a === '--csv') o.format = 'csv';
      else if (a === '--front-matter') o.frontMatter = true;
      else if (a === '-o' || a === '--output') o.output = value();
      else if (a === '--lens') o.lensFile = value();
      else if (a === '--password') o.password = value();
      else if (a === '-j' || a === '--jobs') {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 64) return `${a} takes a whole number from 1 to 64`;
        o.jobs = n;
      }
      else if (a === '--file-timeout') {
        const t = parseFileTimeout(value());
        if (typeof t === 'string') return t;
        o.fileTimeoutMs = t;
      }
      else if (a === '--') o.inputs.push(...args.slice(i + 1)), (i = args.length);
      else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
      else o.inputs.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (o.inputs.length === 0) return 'no input files';
  return o;
}

const INPUT_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.pdf']);

/** Expands folders (recursively, sorted) to the paper files inside them; files named directly are kept as given. */
async function expandInputs(inputs: string[], unreadable: string[]): Promise<{ files: string[]; fromFolder: boolean }> {
  const files: string[] = [];
  let fromFolder = false;
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      // Missing files are reported by loadPaper, in input order.
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    fromFolder = true;
    files.push(...(await walk(input, unreadable)));
  }
  return { files, fromFolder };
}

/**
 * Paper files under `dir`. Symbolic links are followed (a folder of links to a library's PDFs is
 * a folder of PDFs); each real folder is read once, so a link back up the tree cannot loop. A
 * broken link with a paper's extension is kept, so that it is reported rather than skipped.
 */
async function walk(dir: string, unreadable: string[], seen = new Set<string>()): Promise<string[]> {
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    // A folder that cannot be read is reported; the rest of the batch goes on.
    unreadable.push(`${dir}: the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    const isPaperName = INPUT_EXTENSIONS.has(extname(e.name).toLowerCase());
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = await stat(p);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        isFile = isPaperName;
      }
    }
    if (isDir) out.push(...(await walk(p, unreadable, seen)));
    else if (isFile && isPaperName) out.push(p);
  }
  return out;
}

export async function runCli(args: string[], io: CliIO): Promise<number> {
  if (args[0] === 'audit') return runAudit(args.slice(1), io, async (folder, unreadable) => (await expandInputs([folder], unreadable)).files);
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.includes('-v') || args.includes('--version')) {
    io.stdout(GENERATOR + '\n');
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`critical-reader: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  let lenses: Lens[] | undefined;
  if (parsed.lensFile) {
    try {
      lenses = await readLensFile(parsed.lensFile);
    } catch (e) {
      io.stderr(`critical-reader: ${parsed.lensFile}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  // A report that cannot be written is a usage error found before a long batch, not after it.
  if (parsed.output) {
    const folder = dirname(resolve(parsed.output));
    const ok = await stat(folder).then((s) => s.isDirectory(), () => false);
    if (!ok) {
      io.stderr(`critical-reader: -o ${parsed.output}: the folder ${folder} does not exist\n`);
      return 2;
    }
  }
  const unreadable: string[] = [];
  const { files, fromFolder } = await expandInputs(parsed.inputs, unreadable);
  for (const u of unreadable) io.stderr(`critical-reader: ${u}\n`);
  if (files.length === 0) {
    io.stderr('critical-reader: no .html, .htm or .pdf files found in the given folder(s)\n');
    return 1;
  }
  const rows: BatchRow[] = [];
  let failures = 0;
  const jobs = files.map((file) => ({ file, ...(parsed.password !== undefined ? { password: parsed.password } : {}), ...(lenses ? { lenses } : {}) }));
  const poolOptions = {
    jobs: parsed.jobs ?? defaultJobs(availableParallelism()),
    ...(io.workerScript ? { workerScript: io.workerScript } : {}),
    ...(parsed.fileTimeoutMs !== undefined ? { fileTimeoutMs: parsed.fileTimeoutMs } : {}),
  };
  for (const r of await analyseFiles(jobs, poolOptions)) {
    if (r.ok) rows.push({ file: r.file, critique: r.critique });
    else {
      failures++;
      io.stderr(`critical-reader: ${r.file}: ${r.message}\n`);
    }
  }
  const single = files.length === 1 && !fromFolder;
  const text = render(rows, single, parsed.format, parsed.frontMatter);
  if (text !== null) {
    if (parsed.output) {
      try {
        await writeFile(parsed.output, text);
      } catch (e) {
        // Nothing is lost: the report goes to standard output instead, with one line saying why.
        io.stderr(`critical-reader: -o ${parsed.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the report follows on standard output\n`);
        io.stdout(text);
        return 1;
      }
    } else io.stdout(text);
  }
  return failures > 0 || unreadable.length > 0 ? 1 : 0;
}

function render(rows: BatchRow[], single: boolean, format: Options['format'], frontMatter: boolean): string | null {
  if (rows.length === 0) return null;
  if (format === 'json') {
    const critiques: Critique[] = rows.map((r) => r.critique);
    return JSON.stringify(single ? critiques[0] : rows.map((r) => ({ file: r.file, ...r.critique })), null, 2) + '\n';
  }
  if (format === 'csv') return batchCsv(rows);
  if (single) return critiqueToMarkdown(rows[0]!.critique, { frontMatter });
  return batchMarkdown(rows);
}
