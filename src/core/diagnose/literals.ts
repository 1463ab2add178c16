/**
 * Which literal strings a pattern cannot match without: `requiredLiterals("mailbox (is )?full")` gives
 * strings one of which every match contains. Text holding none of them cannot match, so the pattern need
 * not run on it. Written for the patterns of `data/patterns.json`; anything it does not know (a
 * negated class, `\S`, a back-reference) only weakens the answer, never makes it wrong.
 */

/** Longer literals are cut to this: a prefix of a required string is required too, and keeps the set small. */
const MAX_LENGTH = 8;
/** Alternatives are multiplied out up to this many strings ("(user|mailbox) (is )?" is four). */
const MAX_SET = 16;

type Strings = Set<string>;
/** `exact`: every string the part can match, when few; `need`: strings one of which any match contains. */
interface Info {
  exact: Strings | null;
  need: Strings | null;
}

const SPECIAL = '\\^$.|?*+()[]{}';
const QUANTIFIERS = '?*+{';

const UNKNOWN: Info = { exact: null, need: null };
const EMPTY: Info = { exact: new Set(['']), need: null };
const one = (...chars: string[]): Info => ({ exact: new Set(chars), need: null });

/** A set of strings as a requirement: none when it holds the empty string (the part may match nothing). */
function asNeed(s: Strings | null): Strings | null {
  if (!s || s.has('')) return null;
  return new Set([...s].map((x) => x.slice(0, MAX_LENGTH)));
}

const shortest = (s: Strings) => Math.min(...[...s].map((x) => x.length));

/** The more selective requirement: longer strings first, then fewer of them. */
function better(a: Strings | null, b: Strings | null): Strings | null {
  if (!a || !b) return a ?? b;
  const la = shortest(a);
  const lb = shortest(b);
  return la > lb || (la === lb && a.size <= b.size) ? a : b;
}

function cross(a: Strings, b: Strings): Strings | null {
  if (a.size * b.size > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

// \b and \B match between characters; other letter or digit escapes are classes or references.
const ESCAPES: Record<string, Info> = { b: EMPTY, B: EMPTY };

/**
 * Parses `source` (JavaScript syntax, without flags) and reads its required literals; null when there are
 * none, or when the source uses syntax this reader does not follow.
 */
export function requiredLiterals(source: string): string[] | null {
  try {
    return readRequired(source);
  } catch {
    return null;
  }
}

function readRequired(source: string): string[] | null {
  let i = 0;

  const sequence = (): Info => {
    let run: Strings | null = new Set(['']);
    let best: Strings | null = null;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const part = quantified(atom());
      const joined: Strings | null = run && part.exact ? cross(run, part.exact) : null;
      if (joined) {
        run = joined;
        continue;
      }
      best = better(best, asNeed(run));
      best = better(best, part.need ?? asNeed(part.exact));
      run = part.exact;
    }
    return best ? { exact: null, need: better(best, asNeed(run)) } : { exact: run, need: null };
  };

  const alternation = (): Info => {
    const branches = [sequence()];
    while (source[i] === '|') {
      i++;
      branches.push(sequence());
    }
    if (branches.length === 1) return branches[0];
    const exact = new Set<string>();
    const need = new Set<string>();
    let exactOk = true;
    let needOk = true;
    for (const b of branches) {
      if (b.exact && exactOk) b.exact.forEach((x) => exact.add(x));
      else exactOk = false;
      const n = b.need ?? asNeed(b.exact);
      if (n && needOk) n.forEach((x) => need.add(x));
      else needOk = false;
    }
    if (exactOk && exact.size <= MAX_SET) return { exact, need: null };
    return { exact: null, need: needOk ? need : null };
  };

  const group = (): Info => {
    let lookaround = false;
    if (source[i] === '?') {
      const kind = source.slice(i + 1, i + 3);
      lookaround = kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!';
      if (kind[0] === ':' || kind[0] === '=' || kind[0] === '!') i += 2;
      else if (lookaround) i += 3;
      else if (kind[0] === '<') i = source.indexOf('>', i) + 1;
      else throw new Error(source);
    }
    const inner = alternation();
    if (source[i++] !== ')') throw new Error(source);
    // A lookaround consumes nothing: it narrows where a match may be, which only helps.
    return lookaround ? EMPTY : inner;
  };

  // A class of a few plain characters ("[sz]", "[- ]") is those characters; one with escapes, ranges or
  // negation is left unknown.
  const charClass = (): Info => {
    const start = i;
    while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    const body = source.slice(start, i++);
    return /\\|^\^|.-./.test(body) || body.length > MAX_SET ? UNKNOWN : one(...body);
  };

  const atom = (): Info => {
    const c = source[i++];
    if (c === '(') return group();
    if (c === '[') return charClass();
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return UNKNOWN;
    if (c === '\\') {
      const e = source[i++];
      // Letters and digits not listed are classes (\s, \w, \S…) or references: nothing known.
      return ESCAPES[e] ?? (/[A-Za-z0-9]/.test(e) ? UNKNOWN : one(e));
    }
    // A run of plain characters is one string, but a quantifier binds to the character before it only.
    let text = c;
    while (i < source.length && !SPECIAL.includes(source[i]) && !QUANTIFIERS.includes(source[i + 1] ?? '')) text += source[i++];
    return one(text);
  };

  const quantified = (part: Info): Info => {
    const c = source[i];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return part;
      i += m[0].length;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    } else {
      return part;
    }
    if (source[i] === '?') i++;
    if (min === 1 && max === 1) return part;
    if (min === 0 && max === 1 && part.exact) return { exact: new Set([...part.exact, '']), need: null };
    // One copy at least: the part's own requirement holds; none at all: nothing is required.
    return min > 0 ? { exact: null, need: part.need ?? asNeed(part.exact) } : UNKNOWN;
  };

  const info = alternation();
  if (i !== source.length) throw new Error(source);
  const need = info.need ?? asNeed(info.exact);
  return need && shortest(need) > 0 ? [...need] : null;
}
