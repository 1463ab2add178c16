/**
 * The wizard as a state machine. A reader's place is the origin plus the inputs given so far; every step
 * follows from them, so a state can be rebuilt from a deep link by replaying its inputs.
 */
import { lookupCode, type Catalog, type LookupFailure, type LookupResult } from './catalog.js';
import { longestPathToCause } from './graph-check.js';
import type { Cause, OptionTarget, QuestionNode, Result, WizardNode } from './types.js';

export type Step =
  | { kind: 'node'; node: WizardNode }
  | { kind: 'code'; lookup: LookupResult }
  /** `lookup` is the code the reader came through, if any, so the diagnosis can name it. */
  | { kind: 'diagnosis'; cause: Cause; lookup?: LookupResult };

/** `steps.length === inputs.length + 1`; the last step is the one on screen. */
export interface WizardState {
  origin: string;
  inputs: string[];
  steps: Step[];
}

export type WizardFailure =
  | LookupFailure
  /** A node id (origin or option target) that the graph does not have. */
  | 'unknown-node'
  | 'unknown-cause'
  /** The input is not one of the answers this step offers. */
  | 'unknown-option'
  /** `ask` on a code whose causes no question tells apart. */
  | 'no-question'
  /** Input after a diagnosis, which ends the path. */
  | 'finished';

type StepResult = Result<{ step: Step; input: string }, WizardFailure>;

const SKIP = 'skip';
const ASK = 'ask';
const CAUSE_PREFIX = 'cause:';

function fail(reason: WizardFailure, message: string): { ok: false; error: { reason: WizardFailure; message: string } } {
  return { ok: false, error: { reason, message } };
}

function causeStep(catalog: Catalog, id: string, lookup?: LookupResult): Result<Step, WizardFailure> {
  const cause = catalog.causeById.get(id);
  if (!cause) return fail('unknown-cause', `There is no cause "${id}".`);
  return { ok: true, value: lookup ? { kind: 'diagnosis', cause, lookup } : { kind: 'diagnosis', cause } };
}

function nodeStep(catalog: Catalog, id: string): Result<Step, WizardFailure> {
  const node = catalog.nodeById.get(id);
  return node ? { ok: true, value: { kind: 'node', node } } : fail('unknown-node', `There is no question "${id}".`);
}

function targetStep(catalog: Catalog, target: OptionTarget, lookup?: LookupResult): Result<Step, WizardFailure> {
  return target.cause !== undefined ? causeStep(catalog, target.cause, lookup) : nodeStep(catalog, target.next ?? '');
}

/** The code the reader entered most recently on this path, carried into a diagnosis reached later. */
function lastLookup(steps: Step[]): LookupResult | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step.kind === 'code') return step.lookup;
  }
  return undefined;
}

function withInput(step: Result<Step, WizardFailure>, input: string): StepResult {
  return step.ok ? { ok: true, value: { step: step.value, input } } : step;
}

function codeStep(catalog: Catalog, text: string): StepResult {
  const found = lookupCode(catalog, text);
  if (!found.ok) return found;
  // Inputs keep the canonical code, not the pasted text: short links, and no pasted addresses in URLs.
  return { ok: true, value: { step: { kind: 'code', lookup: found.value }, input: found.value.query } };
}

function nextStep(catalog: Catalog, steps: Step[], input: string): StepResult {
  const current = steps[steps.length - 1];
  switch (current.kind) {
    case 'diagnosis':
      return fail('finished', 'The diagnosis is the last step; there is nothing to answer.');
    case 'code': {
      const { lookup } = current;
      if (input === ASK) {
        if (lookup.causes.length === 1) return withInput(causeStep(catalog, lookup.causes[0].id, lookup), ASK);
        if (!lookup.ask) return fail('no-question', `No question narrows down the causes of ${lookup.query}.`);
        return withInput(nodeStep(catalog, lookup.ask), ASK);
      }
      if (!lookup.causes.some((c) => c.id === input)) {
        return fail('unknown-option', `"${input}" is not one of the causes listed for ${lookup.query}.`);
      }
      return withInput(causeStep(catalog, input, lookup), input);
    }
    case 'node': {
      const { node } = current;
      if (node.type === 'code-input') {
        return input === SKIP ? withInput(targetStep(catalog, node.skip, lastLookup(steps)), SKIP) : codeStep(catalog, input);
      }
      const option = node.options.find((o) => o.id === input);
      if (!option) return fail('unknown-option', `"${input}" is not an answer to "${node.id}".`);
      return withInput(targetStep(catalog, option, lastLookup(steps)), input);
    }
  }
}

