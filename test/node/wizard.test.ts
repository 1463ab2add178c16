import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../src/core/catalog.js';
import { advance, back, progress, replay, startState, type Step, type WizardState } from '../../src/core/wizard.js';
import { fixture } from './fixtures/catalog.js';

const catalog = createCatalog(fixture);

function start(origin?: string): WizardState {
  const s = startState(catalog, origin);
  assert.ok(s.ok, JSON.stringify(s));
  return s.value;
}

function walk(state: WizardState, ...inputs: string[]): WizardState {
  const r = replay(catalog, state, inputs);
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  return r.state;
}

function failure(state: WizardState, input: string): string {
  const r = advance(catalog, state, input);
  assert.ok(!r.ok, `expected "${input}" to be refused`);
  return r.error.reason;
}

const last = (state: WizardState): Step => state.steps[state.steps.length - 1];
const where = (state: WizardState) => {
  const step = last(state);
  return step.kind === 'node' ? step.node.id : step.kind === 'code' ? `code:${step.lookup.query}` : `cause:${step.cause.id}`;
};

describe('startState', () => {
  it('starts at the graph start by default', () => {
    const s = start();
    assert.deepEqual([s.origin, s.inputs, where(s)], ['start', [], 'start']);
  });

  it('starts at a node, a code or a cause', () => {
    assert.equal(where(start('timing')), 'timing');
    const code = start('smtp; 550 5.7.26 Unauthenticated');
    assert.equal(where(code), 'code:550-5.7.26');
    assert.equal(code.origin, '550-5.7.26', 'the origin is kept in canonical form');
    assert.equal(where(start('cause:greylisted')), 'cause:greylisted');
  });

  it('returns errors as values', () => {
    const cases: [string, string][] = [['cause:nope', 'unknown-cause'], ['6.1.1', 'malformed'], ['hello', 'no-code'], ['', 'empty']];
    for (const [origin, reason] of cases) {
      const s = startState(catalog, origin);
      assert.ok(!s.ok && s.error.reason === reason, `${origin}: ${JSON.stringify(s)}`);
    }
  });
});

describe('advance', () => {
  it('follows options to a diagnosis', () => {
    const s = walk(start(), 'no-code', 'at-once', 'policy', 'local');
    assert.equal(where(s), 'cause:policy-rejected');
    assert.equal(s.steps.length, s.inputs.length + 1);
    assert.deepEqual(s.inputs, ['no-code', 'at-once', 'policy', 'local']);
  });

  it('turns typed text into a code step and stores the canonical code', () => {
    const s = walk(start(), 'has-code', 'The server said: 550 5.7.1 blocked');
    assert.equal(where(s), 'code:550-5.7.1');
    assert.deepEqual(s.inputs, ['has-code', '550-5.7.1']);
  });

  it('follows skip at a code input', () => {
    assert.equal(where(walk(start(), 'has-code', 'skip')), 'timing');
  });

  it('asks the narrowing question of a code, and carries the code into the diagnosis', () => {
    const s = walk(start('550'), 'ask');
    assert.equal(where(s), 'ask-550');
    const done = walk(s, 'blocked');
    const step = last(done);
    assert.ok(step.kind === 'diagnosis');
    assert.equal(step.lookup?.query, '550');
  });

  it('goes straight to the diagnosis when a code has a single cause', () => {
    const s = walk(start('5.7.26'), 'ask');
    assert.equal(where(s), 'cause:auth-dmarc-failed');
    assert.deepEqual(s.inputs, ['ask']);
  });

  it('lets the reader pick one of the listed causes directly', () => {
    assert.equal(where(walk(start('550 5.7.1'), 'policy-rejected')), 'cause:policy-rejected');
  });

  it('refuses what does not fit and leaves the state alone', () => {
    const s = start();
    assert.equal(failure(s, 'nope'), 'unknown-option');
    assert.equal(failure(walk(s, 'has-code'), '6.1.1'), 'malformed');
    assert.equal(failure(walk(s, 'has-code'), 'just words'), 'no-code');
    assert.equal(failure(start('550'), 'greylisted'), 'unknown-option', 'a cause the code does not list');
    assert.equal(failure(start('cause:greylisted'), 'anything'), 'finished');
    assert.deepEqual(s.inputs, []);
  });

  it('says when no question narrows a code down', () => {
    const noAsk = createCatalog({
      ...fixture,
      codes: { ...fixture.codes, replyCodes: [{ code: '554', title: 'Failed', summary: 'No.', causes: ['greylisted', 'policy-rejected'] }] },
    });
    const s = startState(noAsk, '554');
    assert.ok(s.ok);
    const r = advance(noAsk, s.value, 'ask');
    assert.ok(!r.ok && r.error.reason === 'no-question');
  });

  it('reports an option that leads to a missing node', () => {
    const broken = createCatalog({
      ...fixture,
      wizard: { start: 'a', nodes: [{ id: 'a', type: 'question', title: 'A', options: [{ id: 'go', label: 'Go', next: 'gone' }] }] },
    });
    const s = startState(broken);
    assert.ok(s.ok);
    const r = advance(broken, s.value, 'go');
    assert.ok(!r.ok && r.error.reason === 'unknown-node');
  });
});

