/**
 * PDF text items → the Paper model. Pure (no pdf.js), so it runs the same in the viewer, a
 * worker, the CLI and unit tests on synthetic item lists.
 *
 * Stages:
 * 1. lines.ts: items → lines (content order, baseline + gap rules) → reading order per page
 *    (two-column detection, full-width bands) → running headers/footers/page numbers dropped.
 * 2. Here: document statistics (body font size and font, line spacing), footnote zones,
 *    paragraphs (gap, indentation, font change, column/page continuation), headings
 *    (size/font/numbering/caps), sections and roles, the reference list split into entries,
 *    captions, declaration labels, and metadata (info dict + first page).
 */
import type { Block, BlockAnchor, BlockKind, Paper, PdfItemRange, PaperMetadata, SectionRole } from '../../analysis/model';
import { declarationLabel, roleForHeading as roleForHeadingText, INCLUDED_LIST_HEADING } from '../html/sections';
import { authorsUnderTitle } from './authors';
import { findDoi } from './doi';
import { Hyphenation } from './join';
import { journalOnFirstPage } from './journal-name';
import { buildLines, dropRunningLines, median, orderPage, type Line } from './lines';
import { publicationYear } from './publication-year';
import { splitReferenceLines } from './references';
import { INCLUSION_MARK_NOTE, markIncludedStudies, startsWithInclusionMark } from '../../analysis/included-studies';
import type { PdfInfo, PdfPageText } from './types';

export type { PdfPageText, PdfTextItem } from './types';

