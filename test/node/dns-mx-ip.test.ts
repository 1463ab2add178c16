import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBlocklists, checkPtr, parseIp, reversedName } from '../../src/core/dns/ip.js';
import { checkMx } from '../../src/core/dns/mx.js';
import { checkPolicies } from '../../src/core/dns/policies.js';
import { withZone, type Zone } from './helpers/doh-server.js';

const mx = (zone: Zone) => withZone(zone, (lookup) => checkMx(lookup, 'example.com'));
const ip = (text: string) => {
  const parsed = parseIp(text);
  assert.ok(parsed, text);
  return parsed;
};

describe('MX', () => {
  it('lists the hosts by preference when they resolve', async () => {
    const r = await mx({
      'example.com MX': ['20 mx2.example.com.', '10 mx1.example.com.'],
      'mx1.example.com A': ['192.0.2.10'],
      'mx2.example.com AAAA': ['2001:db8::25'],
    });
    assert.equal(r.exists, true);
    assert.deepEqual(r.hosts.map((h) => h.host), ['mx1.example.com', 'mx2.example.com']);
    assert.deepEqual(r.findings.map((f) => [f.severity, f.title]), [['ok', 'Mail for example.com goes to mx1.example.com, mx2.example.com']]);
  });

  it('recognises a null MX (RFC 7505)', async () => {
    const r = await mx({ 'example.com MX': ['0 .'] });
    assert.equal(r.nullMx, true);
    assert.equal(r.findings[0].title, 'MX is a null MX: this domain accepts no mail');
    assert.equal(r.findings[0].causeId, 'recipient-not-accepting-mail');
  });

  it('reports a domain that does not exist', async () => {
    const r = await mx({});
    assert.equal(r.exists, false);
    assert.equal(r.findings[0].check, 'domain');
    assert.equal(r.findings[0].title, 'The domain does not exist (NXDOMAIN)');
    assert.equal(r.findings[0].causeId, 'recipient-domain-unknown');
  });

  it('warns about no MX records and about MX hosts without an address', async () => {
    const none = await mx({ 'example.com A': ['192.0.2.1'] });
    assert.equal(none.findings[0].title, 'No MX records');
    const dead = await mx({ 'example.com MX': ['10 gone.example.com.', '20 mx.example.com.'], 'mx.example.com A': ['192.0.2.1'] });
    const f = dead.findings.find((x) => /without an address/.test(x.title));
    assert.equal(f?.severity, 'warning');
    assert.match(f?.title ?? '', /gone\.example\.com$/);
  });

  it('turns SERVFAIL into a finding, not into "does not exist"', async () => {
    const r = await mx({ 'example.com MX': { status: 2 } });
    assert.equal(r.exists, null);
    assert.match(r.findings[0].title, /MX lookup failed/);
  });
});

describe('MTA-STS and TLS-RPT', () => {
  it('notes presence and absence', async () => {
    const found = await withZone({ '_mta-sts.example.com TXT': ['v=STSv1; id=2024'] }, (lookup) => checkPolicies(lookup, 'example.com'));
    assert.deepEqual(found.map((f) => [f.check, f.severity]), [['mta-sts', 'ok'], ['tls-rpt', 'info']]);
  });
});

