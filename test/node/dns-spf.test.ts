import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSpf } from '../../src/core/dns/spf.js';
import type { Zone } from './helpers/doh-server.js';
import { withZone } from './helpers/doh-server.js';

const spf = (zone: Zone, domain = 'example.com') => withZone(zone, (lookup) => checkSpf(lookup, domain));
const titles = (r: { findings: { title: string }[] }) => r.findings.map((f) => f.title);
const severityOf = (r: { findings: { title: string; severity: string }[] }, re: RegExp) => r.findings.find((f) => re.test(f.title))?.severity;

describe('SPF record', () => {
  it('passes a single record ending in -all, ignoring other TXT records', async () => {
    const r = await spf({ 'example.com TXT': ['google-site-verification=abc', 'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all'] });
    assert.equal(r.record, 'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all');
    assert.equal(r.lookups, 0);
    assert.equal(r.all, '-');
    assert.deepEqual(r.findings.map((f) => f.severity), ['ok', 'ok', 'ok']);
  });

  it('reads a record split into several quoted strings', async () => {
    const r = await spf({ 'example.com TXT': ['"v=spf1 ip4:192.0.2.1 " "~all"'] });
    assert.equal(r.record, 'v=spf1 ip4:192.0.2.1 ~all');
    assert.equal(r.all, '~');
  });

  it('says so when there is none, linked to the SPF cause', async () => {
    const r = await spf({ 'example.com TXT': ['something else'] });
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].title, 'No SPF record');
    assert.equal(r.findings[0].severity, 'error');
    assert.equal(r.findings[0].causeId, 'auth-spf-failed');
  });

  it('reports two SPF records as a permerror', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 -all', 'V=SPF1 ip4:192.0.2.1 -all'] });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].title, /^2 SPF records: .*permerror/);
    assert.equal(r.findings[0].severity, 'error');
  });

  for (const [q, severity, pattern] of [['?all', 'warning', /\?all, so receivers cannot reject forgeries/], ['+all', 'error', /\+all/], ['all', 'error', /\+all/], ['~all', 'ok', /~all/]] as const) {
    it(`judges "${q}" as ${severity}`, async () => {
      const r = await spf({ 'example.com TXT': [`v=spf1 ip4:192.0.2.1 ${q}`] });
      assert.equal(severityOf(r, pattern), severity, titles(r).join(' | '));
    });
  }

  it('warns when the record has no all and no redirect', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 ip4:192.0.2.1'] });
    assert.equal(r.all, null);
    assert.equal(severityOf(r, /no "all"/), 'warning');
  });

  it('reports unreadable terms', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 ip4:999.1.1.1 includ:x.example -all'] });
    const bad = r.findings.find((f) => /cannot read/.test(f.title));
    assert.ok(bad, titles(r).join(' | '));
    assert.match(bad.title, /ip4:999\.1\.1\.1 includ:x\.example$/);
    assert.equal(bad.severity, 'error');
  });

  it('warns about ptr and counts it as a lookup', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 ptr -all'] });
    assert.equal(r.lookups, 1);
    assert.equal(severityOf(r, /uses "ptr"/), 'warning');
  });
});

