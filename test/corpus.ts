/**
 * Shared access to the evaluation corpus at `../shared/corpus` (relative to the project root).
 * Tests that depend on it call `requireCorpus()` so a clone without the corpus fails loudly
 * instead of passing with nothing checked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export const CORPUS_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'corpus');

/** Throws with a clear message when the corpus (or the given sub-folder) is missing or empty. */
export function requireCorpus(subdir = ''): string {
  const dir = subdir ? join(CORPUS_DIR, subdir) : CORPUS_DIR;
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    throw new Error(
      `Evaluation corpus not found at ${dir}. These tests need ../shared/corpus next to the project ` +
        '(see ../shared/corpus/README.md); they do not pass silently without it.',
    );
  }
  return dir;
}
