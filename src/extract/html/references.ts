/**
 * Reference-list helpers: recognising entry elements, cleaning publisher UI out of an entry's
 * text, the asterisk convention for included studies, and the `citation_reference` meta fallback.
 */
import { normaliseSpace } from '../../analysis/text';
import { classParts, squash } from './dom';
import type { MetaTags } from './metadata';

/**
 * Link texts that are publisher UI beside a citation, not part of it ("Google Scholar",
 * "CrossRef", "PubMed", "Article", "View in article", "[Ref list]"…). Only whole link texts
 * are dropped, so a citation's own words ("Article in press") stay.
 */
const UI_SERVICE =
  '(?:google scholar|cross ?ref|pub ?med(?: central|\\/ncbi)?|ncbi|pmc|europe pmc|medline|web of science(?: ®)?|wos|isi|scopus|cas|mathscinet|zbmath|ads|inspire|semantic scholar|wiley online library|taylor & francis online|sage journals|oxford academic|jstor|doi|google|worldcat|openurl|sfx|chemport|ebsco|psycinfo|springer ?link|science ?direct|ovid)';
const UI_LINK_TEXT = new RegExp(
  '^\\s*(?:\\[\\s*)?(?:' +
    [
      `(?:search (?:in |on )?|view (?:in |on |at )?|find (?:it )?(?:in |on |at )?|go to |open in |look up in )?${UI_SERVICE}(?:\\s*(?:abstract|full text|free full text|link|record|id))?`,
      'pmc free article|free pmc article|free (?:full text|article)|full text(?: link| via crossref| at publisher)?|publisher (?:site|full text)',
      'article|abstract|pdf|html|links?|view (?:in )?article|view (?:pdf|full text|record)|view at publisher|ref(?:erence)? list|open in a separate window',
      'find this article online|download citation|cite this|citation|go to (?:reference|citation)|return to (?:ref|text|citation)[^\\]]*|back to (?:text|top|citation)',
      'jump to (?:reference|citation)|[↑↩^⤴]+|\\d{1,3}|[a-z]',
    ].join('|') +
    ')(?:\\s*[\\]®])?\\s*$',
  'i',
);

/** "[Taylor & Francis Online]", "[Web of Science ®]": a short bracketed link text is a link label, not citation text. */
const BRACKETED_LINK = /^\s*\[[^\]]{2,40}\]\s*$/;

/** Containers holding only entry UI (link bars, "cited by" counts, toolbars). */
const UI_CONTAINER_PARTS = new Set(['links', 'link', 'lnk', 'accesslinks', 'actions', 'tools', 'toolbar', 'citedby', 'backlink', 'backlinks', 'googlescholar', 'crossref', 'pubmed', 'openurl', 'getftr', 'reflinks', 'reflink']);

/** Class/id parts that mark one bibliography entry. */
const ENTRY_PARTS = new Set(['ref', 'reference', 'citation', 'bibitem', 'biblioentry', 'bibentry', 'bib', 'entry', 'item', 'csl', 'refitem', 'cit', 'refcit', 'bibr']);

/** Does this element look like one bibliography entry (by class, id or ARIA role)? */
export function looksLikeEntry(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role === 'doc-biblioentry' || role === 'listitem') return true;
  const id = el.getAttribute('id') ?? '';
  if (/^(?:ref|cit|bib|cr|b|r|c|en)[-_]?\d+[a-z]?$/i.test(id) || /^(?:ref|bib|cit)[a-z]*[-_]?\d+/i.test(id)) return true;
  const parts = classParts(el);
  for (const p of parts) if (ENTRY_PARTS.has(p)) return true;
  return false;
}

/** Drops UI links and link bars from an entry before its text is read (works on a clone). */
export function isEntryUi(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'a' || tag === 'button' || el.getAttribute('role') === 'button') {
    const text = el.textContent ?? '';
    if (UI_LINK_TEXT.test(text) || BRACKETED_LINK.test(text)) return true;
  }
  const parts = classParts(el);
  for (const p of parts) if (UI_CONTAINER_PARTS.has(p)) return true;
  return false;
}

/** Strips a list label ("12.", "[12]") and leftover separators from an entry's text. */
export function cleanEntryText(text: string): string {
  return squash(
    squash(text)
      // brackets and separators left behind by removed links: "[DOI] [PubMed]" → "[ ] [ ]"
      .replace(/[[(]\s*[)\]]/g, ' ')
      .replace(/(?:\s*[|·•]\s*)+$/, ''),
  )
    .replace(/^(?:[|·•,;]\s*)+/, '')
    .replace(/^(?:\[\d{1,4}\]|\d{1,3}\.)\s*/, '')
    .replace(/(?:\s*[|;,·•]\s*)+$/, '')
    // Block elements styled inline ("(<div class=year>2019</div>)") read "(2019)" on screen.
    .replace(/([([]) (?=\S)/g, '$1')
    .replace(/(?<=\S) ([)\]])/g, '$1')
    .trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, code: string) => {
    const c = code.toLowerCase();
    if (c === 'amp') return '&';
    if (c === 'lt') return '<';
    if (c === 'gt') return '>';
    if (c === 'quot') return '"';
    if (c === 'apos') return "'";
    if (c === 'nbsp') return ' ';
    const n = c.startsWith('#x') ? parseInt(c.slice(2), 16) : parseInt(c.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
  });
}

/**
 * `citation_reference` meta tags as citation texts. Two shapes exist in the wild:
 * a raw citation string, and `citation_title=…; citation_author=…; citation_publication_date=2010; …`
 * key–value pairs, rendered here as "Author, Author (2010). Title. Journal."
 */
export function metaReferences(tags: MetaTags): string[] {
  const out: string[] = [];
  for (const raw of tags['citation_reference'] ?? []) {
    const value = decodeEntities(raw);
    if (!/\bcitation_[a-z_]+\s*=/.test(value)) {
      const t = normaliseSpace(value);
      if (t) out.push(t);
      continue;
    }
    const fields: Record<string, string[]> = {};
    for (const part of value.split(/;\s*(?=citation_[a-z_]+\s*=)/)) {
      const m = /^\s*(citation_[a-z_]+)\s*=\s*([\s\S]*?)\s*;?\s*$/.exec(part);
      if (m) (fields[m[1]!.toLowerCase()] ??= []).push(normaliseSpace(m[2]!));
    }
    const authors = (fields['citation_author'] ?? fields['citation_authors'] ?? []).join(', ');
    const date = fields['citation_publication_date']?.[0] ?? fields['citation_date']?.[0] ?? fields['citation_year']?.[0] ?? '';
    const year = /\d{4}/.exec(date)?.[0];
    const title = fields['citation_title']?.[0] ?? fields['citation_book_title']?.[0] ?? '';
    const journal = fields['citation_journal_title']?.[0] ?? fields['citation_publisher']?.[0] ?? fields['citation_conference_title']?.[0] ?? '';
    const volume = fields['citation_volume']?.[0];
    const pages = [fields['citation_firstpage']?.[0], fields['citation_lastpage']?.[0]].filter(Boolean).join('–');
    let text = authors ? `${authors}${year ? ` (${year})` : ''}.` : year ? `(${year}).` : '';
    if (title) text += ` ${title.replace(/\.$/, '')}.`;
    if (journal) text += ` ${journal}${volume ? `, ${volume}` : ''}${pages ? `, ${pages}` : ''}.`;
    const doi = fields['citation_doi']?.[0];
    if (doi) text += ` doi:${doi}`;
    text = normaliseSpace(text);
    if (text) out.push(text);
  }
  return out;
}
