import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { run } from '../../src/cli/main.js';
import { checkDomain, validateResolver, type CheckDomainOptions, type DomainReport } from '../../src/core/dns/check-domain.js';
import { CAUSE } from '../../src/core/dns/findings.js';
import { closedPortUrl, startDohServer, type DohServer, type Zone } from './helpers/doh-server.js';

const key2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

const GOOD: Zone = {
  'example.com MX': ['10 mx.example.com.'],
  'mx.example.com A': ['192.0.2.25'],
  'example.com TXT': ['v=spf1 include:_spf.mailer.example -all'],
  '_spf.mailer.example TXT': ['v=spf1 ip4:192.0.2.0/24 -all'],
  '_dmarc.example.com TXT': ['v=DMARC1; p=reject; rua=mailto:dmarc@example.com'],
  's1._domainkey.example.com TXT': [`v=DKIM1; k=rsa; p=${key2048}`],
  '_mta-sts.example.com TXT': ['v=STSv1; id=1'],
  '_smtp._tls.example.com TXT': ['v=TLSRPTv1; rua=mailto:tls@example.com'],
  '1.2.0.192.in-addr.arpa PTR': ['mail.example.com.'],
  'mail.example.com A': ['192.0.2.1'],
};

const BAD: Zone = {
  'example.com MX': ['0 .'],
  'example.com TXT': ['v=spf1 a:gone.example ?all'],
  '_dmarc.example.com TXT': ['v=DMARC1; p=none'],
  's1._domainkey.example.com TXT': ['v=DKIM1; p='],
  '1.2.0.192.zen.spamhaus.org A': ['127.255.255.254'],
  '1.2.0.192.bl.spamcop.net A': ['127.0.0.2'],
};

