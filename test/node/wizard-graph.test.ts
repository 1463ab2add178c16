import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { checkGraph, longestPathToCause, reachableCauses } from '../../src/core/graph-check.js';
import type { CausesData, CodesData, WizardGraph, WizardNode, WizardOption } from '../../src/core/types.js';

const readData = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));

const wizard = readData('wizard.json') as WizardGraph;
const codes = readData('codes.json') as CodesData;
const causeIds = new Set((readData('causes.json') as CausesData).causes.map((c) => c.id));
const askNodes = [
  ...[...codes.replyCodes, ...codes.statusCodes, ...Object.values(codes.classes), ...Object.values(codes.subjects)],
].flatMap((entry) => (entry.ask === undefined ? [] : [entry.ask]));
const question = (id: string): WizardNode & { type: 'question' } => {
  const node = wizard.nodes.find((n) => n.id === id);
  assert.ok(node?.type === 'question', `${id} is a question`);
  return node;
};

describe('data/wizard.json', () => {
  it('validates against its schema', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(readData('wizard.schema.json') as object);
    assert.ok(validate(wizard), JSON.stringify(validate.errors, null, 2));
  });

  it('passes every structural check, with each ask node of codes.json as an entry', () => {
    assert.deepEqual(checkGraph(wizard, causeIds, askNodes), []);
  });

  it('starts at "start", offering a code entry whose skip leads to the guided questions', () => {
    assert.equal(wizard.start, 'start');
    const hasCode = question('start').options.find((o) => o.id === 'has-code');
    assert.equal(hasCode?.next, 'enter-code');
    const enter = wizard.nodes.find((n) => n.id === 'enter-code');
    assert.ok(enter?.type === 'code-input' && enter.skip.next !== undefined);
  });

  it('reaches every cause from start without a code', () => {
    const guided = question('start').options.find((o) => o.id === 'no-code')?.next;
    assert.ok(guided);
    assert.deepEqual([...causeIds].filter((id) => !reachableCauses(wizard, guided).has(id)), []);
  });

  it('keeps every path short: at most five questions from start', () => {
    const depth = longestPathToCause(wizard);
    const guided = question('start').options.find((o) => o.id === 'no-code')!.next!;
    assert.ok(depth.get(guided)! <= 4, `the guided path is ${depth.get(guided)} questions after start`);
    // One step more when the reader opens the code entry and then skips it: that step is not a question.
    assert.ok(depth.get('start')! <= 6, `start is ${depth.get('start')} steps deep`);
    for (const ask of askNodes) assert.ok(depth.get(ask)! <= 4, `${ask} is ${depth.get(ask)} questions deep`);
  });

  it('offers a "not sure" way out on every question with more than two answers', () => {
    for (const node of wizard.nodes) {
      if (node.type !== 'question' || node.options.length <= 2) continue;
      assert.ok(node.options.some((o) => o.id === 'not-sure'), `${node.id} lacks not-sure`);
    }
  });
});

const opt = (id: string, target: Partial<WizardOption>): WizardOption => ({ id, label: id, ...target });
const q = (id: string, ...options: WizardOption[]): WizardNode => ({ id, type: 'question', title: id, options });
const causes = new Set(['a', 'b']);
const sound = (): WizardGraph => ({
  start: 's',
  nodes: [q('s', opt('x', { next: 'n' }), opt('y', { cause: 'a' })), q('n', opt('z', { cause: 'b' }))],
});
const reports = (problems: string[], fragment: string) =>
  assert.ok(problems.some((p) => p.includes(fragment)), `expected "${fragment}" in ${JSON.stringify(problems)}`);

describe('checkGraph', () => {
  it('finds nothing wrong with a sound graph', () => {
    assert.deepEqual(checkGraph(sound(), causes), []);
  });

  it('reports a cycle', () => {
    const g = sound();
    g.nodes[1] = q('n', opt('z', { cause: 'b' }), opt('back', { next: 's' }));
    reports(checkGraph(g, causes), 'cycle: s → n → s');
  });

  it('reports a dead end: a question with no options, and an option leading nowhere', () => {
    const g = sound();
    g.nodes.push(q('empty'));
    g.nodes[0] = q('s', opt('x', { next: 'n' }), opt('y', { cause: 'a' }), opt('e', { next: 'empty' }), opt('none', {}));
    const problems = checkGraph(g, causes);
    reports(problems, 'node "empty" has no options');
    reports(problems, 'option "none" must lead to exactly one');
  });

  it('reports an option with both a next node and a cause', () => {
    const g = sound();
    g.nodes[1] = q('n', opt('z', { cause: 'b', next: 's' }));
    reports(checkGraph(g, causes), 'option "z" must lead to exactly one');
  });

  it('reports a missing target, an unknown cause and a missing start', () => {
    const g = sound();
    g.nodes[1] = q('n', opt('z', { cause: 'b' }), opt('gone', { next: 'nowhere' }), opt('odd', { cause: 'c' }));
    const problems = checkGraph(g, causes);
    reports(problems, 'leads to missing node "nowhere"');
    reports(problems, 'unknown cause "c"');
    reports(checkGraph({ ...sound(), start: 'missing' }, causes), 'start node "missing" does not exist');
  });

  it('reports duplicate node ids and duplicate option ids', () => {
    const g = sound();
    g.nodes.push(q('n', opt('z', { cause: 'b' }), opt('z', { cause: 'a' })));
    const problems = checkGraph(g, causes);
    reports(problems, 'duplicate node id "n"');
    reports(problems, 'duplicate option id "z"');
  });

  it('reports a cause reachable only from an entry node, and accepts that node as reachable', () => {
    const g = sound();
    g.nodes[1] = q('n', opt('z', { cause: 'a' }));
    g.nodes.push(q('ask-b', opt('only', { cause: 'b' })));
    const problems = checkGraph(g, causes, ['ask-b']);
    assert.deepEqual(problems, ['cause "b" cannot be reached from the start node']);
    reports(checkGraph(g, causes), 'node "ask-b" cannot be reached');
    reports(checkGraph(g, causes, ['ask-zz']), 'entry node "ask-zz" does not exist');
  });
});

describe('longestPathToCause', () => {
  it('counts the questions left, the node itself included', () => {
    const g = sound();
    g.nodes.push({ id: 'code', type: 'code-input', title: 'code', skip: { next: 's' } });
    assert.deepEqual(Object.fromEntries(longestPathToCause(g)), { s: 2, n: 1, code: 3 });
  });

  it('stays finite on a cycle', () => {
    const g = sound();
    g.nodes[1] = q('n', opt('back', { next: 's' }));
    const depth = longestPathToCause(g);
    assert.ok(Number.isFinite(depth.get('s')) && Number.isFinite(depth.get('n')));
  });
});
