/**
 * Where a deep link sits in a URL: reading and writing the `bounce=` value in its query or hash without
 * touching anything else of the host's URL. Apart from the codec (deep-link.ts) because the element needs
 * only this before its first render.
 */
const PARAM = 'bounce';

export type DeepLinkPlace = 'search' | 'hash';

interface UrlParts {
  base: string;
  query: string | null;
  hash: string | null;
}

function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  return {
    base: queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt),
    query: queryAt < 0 ? null : beforeHash.slice(queryAt + 1),
    hash: hashAt < 0 ? null : url.slice(hashAt + 1),
  };
}

// The parameter as a whole `&`-separated part; in a hash it may also follow a router's `?` (`#/help?bounce=…`).
const paramPattern = () => new RegExp(`(^|[&?])${PARAM}=([^&]*)`);

function readParam(part: string | null): string | null {
  const m = part === null ? null : paramPattern().exec(part);
  return m ? m[2] : null;
}

/** The raw `bounce` value from the query, else from the hash. */
export function readDeepLink(url: string): { value: string | null; where: DeepLinkPlace | null } {
  const { query, hash } = splitUrl(url);
  const fromQuery = readParam(query);
  if (fromQuery !== null) return { value: fromQuery, where: 'search' };
  const fromHash = readParam(hash);
  return fromHash !== null ? { value: fromHash, where: 'hash' } : { value: null, where: null };
}

function writeParam(part: string | null, value: string | null): string | null {
  const current = part ?? '';
  const pattern = new RegExp(`${paramPattern().source}(&?)`);
  if (!pattern.test(current)) {
    if (value === null) return part;
    return current ? `${current}&${PARAM}=${value}` : `${PARAM}=${value}`;
  }
  // Removing keeps the separator only when another parameter follows ("a&bounce=1&b" → "a&b").
  const next = current.replace(pattern, (_all, lead: string, _old: string, trail: string) =>
    value === null ? (trail ? lead : '') : `${lead}${PARAM}=${value}${trail}`,
  );
  return next || null;
}

/**
 * `url` with its `bounce` parameter in `where` set to `value`, or removed when `value` is null. Every
 * other character of the URL is kept as it was.
 */
export function writeDeepLink(url: string, value: string | null, where: DeepLinkPlace): string {
  // Only characters that cannot end the parameter or the URL part: anything else is percent-encoded.
  const safe = value === null ? null : value.replace(/[^A-Za-z0-9%/._~:!*'()-]/g, encodeURIComponent);
  const parts = splitUrl(url);
  const query = where === 'search' ? writeParam(parts.query, safe) : parts.query;
  const hash = where === 'hash' ? writeParam(parts.hash, safe) : parts.hash;
  return `${parts.base}${query === null ? '' : `?${query}`}${hash === null ? '' : `#${hash}`}`;
}
