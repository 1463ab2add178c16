/**
 * The deep-link codec: a wizard path as a `bounce=` value (`550/ask/spam`) and back. Reading and writing
 * that value in a URL is `deep-link-url.ts`, re-exported here.
 */
import type { Catalog } from './catalog.js';
import type { Result } from './types.js';
import { replay, startState, type WizardFailure, type WizardState } from './wizard.js';

/** A URL is untrusted input: these bounds keep a hostile link cheap to reject. */
export const MAX_VALUE_LENGTH = 512;
export const MAX_SEGMENTS = 32;
/** What an origin or input can look like once decoded: node and cause ids, codes, `cause:` prefixes. */
const SEGMENT = /^[A-Za-z0-9 .#:_-]{1,64}$/;

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

export { readDeepLink, writeDeepLink, type DeepLinkPlace } from './deep-link-url.js';
