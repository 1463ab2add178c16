import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalogWithProviders as builtinCatalog } from '../../src/core/builtin-providers.js';
import type { Diagnosis } from '../../src/core/diagnose/diagnose.js';
import { diagnose, diagnoseText } from '../../src/core/diagnose/diagnose.js';
import { assertReads, bounceFixture, type ExpectedReading } from './helpers/bounce-fixtures.js';

// Bounces in the layouts of mail systems the development corpus does not hold. Each fixture is written in
// the layout its MTA uses; the expected category, status and reply code are the judgement the reference
// parser (sisimai) makes for that MTA's typical error of the kind.
const run = (name: string) => diagnose(bounceFixture(name), builtinCatalog);

describe('diagnose: delay warnings are not bounces yet', () => {
  it('reads a warning that only quotes why the tries fail as a delay, with the server still trying', async () => {
    const d = await run('gmail-delay.eml');
    assert.deepEqual([d.isBounce, d.stillTrying, d.category, d.causeId], [true, true, 'expired', 'delivery-delayed']);
    assert.deepEqual(d.recipients.map((r) => r.address), ['lou@slow.example.net']);
  });

  it('takes a report\'s "Action: delayed" as a warning, whatever the reason quoted', async () => {
    const d = await run('dsn-delayed-full.eml');
    assert.deepEqual([d.stillTrying, d.category, d.status, d.replyCode], [true, 'mailboxfull', '4.2.2', '452']);
  });

  it('leaves a final expiry an expiry: "gave up" or "deleted from queue" outranks "delayed"', async () => {
    for (const name of ['sendmail-expired.txt', 'opensmtpd-expired.txt']) {
      const d = await run(name);
      assert.deepEqual([d.stillTrying, d.category, d.causeId], [false, 'expired', 'delivery-expired'], name);
    }
    const gaveUp = diagnoseText('Delivery to tom@example.net has been delayed for 5 days. We gave up.', builtinCatalog);
    assert.deepEqual([gaveUp.stillTrying, gaveUp.causeId], [false, 'delivery-expired']);
  });

  it('never calls a permanent (5xx) refusal a delay, whatever else the notice says', () => {
    const d = diagnoseText('<ivy@example.net>: 550 5.1.1 <ivy@example.net>: User unknown (in reply to RCPT TO command). The server will retry the other recipients.', builtinCatalog);
    assert.deepEqual([d.stillTrying, d.category], [false, 'userunknown']);
  });

  it('reads "not a permanent failure" as the warning it is', () => {
    const d = diagnoseText('This is a delay notification, not a permanent failure. Delivery to joy@slow.example.net has not yet been delivered; we will keep trying for 4 more days.', builtinCatalog);
    assert.deepEqual([d.stillTrying, d.causeId], [true, 'delivery-delayed']);
  });
});

describe('diagnose: wording near another reason', () => {
  it('keeps a refusal that names a blocklist a block, though it also says "connection refused"', () => {
    const d = diagnoseText('554 5.7.1 [198.51.100.7]: connection refused, your IP is listed on zen.spamhaus.org', builtinCatalog);
    assert.equal(d.category, 'blocked');
  });

  it('reads a service label that names no category, even an object member\'s name, as no label', async () => {
    const event = JSON.parse(bounceFixture('mailjet-bounce.json')) as Record<string, unknown>;
    const d = await diagnose(JSON.stringify({ ...event, error: 'constructor', comment: 'refused' }), builtinCatalog);
    assert.equal(typeof d.category, 'string');
    assert.deepEqual(d.recipients.map((r) => typeof r.category), ['string']);
  });
});

