/**
 * With more than one active lens, the sidebar groups term reports and term findings by the lens
 * they came from (two lenses may both track "peer", and the reader must tell them apart).
 */
import type { Critique } from '../analysis/critique';

export interface LensGroup<T> {
  /** The lens id; the name shown is `name`. */
  id: string;
  name: string;
  items: T[];
}

/** Whether the sidebar should group by lens: only when the critique used more than one. */
export function groupsByLens(critique: Pick<Critique, 'lenses'>): boolean {
  return critique.lenses.length > 1;
}

/**
 * Items with a `lens`, grouped in the critique's lens order (items keep their order within a
 * group); a lens id the critique does not list (should not happen) gets a group named by its id
 * after the listed ones. Items without a lens are returned apart in `rest`.
 */
export function groupByLens<T extends { lens?: string | undefined }>(
  items: readonly T[],
  lenses: Critique['lenses'],
): { groups: LensGroup<T>[]; rest: T[] } {
  const groups = new Map<string, LensGroup<T>>(lenses.map((l) => [l.id, { id: l.id, name: l.name, items: [] }]));
  const rest: T[] = [];
  for (const item of items) {
    if (!item.lens) {
      rest.push(item);
      continue;
    }
    let group = groups.get(item.lens);
    if (!group) groups.set(item.lens, (group = { id: item.lens, name: item.lens, items: [] }));
    group.items.push(item);
  }
  return { groups: [...groups.values()].filter((g) => g.items.length > 0), rest };
}
