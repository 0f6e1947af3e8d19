/**
 * Publisher HTML → Paper. One code path for the browser (content script, real DOM) and Node
 * (linkedom, see ./node-dom.ts): plain recursion over `childNodes`, no TreeWalker, no layout.
 *
 * The walk keeps a stack of open sections. Headings (h1–h6, ARIA headings, `section > .title`)
 * push onto it; leaving a sectioning element (<section>, `div.sec`…) pops what was opened inside.
 * Containers named like an abstract, a reference list, a declarations box or a footnote group
 * push an "implicit" frame that gives a role without adding a heading to the section path.
 * Every element whose children are all inline becomes one block; runs of loose inline content
 * between block children become blocks too.
 *
 * Block anchors are `{ type: 'dom', path }` where `path` is the element-child index path from
 * `document.body` (see `pathOf` / `elementForPath` in ./dom.ts), e.g. "0/3/1".
 *
 * The walk is a generator that pauses every few elements, so one extraction serves two callers
 * without duplicated logic: `extractHtml` (Node, CLI, tests) runs it to the end in one go;
 * `extractHtmlInSlices` (the content script) gives the page's event loop a turn whenever a
 * time budget is used up, so a long article never blocks the page for one long task.
 */
import type { Block, BlockKind, Paper, SectionRole } from '../../analysis/model';
import { ELEMENT_NODE, INLINE_TAGS, TEXT_NODE, classParts, squash, pathOf, tagOf, textOf, textOfNodes } from './dom';
import { findArticleRootSteps, isFurniture } from './isolate';
import { collectMetaTags, extractMetadata } from './metadata';
import { INCLUSION_MARK_NOTE, markIncludedStudies, startsWithInclusionMark } from '../../analysis/included-studies';
import { cleanEntryText, isEntryUi, looksLikeEntry, metaReferences } from './references';
import { cleanHeading, declarationLabel, isDeclarationLabelText, roleForHeading } from './sections';

/** IMRaD body roles: a subsection's own wording does not override its parent's among these. */
const BODY_ROLES = new Set<SectionRole>(['introduction', 'methods', 'results', 'discussion', 'conclusion']);

export { elementForPath, pathOf } from './dom';

/**
 * Extraction steps: each `yield` is a point where the work may pause. The walk yields every
 * `WALK_STEP` elements (a yield unwinds through every nested walk frame, so not on each one).
 */
type Steps = Generator<void, void, void>;
const WALK_STEP = 16;

interface Frame {
  /** Id of the element that was open when this frame was pushed; leaving that element closes it. */
  scope?: number;
  title: string;
  role: SectionRole | null;
  level: number;
  /** From a container's class/id, not a visible heading: gives a role, adds nothing to the path. */
  implicit: boolean;
  footnotes?: boolean;
}

const HEADING_TAG = /^h([1-6])$/;
/** A list label left on its own ("1", "[12]", "3."). */
const LABEL_ONLY = /^\[?\d{1,4}\]?\.?$/;
/** Article furniture that can follow a flat reference list ("Keywords:", "Citation:", "Received:"…). */
const NOT_AN_ENTRY = /^(?:keywords?|key words|citation|cite this(?: article)?|how to cite(?: this article)?|received|accepted|published(?: online)?|edited by|reviewed by|copyright|©|\*?\s*correspondence|abbreviations|article history)\b\s*[:.]?/i;
const YEARISH = /(?<!\d)(?:1[5-9]|20)\d\d(?!\d)/;

