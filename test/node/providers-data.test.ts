import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import providersJson from '../../data/providers.json';
import providersSchema from '../../data/providers.schema.json';
import causesJson from '../../data/causes.json';
import type { ProviderCode, ProvidersData } from '../../src/core/types.js';

const data = providersJson as ProvidersData;
const { providers, codes } = data;

function schemaErrors(schema: object, value: unknown): string | null {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  return validate(value) ? null : JSON.stringify(validate.errors, null, 2);
}

/**
 * True when no quantified group contains a quantifier itself (`(a+)+`, `(?:a|b*){2,}`): the shape behind
 * catastrophic backtracking. Escapes and character classes are skipped, since their contents quantify nothing.
 */
function isLinearSafe(source: string): boolean {
  const groups: boolean[] = []; // per open group: does it contain a quantifier?
  let lastGroupQuantified = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') { i++; lastGroupQuantified = false; continue; }
    if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      lastGroupQuantified = false;
      continue;
    }
    if (ch === '(') { groups.push(false); lastGroupQuantified = false; continue; }
    if (ch === ')') { lastGroupQuantified = groups.pop() ?? false; continue; }
    const isQuantifier = ch === '*' || ch === '+' || ch === '{' || (ch === '?' && source[i - 1] !== '(');
    if (isQuantifier) {
      if (lastGroupQuantified && ch !== '?') return false;
      if (ch !== '?' && groups.length > 0) groups[groups.length - 1] = true;
      // A quantified group's own quantifier makes its parent quantified too.
      if (lastGroupQuantified && groups.length > 0) groups[groups.length - 1] = true;
      if (ch === '{') while (i < source.length && source[i] !== '}') i++;
    }
    lastGroupQuantified = false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function statusInRange(status: string, [low, high]: [string, string]): boolean {
  const key = (s: string) => s.split('.').map(Number);
  const [c, s, d] = key(status);
  const [lc, ls, ld] = key(low);
  const [, , hd] = key(high);
  return c === lc && s === ls && d >= ld && d <= hd;
}

/**
 * The recognition rules the schema documents, applied to one pasted line for a known provider: a token match
 * beats wording; wording must agree with the line's codes; rows with neither are matched by their codes.
 */
