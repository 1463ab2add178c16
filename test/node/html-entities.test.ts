import { test } from 'node:test';
import assert from 'node:assert/strict';
import smallTable from '../../src/core/diagnose/html-entities.js';

// postal-mime does not export its table; it sits beside the module its package resolves to.
const { default: fullTable } = (await import(new URL('html-entities.js', import.meta.resolve('postal-mime')).href)) as {
  default: Record<string, string>;
};

// The build swaps postal-mime's full table for the small one: every name it keeps must decode the same.
test('every entity in the small table decodes as postal-mime\'s full table does', () => {
  const entries = Object.entries(smallTable);
  assert.ok(entries.length > 200, `only ${entries.length} names`);
  for (const [name, char] of entries) assert.equal(char, fullTable[name], name);
});

test('the small table keeps markup, Latin-1 letters and typographic punctuation', () => {
  for (const name of ['&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&eacute;', '&Ntilde;', '&yuml;', '&rsquo;', '&hellip;', '&euro;', '&amp'])
    assert.ok(name in smallTable, name);
  assert.equal(smallTable['&eacute;'], 'é');
  assert.equal(smallTable['&yuml;'], 'ÿ');
});
