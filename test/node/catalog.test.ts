import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog, getCause, lookupCode, type LookupResult } from '../../src/core/catalog.js';
import { fixture } from './fixtures/catalog.js';

const catalog = createCatalog(fixture);

function lookup(query: string): LookupResult {
  const found = lookupCode(catalog, query);
  assert.ok(found.ok, `expected an answer for ${query}, got ${JSON.stringify(found)}`);
  return found.value;
}

const ids = (r: LookupResult) => r.causes.map((c) => c.id);

describe('createCatalog and getCause', () => {
  it('indexes causes, codes and nodes by id', () => {
    assert.equal(getCause(catalog, 'greylisted')?.category, 'policyviolation');
    assert.equal(getCause(catalog, 'nope'), undefined);
    assert.equal(catalog.replyByCode.get('550')?.title, 'Mailbox unavailable');
    assert.equal(catalog.statusByCode.get('X.7.26')?.causes[0], 'auth-dmarc-failed');
    assert.equal(catalog.nodeById.get('enter-code')?.type, 'code-input');
  });
});

describe('lookupCode', () => {
  it('uses the exact status entry first', () => {
    const r = lookup('5.1.1');
    assert.equal(r.match, 'exact');
    assert.equal(r.title, 'Bad destination mailbox address');
    assert.equal(r.permanent, true);
    assert.deepEqual(ids(r), ['recipient-unknown']);
    assert.equal(r.ask, undefined);
  });

  it('uses the reply entry when there is no status', () => {
    const r = lookup('550');
    assert.equal(r.match, 'reply');
    assert.equal(r.title, 'Mailbox unavailable');
    assert.equal(r.ask, 'ask-550');
    assert.equal(r.query, '550');
  });

  it('lets a specific status code decide the causes alone for 550 + 5.7.26', () => {
    const r = lookup('550-5.7.26 Unauthenticated email is not accepted');
    assert.equal(r.query, '550-5.7.26');
    assert.equal(r.match, 'exact');
    assert.equal(r.title, 'Multiple authentication checks failed');
    // Not a missing mailbox, although 550 alone would rank that first.
    assert.deepEqual(ids(r), ['auth-dmarc-failed']);
    assert.equal(r.replyEntry?.code, '550');
    assert.equal(r.statusEntry?.code, 'X.7.26');
    assert.equal(r.ask, undefined, 'one cause needs no question');
    assert.deepEqual(ids(lookup('550 5.7.1')), ['sender-blocklisted', 'policy-rejected']);
    assert.equal(lookup('550 5.7.1').ask, 'ask-x7');
  });

  it('lets the reply code lead an "other" status (X.Y.0) and lists a shared cause once', () => {
    const r = lookup('550 5.7.0');
    assert.equal(r.match, 'reply');
    assert.equal(r.title, 'Mailbox unavailable');
    assert.deepEqual(ids(r), ['recipient-unknown', 'sender-blocklisted', 'policy-rejected']);
    assert.equal(r.ask, 'ask-550');
    assert.equal(r.statusEntry?.code, 'X.7.0');
  });

  it('takes temporary or permanent from the reply code when the classes disagree', () => {
    assert.equal(lookup('421 5.7.1').permanent, false);
    assert.equal(lookup('4.7.1').permanent, false);
    assert.equal(lookup('X.7.1').permanent, null);
    assert.equal(lookup('250').permanent, null);
  });

  it('falls back to the subject for an unknown detail', () => {
    const r = lookup('5.7.99');
    assert.equal(r.match, 'subject');
    assert.equal(r.title, 'Security or policy status');
    assert.deepEqual(ids(r), ['sender-blocklisted', 'policy-rejected']);
    assert.equal(r.ask, 'ask-x7');
    assert.equal(r.statusEntry, undefined);
  });

  it('falls back to the class for an unknown subject, reply code or wildcard', () => {
    for (const query of ['5.9.9', '559', '5xx', '5.x.x']) {
      const r = lookup(query);
      assert.equal(r.match, 'class', query);
      assert.equal(r.title, 'Permanent failure', query);
      assert.deepEqual(ids(r), ['recipient-unknown', 'policy-rejected'], query);
    }
    const temp = lookup('4xx');
    assert.equal(temp.permanent, false);
    assert.deepEqual(ids(temp), ['greylisted', 'server-unavailable']);
  });

  it('uses the subject for a subject wildcard', () => {
    assert.equal(lookup('5.7.x').match, 'subject');
  });

  it('keeps the reply entry when the status is unknown', () => {
    const r = lookup('550 5.9.9');
    assert.equal(r.match, 'reply');
    assert.deepEqual(ids(r), ['recipient-unknown', 'sender-blocklisted', 'policy-rejected']);
  });

  it('reports parse failures and codes with no known meaning', () => {
    const cases: [string, string][] = [['', 'empty'], ['hello', 'no-code'], ['6.1.1', 'malformed'], ['X.9.9', 'unknown-code']];
    for (const [query, reason] of cases) {
      const found = lookupCode(catalog, query);
      assert.ok(!found.ok && found.error.reason === reason, `${query}: ${JSON.stringify(found)}`);
    }
  });
});

describe('the built-in catalog (data/*.json)', () => {
  it('resolves every code entry to its own meaning and exactly the causes it names', async () => {
    const { builtinCatalog } = await import('../../src/core/builtin-catalog.js');
    const { replyCodes, statusCodes } = builtinCatalog.data.codes;
    for (const entry of [...replyCodes, ...statusCodes]) {
      const found = lookupCode(builtinCatalog, entry.code.replace(/^X/, '5'));
      assert.ok(found.ok, `${entry.code}: ${JSON.stringify(found)}`);
      assert.equal(found.value.match, entry.code.startsWith('X') ? 'exact' : 'reply', entry.code);
      assert.equal(found.value.title, entry.title, entry.code);
      if (entry.causes.length) assert.deepEqual(ids(found.value), [...new Set(entry.causes)], entry.code);
      if (entry.ask) assert.ok(builtinCatalog.nodeById.has(entry.ask), `${entry.code} asks missing node ${entry.ask}`);
    }
  });

  it('puts the DMARC causes before the mailbox causes for 550 5.7.26', async () => {
    const { builtinCatalog } = await import('../../src/core/builtin-catalog.js');
    const found = lookupCode(builtinCatalog, "Remote server returned '550 5.7.26 Unauthenticated email'");
    assert.ok(found.ok);
    const ranked = ids(found.value);
    assert.equal(ranked[0], 'auth-dmarc-failed');
    assert.ok(!ranked.includes('recipient-unknown'));
    assert.equal(found.value.replyEntry?.code, '550');
    assert.equal(found.value.statusEntry?.code, 'X.7.26');
  });
});
