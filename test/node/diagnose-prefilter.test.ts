import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import patternsJson from '../../data/patterns.json';
import type { PatternsData } from '../../src/core/diagnose/classify.js';
import { firstMatch, listsIn, literalScanner, orderedLists } from '../../src/core/diagnose/first-match.js';
import { requiredLiterals } from '../../src/core/diagnose/literals.js';

const patterns = patternsJson as unknown as PatternsData;
const fixtures = new URL('./fixtures/bounces/', import.meta.url);
const texts = [
  ...readdirSync(fixtures).map((name) => readFileSync(new URL(name, fixtures), 'utf8')),
  '550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
  '552-5.2.2 The email account that you tried to reach is over quota and inactive.',
  '554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org',
  '421 4.7.0 Try again later, closing connection. (EHLO) greylisted for 5 minutes',
  'Delivery has failed. Host or domain name not found. Name service error for name=example.invalid',
].map((t) => t.toLowerCase());

describe('requiredLiterals', () => {
  const cases: [string, string[] | null][] = [
    ['mailbox (is )?full', ['mailbox ']],
    ['gr[ae]ylist', ['graylist', 'greylist']],
    ['(?<![-\\w])spam(?![-\\w])', ['spam']],
    ['5\\.7\\.(26|27|509)\\b', ['5.7.26', '5.7.27', '5.7.509']],
    ['user.{0,20}(is )?over (the )?limit', ['is over ', 'over lim', 'over the']],
    ['(a|b.*)c', ['c']],
    ['\\S+@\\S+', ['@']],
    ['.{0,40}', null],
    ['a*', null],
    ['(unbalanced', null],
  ];
  for (const [source, want] of cases) {
    it(`reads ${source}`, () => {
      const got = requiredLiterals(source);
      assert.deepEqual(got && [...got].sort(), want);
    });
  }

  it('never leaves out a literal a match contains (every pattern of data/patterns.json, on sample bounces)', () => {
    const all = [...patterns.phrases.flatMap((f) => f.patterns), ...Object.values(patterns.stages).flat(), ...patterns.serverSaid];
    let checked = 0;
    for (const source of all) {
      const literals = requiredLiterals(source);
      if (!literals) continue;
      for (const text of texts) {
        for (const m of text.matchAll(new RegExp(source, 'gm'))) {
          checked++;
          assert.ok(literals.some((l) => m[0].includes(l)), `${source} matched "${m[0]}" holding none of ${JSON.stringify(literals)}`);
        }
      }
    }
    assert.ok(checked > 20, `only ${checked} matches were checked`);
  });
});

describe('firstMatch', () => {
  const lists = patterns.phrases.map((f) => f.patterns);
  const ordered = orderedLists(lists, 'm');
  // The plain reading the prefilter must agree with: each list in order, the first with a match wins.
  const naive = (text: string) => {
    for (let list = 0; list < lists.length; list++) {
      const m = new RegExp(lists[list].join('|'), 'm').exec(text);
      if (m) return { list, index: m.index };
    }
    return null;
  };

  it('finds the same list and place as trying every list in order', () => {
    for (const text of texts) assert.deepEqual(firstMatch(ordered, text), naive(text), text.slice(0, 80));
  });

  it('runs lists it cannot prefilter (a pattern with no literal) and skips empty lists', () => {
    const o = orderedLists([[], ['\\d{3}'], ['unknown']], 'm');
    assert.deepEqual(firstMatch(o, 'code 550: unknown'), { list: 1, index: 5 });
    assert.equal(firstMatch(o, 'nothing here'), null);
  });

  it('reads text as it is when the lists need case-insensitive matching', () => {
    const o = orderedLists([['User Unknown']], 'im');
    assert.equal(o.scanner, null);
    assert.deepEqual(firstMatch(o, 'USER UNKNOWN'), { list: 0, index: 0 });
  });
});

describe('literalScanner', () => {
  it('finds every literal, overlapping ones and ones inside others included', () => {
    const s = literalScanner([['spamcop'], ['cop'], ['he'], ['she'], ['hers'], ['zz']]);
    assert.deepEqual([...listsIn(s, 'ushers at spamcop')], [1, 1, 1, 1, 1, 0]);
    assert.deepEqual([...listsIn(s, '')], [0, 0, 0, 0, 0, 0]);
  });
});
