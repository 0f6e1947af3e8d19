/**
 * Article metadata from a publisher page's <head>: Highwire `citation_*` tags first (what Google
 * Scholar asks publishers for, so nearly every journal has them), then Dublin Core, PRISM, Open
 * Graph, a bare `DOI` tag, JSON-LD ScholarlyArticle, and finally the visible <title>/<h1>.
 */
import type { PaperMetadata } from '../../analysis/model';
import { findDateMentions, formatDate } from '../../analysis/dates';
import { normaliseSpace } from '../../analysis/text';
import { classParts } from './dom';

/** Meta tags by lower-cased name/property, values in document order. */
export type MetaTags = Record<string, string[]>;

export function collectMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = {};
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = el.getAttribute('content');
    if (!key || value == null) continue;
    const v = normaliseSpace(value);
    if (!v) continue;
    (tags[key] ??= []).push(v);
  }
  return tags;
}

/** "https://doi.org/10.1/x", "doi:10.1/x", "DOI: 10.1/x" → "10.1/x"; null when no DOI is inside. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /10\.\d{4,9}\/\S+/.exec(decodeURIComponentSafe(raw.trim()));
  return m ? m[0].replace(/[.,;]+$/, '') : null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return /%[0-9a-f]{2}/i.test(s) ? decodeURIComponent(s) : s;
  } catch {
    return s;
  }
}

/** First 4-digit year (1500–2199) in a date string such as "2020/03/04", "March 2020", "2020-03". */
export function yearFromDate(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)/.exec(date);
  return m ? Number(m[1]) : null;
}

/** "2020/3/4" and "2020-03-04" → "2020-03-04"; "2020" stays; other shapes reduced to the year. */
export function normaliseDate(date: string | null): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/.exec(date.trim());
  if (m) return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
  const y = yearFromDate(date);
  return y ? String(y) : null;
}

/** "Family, Given" → "Given Family"; other shapes as given. */
export function normaliseAuthor(name: string): string {
  const n = normaliseSpace(name);
  const m = /^([^,]+),\s*([^,]+)$/.exec(n);
  return m ? `${m[2]} ${m[1]}` : n;
}

function first(tags: MetaTags, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = tags[k]?.[0];
    if (v) return v;
  }
  return null;
}

function all(tags: MetaTags, ...keys: string[]): string[] {
  for (const k of keys) if (tags[k]?.length) return tags[k]!;
  return [];
}

interface JsonLdArticle {
  headline?: string;
  name?: string;
  author?: unknown;
  datePublished?: string;
  identifier?: unknown;
  sameAs?: unknown;
  isPartOf?: unknown;
  publisher?: unknown;
}

const SCHOLARLY_TYPES = /^(?:ScholarlyArticle|MedicalScholarlyArticle|Article|NewsArticle|Report|Thesis|Chapter)$/;

/** The first JSON-LD object typed as an article (searching @graph arrays too). */
function jsonLdArticle(doc: Document): JsonLdArticle | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const item = stack.shift();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const types = ([] as unknown[]).concat(o['@type'] ?? []);
        if (types.some((t) => typeof t === 'string' && SCHOLARLY_TYPES.test(t))) return o as JsonLdArticle;
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  return null;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return o.name;
    if (typeof o.givenName === 'string' || typeof o.familyName === 'string') {
      return [o.givenName, o.familyName].filter((x) => typeof x === 'string').join(' ');
    }
  }
  return null;
}

function stringsOf(v: unknown): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (typeof v === 'string') return [v];
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return [o.value, o['@id'], o.url, o.name].flatMap(stringsOf);
  }
  return [];
}

const BIBLIOGRAPHY_PARTS = new Set(['references', 'reference', 'ref', 'refs', 'bibliography', 'bib', 'citation', 'citations', 'cit', 'related', 'recommended', 'citedby', 'mixed', 'element']);

/** Inside a reference list, a related-articles box, navigation or a footer: its names are not the byline. */
function outsideByline(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    // Not isFurniture: bylines often sit in buttons and "banner" blocks (ScienceDirect).
    if (/^(?:nav|aside|footer)$/i.test(cur.tagName)) return true;
    if (classParts(cur).some((p) => BIBLIOGRAPHY_PARTS.has(p))) return true;
  }
  return false;
}

