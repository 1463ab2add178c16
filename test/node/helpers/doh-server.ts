/**
 * A DNS JSON (DoH JSON) stub on 127.0.0.1 serving a canned zone, so the DNS tests never leave loopback.
 * Zone keys are `name TYPE` (`example.com TXT`); a name with no key at all answers NXDOMAIN, a name with
 * keys for other types answers NOERROR with no records, as real DNS does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDohClient, type DnsLookup } from '../../../src/core/dns/doh-client.js';

/** Records as their presentation data (`10 mx.example.com.`, `v=spf1 -all`), or a misbehaviour. */
export type ZoneEntry =
  | string[]
  | { status: number }
  | { delayMs: number; records?: string[] }
  | { body: string; contentType?: string };
export type Zone = Record<string, ZoneEntry>;

// Numbers on the wire, written out here rather than imported, so the tests check the client's table.
const TYPES: Record<string, number> = { A: 1, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };

export interface Query {
  name: string;
  type: string;
  accept: string | undefined;
}

export interface DohServer {
  url: string;
  queries: Query[];
  /** Most requests open at once: shows whether the client asks in parallel. */
  peakInFlight(): number;
  close(): Promise<void>;
}

/** TXT data is served quoted, as Cloudflare does; an entry already in quotes is sent as written. */
function presentTxt(data: string): string {
  return data.startsWith('"') ? data : `"${data.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function answer(name: string, type: string, records: string[]): object {
  return {
    Status: 0,
    Answer: records.map((data) => ({ name: `${name}.`, type: TYPES[type], TTL: 300, data: type === 'TXT' ? presentTxt(data) : data })),
  };
}

export async function startDohServer(zone: Zone): Promise<DohServer> {
  const queries: Query[] = [];
  let inFlight = 0;
  let peak = 0;
  const timers = new Set<NodeJS.Timeout>();
  const names = new Set(Object.keys(zone).map((k) => k.split(' ')[0].toLowerCase()));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = (url.searchParams.get('name') ?? '').toLowerCase().replace(/\.$/, '');
    const type = url.searchParams.get('type') ?? '';
    queries.push({ name, type, accept: req.headers.accept });
    peak = Math.max(peak, ++inFlight);
    res.on('close', () => (inFlight -= 1));
    const send = (body: object | string, contentType = 'application/dns-json') => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const entry = zone[`${name} ${type}`];
    if (entry === undefined) return send(names.has(name) ? { Status: 0 } : { Status: 3 });
    if (Array.isArray(entry)) return send(answer(name, type, entry));
    if ('status' in entry) return send({ Status: entry.status });
    if ('body' in entry) return send(entry.body, entry.contentType);
    const timer = setTimeout(() => {
      timers.delete(timer);
      send(answer(name, type, entry.records ?? []));
    }, entry.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    queries,
    peakInFlight: () => peak,
    close: () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL where nothing listens: a port just opened and closed again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/dns-query`;
}

/** Runs `fn` with a client on a stub serving `zone`, and always stops the stub. */
export async function withZone<T>(zone: Zone, fn: (lookup: DnsLookup, server: DohServer) => Promise<T>): Promise<T> {
  const server = await startDohServer(zone);
  try {
    return await fn(createDohClient({ resolver: server.url, timeoutMs: 1000 }).lookup, server);
  } finally {
    await server.close();
  }
}
