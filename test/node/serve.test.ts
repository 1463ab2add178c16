import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';

describe('scripts/serve.mjs', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => (server = await startServer({ port: 0 })));
  after(() => server.close());

  it('serves the strict-CSP demo with its policy, and other pages without one', async () => {
    const csp = await fetch(new URL('demo/csp.html', server.url));
    assert.equal(csp.status, 200);
    const policy = csp.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self';/);
    assert.match(policy, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(policy, /unsafe/);
    await csp.arrayBuffer();
    const plain = await fetch(new URL('demo/index.html', server.url));
    assert.equal(plain.headers.get('content-security-policy'), null);
    await plain.arrayBuffer();
  });
});
