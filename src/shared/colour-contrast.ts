/**
 * Highlight colours the reader chooses, checked for readability (WCAG 2 contrast ratio) and
 * turned into the `::highlight(cr-<category>)` CSS the content script puts in the page.
 *
 * A highlight paints behind page text, so what matters is the contrast between the text and the
 * highlight colour. We cannot know every page's text colour; we check against the two typical
 * cases and force that text colour inside highlights, so the check is truthful:
 * - light pages: white background, text #111;
 * - dark pages: #121212 background, text #eee.
 * Nothing is refused: a low ratio is reported with a warning and the reader decides.
 */
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from './highlight-category';

export type PageScheme = 'light' | 'dark';

export interface HighlightColour {
  light: string;
  dark: string;
}

export type HighlightColours = Record<HighlightCategory, HighlightColour>;

export { HIGHLIGHT_CATEGORIES };

export const PAGE_COLOURS: Record<PageScheme, { background: string; text: string }> = {
  light: { background: '#ffffff', text: '#111111' },
  dark: { background: '#121212', text: '#eeeeee' },
};

/** WCAG 2.x AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Pastel highlights on light pages, deep ones on dark pages; each keeps text above 4.5:1. */
export const DEFAULT_COLOURS: HighlightColours = {
  term: { light: '#fff176', dark: '#6b5900' },
  definition: { light: '#b9f6ca', dark: '#1b5e20' },
  dates: { light: '#b3e5fc', dark: '#0d47a1' },
  statement: { light: '#e1bee7', dark: '#5e1f7a' },
  concern: { light: '#ffcdd2', dark: '#8e1b1b' },
  note: { light: '#ffe0b2', dark: '#7a3e00' },
};

type Rgb = [number, number, number];

/** "#abc" or "#aabbcc" (any case) → "#aabbcc"; null for anything else (never let storage write CSS). */
export function normaliseHex(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

function hexToRgb(hex: string): Rgb {
  const h = normaliseHex(hex);
  if (!h) throw new Error(`not a colour: ${JSON.stringify(hex)}`);
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio (1–21) between two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(hexToRgb(a));
  const lb = relativeLuminance(hexToRgb(b));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export interface ContrastReport {
  scheme: PageScheme;
  /** Page text on the highlight colour. */
  textRatio: number;
  /** Whether text stays readable (≥ 4.5:1). */
  readable: boolean;
  /** The highlight is (almost) the page background colour: it would not show. */
  invisible: boolean;
  /** A sentence for the reader, e.g. "Text on light pages: 3.2:1 — below 4.5:1, hard to read". */
  message: string;
}

/** How a highlight colour reads on a light or dark page. */
export function checkHighlight(colour: string, scheme: PageScheme): ContrastReport {
  const page = PAGE_COLOURS[scheme];
  const textRatio = contrastRatio(colour, page.text);
  const readable = textRatio >= MIN_TEXT_CONTRAST;
  // Luminance contrast says little about visibility (yellow on white is 1.1:1 yet obvious), so
  // only a colour that is practically the background is flagged.
  const bg = hexToRgb(page.background);
  const invisible = hexToRgb(colour).every((c, i) => Math.abs(c - bg[i]!) < 12);
  const ratio = `${(Math.floor(textRatio * 10) / 10).toFixed(1)}:1`;
  const where = scheme === 'light' ? 'light' : 'dark';
  let message = `Text on ${where} pages: ${ratio}`;
  if (!readable) message += ` — below ${MIN_TEXT_CONTRAST}:1, text would be hard to read`;
  if (invisible) message += ` — the highlight is almost the page colour and would not show`;
  if (!readable || invisible) message += '; the default colour is painted instead';
  return { scheme, textRatio, readable, invisible, message };
}

/** Whether a highlight colour keeps page text readable (≥ 4.5:1) and shows on the page at all. */
export function isUsableHighlight(colour: string, scheme: PageScheme): boolean {
  const report = checkHighlight(colour, scheme);
  return report.readable && !report.invisible;
}

/**
 * Whether a page is dark, from its computed background colour ("rgb(18, 18, 18)",
 * "rgba(0, 0, 0, 0)" …). Transparent backgrounds count as light (the browser's default canvas).
 */
export function schemeForBackground(cssColour: string): PageScheme {
  const hex = normaliseHex(cssColour);
  if (hex) return relativeLuminance(hexToRgb(hex)) < 0.18 ? 'dark' : 'light';
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/i.exec(cssColour);
  if (!m) return 'light';
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return 'light';
  const rgb = [m[1], m[2], m[3]].map((v) => Math.min(255, parseFloat(v!))) as Rgb;
  return relativeLuminance(rgb) < 0.18 ? 'dark' : 'light';
}

/**
 * The highlight name a category is painted under (CSS Custom Highlight API); the same names as
 * the content script's PageHighlighter (src/content/highlighter.ts).
 */
export function highlightName(category: HighlightCategory): string {
  return `critical-reader-${category}`;
}

export interface HighlightCssOptions {
  /** Style the `<mark class="critical-reader-mark" data-category=…>` fallback instead (no Highlight API). */
  marks?: boolean;
}

/**
 * CSS for the page document: one `::highlight(critical-reader-<category>)` rule per category, in
 * the colours chosen for the page's scheme. Text colour is set too, so the contrast the options
 * page showed is the contrast the reader gets. Invalid colours fall back to the defaults
 * (storage is input, and this text goes into the page's stylesheet).
 */
export function highlightCss(colours: Partial<HighlightColours>, scheme: PageScheme, options: HighlightCssOptions = {}): string {
  const text = PAGE_COLOURS[scheme].text;
  return HIGHLIGHT_CATEGORIES.map((category) => {
    const chosen = normaliseHex(colours[category]?.[scheme]);
    // A colour that hides the text or does not show at all is never painted: the default is.
    const usable = chosen !== null && isUsableHighlight(chosen, scheme);
    const background = usable ? chosen : DEFAULT_COLOURS[category][scheme];
    const selector = options.marks
      ? `mark.critical-reader-mark[data-category="${category}"]`
      : `::highlight(${highlightName(category)})`;
    return `${selector} { background-color: ${background}; color: ${text}; }`;
  }).join('\n');
}

/** The scheme of a rendered page: its body's background, else the root's, else light. */
export function pageScheme(doc: Document): PageScheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = view.getComputedStyle(el).backgroundColor;
    if (bg && !/rgba?\(\s*0[,\s]+0[,\s]+0[,\s/]+0\s*\)|transparent/i.test(bg)) return schemeForBackground(bg);
  }
  return 'light';
}