function recognise(providerId: string, line: string): string[] {
  const reply = /^\s*([245]\d\d)[\s-]/.exec(line)?.[1];
  const status = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.])/.exec(line)?.[1];
  const rows = codes.filter((c) => c.provider === providerId);
  const agrees = (c: ProviderCode) =>
    (!c.replyCode || !reply || c.replyCode === reply) &&
    (!c.status || !status || c.status === status) &&
    (!c.statusRange || !status || statusInRange(status, c.statusRange));
  const byToken = rows.filter(
    (c) => c.token && new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(c.token)}(?![A-Za-z0-9])`, 'i').test(line),
  );
  if (byToken.length > 0) return byToken.map((c) => c.id);
  const byText = rows.filter((c) => !c.token && c.text && new RegExp(c.text, 'i').test(line) && agrees(c));
  if (byText.length > 0) return byText.map((c) => c.id);
  return rows
    .filter((c) => !c.token && !c.text && (c.status || c.statusRange) && status && agrees(c))
    .map((c) => c.id);
}

function providerForHost(host: string): string | undefined {
  return providers.find((p) => p.hosts.some((h) => new RegExp(h, 'i').test(host)))?.id;
}

describe('data/providers.json', () => {
  it('matches its schema', () => {
    assert.equal(schemaErrors(providersSchema, providersJson), null);
  });

  it('has a schema that rejects rows it should', () => {
    const good = codes[0];
    const broken: Record<string, unknown>[] = [
      { ...good, extra: true },
      { id: good.id, provider: good.provider, title: good.title, summary: good.summary, causes: good.causes, refs: good.refs },
      { ...good, status: '5.7.606', statusRange: ['5.7.606', '5.7.649'] },
      { ...good, title: 'x'.repeat(61) },
      { ...good, causes: [] },
      { ...good, replyCode: '55' },
      { ...good, refs: [{ label: 'plain http', href: 'http://example.com/' }] },
    ];
    for (const row of broken) {
      assert.notEqual(schemaErrors(providersSchema, { providers, codes: [row] }), null, JSON.stringify(row).slice(0, 160));
    }
  });

  it('has unique provider and row ids, and row ids that start with their provider id', () => {
    const ids = [...providers.map((p) => p.id), ...codes.map((c) => c.id)];
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    assert.deepEqual(codes.filter((c) => !c.id.startsWith(`${c.provider}-`)).map((c) => c.id), []);
  });

  it('refers only to providers and causes that exist', () => {
    const providerIds = new Set(providers.map((p) => p.id));
    const causeIds = new Set(causesJson.causes.map((c) => c.id));
    assert.deepEqual(codes.filter((c) => !providerIds.has(c.provider)).map((c) => c.id), []);
    const missing = codes.flatMap((c) => c.causes.filter((id) => !causeIds.has(id)).map((id) => `${c.id} → ${id}`));
    assert.deepEqual(missing, []);
  });

  it('links only to https pages', () => {
    const links = [...providers.map((p) => p.postmaster), ...codes.flatMap((c) => c.refs.map((r) => r.href))];
    assert.deepEqual(links.filter((href) => !href.startsWith('https://')), []);
  });

  it('rejects nested quantifiers with its linear-safety check', () => {
    for (const bad of ['(a+)+', '(?:a|b*){2,}', '((ab)*c)+', '(\\d+)*']) assert.equal(isLinearSafe(bad), false, bad);
    for (const ok of ['(?:ab|cd)+', 'a+b*', '[(+)]+', 'AUP#[IO]?(?:10[2-7]\\d|1080)\\b', '\\(a+\\)+']) {
      assert.equal(isLinearSafe(ok), true, ok);
    }
  });

  it('has host and text patterns that compile, are linear-safe and never match empty text', () => {
    const patterns = [...providers.flatMap((p) => p.hosts), ...codes.flatMap((c) => (c.text ? [c.text] : []))];
    for (const source of patterns) {
      const re = new RegExp(source, 'i');
      assert.ok(isLinearSafe(source), `nested quantifier in ${source}`);
      assert.equal(re.test(''), false, `${source} matches empty text`);
    }
  });

  it('never has two rows a reader could not tell apart', () => {
    const keys = codes.map((c) =>
      JSON.stringify([c.provider, c.replyCode, c.status, c.statusRange, c.token?.toLowerCase(), c.text]),
    );
    assert.deepEqual(codes.filter((_, i) => keys.indexOf(keys[i]) !== i).map((c) => c.id), []);
  });

  it('keeps ranges ordered within one class and subject', () => {
    for (const c of codes.filter((row) => row.statusRange)) {
      const [low, high] = c.statusRange as [string, string];
      assert.ok(statusInRange(high, [low, high]), `${c.id}: ${low}..${high}`);
    }
  });

  it('writes short, distinct, finished summaries', () => {
    const summaries = codes.map((c) => c.summary);
    assert.deepEqual(summaries.filter((s, i) => summaries.indexOf(s) !== i), []);
    for (const c of codes) {
      const sentences = c.summary.trim().split(/(?<=[.!?])\s+(?=[A-Z0-9'"(])/).length;
      assert.ok(sentences >= 1 && sentences <= 3, `${c.id} has ${sentences} sentences`);
      assert.doesNotMatch(`${c.title} ${c.summary}`, /\b(?:TODO|TBD|lorem|FIXME)\b|\.\.\.|…/i, c.id);
    }
  });

  it('has at least the rows written for each provider', () => {
    const floors: Record<string, number> = {
      google: 100, microsoft: 75, outlook: 13, yahoo: 30, apple: 15, comcast: 11,
      cox: 19, spectrum: 18, godaddy: 23, 'orange-laposte': 22, mimecast: 22,
    };
    assert.deepEqual(providers.map((p) => p.id).sort(), Object.keys(floors).sort());
    for (const [id, floor] of Object.entries(floors)) {
      const count = codes.filter((c) => c.provider === id).length;
      assert.ok(count >= floor, `${id}: ${count} rows, expected at least ${floor}`);
    }
  });

  it("covers every distinct reply and status pair on Google's SMTP error page", () => {
    const pairs = `421 4.3.0, 421 4.4.5, 421 4.7.0, 421 4.7.26, 421 4.7.27, 421 4.7.28, 421 4.7.29, 421 4.7.30,
      421 4.7.32, 421 4.7.40, 421 5.7.32, 450 4.2.1, 451 4.3.0, 451 4.4.2, 451 4.5.0, 451 4.7.23, 451 4.7.24,
      451 4.7.26, 452 4.2.2, 452 4.5.3, 454 4.7.0, 501 5.5.2, 501 5.5.4, 501 5.7.11, 502 5.5.1, 503 5.5.1,
      503 5.7.0, 504 5.7.40, 523 5.7.10, 530 5.7.0, 534 5.7.14, 534 5.7.90, 535 5.7.80, 550 5.1.1, 550 5.2.1,
      550 5.4.5, 550 5.5.3, 550 5.7.0, 550 5.7.1, 550 5.7.24, 550 5.7.25, 550 5.7.26, 550 5.7.27, 550 5.7.28,
      550 5.7.29, 550 5.7.30, 550 5.7.40, 552 5.2.2, 552 5.3.4, 552 5.7.0, 553 5.1.2, 553 5.1.3, 553 5.1.7,
      554 5.4.6, 554 5.6.0, 554 5.7.0, 555 5.5.2`.split(',').map((p) => p.trim());
    assert.equal(pairs.length, 57);
    const have = new Set(codes.filter((c) => c.provider === 'google').map((c) => `${c.replyCode} ${c.status}`));
    assert.deepEqual(pairs.filter((p) => !have.has(p)), []);
  });

  it('explains where Google departs from the IANA registry', () => {
    for (const status of ['4.7.27', '5.7.27', '4.7.29', '5.7.29', '4.7.30', '5.7.30']) {
      const row = codes.find((c) => c.provider === 'google' && c.status === status);
      assert.match(row?.summary ?? '', /IANA/, status);
    }
    for (const status of ['4.7.40', '5.7.40', '4.7.32']) {
      assert.ok(codes.some((c) => c.provider === 'google' && c.status === status), status);
    }
  });

  it('covers the named Microsoft, Outlook.com, Yahoo, Apple and Comcast codes', () => {
    const has = (provider: string, pick: (c: ProviderCode) => boolean) => codes.some((c) => c.provider === provider && pick(c));
    const range = (low: string, high: string) => (c: ProviderCode) => c.statusRange?.[0] === low && c.statusRange[1] === high;
    assert.ok(has('microsoft', range('5.7.606', '5.7.649')));
    assert.ok(has('microsoft', range('4.7.500', '4.7.699')));
    for (const status of ['5.7.509', '5.1.10', '5.4.1', '5.7.708', '5.7.1', '5.2.2']) {
      assert.ok(has('microsoft', (c) => c.status === status), status);
    }
    const tokens: Record<string, string[]> = {
      microsoft: ['RESOLVER.ADR.RecipientNotFound', 'RESOLVER.ADR.RecipNotFound', 'RESOLVER.RST.NotAuthorized'],
      outlook: ['RP-001', 'RP-002', 'RP-003', 'SC-001', 'SC-002', 'SC-003', 'SC-004', 'DY-001', 'DY-002', 'OU-001', 'OU-002'],
      yahoo: ['TSS04', 'TSS09', 'PH01', 'BL21'],
      apple: ['CS01', 'CS02', 'HM07', 'HM08', 'HME1'],
      comcast: ['ES000001', 'ES000010', 'BL000000', 'BL000001', 'DM000001'],
    };
    for (const [provider, list] of Object.entries(tokens)) {
      for (const token of list) assert.ok(has(provider, (c) => c.token === token), `${provider} ${token}`);
    }
    assert.ok(has('outlook', (c) => c.status === '5.7.515'));
  });

  it('recognises real bounce lines as exactly one row', () => {
    const samples: [string, string, string][] = [
      ['google', "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.", 'google-550-5-7-26-dmarc'],
      ['google', '550 5.7.26 This email has been blocked because the sender is unauthenticated.', 'google-550-5-7-26-unauthenticated'],
      ['google', '421-4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your DKIM domain example.com', 'google-421-4-7-28-dkim-domain'],
      ['google', '421 4.7.28 Gmail has detected an unusual rate of email. To protect our users', 'google-421-4-7-28-unusual-rate'],
      ['google', '550 5.1.1 The email account that you tried to reach does not exist.', 'google-550-5-1-1-no-account'],
      ['google', '550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers.', 'google-550-5-7-1-duplicate-headers'],
      ['google', "451 4.7.23 The sending IP address for this message doesn't have a PTR record", 'google-451-4-7-23-no-ptr'],
      ['google', '534-5.7.9 Application-specific password required.', 'google-534-5-7-9-app-password'],
      ['google', "550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC record", 'google-550-5-7-40-no-dmarc'],
      ['google', '555 5.5.2 Syntax error, goodbye.', 'google-555-5-5-2-syntax'],
      ['microsoft', '550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'microsoft-resolver-recipient-not-found'],
      ['microsoft', '550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification', 'microsoft-5-7-509-dmarc-reject'],
      ['microsoft', '550 5.7.611 Access denied, banned sending IP [192.0.2.1]', 'microsoft-5-7-606-649-banned-ip'],
      ['microsoft', '451 4.7.550 Access denied, please try again later', 'microsoft-4-7-500-699-suspicious'],
      ['microsoft', '550 5.7.708 Access denied, traffic not accepted from this IP.', 'microsoft-5-7-708-ip-not-accepted'],
      ['outlook', "421 RP-001 (BAY004-MC1F2) Unfortunately, some messages from 192.0.2.1 weren't sent.", 'outlook-rp-001'],
      ['outlook', "550 SC-004 (COL004-MC5F26) Unfortunately, messages from 192.0.2.1 weren't sent.", 'outlook-sc-004'],
      ['outlook', "550 5.7.515 Access denied, sending domain example.com doesn't meet the required authentication level.", 'outlook-5-7-515-high-volume-auth'],
      ['yahoo', '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1', 'yahoo-tss04'],
      ['yahoo', "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list", 'yahoo-bl21'],
      ['yahoo', '554 Message not allowed - [PH01] Email not accepted for policy reasons.', 'yahoo-ph01'],
      ['yahoo', "554 delivery error: dd This user doesn't have a yahoo.com account (x@yahoo.com) [0]", 'yahoo-no-account'],
      ['apple', '550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137', 'apple-cs01'],
      ['apple', '554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM authentication checks.', 'apple-hme1'],
      ['comcast', '554 resimta-ch2-18v.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001', 'comcast-bl000001'],
      ['comcast', '550 5.2.0 Message rejected due to DMARC. https://postmaster.comcast.net/smtp-error-codes.php#DM000001', 'comcast-dm000001'],
      ['cox', '554 cxr.mx.a.cloudfilter.net cmsmtp IP 192.0.2.1 rejected. AUP#CXBL', 'cox-cxbl'],
      ['cox', '554 cxr.mx.a.cloudfilter.net cmsmtp 192.0.2.1 blocked. AUP#IPBL1010', 'cox-ipbl'],
      ['spectrum', '550 5.1.0 Message rejected. AUP#I1260', 'spectrum-1260'],
      ['spectrum', '554 5.7.1 Your IP address has been blocked. AUP#I-1230', 'spectrum-1220-1250'],
      ['godaddy', '554 p3plibsmtp01-06.prod.phx3.secureserver.net bizsmtp IB105. Connection refused.', 'godaddy-ib105'],
      ['orange-laposte', '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 Ref http://csi.cloudmark.com', 'orange-laposte-102'],
      ['orange-laposte', '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. OFR005_104 [104]', 'orange-laposte-104'],
      ['mimecast', '550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550', 'mimecast-invalid-recipient'],
      ['mimecast', '451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451', 'mimecast-open-relay'],
    ];
    for (const [provider, line, expected] of samples) {
      assert.deepEqual(recognise(provider, line), [expected], line);
    }
  });

  it('finds the provider from recipient domains and MTA host names, first match winning', () => {
    const hosts: [string, string | undefined][] = [
      ['gmail-smtp-in.l.google.com', 'google'], ['GMAIL.COM', 'google'],
      ['hotmail-com.olc.protection.outlook.com', 'outlook'], ['outlook.com', 'outlook'],
      ['contoso-com.mail.protection.outlook.com', 'microsoft'], ['BN8PR12MB1234.namprd12.prod.outlook.com', 'microsoft'],
      ['mta7.am0.yahoodns.net', 'yahoo'], ['aol.com', 'yahoo'], ['yahoo.co.uk', 'yahoo'],
      ['mx01.mail.icloud.com', 'apple'], ['me.com', 'apple'], ['mx1a1.comcast.net', 'comcast'], ['cox.net', 'cox'],
      ['charter.net', 'spectrum'], ['mx1.secureserver.net', 'godaddy'], ['smtp-in.orange.fr', 'orange-laposte'],
      ['eu-smtp-inbound-1.mimecast.com', 'mimecast'],
      ['mx.example.com', undefined], ['notgmail.com', undefined], ['outlook.com.example.net', undefined],
    ];
    for (const [host, expected] of hosts) assert.equal(providerForHost(host), expected, host);
  });
});
