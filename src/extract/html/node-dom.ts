/**
 * Parsing HTML outside the browser (CLI, tests, benchmarks) with linkedom. Browser code must not
 * import this file: the content script passes the live `document` to `extractHtml` directly.
 */
import { parseHTML } from 'linkedom';

/** Elements a browser's parser moves into <head> when they stand between </head> and <body>. */
const HEAD_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'BASE', 'TITLE']);

export function parseHtmlInNode(html: string): Document {
  // linkedom's `document` type is its own; it implements the DOM subset extractHtml uses.
  const document = parseHTML(html).document as unknown as Document;
  placeStrayChildren(document);
  return document;
}

/**
 * Saved publisher pages often have a <script> between </head> and <body> (tag managers). A
 * browser puts it in the head; linkedom leaves it a child of <html>, and its `document.body` then
 * no longer finds the real body — it makes an empty one, and the page reads as having no text.
 * Do what a browser does: such elements go into the head, anything else to the start of the body.
 * (Read the children before touching `document.body`, which would create that empty body.)
 */
function placeStrayChildren(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  const children = Array.from(root.children);
  const head = children.find((c) => c.tagName === 'HEAD');
  const body = children.find((c) => c.tagName === 'BODY');
  const stray = children.filter((c) => c !== head && c !== body);
  if (!stray.length || !body) return;
  for (const el of stray) {
    if (head && HEAD_TAGS.has(el.tagName)) head.appendChild(el);
    else body.insertBefore(el, body.firstChild);
  }
}
