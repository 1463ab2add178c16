/**
 * "The first list of patterns, in order, that matches anywhere in a text", fast. Hundreds of patterns cost
 * the regular-expression engine a check per pattern at every character, so a cheaper pass runs first: one
 * scan of the text (Aho–Corasick over the literals each pattern cannot match without, see `literals.ts`)
 * tells which patterns can match at all, and only those run.
 */
import { requiredLiterals } from './literals.js';

/** Which of many literal strings occur in a text, in one pass: an automaton over the literals' characters. */
export interface LiteralScanner {
  /** Symbol of each ASCII character (0: in no literal); every other character is `width - 1`. */
  ascii: Uint8Array;
  width: number;
  /**
   * `next[row + symbol]`: the row of the state after reading a character, a state's row being its number
   * times `width` (no multiplication per character); negative when a literal ends in that state.
   */
  next: Int32Array;
  /** By state number: the lists whose literals end there. */
  found: number[][];
  /** How many lists. */
  count: number;
}

export interface ListedPattern {
  regex: RegExp;
  /** Its list in the scanner; null when it requires no literal and always runs. */
  scanned: number | null;
}

export interface OrderedLists {
  /** Each list's patterns, each alone. */
  lists: ListedPattern[][];
  /** Which patterns (numbered across the lists, in order) have a literal in a text; null when the lists read text as it is (flag `i`): the literals are lower case. */
  scanner: LiteralScanner | null;
}

export interface ListMatch {
  list: number;
  /** Where the list's leftmost match starts. */
  index: number;
}

/** Any pattern of `list` as one pattern; null for an empty list (a pattern that never matches still scans the text). */
export function anyOf(list: string[], flags: string): RegExp | null {
  return list.length ? new RegExp(list.map((p) => `(?:${p})`).join('|'), flags) : null;
}

/** A scanner for lists of literals (`literals[list]`), to be read on lower-cased text when the literals are lower case. */
export function literalScanner(literals: string[][]): LiteralScanner {
  // Characters beyond ASCII share one symbol: a literal holding one is found a little too often, never missed.
  const ascii = new Uint8Array(128);
  let width = 1;
  for (const lits of literals) for (const lit of lits) for (let k = 0; k < lit.length; k++) if (lit.charCodeAt(k) < 128) ascii[lit.charCodeAt(k)] ||= width++;
  width++;
  const symbolOf = (code: number) => (code < 128 ? ascii[code] : width - 1);
  // The trie of the literals, then failure links breadth first, as in Aho and Corasick (1975).
  const children: Map<number, number>[] = [new Map()];
  const lists: Set<number>[] = [new Set()];
  literals.forEach((lits, list) => {
    for (const lit of lits) {
      let state = 0;
      for (let k = 0; k < lit.length; k++) {
        const symbol = symbolOf(lit.charCodeAt(k));
        let to = children[state].get(symbol);
        if (to === undefined) {
          to = children.push(new Map()) - 1;
          lists.push(new Set());
          children[state].set(symbol, to);
        }
        state = to;
      }
      lists[state].add(list);
    }
  });
  const next = new Int32Array(children.length * width);
  const fail = new Int32Array(children.length);
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q];
    for (let symbol = 1; symbol < width; symbol++) {
      const to = children[state].get(symbol);
      if (to === undefined) {
        next[state * width + symbol] = state ? next[fail[state] * width + symbol] : 0;
        continue;
      }
      next[state * width + symbol] = to;
      fail[to] = state ? next[fail[state] * width + symbol] : 0;
      for (const l of lists[fail[to]]) lists[to].add(l);
      queue.push(to);
    }
  }
  const rows = next.map((to) => (lists[to].size ? -to * width : to * width));
  return { ascii, width, next: rows, found: lists.map((s) => [...s]), count: literals.length };
}

/** Which lists have one of their literals in `text`: `seen[list]` is 1. */
export function listsIn(s: LiteralScanner, text: string): Uint8Array {
  const seen = new Uint8Array(s.count);
  const { ascii, width, next, found } = s;
  let row = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    row = next[row + (code < 128 ? ascii[code] : width - 1)];
    if (row < 0) {
      row = -row;
      for (const l of found[row / width]) seen[l] = 1;
    }
  }
  return seen;
}

export function orderedLists(lists: string[][], flags: string): OrderedLists {
  const literals = lists.flat().map(requiredLiterals);
  let next = 0;
  return {
    lists: lists.map((list) =>
      list.map((source) => {
        const id = next++;
        return { regex: new RegExp(source, flags), scanned: literals[id] ? id : null };
      }),
    ),
    scanner: flags.includes('i') ? null : literalScanner(literals.map((l) => l ?? [])),
  };
}

/**
 * The first list (in order) with a match in `text`, and where that list first matches: its patterns'
 * leftmost match. Each pattern runs alone, and only when its literal is in the text: one alternation of a
 * whole list would check every pattern at every character.
 */
export function firstMatch(o: OrderedLists, text: string): ListMatch | null {
  const seen = o.scanner && listsIn(o.scanner, text);
  for (let list = 0; list < o.lists.length; list++) {
    let index = -1;
    for (const { regex, scanned } of o.lists[list]) {
      if (seen && scanned !== null && !seen[scanned]) continue;
      const m = regex.exec(text);
      if (m && (index < 0 || m.index < index)) index = m.index;
    }
    if (index >= 0) return { list, index };
  }
  return null;
}
