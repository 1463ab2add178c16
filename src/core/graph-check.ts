/**
 * Structural checks on the question graph (`data/wizard.json`, or a host's own graph).
 * Pure and DOM-free: tests run them on the shipped graph, and a host can run them on one it brings.
 */
import type { OptionTarget, WizardGraph, WizardNode } from './types.js';

/** Every way out of a node, with a label that names it in a problem report. */
function exits(node: WizardNode): { where: string; target: OptionTarget }[] {
  if (node.type === 'code-input') return [{ where: `node "${node.id}" skip`, target: node.skip }];
  return node.options.map((option) => ({ where: `node "${node.id}" option "${option.id}"`, target: option }));
}

/** The node ids a node leads to directly, in option order. */
function successors(node: WizardNode): string[] {
  return exits(node).flatMap(({ target }) => (target.next === undefined ? [] : [target.next]));
}

/** The first node with each id; duplicates are reported by `checkGraph`, not resolved here. */
function indexNodes(graph: WizardGraph): Map<string, WizardNode> {
  const byId = new Map<string, WizardNode>();
  for (const node of graph.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

/** Ids of the nodes reachable from `from` (itself included), ignoring targets that do not exist. */
function reachableNodes(byId: Map<string, WizardNode>, from: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from].filter((id) => byId.has(id));
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...successors(byId.get(id)!).filter((next) => byId.has(next)));
  }
  return seen;
}

/**
 * The cause ids that can be reached by answering questions from node `from`. A code's `ask` node must
 * reach every cause the code lists, or the reader could never be led to some of them.
 */
export function reachableCauses(graph: WizardGraph, from: string): Set<string> {
  const byId = indexNodes(graph);
  const causes = new Set<string>();
  for (const id of reachableNodes(byId, [from])) {
    for (const { target } of exits(byId.get(id)!)) if (target.cause !== undefined) causes.add(target.cause);
  }
  return causes;
}

/** One node id on each cycle found by depth-first search, named with the path that closes it. */
function findCycles(byId: Map<string, WizardNode>): string[] {
  const problems: string[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (id: string): void => {
    const at = onPath.indexOf(id);
    if (at >= 0) {
      problems.push(`cycle: ${[...onPath.slice(at), id].join(' → ')}`);
      return;
    }
    if (done.has(id)) return;
    onPath.push(id);
    for (const next of successors(byId.get(id)!)) if (byId.has(next)) visit(next);
    onPath.pop();
    done.add(id);
  };
  for (const id of byId.keys()) visit(id);
  return problems;
}

/**
 * Checks that a question graph is something the wizard can walk: every node is well formed, every answer
 * leads somewhere that exists, there are no cycles, every node can be reached, and every known cause can
 * be reached from the start without an error code.
 *
 * @param graph the question graph
 * @param causeIds every cause id the catalog knows
 * @param entryNodes nodes entered from outside the start path (a code's `ask` node); they and what
 *   follows them count as reachable
 * @returns one plain sentence per problem; empty when the graph is sound
 */
export function checkGraph(
  graph: WizardGraph,
  causeIds: ReadonlySet<string>,
  entryNodes: Iterable<string> = [],
): string[] {
  const problems: string[] = [];
  const byId = indexNodes(graph);

  const seenIds = new Set<string>();
  for (const node of graph.nodes) {
    if (seenIds.has(node.id)) problems.push(`duplicate node id "${node.id}"`);
    seenIds.add(node.id);
  }
  if (!byId.has(graph.start)) problems.push(`start node "${graph.start}" does not exist`);

  for (const node of graph.nodes) {
    if (node.type === 'question') {
      if (node.options.length === 0) problems.push(`node "${node.id}" has no options`);
      const optionIds = new Set<string>();
      for (const option of node.options) {
        if (optionIds.has(option.id)) problems.push(`node "${node.id}" has duplicate option id "${option.id}"`);
        optionIds.add(option.id);
      }
    }
    for (const { where, target } of exits(node)) {
      const hasNext = target.next !== undefined;
      const hasCause = target.cause !== undefined;
      if (hasNext === hasCause) {
        problems.push(`${where} must lead to exactly one of a next node or a cause`);
      }
      if (hasNext && !byId.has(target.next!)) problems.push(`${where} leads to missing node "${target.next}"`);
      if (hasCause && !causeIds.has(target.cause!)) problems.push(`${where} names unknown cause "${target.cause}"`);
    }
  }

  problems.push(...findCycles(byId));

  const entries = [...entryNodes];
  for (const id of entries) if (!byId.has(id)) problems.push(`entry node "${id}" does not exist`);
  const reached = reachableNodes(byId, [graph.start, ...entries]);
  for (const id of byId.keys()) {
    if (!reached.has(id)) problems.push(`node "${id}" cannot be reached from the start or an entry node`);
  }

  const fromStart = byId.has(graph.start) ? reachableCauses(graph, graph.start) : new Set<string>();
  for (const id of causeIds) {
    if (!fromStart.has(id)) problems.push(`cause "${id}" cannot be reached from the start node`);
  }
  return problems;
}

/**
 * For each node, the most questions a reader may still answer from there to a diagnosis, counting the
 * node itself (a node whose every answer is a cause scores 1). The wizard shows progress with it.
 * Targets that do not exist count as nothing; a node on a cycle is cut off at the repeat, so a broken
 * graph still gets finite numbers (`checkGraph` reports the break).
 */
export function longestPathToCause(graph: WizardGraph): Map<string, number> {
  const byId = indexNodes(graph);
  const depth = new Map<string, number>();
  const measure = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    depth.set(id, 1); // a placeholder while this node is on the path: a cycle back to it counts as 1
    let deepest = 0;
    for (const next of successors(byId.get(id)!)) if (byId.has(next)) deepest = Math.max(deepest, measure(next));
    depth.set(id, deepest + 1);
    return deepest + 1;
  };
  for (const id of byId.keys()) measure(id);
  return depth;
}
