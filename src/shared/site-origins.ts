/**
 * Sites for automatic scanning, as the reader types them: parsed to an origin, turned into the
 * host-permission pattern each asks for, and matched against a page's address.
 */

export type OriginParse = { ok: true; origin: string } | { ok: false; error: string };

/**
 * A site as the reader types it ("example.org", "https://www.example.org/journal/x") → its origin
 * ("https://example.org"). Only http(s) sites, no wildcards: each site gets its own permission.
 */
export function parseOrigin(input: string): OriginParse {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Type a site address, e.g. https://journals.example.org' };
  if (text.includes('*')) return { ok: false, error: 'Wildcards are not allowed: add each site on its own' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `"${text}" is not a web address` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `Only http and https sites can be scanned, not ${url.protocol.replace(':', '')}` };
  }
  const host = url.hostname;
  if (!host.includes('.') && host !== 'localhost' && !host.startsWith('[')) {
    return { ok: false, error: `"${host}" is not a full site name (e.g. journals.example.org)` };
  }
  return { ok: true, origin: url.origin };
}

/** The host-permission match pattern for an origin: "https://example.org/*". Ports are not part of match patterns. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Whether the sidebar should open by itself on this page. */
export function isAutoScanUrl(autoScanOrigins: readonly string[], pageUrl: string): boolean {
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return false;
  }
  return autoScanOrigins.includes(origin);
}
