/**
 * Validation of lenses coming from outside (the options page's import, the CLI's --lens file):
 * precise messages with the path of each problem, and nothing accepted unless all of it is valid.
 */
import type { Lens, LensSense, LensTerm } from './lens';

export type LensParseResult = { ok: true; lenses: Lens[] } | { ok: false; errors: string[] };

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_TERMS = 50;
const MAX_VARIANTS = 100;
const MAX_TEXT = 200;

/** Accepts one lens, an array of lenses, or `{ "lenses": [...] }` (the export format). */
export function parseLensesJson(text: string): LensParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.lenses) ? data.lenses : isObject(data) ? [data] : null;
  if (!list) return { ok: false, errors: ['expected a lens object, an array of lenses, or {"lenses": [...]}'] };
  if (list.length === 0) return { ok: false, errors: ['no lenses in the file'] };
  const errors: string[] = [];
  const lenses = list.map((l, i) => validateLens(l, `lenses[${i}]`, errors));
  const ids = new Set<string>();
  lenses.forEach((l, i) => {
    if (!l) return;
    if (ids.has(l.id)) errors.push(`lenses[${i}].id: "${l.id}" is used by another lens`);
    ids.add(l.id);
  });
  return errors.length ? { ok: false, errors } : { ok: true, lenses: lenses as Lens[] };
}

export function validateLens(value: unknown, path: string, errors: string[]): Lens | null {
  const before = errors.length;
  if (!isObject(value)) {
    errors.push(`${path}: must be an object`);
    return null;
  }
  const id = checkId(value.id, `${path}.id`, errors);
  const name = checkText(value.name, `${path}.name`, errors);
  if (!Array.isArray(value.terms) || value.terms.length === 0) errors.push(`${path}.terms: must be a non-empty list of terms`);
  else if (value.terms.length > MAX_TERMS) errors.push(`${path}.terms: at most ${MAX_TERMS} terms`);
  const terms = Array.isArray(value.terms) ? value.terms.map((t, i) => validateTerm(t, `${path}.terms[${i}]`, errors)) : [];
  const termIds = new Set<string>();
  terms.forEach((t, i) => {
    if (t && termIds.has(t.id)) errors.push(`${path}.terms[${i}].id: "${t.id}" is used by another term`);
    if (t) termIds.add(t.id);
  });
  if (value.description !== undefined && typeof value.description !== 'string') errors.push(`${path}.description: must be text`);
  if (errors.length > before) return null;
  const lens: Lens = { id: id!, name: name!, terms: terms as LensTerm[] };
  if (typeof value.description === 'string') lens.description = value.description;
  return lens;
}

function validateTerm(value: unknown, path: string, errors: string[]): LensTerm | null {
  const before = errors.length;
  if (!isObject(value)) {
    errors.push(`${path}: must be an object`);
    return null;
  }
  const id = checkId(value.id, `${path}.id`, errors);
  const label = checkText(value.label, `${path}.label`, errors);
  const variants = checkStringList(value.variants, `${path}.variants`, errors, MAX_VARIANTS);
  if (typeof value.expectDefinition !== 'boolean') errors.push(`${path}.expectDefinition: must be true or false`);
  let senses: LensSense[] | undefined;
  if (value.senses !== undefined) {
    if (!Array.isArray(value.senses)) errors.push(`${path}.senses: must be a list`);
    else senses = value.senses.map((s, i) => validateSense(s, `${path}.senses[${i}]`, errors)).filter((s): s is LensSense => s !== null);
  }
  if (value.defaultSense !== undefined && typeof value.defaultSense !== 'string') errors.push(`${path}.defaultSense: must be text`);
  if (value.concept !== undefined && typeof value.concept !== 'boolean') errors.push(`${path}.concept: must be true or false`);
  if (errors.length > before) return null;
  const term: LensTerm = { id: id!, label: label!, variants: variants!, expectDefinition: value.expectDefinition as boolean };
  if (senses?.length) term.senses = senses;
  if (typeof value.defaultSense === 'string') term.defaultSense = value.defaultSense;
  if (value.concept === true) term.concept = true;
  return term;
}

function validateSense(value: unknown, path: string, errors: string[]): LensSense | null {
  const before = errors.length;
  if (!isObject(value)) {
    errors.push(`${path}: must be an object`);
    return null;
  }
  const id = checkId(value.id, `${path}.id`, errors);
  const label = checkText(value.label, `${path}.label`, errors);
  const cues = checkStringList(value.cues, `${path}.cues`, errors, MAX_VARIANTS);
  for (const flag of ['core', 'ignoreForMixing'] as const) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') errors.push(`${path}.${flag}: must be true or false`);
  }
  if (errors.length > before) return null;
  const sense: LensSense = { id: id!, label: label!, cues: cues! };
  if (value.core === true) sense.core = true;
  if (value.ignoreForMixing === true) sense.ignoreForMixing = true;
  return sense;
}

function checkId(v: unknown, path: string, errors: string[]): string | null {
  if (typeof v !== 'string' || !ID.test(v)) {
    errors.push(`${path}: must be lower-case letters, digits and hyphens (e.g. "co-production"), got ${describe(v)}`);
    return null;
  }
  return v;
}

function checkText(v: unknown, path: string, errors: string[]): string | null {
  if (typeof v !== 'string' || !v.trim() || v.length > MAX_TEXT) {
    errors.push(`${path}: must be non-empty text of at most ${MAX_TEXT} characters, got ${describe(v)}`);
    return null;
  }
  return v.trim();
}

function checkStringList(v: unknown, path: string, errors: string[], max: number): string[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(`${path}: must be a non-empty list of words or phrases`);
    return null;
  }
  if (v.length > max) {
    errors.push(`${path}: at most ${max} entries`);
    return null;
  }
  const bad = v.findIndex((s) => typeof s !== 'string' || !s.trim() || s.length > MAX_TEXT || !/[\p{L}\p{N}]/u.test(s));
  if (bad >= 0) {
    errors.push(`${path}[${bad}]: must be a word or phrase, got ${describe(v[bad])}`);
    return null;
  }
  return (v as string[]).map((s) => s.trim());
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}