/**
 * The first state. `origin` is a node id, `cause:<id>` for a diagnosis, or anything holding a code
 * (`550 5.7.26`); it defaults to the graph's start.
 */
export function startState(catalog: Catalog, origin: string = catalog.data.wizard.start): Result<WizardState, WizardFailure> {
  let first: StepResult;
  if (catalog.nodeById.has(origin)) first = withInput(nodeStep(catalog, origin), origin);
  else if (origin.startsWith(CAUSE_PREFIX)) first = withInput(causeStep(catalog, origin.slice(CAUSE_PREFIX.length)), origin);
  else first = codeStep(catalog, origin);
  if (!first.ok) return first;
  return { ok: true, value: { origin: first.value.input, inputs: [], steps: [first.value.step] } };
}

/**
 * One step on. `input` is an option id at a question, the code text or `skip` at a code input, and `ask`
 * or one of the listed cause ids at a code. A failure leaves the reader where they were.
 */
export function advance(catalog: Catalog, state: WizardState, input: string): Result<WizardState, WizardFailure> {
  const next = nextStep(catalog, state.steps, input);
  if (!next.ok) return next;
  return {
    ok: true,
    value: { origin: state.origin, inputs: [...state.inputs, next.value.input], steps: [...state.steps, next.value.step] },
  };
}

/** Advances input by input and stops at the first input that does not fit, keeping the state up to it. */
export function replay(
  catalog: Catalog,
  state: WizardState,
  inputs: readonly string[],
): { state: WizardState; error?: { reason: WizardFailure; message: string } } {
  let current = state;
  for (const input of inputs) {
    const next = advance(catalog, current, input);
    if (!next.ok) return { state: current, error: next.error };
    current = next.value;
  }
  return { state: current };
}

/** One step back; the first step stays. */
export function back(state: WizardState): WizardState {
  if (!state.inputs.length) return state;
  return { origin: state.origin, inputs: state.inputs.slice(0, -1), steps: state.steps.slice(0, -1) };
}

/** Inputs left from a code step: pick a cause (1), or ask its question and answer on from there. */
function remainingAtCode(lookup: Pick<LookupResult, 'ask'> & { causes: unknown[] }, longest: (id: string) => number): number {
  return lookup.ask && lookup.causes.length > 1 ? 1 + longest(lookup.ask) : 1;
}

// Worked out once per catalog: replaying a deep link asks for progress at every step.
const longestCache = new WeakMap<Catalog, (id: string) => number>();

/**
 * The most inputs from a node to a diagnosis. The graph alone only sees a code input's `skip`; typing a
 * code instead can lead through any code's question, so the deepest of those counts there too.
 */
function longestPaths(catalog: Catalog): (id: string) => number {
  let longest = longestCache.get(catalog);
  if (!longest) {
    const depth = longestPathToCause(catalog.data.wizard);
    const ofNode = (id: string) => depth.get(id) ?? 0;
    const { replyCodes, statusCodes, classes, subjects } = catalog.data.codes;
    const entries = [...replyCodes, ...statusCodes, ...Object.values(classes), ...Object.values(subjects)];
    const deepestCode = Math.max(1, ...entries.map((e) => remainingAtCode(e, ofNode)));
    longest = (id) => (catalog.nodeById.get(id)?.type === 'code-input' ? Math.max(ofNode(id), 1 + deepestCode) : ofNode(id));
    longestCache.set(catalog, longest);
  }
  return longest;
}

/** Inputs given so far and the most inputs that may still be needed to reach a diagnosis. */
export function progress(catalog: Catalog, state: WizardState): { done: number; remaining: number } {
  const current = state.steps[state.steps.length - 1];
  const longest = longestPaths(catalog);
  const remaining =
    current.kind === 'node' ? longest(current.node.id) : current.kind === 'code' ? remainingAtCode(current.lookup, longest) : 0;
  return { done: state.inputs.length, remaining };
}

/** The graph's first question and the progress shown with it: enough to render it before the catalog is here. */
export interface FirstQuestion {
  node: QuestionNode;
  remaining: number;
}

/** Null when the graph starts with something other than a question. */
export function firstQuestion(catalog: Catalog): FirstQuestion | null {
  const started = startState(catalog);
  if (!started.ok) return null;
  const current = started.value.steps[0];
  if (current.kind !== 'node' || current.node.type !== 'question') return null;
  return { node: current.node, remaining: progress(catalog, started.value).remaining };
}
