/**
 * A DNS JSON (DoH JSON) stub on 127.0.0.1 serving a canned zone, so the DNS tests never leave loopback.
 * What it answers is test/dns/doh-zone.mjs's, shared with the browser tests' dev-server route.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDohClient, type DnsLookup } from '../../../src/core/dns/doh-client.js';
import { dohReply, type Zone } from '../../dns/doh-zone.mjs';

export type { Zone, ZoneEntry } from '../../dns/doh-zone.mjs';

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

export async function startDohServer(zone: Zone): Promise<DohServer> {
  const queries: Query[] = [];
  let inFlight = 0;
  let peak = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = (url.searchParams.get('name') ?? '').toLowerCase().replace(/\.$/, '');
    const type = url.searchParams.get('type') ?? '';
    queries.push({ name, type, accept: req.headers.accept });
    peak = Math.max(peak, ++inFlight);
    res.on('close', () => (inFlight -= 1));
    const reply = dohReply(zone, name, type);
    const send = () => {
      res.writeHead(200, { 'content-type': reply.contentType });
      res.end(reply.body);
    };
    if (reply.delayMs === undefined) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, reply.delayMs);
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
