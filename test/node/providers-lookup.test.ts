import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { builtinCatalogWithProviders, builtinProviders } from '../../src/core/builtin-providers.js';
import { lookupCode, withProviders, type LookupContext, type LookupResult } from '../../src/core/catalog.js';
import { detectProvider, matchProviderCode } from '../../src/core/providers.js';
import type { ProvidersData } from '../../src/core/types.js';
import { run } from '../../src/cli/main.js';

const catalog = builtinCatalogWithProviders;

function lookup(query: string, context?: LookupContext): LookupResult {
  const found = lookupCode(catalog, query, context);
  assert.ok(found.ok, `expected an answer for ${query}, got ${JSON.stringify(found)}`);
  return found.value;
}

const ids = (r: LookupResult) => r.causes.map((c) => c.id);
const detect = (input: { hosts?: string[]; text?: string }) => detectProvider(builtinProviders, input)?.id;

describe('detectProvider', () => {
  it('recognises host names and recipient domains, the first provider in file order winning', () => {
    assert.equal(detect({ hosts: ['gmail-smtp-in.l.google.com'] }), 'google');
    assert.equal(detect({ hosts: ['GMAIL.COM.'] }), 'google');
    assert.equal(detect({ hosts: ['hotmail-com.olc.protection.outlook.com'] }), 'outlook');
    assert.equal(detect({ hosts: ['contoso-com.mail.protection.outlook.com'] }), 'microsoft');
    assert.equal(detect({ hosts: ['mx.example.com', 'mx01.mail.icloud.com'] }), 'apple');
    assert.equal(detect({ hosts: ['mx.example.com', 'notgmail.com', '', '   '] }), undefined);
  });

  it('recognises a token or the wording in the text', () => {
    assert.equal(detect({ text: '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred' }), 'yahoo');
    assert.equal(detect({ text: 'see postmaster.comcast.net/smtp-error-codes.php#bl000001' }), 'comcast');
    assert.equal(detect({ text: '550-5.1.1 The email account that you tried to reach does not exist.' }), 'google');
    assert.equal(detect({ text: '550 5.1.1 <someone@example.com>: Recipient address rejected' }), undefined);
    assert.equal(detect({}), undefined);
  });

  it('takes the hosts over the text', () => {
    assert.equal(detect({ hosts: ['gmail.com'], text: '[TSS04] deferred' }), 'google');
  });
});

describe('matchProviderCode', () => {
  it('does not count wording when the line gives codes that disagree with the row', () => {
    const wording = "Unauthenticated email from example.com is not accepted due to domain's DMARC policy.";
    assert.equal(matchProviderCode(builtinProviders, `550-5.7.26 ${wording}`)?.id, 'google-550-5-7-26-dmarc');
    assert.notEqual(matchProviderCode(builtinProviders, `452 4.2.2 ${wording}`)?.id, 'google-550-5-7-26-dmarc');
  });

  it('lets a token win over wording', () => {
    const line = '550 5.7.1 [CS01] The email account that you tried to reach does not exist.';
    assert.equal(matchProviderCode(builtinProviders, line)?.id, 'apple-cs01');
  });

  it('matches a bare code only once the provider is known', () => {
    assert.equal(matchProviderCode(builtinProviders, '550 5.7.611'), undefined);
    assert.equal(matchProviderCode(builtinProviders, '550 5.7.611', { provider: 'microsoft' })?.id, 'microsoft-5-7-606-649-banned-ip');
    assert.equal(matchProviderCode(builtinProviders, '550 5.7.611', { provider: 'no-such-provider' }), undefined);
  });

  it('scans only the first 100 KB', () => {
    const padding = 'x '.repeat(60 * 1024);
    assert.equal(matchProviderCode(builtinProviders, `${padding}[TSS04]`), undefined);
    assert.equal(matchProviderCode(builtinProviders, `[TSS04] ${padding}`)?.id, 'yahoo-tss04');
  });

  it('caches its compiled form per data object, so new data is seen', () => {
    const small: ProvidersData = {
      providers: [{ id: 'acme', name: 'Acme Mail', hosts: ['\\.acme\\.test$'], postmaster: 'https://acme.test/' }],
      codes: [{ id: 'acme-zz9', provider: 'acme', token: 'ZZ9', title: 'Acme block', summary: 'Acme says no.', causes: ['policy-rejected'], refs: [] }],
    };
    assert.equal(matchProviderCode(small, 'zz9')?.id, 'acme-zz9');
    assert.equal(matchProviderCode(builtinProviders, 'zz9'), undefined);
    assert.equal(detectProvider(small, { hosts: ['mx.acme.test'] })?.name, 'Acme Mail');
  });
});

