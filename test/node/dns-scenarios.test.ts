/**
 * The "Check my domain" scenarios of test/dns/scenarios.json (the same zones the browser tests serve),
 * run through `check-domain --json`, and the narrowing of a code's causes by what they find.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../src/cli/main.js';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { lookupCode } from '../../src/core/catalog.js';
import { checkDomain } from '../../src/core/dns/check-domain.js';
import { CAUSE, type Finding } from '../../src/core/dns/findings.js';
import { narrowCauses } from '../../src/core/dns/narrow.js';
import { concernsSenderSetup } from '../../src/core/dns/scope.js';
import scenarioData from '../dns/scenarios.json';
import type { Zone } from '../dns/doh-zone.mjs';
import { startDohServer } from './helpers/doh-server.js';

interface Scenario {
  zone: Zone;
  expect: [Finding['severity'], string][];
}
const { domain, selector, ip } = scenarioData;
const scenarios = scenarioData.scenarios as unknown as Record<string, Scenario>;

async function withScenario<T>(name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const server = await startDohServer(scenarios[name].zone);
  try {
    return await fn(server.url);
  } finally {
    await server.close();
  }
}

async function cliJson(resolver: string): Promise<{ code: number; out: { findings: Finding[] } }> {
  let stdout = '';
  const code = await run(['check-domain', domain, '--selector', selector, '--ip', ip, '--resolver', resolver, '--json'], {
    stdout: (t) => (stdout += t),
    stderr: () => {},
  });
  return { code, out: JSON.parse(stdout) };
}

function assertExpected(findings: Finding[], expected: Scenario['expect']) {
  for (const [severity, title] of expected) {
    assert.ok(findings.some((f) => f.severity === severity && f.title.startsWith(title)),
      `[${severity}] ${title}\n  not in ${findings.map((f) => `[${f.severity}] ${f.title}`).join('\n    ')}`);
  }
}

async function findingsOf(name: string): Promise<Finding[]> {
  // Only the slow resolver needs a short bound; the others answer at once, however busy the machine.
  const r = await withScenario(name, (resolver) => checkDomain({ domain, selector, ip, resolver, totalTimeoutMs: name === 'slow' ? 500 : undefined }));
  assert.ok(r.ok);
  return r.value.findings;
}

describe('check-domain --json on the shared scenarios', () => {
  for (const name of Object.keys(scenarios).filter((n) => n !== 'slow')) {
    it(name, async () => {
      const { code, out } = await withScenario(name, cliJson);
      assertExpected(out.findings, scenarios[name].expect);
      for (const f of out.findings) assert.deepEqual(Object.keys(f).sort(), ['causeId', 'check', 'detail', 'severity', 'title']);
      assert.equal(code, name === 'broken' ? 1 : 0);
      if (name === 'good') assert.ok(out.findings.every((f) => f.severity === 'ok' || f.severity === 'info'));
    });
  }

  it('slow: the resolver finding comes within the total time bound', async () => {
    assertExpected(await findingsOf('slow'), scenarios.slow.expect);
  });
});

const causesAt = (code: string) => {
  const found = lookupCode(builtinCatalog, code);
  assert.ok(found.ok);
  return found.value.causes;
};

describe('narrowCauses', () => {
  it('550 5.7.26, DMARC p=reject and no SPF record: the SPF cause comes first', async () => {
    const findings = await findingsOf('missing-spf');
    assert.ok(findings.some((f) => f.title === 'DMARC p=reject'));
    const before = causesAt('550 5.7.26').map((c) => c.id);
    assert.notEqual(before[0], CAUSE.spf, 'the catalog alone puts another cause first');
    const { causes, raised } = narrowCauses(causesAt('550 5.7.26'), findings);
    assert.equal(causes[0].id, CAUSE.spf);
    assert.deepEqual(raised, [CAUSE.spf]);
    assert.deepEqual([...causes.map((c) => c.id)].sort(), [...before].sort(), 'the same causes, reordered');
  });

  it('550 5.7.26, DMARC p=reject and an SPF record that does not cover the sending IP: the SPF cause comes first', async () => {
    const findings = await findingsOf('spf-not-covering-ip');
    assert.ok(findings.some((f) => f.title === 'DMARC p=reject'));
    // The record itself is sound: only the finding about the sending IP points to SPF.
    const spfProblems = findings.filter((f) => f.causeId === CAUSE.spf && f.severity !== 'ok');
    assert.deepEqual(spfProblems.map((f) => f.title), [`The SPF record of example.com does not authorise ${ip}: SPF fail`]);
    assert.match(spfProblems[0].detail, /include:/);
    const { causes, raised } = narrowCauses(causesAt('550 5.7.26'), findings);
    assert.notEqual(causesAt('550 5.7.26')[0].id, CAUSE.spf, 'the catalog alone puts another cause first');
    assert.equal(causes[0].id, CAUSE.spf);
    assert.deepEqual(raised, [CAUSE.spf]);
  });

  it('an SPF record that authorises the sending IP through nested includes names them and moves nothing', async () => {
    const findings = await findingsOf('spf-pass-include');
    const authorised = findings.find((f) => f.title.startsWith(`The SPF record of example.com authorises ${ip}`));
    assert.equal(authorised?.severity, 'ok');
    assert.match(authorised!.title, /include:_spf\.mailer\.example → include:_spf2\.mailer\.example → ip4:192\.0\.2\.0\/24/);
    assert.deepEqual(narrowCauses(causesAt('550 5.7.26'), findings).raised, []);
  });

  it('without a sending IP, the SPF record is not judged against one', async () => {
    const r = await withScenario('spf-not-covering-ip', (resolver) => checkDomain({ domain, selector, resolver }));
    assert.ok(r.ok);
    assert.ok(!r.value.findings.some((f) => /authorise/.test(f.title)));
  });

  for (const [scenario, code, first] of [
    ['spf-over-limit', '550', CAUSE.spf],
    ['revoked-dkim', '550 5.7.26', CAUSE.dkim],
    ['listed-ip', '554 5.7.1', CAUSE.blocklisted],
  ] as const) {
    it(`${scenario} at ${code}: ${first} first`, async () => {
      assert.equal(narrowCauses(causesAt(code), await findingsOf(scenario)).causes[0].id, first);
    });
  }

  it('a good setup leaves the order as it was', async () => {
    const r = narrowCauses(causesAt('550'), await findingsOf('good'));
    assert.deepEqual(r.causes, causesAt('550'));
    assert.deepEqual(r.raised, []);
  });

  it('puts errors before warnings, ignores fine findings and notes, and keeps the order otherwise', () => {
    const causes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const r = narrowCauses(causes, [
      { severity: 'ok', causeId: 'a' },
      { severity: 'warning', causeId: 'd' },
      { severity: 'info', causeId: 'b' },
      { severity: 'error', causeId: 'c' },
      { severity: 'warning', causeId: 'c' },
      { severity: 'error', causeId: 'not-listed' },
      { severity: 'error' },
    ]);
    assert.deepEqual(r.causes.map((c) => c.id), ['c', 'd', 'a', 'b']);
    assert.deepEqual(r.raised, ['c', 'd']);
  });

  it('every sender-side cause a finding links to is one the check is offered for', () => {
    for (const id of [CAUSE.spf, CAUSE.dkim, CAUSE.dmarc, CAUSE.noPtr, CAUSE.blocklisted]) {
      assert.ok(concernsSenderSetup(builtinCatalog.causeById.get(id)!), id);
    }
    assert.ok(!concernsSenderSetup(builtinCatalog.causeById.get('recipient-unknown')!));
  });
});
