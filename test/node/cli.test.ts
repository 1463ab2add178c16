import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function explainJson(...argv: string[]): Promise<Record<string, unknown> & { causes: Record<string, unknown>[] }> {
  const r = await cli('explain', ...argv, '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim().split('\n').length, 1, 'exactly one JSON line');
  return JSON.parse(r.stdout);
}

describe('bounce-wizard explain --json', () => {
  it('keeps the documented keys', async () => {
    const out = await explainJson('550');
    for (const key of ['query', 'replyCode', 'status', 'title', 'summary', 'permanent', 'causes']) assert.ok(key in out, key);
    assert.equal(out.query, '550');
    assert.equal(out.replyCode, '550');
    assert.equal(out.status, null);
    assert.equal(out.permanent, true);
    assert.ok(out.causes.length > 1);
    for (const cause of out.causes) {
      for (const key of ['id', 'category', 'title', 'why', 'fixes', 'whoActs']) assert.ok(key in cause, `cause.${key}`);
      assert.ok(Array.isArray(cause.fixes) && cause.fixes.length > 0);
    }
  });

  it('ranks DMARC first for 550 5.7.26, given as one or two arguments', async () => {
    for (const args of [['550 5.7.26'], ['550', '5.7.26'], ['550-5.7.26 Unauthenticated email from example.com is not accepted']]) {
      const out = await explainJson(...args);
      assert.equal(out.status, '5.7.26');
      assert.equal(out.causes[0].id, 'auth-dmarc-failed', args.join(' '));
    }
  });

  it('answers an unknown but well-formed code with its class meaning', async () => {
    const out = await explainJson('5.9.9');
    assert.equal(out.match, 'class');
    assert.equal(out.permanent, true);
    assert.equal((await explainJson('4xx')).permanent, false);
  });
});

describe('bounce-wizard explain (text)', () => {
  it('prints the meaning, permanence and numbered fixes', async () => {
    const r = await cli('explain', '550', '5.1.1');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^550-5\.1\.1: /);
    assert.match(r.stdout, /Permanent failure/);
    assert.match(r.stdout, /^1\. .+\[recipient-unknown\]$/m);
    assert.match(r.stdout, /^ {5}1\. /m);
    assert.match(r.stdout, /Who acts: /);
    assert.match(r.stdout, /^ {2}550: /m, 'both meanings are shown');
  });

  it('says temporary for a 4xx code', async () => {
    assert.match((await cli('explain', '421')).stdout, /Temporary failure/);
  });
});

describe('bounce-wizard errors and help', () => {
  for (const args of [['explain', '6.1.1'], ['explain', 'hello'], ['explain'], ['explain', '   '], ['explain', '550', '--bogus'], ['nope'], []]) {
    it(`exits 2 with a message on stderr for ${JSON.stringify(args)}`, async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.trim().length > 0);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('prints help on stdout', async () => {
    const top = await cli('--help');
    assert.equal(top.code, 0);
    assert.match(top.stdout, /explain/);
    const sub = await cli('explain', '--help');
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /--json/);
  });
});

describe('the CLI as a process', () => {
  const spawn = (file: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: root, encoding: 'utf8' });

  it('writes JSON on stdout and exits 0', () => {
    const r = spawn('src/cli/main.ts', 'explain', '550', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).replyCode, '550');
  });

  it('exits 2 with stderr for a malformed code', () => {
    const r = spawn('src/cli/main.ts', 'explain', '9999');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /9999/);
  });

  it('bin asks for a build when dist/cli.js is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      copyFileSync(join(root, 'bin/bounce-wizard.js'), join(dir, 'bin/bounce-wizard.js'));
      const r = spawnSync(process.execPath, [join(dir, 'bin/bounce-wizard.js'), 'explain', '550'], { encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /npm run build/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