/** Containers whose class/id names their role even when they carry no heading. */
function implicitFrame(el: Element): Frame | null {
  const role = el.getAttribute('role');
  if (role === 'doc-bibliography') return { title: '', role: 'references', level: 0, implicit: true };
  if (role === 'doc-endnotes' || role === 'doc-footnote') return { title: '', role: null, level: 0, implicit: true, footnotes: true };
  if (role === 'doc-abstract') return { title: '', role: 'abstract', level: 0, implicit: true };
  if (role === 'doc-acknowledgments') return { title: '', role: 'acknowledgements', level: 0, implicit: true };
  const parts = classParts(el);
  if (!parts.length) return null;
  const has = (...names: string[]) => names.some((n) => parts.includes(n));
  if (has('abstract', 'abstracts')) return { title: '', role: 'abstract', level: 0, implicit: true };
  // Not "literature" or "citations": a literature-review section or a cited-by box is not a bibliography.
  if (has('references', 'bibliography', 'reflist', 'refs', 'biblist') || (has('ref') && has('list'))) {
    return { title: '', role: 'references', level: 0, implicit: true };
  }
  if (has('acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment', 'ack')) return { title: '', role: 'acknowledgements', level: 0, implicit: true };
  if (has('conflict', 'coi', 'competing', 'declaration', 'declarations', 'disclosure', 'disclosures', 'funding', 'financial', 'contributions')) {
    return { title: '', role: 'declarations', level: 0, implicit: true };
  }
  if (has('fn', 'footnote', 'footnotes', 'fngroup', 'endnotes', 'notes')) return { title: '', role: null, level: 0, implicit: true, footnotes: true };
  return null;
}

function isSectioning(el: Element, tag: string): boolean {
  if (tag === 'section' || tag === 'article') return true;
  if (tag !== 'div') return false;
  return classParts(el).some((p) => p === 'sec' || p === 'section' || p === 'tsec' || p === 'subsection' || p === 'subsec');
}

/** Is this element a block container (has a non-inline child)? */
function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children)) {
    if (!INLINE_TAGS.has(tagOf(child))) return true;
    // An inline wrapper around blocks (span > div) still makes its parent a container.
    if (child.children.length && hasBlockChild(child)) return true;
  }
  return false;
}

/** `section > .title`, `div[role=heading]`: headings that are not h1–h6. Returns a level or 0. */
function pseudoHeadingLevel(el: Element, tag: string, depth: number): number {
  const role = el.getAttribute('role');
  if (role === 'heading') return Number(el.getAttribute('aria-level')) || depth + 1;
  if (tag !== 'div' && tag !== 'p' && tag !== 'span' && tag !== 'header') return 0;
  const parts = classParts(el);
  if (!parts.some((p) => p === 'title' || p === 'heading' || p === 'head' || p === 'headline')) return 0;
  const parent = el.parentElement;
  if (!parent || parent.children[0] !== el) return 0;
  const text = el.textContent ?? '';
  if (text.length > 200 || hasBlockChild(el)) return 0;
  return depth + 1;
}

class Builder {
  readonly blocks: Block[] = [];
  private stack: Frame[] = [];
  /** Scope ids: every walked element gets the next id; frames remember the id open when pushed. */
  private scope = 0;
  private nextScope = 1;
  private depth = 0;
  /** Inside a <figcaption>, <caption> or `.caption` container: leaves are captions. */
  private captionDepth = 0;
  private titleSeen = false;
  /** Elements walked, for pausing every WALK_STEP of them. */
  private walked = 0;
  private readonly skip = (el: Element) => isFurniture(el);
  private readonly skipEntryUi = (el: Element) => isFurniture(el) || isEntryUi(el);

  constructor(
    private readonly body: Element,
    private readonly metaTitle: string | null,
  ) {}

  private sectionPath(): string[] {
    return this.stack.filter((f) => !f.implicit && f.title).map((f) => f.title);
  }