async function withServer<T>(zone: Zone, fn: (server: DohServer) => Promise<T>): Promise<T> {
  const server = await startDohServer(zone);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

async function check(options: Omit<CheckDomainOptions, 'resolver'> & { resolver: string }): Promise<DomainReport> {
  const r = await checkDomain(options);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

const problems = (r: DomainReport) => r.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => f.title);

describe('checkDomain', () => {
  it('finds nothing wrong with a good setup, and checks every part', async () => {
    const r = await withServer(GOOD, (s) => check({ domain: 'Example.COM.', selector: 's1', ip: '192.0.2.1', resolver: s.url }));
    assert.equal(r.domain, 'example.com');
    assert.deepEqual(problems(r), []);
    assert.deepEqual([...new Set(r.findings.map((f) => f.check))], ['mx', 'spf', 'dmarc', 'dkim', 'mta-sts', 'tls-rpt', 'ptr', 'blocklist']);
    assert.equal(r.resolverAnswered, true);
    assert.equal(r.summary.error + r.summary.warning, 0);
    assert.equal(r.summary.ok + r.summary.info, r.findings.length);
  });

  it('reports each problem of a bad setup', async () => {
    const r = await withServer(BAD, (s) => check({ domain: 'example.com', selector: 's1', ip: '192.0.2.1', resolver: s.url }));
    const found = problems(r);
    for (const title of [
      'MX is a null MX: this domain accepts no mail',
      'Your SPF record ends in ?all, so receivers cannot reject forgeries: change it to ~all or -all',
      'DMARC p=none: monitoring only',
      'DKIM key for selector s1 is revoked',
      'Listed on bl.spamcop.net',
      'No reverse DNS for 192.0.2.1',
    ]) assert.ok(found.includes(title), `${title}\n in ${found.join('\n    ')}`);
    assert.ok(found.some((t) => /^No answer from zen\.spamhaus\.org: .*public resolver/.test(t)));
    assert.ok(!r.findings.some((f) => f.title.includes('not listed on zen')), 'a refused query is not a clean result');
  });

  it('says only that the domain does not exist when it is NXDOMAIN', async () => {
    const r = await withServer({}, (s) => check({ domain: 'no-such-domain.example', selector: 's1', resolver: s.url }));
    assert.deepEqual(r.findings.map((f) => [f.check, f.title]), [['domain', 'The domain does not exist (NXDOMAIN)']]);
  });

  it('runs independent lookups in parallel', async () => {
    const slow: Zone = {};
    for (const [k, v] of Object.entries(GOOD)) slow[k] = { delayMs: 300, records: v as string[] };
    const started = Date.now();
    const { r, peak } = await withServer(slow, async (s) => ({
      r: await check({ domain: 'example.com', selector: 's1', ip: '192.0.2.1', resolver: s.url }),
      peak: s.peakInFlight(),
    }));
    assert.deepEqual(problems(r), []);
    assert.ok(peak >= 5, `at most ${peak} queries at once`);
    // Ten delayed answers one after another would take 3 s; the longest chain is two deep.
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it('keeps to the total time bound when the resolver is slow, and says what timed out', async () => {
    const slow: Zone = { 'example.com MX': { delayMs: 5000 }, 'example.com TXT': { delayMs: 5000 }, '_dmarc.example.com TXT': ['v=DMARC1; p=reject'] };
    const started = Date.now();
    const r = await withServer(slow, (s) => check({ domain: 'example.com', resolver: s.url, timeoutMs: 4000, totalTimeoutMs: 300 }));
    const took = Date.now() - started;
    assert.ok(took < 1000, `took ${took} ms`);
    assert.ok(r.findings.some((f) => f.title === 'The MX lookup timed out'));
    assert.ok(r.findings.some((f) => f.title === 'The SPF lookup timed out'));
    assert.ok(r.findings.some((f) => f.title === 'DMARC p=reject'), 'what answered in time is still reported');
    assert.equal(r.resolverAnswered, true);
  });

  it('gives one resolver finding when the resolver cannot be reached', async () => {
    const r = await check({ domain: 'example.com', ip: '192.0.2.1', resolver: await closedPortUrl() });
    assert.equal(r.resolverAnswered, false);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].check, 'resolver');
    assert.equal(r.findings[0].severity, 'error');
    assert.match(r.findings[0].detail, /unreachable/);
  });

  it('blames the domain, not the resolver, when every lookup gets SERVFAIL', async () => {
    const zone: Zone = {};
    for (const name of ['example.com MX', 'example.com TXT', '_dmarc.example.com TXT', '_mta-sts.example.com TXT', '_smtp._tls.example.com TXT']) zone[name] = { status: 2 };
    const r = await withServer(zone, (s) => check({ domain: 'example.com', resolver: s.url }));
    assert.equal(r.resolverAnswered, true);
    assert.equal(r.findings.length, 5);
    assert.ok(r.findings.every((f) => /SERVFAIL/.test(f.title) && f.check !== 'resolver'), r.findings.map((f) => f.title).join(' | '));
  });

  it('turns malformed JSON and SERVFAIL into findings', async () => {
    const r = await withServer({ 'example.com MX': { body: '<html>oops</html>' }, 'example.com TXT': { status: 2 } },
      (s) => check({ domain: 'example.com', resolver: s.url }));
    assert.ok(r.findings.some((f) => /^The MX lookup failed: .*not valid DNS JSON/.test(f.title)));
    assert.ok(r.findings.some((f) => /^The SPF lookup failed: .*SERVFAIL/.test(f.title)));
  });

  for (const [options, reason] of [
    [{ domain: 'not a domain' }, 'invalid-domain'],
    [{ domain: 'user@example.com' }, 'invalid-domain'],
    [{ domain: '192.0.2.1' }, 'invalid-domain'],
    [{ domain: 'localhost' }, 'invalid-domain'],
    [{ domain: 'example.com', selector: 'bad selector!' }, 'invalid-selector'],
    [{ domain: 'example.com', ip: '300.1.1.1' }, 'invalid-ip'],
    [{ domain: 'example.com', resolver: 'http://dns.example/dns-query' }, 'insecure-resolver'],
    [{ domain: 'example.com', resolver: 'ftp://127.0.0.1/' }, 'invalid-resolver'],
    [{ domain: 'example.com', resolver: 'nonsense' }, 'invalid-resolver'],
  ] as [CheckDomainOptions, string][]) {
    it(`refuses ${JSON.stringify(options)} as ${reason}, before any lookup`, async () => {
      const r = await checkDomain({ ...options, fetch: () => assert.fail('no lookup expected') });
      assert.equal(!r.ok && r.error.reason, reason);
    });
  }

  it('accepts plain http on loopback only', () => {
    for (const url of ['http://127.0.0.1:8053/dns-query', 'http://127.1.2.3/q', 'http://localhost:99/', 'http://[::1]/dns-query', 'https://dns.example/dns-query']) {
      assert.ok(validateResolver(url).ok, url);
    }
    for (const url of ['http://10.0.0.1/q', 'http://localhost.example/q', 'http://[::2]/q', 'http://128.0.0.1/q']) {
      const r = validateResolver(url);
      assert.equal(!r.ok && r.error.reason, 'insecure-resolver', url);
    }
  });

  it('converts an internationalised domain to its ASCII form', async () => {
    const r = await withServer({}, (s) => check({ domain: 'bücher.example', resolver: s.url }));
    assert.equal(r.domain, 'xn--bcher-kva.example');
  });

  it('links findings only to causes that exist in data/causes.json', () => {
    const ids = new Set((JSON.parse(readFileSync(new URL('../../data/causes.json', import.meta.url), 'utf8')) as { causes: { id: string }[] }).causes.map((c) => c.id));
    for (const id of Object.values(CAUSE)) assert.ok(ids.has(id), id);
  });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['check-domain', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('bounce-wizard check-domain', () => {
  it('--json prints one object whose findings keep the documented keys, causeId null when none', async () => {
    const r = await withServer(BAD, (s) => cli('example.com', '--selector', 's1', '--ip', '192.0.2.1', '--resolver', s.url, '--json'));
    assert.equal(r.code, 0, 'error findings do not change the exit code');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.trim().split('\n').length, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.domain, 'example.com');
    assert.ok(out.summary.error > 0);
    for (const f of out.findings) {
      assert.deepEqual(Object.keys(f).sort(), ['causeId', 'check', 'detail', 'severity', 'title']);
      assert.ok(['ok', 'info', 'warning', 'error'].includes(f.severity));
    }
    assert.ok(out.findings.some((f: { causeId: unknown }) => f.causeId === null));
    assert.ok(out.findings.some((f: { title: string; causeId: unknown }) => f.title === 'DKIM key for selector s1 is revoked' && f.causeId === 'auth-dkim-failed'));
  });

  it('prints a text report grouped by check with severity markers', async () => {
    const r = await withServer(GOOD, (s) => cli('example.com', '--selector', 's1', '--resolver', s.url));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Mail setup of example\.com/);
    assert.match(r.stdout, /\nSPF\n {2}\[ ok \] One SPF record found\n/);
    assert.match(r.stdout, /\nDKIM\n {2}\[ ok \] DKIM key for selector s1: RSA, about 2048 bits/);
    assert.match(r.stdout, /Summary: 0 error\(s\), 0 warning\(s\)/);
    assert.ok(r.stdout.indexOf('\nMX') < r.stdout.indexOf('\nSPF') && r.stdout.indexOf('\nSPF') < r.stdout.indexOf('\nDMARC'));
  });

  it('exits 1 with a resolver finding when the resolver is down', async () => {
    const r = await cli('example.com', '--resolver', await closedPortUrl(), '--json');
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout).findings[0].check, 'resolver');
  });

  for (const args of [
    ['not_a domain'], [], ['a.example', 'b.example'], ['example.com', '--ip', '1.2.3'], ['example.com', '--selector', 'a b'],
    ['example.com', '--resolver', 'http://dns.example/dns-query'], ['example.com', '--bogus'],
  ]) {
    it(`exits 2 with a message on stderr for ${JSON.stringify(args)}`, async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^bounce-wizard check-domain: \S/);
    });
  }

  it('explains plain http on loopback only, and documents the exit codes in --help', async () => {
    const refused = await cli('example.com', '--resolver', 'http://dns.example/dns-query');
    assert.match(refused.stderr, /only for a resolver on this machine/);
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*resolver/);
  });
});
