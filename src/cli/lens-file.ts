/** Reads the reader's own lens(es) from a JSON file (the same format the options page imports and exports). */
import { readFile } from 'node:fs/promises';
import type { Lens } from '../analysis/lens';
import { parseLensesJson } from '../analysis/lens-validate';

export async function readLensFile(file: string): Promise<Lens[]> {
  const text = await readFile(file, 'utf8');
  const result = parseLensesJson(text);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.lenses;
}
