/**
 * From a code to its meaning and its ranked causes. The catalog is plain data plus indexes; hosts may
 * build one from their own data files.
 */
import { formatCode, parseCode, type ParseFailure, type ParsedCode } from './code-parser.js';
import { detectProvider, getProvider, matchProviderCode } from './providers.js';
import type {
  CatalogData, Cause, ClassEntry, CodeEntry, ProviderCode, ProvidersData, Reference, Result, WizardNode,
} from './types.js';

export interface Catalog {
  data: CatalogData;
  causeById: Map<string, Cause>;
  replyByCode: Map<string, CodeEntry>;
  /** Keyed as the data writes them: `X.1.1`. */
  statusByCode: Map<string, CodeEntry>;
  nodeById: Map<string, WizardNode>;
  /** Provider-specific meanings, when added with `withProviders`; kept apart so small pages need not load them. */
  providers?: ProvidersData;
}

/** What the reader knows about who rejected the mail, beyond the pasted text. */
export interface LookupContext {
  /** A provider id from the providers data (`google`). */
  provider?: string;
  /** Recipient domains or MTA host names (`gmail.com`, `mx1.mail.icloud.com`). */
  hosts?: string[];
}

export interface LookupResult {
  /** The code in canonical form (`550-5.7.26`), as deep links carry it. */
  query: string;
  replyCode: string | null;
  status: string | null;
  /** How specific the best meaning found is; `provider` when a provider's own meaning was found. */
  match: 'provider' | 'exact' | 'reply' | 'subject' | 'class';
  /** From the most specific entry found. */
  title: string;
  summary: string;
  /** From the class digit received (the reply code's when given); null for 2xx/3xx or an unknown class. */
  permanent: boolean | null;
  /** Most likely first: a specific status code's own causes, or else the reply code's and the status code's. */
  causes: Cause[];
  /** Wizard node that tells these causes apart, from the most specific entry that gave causes and has one. */
  ask?: string;
  /** The reply code's own entry and the status code's own entry, so both meanings can be shown. */
  replyEntry?: CodeEntry;
  statusEntry?: CodeEntry;
  /** The provider whose own meaning gave title, summary and the first causes. */
  provider?: { id: string; name: string; postmaster: string };
  providerCode?: { id: string; title: string; summary: string; refs: Reference[] };
}

export type LookupFailure = ParseFailure | 'unknown-code';

export function createCatalog(data: CatalogData): Catalog {
  return {
    data,
    causeById: new Map(data.causes.causes.map((c) => [c.id, c])),
    replyByCode: new Map(data.codes.replyCodes.map((e) => [e.code, e])),
    statusByCode: new Map(data.codes.statusCodes.map((e) => [e.code, e])),
    nodeById: new Map(data.wizard.nodes.map((n) => [n.id, n])),
  };
}

/** The same catalog, also knowing providers' own codes, tokens and wording. */
export function withProviders(catalog: Catalog, providers: ProvidersData): Catalog {
  return { ...catalog, providers };
}

export function getCause(catalog: Catalog, id: string): Cause | undefined {
  return catalog.causeById.get(id);
}

/** Permanent for 5, temporary for 4, neither for 2/3 or when the class is not known. */
function permanence(classDigit: string | undefined): boolean | null {
  return classDigit === '5' ? true : classDigit === '4' ? false : null;
}

function classDigitOf({ replyCode, status }: ParsedCode): string | undefined {
  const statusClass = status?.[0];
  return replyCode?.[0] ?? (statusClass !== 'X' ? statusClass : undefined);
}

function causesById(catalog: Catalog, ids: string[]): Cause[] {
  return [...new Set(ids)].map((id) => catalog.causeById.get(id)).filter((c): c is Cause => c !== undefined);
}

