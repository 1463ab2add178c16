import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { diagnoseText } from '../../src/core/diagnose/diagnose.js';

const categoryOf = (text: string) => diagnoseText(text, builtinCatalog).category;

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