/**
 * Authors from the visible byline when the page has no author meta tags (e.g. ScienceDirect):
 * schema.org microdata, given-name/surname pairs, then rel=author links.
 */
function authorsFromDom(doc: Document): string[] {
  const out: string[] = [];
  const add = (name: string) => {
    const n = normaliseSpace(name).replace(/[,;*\d]+$/, '').trim();
    if (n && n.length < 100 && !out.includes(n)) out.push(n);
  };
  for (const el of Array.from(doc.querySelectorAll('[itemprop="author"]'))) {
    if (!outsideByline(el)) add((el.querySelector('[itemprop="name"]') ?? el).textContent ?? '');
  }
  if (out.length) return out;
  for (const sur of Array.from(doc.querySelectorAll('[class*="surname"]'))) {
    const parent = sur.parentElement;
    if (!parent || outsideByline(sur)) continue;
    const given = Array.from(parent.children).find((c) => c !== sur && classParts(c).some((p) => p === 'given' || p === 'givenname' || p === 'forename'));
    add(`${given?.textContent ?? ''} ${sur.textContent ?? ''}`);
  }
  if (out.length) return out;
  for (const a of Array.from(doc.querySelectorAll('a[rel="author"], [data-test="author-name"]'))) {
    if (!outsideByline(a)) add(a.textContent ?? '');
  }
  if (out.length) return out;
  // A plain byline: <p class="authors">A. Author, B. Author and C. Author</p>.
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    const parts = classParts(el);
    const byline = parts.includes('authors') || parts.includes('byline') || parts.includes('contributors') || (parts.includes('author') && parts.includes('list'));
    if (!byline || outsideByline(el)) continue;
    const names = bylineNames(el.textContent ?? '');
    if (names.length) return names;
  }
  return out;
}