describe('lookupCode with providers', () => {
  it('looks up tokens alone, in any case, taking the codes from the provider row', () => {
    const cases: [string, string, string][] = [
      ['TSS04', 'yahoo', 'yahoo-tss04'],
      ['tss04', 'yahoo', 'yahoo-tss04'],
      ['RP-001', 'outlook', 'outlook-rp-001'],
      ['rp-001', 'outlook', 'outlook-rp-001'],
      ['CS01', 'apple', 'apple-cs01'],
      ['RESOLVER.ADR.RecipientNotFound', 'microsoft', 'microsoft-resolver-recipient-not-found'],
      ['resolver.adr.recipientnotfound', 'microsoft', 'microsoft-resolver-recipient-not-found'],
    ];
    for (const [query, provider, row] of cases) {
      const r = lookup(query);
      assert.equal(r.match, 'provider', query);
      assert.equal(r.provider?.id, provider, query);
      assert.equal(r.providerCode?.id, row, query);
      assert.ok(r.provider?.postmaster.startsWith('https://'), query);
    }
    const tss04 = lookup('TSS04');
    assert.equal(tss04.replyCode, '421');
    assert.equal(tss04.permanent, false);
    assert.equal(tss04.query, '421-4.7.0 TSS04');
    assert.equal(lookup('RESOLVER.ADR.RecipientNotFound').causes[0].id, 'recipient-unknown');
  });

  it('gives the same answer when its query is looked up again', () => {
    for (const query of ['tss04', '550 5.7.1 [CS01] Message rejected due to local policy']) {
      const first = lookup(query);
      assert.deepEqual(lookup(first.query), first, query);
    }
  });

  it('still says no-code for tokens without providers, and for words that are no token', () => {
    const bare = lookupCode(builtinCatalog, 'TSS04');
    assert.equal(bare.ok ? 'ok' : bare.error.reason, 'no-code');
    const words = lookupCode(catalog, 'hello there');
    assert.equal(words.ok ? 'ok' : words.error.reason, 'no-code');
    const empty = lookupCode(catalog, '   ');
    assert.equal(empty.ok ? 'ok' : empty.error.reason, 'empty');
  });

  it('puts the provider meaning before the exact code, its causes first and then the code’s own', () => {
    const r = lookup('550 5.7.1 [CS01] Message rejected due to local policy');
    const standard = lookup('550 5.7.1');
    assert.equal(standard.match, 'exact');
    assert.equal(r.match, 'provider');
    assert.equal(r.title, r.providerCode?.title);
    assert.notEqual(r.title, standard.title);
    assert.equal(r.permanent, true);
    const rowCauses = builtinProviders.codes.find((c) => c.id === 'apple-cs01')!.causes;
    assert.deepEqual(ids(r).slice(0, rowCauses.length), rowCauses);
    assert.deepEqual(ids(r), [...new Set([...rowCauses, ...ids(standard)])]);
    assert.deepEqual(r.statusEntry, standard.statusEntry, 'the standard meaning is still there to show');
  });

  it("gives Google's x.7.27 when the provider is known, and IANA's otherwise", () => {
    const iana = lookup('550 5.7.27');
    assert.equal(iana.match, 'exact');
    assert.equal(iana.causes[0].id, 'sender-address-rejected');
    for (const context of [{ hosts: ['gmail-smtp-in.l.google.com'] }, { provider: 'google' }]) {
      const google = lookup('550 5.7.27', context);
      assert.equal(google.providerCode?.id, 'google-550-5-7-27-spf');
      assert.equal(google.causes[0].id, 'auth-spf-failed');
      assert.notEqual(google.title, iana.title);
    }
    assert.equal(lookup('550 5 7 27', { provider: 'google' }).providerCode?.id, 'google-550-5-7-27-spf');
  });

  it("reads Microsoft's 5.7.606 to 5.7.649 as one range, from the host name", () => {
    const hosts = ['contoso-com.mail.protection.outlook.com'];
    for (const code of ['5.7.606', '550 5.7.630', '5.7.649']) {
      assert.equal(lookup(code, { hosts }).providerCode?.id, 'microsoft-5-7-606-649-banned-ip', code);
    }
    for (const code of ['5.7.605', '5.7.650']) {
      assert.notEqual(lookup(code, { hosts }).providerCode?.id, 'microsoft-5-7-606-649-banned-ip', code);
    }
    assert.equal(lookup('5.7.611').match, 'subject', 'no provider known: the subject is all there is');
  });

  it('recognises whole error lines by their wording, without any host', () => {
    const lines: [string, string][] = [
      ["550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.", 'google-550-5-7-26-dmarc'],
      ['550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'microsoft-resolver-recipient-not-found'],
      ["421 RP-001 (BAY004-MC1F2) Unfortunately, some messages from 192.0.2.1 weren't sent.", 'outlook-rp-001'],
      ['550 5 7 1 [CS01] Message rejected due to local policy', 'apple-cs01'],
    ];
    for (const [line, row] of lines) assert.equal(lookup(line).providerCode?.id, row, line);
  });

  it('leaves results unchanged when no provider is recognised', () => {
    for (const query of ['550', '5.1.1', '550 5.7.26', '550-5.7.1', '#5.1.1', '550 5 7 1', '4xx', '5.7.x', '421 4.7.0 try again later']) {
      assert.deepEqual(lookupCode(catalog, query), lookupCode(builtinCatalog, query), query);
    }
    assert.deepEqual(lookupCode(catalog, '550 5.7.27', { provider: 'nobody' }), lookupCode(builtinCatalog, '550 5.7.27'));
  });

  it('works with a host catalog and its own providers', () => {
    const own: ProvidersData = {
      providers: [{ id: 'acme', name: 'Acme Mail', hosts: ['\\.acme\\.test$'], postmaster: 'https://acme.test/' }],
      codes: [{ id: 'acme-550', provider: 'acme', replyCode: '550', status: '5.7.1', title: 'Acme refused it', summary: 'Acme said no.', causes: ['content-spam', 'not-a-cause'], refs: [] }],
    };
    const r = lookupCode(withProviders(builtinCatalog, own), '550 5.7.1', { hosts: ['mx.acme.test'] });
    assert.ok(r.ok);
    assert.equal(r.value.provider?.name, 'Acme Mail');
    assert.equal(r.value.causes[0].id, 'content-spam', 'unknown cause ids are skipped');
  });
});

describe('bounce-wizard explain with providers', () => {
  async function explain(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await run(['explain', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('explains a token alone and a whole line, with provider and references in the JSON', async () => {
    for (const query of ['TSS04', '550 5.7.1 [TSS04] Messages from 1.2.3.4 temporarily deferred']) {
      const r = await explain(query, '--json');
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.match, 'provider');
      assert.equal(out.provider.id, 'yahoo');
      assert.equal(out.providerCode.id, 'yahoo-tss04');
      assert.ok(out.references.length > 0 && out.references.every((ref: { href: string }) => ref.href.startsWith('https://')));
      for (const key of ['query', 'code', 'replyCode', 'status', 'title', 'summary', 'permanent', 'ask', 'meanings', 'causes']) {
        assert.ok(key in out, key);
      }
    }
  });

  it('takes --provider and --host, and refuses an unknown provider', async () => {
    const byProvider = JSON.parse((await explain('550 5.7.27', '--provider', 'google', '--json')).stdout);
    assert.equal(byProvider.providerCode.id, 'google-550-5-7-27-spf');
    const byHost = JSON.parse((await explain('550 5.7.27', '--host', 'gmail.com', '--json')).stdout);
    assert.equal(byHost.providerCode.id, 'google-550-5-7-27-spf');
    const plain = JSON.parse((await explain('550 5.7.27', '--json')).stdout);
    assert.equal(plain.provider, null);
    const bad = await explain('550', '--provider', 'nobody');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown provider "nobody"/);
    const text = await explain('tss04');
    assert.match(text.stdout, /^Provider: Yahoo/);
  });
});

describe('bundle split', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

  /** Every module `file` reaches through relative imports, with the text of each. */
  function reachable(file: string, seen = new Map<string, string>()): Map<string, string> {
    if (seen.has(file)) return seen;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const [, spec] of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      if (/\.json$/.test(spec)) seen.set(resolve(dirname(file), spec), '');
      else reachable(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
    }
    return seen;
  }

  it('keeps data/providers.json out of builtin-catalog.ts and everything it imports', () => {
    const modules = [...reachable(resolve(root, 'src/core/builtin-catalog.ts')).keys()];
    assert.ok(modules.some((m) => m.endsWith('data/codes.json')), 'the walker follows the data imports');
    assert.ok(modules.some((m) => m.endsWith('src/core/catalog.ts')), 'the walker follows module imports');
    assert.deepEqual(modules.filter((m) => /providers\.json$/.test(m)), []);
    assert.ok([...reachable(resolve(root, 'src/core/builtin-providers.ts')).keys()].some((m) => m.endsWith('data/providers.json')));
  });
});