describe('diagnose: layouts of mail systems beyond the usual ones', () => {
  const cases: [string, ExpectedReading][] = [
    ['sendmail-hostunknown.eml', { category: 'hostunknown', status: '5.1.2', replyCode: '550', recipients: ['amy@nonexistent.example.net'] }],
    ['sendmail-expired.txt', { category: 'expired', status: '4.4.7', replyCode: '421', recipients: ['dan@slow.example.net'] }],
    ['sendmail-mailer.txt', { category: 'mailererror', status: '5.3.0', replyCode: '554', recipients: [] }],
    ['opensmtpd-domain.txt', { category: 'hostunknown', status: null, replyCode: null, recipients: ['hal@typo.example'] }],
    ['opensmtpd-expired.txt', { category: 'expired', status: null, replyCode: null, recipients: ['ida@far.example.net'] }],
    ['opensmtpd-nomx.txt', { category: 'notaccept', status: null, replyCode: null, recipients: ['bob@no-mail.example.net'] }],
    // Sendmail's Status is its own summary ("4.4.7": gave up retrying; "5.1.1" for any 550 at RCPT TO):
    // the remote server's code in Diagnostic-Code says why.
    ['sendmail-noptr.txt', { category: 'requireptr', status: '4.7.1', replyCode: '450', recipients: ['quentin@strict.example.net'] }],
    ['sendmail-blocklisted.txt', { category: 'blocked', status: '5.7.1', replyCode: '550', recipients: ['yves@example.net'] }],
    // A queue time-out with no remote reply. A DNS failure is a fault of its own and keeps its reading; a
    // refused connection only says why each try failed, and "4.4.7" that the queue then gave up.
    ['sendmail-dns-deferred.txt', { category: 'networkerror', status: '4.4.7', replyCode: null, recipients: ['sam@flaky-dns.example.net'] }],
    ['sendmail-refused.txt', { category: 'expired', status: '4.4.7', replyCode: null, recipients: ['uma@down.example.net'] }],
    // The remote server's "4.3.0" takes the status's place, but the report's "4.4.7" still says the queue gave up.
    ['sendmail-expired-remote-code.txt', { category: 'expired', status: '4.3.0', replyCode: '451', recipients: ['walt@struggling.example.net'] }],
    // Pipelined RCPT TO and DATA: ">>> DATA" is shown, but "no valid recipients" says the RCPT TO was refused.
    ['sendmail-pipelining.txt', { category: 'userunknown', status: '5.5.0', replyCode: '550', recipients: ['walt@example.net'] }],
    ['sendmail-headers.txt', { category: 'contenterror', status: '5.6.0', replyCode: '552', recipients: ['abe@example.net'] }],
    // "Status: 5.0.0" for a delivery program: the transcript's "554 5.3.0" is the code.
    ['sendmail-program.txt', { category: 'mailererror', status: '5.3.0', replyCode: '554', recipients: ['helpdesk@example.org'] }],
    ['gmail-policy.txt', { category: 'policyviolation', status: '5.7.0', replyCode: '552', recipients: ['dov@example.com'] }],
    ['gmail-unauthenticated.txt', { category: 'authfailure', status: '5.7.1', replyCode: '550', recipients: ['finn@example.com'] }],
    ['amazonses-dsn.eml', { category: 'mailboxfull', status: '5.2.2', replyCode: '552', recipients: ['jan@example.com'] }],
    ['amazonses-sns.json', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['kim@example.net'] }],
    ['amazonses-blocked.json', { category: 'blocked', status: '5.7.1', replyCode: '554', recipients: ['lou@example.com'] }],
    // Other email services' bounce events, as a webhook delivers them or a dashboard shows them: the
    // server's reply they pass on is read like a Diagnostic-Code field.
    ['mailgun-failed.json', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['nora@example.com'] }],
    ['sendgrid-bounce.json', { category: 'mailboxfull', status: '5.2.2', replyCode: '552', recipients: ['otto@example.net'] }],
    // Postmark calls it a "HardBounce" (a missing mailbox, as it describes the type); the reply says why.
    ['postmark-bounce.json', { category: 'blocked', status: '5.7.1', replyCode: '550', recipients: ['pia@example.com'] }],
    ['sparkpost-bounce.json', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['quinn@example.net'] }],
    ['mandrill-soft-bounce.json', { category: 'mailboxfull', status: '4.2.2', replyCode: '452', recipients: ['rosa@example.com'] }],
    ['brevo-hard-bounce.json', { category: 'hostunknown', status: '5.1.2', replyCode: '550', recipients: ['sam@example.net'] }],
    ['resend-bounced.json', { category: 'spamdetected', status: '5.7.1', replyCode: '554', recipients: ['tess@example.com'] }],
    // Mailjet's comment says nothing the patterns know: its own error class ("quota exceeded") tells.
    ['mailjet-bounce.json', { category: 'mailboxfull', status: null, replyCode: null, recipients: ['uli@example.com'] }],
    ['domino.eml', { category: 'userunknown', status: null, replyCode: null, recipients: ['olive@example.com'] }],
    ['zoho.eml', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['quin@example.com'] }],
    ['office365.txt', { category: 'userunknown', status: '5.1.10', replyCode: '550', recipients: ['tom@example.com'] }],
    ['googlegroups.eml', { category: 'rejected', status: null, replyCode: null, recipients: ['book-club@googlegroups.com'] }],
    // The same refusal as Google words it to a sender who reads Japanese ("no permission to post").
    ['googlegroups-ja.eml', { category: 'rejected', status: null, replyCode: null, recipients: ['hanami-club@googlegroups.com'] }],
    ['mimecast.eml', { category: 'userunknown', status: '5.4.1', replyCode: null, recipients: ['yuri@example.com'] }],
    ['mimecast-relay.eml', { category: 'norelaying', status: '5.7.54', replyCode: '550', recipients: ['zed@partner.example.net'] }],
    ['interscan.eml', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['bea@example.co.jp'] }],
    // "Unknown user" with neither a status nor the SMTP command it answered: nothing shows the address was
    // checked at RCPT TO, so it reads as a filter's answer (stageRules `silentReport`), as sisimai reads most.
    ['imail.eml', { category: 'filtered', status: null, replyCode: null, recipients: ['eli@imail.example.com'] }],
    ['imail-expired.eml', { category: 'expired', status: null, replyCode: null, recipients: ['gil@slow.example.net'] }],
    ['imail-full.eml', { category: 'mailboxfull', status: null, replyCode: null, recipients: ['flo@imail.example.com'] }],
    ['einsundeins.eml', { category: 'mesgtoobig', status: null, replyCode: null, recipients: ['hana@example.eu'] }],
    ['kddi.eml', { category: 'mailboxfull', status: null, replyCode: null, recipients: ['jo@ezweb.example.jp'] }],
    ['biglobe.eml', { category: 'mailboxfull', status: null, replyCode: null, recipients: ['lia@mail.example.ne.jp'] }],
    // A delivery program's own words after Postfix's "Command output:" say why it failed: a full mailbox.
    ['postfix-pipe-quota.eml', { category: 'mailboxfull', status: '5.7.0', replyCode: null, recipients: ['moe@example.net'] }],
    // "is not an active address at this host" is a login the host does not have; the reply's second line,
    // starting "550-" and the address, is no second recipient.
    ['postfix-not-active.txt', { category: 'userunknown', status: null, replyCode: '550', recipients: ['ned@example.net'] }],
    // "Mailbox size limit exceeded" is the mailbox's limit, not the message's; so is "too many messages on the server".
    ['mailbox-size-limit.txt', { category: 'mailboxfull', status: null, replyCode: '452', recipients: ['ola@example.net', 'pam@example.de'] }],
    ['no-mailbox-found.txt', { category: 'userunknown', status: '5.7.1', replyCode: '550', recipients: ['rae@example.net'] }],
    ['spam-like.txt', { category: 'spamdetected', status: null, replyCode: '550', recipients: ['sal@example.net'] }],
    // Mail from a mass-mailing tool is bulk mail: a spam verdict, not the security error 5.7.1 alone would mean.
    ['mass-mailer.txt', { category: 'spamdetected', status: '5.7.1', replyCode: '550', recipients: ['tia@example.net'] }],
    ['mailmarshal.eml', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['nia@example.com'] }],
    ['mailfoundry.eml', { category: 'mailboxfull', status: null, replyCode: '552', recipients: ['pia@example.net'] }],
    ['activehunter.eml', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['ria@example.jp'] }],
    ['x3.eml', { category: 'userunknown', status: '5.3.0', replyCode: '553', recipients: ['tam@example.com'] }],
    ['mcafee.eml', { category: 'filtered', status: null, replyCode: null, recipients: ['bob@example.com'] }],
    ['sendgrid-expired.eml', { category: 'expired', status: '4.4.2', replyCode: '421', recipients: ['dot@slow.example.com'] }],
    ['amavis.eml', { category: 'notcompliantrfc', status: '5.6.0', replyCode: '554', recipients: ['fox@example.jp'] }],
    ['surfcontrol.eml', { category: 'filtered', status: null, replyCode: '550', recipients: ['hex@example.com'] }],
    ['x6.eml', { category: 'userunknown', status: '5.1.1', replyCode: '550', recipients: ['val@example.jp'] }],
    // QQ Mail limits how often one IP may connect; its reply also says "Blocked IP", which is the limit's effect.
    ['qq-frequency.txt', { category: 'toomanyconn', status: null, replyCode: '550', recipients: ['pia@qq.example.cn'] }],
    // Mimecast names its spam verdict in a rule name ("MCSpamSignature") after a generic "security policies".
    ['mimecast-spam.txt', { category: 'spamdetected', status: null, replyCode: '554', recipients: ['rex@example.co.uk'] }],
    // The "5.5.0" beside a bare 550 is the report's own protocol status: it names no filter.
    ['exchange-mailbox-unavailable.eml', { category: 'userunknown', status: '5.5.0', replyCode: '550', recipients: ['ben@example.net'] }],
    ['helo-mismatch.txt', { category: 'requireptr', status: '5.5.0', replyCode: '550', recipients: ['cleo@example.net'] }],
    ['amazonses-locked.eml', { category: 'suspend', status: '5.7.1', replyCode: '550', recipients: ['dee.harrington@example.net'] }],
    // The header copy after "Included is a copy of the message header" is not the server's words, and the
    // relay's version in it ("gate_mta-5.2.0-7") is no status: "unknown user" alone reads as a filter's answer.
    ['mxlogic-header-copy.txt', { category: 'filtered', status: null, replyCode: '550', recipients: ['fin@example.com'] }],
    // "Unable to connect" tells why each try failed; "4.4.7", with the action "failed", that the queue gave up.
    ['expired-unreachable.eml', { category: 'expired', status: '4.4.7', replyCode: null, recipients: ['hugo@offline.example.com'] }],
    // A recipient listed under a line that announces the list, in whatever form the server writes it: an
    // Exchange X.400 address ("dda:SMTP=…"), a display name before the address.
    ['exchange-x400.eml', { category: 'userunknown', status: null, replyCode: null, recipients: ['wanda@example.com'] }],
    ['listed-recipient.txt', { category: 'suspend', status: null, replyCode: null, recipients: ['xavier@example.net'] }],
    // A recipient named in a sentence, with neither brackets nor a label.
    ['sentence-recipient.txt', { category: 'mailboxfull', status: null, replyCode: '552', recipients: ['yara@example.net'] }],
  ];
  for (const [name, want] of cases) {
    it(`reads ${name}`, async () => {
      const d = await run(name);
      assertReads(d, want);
      // The catalog has no cause for a failed local delivery program yet.
      if (want.category !== 'mailererror') assert.equal(builtinCatalog.causeById.get(d.causeId ?? '')?.category, d.category, 'a cause of the category');
    });
  }

  it('gives each recipient its own reason (OpenSMTPD, Deutsche Telekom)', async () => {
    const rows = async (name: string) => (await run(name)).recipients.map((r) => [r.address, r.category, r.status, r.replyCode]);
    assert.deepEqual(await rows('opensmtpd.eml'), [
      ['fay@example.net', 'mailboxfull', '5.2.2', '550'],
      ['gus@example.com', 'userunknown', '5.1.1', '550'],
    ]);
    assert.deepEqual(await rows('telekom.eml'), [
      ['xen@t-online.example', 'mailboxfull', '5.2.2', '552'],
      ['yul@t-online.example', 'userunknown', '5.1.1', '550'],
    ]);
  });

  it('takes the recipient from the returned message when the report names none (Google Workspace)', async () => {
    const d = await run('googleworkspace.eml');
    assert.equal(d.isBounce, true);
    assert.equal(d.category, 'rejected');
    assert.deepEqual(d.recipients.map((r) => r.address), ['wes@example.com']);
  });

  it('stops reading at a rule framed in bars (Deutsche Telekom): "body too large, truncated" about the returned copy is no reason', async () => {
    // X-Failed-Recipients names the address written to; the body lists the mailbox it led to, so the
    // recipient's reason is read from the whole notification.
    const d = await run('telekom-truncated.eml');
    assertReads(d, { category: 'mailboxfull', status: '5.2.2', replyCode: '552', recipients: ['opal@t-online.example'] });
    assert.ok(d.evidence.every((line) => !/truncated/.test(line)), 'the returned message gives no evidence');
  });

  it('stops reading at "Original message follows" (IMail): the returned message is no evidence', async () => {
    const d = await run('imail.eml');
    assert.deepEqual(d.evidence, ['Unknown user']);
  });

  it('names the recipient of a report that gives no reason (InterScan), and calls it a bounce of unknown cause', async () => {
    const d = await run('interscan-unable.eml');
    assert.deepEqual(d.recipients.map((r) => r.address), ['cal@example.co.jp']);
    assert.deepEqual([d.isBounce, d.category, d.causeId], [true, 'undefined', null], 'a failed recipient is a bounce, even with no reason given');
  });

  it('calls an ordinary reply with an address alone on a line no bounce: no delivery system sent it, and it gives no reason', async () => {
    const d = await run('plain-reply.eml');
    assert.equal(d.isBounce, false);
  });

  it('reads a host that could not be reached as a network failure (Zoho)', async () => {
    const d = await run('zoho-unreachable.eml');
    assert.deepEqual([d.category, d.replyCode, d.recipients.map((r) => r.address)], ['networkerror', '421', ['ray@down.example.com']]);
  });

  it('takes an Amazon SES complaint for a feedback report, not a bounce', async () => {
    const d = await run('amazonses-complaint.json');
    assert.equal(d.isBounce, false);
    assert.equal(d.category, 'feedback');
  });

  it('reads a Japanese Domino report whose text a client already converted from ISO-2022-JP', async () => {
    const d = await run('domino-ja.eml');
    assertReads(d, { category: 'userunknown', status: null, replyCode: null, recipients: ['yamada@example.jp'] });
    assert.match(d.recipients[0].diagnostic, /Domino ディレクトリには見つかりません/);
  });

  it('takes a Microsoft JMRP complaint (an enclosed message, no feedback-report part) for a feedback report', async () => {
    const d = await run('jmrp-complaint.eml');
    assert.equal(d.isBounce, false);
    assert.equal(d.category, 'feedback');
  });

  it('takes an Amazon SES delivery event for a delivery, not a bounce', () => {
    const d = diagnoseText('{"notificationType":"Delivery","delivery":{"recipients":["amy@example.com"],"smtpResponse":"250 2.6.0 Message received"}}', builtinCatalog);
    assert.equal(d.isBounce, false);
    assert.equal(d.category, 'delivered');
    // The receiving server's reply is the event's code.
    assert.deepEqual([d.status, d.replyCode, d.recipients.map((r) => r.address)], ['2.6.0', '250', ['amy@example.com']]);
  });

  it('reads the SES event JSON wherever it sits in the text, and survives JSON that does not parse', () => {
    const event = '{"eventType":"Bounce","bounce":{"bouncedRecipients":[{"emailAddress":"bo@example.net","status":"5.2.2","action":"failed","diagnosticCode":"smtp; 552 5.2.2 Mailbox full"}]}}';
    const d = diagnoseText(`Forwarded event:\n${event}\n--\nTo stop these notifications, follow the link.`, builtinCatalog);
    assert.deepEqual(d.recipients.map((r) => [r.address, r.status, r.replyCode, r.category]), [['bo@example.net', '5.2.2', '552', 'mailboxfull']]);
    const broken = diagnoseText('{"bounce":{"bouncedRecipients":[{"emailAddress":"bo@example.net", 550 5.1.1 user unknown', builtinCatalog);
    assert.equal(broken.category, 'userunknown');
  });
});

