/**
 * The reader's settings — their lenses, which are active, highlight colours and the sites where
 * the sidebar opens by itself: the model, its defaults, and turning whatever storage holds into
 * valid settings. Where they are kept is `settings-store.ts`; the sites, `site-origins.ts`.
 */
import type { Lens } from '../analysis/lens';
import { validateLens } from '../analysis/lens-validate';
import { DEFAULT_LENSES } from '../analysis/lenses/default';
import type { HighlightCategory } from './highlight-category';
import { parseOrigin } from './site-origins';
import {
  DEFAULT_COLOURS,
  HIGHLIGHT_CATEGORIES,
  normaliseHex,
  type HighlightColour,
  type HighlightColours,
} from './colour-contrast';

export { highlightCss, schemeForBackground, DEFAULT_COLOURS } from './colour-contrast';
export type { HighlightColour, HighlightColours, PageScheme } from './colour-contrast';

export interface ReaderSettings {
  lenses: Lens[];
  /** Ids of the lenses the analysis uses, in the order of `lenses`. May be empty (term checks off). */
  activeLensIds: string[];
  colours: Record<HighlightCategory, HighlightColour>;
  /** Origins ("https://www.example.org") where the sidebar opens by itself. */
  autoScanOrigins: string[];
}

/** Version of the stored layout; `normaliseSettings` migrates older shapes. */
export const SETTINGS_VERSION = 1;

export function defaultSettings(): ReaderSettings {
  const lenses = structuredClone(DEFAULT_LENSES).map((l) => ({ ...l, builtIn: true }));
  return {
    lenses,
    activeLensIds: lenses.map((l) => l.id),
    colours: structuredClone(DEFAULT_COLOURS),
    autoScanOrigins: [],
  };
}

/** The lenses to analyse with, in list order. */
export function activeLenses(settings: ReaderSettings): Lens[] {
  const active = new Set(settings.activeLensIds);
  return settings.lenses.filter((l) => active.has(l.id));
}

/**
 * What decides an analysis among the settings: the active lenses and their content. An open
 * sidebar or viewer analyses again when this changes, not for a change of colour.
 */
export function activeLensesKey(settings: ReaderSettings): string {
  return JSON.stringify(activeLenses(settings));
}

export function builtInLens(id: string): Lens | undefined {
  const lens = DEFAULT_LENSES.find((l) => l.id === id);
  return lens && { ...structuredClone(lens), builtIn: true };
}

// ---------------------------------------------------------------------------------------------
// Normalising and migrating whatever storage holds

/**
 * Turns any stored shape into valid settings: version 1, the legacy `settings` object of
 * `src/shared/settings.ts` (lenses: Lens[] | null, autoScanOrigins), or garbage. Invalid lenses,
 * colours and origins are dropped (with a console warning) rather than breaking the extension.
 */
export function normaliseSettings(raw: unknown): ReaderSettings {
  const defaults = defaultSettings();
  if (!raw || typeof raw !== 'object') return defaults;
  const r = raw as Record<string, unknown>;

  let lenses = defaults.lenses;
  if (Array.isArray(r.lenses)) {
    const errors: string[] = [];
    const ids = new Set<string>();
    lenses = [];
    r.lenses.forEach((value, i) => {
      const lens = validateLens(value, `lenses[${i}]`, errors);
      if (!lens || ids.has(lens.id)) return;
      ids.add(lens.id);
      // Built-in-ness follows the id, never a stored flag: "Reset to default" needs the original.
      if (DEFAULT_LENSES.some((d) => d.id === lens.id)) lens.builtIn = true;
      lenses.push(lens);
    });
    if (errors.length) console.warn('Critical Reader: ignored invalid stored lenses:', errors);
  }

  const ids = new Set(lenses.map((l) => l.id));
  let activeLensIds: string[];
  if (Array.isArray(r.activeLensIds)) {
    const wanted = new Set(r.activeLensIds.filter((x): x is string => typeof x === 'string'));
    activeLensIds = lenses.filter((l) => wanted.has(l.id)).map((l) => l.id);
  } else {
    // Legacy settings had no notion of active lenses: all of them were used.
    activeLensIds = [...ids];
  }

  const colours = structuredClone(DEFAULT_COLOURS);
  if (r.colours && typeof r.colours === 'object') {
    const stored = r.colours as Record<string, Partial<Record<'light' | 'dark', unknown>> | undefined>;
    for (const category of HIGHLIGHT_CATEGORIES) {
      for (const scheme of ['light', 'dark'] as const) {
        const hex = normaliseHex(stored[category]?.[scheme]);
        if (hex) colours[category][scheme] = hex;
      }
    }
  }

  const autoScanOrigins: string[] = [];
  if (Array.isArray(r.autoScanOrigins)) {
    for (const o of r.autoScanOrigins) {
      if (typeof o !== 'string') continue;
      const parsed = parseOrigin(o);
      if (parsed.ok && !autoScanOrigins.includes(parsed.origin)) autoScanOrigins.push(parsed.origin);
    }
  }
  return { lenses, activeLensIds, colours: colours as HighlightColours, autoScanOrigins };
}

/** An unedited copy of a built-in lens (stored as a reference only). */
export function isPristineBuiltIn(lens: Lens): boolean {
  const original = DEFAULT_LENSES.find((d) => d.id === lens.id);
  if (!original) return false;
  const strip = (l: Lens) => JSON.stringify({ ...l, builtIn: undefined });
  return strip(lens) === strip(original);
}
