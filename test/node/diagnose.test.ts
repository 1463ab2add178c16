import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import categoriesJson from '../../data/categories.json';
import patternsJson from '../../data/patterns.json';
import patternsSchema from '../../data/patterns.schema.json';
import { builtinCatalog as standardCatalog } from '../../src/core/builtin-catalog.js';
import { builtinCatalogWithProviders as builtinCatalog } from '../../src/core/builtin-providers.js';
import { compilePatterns, type PatternsData } from '../../src/core/diagnose/classify.js';
import { diagnose, diagnoseText, type Diagnosis } from '../../src/core/diagnose/diagnose.js';
import { looksLikeMime } from '../../src/core/diagnose/mime.js';
import { assertReads, bounceFixture, type ExpectedReading } from './helpers/bounce-fixtures.js';

const run = (name: string) => diagnose(bounceFixture(name), builtinCatalog);
const categoryIds = new Set(Object.keys((categoriesJson as { categories: Record<string, unknown> }).categories));
const patterns = patternsJson as unknown as PatternsData;

function assertCauseFits(d: Diagnosis) {
  assert.ok(d.causeId, 'a cause is chosen');
  assert.equal(builtinCatalog.causeById.get(d.causeId)?.category, d.category, 'the cause belongs to the category');
}

describe('diagnose: mail system layouts', () => {
  const cases: [string, ExpectedReading][] = [
    ['rfc3464-dsn.eml', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['bob@example.com'] }],
    ['postfix.eml', { category: 'mailboxfull', status: '5.2.2', replyCode: '552', recipients: ['dave@example.net'] }],
    ['exim.txt', { category: 'blocked', status: '5.7.1', replyCode: '554', recipients: ['frank@example.com'] }],
    ['qmail.txt', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['heidi@example.com'] }],
    ['sendmail.txt', { category: 'norelaying', status: '5.7.1', replyCode: '550', recipients: ['judy@example.net'] }],
    ['exchange-ndr.txt', { category: 'hostunknown', status: '5.4.310', replyCode: '550', recipients: ['mallory@example.com'] }],
    ['gmail.txt', { category: 'authfailure', status: '5.7.26', replyCode: '550', recipients: ['peggy@example.net'] }],
    ['error-line.txt', { category: 'blocked', status: '5.7.1', replyCode: '550', recipients: [] }],
  ];
  for (const [name, want] of cases) {
    it(`reads ${name}`, async () => {
      const d = await run(name);
      assertReads(d, want);
      assertCauseFits(d);
    });
  }

  it('lists every recipient with its own status and category', async () => {
    const d = await run('multi-recipient.eml');
    assert.deepEqual(
      d.recipients.map((r) => [r.address, r.status, r.replyCode, r.category]),
      [
        ['yvonne@example.com', '5.1.1', '550', 'userunknown'],
        ['zoe@example.net', '5.2.2', '552', 'mailboxfull'],
      ],
    );
    assert.equal(d.category, 'userunknown', 'the first failed recipient leads');
    assert.equal(d.decoded, true, 'the base64 report part was decoded');
  });

  it('ignores the returned original message', async () => {
    // The returned body in postfix.eml talks about spam, viruses and blocklists.
    const d = await run('postfix.eml');
    assert.equal(d.category, 'mailboxfull');
    assert.ok(d.evidence.every((e) => !/blocklist|virus/i.test(e)));
  });

  it('names the provider, the IPs and the blocklist', async () => {
    const gmail = await run('gmail.txt');
    assert.equal(gmail.provider?.id, 'google');
    const exim = await run('exim.txt');
    assert.ok(exim.ips.includes('203.0.113.5'));
    assert.deepEqual(exim.blocklists, ['zen.spamhaus.org'], 'the zone as written, not only whose it is');
    assert.equal(exim.remoteMta, 'mx.example.com', 'the host that answered, from a report with no Remote-MTA field');
  });

  it('names a blocklist by its bare name when the text gives no zone', () => {
    const d = diagnoseText('554 5.7.1 Your IP is listed by Spamcop, see their lookup page', builtinCatalog);
    assert.deepEqual(d.blocklists, ['spamcop']);
    assert.equal(d.remoteMta, null);
  });

  it('gives a server reply once, whole, when a shorter piece of it was also read', () => {
    const text = [
      'This is the mail system at host relay.example.org.',
      '',
      '<kim@example.net>: host mx.example.net[203.0.113.9] said: 550 5.7.1',
      '    Rejected: client [198.51.100.4] is listed on bl.example.org (in reply to RCPT TO command)',
    ].join('\n');
    const d = diagnoseText(text, builtinCatalog);
    const whole = d.evidence.filter((e) => e.includes('is listed on bl.example.org'));
    assert.equal(whole.length, 1, JSON.stringify(d.evidence));
    assert.ok(whole[0].includes('host mx.example.net[203.0.113.9] said: 550 5.7.1'), 'the longest form is the one kept');
  });

  it('names a provider only from the providers the catalog it is given knows', async () => {
    const plain = await diagnose(bounceFixture('gmail.txt'), standardCatalog);
    assert.equal(plain.provider, null);
    assert.equal(plain.category, (await run('gmail.txt')).category, 'the diagnosis itself does not depend on it');
  });

  it('reads the report the same with CRLF line ends', async () => {
    const lf = await run('postfix.eml');
    const crlf = await diagnose(bounceFixture('postfix.eml').replace(/\n/g, '\r\n'), builtinCatalog);
    assert.deepEqual([crlf.category, crlf.status, crlf.replyCode, crlf.recipients.length], [lf.category, lf.status, lf.replyCode, 1]);
  });

  it('decodes quoted-printable bodies and encoded-word subjects', async () => {
    const raw = [
      'From: MAILER-DAEMON@mx.example.org',
      'To: amy@example.org',
      'Subject: =?UTF-8?Q?Unzustellbar=3A_Nachricht?=',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<ben@example.com>: host mx.example.com[192.0.2.3] said: 550 5.1.1 The email acc=',
      'ount that you tried to reach does not exist (in reply to RCPT TO command)',
      '',
    ].join('\n');
    const d = await diagnose(raw, builtinCatalog);
    assert.equal(d.decoded, true);
    assert.equal(d.category, 'userunknown');
    assert.ok(d.evidence.some((e) => e.includes('account that you tried to reach')), JSON.stringify(d.evidence));
  });
});

