/**
 * Finding the article inside a publisher page, and deciding which elements are page furniture
 * (navigation, cookie banners, "related articles", "cited by", figure toolbars, hidden content).
 */
import { classParts, isHidden, tagOf } from './dom';

/** Known article containers; scored by paragraph text, so unknown layouts still work via `article`/`main`/body. */
const ROOT_SELECTORS = [
  'article',
  'main',
  '[role="main"]',
  '[itemprop="articleBody"]',
  '#main-content',
  '#maincontent',
  '#main',
  '#content',
  '#bodyContent',
  '#article',
  '.article',
  '.article-body',
  '.article__body',
  '.articleBody',
  '.article-content',
  '.article-full-text',
  '.c-article-body',
  '.fulltext',
  '.full-text',
  '.content',
  '#body',
].join(',');

function paragraphTextLength(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += (p.textContent ?? '').length;
  return n;
}

/**
 * The element holding the article. Candidates are scored by the text in their paragraphs; among
 * those holding nearly all of the best score, the outermost wins, so a title or reference list
 * sitting beside the body container (common on Wiley/Elsevier-style pages) is kept.
 */
export function findArticleRoot(doc: Document): Element {
  const steps = findArticleRootSteps(doc);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findArticleRoot`, pausing after each candidate it scores (each reads a whole subtree), so the
 * sliced extraction in ./index.ts can give the page a turn in between.
 */
export function* findArticleRootSteps(doc: Document): Generator<void, Element, void> {
  const body = doc.body;
  const candidates = Array.from(body.querySelectorAll(ROOT_SELECTORS)).filter((el) => !isHidden(el));
  if (!candidates.length) return body;
  const scored: { el: Element; score: number }[] = [];
  for (const el of candidates) {
    yield;
    scored.push({ el, score: paragraphTextLength(el) });
  }
  const best = Math.max(...scored.map((s) => s.score));
  if (best === 0) return body;
  const near = scored.filter((s) => s.score >= best * 0.85);
  // Outermost: a near-best candidate not contained in another near-best one.
  const outer = near.find((s) => !near.some((o) => o !== s && o.el.contains(s.el)));
  return (outer ?? near[0]!).el;
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'svg', 'button', 'form', 'nav', 'iframe', 'template', 'select', 'input', 'textarea',
  'canvas', 'object', 'embed', 'video', 'audio', 'map', 'dialog', 'link', 'meta', 'head', 'picture', 'source', 'img',
]);

const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'toolbar', 'menu', 'menubar', 'tablist', 'button']);

/** Class/id word parts of page furniture. Matched per part, so "correlated" or "shared-data" do not match. */
const FURNITURE_PARTS = new Set([
  'cookie', 'cookies', 'consent', 'gdpr', 'related', 'recommended', 'recommendations', 'recommend', 'citedby',
  'share', 'sharing', 'social', 'toolbar', 'advert', 'advertisement', 'ads', 'adsense', 'banner', 'breadcrumb',
  'breadcrumbs', 'metrics', 'altmetric', 'altmetrics', 'newsletter', 'popup', 'modal', 'promo', 'signup', 'login',
  'skip', 'sidebar', 'subscribe', 'paywall', 'download', 'downloads', 'nav', 'navbar', 'navigation', 'menu', 'jumplinks', 'pagination', 'masthead',
  'rightslink', 'permissions', 'tooltip', 'disclaimer', 'tools', 'toolbox', 'sronly', 'visually',
]);

/** Parts allowed to survive in <aside>/<footer> (notes and boxed text are article content). */
const CONTENT_PARTS = new Set(['fn', 'footnote', 'footnotes', 'notes', 'note', 'endnotes', 'box', 'boxed', 'declarations', 'funding', 'conflict', 'coi', 'acknowledgements', 'acknowledgments', 'ack', 'back']);

/** Is `el` page furniture or hidden content that must not become part of the paper? */
const furnitureCache = new WeakMap<Element, boolean>();

export function isFurniture(el: Element): boolean {
  let v = furnitureCache.get(el);
  if (v === undefined) {
    v = computeFurniture(el);
    furnitureCache.set(el, v);
  }
  return v;
}

function computeFurniture(el: Element): boolean {
  const tag = tagOf(el);
  if (SKIP_TAGS.has(tag)) return true;
  if (isHidden(el)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  // Headings are content whatever their classes say ("navigation-heading" on JMIR section titles).
  if (/^h[1-6]$/.test(tag)) return false;
  const parts = classParts(el);
  if (tag === 'header') return !el.querySelector('h1');
  if (tag === 'aside' || tag === 'footer') return !parts.some((p) => CONTENT_PARTS.has(p));
  if (!parts.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (FURNITURE_PARTS.has(p)) {
      // "sr-only"/"visually-hidden" style helpers are split into two parts; both must match.
      if (p === 'visually' && parts[i + 1] !== 'hidden') continue;
      // "l-with-sidebar": a layout that has a sidebar, not the sidebar.
      if (parts[i - 1] === 'with') continue;
      return !holdsMainContent(el);
    }
    if (p === 'cited' && parts[i + 1] === 'by') return true;
    if (p === 'sr' && parts[i + 1] === 'only') return true;
  }
  return false;
}

/** A wrapper around the page's <main> is layout, whatever its class names say. */
function holdsMainContent(el: Element): boolean {
  return !!el.querySelector('main, [role="main"]');
}
