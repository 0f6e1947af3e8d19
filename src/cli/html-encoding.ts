/**
 * The character encoding of a saved web page, found as a browser finds it: a byte-order mark
 * first, then a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * in the first 1024 bytes, else UTF-8. Older and East Asian publishers still serve ISO-8859-1,
 * windows-1252, Shift_JIS or GB18030; read as UTF-8, their accents and names turn into "�".
 */

/** The encoding a byte-order mark names, or null when the bytes start with none. */
function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function htmlEncoding(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  // The declaration is ASCII in every encoding a page may declare this way.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (!label) return 'utf-8';
  // A page declaring UTF-16 in ASCII is not UTF-16 (the HTML standard reads it as UTF-8).
  if (label.startsWith('utf-16')) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

/** The page's text, decoded in its own encoding. */
export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(htmlEncoding(bytes)).decode(bytes);
}

/** Whether the bytes start with a UTF-16 byte-order mark (a page, though its bytes hold zeros). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bomEncoding(bytes)?.startsWith('utf-16') ?? false;
}