describe('diagnose: single error lines from common providers', () => {
  const lines: [string, string, string?][] = [
    ['550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'userunknown'],
    ['550 5.7.606 Access denied, banned sending IP [203.0.113.4]', 'blocked'],
    ['550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP', 'blocked'],
    ['452-4.2.2 The email account that you tried to reach is over quota.', 'mailboxfull'],
    ['554 5.7.9 Message not accepted for policy reasons', 'policyviolation'],
    ['550-5.7.25 The IP address sending this message does not have a PTR record setup', 'requireptr'],
    ['552 5.3.4 Your message exceeded the size limits of this server', 'mesgtoobig'],
    ['554 5.7.1 <x@example.com>: Relay access denied', 'norelaying'],
    ['530 5.7.0 Must issue a STARTTLS command first', 'failedstarttls'],
    ['535 5.7.8 Username and Password not accepted', 'securityerror'],
    ['451 4.7.1 Greylisted, please try again in 300 seconds', 'policyviolation', 'greylisted'],
    ['554 5.7.1 Message rejected as spam by content filtering', 'spamdetected'],
    ['550 5.2.1 The email account that you tried to reach is disabled', 'suspend'],
    ["550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy", 'authfailure', 'auth-dmarc-failed'],
    ['421 4.3.2 Service not available, closing transmission channel', 'systemerror'],
    ['554 5.4.14 Hop count exceeded - possible mail loop', 'networkerror'],
    ['550 Mailbox unavailable or access denied', 'userunknown'],
    ['554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException', 'mailboxfull'],
  ];
  for (const [line, category, cause] of lines) {
    it(`${category}: ${line.slice(0, 60)}`, () => {
      const d = diagnoseText(line, builtinCatalog);
      assert.equal(d.category, category);
      if (cause) assert.equal(d.causeId, cause);
      else assertCauseFits(d);
    });
  }
});

describe('diagnose: messages that are not bounces', () => {
  it('an out-of-office reply is a vacation notice', async () => {
    const d = await run('vacation.eml');
    assert.deepEqual([d.isBounce, d.category, d.causeId], [false, 'vacation', null]);
  });
  it('an ARF complaint is a feedback report', async () => {
    const d = await run('arf.eml');
    assert.deepEqual([d.isBounce, d.category], [false, 'feedback']);
  });
  it('a delivery confirmation is delivered, with its 2.x.x status', async () => {
    const d = await run('delivered.eml');
    assert.deepEqual([d.isBounce, d.category, d.status, d.replyCode], [false, 'delivered', '2.0.0', '250']);
  });
  it('text with nothing to go on is not called a bounce', () => {
    const d = diagnoseText('Hello, see you at lunch tomorrow.', builtinCatalog);
    assert.deepEqual([d.isBounce, d.category, d.causeId], [false, 'undefined', null]);
  });
});

describe('diagnose: hostile and odd input', () => {
  const within = async (ms: number, input: string) => {
    const start = performance.now();
    const d = await diagnose(input, builtinCatalog);
    const took = performance.now() - start;
    assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
    return d;
  };

  it('empty input gives an empty diagnosis', async () => {
    for (const input of ['', '   \n\n ', undefined as unknown as string]) {
      const d = await diagnose(input, builtinCatalog);
      assert.deepEqual([d.isBounce, d.category, d.recipients, d.evidence], [false, 'undefined', [], []]);
    }
  });

  it('binary input does not throw', async () => {
    let bytes = '';
    for (let i = 0; i < 200_000; i++) bytes += String.fromCharCode((i * 7919) % 256);
    const d = await within(1000, bytes);
    assert.equal(typeof d.isBounce, 'boolean');
  });

  // Generous bounds: the claim is "no blow-up", not a benchmark.
  const junk: [string, () => string][] = [
    ['5 MB of one character', () => 'a'.repeat(5 * 1024 * 1024)],
    ['5 MB without a newline, full of near-addresses', () => 'x@y.'.repeat(1310720)],
    ['5 MB of near-codes', () => '550 5.'.repeat(873813)],
    ['5 MB of spaces and angle brackets', () => ' <'.repeat(2621440)],
    ['5 MB of header-looking lines', () => 'X-Junk: 550 5.1.1 user unknown\n'.repeat(170000)],
    ['5 MB of dotted words', () => 'a.'.repeat(2621440) + ' does not exist'],
    ['5 MB of address lines', () => 'someone@example.com: mailbox unavailable\n'.repeat(125000)],
  ];
  for (const [name, make] of junk) {
    it(`handles ${name} in well under a second`, async () => {
      await within(1000, make());
    });
  }

  it('handles deeply nested MIME', async () => {
    let body = 'Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n';
    for (let i = 0; i < 300; i++) {
      body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}\n--b${i}--\n`;
    }
    await within(2000, `From: x@example.org\nTo: y@example.org\nSubject: deep\nMIME-Version: 1.0\n${body}`);
  });

  it('time grows about linearly with size (below the scan cap)', () => {
    const line = 'Remote host said: 451 temporary trouble at mx.example.com [192.0.2.1] while talking\n';
    const time = (n: number) => {
      const text = line.repeat(n);
      const start = performance.now();
      for (let i = 0; i < 20; i++) diagnoseText(text, builtinCatalog);
      return performance.now() - start;
    };
    time(90); // warm-up
    const small = time(90); // ~8 KB
    const large = time(720); // ~60 KB, eight times as much
    assert.ok(large < small * 8 * 3 + 20, `8 KB: ${small.toFixed(1)} ms, 60 KB: ${large.toFixed(1)} ms`);
  });

  // Each hostile shape at 256 KB and at 2 MB: eight times the input may take at most 24 times as long (plus
  // slack for timer noise), which a quadratic blow-up (64 times) cannot meet.
  const nestedMime = (size: number) => {
    const open: string[] = [];
    const close: string[] = [];
    for (let depth = 0; open.join('\n').length * 2 < size; depth++) {
      open.push(`Content-Type: multipart/mixed; boundary="b${depth}"\n\n--b${depth}`);
      close.unshift(`--b${depth}--`);
    }
    return ['From: a@example.org', 'Subject: Undelivered Mail', 'MIME-Version: 1.0', ...open, 'Content-Type: text/plain', '', '550 5.1.1 <b@example.com>: user unknown', ...close].join('\n');
  };
  const shapes: [string, (size: number) => string][] = [
    ['a run of one character', (size) => 'a'.repeat(size)],
    ['a run of one digit', (size) => '5'.repeat(size)],
    ['text without a newline', (size) => 'Delivery failed 550 5.7.1 user@example.com said: '.repeat(size / 50)],
    ['deeply nested MIME', nestedMime],
  ];
  for (const [name, make] of shapes) {
    it(`time grows about linearly on ${name}`, async () => {
      const time = async (size: number) => {
        const text = make(size);
        const start = performance.now();
        for (let i = 0; i < 3; i++) await diagnose(text, builtinCatalog);
        return performance.now() - start;
      };
      await time(256 * 1024); // warm-up
      const small = await time(256 * 1024);
      const large = await time(2 * 1024 * 1024);
      assert.ok(large < small * 8 * 3 + 50, `256 KB: ${small.toFixed(1)} ms, 2 MB: ${large.toFixed(1)} ms`);
    });
  }

  it('plain pasted text is not treated as MIME', () => {
    assert.equal(looksLikeMime(bounceFixture('error-line.txt')), false);
    assert.equal(looksLikeMime(bounceFixture('exchange-ndr.txt')), false);
    assert.equal(looksLikeMime(bounceFixture('postfix.eml')), true);
  });

  it('pasted markup comes back as plain strings', async () => {
    const d = await diagnose('550 5.1.1 <img src=x onerror=alert(1)> <script>alert(1)</script> user unknown', builtinCatalog);
    assert.equal(d.category, 'userunknown');
    assert.ok(d.evidence.some((e) => e.includes('<script>')), 'the text is kept as text, not interpreted');
  });
});

describe('data/patterns.json', () => {
  it('matches its schema', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(patternsSchema);
    assert.ok(validate(patternsJson), JSON.stringify(validate.errors, null, 2));
  });

  it('uses only categories from data/categories.json and causes of the same category', () => {
    const used = [
      ...patterns.phrases.map((f) => f.category),
      ...Object.values(patterns.statusCodes).filter((c): c is NonNullable<typeof c> => c !== null),
      ...Object.values(patterns.replyCodes),
      ...patterns.stageRules.flatMap((r) => [r.category, ...r.categories]),
      ...Object.entries(patterns.temporary).flat(),
    ];
    for (const c of used) assert.ok(categoryIds.has(c as string), `unknown category ${String(c)}`);
    for (const f of [...patterns.phrases, ...patterns.stageRules]) {
      if (f.cause) assert.equal(builtinCatalog.causeById.get(f.cause)?.category, f.category, `cause ${f.cause}`);
    }
    for (const cause of Object.values(patterns.endings ?? {}).flat()) assert.ok(builtinCatalog.causeById.has(cause), `unknown cause ${cause}`);
    if (patterns.stillTrying) assert.equal(builtinCatalog.causeById.get(patterns.stillTrying.cause)?.category, 'expired', 'stillTrying.cause');
  });

  it('compiles every pattern, and none takes long on a hostile line', () => {
    const compiled = compilePatterns(patterns);
    const all = [...compiled.phrases.map((f) => f.regex), ...[...compiled.families.lists, ...compiled.stages.lists].flat().map((p) => p.regex), compiled.bounceSubjects, compiled.serverSaid, ...Object.values(compiled.notBounce)]
      .filter((re): re is RegExp => re !== null);
    const hostile = ['a'.repeat(1000), 'a.'.repeat(500), ' '.repeat(1000), 'user '.repeat(200), '5.5.'.repeat(250)];
    for (const re of all) {
      for (const line of hostile) {
        const start = performance.now();
        re.test(line);
        assert.ok(performance.now() - start < 50, `${re.source} is slow`);
      }
    }
  });
});