describe('sending IP address', () => {
  it('parses IPv4 and IPv6 and writes their reversed names', () => {
    assert.equal(reversedName(ip('192.0.2.1')), '1.2.0.192');
    assert.equal(reversedName(ip('2001:db8::1')), `1.${'0.'.repeat(23)}8.b.d.0.1.0.0.2`);
    for (const bad of ['192.0.2', '192.0.2.256', '01.2.3.4x', '2001:db8::1::2', 'example.com', '']) assert.equal(parseIp(bad), null, bad);
  });

  it('confirms reverse DNS that points back', async () => {
    const r = await withZone({
      '1.2.0.192.in-addr.arpa PTR': ['mail.example.com.'],
      'mail.example.com A': ['192.0.2.1'],
    }, (lookup) => checkPtr(lookup, ip('192.0.2.1')));
    assert.deepEqual(r.map((f) => [f.severity, f.title]), [['ok', 'Reverse DNS for 192.0.2.1: mail.example.com, which points back to it']]);
  });

  it('confirms IPv6 reverse DNS written differently', async () => {
    const r = await withZone({
      [`1.${'0.'.repeat(23)}8.b.d.0.1.0.0.2.ip6.arpa PTR`]: ['mail.example.com.'],
      'mail.example.com AAAA': ['2001:0db8:0:0::1'],
    }, (lookup) => checkPtr(lookup, ip('2001:db8::1')));
    assert.equal(r[0].severity, 'ok');
  });

  it('reports a missing PTR and one that does not point back', async () => {
    const none = await withZone({}, (lookup) => checkPtr(lookup, ip('192.0.2.1')));
    assert.equal(none[0].title, 'No reverse DNS for 192.0.2.1');
    assert.equal(none[0].causeId, 'sender-no-ptr');
    const wrong = await withZone({
      '1.2.0.192.in-addr.arpa PTR': ['host.example.net.'],
      'host.example.net A': ['198.51.100.7'],
    }, (lookup) => checkPtr(lookup, ip('192.0.2.1')));
    assert.match(wrong[0].title, /host\.example\.net, but that name does not point back/);
    assert.equal(wrong[0].causeId, 'sender-no-ptr');
  });

  it('reports a listing, with what the list means', async () => {
    const r = await withZone({
      '1.2.0.192.zen.spamhaus.org A': ['127.0.0.4'],
      '1.2.0.192.bl.spamcop.net A': ['127.0.0.2'],
    }, (lookup) => checkBlocklists(lookup, ip('192.0.2.1')));
    assert.deepEqual(r.map((f) => [f.severity, f.title, f.causeId]), [
      ['error', 'Listed on zen.spamhaus.org', 'sender-blocklisted'],
      ['error', 'Listed on bl.spamcop.net', 'sender-blocklisted'],
    ]);
    assert.match(r[0].detail, /XBL/);
  });

  it('says not listed when the list has no entry', async () => {
    const r = await withZone({}, (lookup) => checkBlocklists(lookup, ip('192.0.2.1')));
    assert.deepEqual(r.map((f) => [f.severity, f.title]), [
      ['ok', '192.0.2.1 is not listed on zen.spamhaus.org'],
      ['ok', '192.0.2.1 is not listed on bl.spamcop.net'],
    ]);
  });

  for (const answer of ['127.255.255.254', '127.0.0.1']) {
    it(`reads Spamhaus's ${answer} as a refused query, neither clean nor listed`, async () => {
      const r = await withZone({ '1.2.0.192.zen.spamhaus.org A': [answer] }, (lookup) => checkBlocklists(lookup, ip('192.0.2.1')));
      assert.equal(r[0].severity, 'warning');
      assert.equal(r[0].causeId, undefined);
      assert.match(r[0].title, /public resolver.*not a clean result/);
    });
  }

  it('reads 127.255.255.255 as too many queries, and a non-127 answer as unknown', async () => {
    const r = await withZone({
      '1.2.0.192.zen.spamhaus.org A': ['127.255.255.255'],
      '1.2.0.192.bl.spamcop.net A': ['203.0.113.1'],
    }, (lookup) => checkBlocklists(lookup, ip('192.0.2.1')));
    assert.match(r[0].title, /too many queries/);
    assert.match(r[1].title, /unexpected answer/);
    assert.deepEqual(r.map((f) => f.severity), ['warning', 'warning']);
  });

  it('asks only Spamhaus for an IPv6 address (SpamCop lists IPv4 only)', async () => {
    const r = await withZone({}, (lookup) => checkBlocklists(lookup, ip('2001:db8::1')));
    assert.deepEqual(r.map((f) => f.title), ['2001:db8::1 is not listed on zen.spamhaus.org']);
  });
});