describe("diagnose: email services' bounce events as JSON", () => {
  const rows = (d: Diagnosis) => d.recipients.map((r) => [r.address, r.action, r.category, r.status, r.replyCode]);

  it('names the service that reported the event, and the receiving server where the event gives it', async () => {
    const reported = await Promise.all(['mailgun-failed.json', 'sendgrid-bounce.json', 'postmark-bounce.json', 'sparkpost-bounce.json'].map(run));
    assert.deepEqual(reported.map((d) => d.reportingMta), ['Mailgun', 'SendGrid', 'Postmark', 'SparkPost']);
    assert.equal(reported[0].remoteMta, 'mx1.example.com');
  });

  it('reads a soft or temporary failure as delayed, a permanent one as failed', () => {
    const read = (event: object) => diagnoseText(JSON.stringify(event), builtinCatalog).recipients.map((r) => r.action);
    const mailgun = (severity: string) => ({ event: 'failed', severity, recipient: 'a@example.com', 'delivery-status': { code: 421, message: '4.4.2 connection dropped' } });
    assert.deepEqual(read(mailgun('temporary')), ['delayed']);
    assert.deepEqual(read(mailgun('permanent')), ['failed']);
    assert.deepEqual(read({ event: 'soft_bounce', email: 'b@example.com', reason: '452 4.2.2 mailbox full' }), ['delayed']);
    assert.deepEqual(read({ event: 'bounce', email: 'c@example.com', hard_bounce: false, error_related_to: 'recipient', error: 'quota exceeded' }), ['delayed']);
    assert.deepEqual(read({ RecordType: 'Bounce', Type: 'SoftBounce', TypeCode: 4096, Email: 'd@example.com', Details: '' }), ['delayed']);
  });

  it('reads every event of a batch, and leaves out the events that are no failure', () => {
    const batch = [
      { event: 'bounce', email: 'ann@example.com', reason: '550 5.1.1 no such user here', status: '5.1.1', type: 'bounce' },
      { event: 'delivered', email: 'bob@example.com', response: '250 2.0.0 OK' },
      { event: 'deferred', email: 'cy@example.net', response: '452 4.2.2 mailbox is full, try later', attempt: '2' },
    ];
    const d = diagnoseText(JSON.stringify(batch, null, 2), builtinCatalog);
    assert.deepEqual(rows(d), [
      ['ann@example.com', 'failed', 'userunknown', '5.1.1', '550'],
      ['cy@example.net', 'delayed', 'mailboxfull', '4.2.2', '452'],
    ]);
  });

  it('finds an event inside an envelope, even one carried as a JSON string', () => {
    const event = { event: 'hard_bounce', msg: { email: 'dee@example.com', diag: 'smtp;550 5.1.1 dee@example.com: unknown recipient' } };
    const logged = { received: '2025-03-05T01:02:03Z', body: { mandrill_events: JSON.stringify([event]) } };
    assert.deepEqual(rows(diagnoseText(JSON.stringify(logged), builtinCatalog)), [['dee@example.com', 'failed', 'userunknown', '5.1.1', '550']]);
  });

  it("takes the service's classification only where the reply says nothing the patterns know", () => {
    const postmark = (Details: string) => diagnoseText(JSON.stringify({ RecordType: 'Bounce', Type: 'SpamNotification', TypeCode: 512, Email: 'eve@example.com', Details }), builtinCatalog);
    assert.equal(postmark('smtp;550 Message refused').category, 'spamdetected');
    assert.equal(postmark('smtp;552 5.2.2 mailbox full').category, 'mailboxfull');
    const sparkpost = (raw_reason: string) => diagnoseText(JSON.stringify([{ msys: { message_event: { type: 'bounce', bounce_class: '22', rcpt_to: 'fay@example.com', raw_reason } } }]), builtinCatalog);
    assert.equal(sparkpost('554 Message refused').category, 'mailboxfull');
    assert.equal(sparkpost('550 5.1.1 user unknown').category, 'userunknown');
    const sendgrid = diagnoseText(JSON.stringify({ event: 'bounce', email: 'gus@example.com', reason: '554 Not accepted', status: '5.0.0', type: 'blocked' }), builtinCatalog);
    assert.equal(sendgrid.category, 'blocked');
  });

  it('reads no event in JSON that is not one, and survives JSON that does not parse', () => {
    const settings = { webhook: { url: 'https://hooks.example.org/mail', events: ['bounce', 'dropped', 'deferred'] }, owner: { email: 'ops@example.org' } };
    const notEvent = diagnoseText(JSON.stringify(settings), builtinCatalog);
    assert.equal(notEvent.isBounce, false);
    assert.deepEqual(notEvent.recipients, []);
    const lookalike = diagnoseText(JSON.stringify({ event: 'open', email: 'hal@example.com', reason: 'none' }), builtinCatalog);
    assert.deepEqual(lookalike.recipients, []);
    const broken = diagnoseText('[{"event":"bounce","email":"ida@example.com","reason":"550 5.1.1 ida@example.com: user unknown"', builtinCatalog);
    assert.equal(broken.category, 'userunknown');
  });

  it('never parses a huge paste as JSON, and parses a long one at most twice, cut to the part that is read', () => {
    const parse = JSON.parse;
    const parsed: number[] = [];
    JSON.parse = (text: string, reviver?: Parameters<typeof parse>[1]) => {
      parsed.push(text.length);
      return parse(text, reviver);
    };
    try {
      diagnoseText('550 5.1.1 <jo@example.com>: user unknown {see below}\n'.repeat(100_000), builtinCatalog);
      assert.deepEqual(parsed, [], 'no service marker, no parsing');
      const d = diagnoseText('{"event":"bounce","email":"jo@example.com" [x] '.repeat(120_000), builtinCatalog);
      assert.equal(typeof d.isBounce, 'boolean');
      assert.ok(parsed.length <= 2 && parsed.every((n) => n <= 64 * 1024), `parsed ${parsed.join(', ')} characters`);
    } finally {
      JSON.parse = parse;
    }
  });
});

