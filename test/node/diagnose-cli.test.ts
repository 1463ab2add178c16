import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import { runDiagnose } from '../../src/cli/commands/diagnose.js';

const dir = fileURLToPath(new URL('./fixtures/bounces/', import.meta.url));

async function cli(argv: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const code = stdin === undefined ? await run(['diagnose', ...argv], io) : await runDiagnose(argv, io, async () => stdin);
  return { code, stdout, stderr };
}

const KEYS = ['file', 'isBounce', 'replyCode', 'status', 'category', 'causeId', 'confidence', 'recipients', 'evidence'];

describe('bounce-wizard diagnose --json', () => {
  it('prints one line per file, in input order, with the contract keys', async () => {
    const files = ['qmail.txt', 'vacation.eml', 'multi-recipient.eml'].map((f) => dir + f);
    const r = await cli(['--json', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.file), files);
    // The keys, in its order, first; fields added later come after them.
    for (const l of lines) assert.deepEqual(Object.keys(l).slice(0, KEYS.length), KEYS);
    assert.deepEqual([lines[0].replyCode, lines[0].status, lines[0].category], ['550', '5.1.1', 'userunknown']);
    assert.deepEqual([lines[1].isBounce, lines[1].category, lines[1].replyCode, lines[1].status], [false, 'vacation', null, null]);
    assert.deepEqual(lines[2].recipients, [
      { address: 'yvonne@example.com', status: '5.1.1', replyCode: '550', category: 'userunknown' },
      { address: 'zoe@example.net', status: '5.2.2', replyCode: '552', category: 'mailboxfull' },
    ]);
  });

  it('reads standard input when no file is given; file is null', async () => {
    const r = await cli(['--json'], '421 4.7.28 Our system has detected an unusual rate of mail; you are being rate limited');
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.file, out.replyCode, out.status, out.category], [null, '421', '4.7.28', 'speeding']);
  });

  it('reports an unreadable file on its own line, goes on, and exits 1', async () => {
    const r = await cli(['--json', dir + 'no-such-file.eml', dir + 'exim.txt']);
    assert.equal(r.code, 1);
    const [missing, exim] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(missing.file, dir + 'no-such-file.eml');
    assert.match(missing.error, /no such file/);
    assert.equal(exim.category, 'blocked');
  });

  it('a directory is an unreadable file too', async () => {
    const r = await cli(['--json', dir]);
    assert.equal(r.code, 1);
    assert.ok(JSON.parse(r.stdout).error);
  });
});

describe('bounce-wizard diagnose (text)', () => {
  it('explains the bounce: category, cause, code, recipients, evidence and fix steps', async () => {
    const r = await cli([dir + 'postfix.eml']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Why it bounced: .+ \(mailboxfull/);
    assert.match(r.stdout, /Most likely cause: .+ \[recipient-mailbox-full\]/);
    assert.match(r.stdout, /Code: 552 5\.2\.2/);
    assert.match(r.stdout, /dave@example\.net: 552 5\.2\.2/);
    assert.match(r.stdout, /Evidence:\n {2}> .*Mailbox full/);
    assert.match(r.stdout, /What to do:\n {2}1\. /);
  });

  it('names the server that answered and the blocklists the bounce cites', async () => {
    const r = await cli([dir + 'exim.txt']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Receiving server: mx\.example\.com$/m);
    assert.match(r.stdout, /^Blocklists named: zen\.spamhaus\.org$/m);
    const json = JSON.parse((await cli(['--json', dir + 'exim.txt'])).stdout);
    assert.deepEqual([json.remoteMta, json.blocklists, json.ips.includes('203.0.113.5')], ['mx.example.com', ['zen.spamhaus.org'], true]);
  });

  it('says plainly when the text is not a bounce', async () => {
    const r = await cli([], 'see you tomorrow');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /No bounce found/);
  });

  it('says a delay warning has not bounced yet, in words and in --json', async () => {
    const text = await cli([dir + 'gmail-delay.eml']);
    assert.match(text.stdout, /^Not bounced yet: the sending server is still trying/);
    assert.match(text.stdout, /\[delivery-delayed\]/);
    const json = JSON.parse((await cli(['--json', dir + 'gmail-delay.eml'])).stdout);
    assert.equal(json.stillTrying, true);
  });

  it('heads each file when several are given, and sends read errors to stderr', async () => {
    const r = await cli([dir + 'arf.eml', dir + 'missing.txt']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`== ${dir}arf\\.eml\\nNot a bounce`));
    assert.match(r.stderr, /cannot read .*missing\.txt: no such file/);
  });

  it('answers --help and refuses unknown options', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: bounce-wizard diagnose/);
    const bad = await cli(['--nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown option/);
  });
});
