/**
 * DOIs read from a PDF: its metadata fields or its first page's text.
 */

const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/;

/** The first DOI in `s`, without the punctuation of the sentence around it; null if none. */
export function findDoi(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = DOI.exec(s);
  return m ? articleDoi(m[0].replace(/[.,;)\]]+$/, '')) : null;
}

/**
 * Publishers that give parts of an article DOIs of their own print those on its pages; the
 * article's DOI is the part before the component suffix. eLife: the abstract, digest and each
 * figure ("10.7554/eLife.00013.001", often the only DOI on page 1); PLOS: figures, tables and
 * supporting files ("….0046041.g001", ".t001", ".s001"); PeerJ: "/fig-1", "/table-1", "/supp-1".
 */
const COMPONENT_DOI = [
  /^(10\.7554\/elife\.\d{5,6})\.\d{3}$/i,
  /^(10\.1371\/journal\.[a-z]+\.\d{7})\.(?:g|t|s|e|sd|sg|st|sv)\d{3}$/i,
  /^(10\.7717\/peerj(?:-cs)?\.\d+)\/(?:fig|table|supp)-\d+$/i,
];

/** The article's DOI for a DOI of one of its components (figure, table, abstract…); others as they are. */
export function articleDoi(doi: string): string {
  for (const re of COMPONENT_DOI) {
    const m = re.exec(doi);
    if (m) return m[1]!;
  }
  return doi;
}