describe('diagnose: recipients named inside the text rather than at the start of a line', () => {
  const addresses = (text: string) => diagnoseText(text, builtinCatalog).recipients.map((r) => r.address);

  it('does not take the sender or the original headers for a recipient', () => {
    const text = 'Delivery has failed.\n\nSender Address: me@example.org\nRecipient Address: you@example.com\nReported error: 550 5.1.1 User unknown';
    assert.deepEqual(addresses(text), ['you@example.com']);
    assert.deepEqual(addresses('Original Sender: <me@example.org>\nFrom: me@example.org\n550 5.1.1 User unknown'), []);
  });

  it('does not lend a recipient the codes of the successful steps of a quoted session', () => {
    const d = diagnoseText(' In:  RCPT TO:<kit@example.net>\n Out: 250 2.1.5 Ok\n In:  DATA\n Out: 451 4.3.0 Error: queue file write error\n', builtinCatalog);
    assert.deepEqual(d.recipients.map((r) => [r.address, r.status, r.replyCode]), [['kit@example.net', '4.3.0', '451']]);
  });

  it('keeps the usual layouts first: an address opening a line wins over one named later', () => {
    assert.deepEqual(addresses('<ann@example.com>: 550 5.1.1 unknown user\n\nThe server also rejected recipient <other@example.com> earlier.'), ['ann@example.com']);
  });
});