/** A name as bylines print it: two to five capitalised words or initials, no digits. */
const PERSON_NAME = /^(?:\p{Lu}[\p{L}'’.-]*\.?\s+){1,4}\p{Lu}[\p{L}'’-]+$/u;

/** "A. Author, B. Author and C. Author" → names; nothing unless every part reads as a name. */
function bylineNames(text: string): string[] {
  const cleaned = normaliseSpace(text.replace(/[*†‡§¶#]|\d+(?=[,\s]|$)/g, ''));
  if (!cleaned || cleaned.length > 1500) return [];
  const parts = cleaned.split(/\s*(?:,|;|\band\b|&)\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.length && parts.every((p) => PERSON_NAME.test(p)) ? parts : [];
}

/**
 * A publication date printed on the page, for pages without a date tag: "Published: 12 March
 * 2010", "First published: 3 May 2019", "Version of record online: …", a preprint's "Posted
 * May 3, 2021". The first such line wins: the version the page shows is printed at its top.
 */
const PRINTED_DATE_LABEL =
  /\b(?:first published(?: online)?|published(?: online)?|version of record online|date of publication|available online|posted(?: online)?|online publication date)\s*(?:on\s*)?:?\s*((?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})/i;
function printedDate(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll('p, span, div, li, time, dd, section'))) {
    if (el.children.length > 4) continue;
    const text = el.textContent ?? '';
    if (text.length > 200) continue;
    const m = PRINTED_DATE_LABEL.exec(text);
    // The label test first: it rules out nearly every element without walking its ancestors.
    if (!m || outsideByline(el)) continue;
    const d = m[1]!;
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
    // Month names and numeric forms read as the search-date reader reads them.
    const mention = findDateMentions(d)[0];
    if (mention) return formatDate(mention);
  }
  return null;
}

/**
 * An arXiv paper's DOI, which arXiv registers with DataCite from the identifier
 * (10.48550/arXiv.2301.01234), from `citation_arxiv_id` or the page's arxiv.org URL; the version
 * suffix is not part of it.
 */
function arxivDoi(tags: MetaTags, url: string | null): string | null {
  const id =
    first(tags, 'citation_arxiv_id') ??
    (url ? /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i.exec(url)?.[1] ?? null : null);
  const m = id ? /^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$/i.exec(id.trim()) : null;
  return m ? `10.48550/arXiv.${m[1]}` : null;
}

/** bioRxiv/medRxiv print a version on their DOIs ("10.1101/2021.05.03.442189v2"): the DOI has none. */
function withoutVersion(doi: string | null): string | null {
  return doi && /^10\.1101\/\d{4}\.\d{2}\.\d{2}\.\d+v\d+$/i.test(doi) ? doi.replace(/v\d+$/i, '') : doi;
}

/** The page title without a trailing " | Journal" / " - Site" suffix. */
function cleanDocumentTitle(title: string): string {
  return normaliseSpace(title.replace(/\s+[|–—-]\s+[^|–—-]{2,80}$/, ''));
}

export function extractMetadata(doc: Document, url: string | null, tags: MetaTags = collectMetaTags(doc)): PaperMetadata {
  const ld = jsonLdArticle(doc);

  const h1 = doc.querySelector('h1');
  const title =
    first(tags, 'citation_title', 'dc.title', 'dcterms.title', 'prism.title', 'og:title', 'twitter:title') ??
    (ld ? nameOf(ld.headline) ?? nameOf(ld.name) : null) ??
    (h1 ? normaliseSpace(h1.textContent ?? '') || null : null) ??
    (doc.title ? cleanDocumentTitle(doc.title) || null : null);

  let authors = all(tags, 'citation_author', 'citation_authors', 'dc.creator', 'dcterms.creator', 'author', 'article:author');
  // `citation_authors` is sometimes one tag with "A; B; C".
  if (authors.length === 1 && authors[0]!.includes(';')) authors = authors[0]!.split(';');
  if (!authors.length && ld?.author) {
    authors = ([] as unknown[]).concat(ld.author).map(nameOf).filter((x): x is string => !!x);
  }
  if (!authors.length) authors = authorsFromDom(doc);

  const journal =
    first(tags, 'citation_journal_title', 'citation_conference_title', 'prism.publicationname', 'dc.source', 'dc.relation.ispartof', 'og:site_name') ??
    (ld?.isPartOf ? nameOf(ld.isPartOf) : null);

  const dateRaw =
    first(tags, 'citation_publication_date', 'citation_online_date', 'citation_date', 'citation_cover_date', 'dc.date', 'dcterms.issued', 'dcterms.date', 'dc.date.issued', 'prism.publicationdate', 'prism.coverdate', 'article:published_time') ??
    (typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
    first(tags, 'citation_year') ??
    printedDate(doc);

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const tagged =
    normaliseDoi(first(tags, 'citation_doi', 'dc.identifier', 'dcterms.identifier', 'prism.doi', 'doi', 'bepress_citation_doi')) ??
    (tags['dc.identifier'] ?? []).map(normaliseDoi).find(Boolean) ??
    (ld ? stringsOf([ld.identifier, ld.sameAs]).map(normaliseDoi).find(Boolean) ?? null : null);
  const doi = withoutVersion(tagged || arxivDoi(tags, url ?? first(tags, 'citation_abstract_html_url', 'og:url') ?? canonical));

  const publisher = first(tags, 'citation_publisher', 'dc.publisher', 'dcterms.publisher', 'prism.publisher') ?? (ld?.publisher ? nameOf(ld.publisher) : null);

  return {
    title: title ? normaliseSpace(title) : null,
    authors: authors.map(normaliseAuthor).filter(Boolean),
    journal: journal ? normaliseSpace(journal) : null,
    published: normaliseDate(dateRaw),
    year: yearFromDate(dateRaw),
    doi,
    pdfUrl: absoluteHttpUrl(first(tags, 'citation_pdf_url', 'eprints.document_url'), url ?? canonical),
    url: url ?? first(tags, 'citation_fulltext_html_url', 'citation_abstract_html_url', 'og:url') ?? canonical,
    publisher: publisher ? normaliseSpace(publisher) : null,
  };
}

/**
 * Publishers sometimes give `citation_pdf_url` relative to the page; resolve it so the viewer can
 * open it. Only http(s) survives: a `javascript:` or `data:` value from a hostile page is dropped.
 */
function absoluteHttpUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const resolved = base ? new URL(value.trim(), base) : new URL(value.trim());
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}
