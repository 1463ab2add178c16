import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { reachableCauses } from '../../src/core/graph-check.js';
import type { CausesData, ClassEntry, CodesData, WizardGraph } from '../../src/core/types.js';

const readData = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));

const codes = readData('codes.json') as CodesData;
const wizard = readData('wizard.json') as WizardGraph;
const causeIds = new Set((readData('causes.json') as CausesData).causes.map((c) => c.id));
const nodeIds = new Set(wizard.nodes.map((n) => n.id));

/** Every entry with a name for failure messages: reply codes, status codes, classes and subjects. */
const entries: [string, ClassEntry][] = [
  ...codes.replyCodes.map((e): [string, ClassEntry] => [e.code, e]),
  ...codes.statusCodes.map((e): [string, ClassEntry] => [e.code, e]),
  ...Object.entries(codes.classes).map(([k, e]): [string, ClassEntry] => [`class ${k}`, e]),
  ...Object.entries(codes.subjects).map(([k, e]): [string, ClassEntry] => [`subject X.${k}`, e]),
];
const reply = (code: string) => codes.replyCodes.find((e) => e.code === code);

describe('data/codes.json', () => {
  it('validates against its schema', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(readData('codes.schema.json') as object);
    assert.ok(validate(codes), JSON.stringify(validate.errors, null, 2));
  });

  it('the schema rejects a malformed code and an unknown field', () => {
    const validate = new Ajv2020().compile(readData('codes.schema.json') as object);
    const bad = { ...codes, replyCodes: [{ code: '5.5.0', title: 't', summary: 's', causes: [] }] };
    assert.equal(validate(bad), false);
    const extra = { ...codes, statusCodes: [{ code: 'X.1.1', title: 't', summary: 's', causes: [], note: 'x' }] };
    assert.equal(validate(extra), false);
  });

  it('lists each code once', () => {
    for (const list of [codes.replyCodes, codes.statusCodes]) {
      const seen = new Set<string>();
      for (const { code } of list) {
        assert.ok(!seen.has(code), `${code} is listed twice`);
        seen.add(code);
      }
    }
  });

  it('holds every registered enhanced status code, X.0.0 to X.7.30', () => {
    const perSubject: Record<string, number> = {};
    for (const { code } of codes.statusCodes) perSubject[code.split('.')[1]] = (perSubject[code.split('.')[1]] ?? 0) + 1;
    assert.deepEqual(perSubject, { 0: 1, 1: 11, 2: 5, 3: 7, 4: 8, 5: 7, 6: 11, 7: 31 });
    for (const [subject, count] of Object.entries(perSubject)) {
      for (let detail = 0; detail < count; detail++) {
        assert.ok(codes.statusCodes.some((e) => e.code === `X.${subject}.${detail}`), `X.${subject}.${detail} missing`);
      }
    }
  });

  it('holds every RFC 5321 reply code', () => {
    const rfc5321 = codes.replyCodes.filter((e) => e.rfc === 'RFC 5321').map((e) => e.code);
    assert.equal(rfc5321.length, 24);
    for (const code of ['421', '450', '451', '452', '550', '551', '552', '553', '554']) assert.ok(rfc5321.includes(code), code);
  });

  it('covers every class and subject digit', () => {
    assert.deepEqual(Object.keys(codes.classes).sort(), ['2', '3', '4', '5']);
    assert.deepEqual(Object.keys(codes.subjects).sort(), ['0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('marks only X.6.10 deprecated', () => {
    assert.deepEqual(codes.statusCodes.filter((e) => e.deprecated).map((e) => e.code), ['X.6.10']);
  });

  it('names only known causes and existing wizard nodes', () => {
    for (const [name, entry] of entries) {
      for (const cause of entry.causes) assert.ok(causeIds.has(cause), `${name}: unknown cause ${cause}`);
      if (entry.ask !== undefined) assert.ok(nodeIds.has(entry.ask), `${name}: no wizard node ${entry.ask}`);
    }
  });

  it('gives an ask node to every entry with two or more causes, and it reaches all of them', () => {
    for (const [name, entry] of entries) {
      if (entry.causes.length < 2) continue;
      assert.ok(entry.ask, `${name} has ${entry.causes.length} causes but no ask`);
      const reached = reachableCauses(wizard, entry.ask);
      const missed = entry.causes.filter((c) => !reached.has(c));
      assert.deepEqual(missed, [], `${name}: ${entry.ask} never leads to ${missed.join(', ')}`);
    }
  });

  it('treats the headline codes richly', () => {
    for (const code of ['550', '421', '553', '451', '554']) {
      assert.ok((reply(code)?.causes.length ?? 0) >= 3, `${code} needs at least three causes`);
    }
    assert.ok(reply('550')!.causes.length >= 5);
    assert.equal(reply('550')!.causes[0], 'recipient-unknown');
  });

  it('keeps success and intermediate codes free of causes', () => {
    for (const e of codes.replyCodes) if (/^[23]/.test(e.code)) assert.deepEqual(e.causes, [], e.code);
  });
});