describe('replay and back', () => {
  it('stops at the first input that does not fit and keeps the state up to it', () => {
    const r = replay(catalog, start(), ['no-code', 'at-once', 'wrong', 'local']);
    assert.equal(r.error?.reason, 'unknown-option');
    assert.deepEqual(r.state.inputs, ['no-code', 'at-once']);
    assert.equal(where(r.state), 'ask-550');
  });

  it('goes back one step at a time and not past the origin', () => {
    const s = walk(start(), 'no-code', 'at-once');
    const one = back(s);
    assert.deepEqual([one.inputs, where(one)], [['no-code'], 'timing']);
    const zero = back(back(one));
    assert.deepEqual([zero.inputs, where(zero), zero.steps.length], [[], 'start', 1]);
  });
});

describe('progress', () => {
  it('counts done inputs and the longest remaining path', () => {
    // start → has-code → enter-code → 550 → ask → ask-550 → policy → ask-x7 → answer
    assert.deepEqual(progress(catalog, start()), { done: 0, remaining: 5 });
    assert.deepEqual(progress(catalog, walk(start(), 'has-code')), { done: 1, remaining: 4 });
    assert.deepEqual(progress(catalog, walk(start(), 'no-code')), { done: 1, remaining: 3 });
    assert.deepEqual(progress(catalog, walk(start(), 'no-code', 'at-once', 'policy')), { done: 3, remaining: 1 });
    assert.deepEqual(progress(catalog, start('550')), { done: 0, remaining: 3 });
    assert.deepEqual(progress(catalog, start('5.7.26')), { done: 0, remaining: 1 });
    assert.deepEqual(progress(catalog, walk(start(), 'no-code', 'later')), { done: 2, remaining: 0 });
  });
});

describe('the built-in wizard (data/wizard.json)', () => {
  it('reaches a diagnosis on every path, with progress falling at each step', async () => {
    const { builtinCatalog } = await import('../../src/core/builtin-catalog.js');
    const first = startState(builtinCatalog);
    assert.ok(first.ok);
    let paths = 0;
    const visit = (state: WizardState): void => {
      const step = last(state);
      const before = progress(builtinCatalog, state).remaining;
      if (step.kind === 'diagnosis') {
        paths++;
        assert.equal(before, 0);
        return;
      }
      // At a code input, skip and one real code; at a code, its question and its first cause.
      const inputs =
        step.kind === 'code'
          ? ['ask', step.lookup.causes[0].id]
          : step.node.type === 'code-input'
            ? ['skip', '550 5.7.1']
            : step.node.options.map((o) => o.id);
      for (const input of inputs) {
        const next = advance(builtinCatalog, state, input);
        assert.ok(next.ok, `${state.inputs.join('/')} + ${input}: ${JSON.stringify(!next.ok && next.error)}`);
        assert.ok(progress(builtinCatalog, next.value).remaining < before, `${state.inputs.join('/')}/${input}`);
        visit(next.value);
      }
    };
    visit(first.value);
    assert.ok(paths > 10, `${paths} paths`);
  });
});
