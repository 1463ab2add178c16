import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { diagnoseText } from '../../src/core/diagnose/diagnose.js';

const categoryOf = (text: string) => diagnoseText(text, builtinCatalog).category;

/** One test per [line, category] pair: the line alone reads as that category. */
const readsEach = (lines: [string, string][]) => {
  for (const [line, category] of lines) {
    it(`${category}: ${line.slice(0, 60)}`, () => {
      assert.equal(categoryOf(line), category);
    });
  }
};

describe('diagnose: "user unknown" wording under a status that means something else', () => {
  it('is a filter when the status names another reason and nothing says RCPT TO', () => {
    assert.equal(categoryOf('550 5.7.1 550 No such user here: pat@example.org'), 'filtered');
    assert.equal(categoryOf('550 5.2.1 <lee@example.net>... User unknown'), 'filtered');
  });

  it('after the message data too', () => {
    assert.equal(categoryOf('mx.example.org said: 550 5.7.1 unknown user (in reply to end of DATA command)'), 'filtered');
  });

  it('stays a missing mailbox when the status agrees, says nothing, or the answer was to RCPT TO', () => {
    assert.equal(categoryOf('550 5.1.1 <lee@example.net>... User unknown'), 'userunknown');
    assert.equal(categoryOf('550 <lee@example.net>: User unknown'), 'userunknown');
    assert.equal(categoryOf('550 5.0.0 <lee@example.net>: User unknown'), 'userunknown');
    assert.equal(categoryOf('550 5.1.10 Recipient not found by address lookup'), 'userunknown');
    assert.equal(categoryOf('mx.example.org said: 550 5.2.1 User unknown (in reply to RCPT TO command)'), 'userunknown');
  });
});

describe('diagnose: wordings that name the RCPT TO stage', () => {
  const cases = [
    'mx.example.org [192.0.2.7] did not like our RCPT TO:\n550 5.2.1 <lee@example.net>: User unknown',
    'Sorry, no SMTP connection got far enough; most progress was RCPT TO response; remote host 192.0.2.7 said: 550 5.2.1 user unknown',
    'Remote host said: 550 5.2.1 <lee@example.net>... User unknown\n[RCPT_TO]',
  ];
  for (const text of cases) {
    it(`keeps a missing mailbox: ${text.split('\n')[0].slice(0, 50)}`, () => {
      assert.equal(categoryOf(text), 'userunknown');
    });
  }
});

describe('diagnose: a domain without any mail exchanger', () => {
  it('does not accept mail (qmail-remote reports it as #5.4.4)', () => {
    const d = diagnoseText("<ana@example.invalid>:\nSorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", builtinCatalog);
    assert.equal(d.category, 'notaccept');
    assert.equal(d.status, '5.4.4');
  });
});

describe('diagnose: "user unknown" in a report that names neither a status nor the SMTP command', () => {
  const report = (line: string) =>
    ['This is the mail system at host relay.example.com.', '', 'Your message could not be delivered.', '', `<ana@example.net>: host mx.example.net[192.0.2.40] said: ${line}`].join('\n');

  it('is a filter: nothing shows the address was checked at RCPT TO', () => {
    assert.equal(categoryOf(report('550 <ana@example.net>: User unknown')), 'filtered');
    assert.equal(categoryOf('Delivery to these addresses failed:\n\nbo@example.org [No such user here]'), 'filtered');
  });

  it('names the cause that says both: a wrong address or a filter using those words, never "the address is real"', () => {
    for (const text of [report('550 <ana@example.net>: User unknown'), '550 5.7.1 550 No such user here: pat@example.org']) {
      const d = diagnoseText(text, builtinCatalog);
      assert.equal(d.causeId, 'recipient-unknown-or-filtered', text);
      assert.equal(builtinCatalog.causeById.get(d.causeId!)?.category, d.category);
      // A reading of the wording, not its plain word: less sure than the wording taken as said.
      assert.ok(d.confidence < diagnoseText('550 5.1.1 <ana@example.net>: User unknown', builtinCatalog).confidence, text);
    }
    assert.equal(diagnoseText('550 5.7.1 Message rejected by the recipient\'s rules', builtinCatalog).causeId, 'recipient-filter');
  });

  it('stays a missing mailbox with a status, with the RCPT TO stage, or as a lone pasted line', () => {
    assert.equal(categoryOf(report('550 5.1.1 <ana@example.net>: User unknown')), 'userunknown');
    assert.equal(categoryOf(report('550 <ana@example.net>: User unknown (in reply to RCPT TO command)')), 'userunknown');
    assert.equal(categoryOf('550 <ana@example.net>: User unknown'), 'userunknown');
  });

  it('stays a missing mailbox when the recipient system says its directory has no such name', () => {
    const exchange = ['The following recipient(s) could not be reached:', '', '  ana@example.net on 3/2/04 10:12 AM', '    The recipient name is not recognized'].join('\n');
    const notes = ['Delivery has failed to these recipients:', '', 'ana@example.net', '  User ana not listed in public Name & Address Book'].join('\n');
    assert.equal(categoryOf(exchange), 'userunknown');
    assert.equal(categoryOf(notes), 'userunknown');
  });
});

