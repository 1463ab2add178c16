import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCode, MAX_SCAN_CHARS, parseCode, type ParsedCode } from '../../src/core/code-parser.js';

function found(text: string): ParsedCode {
  const outcome = parseCode(text);
  assert.ok(outcome.ok, `expected a code in ${JSON.stringify(text.slice(0, 80))}, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

function reason(text: string): string {
  const outcome = parseCode(text);
  assert.equal(outcome.ok, false, `expected no code in ${JSON.stringify(text.slice(0, 80))}, got ${JSON.stringify(outcome)}`);
  return outcome.ok ? '' : outcome.error.reason;
}

describe('parseCode: input forms', () => {
  const cases: [string, string | null, string | null][] = [
    ['550', '550', null],
    ['5.1.1', null, '5.1.1'],
    ['550 5.1.1', '550', '5.1.1'],
    ['550-5.7.26', '550', '5.7.26'],
    ['550 5.7.26', '550', '5.7.26'],
    ['#5.7.1', null, '5.7.1'],
    ['5.7.1 (DMARC)', null, '5.7.1'],
    ['550 5 7 1', '550', '5.7.1'],
    ['550-5.7.26 Unauthenticated email from example.com is not accepted due to domain\'s DMARC policy.', '550', '5.7.26'],
    ["Remote server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", '550', '5.1.1'],
    ['smtp; 550 5.1.1 <a@b.example>... User unknown', '550', '5.1.1'],
    ['  421 4.7.0 Try again later, closing connection.  ', '421', '4.7.0'],
    ['#550 #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound', '550', '5.1.1'],
    ['SMTP; 552 5.2.2 MAILBOX FULL', '552', '5.2.2'],
    ['host mx.example.com[192.0.2.7] said: 554 5.7.1 Service unavailable; blocked', '554', '5.7.1'],
  ];
  for (const [text, replyCode, status] of cases) {
    it(`finds ${formatCode({ replyCode, status })} in ${JSON.stringify(text.slice(0, 50))}`, () => {
      const code = found(text);
      assert.equal(code.replyCode, replyCode);
      assert.equal(code.status, status);
      assert.equal(code.wildcard, undefined);
    });
  }

  it('reads a DSN where status and reply code sit on separate lines', () => {
    const dsn = 'Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 Requested action not taken: mailbox unavailable';
    assert.deepEqual(found(dsn), { replyCode: '550', status: '5.1.1' });
  });

  it('accepts upper and lower case wildcards and normalises them', () => {
    assert.deepEqual(found('4xx'), { replyCode: '4xx', status: null, wildcard: 'class' });
    assert.deepEqual(found('5XX'), { replyCode: '5xx', status: null, wildcard: 'class' });
    assert.deepEqual(found('5.7.X'), { replyCode: null, status: '5.7.x', wildcard: 'subject' });
    assert.deepEqual(found('5.x.x'), { replyCode: null, status: '5.x.x', wildcard: 'class' });
    assert.deepEqual(found('x.7.1'), { replyCode: null, status: 'X.7.1' });
    assert.deepEqual(found('X.7.1'), { replyCode: null, status: 'X.7.1' });
  });

  it('keeps both codes when their class digits disagree', () => {
    assert.deepEqual(found('450 5.7.1'), { replyCode: '450', status: '5.7.1' });
  });

  it('accepts a well-formed status with an unknown subject', () => {
    assert.deepEqual(found('5.9.1'), { replyCode: null, status: '5.9.1' });
  });

  it('prefers a code after a marker to a number earlier in the text', () => {
    assert.deepEqual(found('We sent 250 messages today. The server said: 550 5.7.1 blocked'), {
      replyCode: '550',
      status: '5.7.1',
    });
  });
});

describe('parseCode: false hits', () => {
  const noCode = [
    'connection to 192.168.1.1 failed',
    'relay 10.5.1.1 refused us',
    'sent on 2026-11-28 at 17:50:49 +0000',
    'Date: Sat, 28 Nov 2026 17:50:49 +0000 (28.11.2026)',
    'running Postfix version 5.2.1 on the host',
    'Exchange v5.2.1 build',
    'connect to mail.example.com:443 timed out',
    'connect to smtp.example.com port 443: timed out',
    'user550@example.com and abc421def',
    'call 555-123-4567',
    'the invoice total was $450.00',
    'hello world',
  ];
  for (const text of noCode) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.equal(reason(text), 'no-code');
    });
  }

  it('does not take an IP address on its own for a status', () => {
    assert.equal(reason('192.168.1.1'), 'no-code');
  });

  it('ignores an IP address next to a real code', () => {
    assert.deepEqual(found('host 192.168.1.1 said: 550 5.1.1 no such user'), { replyCode: '550', status: '5.1.1' });
  });
});

describe('parseCode: failures', () => {
  it('says empty for nothing or only spaces', () => {
    assert.equal(reason(''), 'empty');
    assert.equal(reason('   \n\t '), 'empty');
  });

  for (const text of ['55', '6.1.1', '9999', '5.7.', '650', '5.01.1', '5.x.1']) {
    it(`calls ${JSON.stringify(text)} malformed`, () => {
      assert.equal(reason(text), 'malformed');
    });
  }

  it('says no-code for binary junk', () => {
    let junk = '';
    for (let i = 0; i < 2000; i++) junk += String.fromCharCode((i * 7919) % 32);
    assert.equal(reason(junk + ' 550 5.1.1 '), 'no-code');
  });

  it('only scans the first 100 KB of a huge paste and never throws', () => {
    const filler = 'x'.repeat(MAX_SCAN_CHARS);
    assert.equal(reason(`${filler} 550 5.1.1`), 'no-code');
    assert.deepEqual(found(`550 5.1.1 ${filler.repeat(20)}`), { replyCode: '550', status: '5.1.1' });
  });

  it('returns a message with every failure', () => {
    const outcome = parseCode('6.1.1');
    assert.ok(!outcome.ok && outcome.error.message.length > 0);
  });
});

describe('formatCode', () => {
  it('joins reply code and status with a dash', () => {
    assert.equal(formatCode(found('550 5.7.26')), '550-5.7.26');
    assert.equal(formatCode(found('smtp; 550 5 7 1')), '550-5.7.1');
    assert.equal(formatCode(found('5.7.X')), '5.7.x');
  });

  it('round-trips through parseCode', () => {
    for (const text of ['550', '5.1.1', '550-5.7.26', '4xx', '5.7.x', 'X.7.1']) {
      assert.equal(formatCode(found(text)), text);
    }
  });
});

describe('parseCode: cost', () => {
  // A paste can be one long line dense with codes; every candidate used to look back to the line's start.
  const time = (text: string) => {
    parseCode(text);
    const start = performance.now();
    for (let i = 0; i < 3; i++) parseCode(text);
    return (performance.now() - start) / 3;
  };

  it('grows linearly on a long line full of codes', () => {
    const small = time('550 5.1.1 '.repeat(1000));
    const large = time('550 5.1.1 '.repeat(10000));
    assert.ok(large < small * 10 * 3 + 50, `10 KB: ${small.toFixed(1)} ms, 100 KB: ${large.toFixed(1)} ms`);
  });
});
