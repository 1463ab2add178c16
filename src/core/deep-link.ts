/**
 * The deep-link codec: a wizard path as a `bounce=` value (`550/ask/spam`), and reading or writing that
 * value in a URL's query or hash without touching anything else of the host's URL.
 */
import type { Catalog } from './catalog.js';
import type { Result } from './types.js';
import { replay, startState, type WizardFailure, type WizardState } from './wizard.js';

/** A URL is untrusted input: these bounds keep a hostile link cheap to reject. */
export const MAX_VALUE_LENGTH = 512;
export const MAX_SEGMENTS = 32;
/** What an origin or input can look like once decoded: node and cause ids, codes, `cause:` prefixes. */
const SEGMENT = /^[A-Za-z0-9 .#:_-]{1,64}$/;
const PARAM = 'bounce';

export type DecodeFailure = 'too-long' | 'too-many-segments' | 'bad-segment';

export function encodePath(state: Pick<WizardState, 'origin' | 'inputs'>): string {
  return [state.origin, ...state.inputs].map(encodeURIComponent).join('/');
}

export function decodePath(value: string): Result<string[], DecodeFailure> {
  if (value.length > MAX_VALUE_LENGTH) {
    return { ok: false, error: { reason: 'too-long', message: `The link is longer than ${MAX_VALUE_LENGTH} characters.` } };
  }
  // A "/" can never be part of a segment, so one encoded by a URL library ("%2F") separates too.
  const raw = value.split(/\/|%2F/i);
  if (raw.length > MAX_SEGMENTS) {
    return { ok: false, error: { reason: 'too-many-segments', message: `The link has more than ${MAX_SEGMENTS} parts.` } };
  }
  const segments: string[] = [];
  for (const [index, part] of raw.entries()) {
    let decoded: string | null;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      decoded = null; // a stray "%" that starts no escape
    }
    if (decoded === null || !SEGMENT.test(decoded)) {
      return { ok: false, error: { reason: 'bad-segment', message: `Part ${index + 1} of the link is not valid.` } };
    }
    segments.push(decoded);
  }
  return { ok: true, value: segments };
}

export interface Restored {
  /** The state as far as the link fits; the graph's start when nothing fits; null only for a catalog whose start is missing. */
  state: WizardState | null;
  error?: { reason: DecodeFailure | WizardFailure; message: string };
}

/** Rebuilds the state a link points to, stopping at the first part that does not fit. */
export function restorePath(catalog: Catalog, value: string): Restored {
  const start = startState(catalog);
  const fallback = start.ok ? start.value : null;
  const decoded = decodePath(value);
  if (!decoded.ok) return { state: fallback, error: decoded.error };
  const [origin, ...inputs] = decoded.value;
  const first = startState(catalog, origin);
  if (!first.ok) return { state: fallback, error: first.error };
  return replay(catalog, first.value, inputs);
}

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
