import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { builtinCatalogWithProviders, builtinProviders } from '../../src/core/builtin-providers.js';
import { buildIndex, filterIndex, openEntry, STANDARD, type IndexEntry } from '../../src/core/code-index.js';

const standard = buildIndex(builtinCatalog);
const full = buildIndex(builtinCatalogWithProviders);
const codes = (entries: IndexEntry[]) => entries.map((e) => e.code);
const { replyCodes, statusCodes } = builtinCatalog.data.codes;

describe('buildIndex', () => {
  it('lists every reply code once and every enhanced code once per bounce class', () => {
    assert.equal(standard.length, replyCodes.length + 2 * statusCodes.length);
    for (const { code } of replyCodes) assert.ok(codes(standard).includes(code), code);
    for (const { code } of statusCodes) {
      assert.ok(codes(standard).includes(`4${code.slice(1)}`), code);
      assert.ok(codes(standard).includes(`5${code.slice(1)}`), code);
    }
    assert.equal(new Set(standard.map((e) => e.key)).size, standard.length);
  });

  it('takes temporary or permanent from the class digit', () => {
    const byCode = (code: string) => standard.find((e) => e.code === code)!;
    assert.equal(byCode('550').permanent, true);
    assert.equal(byCode('421').permanent, false);
    assert.equal(byCode('250').permanent, null);
    assert.equal(byCode('4.7.26').permanent, false);
    assert.equal(byCode('5.7.26').permanent, true);
    assert.equal(byCode('5.7.26').title, builtinCatalog.statusByCode.get('X.7.26')!.title);
  });

  it('adds every provider row once the catalog has providers, with unique keys', () => {
    assert.equal(full.length, standard.length + builtinProviders.codes.length);
    assert.equal(new Set(full.map((e) => e.key)).size, full.length);
    const tss04 = full.find((e) => e.row?.token === 'TSS04')!;
    assert.equal(tss04.provider?.id, 'yahoo');
    assert.match(tss04.code, /TSS04/);
    assert.equal(tss04.permanent, false);
  });

  it('builds the list once per catalog', () => {
    assert.equal(buildIndex(builtinCatalog), standard);
  });
});

describe('filterIndex', () => {
  it('returns everything for an empty filter', () => {
    assert.equal(filterIndex(full, {}).length, full.length);
    assert.equal(filterIndex(full, { query: '   ' }).length, full.length);
  });

  it('narrows by code prefix', () => {
    const subject = filterIndex(standard, { query: '5.7' });
    assert.ok(subject.length > 10);
    assert.ok(subject.every((e) => e.code.startsWith('5.7')), codes(subject).join());
    assert.deepEqual(codes(filterIndex(standard, { query: '55' })).sort(), ['550', '551', '552', '553', '554', '555', '556'].filter((c) => codes(standard).includes(c)));
    assert.deepEqual(codes(filterIndex(standard, { query: '5.1.1' })), ['5.1.1', '5.1.10']);
  });

  it('matches a provider token in any case', () => {
    const found = filterIndex(full, { query: 'tss' });
    assert.ok(found.length >= 2);
    assert.ok(found.every((e) => /tss/i.test(`${e.code} ${e.title} ${e.summary}`)));
    assert.ok(found.some((e) => e.row?.token === 'TSS04'));
  });

  it('matches every word of a query in titles and summaries', () => {
    const found = filterIndex(standard, { query: 'MAILBOX full' });
    assert.ok(found.length > 0);
    for (const e of found) assert.match(`${e.title} ${e.summary}`.toLowerCase(), /mailbox[\s\S]*full|full[\s\S]*mailbox/);
    assert.deepEqual(filterIndex(standard, { query: 'zzzqqq' }), []);
  });

  it('filters by temporary or permanent', () => {
    const temporary = filterIndex(full, { permanence: 'temporary' });
    const permanent = filterIndex(full, { permanence: 'permanent' });
    assert.ok(temporary.length > 0 && permanent.length > 0);
    assert.ok(temporary.every((e) => e.permanent === false));
    assert.ok(permanent.every((e) => e.permanent === true));
    assert.ok(temporary.length + permanent.length < full.length, 'codes of neither kind are left out of both');
  });

  it('filters by provider, or to the standard codes alone', () => {
    const apple = filterIndex(full, { provider: 'apple' });
    assert.ok(apple.length > 0 && apple.every((e) => e.provider?.id === 'apple'));
    assert.equal(filterIndex(full, { provider: STANDARD }).length, standard.length);
    const both = filterIndex(full, { provider: 'yahoo', permanence: 'temporary', query: 'tss04' });
    assert.deepEqual(both.map((e) => e.row?.token), ['TSS04']);
  });
});

describe('openEntry', () => {
  it('opens a standard code at its entry', () => {
    const opened = openEntry(builtinCatalog, standard.find((e) => e.code === '5.1.1')!);
    assert.ok(opened.ok);
    const step = opened.value.steps[0];
    assert.equal(step.kind, 'code');
    assert.equal(step.kind === 'code' && step.lookup.status, '5.1.1');
  });

  it("opens a provider row with that provider's own meaning, even one known only by its wording", () => {
    for (const entry of full.filter((e) => e.row && (e.row.token === 'TSS04' || (!e.row.token && e.row.text)))) {
      const opened = openEntry(builtinCatalogWithProviders, entry);
      assert.ok(opened.ok);
      const step = opened.value.steps[0];
      assert.ok(step.kind === 'code' && step.lookup.providerCode?.id === entry.key, entry.key);
    }
  });
});
