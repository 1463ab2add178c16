/**
 * Recognises a mailbox provider and its own meaning of a code, token or wording (`data/providers.json`).
 * Pure and DOM-free; the data is compiled once per data object.
 */
import { MAX_SCAN_CHARS, parseCode, type ParsedCode } from './code-parser.js';
import type { Provider, ProviderCode, ProvidersData } from './types.js';

interface TextRow {
  row: ProviderCode;
  pattern: RegExp;
}

interface Compiled {
  providerById: Map<string, Provider>;
  hosts: { provider: Provider; patterns: RegExp[] }[];
  /** Every token as one whole-word, case-insensitive alternation; null when the data has none. */
  tokens: RegExp | null;
  rowsByToken: Map<string, ProviderCode[]>;
  /** Rows recognised by wording (a token row is recognised by its token instead). */
  textRows: TextRow[];
}

const compiledCache = new WeakMap<ProvidersData, Compiled>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(data: ProvidersData): Compiled {
  const cached = compiledCache.get(data);
  if (cached) return cached;
  const rowsByToken = new Map<string, ProviderCode[]>();
  for (const row of data.codes) {
    if (!row.token) continue;
    const key = row.token.toLowerCase();
    rowsByToken.set(key, [...(rowsByToken.get(key) ?? []), row]);
  }
  // Longest first, so "RESOLVER.ADR.RecipNotFound" is not cut short by a shorter token sharing its start.
  const tokenSources = [...rowsByToken.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const compiled: Compiled = {
    providerById: new Map(data.providers.map((p) => [p.id, p])),
    hosts: data.providers.map((provider) => ({ provider, patterns: provider.hosts.map((h) => new RegExp(h, 'i')) })),
    tokens: tokenSources.length
      ? new RegExp(`(?<![A-Za-z0-9])(?:${tokenSources.join('|')})(?![A-Za-z0-9])`, 'gi')
      : null,
    rowsByToken,
    textRows: data.codes
      .filter((row) => row.text && !row.token)
      .map((row) => ({ row, pattern: new RegExp(row.text as string, 'i') })),
  };
  compiledCache.set(data, compiled);
  return compiled;
}

/** `5.7.611` → [5, 7, 611]; an `X` class or an `x` wildcard becomes null (it agrees with anything). */
function statusParts(status: string): (number | null)[] {
  return status.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : null));
}

function partsAgree(line: (number | null)[], row: (number | null)[]): boolean {
  return line.every((part, i) => part === null || part === row[i]);
}

function statusAgrees(row: ProviderCode, status: string): boolean {
  const line = statusParts(status);
  if (row.status) return partsAgree(line, statusParts(row.status));
  if (!row.statusRange) return true;
  const [low, high] = row.statusRange.map(statusParts);
  const detail = line[2];
  return partsAgree(line.slice(0, 2), low.slice(0, 2)) && (detail === null || (detail >= low[2]! && detail <= high[2]!));
}

/** A row's codes agree with the line when each one the two both give is the same. */
function agrees(row: ProviderCode, code: ParsedCode): boolean {
  const replyAgrees = !row.replyCode || !code.replyCode || row.replyCode === code.replyCode;
  return replyAgrees && (!code.status || statusAgrees(row, code.status));
}

/** The first of `rows` from the known provider, else the first whose codes agree, else the first. */
function preferred(rows: ProviderCode[], code: ParsedCode, provider: string | undefined): ProviderCode | undefined {
  const own = rows.filter((r) => r.provider === provider);
  const pool = own.length ? own : rows;
  return pool.find((r) => agrees(r, code)) ?? pool[0];
}

function byToken(compiled: Compiled, text: string, code: ParsedCode, provider: string | undefined) {
  if (!compiled.tokens) return undefined;
  const rows = [...text.matchAll(compiled.tokens)].flatMap((m) => compiled.rowsByToken.get(m[0].toLowerCase()) ?? []);
  return preferred(rows, code, provider);
}

function byText(compiled: Compiled, text: string, code: ParsedCode, provider: string | undefined) {
  const candidates = compiled.textRows.filter(({ row }) => agrees(row, code));
  // The known provider's wording first: Outlook.com and Microsoft 365 share phrases.
  const ordered = provider ? [...candidates.filter((c) => c.row.provider === provider), ...candidates] : candidates;
  return ordered.find(({ pattern }) => pattern.test(text))?.row;
}

/**
 * Once the provider is known, its codes speak alone: first the rows that are only codes (a status or a
 * range), then a worded row when it is the provider's only one for this status (Google's 5.7.27).
 */
function byCode(data: ProvidersData, code: ParsedCode, provider: string): ProviderCode | undefined {
  if (!code.status || code.wildcard || code.status.startsWith('X')) return undefined;
  const rows = data.codes.filter((r) => r.provider === provider && !r.token && (r.status || r.statusRange) && agrees(r, code));
  const codeOnly = rows.find((r) => !r.text);
  if (codeOnly) return codeOnly;
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * The provider row that explains `line`: a token in the line wins over wording; wording counts only when the
 * line's codes agree with the row's; with the provider known (`context.provider`, an id), its codes alone
 * are enough. Rows of the known provider are preferred at each step.
 */
export function matchProviderCode(
  data: ProvidersData,
  line: string,
  context: { provider?: string } = {},
): ProviderCode | undefined {
  const compiled = compile(data);
  const text = String(line ?? '').slice(0, MAX_SCAN_CHARS);
  const parsed = parseCode(text);
  const code: ParsedCode = parsed.ok ? parsed.value : { replyCode: null, status: null };
  const provider = context.provider && compiled.providerById.has(context.provider) ? context.provider : undefined;
  return (
    byToken(compiled, text, code, provider) ??
    byText(compiled, text, code, provider) ??
    (provider ? byCode(data, code, provider) : undefined)
  );
}

/** The provider that runs a host name or recipient domain: providers in file order, the first match wins. */
function providerForHost(compiled: Compiled, host: string): Provider | undefined {
  const name = host.trim().replace(/\.$/, '').slice(0, 253);
  if (!name) return undefined;
  return compiled.hosts.find(({ patterns }) => patterns.some((p) => p.test(name)))?.provider;
}

/**
 * Which provider is involved: from host names or recipient domains first (the first one recognised), else
 * from a token or the provider's wording in `text`.
 */
export function detectProvider(
  data: ProvidersData,
  { hosts = [], text }: { hosts?: string[]; text?: string },
): Provider | undefined {
  const compiled = compile(data);
  for (const host of hosts) {
    const provider = providerForHost(compiled, String(host ?? ''));
    if (provider) return provider;
  }
  const row = text ? matchProviderCode(data, text) : undefined;
  return row && compiled.providerById.get(row.provider);
}

/** A provider by its id. */
export function getProvider(data: ProvidersData, id: string): Provider | undefined {
  return compile(data).providerById.get(id);
}
