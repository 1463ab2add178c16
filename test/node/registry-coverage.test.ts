// Every code of the public registries resolves to a complete entry, in the core and through the CLI.
// The code lists come from test/fixtures/registry-codes.json (ids only), so this runs without ../shared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import registry from '../fixtures/registry-codes.json';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { lookupCode, type LookupResult } from '../../src/core/catalog.js';
import { run } from '../../src/cli/main.js';

function resolve(query: string): LookupResult {
  const found = lookupCode(builtinCatalog, query);
  assert.ok(found.ok, `${query}: ${found.ok ? '' : found.error.message}`);
  return found.value;
}

function assertComplete(query: string, r: LookupResult) {
  assert.ok(r.title.trim().length > 0, `${query}: no title`);
  assert.ok(r.summary.trim().length > 0, `${query}: no summary`);
  for (const cause of r.causes) {
    assert.ok(cause.fixes.length > 0 && cause.why.length > 0, `${query}: cause ${cause.id} is incomplete`);
  }
}

describe('registry coverage', () => {
  it('knows every enhanced status code of the IANA registry in each class that occurs', () => {
    assert.equal(registry.enhancedStatusCodes.length, 81);
    for (const code of registry.enhancedStatusCodes) {
      for (const klass of ['2', '4', '5']) {
        const query = code.replace(/^X/, klass);
        const r = resolve(query);
        assert.equal(r.match, 'exact', `${query} resolved only to its ${r.match}`);
        assert.equal(r.statusEntry?.code, code);
        // The class digit received decides: 4 temporary, 5 permanent, 2 not a failure.
        assert.equal(r.permanent, klass === '5' ? true : klass === '4' ? false : null, query);
        assertComplete(query, r);
        if (klass !== '2') assert.ok(r.causes.length > 0, `${query}: no cause to offer`);
      }
    }
  });

  it('knows every SMTP reply code, and offers causes for every failure code', () => {
    assert.equal(registry.replyCodes.length, 40);
    for (const code of registry.replyCodes) {
      const r = resolve(code);
      assert.equal(r.match, 'reply', code);
      assertComplete(code, r);
      if (code.startsWith('4') || code.startsWith('5')) assert.ok(r.causes.length > 0, `${code}: no cause to offer`);
    }
  });

  it('explains every reply code and every 5.x.x status code through the CLI as one JSON object', async () => {
    for (const query of [...registry.replyCodes, ...registry.enhancedStatusCodes.map((c) => c.replace(/^X/, '5'))]) {
      let stdout = '';
      let stderr = '';
      const exit = await run(['explain', query, '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      assert.equal(exit, 0, `${query}: ${stderr}`);
      const out = JSON.parse(stdout);
      for (const key of ['query', 'replyCode', 'status', 'title', 'summary', 'permanent', 'causes']) assert.ok(key in out, `${query}: ${key}`);
      assert.ok(out.title && out.summary, query);
    }
  });
});