describe('SPF lookup limit', () => {
  it('counts through nested includes: a, mx and include each count, ip4 does not', async () => {
    const r = await spf({
      'example.com TXT': ['v=spf1 a mx include:one.example -all'],
      'example.com A': ['192.0.2.1'],
      'example.com MX': ['10 mx.example.com.'],
      'one.example TXT': ['v=spf1 ip4:198.51.100.0/24 include:two.example ~all'],
      'two.example TXT': ['v=spf1 a:host.two.example ip4:203.0.113.5 ~all'],
      'host.two.example A': ['203.0.113.9'],
    });
    assert.equal(r.lookups, 5);
    assert.equal(r.voidLookups, 0);
    assert.equal(severityOf(r, /DNS lookups/), 'ok');
    assert.ok(titles(r).includes('SPF needs 5 of the 10 DNS lookups allowed'));
    assert.equal(r.all, '-', 'an included record\'s all does not end evaluation');
  });

  it('reports 12 lookups as over the limit of 10', async () => {
    const zone: Zone = { 'example.com TXT': ['v=spf1 include:a.example include:b.example -all'] };
    for (const [name, n] of [['a', 5], ['b', 5]] as const) {
      zone[`${name}.example TXT`] = [`v=spf1 ${Array.from({ length: n }, (_, i) => `ip4:192.0.2.${i} a:h${i}.${name}.example`).join(' ')} ~all`];
      for (let i = 0; i < n; i += 1) zone[`h${i}.${name}.example A`] = ['192.0.2.1'];
    }
    const r = await spf(zone);
    assert.equal(r.lookups, 12);
    const over = r.findings.find((f) => f.title === 'SPF needs 12 DNS lookups; the limit is 10');
    assert.ok(over, titles(r).join(' | '));
    assert.equal(over.severity, 'error');
    assert.equal(over.causeId, 'auth-spf-failed');
  });

  it('follows redirect, which counts, and takes the all from its target', async () => {
    const r = await spf({
      'example.com TXT': ['v=spf1 redirect=_spf.example.net'],
      '_spf.example.net TXT': ['v=spf1 include:c.example ?all'],
      'c.example TXT': ['v=spf1 ip4:192.0.2.0/24 -all'],
    });
    assert.equal(r.lookups, 2);
    assert.equal(r.all, '?');
  });

  it('ignores redirect when the record has an all', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 -all redirect=_spf.example.net'] }, 'example.com');
    assert.equal(r.lookups, 0);
    assert.equal(r.all, '-');
  });

  it('stops at an include loop and reports it', async () => {
    const r = await spf({
      'example.com TXT': ['v=spf1 include:a.example -all'],
      'a.example TXT': ['v=spf1 include:b.example -all'],
      'b.example TXT': ['v=spf1 include:a.example -all'],
    });
    const loop = r.findings.find((f) => /loops/.test(f.title));
    assert.ok(loop, titles(r).join(' | '));
    assert.match(loop.detail, /example\.com → a\.example → b\.example → a\.example/);
    assert.equal(r.lookups, 3);
  });

  it('stops a redirect to itself', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 redirect=example.com'] });
    assert.ok(r.findings.some((f) => /loops: redirect:example\.com/.test(f.title)), titles(r).join(' | '));
  });

  it('gives up following past its walk limit and says "more than"', async () => {
    // A chain of 40 includes, each of which would need its own lookup.
    const zone: Zone = { 'example.com TXT': ['v=spf1 include:l0.example -all'] };
    for (let i = 0; i < 40; i += 1) zone[`l${i}.example TXT`] = [`v=spf1 include:l${i + 1}.example a:x${i}.example -all`];
    const r = await spf(zone);
    assert.equal(r.truncated, true);
    assert.ok(r.lookups > 10 && r.lookups < 40, String(r.lookups));
    assert.ok(titles(r).some((t) => /^SPF needs more than \d+ DNS lookups; the limit is 10$/.test(t)), titles(r).join(' | '));
  });
});

describe('SPF void lookups', () => {
  it('counts names that do not exist or have no records; over 2 is an error', async () => {
    const r = await spf({
      'example.com TXT': ['v=spf1 a:gone1.example mx:gone2.example exists:gone3.example a:alive.example -all'],
      'alive.example A': ['192.0.2.1'],
      'gone2.example A': ['192.0.2.2'],
    });
    assert.equal(r.voidLookups, 3);
    const f = r.findings.find((x) => /find nothing/.test(x.title));
    assert.equal(f?.severity, 'error');
    assert.equal(f?.causeId, 'auth-spf-failed');
  });

  it('one void lookup is a warning', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 a:gone.example -all'] });
    assert.equal(r.voidLookups, 1);
    assert.equal(severityOf(r, /finds nothing/), 'warning');
  });

  it('an include without an SPF record is a permerror and a void lookup', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 include:missing.example -all'] });
    assert.equal(r.voidLookups, 1);
    const f = r.findings.find((x) => /include:missing\.example, which has no SPF record/.test(x.title));
    assert.equal(f?.severity, 'error', titles(r).join(' | '));
  });
});

describe('SPF lookups that fail', () => {
  it('turns SERVFAIL on the record into a finding', async () => {
    const r = await spf({ 'example.com TXT': { status: 2 } });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].title, /SPF lookup failed.*SERVFAIL/);
    assert.equal(r.findings[0].severity, 'warning');
  });

  it('turns a failed include into a finding and keeps the rest', async () => {
    const r = await spf({ 'example.com TXT': ['v=spf1 include:broken.example -all'], 'broken.example TXT': { body: 'not json' } });
    assert.ok(titles(r).some((t) => /SPF record of broken\.example lookup failed/.test(t)), titles(r).join(' | '));
    assert.equal(r.all, '-');
  });
});