  private role(): SectionRole {
    // The innermost frame with a role decides, with two refinements:
    // - a container named for its role (implicit frame: "div.AbstractSummary" after a flat
    //   References heading) beats headings opened outside it;
    // - under an Abstract or References heading, subheadings keep that role (structured
    //   abstracts have "Methods"; reference lists have "Included studies" sublists).
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (!f.role) continue;
      if (f.implicit) return f.role;
      for (let j = 0; j < i; j++) {
        const outer = this.stack[j]!.role;
        if (outer === 'abstract' || outer === 'references') return outer;
        // A body subsection keeps its parent's body role: "Study selection" under Results
        // reports results, though its wording sounds like methods.
        if (outer && BODY_ROLES.has(outer) && BODY_ROLES.has(f.role)) return outer;
      }
      return f.role;
    }
    return 'other';
  }

  private inFootnotes(): boolean {
    return this.stack.some((f) => f.footnotes);
  }

  /** Adds a block; `text` must already be whitespace-normalised. */
  private push(kind: BlockKind, text: string, path: string, extra: Partial<Block> = {}): Block | null {
    if (!text) return null;
    const block: Block = {
      id: this.blocks.length,
      kind,
      text,
      sectionPath: this.sectionPath(),
      role: this.role(),
      anchor: { type: 'dom', path },
      ...extra,
    };
    this.blocks.push(block);
    return block;
  }

  addTitle(el: Element, path: string): void {
    this.titleSeen = true;
    const t = squash(textOf(el, this.skip));
    if (t) this.blocks.push({ id: this.blocks.length, kind: 'heading', text: t, sectionPath: [], role: 'title', anchor: { type: 'dom', path } });
  }

  private heading(el: Element, level: number, path: string): void {
    const text = squash(textOf(el, this.skip));
    if (!text) return;
    // The article's <h1> is its title: the one matching the metadata title, else the first h1
    // met before any section heading (the walk starts inside the article container).
    const noSectionYet = !this.blocks.some((b) => b.kind === 'heading');
    if (level === 1 && !this.titleSeen && ((this.metaTitle && similarTitle(text, this.metaTitle)) || noSectionYet)) {
      this.addTitle(el, path);
      return;
    }
    // A heading closes every open heading of the same or a deeper level (flat layouts), even
    // one opened outside the container this heading sits in.
    this.stack = this.stack.filter((f) => f.implicit || f.level < level);
    this.stack.push({ scope: this.scope, title: cleanHeading(text) || text, role: roleForHeading(text), level, implicit: false });
    this.push('heading', text, path);
  }

  /**
   * `path` is `el`'s anchor path (see pathOf), passed down so it is never recomputed. `isRoot`:
   * the article container itself, which is never furniture whatever its classes say
   * ("article.app-masthead__colour-15" on Springer pages).
   */
  *walk(el: Element, path: string, isRoot = false): Steps {
    if (++this.walked % WALK_STEP === 0) yield;
    if (!isRoot && isFurniture(el)) return;
    const tag = tagOf(el);
    const hm = HEADING_TAG.exec(tag);
    if (hm) return this.heading(el, Number(hm[1]), path);
    const pseudo = pseudoHeadingLevel(el, tag, this.depth);
    if (pseudo) return this.heading(el, pseudo, path);

    const inRefs = this.role() === 'references';
    if (inRefs && this.isEntry(el, tag)) return this.reference(el, path);
    if (tag === 'table') return inRefs ? this.referenceTable(el) : this.table(el, path);
    if (tag === 'dl') return yield* this.definitionList(el, inRefs, path);

    const sectioning = isSectioning(el, tag);
    const frame = implicitFrame(el);
    const caption = tag === 'figcaption' || tag === 'caption' || classParts(el).includes('caption');
    const outerScope = this.scope;
    const scope = (this.scope = this.nextScope++);
    if (frame) this.stack.push({ ...frame, scope });
    if (sectioning) this.depth++;
    if (caption) this.captionDepth++;
    if (!hasBlockChild(el)) this.leaf(el, path);
    else yield* this.container(el, path);
    if (caption) this.captionDepth--;
    if (sectioning) this.depth--;
    // Leaving a section (or a container that named a role) closes what was opened inside it.
    if (sectioning || frame) this.stack = this.stack.filter((f) => (f.scope ?? 0) < scope);
    this.scope = outerScope;
  }

  private *container(el: Element, path: string): Steps {
    let run: Node[] = [];
    const prefix = path ? `${path}/` : '';
    const flush = () => {
      if (!run.length) return;
      const text = squash(textOfNodes(run, this.skip));
      if (!text) return void (run = []);
      if (this.role() === 'references') this.referenceText(text, path);
      else this.paragraph(el, text, this.captionDepth > 0 ? 'caption' : 'paragraph', path);
      run = [];
    };
    let index = -1;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT_NODE) run.push(child);
      else if (child.nodeType === ELEMENT_NODE) {
        index++; // counts every element child, furniture included, so paths match `children`
        const c = child as Element;
        if (isFurniture(c)) continue;
        if (INLINE_TAGS.has(tagOf(c)) && !hasBlockChild(c)) run.push(c);
        else {
          flush();
          yield* this.walk(c, prefix + index);
        }
      }
    }
    flush();
  }

  private leaf(el: Element, path: string): void {
    const text = squash(textOf(el, this.skip));
    if (!text) return;
    if (this.role() === 'references') {
      // A note on the list ("References marked with an asterisk…") is not an entry.
      if (!startsWithInclusionMark(text) && INCLUSION_MARK_NOTE.test(text)) this.push('paragraph', text, path);
      else if (!this.brSeparatedEntries(el, path)) this.reference(el, path);
      return;
    }
    const parts = classParts(el);
    const kind: BlockKind = this.captionDepth > 0 ? 'caption' : this.inFootnotes() || parts.includes('fn') || parts.includes('footnote') ? 'footnote' : 'paragraph';
    this.paragraph(el, text, kind, path);
  }

  /** A paragraph, re-roled when it opens with a declaration label ("Funding: …", <b>Competing interests</b>). */
  private paragraph(el: Element, t: string, kind: BlockKind, path: string): void {
    const label = declarationLabel(t) ?? boldLabel(el);
    if (!label) {
      this.push(kind, t, path);
      return;
    }
    const sections = this.sectionPath();
    const last = sections[sections.length - 1];
    const sectionPath = last && last.toLowerCase() === label.label.toLowerCase() ? sections : [...sections, label.label];
    this.push(kind, t, path, { sectionPath, role: label.role });
  }

  private isEntry(el: Element, tag: string): boolean {
    // A list item is an entry unless it nests citation-like items of its own (a link list
    // such as PLOS's "View Article · PubMed/NCBI · Google Scholar" is not).
    if (tag === 'li') return !Array.from(el.querySelectorAll('li')).some((li) => (li.textContent ?? '').length >= 40 && YEARISH.test(li.textContent ?? ''));
    if (!looksLikeEntry(el)) return false;
    if (el.querySelector('li')) return false;
    // A wrapper named like an entry ("div.ref-list") that holds several entries is a list:
    // several entry-like children, or several children that each carry a year of their own.
    // (BEM names make parts entry-like too: "circle-list__item__number" holding "1" is no entry.)
    let entryChildren = 0;
    let datedChildren = 0;
    for (const c of Array.from(el.children)) {
      const text = c.textContent ?? '';
      if (looksLikeEntry(c) && text.trim().length >= 40) entryChildren++;
      if (!INLINE_TAGS.has(tagOf(c)) && YEARISH.test(text)) datedChildren++;
    }
    return entryChildren <= 1 && datedChildren <= 1;
  }

  private reference(el: Element, path: string): void {
    const text = cleanEntryText(textOf(el, this.skipEntryUi));
    if (!text || LABEL_ONLY.test(text)) return;
    if (NOT_AN_ENTRY.test(text)) return void this.paragraph(el, text, 'paragraph', path);
    const sections = this.sectionPath();
    this.push('reference', text, path, { list: sections[sections.length - 1] ?? 'References' });
  }

  /** Bibliographies laid out as tables (one row per entry, a label cell and a citation cell). */
  private referenceTable(el: Element): void {
    for (const row of Array.from(el.querySelectorAll('tr'))) {
      if (isFurniture(row)) continue;
      const text = Array.from(row.children)
        .filter((c) => /^t[hd]$/.test(tagOf(c)) && !isFurniture(c))
        .map((c) => cleanEntryText(textOf(c, this.skipEntryUi)))
        .filter((t) => t && !/^\[?\d{1,4}\]?\.?$/.test(t))
        .join(' ');
      if (text) {
        const sections = this.sectionPath();
        this.push('reference', text, pathOf(row, this.body), { list: sections[sections.length - 1] ?? 'References' });
      }
    }
  }

  /** Loose text inside a reference list (no element of its own). */
  private referenceText(text: string, path: string): void {
    const t = cleanEntryText(text);
    if (!t || LABEL_ONLY.test(t)) return;
    if (NOT_AN_ENTRY.test(t)) return void this.push('paragraph', t, path);
    if (!startsWithInclusionMark(t) && INCLUSION_MARK_NOTE.test(t)) return void this.push('paragraph', t, path);
    const sections = this.sectionPath();
    this.push('reference', t, path, { list: sections[sections.length - 1] ?? 'References' });
  }

  /**
   * Older and smaller sites print the whole bibliography as one paragraph with <br> between
   * entries. Split it when every segment carries a year of its own (so a long entry wrapped with
   * <br> stays whole). Returns false when the element is one entry.
   */
  private brSeparatedEntries(el: Element, path: string): boolean {
    const segments: Node[][] = [[]];
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType === ELEMENT_NODE && tagOf(n as Element) === 'br') segments.push([]);
      else segments[segments.length - 1]!.push(n);
    }
    const texts = segments.map((seg) => cleanEntryText(textOfNodes(seg, this.skipEntryUi))).filter(Boolean);
    if (texts.length < 2 || !texts.every((t) => YEARISH.test(t))) return false;
    for (const t of texts) this.referenceText(t, path);
    return true;
  }

  private table(el: Element, path: string): void {
    const caption = el.querySelector('caption');
    if (caption && !isFurniture(caption)) this.push('caption', squash(textOf(caption, this.skip)), pathOf(caption, this.body));
    for (const row of Array.from(el.querySelectorAll('tr'))) {
      if (isFurniture(row)) continue;
      const cells = Array.from(row.children)
        .filter((c) => /^t[hd]$/.test(tagOf(c)) && !isFurniture(c))
        .map((c) => squash(textOf(c, this.skip)));
      if (cells.some(Boolean)) this.push('table', cells.join(' | '), row.parentElement === el ? `${path}/${indexIn(el, row)}` : pathOf(row, this.body));
    }
  }

  /** <dl>: each <dt> labels the <dd>s after it ("Funding" → "The study was funded by…"). */
  private *definitionList(el: Element, inRefs: boolean, path: string): Steps {
    const outerScope = this.scope;
    const scope = (this.scope = this.nextScope++);
    const close = () => (this.stack = this.stack.filter((f) => (f.scope ?? 0) < scope));
    const children = Array.from(el.children);
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const childPath = path ? `${path}/${i}` : String(i);
      if (isFurniture(child)) continue;
      const tag = tagOf(child);
      if (tag === 'dt') {
        if (inRefs) continue; // "[12]" labels of a numbered bibliography
        close();
        const text = squash(textOf(child, this.skip));
        if (!text) continue;
        const label = isDeclarationLabelText(text);
        this.push('heading', text, childPath);
        this.stack.push({ scope, title: cleanHeading(text) || text, role: roleForHeading(text) ?? label?.role ?? null, level: 99, implicit: false });
      } else if (tag === 'dd' && inRefs) this.reference(child, childPath);
      else yield* this.walk(child, childPath);
    }
    close();
    this.scope = outerScope;
  }
}

