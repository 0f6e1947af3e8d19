/**
 * Escaping for text that came from a paper or a web page and goes into Markdown. Paper text must
 * never become markup where the export is pasted (Obsidian, Zotero notes and many Markdown
 * renderers render raw HTML), so angle brackets become entities and Markdown syntax is escaped.
 */

/** Only an ampersand that would start an entity needs escaping; a plain "&" renders as itself. */
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;

const MARKDOWN_SPECIALS = /[\\`*_[\]{}|#~]/g;

/**
 * C0/C1 control characters (terminal escape sequences start with ESC), other than line breaks and
 * tabs, and the bidirectional overrides and isolates that can make text read differently from
 * how it is stored ("Trojan Source"): never useful in a note or a paper's title, so removed.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripControls(s: string): string {
  return s.replace(CONTROLS, '');
}

/** Inline text: one line, no markup. */
export function mdText(s: string): string {
  return stripControls(s)
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

/**
 * Text of the reader's own note: kept multi-line, but no markup of any kind — no raw HTML, and no
 * Markdown that a note could smuggle into the export (links and images, `javascript:` targets,
 * link definitions, headings, lists, tables): each line is escaped as inline text. A note could
 * have been written by someone else (a shared profile, a synced store), so it is treated like
 * page text.
 */
export function mdNoteText(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => mdText(line).replace(/^(\s*)([>=+-])/, '$1\\$2'))
    .join('\n');
}
