import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { lookupCode } from '../../src/core/catalog.js';
import { mergeCatalog, validateOverlay, type CatalogOverlay } from '../../src/core/catalog-overlay.js';

const someCause = builtinCatalog.data.causes.causes[0];

const ownCode: CatalogOverlay = {
  codes: { replyCodes: [{ code: '559', title: 'Acme relay refused', summary: 'Our relay turned the message away.', causes: [someCause.id] }] },
};

function merged(json: unknown) {
  const checked = validateOverlay(json);
  assert.ok(checked.ok, checked.ok ? '' : checked.error.message);
  return mergeCatalog(builtinCatalog, checked.value);
}

function invalid(json: unknown): string {
  const checked = validateOverlay(json);
  if (checked.ok) {
    const result = mergeCatalog(builtinCatalog, checked.value);
    assert.equal(result.ok, false, 'expected the overlay to be refused');
    return result.ok ? '' : result.error.message;
  }
  assert.equal(checked.error.reason, 'invalid-catalog');
  return checked.error.message;
}

describe('validateOverlay', () => {
  it('accepts an empty overlay and the built-in data itself', () => {
    assert.ok(validateOverlay({}).ok);
    assert.ok(validateOverlay(builtinCatalog.data).ok);
  });

  it('names the first misfit by its path', () => {
    assert.match(invalid({ codes: { replyCodes: [{ code: '5500', title: 'x', summary: 'y', causes: [] }] } }), /catalog\.codes\.replyCodes\[0\]\.code: expected a reply code/);
    assert.match(invalid({ causes: { causes: [{ ...someCause, fixes: [] }] } }), /causes\.causes\[0\]\.fixes: expected a list of at least 1/);
    assert.match(invalid({ causes: { causes: [{ ...someCause, retry: 'later' }] } }), /retry: expected one of/);
    assert.match(invalid({ codes: { replyCodes: [{ ...ownCode.codes!.replyCodes![0], colour: 'red' }] } }), /colour: expected no such field/);
    assert.match(invalid({ providers: { providers: [{ id: 'acme', name: 'Acme', hosts: [], postmaster: 'javascript:alert(1)' }] } }), /postmaster: expected an https:\/\/ link/);
  });

  it('refuses what is not an object at all', () => {
    for (const json of [null, [], 'codes', 42]) assert.match(invalid(json), /^catalog: expected an object/);
  });
});

describe('mergeCatalog', () => {
  it('adds a new code that lookups then find, leaving the built-in ones in place', () => {
    const result = merged(ownCode);
    assert.ok(result.ok);
    const found = lookupCode(result.value, '559');
    assert.ok(found.ok);
    assert.equal(found.value.title, 'Acme relay refused');
    assert.equal(result.value.data.codes.replyCodes.length, builtinCatalog.data.codes.replyCodes.length + 1);
    assert.ok(lookupCode(result.value, '550').ok);
  });

  it('replaces an entry with the same key in place, and a cause everywhere it is used', () => {
    const original = builtinCatalog.data.codes.replyCodes.find((e) => e.code === '550')!;
    const result = merged({
      codes: { replyCodes: [{ ...original, title: 'Refused by Acme' }] },
      causes: { causes: [{ ...someCause, title: 'Acme says so' }] },
    });
    assert.ok(result.ok);
    const found = lookupCode(result.value, '550');
    assert.ok(found.ok);
    assert.equal(found.value.title, 'Refused by Acme');
    assert.equal(result.value.data.codes.replyCodes.length, builtinCatalog.data.codes.replyCodes.length);
    assert.equal(result.value.causeById.get(someCause.id)!.title, 'Acme says so');
    // The base catalog is untouched.
    assert.equal(builtinCatalog.causeById.get(someCause.id)!.title, someCause.title);
  });

  it('refuses an overlay that points to a cause, question or provider nobody defines', () => {
    assert.match(invalid({ codes: { replyCodes: [{ ...ownCode.codes!.replyCodes![0], causes: ['no-such-cause'] }] } }), /code 559 names the unknown cause "no-such-cause"/);
    assert.match(invalid({ codes: { replyCodes: [{ ...ownCode.codes!.replyCodes![0], ask: 'no-such-node' }] } }), /asks the unknown question "no-such-node"/);
    assert.match(invalid({ wizard: { start: 'nowhere' } }), /starts at the unknown node "nowhere"/);
    assert.match(
      invalid({ providers: { codes: [{ id: 'ghost-1', provider: 'ghost', token: 'GH1', title: 't', summary: 's', causes: [], refs: [] }] } }),
      /names the unknown provider "ghost"/,
    );
  });
});
