/**
 * Getting a PDF's bytes from where the reader pointed us: a picked/dropped file, an http(s) URL,
 * or a file:// URL. We fetch ourselves (rather than letting pdf.js do it) so failures can be
 * explained: an HTTP status, a page that is not a PDF, or Chrome's "Allow access to file URLs".
 */

export type PdfSource = { kind: 'file'; file: File } | { kind: 'url'; url: string };

export type LoadFailureKind = 'file-access' | 'network' | 'http' | 'unsupported-url';

export class LoadFailure extends Error {
  constructor(
    readonly kind: LoadFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'LoadFailure';
  }
}

export function sourceName(source: PdfSource): string {
  if (source.kind === 'file') return source.file.name;
  try {
    const u = new URL(source.url);
    return decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? u.hostname) || u.hostname;
  } catch {
    return source.url;
  }
}

/** file:// in Chrome extension pages: fetch() refuses the scheme, XHR works once file access is allowed. */
function readFileUrl(url: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    const fail = () =>
      reject(new LoadFailure('file-access', 'The browser did not let Critical Reader read this file from your computer.'));
    xhr.onload = () => {
      const buf = xhr.response as ArrayBuffer | null;
      // A blocked file:// read "succeeds" with status 0 and no body in some versions.
      if (buf && buf.byteLength > 0) resolve(new Uint8Array(buf));
      else if (buf && (xhr.status === 0 || xhr.status === 200)) resolve(new Uint8Array(0));
      else fail();
    };
    xhr.onerror = fail;
    try {
      xhr.send();
    } catch {
      fail();
    }
  });
}

export async function loadBytes(source: PdfSource, signal?: AbortSignal): Promise<Uint8Array> {
  if (source.kind === 'file') return new Uint8Array(await source.file.arrayBuffer());
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    throw new LoadFailure('unsupported-url', `“${source.url}” is not a web address.`);
  }
  if (url.protocol === 'file:') return readFileUrl(url.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'blob:') {
    throw new LoadFailure('unsupported-url', `PDFs can be opened from http(s) and file addresses, not “${url.protocol}”.`);
  }
  let res: Response;
  try {
    // With the site's permission the request carries the reader's cookies (PDFs behind a
    // subscription); without it, only a public, CORS-enabled file can be read, and cookies would
    // make even that fail (`Access-Control-Allow-Origin: *` forbids credentials).
    res = await fetch(url.href, { credentials: 'include', signal }).catch((e: unknown) => {
      if ((e as Error).name === 'AbortError') throw e;
      return fetch(url.href, { credentials: 'omit', signal });
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new LoadFailure('network', `Could not download the PDF from ${url.host} (${(e as Error).message}). Check the connection, or download the file and open it here.`);
  }
  if (!res.ok) {
    throw new LoadFailure('http', `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url.href}. If the PDF needs a login, download it in the browser and open the file here.`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** True when the browser is Chrome-like (for the file-access explanation). */
export function isChromium(): boolean {
  return /Chrom(e|ium)\//.test(navigator.userAgent) && !/Firefox\//.test(navigator.userAgent);
}
