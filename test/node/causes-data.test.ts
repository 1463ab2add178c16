import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import causesData from '../../data/causes.json';
import causesSchema from '../../data/causes.schema.json';
import categoriesData from '../../data/categories.json';
import categoriesSchema from '../../data/categories.schema.json';

const causes = causesData.causes;

/** Compiles a schema with ajv in strict mode, so a typo in a schema keyword fails the test too. */
function validatorFor(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

function assertValid(schema: object, data: unknown): void {
  const validate = validatorFor(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
}

/** Sentences end in . ! or ? followed by whitespace or the end; dots inside words (".com") do not count. */
function sentenceCount(text: string): number {
  return text.trim().split(/(?<=[.!?])\s+(?=\S)/).length;
}

describe('data/causes.json', () => {
  it('matches its schema', () => {
    assertValid(causesSchema, causesData);
  });

  it('has a schema that rejects what the Cause type forbids', () => {
    const validate = validatorFor(causesSchema);
    const good = causes[0];
    const broken: Record<string, unknown>[] = [
      { ...good, extra: true },
      { ...good, id: 'Not_Kebab' },
      { ...good, category: 'nosuchcategory' },
      { ...good, whoActs: 'nobody' },
      { ...good, retry: 'maybe' },
      { ...good, fixes: [] },
      { ...good, title: 'x'.repeat(61) },
      { ...good, refs: [{ label: 'plain http', href: 'http://example.com/' }] },
    ];
    for (const cause of broken) {
      assert.equal(validate({ causes: [cause] }), false, `accepted ${JSON.stringify(cause).slice(0, 120)}`);
    }
    const { summary: _omitted, ...withoutSummary } = good;
    assert.equal(validate({ causes: [withoutSummary] }), false, 'accepted a cause without a summary');
  });

  it('has unique ids', () => {
    const ids = causes.map((c) => c.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('contains every v1 cause id that codes and the wizard rely on', () => {
    const v1 = [
      'recipient-unknown', 'recipient-domain-unknown', 'recipient-address-invalid', 'recipient-mailbox-disabled',
      'recipient-mailbox-full', 'recipient-not-accepting-mail', 'recipient-moved', 'recipient-filter',
      'sender-blocklisted', 'sender-reputation', 'auth-dmarc-failed', 'auth-spf-failed', 'auth-dkim-failed',
      'sender-no-ptr', 'relay-denied', 'smtp-auth-required', 'sender-address-rejected', 'policy-rejected',
      'content-spam', 'content-virus', 'content-rejected', 'message-too-big', 'message-format-invalid',
      'smtp-protocol-error', 'tls-required', 'server-unavailable', 'too-many-connections', 'rate-limited',
      'greylisted', 'receiving-server-error', 'receiving-server-full', 'outgoing-server-problem',
      'dns-lookup-failed', 'connection-failed', 'delivery-expired', 'mail-loop',
    ];
    const ids = new Set(causes.map((c) => c.id));
    assert.deepEqual(v1.filter((id) => !ids.has(id)), []);
  });

  it('uses only categories defined in data/categories.json', () => {
    const known = new Set(Object.keys(categoriesData.categories));
    assert.deepEqual(causes.filter((c) => !known.has(c.category)).map((c) => c.id), []);
  });

  it('links only to https URLs', () => {
    for (const cause of causes) {
      for (const ref of cause.refs ?? []) {
        assert.equal(new URL(ref.href).protocol, 'https:', `${cause.id}: ${ref.href}`);
      }
    }
  });

  it('never repeats a why or a fix list between two causes', () => {
    const seenWhy = new Map<string, string>();
    const seenFixes = new Map<string, string>();
    for (const cause of causes) {
      const fixes = JSON.stringify(cause.fixes);
      assert.equal(seenWhy.get(cause.why), undefined, `${cause.id} repeats the why of ${seenWhy.get(cause.why)}`);
      assert.equal(seenFixes.get(fixes), undefined, `${cause.id} repeats the fixes of ${seenFixes.get(fixes)}`);
      seenWhy.set(cause.why, cause.id);
      seenFixes.set(fixes, cause.id);
    }
  });

  it('keeps every text within the editorial limits', () => {
    for (const c of causes) {
      const at = `${c.id}:`;
      assert.ok(c.title.length <= 60, `${at} title longer than 60 characters`);
      assert.ok(sentenceCount(c.summary) <= 2, `${at} summary has more than 2 sentences`);
      const why = sentenceCount(c.why);
      assert.ok(why >= 2 && why <= 4, `${at} why has ${why} sentences`);
      assert.ok(c.confirm.length >= 2 && c.confirm.length <= 4, `${at} ${c.confirm.length} confirm steps`);
      assert.ok(c.fixes.length >= 3 && c.fixes.length <= 6, `${at} ${c.fixes.length} fixes`);
      if (c.adminFixes) {
        assert.ok(c.adminFixes.length >= 2 && c.adminFixes.length <= 5, `${at} ${c.adminFixes.length} admin fixes`);
      }
      assert.ok(c.refs && c.refs.length >= 1 && c.refs.length <= 3, `${at} needs 1 to 3 refs`);
    }
  });

  it('only tells readers to wait for causes that are usually temporary', () => {
    const contradictions = causes.filter((c) => c.retry === 'automatic' && !c.temporary).map((c) => c.id);
    assert.deepEqual(contradictions, []);
  });
});

describe('data/categories.json', () => {
  it('matches its schema', () => {
    assertValid(categoriesSchema, categoriesData);
  });

  it('defines exactly the categories the causes schema allows', () => {
    const allowed = [...causesSchema.$defs.category.enum].sort();
    assert.deepEqual(Object.keys(categoriesData.categories).sort(), allowed);
  });

  it('gives every category its own title', () => {
    const titles = Object.values(categoriesData.categories).map((c) => c.title.toLowerCase());
    assert.equal(new Set(titles).size, titles.length);
  });
});
