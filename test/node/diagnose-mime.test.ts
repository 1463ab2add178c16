import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinCatalogWithProviders as builtinCatalog } from '../../src/core/builtin-providers.js';
import { diagnose, diagnoseText } from '../../src/core/diagnose/diagnose.js';
import { decodeWithLibrary, splitPlainMime } from '../../src/core/diagnose/mime.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/bounces/${name}`, import.meta.url), 'utf8');

/** A multipart/report; `text` and `status` are the two parts' bodies, `encoding` the first part's. */
function report(text: string, status: string, encoding = '7bit', close = true): string {
  return [
    'From: MAILER-DAEMON@mx.example.org',
    'To: alice@example.com',
    'Subject: =?utf-8?B?VW5kZWxpdmVyZWQgbWFpbCDigJQgcmV0dXJuZWQ=?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="b1/x"',
    '',
    '--b1/x',
    'Content-Type: text/plain; charset=us-ascii',
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    text,
    '',
    '--b1/x',
    'Content-Type: message/delivery-status',
    '',
    status,
    '',
    ...(close ? ['--b1/x--', ''] : []),
  ].join('\r\n');
}

const STATUS = 'Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full';

describe('diagnose: reading unencoded MIME without the library', () => {
  it('splits the parts at the boundary lines and decodes the encoded subject', () => {
    const mail = splitPlainMime(report('The mail could not be delivered.', STATUS));
    assert.ok(mail, 'a plain multipart is read directly');
    assert.match(mail.body, /could not be delivered[\s\S]*Status: 5\.2\.2/);
    assert.match(mail.headers, /^Subject: Undelivered mail — returned$/m);
  });

  it('reads a report whose closing boundary was cut off', () => {
    assert.match(splitPlainMime(report('Not delivered.', STATUS, '7bit', false))?.body ?? '', /Final-Recipient/);
  });

  it('decodes quoted-printable and base64 text parts itself (RFC 2045), as the library does', async () => {
    const qp = report('The mail could not be delivered =\r\nto one recipient =3D bob.   ', STATUS, 'quoted-printable');
    const latin1 = Buffer.from('Zustellung an Empfänger fehlgeschlagen.', 'latin1').toString('base64');
    const b64 = report(latin1.replace(/(.{20})/g, '$1\r\n'), STATUS, 'base64').replace('charset=us-ascii', 'charset=iso-8859-1');
    for (const [name, text, expected] of [['quoted-printable', qp, 'delivered to one recipient = bob.\n'], ['base64', b64, 'an Empfänger fehlgeschlagen.']]) {
      const mail = splitPlainMime(text);
      assert.ok(mail, `${name} is read without the library`);
      assert.ok(mail.body.includes(expected), `${name}: ${JSON.stringify(mail.body.slice(0, 80))}`);
      const library = await decodeWithLibrary(text);
      assert.equal(mail.body.replace(/\s+/g, ' ').trim(), library?.body.replace(/\s+/g, ' ').trim(), name);
    }
    const [plain, decoded] = await Promise.all([diagnose(report('x', STATUS), builtinCatalog), diagnose(qp, builtinCatalog)]);
    assert.deepEqual([decoded.category, decoded.status, decoded.decoded], [plain.category, plain.status, true]);
    assert.equal(plain.category, 'mailboxfull');
  });

  it('leaves to the library what it cannot read simply: unknown charsets, broken base64, encoded attached messages', async () => {
    const unknownCharset = report('VGV4dA==', STATUS, 'base64').replace('charset=us-ascii', 'charset=x-no-such-charset');
    const broken = report('not base64 at all!', STATUS, 'base64');
    const attached = report('The mail could not be delivered.', STATUS).replace('Content-Type: message/delivery-status', 'Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64');
    for (const text of [unknownCharset, broken, attached]) assert.equal(splitPlainMime(text), null);
    const d = await diagnose(unknownCharset, builtinCatalog);
    assert.equal(d.decoded, true);
    assert.equal(d.category, 'mailboxfull');
  });

  it('reads itself the shapes the library would read the same: 8-bit text in another charset, no parts, blank parts', async () => {
    const eightBit = report('Zustellung an Empfänger fehlgeschlagen.', STATUS, '8bit').replace('charset=us-ascii', 'charset=iso-8859-1');
    const mail = splitPlainMime(eightBit);
    assert.ok(mail, '8-bit text is read without the library');
    assert.equal(mail.body.replace(/\s+/g, ' ').trim(), (await decodeWithLibrary(eightBit))?.body.replace(/\s+/g, ' ').trim());
    // No delimiter line at all, and a nested multipart whose boundary parameter lost its indentation: no parts.
    const noDelimiter = report('The mail could not be delivered.', STATUS).replace(/^--b1\/x(?:--)?\r$/gm, '\r');
    const unindented = [
      'From: MAILER-DAEMON@mx.example.org', 'Subject: Returned mail', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="outer"', '',
      '--outer', 'Content-Type: multipart/alternative;', 'boundary="inner"', '',
      '--inner', 'Content-Type: text/plain', '', '550 5.1.1 <bob@example.net>: user unknown', '--inner--', '--outer--', '',
    ].join('\r\n');
    // Every part read, and blank (a quoted-printable "=0D" or two): nothing to read for the library either.
    const blankParts = report('=0D\r\n=0D', '   ', 'quoted-printable').replace('Content-Type: message/delivery-status', 'Content-Type: text/html');
    for (const text of [noDelimiter, unindented, blankParts]) {
      assert.equal(splitPlainMime(text)?.body.trim(), '', 'nothing to read, and known without the library');
      assert.equal(await decodeWithLibrary(text), null, 'the library reads nothing either');
      assert.equal((await diagnose(text, builtinCatalog)).decoded, false);
    }
  });

  it('reads the fixtures itself, the base64 one included', async () => {
    for (const name of ['postfix.eml', 'rfc3464-dsn.eml', 'arf.eml', 'delivered.eml', 'vacation.eml', 'multi-recipient.eml']) {
      assert.ok(splitPlainMime(fixture(name)), `${name} is read without the library`);
    }
    const d = await diagnose(fixture('multi-recipient.eml'), builtinCatalog);
    assert.equal(d.decoded, true);
    assert.ok(d.recipients.length > 1);
  });

  it('stays linear on many boundary lines inside nested parts', () => {
    const nested = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}`).join('\n');
    const time = (n: number) => {
      const text = `From: a@example.org\nSubject: x\nMIME-Version: 1.0\n${nested(3)}\nContent-Type: text/plain\n\n${'--b2\n\nx\n'.repeat(n)}`;
      const start = performance.now();
      for (let i = 0; i < 5; i++) assert.ok(splitPlainMime(text));
      return performance.now() - start;
    };
    time(2000);
    const small = time(4000);
    const large = time(32000);
    assert.ok(large < small * 8 * 3 + 20, `small ${small.toFixed(1)} ms, large ${large.toFixed(1)} ms`);
  });
});

describe('diagnose: the receiving provider', () => {
  it('comes from the remote server named in the report (data/providers.json)', () => {
    const d = diagnoseText(
      'Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.7.1\nRemote-MTA: dns; example-net.mail.protection.outlook.com\nDiagnostic-Code: smtp; 550 5.7.1 Service unavailable',
      builtinCatalog,
    );
    assert.equal(d.provider?.id, 'microsoft');
  });

  it('is absent when no host or wording names one', () => {
    assert.equal(diagnoseText('550 5.1.1 <bob@example.net>: user unknown', builtinCatalog).provider, null);
  });
});
