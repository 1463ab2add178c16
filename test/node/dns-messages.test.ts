/**
 * The domain check's words: every finding key has an English and a Spanish message made from the same params,
 * and the English table still says exactly what check-domain printed before findings had keys.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../src/cli/main.js';
import { checkDomain } from '../../src/core/dns/check-domain.js';
import type { Finding } from '../../src/core/dns/findings.js';
import {
  findingMessages, lookupSubjects, queryMessages, type AnyParams, type FindingKey, type FindingParams, type LookupSubject, type QueryProblem,
} from '../../src/core/dns/messages.js';
import { dnsFindingsEs } from '../../src/i18n/dns-es.js';
import { es } from '../../src/i18n/es.js';
import scenarioData from '../dns/scenarios.json';
import findingsEn from '../dns/findings-en.json';
import type { Zone } from '../dns/doh-zone.mjs';
import { startDohServer } from './helpers/doh-server.js';

type Say = (params: AnyParams) => [string, string];
const english = (key: FindingKey, params: AnyParams) => (findingMessages[key] as Say)(params);
const spanish = (key: FindingKey, params: AnyParams) => (dnsFindingsEs[key] as Say)(params);

const record = 'v=spf1 include:_spf.mailer.example -all';
const query = { name: 'example.com', type: 'TXT' as const, status: 503, origin: 'https://dns.example', limit: 100 };
const lookup = (subject: LookupSubject, problem: QueryProblem) => ({ subject, target: 'mail.example.net', problem, ...query });

/** One set of params for every key the core can produce: the type makes it complete. */
const samples: { [K in FindingKey]: FindingParams<K> } = {
  'domain.nxdomain': { domain: 'example.com' },
  'mx.null': { domain: 'example.com' },
  'mx.missing': { domain: 'example.com' },
  'mx.found': { domain: 'example.com', hosts: ['mx1.example.com', 'mx2.example.com'], records: ['10 mx1.example.com', '20 mx2.example.com'] },
  'mx.no-address': { hosts: ['mx1.example.com', 'mx2.example.com'] },
  'spf.missing': { domain: 'example.com' },
  'spf.several': { records: [record, 'v=spf1 -all'] },
  'spf.found': { record },
  'spf.over-limit': { count: 31, truncated: true, limit: 10 },
  'spf.lookups': { count: 4, limit: 10 },
  'spf.void': { count: 3, limit: 2 },
  'spf.loop': { how: 'include', name: 'a.example', chain: ['example.com', 'a.example', 'a.example'] },
  'spf.target-missing': { how: 'redirect', name: 'gone.example' },
  'spf.target-several': { how: 'include', name: 'two.example', count: 2 },
  'spf.unreadable': { domain: 'example.com', terms: ['ip4:999.1.1.1', 'bogus'], record },
  'spf.ptr': { domain: 'example.com' },
  'spf.ip-pass': { domain: 'example.com', ip: '192.0.2.1', chain: 'include:_spf.mailer.example → ip4:192.0.2.0/24', skipped: ['ptr (discouraged, so not checked here)'] },
  'spf.ip-temperror': { domain: 'example.com', ip: '192.0.2.1', reason: 'The lookup of example.com (TXT) took too long and was stopped.', skipped: [] },
  'spf.ip-permerror': { domain: 'example.com', ip: '192.0.2.1', reason: 'more than 10 DNS lookups are needed', skipped: [] },
  'spf.ip-fail': { domain: 'example.com', ip: '192.0.2.1', result: 'fail', chain: '-all', skipped: [] },
  'spf.all-pass': {},
  'spf.all-neutral': {},
  'spf.all-softfail': {},
  'spf.all-fail': {},
  'spf.no-all': {},
  'dmarc.missing': { name: '_dmarc.example.com' },
  'dmarc.several': { count: 2, name: '_dmarc.example.com' },
  'dmarc.unreadable': { record: 'v=DMARC1; p=none; junk', parts: ['junk'] },
  'dmarc.no-policy': { record: 'v=DMARC1; rua=mailto:d@example.com' },
  'dmarc.bad-policy': { record: 'v=DMARC1; p=maybe', policy: 'maybe' },
  'dmarc.policy-none': { record: 'v=DMARC1; p=none' },
  'dmarc.policy-quarantine': { record: 'v=DMARC1; p=quarantine' },
  'dmarc.policy-reject': { record: 'v=DMARC1; p=reject' },
  'dmarc.subdomain-policy': { domain: 'example.com', policy: 'reject' },
  'dmarc.bad-subdomain-policy': { policy: 'maybe' },
  'dmarc.pct': { pct: '50' },
  'dmarc.bad-pct': { pct: '150' },
  'dmarc.reports': { rua: 'mailto:d@example.com' },
  'dmarc.no-reports': {},
  'dmarc.strict': { tags: ['adkim', 'aspf'] },
  'dkim.missing': { selector: 's1', name: 's1._domainkey.example.com' },
  'dkim.several': { count: 2, selector: 's1', name: 's1._domainkey.example.com' },
  'dkim.bad-version': { selector: 's1', version: 'DKIM2' },
  'dkim.revoked': { selector: 's1', name: 's1._domainkey.example.com' },
  'dkim.ed25519': { selector: 's1' },
  'dkim.bad-base64': { selector: 's1', name: 's1._domainkey.example.com' },
  'dkim.too-short': { selector: 's1', bits: 512 },
  'dkim.short': { selector: 's1', bits: 1024 },
  'dkim.rsa': { selector: 's1', bits: 2048, name: 's1._domainkey.example.com' },
  'dkim.unknown-type': { selector: 's1', type: 'dsa' },
  'dkim.testing': { selector: 's1' },
  'mta-sts.missing': { name: '_mta-sts.example.com' },
  'mta-sts.found': { record: 'v=STSv1; id=1', name: '_mta-sts.example.com' },
  'tls-rpt.missing': { name: '_smtp._tls.example.com' },
  'tls-rpt.found': { record: 'v=TLSRPTv1; rua=mailto:t@example.com', name: '_smtp._tls.example.com' },
  'ptr.missing': { ip: '192.0.2.1' },
  'ptr.confirmed': { ip: '192.0.2.1', name: 'mail.example.com' },
  'ptr.mismatch': { ip: '2001:db8::1', name: 'mail.example.com', type: 'AAAA' },
  'blocklist.clean': { ip: '192.0.2.1', zone: 'zen.spamhaus.org' },
  'blocklist.refused': { zone: 'zen.spamhaus.org', why: 'public-resolver', answers: ['127.255.255.254'], ip: '192.0.2.1' },
  'blocklist.unexpected': { zone: 'zen.spamhaus.org', ip: '192.0.2.1', answers: ['10.0.0.1'] },
  'blocklist.listed': { zone: 'zen.spamhaus.org', ip: '192.0.2.1', lists: ['sbl', 'pbl', '127.0.0.42'] },
  'resolver.timeout': { resolver: 'https://dns.example/dns-query', count: 9, reasons: ['timeout'] },
  'resolver.failed': { resolver: 'https://dns.example/dns-query', count: 9, reasons: ['malformed', 'http-error'] },
  'lookup.timeout': lookup('spf-of', 'deadline'),
  'lookup.unreachable': lookup('mx', 'unreachable'),
  'lookup.servfail': lookup('dkim', 'rcode'),
  'lookup.refused': lookup('ptr', 'refused'),
  'lookup.malformed': lookup('blocklist', 'bad-record'),
  'lookup.http-error': lookup('ptr-forward', 'http-error'),
  'lookup.too-many-lookups': lookup('tls-rpt', 'too-many'),
};