describe('diagnose: wording families that outrank a generic reading', () => {
  const lines: [string, string][] = [
    // The sender's own address on a blocklist is a refused sender, not a blocked IP.
    ['550 5.7.1 Mail from an address that has been blacklisted is not accepted', 'rejected'],
    ['554 Your sender address is on our blacklist', 'rejected'],
    ['550 5.4.1 All recipient addresses rejected : Access denied', 'rejected'],
    ['550 5.7.1 Client IP 192.0.2.5 is blacklisted at this site', 'blocked'],
    // A hedge is not a finding: "may be blacklisted" names a possibility beside the real one.
    ['550 Delivery failed: the domain may not exist, or the sending host may be blacklisted', 'hostunknown'],
    // Forward-confirmed reverse DNS: the sending IP cannot be verified from its host name.
    ['450 4.7.1 This service refuses unverifiable sending IPs: relay.example.org is not 192.0.2.8', 'requireptr'],
    ['500 5.5.0 Line limit exceeded', 'mesgtoobig'],
    ['554 5.7.0 Header error', 'policyviolation'],
    // The receiving system's own directory is down: its failure, whatever the queue then did.
    ['Unable to contact LDAP server. (#4.4.3) Giving up: the message sat in the queue too long.', 'systemerror'],
  ];
  readsEach(lines);
});

describe('diagnose: the SMTP state number of an older Gmail report', () => {
  it('states 15 to 18 are the message data: "no such user" there is a filter', () => {
    assert.equal(categoryOf('The error that the other server returned was: 550 550 No such user here (state 17).'), 'filtered');
  });
  it('state 14 is RCPT TO: the mailbox is missing', () => {
    assert.equal(categoryOf('The error that the other server returned was: 550 550 No such user here (state 14).'), 'userunknown');
  });
});

describe('diagnose: a demand for SMTP authentication', () => {
  it('stays a security requirement when it answers MAIL FROM', () => {
    assert.equal(categoryOf('mx.example.org said: 550 Unauthenticated senders not allowed (in reply to MAIL FROM command)'), 'securityerror');
    assert.equal(categoryOf('mx.example.org said: 530 5.7.0 Authentication required (in reply to MAIL FROM command)'), 'securityerror');
  });
  it('while a bare "access denied" at MAIL FROM is a refused sender', () => {
    assert.equal(categoryOf('mx.example.org said: 550 5.7.1 Access denied (in reply to MAIL FROM command)'), 'rejected');
  });
});

describe('diagnose: wording families many mail systems share', () => {
  const lines: [string, string][] = [
    // The sending host or its network is refused.
    ['554 mx.example.org is not currently accepting mail from your IP (192.0.2.30)', 'blocked'],
    ['421 mx.example.org ESMTP not accepting connections right now', 'blocked'],
    ['554 Your host is not allowed to connect to this server', 'blocked'],
    ['554 Refusing mail relayed through an open proxy', 'blocked'],
    ['504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname', 'blocked'],
    // The envelope sender is refused.
    ['550 5.7.1 Access denied (sender blacklisted)', 'rejected'],
    ['550 5.1.7 Sender e-mail address rejected by the receiving site', 'rejected'],
    ['553 Tag check failed: BATV signature missing', 'rejected'],
    ['550 Null senders are not accepted here', 'rejected'],
    ['550 5.7.1 Backscatter protection: the bounce address is not one of ours', 'rejected'],
    ['550 You are not allowed to post to the announcements list', 'rejected'],
    // The recipient's own rules refuse it.
    ['550 5.7.1 This user refuses to receive mail from unknown senders', 'filtered'],
    ['550 You have been blocked by the recipient', 'filtered'],
    ['550 The recipient is only accepting mail from specific email addresses', 'filtered'],
    // The receiving system fails.
    ['550 Local config error, contact the administrator', 'systemerror'],
    ['451 4.3.2 Service currently unavailable', 'systemerror'],
    // The recipient's domain cannot be found.
    ['550 The recipient domain must exist', 'hostunknown'],
    ['550 Name or service not known', 'hostunknown'],
    ['552 Message file too big for this mailbox server', 'mesgtoobig'],
    // Policies of the receiving organisation or list.
    ['550 Posting to a members-only list by a non-member', 'policyviolation'],
    ['550 This is a closed mailing list', 'policyviolation'],
    ['550 5.7.1 Message bounced because of organizational settings', 'policyviolation'],
    ['550 5.7.1 Rejected under our security policies', 'policyviolation'],
    // Reverse DNS of the sending IP.
    ['550 The forward DNS entry of your host does not point to the sending IP', 'requireptr'],
    ['450 4.7.1 Client host rejected: unresolvable relay host name', 'requireptr'],
  ];
  readsEach(lines);
});
