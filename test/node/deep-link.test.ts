import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../src/core/catalog.js';
import { decodePath, encodePath, readDeepLink, restorePath, writeDeepLink } from '../../src/core/deep-link.js';
import { replay, startState, type WizardState } from '../../src/core/wizard.js';
import { fixture } from './fixtures/catalog.js';

const catalog = createCatalog(fixture);

function reached(origin: string, ...inputs: string[]): WizardState {
  const s = startState(catalog, origin);
  assert.ok(s.ok);
  const r = replay(catalog, s.value, inputs);
  assert.equal(r.error, undefined);
  return r.state;
}

function decodeFailure(value: string): string {
  const r = decodePath(value);
  assert.ok(!r.ok, `expected ${JSON.stringify(value.slice(0, 40))} to be refused`);
  return r.error.reason;
}

describe('encodePath and decodePath', () => {
  it('writes origin and inputs, each part encoded', () => {
    assert.equal(encodePath(reached('550', 'ask', 'policy')), '550/ask/policy');
    assert.equal(encodePath(reached('start', 'has-code', 'smtp; 550 5.7.26 no')), 'start/has-code/550-5.7.26');
    assert.equal(encodePath(reached('cause:greylisted')), 'cause%3Agreylisted');
  });

  it('decodes what it encodes', () => {
    for (const state of [reached('start', 'no-code', 'at-once', 'policy', 'local'), reached('cause:greylisted'), reached('X.7.1')]) {
      assert.deepEqual(decodePath(encodePath(state)), { ok: true, value: [state.origin, ...state.inputs] });
    }
  });

  it('accepts raw colons and an encoded slash', () => {
    assert.deepEqual(decodePath('cause:greylisted'), { ok: true, value: ['cause:greylisted'] });
    assert.deepEqual(decodePath('550%2Fask'), { ok: true, value: ['550', 'ask'] });
  });

  it('refuses hostile values', () => {
    assert.equal(decodeFailure('<script>alert(1)</script>'), 'bad-segment');
    assert.equal(decodeFailure('%3Cscript%3E'), 'bad-segment');
    assert.equal(decodeFailure('start%00'), 'bad-segment');
    assert.equal(decodeFailure('%E0%A4%A'), 'bad-segment');
    assert.equal(decodeFailure('start/%'), 'bad-segment');
    assert.equal(decodeFailure('caf%C3%A9'), 'bad-segment');
    assert.equal(decodeFailure('start//has-code'), 'bad-segment');
    assert.equal(decodeFailure('a'.repeat(65)), 'bad-segment');
    assert.equal(decodeFailure('x'.repeat(10 * 1024)), 'too-long');
    assert.equal(decodeFailure(Array(40).fill('a').join('/')), 'too-many-segments');
  });
});

describe('restorePath', () => {
  it('rebuilds the state a link points to', () => {
    const r = restorePath(catalog, '550/ask/policy');
    assert.equal(r.error, undefined);
    assert.deepEqual(r.state?.inputs, ['ask', 'policy']);
    assert.equal(r.state?.steps.at(-1)?.kind, 'node');
  });

  it('round-trips every kind of state', () => {
    for (const state of [reached('start', 'has-code', '550 5.7.0', 'ask', 'blocked'), reached('cause:greylisted'), reached('start', 'has-code', 'skip')]) {
      const r = restorePath(catalog, encodePath(state));
      assert.equal(r.error, undefined);
      assert.deepEqual(r.state, state);
    }
  });

  it('stops at the first part that does not fit', () => {
    const r = restorePath(catalog, 'start/no-code/nope/at-once');
    assert.equal(r.error?.reason, 'unknown-option');
    assert.deepEqual(r.state?.inputs, ['no-code']);
  });

  it('falls back to the start with an error for a bad origin or a bad value', () => {
    for (const [value, reason] of [['../etc', 'no-code'], ['..', 'no-code'], ['%3Cscript%3E', 'bad-segment'], ['cause:nope', 'unknown-cause']]) {
      const r = restorePath(catalog, value);
      assert.equal(r.error?.reason, reason, value);
      assert.deepEqual(r.state?.inputs, [], value);
      assert.equal(r.state?.origin, 'start', value);
    }
  });
});

