import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDohClient, joinTxt } from '../../src/core/dns/doh-client.js';
import { closedPortUrl, startDohServer, withZone } from './helpers/doh-server.js';

describe('DoH JSON client', () => {
  it('asks with name, type and the dns-json Accept header, and reads the records of the asked type', async () => {
    await withZone({ 'example.com MX': ['10 mx1.example.com.', '20 mx2.example.com.'] }, async (lookup, server) => {
      const r = await lookup('example.com', 'MX');
      assert.deepEqual(r, { ok: true, value: { rcode: 'NOERROR', records: ['10 mx1.example.com.', '20 mx2.example.com.'] } });
      assert.deepEqual(server.queries, [{ name: 'example.com', type: 'MX', accept: 'application/dns-json' }]);
    });
  });

  it('tells NXDOMAIN from a name without records of that type', async () => {
    await withZone({ 'example.com A': ['192.0.2.1'] }, async (lookup) => {
      assert.deepEqual(await lookup('example.com', 'MX'), { ok: true, value: { rcode: 'NOERROR', records: [] } });
      assert.deepEqual(await lookup('nope.example.com', 'MX'), { ok: true, value: { rcode: 'NXDOMAIN', records: [] } });
    });
  });

  it('joins quoted TXT parts and unescapes them; bare TXT data is kept', () => {
    assert.equal(joinTxt('"v=spf1 include:a.example " "-all"'), 'v=spf1 include:a.example -all');
    assert.equal(joinTxt('"say \\"hi\\" \\059"'), 'say "hi" ;');
    assert.equal(joinTxt('v=spf1 -all'), 'v=spf1 -all');
  });

  it('asks each name and type once', async () => {
    await withZone({ 'example.com TXT': ['hello'] }, async (lookup, server) => {
      await Promise.all([lookup('example.com', 'TXT'), lookup('EXAMPLE.com', 'TXT'), lookup('example.com', 'TXT')]);
      assert.equal(server.queries.length, 1);
    });
  });

  for (const [label, entry, reason] of [
    ['SERVFAIL', { status: 2 }, 'servfail'],
    ['REFUSED', { status: 5 }, 'refused'],
    ['invalid JSON', { body: '{"Status": 0, "Answer": [' }, 'malformed'],
    ['JSON that is not a DNS answer', { body: '{"hello": "world"}' }, 'malformed'],
    ['a record without data', { body: '{"Status":0,"Answer":[{"name":"x.","type":16}]}' }, 'malformed'],
    ['an Answer that is not a list', { body: '{"Status":0,"Answer":"v=spf1"}' }, 'malformed'],
  ] as const) {
    it(`reports ${label} as a failure (${reason}), not as an empty answer`, async () => {
      await withZone({ 'example.com TXT': entry }, async (lookup) => {
        const r = await lookup('example.com', 'TXT');
        assert.equal(r.ok, false);
        assert.equal(!r.ok && r.error.reason, reason);
        assert.match(!r.ok ? r.error.message : '', /example\.com/);
      });
    });
  }

  it('stops a slow query at its timeout', async () => {
    const server = await startDohServer({ 'slow.example TXT': { delayMs: 3000, records: ['late'] } });
    try {
      const started = Date.now();
      const r = await createDohClient({ resolver: server.url, timeoutMs: 200 }).lookup('slow.example', 'TXT');
      assert.equal(!r.ok && r.error.reason, 'timeout');
      assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    } finally {
      await server.close();
    }
  });

  it('reports a resolver where nothing listens as unreachable', async () => {
    const client = createDohClient({ resolver: await closedPortUrl() });
    const r = await client.lookup('example.com', 'A');
    assert.equal(!r.ok && r.error.reason, 'unreachable');
    assert.deepEqual(client.stats(), { answered: 0, failures: ['unreachable'] });
  });

  it('fails queries as timed out once the outer signal aborts, without asking', async () => {
    await withZone({}, async (_, server) => {
      const controller = new AbortController();
      controller.abort();
      const r = await createDohClient({ resolver: server.url, signal: controller.signal }).lookup('example.com', 'A');
      assert.equal(!r.ok && r.error.reason, 'timeout');
      assert.equal(server.queries.length, 0);
    });
  });

  it('stops asking after its query budget', async () => {
    await withZone({}, async (_, server) => {
      const client = createDohClient({ resolver: server.url, maxQueries: 2 });
      await client.lookup('a.example', 'A');
      await client.lookup('b.example', 'A');
      const third = await client.lookup('c.example', 'A');
      assert.equal(!third.ok && third.error.reason, 'too-many-lookups');
      assert.equal(server.queries.length, 2);
    });
  });
});
