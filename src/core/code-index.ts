/**
 * The "All codes" index: one flat list of every reply code, every enhanced status code (once per class a
 * bounce can carry) and, when the catalog has them, every provider row; and the filter over it.
 */
import { providerLookup, type Catalog } from './catalog.js';
import { startState, type WizardFailure, type WizardState } from './wizard.js';
import type { ProviderCode, Result } from './types.js';

export interface IndexEntry {
  /** Unique in the list: the code for standard entries, the row id for a provider's. */
  key: string;
  /** As the reader sees it: `550`, `5.7.26`, `421 4.7.0 TSS04`, `5.7.606–5.7.649`. */
  code: string;
  title: string;
  summary: string;
  /** From the class digit: 5 permanent, 4 temporary, null for 2xx/3xx or no code at all. */
  permanent: boolean | null;
  /** Provider rows only. */
  provider?: { id: string; name: string };
  row?: ProviderCode;
}

export type PermanenceFilter = 'all' | 'temporary' | 'permanent';

export interface IndexFilter {
  /** Code prefix (`5.7`, `55`), token (`TSS`) or words; case-insensitive. */
  query?: string;
  permanence?: PermanenceFilter;
  /** '' for everything, `standard` for the RFC/IANA codes alone, or a provider id. */
  provider?: string;
}

export const STANDARD = 'standard';

/** Enhanced codes are listed once per bounce class, since the class received decides temporary or permanent. */
const BOUNCE_CLASSES = ['4', '5'];

function permanence(code: string | null | undefined): boolean | null {
  const digit = code?.[0];
  return digit === '5' ? true : digit === '4' ? false : null;
}

function providerEntry(catalog: Catalog, row: ProviderCode): IndexEntry {
  const name = catalog.providers?.providers.find((p) => p.id === row.provider)?.name ?? row.provider;
  const status = row.status ?? (row.statusRange ? row.statusRange.join('–') : null);
  return {
    key: row.id,
    code: [row.replyCode, status, row.token].filter(Boolean).join(' '),
    title: row.title,
    summary: row.summary,
    permanent: permanence(row.replyCode ?? status),
    provider: { id: row.provider, name },
    row,
  };
}

const indexCache = new WeakMap<Catalog, IndexEntry[]>();

/** Every entry the catalog knows, standard codes first; built once per catalog. */
export function buildIndex(catalog: Catalog): IndexEntry[] {
  const cached = indexCache.get(catalog);
  if (cached) return cached;
  const { replyCodes, statusCodes } = catalog.data.codes;
  const entries: IndexEntry[] = [
    ...replyCodes.map((e) => ({ key: e.code, code: e.code, title: e.title, summary: e.summary, permanent: permanence(e.code) })),
    ...BOUNCE_CLASSES.flatMap((digit) =>
      statusCodes.map((e) => {
        const code = `${digit}${e.code.slice(1)}`;
        return { key: code, code, title: e.title, summary: e.summary, permanent: permanence(digit) };
      }),
    ),
    ...(catalog.providers?.codes ?? []).map((row) => providerEntry(catalog, row)),
  ];
  indexCache.set(catalog, entries);
  return entries;
}

// A term made only of digits, dots, dashes and x is a code prefix; anything else is a word or token.
const CODE_TERM = /^[\dx.-]+$/;

function matchesTerm(entry: IndexEntry, term: string): boolean {
  const codes = entry.code.toLowerCase().split(/[\s–]+/);
  if (CODE_TERM.test(term)) return codes.some((code) => code.startsWith(term));
  const text = [entry.code, entry.title, entry.summary, entry.provider?.name ?? ''].join(' ').toLowerCase();
  return text.includes(term);
}

/** The entries that fit every part of `filter`, in index order. */
export function filterIndex(entries: readonly IndexEntry[], filter: IndexFilter): IndexEntry[] {
  const terms = String(filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const { permanence: kind = 'all', provider = '' } = filter;
  return entries.filter(
    (entry) =>
      (kind === 'all' || entry.permanent === (kind === 'permanent')) &&
      (!provider || (provider === STANDARD ? !entry.provider : entry.provider?.id === provider)) &&
      terms.every((term) => matchesTerm(entry, term)),
  );
}

/**
 * The wizard opened at an entry. A provider row opens with that provider's meaning even when nothing but
 * its wording would recognise it; a standard code opens as if typed.
 */
export function openEntry(catalog: Catalog, entry: IndexEntry): Result<WizardState, WizardFailure> {
  if (!entry.row || !catalog.providers) return startState(catalog, entry.code);
  const lookup = providerLookup(catalog, catalog.providers, entry.row);
  return { ok: true, value: { origin: lookup.query, inputs: [], steps: [{ kind: 'code', lookup }] } };
}