/** Params that choose a phrase rather than being shown: each language words them its own way. */
const CHOOSERS = new Set(['subject', 'problem', 'why']);

/** The params' shown values, arrays spread, as text; empty ones say nothing. */
function values(params: AnyParams): string[] {
  return Object.entries(params).filter(([name]) => !CHOOSERS.has(name)).map(([, v]) => v).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'boolean' ? [] : [String(v)])).filter(Boolean);
}

/** Both languages say something for these params, leave none unfilled, and show every value the English shows. */
function assertSameParams(key: FindingKey, params: AnyParams) {
  const en = english(key, params).join('\n');
  const sp = spanish(key, params).join('\n');
  for (const text of [en, sp]) assert.doesNotMatch(text, /undefined|NaN|\[object|^\n|\n$/, `${key}: ${text}`);
  for (const value of values(params).filter((v) => en.includes(v))) assert.ok(sp.includes(value), `${key}: "${value}" is missing in ${sp}`);
  assert.notEqual(sp, en, `${key} is not translated`);
}

describe('finding messages', () => {
  it('have the same keys in English and Spanish, no missing, no extra', () => {
    assert.deepEqual(Object.keys(dnsFindingsEs).sort(), Object.keys(findingMessages).sort());
    assert.deepEqual(Object.keys(samples).sort(), Object.keys(findingMessages).sort());
    assert.equal(es.dns.findings, dnsFindingsEs);
  });

  for (const key of Object.keys(samples) as FindingKey[]) {
    it(`${key}: both languages are made from the same params`, () => assertSameParams(key, samples[key] as AnyParams));
  }

  it('say every failed lookup, for every subject and every reason, in both languages', () => {
    for (const subject of Object.keys(lookupSubjects) as LookupSubject[]) {
      for (const problem of Object.keys(queryMessages) as QueryProblem[]) assertSameParams('lookup.timeout', lookup(subject, problem));
    }
  });
});

interface Scenario {
  zone: Zone;
}
const { domain, selector, ip } = scenarioData;
const scenarios = scenarioData.scenarios as unknown as Record<string, Scenario>;
const { $comment: _, ...golden } = findingsEn as unknown as Record<string, [string, string][]> & { $comment: string };

describe('the English messages on the shared scenarios', () => {
  for (const [name, expected] of Object.entries(golden)) {
    it(`${name}: the same titles and details as before, in the core and in check-domain --json`, async () => {
      const server = await startDohServer(scenarios[name].zone);
      try {
        const said = (pairs: [string, string][]) => pairs.map(([title, detail]) => [title, detail.replace(server.url, '{resolver}')]);
        const r = await checkDomain({ domain, selector, ip, resolver: server.url });
        assert.ok(r.ok);
        assert.deepEqual(said(r.value.findings.map((f) => [f.title, f.detail])), expected);
        for (const f of r.value.findings) {
          assert.deepEqual(english(f.key, f.params), [f.title, f.detail]);
          assertSameParams(f.key, f.params);
        }
        let stdout = '';
        await run(['check-domain', domain, '--selector', selector, '--ip', ip, '--resolver', server.url, '--json'], {
          stdout: (t) => (stdout += t),
          stderr: () => {},
        });
        const printed = (JSON.parse(stdout) as { findings: Finding[] }).findings;
        assert.deepEqual(said(printed.map((f) => [f.title, f.detail])), expected);
      } finally {
        await server.close();
      }
    });
  }
});