/** The meaning of an already parsed code, or `unknown-code` when not even its class is known. */
export function lookupParsed(catalog: Catalog, code: ParsedCode): Result<LookupResult, 'unknown-code'> {
  const { replyCode, status } = code;
  const [, subject, detail] = status ? status.split('.') : [];
  const statusEntry = subject && detail && detail !== 'x' ? catalog.statusByCode.get(`X.${subject}.${detail}`) : undefined;
  const replyEntry = replyCode ? catalog.replyByCode.get(replyCode) : undefined;
  const subjectEntry = subject ? catalog.data.codes.subjects[subject] : undefined;
  const classDigit = classDigitOf(code);
  const classEntry = classDigit ? catalog.data.codes.classes[classDigit] : undefined;

  // A specific status (X.Y.Z, Z ≠ 0) says more than any reply code, so it leads alone. An "other"
  // status (X.Y.0) says little beyond its subject, so the reply code leads and the status follows.
  const specific = statusEntry !== undefined && detail !== '0';
  const ranked: [LookupResult['match'], CodeEntry | ClassEntry | undefined][] = specific
    ? [['exact', statusEntry], ['reply', replyEntry]]
    : [['reply', replyEntry], ['exact', statusEntry]];
  ranked.push(['subject', subjectEntry], ['class', classEntry]);
  const best = ranked.find(([, entry]) => entry);
  if (!best?.[1]) {
    return { ok: false, error: { reason: 'unknown-code', message: `No meaning is known for ${formatCode(code)}.` } };
  }
  const [match, entry] = best;
  // Causes come from the leading code alone when it is specific and has causes of its own (550 5.1.1 is a
  // missing mailbox, not any of 550's other causes); otherwise from both codes, then subject, then class.
  const own = specific && statusEntry.causes.length ? [statusEntry] : ranked.slice(0, 2).map(([, e]) => e);
  const sources = own.some((e) => e?.causes.length) ? own : [[subjectEntry, classEntry].find((e) => e?.causes.length)];
  const causes = causesById(catalog, sources.flatMap((e) => e?.causes ?? []));
  const result: LookupResult = {
    query: formatCode(code),
    replyCode,
    status,
    match,
    title: entry.title,
    summary: entry.summary,
    permanent: permanence(classDigit),
    causes,
  };
  // A question only helps when there is more than one cause, and only one asked about these causes.
  const ask = sources.find((e) => e?.ask)?.ask;
  if (ask && causes.length > 1) result.ask = ask;
  if (replyEntry) result.replyEntry = replyEntry;
  if (statusEntry) result.statusEntry = statusEntry;
  return { ok: true, value: result };
}

/**
 * A provider's own meaning laid over the standard one: its title and summary, its causes first, then the
 * code's. A line without a code takes the row's codes, so the class still says temporary or permanent.
 */
export function providerLookup(catalog: Catalog, providers: ProvidersData, row: ProviderCode, given?: ParsedCode): LookupResult {
  const code = given ?? { replyCode: row.replyCode ?? null, status: row.status ?? null };
  const standard = code.replyCode || code.status ? lookupParsed(catalog, code) : undefined;
  const base = standard?.ok ? standard.value : undefined;
  const provider = getProvider(providers, row.provider);
  const causes = causesById(catalog, [...row.causes, ...(base?.causes ?? []).map((c) => c.id)]);
  const result: LookupResult = {
    ...base,
    // The token keeps the provider's meaning when the query is looked up again (a deep link, a replay).
    query: [formatCode(code), row.token].filter(Boolean).join(' '),
    replyCode: code.replyCode,
    status: code.status,
    match: 'provider',
    title: row.title,
    summary: row.summary,
    permanent: permanence(classDigitOf(code)),
    causes,
    providerCode: { id: row.id, title: row.title, summary: row.summary, refs: row.refs },
  };
  if (provider) result.provider = { id: provider.id, name: provider.name, postmaster: provider.postmaster };
  if (causes.length < 2) delete result.ask;
  return result;
}

/**
 * Finds the code in `query` (anything `parseCode` understands) and looks up its meaning. With providers in
 * the catalog, a provider's own meaning comes first: recognised from a token or its wording in `query`, or
 * from its codes once `context` names the provider or a host it runs. A token alone (`TSS04`) is enough.
 */
export function lookupCode(
  catalog: Catalog,
  query: string,
  context: LookupContext = {},
): Result<LookupResult, LookupFailure> {
  const parsed = parseCode(query);
  const { providers } = catalog;
  if (providers && (parsed.ok || parsed.error.reason === 'no-code')) {
    const provider = context.provider ?? detectProvider(providers, { hosts: context.hosts })?.id;
    const row = matchProviderCode(providers, query, { provider });
    if (row) return { ok: true, value: providerLookup(catalog, providers, row, parsed.ok ? parsed.value : undefined) };
  }
  return parsed.ok ? lookupParsed(catalog, parsed.value) : parsed;
}