/** PDF text uses typographic apostrophes ("Authors’ contributions"); the role rules expect ASCII. */
function roleForHeading(text: string): SectionRole | null {
  return roleForHeadingText(text.replace(/[’‘`´]/g, "'"));
}

export interface LayoutStats {
  bodySize: number;
  bodyFont: string;
  lineStep: number;
}

const CAPTION = /^(?:fig\.?|figure|table|tab\.|box|chart|scheme|plate|supplementary (?:fig(?:ure)?|table)|(?:s\d+|additional file \d+)\s+(?:fig|table))\s*[S]?\d+[A-Za-z]?(?:\s*[.:|—–-]|\s+(?=\p{Lu}))/iu;
const NUMBERED_HEADING = /^(?:(\d{1,2}(?:\.\d{1,2}){0,3})\.?|([IVX]{1,5})\.|([A-H])\.)\s+\p{Lu}/u;
const TERMINAL = /[.!?]["'”’)\]]?$/;

/**
 * Char-weighted mode of a numeric property, rounded to a half point. (Counted by whole numbers of
 * half points: a fractional map key is a new heap number per line.)
 */
function weightedMode(lines: Line[], key: (l: Line) => number): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const halfPoints = Math.round(key(l) * 2);
    counts.set(halfPoints, (counts.get(halfPoints) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestN = -1;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  return best / 2;
}

function fontMode(lines: Line[]): string {
  const counts = new Map<string, number>();
  // Summed run by run (neighbouring fragments mostly share a font): one map update per run.
  let font: string | null = null;
  let run = 0;
  for (const l of lines) {
    for (const f of l.frags) {
      if (f.font !== font) {
        if (font !== null) counts.set(font, (counts.get(font) ?? 0) + run);
        font = f.font;
        run = 0;
      }
      run += f.str.length;
    }
  }
  if (font !== null) counts.set(font, (counts.get(font) ?? 0) + run);
  let best = '';
  let bestN = -1;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  return best;
}

export function computeStats(lines: Line[]): LayoutStats {
  const bodySize = weightedMode(lines, (l) => l.h) || 10;
  const body = lines.filter((l) => Math.abs(l.h - bodySize) < 0.6);
  const bodyFont = fontMode(body);
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page !== b.page || a.col !== b.col || Math.abs(a.h - bodySize) > 0.6 || Math.abs(b.h - bodySize) > 0.6) continue;
    const d = b.y - a.y;
    if (d > 0.8 * bodySize && d < 3 * bodySize) steps.push(d);
  }
  // The most common step is the line spacing; paragraph gaps are the larger, rarer steps.
  const lineStep = steps.length ? modeOf(steps) : bodySize * 1.2;
  return { bodySize, bodyFont, lineStep };
}

/** The most common value rounded to a half point (the smaller on a tie), counted as `weightedMode` does. */
function modeOf(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) {
    const halfPoints = Math.round(x * 2);
    counts.set(halfPoints, (counts.get(halfPoints) ?? 0) + 1);
  }
  let best = 0;
  let bestN = -1;
  for (const [k, n] of counts) if (n > bestN || (n === bestN && k < best)) [best, bestN] = [k, n];
  return best / 2;
}

/**
 * Marks footnote lines: small-font lines below the last normal-size line of their page column,
 * in the lower part of the page, set off by a gap.
 */
function markFootnotes(pages: Line[][], heights: number[], stats: LayoutStats): Set<Line> {
  const out = new Set<Line>();
  pages.forEach((lines, p) => {
    const height = heights[p]!;
    for (const col of [-1, 0, 1]) {
      const inCol = lines.filter((l) => l.col === col || (col !== -1 && l.col === -1));
      let lastNormal = -Infinity;
      for (const l of inCol) if (l.h >= stats.bodySize * 0.9 && l.y > lastNormal) lastNormal = l.y;
      if (lastNormal === -Infinity) continue;
      const below = lines.filter((l) => (l.col === col) && l.y > lastNormal && l.h < stats.bodySize * 0.9);
      if (!below.length || below.length > 15) continue;
      const top = Math.min(...below.map((l) => l.y - l.h));
      if (top < height * 0.6) continue;
      // A footnote zone is set off from the text above by more than a line step; small text
      // right under a heading (back matter set small) is not one.
      const firstY = Math.min(...below.map((l) => l.y));
      if (top - lastNormal < stats.bodySize * 0.8 || firstY - lastNormal < 1.8 * stats.lineStep) continue;
      // Nor is a zone that opens with a run-in subheading (a whole line in another font).
      const first = below.find((l) => l.y === firstY)!;
      const zoneFont = fontMode(below);
      if (first.uniformFont && first.font !== zoneFont && below.length > 1) continue;
      for (const l of below) out.add(l);
    }
  });
  return out;
}

interface Draft {
  kind: BlockKind;
  lines: Line[];
}

function isShortLine(l: Line): boolean {
  return l.x1 < l.colRight - Math.max(0.12 * (l.colRight - l.colLeft), 2 * l.h);
}

/** Is this column justified (most lines end at the right edge)? Decides if a short line ends a paragraph. */
function justifiedColumns(lines: Line[]): Set<number> {
  const tally = new Map<number, [number, number]>();
  for (const l of lines) {
    const k = columnKey(l);
    const t = tally.get(k) ?? [0, 0];
    t[1]++;
    if (l.colRight - l.x1 < 2) t[0]++;
    tally.set(k, t);
  }
  const out = new Set<number>();
  for (const [k, [flush, all]] of tally) if (all >= 6 && flush / all >= 0.5) out.add(k);
  return out;
}

/** A number naming a line's page column (col is -1, 0 or 1). */
function columnKey(l: Line): number {
  return l.page * 4 + l.col + 1;
}

/** Does line `l` start a new paragraph after `p` (both already in reading order)? */
function startsNewParagraph(p: Line, l: Line, stats: LayoutStats, justified: Set<number>): boolean {
  const sizeChange = Math.abs(l.h - p.h) > 0.12 * stats.bodySize;
  if (sizeChange) return true;
  // A whole line in its own font after or before body text: a heading or a label line.
  if (p.uniformFont && l.font !== p.font && p.font !== stats.bodyFont && isShortLine(p)) return true;
  if (l.uniformFont && l.font !== p.font && l.font !== stats.bodyFont && p.font === stats.bodyFont && TERMINAL.test(p.text)) return true;
  if (p.page !== l.page || l.y <= p.y) {
    // Across a column or page break a paragraph continues unless the text so far ends a sentence
    // and the next line starts like a new one.
    return TERMINAL.test(p.text) && !/^\p{Ll}/u.test(l.text);
  }
  const expected = stats.lineStep * (Math.max(l.h, p.h) / stats.bodySize);
  if (l.y - p.y > expected * 1.3) return true;
  const indent = l.x0 - l.colLeft;
  const prevIndent = p.x0 - p.colLeft;
  if (indent > 0.7 * l.h && indent < 6 * l.h && prevIndent < 0.4 * l.h && TERMINAL.test(p.text)) return true;
  if (justified.has(columnKey(p)) && isShortLine(p) && /[.!?:]["'”’)\]]?$/.test(p.text)) return true;
  return false;
}

/** A heading's typographic style: headings of one style are one level. */
function styleKey(l: Line): string {
  return `${Math.round(l.h * 2) / 2}|${l.font}|${l.bold ? 'b' : ''}`;
}

/**
 * Is this paragraph draft a heading? Larger than body text, or a short line in a font of its
 * own (bold/italic run-out heads, even when set smaller than the body, as BMC does), or a
 * numbered short line ("2.1 Search strategy"), or a short ALL-CAPS line. Sentences (ending in
 * a comma or full stop) and lines starting lowercase are never headings.
 */
function isHeadingDraft(d: Draft, stats: LayoutStats, next: Draft | undefined): boolean {
  if (d.lines.length > 3) return false;
  const text = d.lines.map((l) => l.text).join(' ').trim();
  if (text.length > 160 || text.length < 2) return false;
  if (!/\p{L}/u.test(text) || /^\p{Ll}/u.test(text)) return false;
  // Dates lines ("Received: 9 September 2022 Accepted: …") are set like headings but are not.
  if (/\b(?:received|accepted|published|revised)\b[^]*\d{4}/i.test(text)) return false;
  const first = d.lines[0]!;
  const h = first.h;
  const endsLikeSentence = /[.,;]$/.test(text) && !/^\S+\.$/.test(text);
  if (endsLikeSentence) return false;
  // Headings start at the column edge (or are centred); table cells and labels float elsewhere.
  const atEdge = first.x0 - first.colLeft < 1.5 * h || Math.abs((first.x0 + first.x1) / 2 - (first.colLeft + first.colRight) / 2) < 2 * h;
  if (!atEdge) return false;
  const bigger = h >= stats.bodySize * 1.12;
  // Back matter is often set small with run-in subheads in bold of the same small size: a
  // small own-font line counts when the text after it starts at its edge in another font.
  const nextLine = next?.lines[0];
  const followedByText = !!nextLine && nextLine.font !== first.font && Math.abs(nextLine.x0 - first.x0) < 2 * h && nextLine.y > first.y && next!.kind === 'paragraph';
  const ownFont =
    d.lines.every((l) => l.uniformFont && (l.font !== stats.bodyFont || l.bold)) &&
    (h >= stats.bodySize * 0.85 || (h >= stats.bodySize * 0.65 && followedByText && d.lines.length <= 2));
  const slightlyBigger = h >= stats.bodySize * 1.03;
  const numbered = NUMBERED_HEADING.test(text);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const caps = letters.length >= 4 && letters === letters.toUpperCase() && text.length <= 60 && h >= stats.bodySize * 0.95;
  if (bigger) return true;
  if (ownFont && (text.length <= 100 || slightlyBigger)) return true;
  if (numbered && slightlyBigger && text.length <= 100) return true;
  return caps && d.lines.length <= 2;
}

/** Heading level per style: larger first; among equal sizes, the style met first ranks higher. */
function headingLevels(headings: Draft[]): Map<string, number> {
  const styles = new Map<string, { size: number; order: number }>();
  headings.forEach((d, i) => {
    const k = styleKey(d.lines[0]!);
    if (!styles.has(k)) styles.set(k, { size: d.lines[0]!.h, order: i });
  });
  const ranked = [...styles].sort((a, b) => b[1].size - a[1].size || a[1].order - b[1].order);
  return new Map(ranked.map(([k], i) => [k, i + 1]));
}

function headingLevel(d: Draft, text: string, levels: Map<string, number>): number {
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered?.[1]) return numbered[1].split('.').length;
  return levels.get(styleKey(d.lines[0]!)) ?? levels.size + 1;
}

function anchorOf(lines: Line[]): BlockAnchor {
  // Item ranges page by page, in reading order (a paragraph may run over a page break).
  const ranges: PdfItemRange[] = [];
  for (const l of lines) {
    let range = ranges.find((r) => r.page === l.page);
    if (!range) ranges.push((range = { page: l.page, firstItem: Infinity, lastItem: -Infinity }));
    for (const f of l.frags) {
      range.firstItem = Math.min(range.firstItem, f.index);
      range.lastItem = Math.max(range.lastItem, f.index);
    }
  }
  const [first, ...rest] = ranges;
  return { type: 'pdf', ...first!, ...(rest.length ? { continues: rest } : {}) };
}

function joinLines(lines: Line[], hy: Hyphenation): string {
  // Line texts are whitespace-normalised already (joinFrags), so the joined text is too.
  return hy.joinAll(lines.map((l) => l.text));
}

function plausibleInfoTitle(t: string | null): t is string {
  if (!t) return false;
  if (t.length < 10 || /^(untitled|microsoft word|title|document\d*)\b/i.test(t) || /\.(docx?|pdf|tex|dvi|indd|qxd)$/i.test(t)) return false;
  return /\s/.test(t);
}

/** Metadata from the info dictionary and the first page. */
function buildMetadata(
  pages: Line[][],
  /** Page 1 with its running header and footer, which often carry the DOI, year, journal and copyright. */
  firstPageAll: Line[],
  firstPageHeight: number,
  stats: LayoutStats,
  hy: Hyphenation,
  info: Partial<PdfInfo> | undefined,
  meta: Partial<PaperMetadata> | undefined,
): { metadata: PaperMetadata; titleLines: Set<Line> } {
  const first = pages[0] ?? [];
  const titleLines = new Set<Line>();
  // Title: the largest-font run of lines on page 1 that reads like a title (several words).
  let lowest = 1;
  for (const l of first) lowest = Math.max(lowest, l.y);
  const candidates = first.filter((l) => l.text.length >= 3 && l.y < lowest * 0.75);
  let title: string | null = null;
  const sizes = [...new Set(candidates.map((l) => Math.round(l.h * 2) / 2))].sort((a, b) => b - a);
  for (const size of sizes) {
    if (size < stats.bodySize * 1.15) break;
    const run: Line[] = [];
    for (const l of first) {
      if (Math.abs(Math.round(l.h * 2) / 2 - size) < 0.01) {
        if (run.length && l.y - run[run.length - 1]!.y > l.h * 2.2) break;
        run.push(l);
      } else if (run.length) break;
    }
    // Article-type labels set in the title's size ("Research Article") are not part of it.
    const text = joinLines(run, hy).replace(/^(?:research|original|review|brief|short|clinical|systematic review)\s+(?:article|paper|report|communication|research)\s*[:|–—-]?\s+(?=\p{Lu})/iu, '');
    if (text.split(/\s+/).length >= 3 && text.length >= 15 && text.length <= 400) {
      title = text;
      for (const l of run) titleLines.add(l);
      break;
    }
  }
  if (!title && plausibleInfoTitle(info?.title ?? null)) title = info!.title!;
  const firstText = firstPageAll.map((l) => l.text).join('\n');
  const doi = meta?.doi ?? info?.doi ?? findDoi(firstText);
  // What the first page prints wins; the file's own metadata fills what it does not.
  const year = meta?.year ?? publicationYear(firstText) ?? info?.publishedYear ?? null;
  const metadata: PaperMetadata = {
    title: meta?.title ?? title,
    // The file's own metadata first; many files have none, and then the byline under the title.
    authors: meta?.authors ?? (info?.authors?.length ? info.authors : authorsUnderTitle(first, titleLines)),
    journal: meta?.journal ?? journalOnFirstPage(firstPageAll, firstPageHeight) ?? info?.journal ?? null,
    published: meta?.published ?? (year !== null ? String(year) : null),
    year,
    doi: doi ? doi.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '') : null,
    pdfUrl: meta?.pdfUrl ?? null,
    url: meta?.url ?? null,
  };
  if (meta?.publisher !== undefined) metadata.publisher = meta.publisher;
  return { metadata, titleLines };
}

/** Supplementary tables/figures/appendices after the reference list end it. */
const SUPPLEMENT_CAPTION = /^(?:(?:supplementary|supporting|additional) (?:table|figure|file|material|information)|(?:table|figure|fig\.?) [SA]\d|appendix\b)/i;
/**
 * "Received: 13/10/2022", "ACCEPTED 5 March 2023", "Associate Editor: C. Castilho" (any case), then
 * a date or a name. Not "Published …": a reference's own tail can start a line with that.
 */
const ARTICLE_HISTORY_LABEL = /^(?:received|accepted|revised|associate editor|academic editor|handling editor)\s*:?\s*/i;
function isArticleHistory(text: string): boolean {
  const label = ARTICLE_HISTORY_LABEL.exec(text);
  return !!label && /^(?:\d|[A-Z][a-z]+\s+\d|\p{Lu})/u.test(text.slice(label[0].length));
}
const MAIN_ROLES = new Set<SectionRole>(['introduction', 'methods', 'results', 'discussion', 'conclusion']);
const BACK_MATTER = /^(?:appendi(?:x|ces)|supporting information|supplementary (?:material|information|data)|figures?(?: and tables)?|tables?|figure legends|abbreviations|author information|about the authors?|additional files?|notes|endnotes|footnotes)\b/i;

export interface LayoutOptions {
  info?: Partial<PdfInfo>;
  /** Each page's lines in reading order, already worked out (see `orderedLines`), one per page. */
  orderedPages?: Line[][];
}

/** A page's lines in reading order: the per-page first step of the layout, which can run page by page. */
export function orderedLines(page: PdfPageText): Line[] {
  return orderPage(buildLines(page), page.width);
}

export function pdfPagesToPaper(pages: PdfPageText[], meta?: Partial<PaperMetadata>, opts: LayoutOptions = {}): Paper {
  const warnings: string[] = [];
  // 1. Geometry.
  const ordered = opts.orderedPages?.length === pages.length ? opts.orderedPages : pages.map(orderedLines);
  const kept = dropRunningLines(ordered.map((lines, i) => ({ lines, height: pages[i]!.height }))).map((r) => r.lines);
  const all = kept.flat();
  const stats = computeStats(all);
  const hy = new Hyphenation();
  for (const l of all) hy.learn(l.text);
  const footnotes = markFootnotes(kept, pages.map((p) => p.height), stats);
  const { metadata, titleLines } = buildMetadata(kept, ordered[0] ?? [], pages[0]?.height ?? 0, stats, hy, opts.info, meta);

  // 2. Paragraph drafts.
  const justified = justifiedColumns(all);
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let prevBody: Line | null = null;
  for (const l of all) {
    if (footnotes.has(l)) {
      drafts.push({ kind: 'footnote', lines: [l] });
      continue;
    }
    const titleLine = titleLines.has(l);
    if (!cur || !prevBody || titleLine !== titleLines.has(prevBody) || startsNewParagraph(prevBody, l, stats, justified)) {
      cur = { kind: titleLine ? 'heading' : 'paragraph', lines: [] };
      drafts.push(cur);
    }
    cur.lines.push(l);
    prevBody = l;
  }
  // Adjacent footnote lines of one note belong together.
  const merged: Draft[] = [];
  for (const d of drafts) {
    const last = merged[merged.length - 1];
    if (d.kind === 'footnote' && last?.kind === 'footnote' && !/^\s*(?:\d{1,2}|[*†‡§¶a-z])\s/.test(d.lines[0]!.text)) last.lines.push(...d.lines);
    else merged.push(d);
  }

  // 3. Headings, sections, references.
  const headingDrafts = new Set(merged.filter((d, i) => d.kind === 'paragraph' && isHeadingDraft(d, stats, merged[i + 1])));
  const levels = headingLevels([...headingDrafts]);
  let titleSeen = titleLines.size === 0;
  let knownSectionSeen = false;
  const blocks: Block[] = [];
  const stack: { level: number; text: string; role: SectionRole }[] = [];
  let refMode: { heading: string; size: number; font: string; included: boolean } | null = null;
  let refLines: Line[] = [];
  let foundReferences = false;

  const currentRole = (): SectionRole => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.role !== 'other') return stack[i]!.role;
    return 'other';
  };
  const push = (kind: BlockKind, text: string, lines: Line[], role: SectionRole, sectionPath: string[], extra: Partial<Block> = {}) => {
    if (!text) return;
    blocks.push({ id: blocks.length, kind, text, sectionPath, role, anchor: anchorOf(lines), ...extra });
  };
  const flushReferences = () => {
    if (!refMode) return;
    const entries = splitReferenceLines(refLines);
    const path = stack.map((s) => s.text);
    for (const entry of entries) {
      const text = joinLines(entry, hy);
      if (!/\p{L}/u.test(text)) continue;
      // A note on the list ("Studies marked with an asterisk were included…") is not an entry.
      if (!startsWithInclusionMark(text) && INCLUSION_MARK_NOTE.test(text) && /\binclud/i.test(text) && text.length < 300) {
        push('paragraph', text, entry, 'references', path);
        continue;
      }
      const extra: Partial<Block> = { list: refMode.heading };
      if (refMode.included) extra.included = true;
      push('reference', text, entry, 'references', path, extra);
    }
    if (entries.length) foundReferences = true;
    refMode = null;
    refLines = [];
  };

  for (const d of merged) {
    if (d.kind === 'footnote') {
      push('footnote', joinLines(d.lines, hy), d.lines, currentRole(), stack.map((s) => s.text));
      continue;
    }
    if (d.lines.some((l) => titleLines.has(l))) {
      push('heading', joinLines(d.lines, hy), d.lines, 'title', []);
      titleSeen = true;
      continue;
    }
    if (refMode) {
      // Inside a reference list only a heading as prominent as the list's own ends it.
      const l0 = d.lines[0]!;
      const text = joinLines(d.lines, hy);
      const prominent = d.lines.length <= 2 && text.length <= 80 && (l0.h >= refMode.size - 0.25 || l0.h >= stats.bodySize * 1.12) && l0.uniformFont && (l0.font === refMode.font || l0.h >= stats.bodySize * 1.12);
      const role = prominent ? roleForHeading(text) : null;
      // A known section name set as a whole line (often in capitals or bold, as small as the
      // entries) also ends the list.
      const ownLine = d.lines.length <= 2 && text.length <= 60 && l0.uniformFont && (l0.font !== fontMode(refLines.slice(-3)) || /^[^\p{Ll}]+$/u.test(text));
      const sectionLike = ownLine && (roleForHeading(text) ?? 'references') !== 'references';
      if (SUPPLEMENT_CAPTION.test(text) || sectionLike || (prominent && (role !== null || BACK_MATTER.test(text) || l0.h >= refMode.size - 0.25))) {
        flushReferences();
      } else if (CAPTION.test(text) && d.lines.length <= 4) {
        // A figure or table floated onto a reference page: keep it out of the entries.
        push('caption', text, d.lines, 'references', stack.map((s) => s.text));
        continue;
      } else if (d.lines.length <= 3 && isArticleHistory(text)) {
        // The article's history on a reference page ("Received 19 July 2013; accepted …"), after
        // the list or at the foot of a column with entries still to come: not an entry either.
        push('paragraph', text, d.lines, 'references', stack.map((s) => s.text));
        continue;
      } else {
        refLines.push(...d.lines);
        continue;
      }
    }
    if (headingDrafts.has(d)) {
      const text = joinLines(d.lines, hy);
      const known = roleForHeading(text);
      // Journal banners and article-type labels above the first real section ("Open Access",
      // "RESEARCH ARTICLE") are front matter, not sections that later headings nest in.
      if (!knownSectionSeen && known === null && (!titleSeen || d.lines[0]!.page === 1)) {
        push('heading', text, d.lines, 'other', []);
        continue;
      }
      if (known !== null) knownSectionSeen = true;
      let level = headingLevel(d, text, levels);
      // Back matter (acknowledgements, declarations, references) is never inside a body
      // section, even when a journal sets its headings smaller than section headings.
      const ancestorRole = currentRole();
      const backMatter = known === 'references' || ((known === 'acknowledgements' || known === 'declarations') && ancestorRole !== known && ancestorRole !== 'declarations');
      if (backMatter && stack.length) {
        level = Math.min(level, stack[0]!.level);
      }
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      // Inside a body section, a subsection keeps its parent's role ("Results › Participants"
      // is still results); only specific roles (limitations, declarations…) override it.
      const parentRole = stack.length ? currentRole() : 'other';
      const role =
        known !== null && !(MAIN_ROLES.has(known) && MAIN_ROLES.has(parentRole) && stack.length)
          ? known
          : BACK_MATTER.test(text)
            ? 'other'
            : stack.length
              ? parentRole
              : known ?? 'other';
      stack.push({ level, text, role });
      push('heading', text, d.lines, role, stack.map((s) => s.text));
      if (role === 'references') {
        refMode = { heading: text, size: d.lines[0]!.h, font: d.lines[0]!.font, included: INCLUDED_LIST_HEADING.test(text) };
        refLines = [];
      }
      continue;
    }
    const text = joinLines(d.lines, hy);
    const path = stack.map((s) => s.text);
    if (CAPTION.test(text)) {
      push('caption', text, d.lines, currentRole(), path);
      continue;
    }
    const label = declarationLabel(text);
    if (label) {
      push('paragraph', text, d.lines, label.role, [...path, label.label]);
      continue;
    }
    // A run-in "Abstract" label on the first page opens the abstract.
    if (/^abstract\b/i.test(text) && d.lines[0]!.page === 1 && !stack.length) {
      stack.push({ level: 1, text: 'Abstract', role: 'abstract' });
      push('paragraph', text.replace(/^abstract[\s:.—–-]*/i, '') || text, d.lines, 'abstract', ['Abstract']);
      continue;
    }
    push('paragraph', text, d.lines, currentRole(), path);
  }
  flushReferences();

  markIncludedStudies(blocks);

  const failed = pages.filter((p) => p.error).map((p) => p.pageNumber);
  if (failed.length) warnings.push(`Page${failed.length > 1 ? 's' : ''} ${failed.join(', ')} could not be read (the PDF is damaged there); the rest was read.`);
  if (!all.length) warnings.push('This PDF has no text layer (it is probably scanned images): run OCR first, e.g. with OCRmyPDF, then open it again.');
  else if (!foundReferences) warnings.push('No reference list was found in this PDF (no "References" or "Bibliography" heading was recognised).');
  const emptyPages = pages.filter((p, i) => p.items.length > 0 && kept[i]!.length === 0).length + pages.filter((p) => !p.error && !p.items.some((it) => it.str.trim())).length;
  if (all.length && emptyPages > 0 && emptyPages >= pages.length * 0.3) {
    warnings.push(`${emptyPages} of ${pages.length} pages have no text layer (scanned images?); their content was not read.`);
  }
  return { metadata, blocks, source: 'pdf', warnings };
}

export { median };
