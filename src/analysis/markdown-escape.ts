/**
 * Escaping for text that came from a paper or a web page and goes into Markdown. Paper text must
 * never become markup where the export is pasted (Obsidian, Zotero notes and many Markdown
 * renderers render raw HTML), so angle brackets become entities and Markdown syntax is escaped.
 */

/** Only an ampersand that would start an entity needs escaping; a plain "&" renders as itself. */
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;

const MARKDOWN_SPECIALS = /[\\`*_[\]{}|#~]/g;

/** Inline text: one line, no markup. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(ENTITY_LIKE, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIALS, (c) => '\\' + c)
    // A line that starts with "1." or "-" would become a list item.
    .replace(/^(\d+)\.(?=\s)/, '$1\\.')
    .replace(/^([-+])(?=\s)/, '\\$1');
}

/** A cell of a Markdown table: inline text with pipes escaped (mdText already escapes them). */
export function mdCell(s: string): string {
  return mdText(s);
}

/** Text of the reader's own note: kept multi-line, but still no raw HTML. */
export function mdNoteText(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => line.replace(ENTITY_LIKE, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    .join('\n');
}
