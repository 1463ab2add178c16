import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { approximateRsaBits, checkDkim } from '../../src/core/dns/dkim.js';
import { checkDmarc } from '../../src/core/dns/dmarc.js';
import { withZone, type Zone } from './helpers/doh-server.js';

const dmarc = (zone: Zone) => withZone(zone, (lookup) => checkDmarc(lookup, 'example.com'));
const dkim = (zone: Zone, selector = 's1') => withZone(zone, (lookup) => checkDkim(lookup, 'example.com', selector));
const rsaKey = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

describe('DMARC', () => {
  it('reads p=reject with reports as good', async () => {
    const r = await dmarc({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject; rua=mailto:d@example.com'] });
    assert.equal(r.policy, 'reject');
    assert.deepEqual(r.findings.map((f) => [f.severity, f.title]), [
      ['ok', 'DMARC p=reject'],
      ['ok', 'DMARC aggregate reports are requested'],
    ]);
    assert.match(r.findings[0].detail, /refused/);
  });

  it('reports a missing record, linked to the DMARC cause', async () => {
    const r = await dmarc({ 'example.com TXT': ['v=spf1 -all'] });
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].title, 'No DMARC record');
    assert.equal(r.findings[0].causeId, 'auth-dmarc-failed');
  });

  it('calls p=none monitoring only, and notes sp, pct, missing rua and strict alignment', async () => {
    const r = await dmarc({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; sp=reject; pct=50; adkim=s; aspf=s'] });
    const byTitle = new Map(r.findings.map((f) => [f.title, f.severity]));
    assert.equal(byTitle.get('DMARC p=none: monitoring only'), 'warning');
    assert.equal(byTitle.get('Subdomains use a different policy: sp=reject'), 'info');
    assert.equal(byTitle.get('The policy applies to 50% of failing mail'), 'info');
    assert.equal(byTitle.get('No DMARC reports requested (no rua=)'), 'info');
    assert.equal(byTitle.get('Strict alignment: adkim=s, aspf=s'), 'info');
  });

  for (const [record, pattern] of [['v=DMARC1; rua=mailto:d@example.com', /no policy/], ['v=DMARC1; p=block', /p=block is not valid/]] as const) {
    it(`reports an invalid policy in "${record}"`, async () => {
      const r = await dmarc({ '_dmarc.example.com TXT': [record] });
      assert.equal(r.policy, null);
      assert.match(r.findings.at(-1)?.title ?? '', pattern);
      assert.equal(r.findings.at(-1)?.severity, 'error');
    });
  }

  it('reports two records, which receivers ignore', async () => {
    const r = await dmarc({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject', 'v=DMARC1; p=none'] });
    assert.match(r.findings[0].title, /^2 DMARC records/);
    assert.equal(r.findings[0].severity, 'error');
  });

  it('flags an invalid pct and unreadable parts', async () => {
    const r = await dmarc({ '_dmarc.example.com TXT': ['v=DMARC1; p=quarantine; pct=150; junk'] });
    assert.ok(r.findings.some((f) => f.title === 'pct=150 is not a percentage' && f.severity === 'warning'));
    assert.ok(r.findings.some((f) => /cannot be read/.test(f.title) && /junk/.test(f.detail)));
  });

  it('turns a timeout into a finding', async () => {
    const r = await withZone({ '_dmarc.example.com TXT': { delayMs: 3000 } }, (lookup) => checkDmarc(lookup, 'example.com'));
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].title, /DMARC lookup timed out/);
  });
});

describe('DKIM', () => {
  it('estimates RSA key sizes from real keys', () => {
    for (const bits of [1024, 2048, 3072]) assert.equal(approximateRsaBits(rsaKey(bits)), bits);
    assert.equal(approximateRsaBits('not base64!'), null);
  });

  it('passes a 2048-bit RSA key', async () => {
    const r = await dkim({ 's1._domainkey.example.com TXT': [`v=DKIM1; k=rsa; p=${rsaKey(2048)}`] });
    assert.equal(r.bits, 2048);
    assert.deepEqual(r.findings.map((f) => [f.severity, f.title]), [['ok', 'DKIM key for selector s1: RSA, about 2048 bits']]);
  });

  it('warns about 1024 bits and fails 512, even when the key is split across strings', async () => {
    const k1024 = rsaKey(1024);
    const warn = await dkim({ 's1._domainkey.example.com TXT': [`"v=DKIM1; p=${k1024.slice(0, 100)}" "${k1024.slice(100)}"`] });
    assert.equal(warn.bits, 1024);
    assert.equal(warn.findings[0].severity, 'warning');
    const short = await dkim({ 's1._domainkey.example.com TXT': [`p=${randomBytes(94).toString('base64')}`] });
    assert.equal(short.bits, 512);
    assert.equal(short.findings[0].severity, 'error');
    assert.match(short.findings[0].title, /too short/);
  });

  it('reports a revoked key (empty p=)', async () => {
    const r = await dkim({ 's1._domainkey.example.com TXT': ['v=DKIM1; k=rsa; p='] });
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].title, 'DKIM key for selector s1 is revoked');
    assert.equal(r.findings[0].severity, 'error');
    assert.equal(r.findings[0].causeId, 'auth-dkim-failed');
  });

  it('reports a missing key for the selector', async () => {
    const r = await dkim({ 'example.com TXT': ['v=spf1 -all'] }, 'google');
    assert.equal(r.findings[0].title, 'No DKIM key for selector google');
    assert.equal(r.findings[0].causeId, 'auth-dkim-failed');
  });

  it('knows Ed25519, rejects unknown types and bad base64, and notes test mode', async () => {
    const ed = await dkim({ 's1._domainkey.example.com TXT': [`v=DKIM1; k=ed25519; t=y; p=${randomBytes(32).toString('base64')}`] });
    assert.deepEqual(ed.findings.map((f) => f.severity), ['ok', 'info']);
    assert.equal(ed.keyType, 'ed25519');
    const dsa = await dkim({ 's1._domainkey.example.com TXT': ['k=dsa; p=AAAA'] });
    assert.match(dsa.findings[0].title, /unknown type k=dsa/);
    const bad = await dkim({ 's1._domainkey.example.com TXT': ['p=@@@@'] });
    assert.match(bad.findings[0].title, /not valid base64/);
  });
});
