/**
 * Pure edits on the reader's settings, used by the options page components. Kept apart from the
 * components so each edit is one small testable function and the components stay about layout.
 */
import type { Lens, LensSense, LensTerm } from '../analysis/lens';
import { validateLens } from '../analysis/lens-validate';
import { builtInLens, isPristineBuiltIn, type ReaderSettings } from '../shared/reader-settings';

/** An id the validator accepts, from what the reader typed ("Co-production (UK)" → "co-production-uk"). */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug || fallback;
}

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Ids of things the reader just created follow their name until it settles; ids of existing
 * lenses, terms and senses never change (findings and reader notes refer to them).
 */
const PROVISIONAL = /^new-(lens|term|sense)(-\d+)?$/;
export function isProvisionalId(id: string): boolean {
  return PROVISIONAL.test(id);
}

function renamedId(currentId: string, name: string, kind: 'lens' | 'term' | 'sense', taken: string[]): string {
  if (!isProvisionalId(currentId)) return currentId;
  const slug = slugify(name, `new-${kind}`);
  return uniqueId(slug, taken.filter((t) => t !== currentId));
}

export function newLens(settings: ReaderSettings): Lens {
  const id = uniqueId('new-lens', settings.lenses.map((l) => l.id));
  return { id, name: 'New lens', terms: [newTerm([])] };
}

export function newTerm(existing: LensTerm[]): LensTerm {
  return { id: uniqueId('new-term', existing.map((t) => t.id)), label: '', variants: [], expectDefinition: true };
}

export function newSense(existing: LensSense[]): LensSense {
  return { id: uniqueId('new-sense', existing.map((s) => s.id)), label: '', cues: [] };
}

export function renameLens(settings: ReaderSettings, lensId: string, name: string): ReaderSettings {
  const newId = renamedId(lensId, name, 'lens', settings.lenses.map((l) => l.id));
  return {
    ...settings,
    lenses: settings.lenses.map((l) => (l.id === lensId ? { ...l, id: newId, name } : l)),
    activeLensIds: settings.activeLensIds.map((id) => (id === lensId ? newId : id)),
  };
}

export function relabelTerm(lens: Lens, termId: string, label: string): Lens {
  const newId = renamedId(termId, label, 'term', lens.terms.map((t) => t.id));
  return { ...lens, terms: lens.terms.map((t) => (t.id === termId ? { ...t, id: newId, label } : t)) };
}

export function relabelSense(term: LensTerm, senseId: string, label: string): LensTerm {
  const senses = term.senses ?? [];
  const newId = renamedId(senseId, label, 'sense', senses.map((s) => s.id));
  return {
    ...term,
    senses: senses.map((s) => (s.id === senseId ? { ...s, id: newId, label } : s)),
    ...(term.defaultSense === senseId ? { defaultSense: newId } : {}),
  };
}

export function replaceLens(settings: ReaderSettings, lens: Lens, previousId = lens.id): ReaderSettings {
  return { ...settings, lenses: settings.lenses.map((l) => (l.id === previousId ? lens : l)) };
}

export function addLens(settings: ReaderSettings, lens: Lens, active = true): ReaderSettings {
  return {
    ...settings,
    lenses: [...settings.lenses, lens],
    activeLensIds: active ? orderedActive(settings, [...settings.activeLensIds, lens.id], [...settings.lenses, lens]) : settings.activeLensIds,
  };
}

export function duplicateLens(settings: ReaderSettings, lensId: string): { settings: ReaderSettings; copy: Lens } {
  const original = settings.lenses.find((l) => l.id === lensId);
  if (!original) throw new Error(`no lens ${lensId}`);
  const { builtIn: _builtIn, ...data } = structuredClone(original);
  const copy: Lens = { ...data, id: uniqueId(`${original.id}-copy`.slice(0, 60), settings.lenses.map((l) => l.id)), name: `${original.name} (copy)`.slice(0, 200) };
  // A duplicate starts inactive: two identical active lenses would report everything twice.
  return { settings: addLens(settings, copy, false), copy };
}

export function deleteLens(settings: ReaderSettings, lensId: string): ReaderSettings {
  return {
    ...settings,
    lenses: settings.lenses.filter((l) => l.id !== lensId),
    activeLensIds: settings.activeLensIds.filter((id) => id !== lensId),
  };
}

export function setLensActive(settings: ReaderSettings, lensId: string, active: boolean): ReaderSettings {
  const ids = active ? [...settings.activeLensIds, lensId] : settings.activeLensIds.filter((id) => id !== lensId);
  return { ...settings, activeLensIds: orderedActive(settings, ids, settings.lenses) };
}

function orderedActive(_settings: ReaderSettings, ids: string[], lenses: Lens[]): string[] {
  const wanted = new Set(ids);
  return lenses.filter((l) => wanted.has(l.id)).map((l) => l.id);
}

export function resetBuiltIn(settings: ReaderSettings, lensId: string): ReaderSettings {
  const original = builtInLens(lensId);
  return original ? replaceLens(settings, original) : settings;
}

/** Adds back built-in lenses the reader deleted. */
export function missingBuiltIns(settings: ReaderSettings, builtInIds: string[]): string[] {
  return builtInIds.filter((id) => !settings.lenses.some((l) => l.id === id));
}

/**
 * Imported lenses: a lens whose id is already there replaces it (keeping whether it is active),
 * new ones are added and switched on. Returns what happened, for the reader.
 */
export function mergeImported(settings: ReaderSettings, imported: Lens[]): { settings: ReaderSettings; added: string[]; replaced: string[] } {
  let next = settings;
  const added: string[] = [];
  const replaced: string[] = [];
  for (const lens of imported) {
    const isBuiltIn = builtInLens(lens.id) !== undefined;
    const incoming: Lens = isBuiltIn ? { ...lens, builtIn: true } : lens;
    if (next.lenses.some((l) => l.id === lens.id)) {
      next = replaceLens(next, incoming);
      replaced.push(lens.name);
    } else {
      next = addLens(next, incoming, true);
      added.push(lens.name);
    }
  }
  return { settings: next, added, replaced };
}

/** The export file: the shape `parseLensesJson` reads back, without local-only flags. */
export function exportJson(lenses: Lens[]): string {
  const clean = lenses.map(({ builtIn: _builtIn, ...l }) => l);
  return JSON.stringify({ format: 'critical-reader-lenses', version: 1, lenses: clean }, null, 2) + '\n';
}

/** Problems that keep a lens from being saved, with their paths (the same messages as import). */
export function lensProblems(lens: Lens): string[] {
  const errors: string[] = [];
  validateLens(lens, 'lens', errors);
  // Ids are the page's business, not the reader's: say it in words they typed.
  return errors.map((e) => e.replace(/^lens\./, ''));
}

/**
 * What can be saved now: every lens that is valid as edited; for a lens mid-edit and invalid,
 * its last saved version (or nothing, if it never was valid). Other settings save regardless.
 */
export function savableSettings(draft: ReaderSettings, lastSaved: ReaderSettings | null): ReaderSettings {
  const lenses: Lens[] = [];
  for (const lens of draft.lenses) {
    if (isPristineBuiltIn(lens) || lensProblems(lens).length === 0) lenses.push(lens);
    else {
      const previous = lastSaved?.lenses.find((l) => l.id === lens.id);
      if (previous) lenses.push(previous);
    }
  }
  const ids = new Set(lenses.map((l) => l.id));
  return { ...draft, lenses, activeLensIds: draft.activeLensIds.filter((id) => ids.has(id)) };
}

/** Words or phrases, one per line (commas are allowed inside a phrase). */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