describe('readDeepLink', () => {
  it('reads from the query or the hash', () => {
    assert.deepEqual(readDeepLink('https://h.example/help?bounce=550/ask'), { value: '550/ask', where: 'search' });
    assert.deepEqual(readDeepLink('https://h.example/help?a=1&bounce=550&b=2#top'), { value: '550', where: 'search' });
    assert.deepEqual(readDeepLink('https://h.example/help#bounce=550'), { value: '550', where: 'hash' });
    assert.deepEqual(readDeepLink('https://h.example/#/faq?x=1&bounce=cause%3Agreylisted'), { value: 'cause%3Agreylisted', where: 'hash' });
    assert.deepEqual(readDeepLink('https://h.example/help?nobounce=1#top'), { value: null, where: null });
    assert.deepEqual(readDeepLink('not a url'), { value: null, where: null });
  });

  it('prefers the query when both hold a value', () => {
    assert.deepEqual(readDeepLink('/p?bounce=550#bounce=421'), { value: '550', where: 'search' });
  });
});

describe('writeDeepLink', () => {
  it('sets the value in the query and keeps everything else', () => {
    assert.equal(writeDeepLink('https://h.example/p?a=b%20c&z=1#frag', '550/ask', 'search'), 'https://h.example/p?a=b%20c&z=1&bounce=550/ask#frag');
    assert.equal(writeDeepLink('https://h.example/p', '550', 'search'), 'https://h.example/p?bounce=550');
    assert.equal(writeDeepLink('https://h.example/p?a=1&bounce=421&b=2', '550', 'search'), 'https://h.example/p?a=1&bounce=550&b=2');
  });

  it('sets the value in the hash and keeps the rest of it', () => {
    assert.equal(writeDeepLink('https://h.example/p?q=1', '550', 'hash'), 'https://h.example/p?q=1#bounce=550');
    assert.equal(writeDeepLink('https://h.example/p#bounce=421', '550', 'hash'), 'https://h.example/p#bounce=550');
    assert.equal(writeDeepLink('https://h.example/p#/faq?x=1', '550', 'hash'), 'https://h.example/p#/faq?x=1&bounce=550');
    assert.equal(writeDeepLink('https://h.example/p?bounce=421#x', '550', 'hash'), 'https://h.example/p?bounce=421#x&bounce=550');
  });

  it('removes only the parameter', () => {
    assert.equal(writeDeepLink('https://h.example/p?bounce=550', null, 'search'), 'https://h.example/p');
    assert.equal(writeDeepLink('https://h.example/p?bounce=550&a=1#f', null, 'search'), 'https://h.example/p?a=1#f');
    assert.equal(writeDeepLink('https://h.example/p?a=1&bounce=550&b=2', null, 'search'), 'https://h.example/p?a=1&b=2');
    assert.equal(writeDeepLink('https://h.example/p?a=1&bounce=550', null, 'search'), 'https://h.example/p?a=1');
    assert.equal(writeDeepLink('https://h.example/p#/faq?bounce=550', null, 'hash'), 'https://h.example/p#/faq');
    assert.equal(writeDeepLink('https://h.example/p#bounce=550', null, 'hash'), 'https://h.example/p');
    assert.equal(writeDeepLink('https://h.example/p?', null, 'search'), 'https://h.example/p?');
  });

  it('encodes characters that would break out of the parameter', () => {
    const url = writeDeepLink('https://h.example/p?a=1#f', '550&evil=1#x<y>', 'search');
    assert.equal(url, 'https://h.example/p?a=1&bounce=550%26evil%3D1%23x%3Cy%3E#f');
    assert.deepEqual(readDeepLink(url), { value: '550%26evil%3D1%23x%3Cy%3E', where: 'search' });
  });

  it('round-trips an encoded path through a URL', () => {
    const state = reached('start', 'has-code', '550 5.7.0', 'ask', 'policy');
    const url = writeDeepLink('https://h.example/help?lang=fr#main', encodePath(state), 'hash');
    const read = readDeepLink(url);
    assert.equal(read.where, 'hash');
    assert.deepEqual(restorePath(catalog, read.value ?? '').state, state);
  });

  it('handles unicode in the rest of the URL', () => {
    assert.equal(writeDeepLink('https://h.example/café?q=ü#ñ', '550', 'search'), 'https://h.example/café?q=ü&bounce=550#ñ');
  });
});

describe('deep links into the built-in catalog', () => {
  it('opens the documented examples', async () => {
    const { builtinCatalog } = await import('../../src/core/builtin-catalog.js');
    const cases: [string, string][] = [
      ['550', 'code'],
      ['550/ask/spam', 'node'],
      ['start/has-code/550-5.7.26', 'code'],
      ['cause:recipient-unknown', 'diagnosis'],
    ];
    for (const [value, kind] of cases) {
      const r = restorePath(builtinCatalog, value);
      assert.equal(r.error, undefined, value);
      assert.ok(r.state);
      assert.equal(r.state.steps.at(-1)?.kind, kind, value);
      assert.equal(encodePath(r.state), value.replace(':', '%3A'), 'canonical links encode to themselves');
    }
  });
});
