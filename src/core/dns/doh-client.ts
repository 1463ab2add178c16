/**
 * A DNS client over the DNS JSON API (`GET ?name=…&type=…`, `Accept: application/dns-json`), as Cloudflare
 * and Google serve it. It runs on `fetch` alone, so it works in the browser and in Node alike.
 */
import { queryMessages, type QueryParams, type QueryProblem } from './messages.js';

/** The record types the domain check asks for, with their numbers on the wire. */
export const RR_TYPES = { A: 1, MX: 15, TXT: 16, AAAA: 28, PTR: 12 } as const;
export type RRType = keyof typeof RR_TYPES;

/** What a name holds: NXDOMAIN means the name does not exist at all; NOERROR may still have no records. */
export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** Record data of the asked type (a CNAME chain's own records are left out); TXT strings are joined. */
  records: string[];
}

export type LookupFailure = 'timeout' | 'unreachable' | 'servfail' | 'refused' | 'malformed' | 'http-error' | 'too-many-lookups';

export interface LookupError {
  reason: LookupFailure;
  /** English, from `problem` and `query` (`messages.ts`). */
  message: string;
  problem: QueryProblem;
  query: QueryParams;
}

/** `Result` with the query's params on the error, so its message can be said in another language. */
export type LookupResult = { ok: true; value: DnsAnswer } | { ok: false; error: LookupError };

export type DnsLookup = (name: string, type: RRType) => Promise<LookupResult>;

export interface DohClientOptions {
  /** The DNS JSON endpoint, `https://…` (or `http://` on loopback; the caller checks that). */
  resolver: string;
  fetch?: typeof fetch;
  /** Bound on each query, in ms. */
  timeoutMs?: number;
  /** Aborting it (the total time bound, or the caller) fails every query still running as a timeout. */
  signal?: AbortSignal;
  /** A malicious SPF tree could ask for thousands of names; past this many the client stops asking. */
  maxQueries?: number;
}

export interface DohClient {
  lookup: DnsLookup;
  /** How many queries got a DNS answer (any rcode), and why queries failed: to tell "resolver down" from DNS problems. */
  stats(): { answered: number; failures: LookupFailure[] };
}

const RCODES: Record<number, 'servfail' | 'refused' | DnsAnswer['rcode']> = { 0: 'NOERROR', 2: 'servfail', 3: 'NXDOMAIN', 5: 'refused' };

/** A TXT record's data arrives quoted (`"v=spf1 " "-all"`, Cloudflare) or bare (Google); long records come in parts. */
export function joinTxt(data: string): string {
  if (!data.startsWith('"')) return data;
  const parts = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(\d{3}|.)/g, (_, e: string) =>
    e.length === 3 ? String.fromCharCode(Number(e)) : e));
  return parts.join('');
}

function fail(reason: LookupFailure, problem: QueryProblem, query: QueryParams): LookupResult {
  return { ok: false, error: { reason, message: queryMessages[problem](query), problem, query } };
}

/** Checks the JSON is a DNS answer before anything reads it: a resolver may send anything. */
function readResponse(body: unknown, type: RRType, name: string): LookupResult {
  if (typeof body !== 'object' || body === null || typeof (body as { Status?: unknown }).Status !== 'number') {
    return fail('malformed', 'not-dns-json', { name, type });
  }
  const { Status, Answer } = body as { Status: number; Answer?: unknown };
  const rcode = RCODES[Status];
  if (rcode === 'servfail') return fail('servfail', 'servfail', { name, type });
  if (rcode === 'refused') return fail('refused', 'refused', { name, type });
  if (rcode === undefined) return fail('servfail', 'rcode', { name, type, status: Status });
  if (Answer !== undefined && !Array.isArray(Answer)) {
    return fail('malformed', 'bad-answer', { name, type });
  }
  const records: string[] = [];
  for (const rr of Answer ?? []) {
    if (typeof rr !== 'object' || rr === null || typeof rr.type !== 'number' || typeof rr.data !== 'string') {
      return fail('malformed', 'bad-record', { name, type });
    }
    if (rr.type === RR_TYPES[type]) records.push(type === 'TXT' ? joinTxt(rr.data) : rr.data);
  }
  return { ok: true, value: { rcode, records } };
}

/** Each name and type is asked once per client; SPF trees often name the same include twice. */
export function createDohClient(options: DohClientOptions): DohClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxQueries = options.maxQueries ?? 100;
  const cache = new Map<string, Promise<LookupResult>>();
  // One listener on the outer signal for all queries: a listener each would pass Node's leak warning at 11.
  const running = new Set<AbortController>();
  options.signal?.addEventListener('abort', () => running.forEach((c) => c.abort()), { once: true });
  let answered = 0;
  const failures: LookupFailure[] = [];

  async function query(name: string, type: RRType): Promise<LookupResult> {
    if (options.signal?.aborted) return fail('timeout', 'deadline', { name, type });
    const url = new URL(options.resolver);
    url.searchParams.set('name', name);
    url.searchParams.set('type', type);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    running.add(controller);
    try {
      const response = await doFetch(url.href, { headers: { accept: 'application/dns-json' }, signal: controller.signal });
      if (!response.ok) return fail('http-error', 'http-error', { name, type, status: response.status });
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch (error) {
        if (controller.signal.aborted) throw error;
        return fail('malformed', 'not-json', { name, type });
      }
      return readResponse(body, type, name);
    } catch {
      return controller.signal.aborted
        ? fail('timeout', 'timeout', { name, type })
        : fail('unreachable', 'unreachable', { name, type, origin: url.origin });
    } finally {
      clearTimeout(timer);
      running.delete(controller);
    }
  }

  const lookup: DnsLookup = (name, type) => {
    const key = `${type} ${name.toLowerCase()}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = cache.size >= maxQueries
        ? Promise.resolve(fail('too-many-lookups', 'too-many', { name, type, limit: maxQueries }))
        : query(name, type).then((r) => {
            // SERVFAIL and REFUSED are DNS answers: the resolver works, the name's own servers may not.
            if (r.ok || r.error.reason === 'servfail' || r.error.reason === 'refused') answered += 1;
            if (!r.ok) failures.push(r.error.reason);
            return r;
          });
      cache.set(key, pending);
    }
    return pending;
  };

  return { lookup, stats: () => ({ answered, failures: [...failures] }) };
}

/**
 * The TXT records at `name` that carry a version tag (`spf1`, `DMARC1`, `STSv1`, `TLSRPTv1`), matched
 * case-insensitively as the RFCs say. Other TXT records at the same name are ignored, as receivers do.
 */
export async function taggedTxt(lookup: DnsLookup, name: string, tag: string): Promise<LookupResult> {
  const found = await lookup(name, 'TXT');
  if (!found.ok) return found;
  const versioned = new RegExp(`^v\\s*=\\s*${tag}(?![^;\\s])`, 'i');
  return { ok: true, value: { rcode: found.value.rcode, records: found.value.records.filter((r) => versioned.test(r.trim())) } };
}
