import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { senderFacts } from '../../src/core/diagnose/sender.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/bounces/${name}`, import.meta.url), 'utf8');

describe('senderFacts: what the bounce says about the sender', () => {
  it('takes the returned message’s From over the bounce’s own From (the mailer daemon) in raw MIME', () => {
    assert.deepEqual(senderFacts(fixture('postfix.eml')), { address: 'carol@example.org', domain: 'example.org', selector: null, ip: null });
  });

  it('reads a bounce as a mail client shows it, without taking the receiving server’s address for the sender’s', () => {
    const facts = senderFacts(fixture('gmail.txt'));
    assert.equal(facts.domain, 'example.org');
    assert.equal(facts.ip, null, '192.0.2.44 is mx.example.net, the receiving server');
  });

  for (const [name, ip] of [['exim.txt', '203.0.113.5'], ['error-line.txt', '203.0.113.9'], ['postfix.eml', null], ['qmail.txt', null]] as const) {
    it(`finds the sending IP in ${name} only where the text calls it the client’s: ${ip}`, () => {
      assert.equal(senderFacts(fixture(name)).ip, ip);
    });
  }

  it('takes the DKIM selector from the signature of the sender’s own domain, over folded lines', () => {
    const text = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: ann@shop.example',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '550 5.7.26 Unauthenticated email from shop.example is not accepted due to domain’s DMARC policy.',
      '',
      '------ This is a copy of the message, including all the headers. ------',
      'DKIM-Signature: v=1; a=rsa-sha256; d=esp.example; s=esp1;',
      '\tbh=abc=; b=def=',
      'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;',
      '        d=shop.example;',
      '        s=March2026; h=from:to; bh=abc=; b=def=',
      'Return-Path: <bounces+123@esp.example>',
      'From: "Ann" <Ann@Shop.Example>',
    ].join('\n');
    assert.deepEqual(senderFacts(text), { address: 'ann@shop.example', domain: 'shop.example', selector: 'march2026', ip: null });
  });

  it('falls back to the envelope sender, then to whom the bounce was sent', () => {
    assert.equal(senderFacts('Final-Recipient: rfc822; x@example.net\nX-Postfix-Sender: rfc822; bob@sender.example\nStatus: 5.1.1').domain, 'sender.example');
    assert.equal(senderFacts('From: MAILER-DAEMON@mx.example.net\nTo: eve@home.example\nSubject: failure\n\n550 5.1.1 no such user').domain, 'home.example');
  });

  it('gives nulls, not guesses, for a bare error line and for a private or loopback address', () => {
    assert.deepEqual(senderFacts('550 5.1.1 User unknown'), { address: null, domain: null, selector: null, ip: null });
    assert.equal(senderFacts('554 Client host [10.1.2.3] blocked').ip, null);
    assert.equal(senderFacts('').domain, null);
  });

  it('reads a large paste in bounded time and space (it stops after the first 256 KB)', () => {
    const facts = senderFacts(`${'x'.repeat(300 * 1024)}\nFrom: late@example.com`);
    assert.equal(facts.address, null);
  });
});
