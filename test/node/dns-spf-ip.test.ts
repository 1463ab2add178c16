/** Whether the SPF record authorises the sending IP: RFC 7208 check_host over the SPF walk, and its finding. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSpf } from '../../src/core/dns/spf.js';
import { inNetwork, parseIp } from '../../src/core/dns/ip.js';
import type { Zone } from './helpers/doh-server.js';
import { withZone } from './helpers/doh-server.js';

const ipOf = (text: string) => parseIp(text)!;
const spfFor = (ip: string, zone: Zone) => withZone(zone, (lookup) => checkSpf(lookup, 'example.com', ipOf(ip)));
const record = (text: string, more: Zone = {}): Zone => ({ 'example.com TXT': [text], ...more });

async function verdictOf(ip: string, zone: Zone) {
  const r = await spfFor(ip, zone);
  assert.ok(r.verdict, 'a verdict when an IP is given');
  return r.verdict;
}

describe('inNetwork', () => {
  const within = (ip: string, network: string, prefix: number) => inNetwork(ipOf(ip), ipOf(network), prefix);

  it('/32 and /128 hold one address', () => {
    assert.ok(within('192.0.2.1', '192.0.2.1', 32));
    assert.ok(!within('192.0.2.2', '192.0.2.1', 32));
    assert.ok(within('2001:db8::1', '2001:db8:0:0::1', 128));
    assert.ok(!within('2001:db8::2', '2001:db8::1', 128));
  });

  it('/0 holds every address of its own version only', () => {
    assert.ok(within('203.0.113.5', '0.0.0.0', 0));
    assert.ok(within('255.255.255.255', '10.0.0.0', 0));
    assert.ok(within('2001:db8::1', '::', 0));
    assert.ok(!within('2001:db8::1', '0.0.0.0', 0));
    assert.ok(!within('192.0.2.1', '::', 0));
  });

  it('cuts inside a byte at the prefix', () => {
    assert.ok(within('192.0.2.127', '192.0.2.0', 25));
    assert.ok(!within('192.0.2.128', '192.0.2.0', 25));
    assert.ok(within('198.51.100.200', '198.51.100.0', 24));
    assert.ok(!within('198.51.101.0', '198.51.100.0', 24));
    assert.ok(within('2001:db8:7fff::1', '2001:db8::', 33));
    assert.ok(!within('2001:db8:8000::1', '2001:db8::', 33));
  });
});

describe('SPF check_host for the sending IP', () => {
  it('passes on ip4 and names the mechanism; the finding is fine', async () => {
    const r = await spfFor('192.0.2.10', record('v=spf1 ip4:198.51.100.0/24 ip4:192.0.2.0/28 -all'));
    assert.deepEqual(r.verdict, { result: 'pass', decidedBy: ['ip4:192.0.2.0/28'], reason: null, skipped: [] });
    const f = r.findings.find((x) => x.title.includes('authorises'));
    assert.equal(f?.severity, 'ok');
    assert.match(f!.title, /^The SPF record of example\.com authorises 192\.0\.2\.10 \(ip4:192\.0\.2\.0\/28\)/);
  });

  it('an ip4 without a prefix is one address', async () => {
    assert.equal((await verdictOf('192.0.2.11', record('v=spf1 ip4:192.0.2.10 -all'))).result, 'fail');
    assert.equal((await verdictOf('192.0.2.10', record('v=spf1 ip4:192.0.2.10 -all'))).result, 'pass');
  });

  it('matches IPv6 addresses against ip6 only', async () => {
    const zone = record('v=spf1 ip4:0.0.0.0/0 ip6:2001:db8::/32 -all');
    assert.deepEqual((await verdictOf('2001:db8:ffff::25', zone)).decidedBy, ['ip6:2001:db8::/32']);
    assert.equal((await verdictOf('2001:db9::25', zone)).result, 'fail');
    assert.equal((await verdictOf('2001:db8::25', record('v=spf1 ip6:2001:db8::25 ~all'))).result, 'pass');
    assert.equal((await verdictOf('2001:db8::26', record('v=spf1 ip6:2001:db8::25/128 ~all'))).result, 'softfail');
  });

  it('a and mx match their addresses, widened by their IPv4 and IPv6 prefixes', async () => {
    const zone = record('v=spf1 a/24 mx:mail.example//64 -all', {
      'example.com A': ['192.0.2.1'],
      'mail.example MX': ['10 mx1.mail.example.', '20 mx2.mail.example.'],
      'mx2.mail.example AAAA': ['2001:db8:1:2::25'],
      'mx2.mail.example A': ['198.51.100.25'],
    });
    assert.deepEqual((await verdictOf('192.0.2.200', zone)).decidedBy, ['a/24']);
    assert.deepEqual((await verdictOf('2001:db8:1:2::ffff', zone)).decidedBy, ['mx:mail.example//64']);
    assert.equal((await verdictOf('198.51.100.26', zone)).result, 'fail', 'mx has no IPv4 prefix: one address');
    assert.equal((await verdictOf('198.51.100.25', zone)).result, 'pass');
    assert.equal((await verdictOf('2001:db8:1:3::1', zone)).result, 'fail');
  });

  it('an include matches when its record passes, and only then', async () => {
    const zone = record('v=spf1 include:_spf.mailer.example ip4:198.51.100.0/24 ~all', {
      '_spf.mailer.example TXT': ['v=spf1 ip4:203.0.113.0/24 -all'],
    });
    const pass = await verdictOf('203.0.113.5', zone);
    assert.deepEqual(pass.decidedBy, ['include:_spf.mailer.example', 'ip4:203.0.113.0/24']);
    assert.equal(pass.result, 'pass');
    // The include's -all is its own fail: to the outer record it is only "no match", so ~all decides.
    assert.deepEqual(await verdictOf('192.0.2.1', zone), { result: 'softfail', decidedBy: ['~all'], reason: null, skipped: [] });
  });

  it('a failing include gives an error finding that says what to add, linked to the SPF cause', async () => {
    const r = await spfFor('192.0.2.1', record('v=spf1 include:_spf.mailer.example -all', { '_spf.mailer.example TXT': ['v=spf1 ip4:203.0.113.0/24 -all'] }));
    const f = r.findings.find((x) => x.title.includes('does not authorise'))!;
    assert.equal(f.severity, 'error');
    assert.equal(f.causeId, 'auth-spf-failed');
    assert.match(f.title, /^The SPF record of example\.com does not authorise 192\.0\.2\.1: SPF fail/);
    assert.match(f.detail, /-all/);
    assert.match(f.detail, /include:/);
  });

  it('follows redirect and names it with what decided there', async () => {
    const zone = record('v=spf1 ip4:198.51.100.1 redirect=_spf.example.net', { '_spf.example.net TXT': ['v=spf1 ip4:192.0.2.0/24 ?all'] });
    assert.deepEqual((await verdictOf('192.0.2.9', zone)).decidedBy, ['redirect=_spf.example.net', 'ip4:192.0.2.0/24']);
    assert.deepEqual(await verdictOf('203.0.113.9', zone), { result: 'neutral', decidedBy: ['redirect=_spf.example.net', '?all'], reason: null, skipped: [] });
  });

  it('exists matches when the name has an A record; a macro is passed over and said so', async () => {
    const zone = record('v=spf1 exists:%{i}.allow.example exists:yes.example -all', { 'yes.example A': ['127.0.0.2'] });
    const v = await verdictOf('192.0.2.1', zone);
    assert.deepEqual(v.decidedBy, ['exists:yes.example']);
    assert.deepEqual(v.skipped, ['exists:%{i}.allow.example (a macro)']);
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 exists:no.example -all', { 'no.example TXT': ['x'] }))).result, 'fail');
  });

  for (const [all, result] of [['+all', 'pass'], ['-all', 'fail'], ['~all', 'softfail'], ['?all', 'neutral'], ['all', 'pass']] as const) {
    it(`${all} gives ${result} to an address nothing else covers`, async () => {
      assert.deepEqual(await verdictOf('203.0.113.5', record(`v=spf1 ip4:192.0.2.0/24 ${all}`)), { result, decidedBy: [all], reason: null, skipped: [] });
    });
  }

  it('a qualifier on a matching mechanism is its result', async () => {
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 -ip4:192.0.2.1 +all'))).result, 'fail');
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 ~ip4:192.0.2.1 +all'))).result, 'softfail');
  });

  it('no match and no all is neutral, and an error finding', async () => {
    const r = await spfFor('203.0.113.5', record('v=spf1 ip4:192.0.2.0/24'));
    assert.deepEqual(r.verdict, { result: 'neutral', decidedBy: [], reason: null, skipped: [] });
    assert.equal(r.findings.find((f) => f.title.includes('does not authorise'))?.severity, 'error');
  });

  it('counts lookups as they are reached: the 11th before a match is a permerror, a match first is a pass', async () => {
    const includes: Zone = {};
    for (let i = 1; i <= 11; i++) includes[`i${i}.example TXT`] = ['v=spf1 ip4:198.51.100.1'];
    const names = Object.keys(includes).map((k) => `include:${k.split(' ')[0]}`).join(' ');
    const late = await verdictOf('192.0.2.1', record(`v=spf1 ${names} ip4:192.0.2.1 -all`, includes));
    assert.equal(late.result, 'permerror');
    assert.match(late.reason!, /more than 10 DNS lookups.*include:i11\.example/);
    assert.equal((await verdictOf('192.0.2.1', record(`v=spf1 ip4:192.0.2.1 ${names} -all`, includes))).result, 'pass');
    const r = await spfFor('192.0.2.1', record(`v=spf1 ${names} ip4:192.0.2.1 -all`, includes));
    const f = r.findings.find((x) => x.title.includes('cannot say whether'))!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.causeId, 'auth-spf-failed');
  });

  it('a third lookup that finds nothing is a permerror', async () => {
    const v = await verdictOf('192.0.2.1', record('v=spf1 a:gone1.example a:gone2.example a:gone3.example ip4:192.0.2.1 -all'));
    assert.equal(v.result, 'permerror');
    assert.match(v.reason!, /a:gone3\.example/);
  });

  it('more than 10 MX names is a permerror', async () => {
    const mx = Array.from({ length: 11 }, (_, i) => `${i} mx${i}.example.com.`);
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 mx -all', { 'example.com MX': mx }))).result, 'permerror');
  });

  it('an include without a record, a loop or an unreadable term is a permerror', async () => {
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 include:none.example -all', { 'none.example A': ['192.0.2.9'] }))).result, 'permerror');
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 include:example.com -all'))).result, 'permerror');
    assert.equal((await verdictOf('192.0.2.1', record('v=spf1 ip4:192.0.2.1 a/99 -all'))).result, 'permerror');
  });

  it('a lookup that fails on the way is a temperror, a warning not linked to a cause', async () => {
    const r = await spfFor('192.0.2.1', record('v=spf1 include:_spf.broken.example ip4:192.0.2.1 -all', { '_spf.broken.example TXT': { status: 2 } }));
    assert.equal(r.verdict?.result, 'temperror');
    const f = r.findings.find((x) => x.title.includes('is unknown'))!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.causeId, undefined);
  });

  it('passes over ptr, and says so in the finding', async () => {
    const r = await spfFor('192.0.2.1', record('v=spf1 ptr ip4:192.0.2.0/24 -all'));
    assert.deepEqual(r.verdict?.decidedBy, ['ip4:192.0.2.0/24']);
    assert.match(r.findings.find((f) => f.title.includes('authorises'))!.detail, /ptr/);
  });

  it('without a record the result is none and the "No SPF record" finding stands alone', async () => {
    const r = await spfFor('192.0.2.1', { 'example.com TXT': ['other'] });
    assert.equal(r.verdict?.result, 'none');
    assert.deepEqual(r.findings.map((f) => f.title), ['No SPF record']);
  });

  it('without an IP there is no verdict and no authorisation finding', async () => {
    const r = await withZone(record('v=spf1 ip4:192.0.2.0/24 -all'), (lookup) => checkSpf(lookup, 'example.com'));
    assert.equal(r.verdict, null);
    assert.ok(!r.findings.some((f) => /authorise/.test(f.title)));
  });
});