/** A leading <b>/<strong> that is a declaration label without punctuation ("<b>Funding</b> The…"). */
function boldLabel(el: Element) {
  const first = el.firstElementChild;
  if (!first || !/^(?:b|strong|em|span|label)$/.test(tagOf(first))) return null;
  // Only when the bold run opens the paragraph.
  for (const n of Array.from(el.childNodes)) {
    if (n === first) break;
    if (n.nodeType === TEXT_NODE && (n.nodeValue ?? '').trim()) return null;
  }
  const text = squash(first.textContent ?? '');
  return text.length <= 60 ? isDeclarationLabelText(text) : null;
}

function indexIn(parent: Element, child: Element): number {
  return Array.prototype.indexOf.call(parent.children, child);
}

function similarTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  const y = norm(b);
  return !!x && !!y && (x === y || x.includes(y) || y.includes(x));
}

/** The whole extraction, pausing between phases and during the walk (see `Steps`). */
function* extraction(doc: Document, url: string | null): Generator<void, Paper, void> {
  const tags = collectMetaTags(doc);
  const metadata = extractMetadata(doc, url, tags);
  yield;
  const body = doc.body ?? doc.documentElement;
  const root = yield* findArticleRootSteps(doc);
  yield;
  const builder = new Builder(body, metadata.title);

  // A title <h1> outside the article container (header bands) still opens the paper.
  if (root !== body && !root.querySelector('h1')) {
    const h1 = Array.from(body.querySelectorAll('h1')).find((h) => !isFurniture(h) && metadata.title && similarTitle(h.textContent ?? '', metadata.title));
    if (h1) builder.addTitle(h1, pathOf(h1, body));
  }
  yield* builder.walk(root, pathOf(root, body), true);
  yield;
  const blocks = builder.blocks;

  const warnings: string[] = [];
  if (!blocks.some((b) => b.kind === 'reference')) {
    const metaRefs = metaReferences(tags);
    for (const text of metaRefs) {
      blocks.push({ id: blocks.length, kind: 'reference', text, sectionPath: ['References'], role: 'references', anchor: { type: 'meta' }, list: 'References' });
    }
    if (!metaRefs.length) warnings.push('No reference list found');
  }
  markIncludedStudies(blocks);
  if (!blocks.some((b) => b.kind === 'heading' && b.role !== 'title')) warnings.push('No section headings found');
  const prose = blocks.reduce((n, b) => n + (b.kind === 'paragraph' ? b.text.length : 0), 0);
  if (prose < 300) warnings.push('Little or no article text found');

  return { metadata, blocks, source: 'html', warnings };
}

/** Publisher HTML → Paper in one synchronous run (Node, the CLI, tests). */
export function extractHtml(doc: Document, url: string | null = null): Paper {
  const steps = extraction(doc, url);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work between two turns of the event loop (ms). */
  budgetMs?: number;
  /** Told the length of each slice of work (ms), for measurements. */
  onSlice?: (ms: number) => void;
}

/** Gives the page's event loop a turn (input, rendering): `scheduler.yield` where present. */
function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The same extraction as `extractHtml` (identical output), for a live page: the work is cut into
 * slices of about `budgetMs`, with the event loop getting a turn between them, so the page stays
 * responsive on long articles. The page should not change meanwhile (anchor paths are read
 * during the walk); the content script runs it right after the reader asked.
 */
export async function extractHtmlInSlices(doc: Document, url: string | null = null, { budgetMs = 20, onSlice }: SliceOptions = {}): Promise<Paper> {
  const steps = extraction(doc, url);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      onSlice?.(performance.now() - sliceStart);
      return step.value;
    }
    const spent = performance.now() - sliceStart;
    if (spent >= budgetMs) {
      onSlice?.(spent);
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
