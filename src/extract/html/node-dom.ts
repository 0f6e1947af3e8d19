/**
 * Parsing HTML outside the browser (CLI, tests, benchmarks) with linkedom. Browser code must not
 * import this file: the content script passes the live `document` to `extractHtml` directly.
 */
import { parseHTML } from 'linkedom';

export function parseHtmlInNode(html: string): Document {
  // linkedom's `document` type is its own; it implements the DOM subset extractHtml uses.
  return parseHTML(html).document as unknown as Document;
}
