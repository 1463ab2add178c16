/**
 * The category decision, as an expert makes it: a known phrase family in the server's words first, then
 * the enhanced status code's meaning (RFC 3463), then the basic reply code (RFC 5321).
 */
import type { Category } from '../types.js';

/** `data/patterns.json`, as loaded. */
export interface PatternsData {
  notBounce: Record<'feedback' | 'vacation' | 'delivered', string[]>;
  phrases: { category: Category; cause: string | null; patterns: string[] }[];
  /** Enhanced status code with the class written `X` → category (null: says nothing). */
  statusCodes: Record<string, Category | null>;
  replyCodes: Record<string, Category>;
  blocklists: string[];
  /** Wording that introduces the remote server's own reply ("The error that the other server returned was:"). */
  serverSaid: string[];
  /** Which SMTP command the server was answering, recognised from the report's wording. */
  stages: Record<Stage, string[]>;
  /** A category read at a given stage means another: "user unknown" after DATA is a filter, not a missing mailbox. */
  stageRules: { stage: Stage; categories: Category[]; category: Category; genericStatusOnly?: boolean }[];
  /** Categories that mean something else when the code is temporary (class 4). */
  temporary: Partial<Record<Category, Category>>;
  /** Subjects of delivery reports, which an auto-reply's never has. */
  bounceSubjects: string[];
}

export type Stage = 'connect' | 'mailfrom' | 'rcptto' | 'data';

export interface CompiledPatterns {
  data: PatternsData;
  notBounce: Record<'feedback' | 'vacation' | 'delivered', RegExp[]>;
  /** `regexes` match any text; `folded`, the same patterns, match lower-cased text (see `foldCase`). */
  phrases: { category: Category; cause: string | null; regexes: RegExp[]; folded: RegExp }[];
  /** One alternation per stage, for lower-cased text. */
  stages: [Stage, RegExp][];
  bounceSubjects: RegExp[];
  /** For lower-cased text. */
  serverSaid: RegExp;
}

/** How a category was reached; it sets the confidence. */
export type Basis = 'phrase' | 'status' | 'reply' | 'none';

export interface Classification {
  category: Category;
  cause: string | null;
  basis: Basis;
  /** The line that decided it, when a phrase did. */
  line: string | null;
}

const compiled = new WeakMap<PatternsData, CompiledPatterns>();

export function compilePatterns(data: PatternsData): CompiledPatterns {
  let c = compiled.get(data);
  if (!c) {
    const re = (p: string) => new RegExp(p, 'im');
    const either = (list: string[]) => list.map((p) => `(?:${p})`).join('|');
    // Irregexp runs a case-sensitive pattern several times faster than one with `i`: patterns written in
    // lower case are matched against lower-cased text. One with an upper-case letter keeps `i`.
    const folded = (list: string[]) => {
      const source = either(list) || '(?!)';
      return new RegExp(source, /[A-Z]/.test(source.replace(/\\./g, '')) ? 'im' : 'm');
    };
    c = {
      data,
      notBounce: {
        feedback: data.notBounce.feedback.map(re),
        vacation: data.notBounce.vacation.map(re),
        delivered: data.notBounce.delivered.map(re),
      },
      // One alternation per family: one pass over the text instead of one per pattern.
      phrases: data.phrases.map((f) => ({ category: f.category, cause: f.cause, regexes: [re(either(f.patterns))], folded: folded(f.patterns) })),
      stages: (Object.entries(data.stages) as [Stage, string[]][]).map(([stage, list]) => [stage, folded(list)]),
      bounceSubjects: data.bounceSubjects.map(re),
      serverSaid: folded(data.serverSaid),
    };
    compiled.set(data, c);
  }
  return c;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end).trim().slice(0, 300);
}

const FIRST_CODE = /(?<![\w.])([245]\d\d)[- ]([245]\.\d{1,3}\.\d{1,3})[ \t]/;

/**
 * A multi-line SMTP reply repeats its code on every line ("550-5.7.1 Messages with multiple\n550-5.7.1
 * addresses…"); the repeats split phrases apart, so they go before matching.
 */
function joinContinuations(text: string): string {
  const first = FIRST_CODE.exec(text);
  if (!first) return text;
  const repeat = new RegExp(`(\\s)${first[1]}[- ]${first[2].replace(/\./g, '\\.')}[ \\t]`, 'g');
  const start = first.index + first[0].length;
  return text.slice(0, start) + text.slice(start).replace(repeat, '$1');
}

/**
 * `text` in lower case for the `folded` patterns, with indexes that still point into `text`; null in the rare
 * case lower-casing changes the length (a dotted capital I), where the `i` patterns must read `text` itself.
 */
function foldCase(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

/** The first phrase family (in data order) that matches `text`. */
export function matchPhrase(patterns: CompiledPatterns, raw: string): Classification | null {
  if (!raw) return null;
  const text = joinContinuations(raw);
  const lower = foldCase(text);
  for (const family of patterns.phrases) {
    const m = lower === null ? family.regexes[0].exec(text) : family.folded.exec(lower);
    if (m) return { category: family.category, cause: family.cause, basis: 'phrase', line: lineAround(text, m.index) };
  }
  return null;
}

/** The category an enhanced status code means, most specific entry first (`X.7.26`, then `X.7.0`-style subject). */
export function categoryOfStatus(patterns: CompiledPatterns, status: string | null): Category | null {
  if (!status) return null;
  const [, subject, detail] = status.split('.');
  return patterns.data.statusCodes[`X.${subject}.${detail}`] ?? null;
}

export function categoryOfReply(patterns: CompiledPatterns, replyCode: string | null): Category | null {
  return replyCode ? patterns.data.replyCodes[replyCode] ?? null : null;
}

function stageOf(patterns: CompiledPatterns, text: string): Stage | null {
  const lower = text.toLowerCase();
  return patterns.stages.find(([, re]) => re.test(lower))?.[0] ?? null;
}

/** The remote server's own words, when the report introduces them after a preamble of its own. */
function serverWords(patterns: CompiledPatterns, text: string): string | null {
  const lower = foldCase(text);
  const m = lower === null ? null : patterns.serverSaid.exec(lower);
  return m && m.index > 0 ? text.slice(m.index) : null;
}

function firstFound(patterns: CompiledPatterns, input: ClassifyInput): Classification {
  const said = serverWords(patterns, input.diagnostic);
  const fromPhrase = (said && matchPhrase(patterns, said)) || matchPhrase(patterns, input.diagnostic);
  if (fromPhrase) return fromPhrase;
  const fromStatus = categoryOfStatus(patterns, input.status);
  if (fromStatus) return { category: fromStatus, cause: null, basis: 'status', line: null };
  const fromContext = input.context.phrase();
  if (fromContext) return fromContext;
  const fromReply = categoryOfReply(patterns, input.replyCode);
  if (fromReply) return { category: fromReply, cause: null, basis: 'reply', line: null };
  return { category: 'undefined', cause: null, basis: 'none', line: null };
}

/** What the whole notification says, read at most once however many recipients ask. */
export interface ContextReader {
  phrase(): Classification | null;
  stage(): Stage | null;
}

export function contextReader(patterns: CompiledPatterns, text: string): ContextReader {
  let phrase: Classification | null | undefined;
  let stage: Stage | null | undefined;
  return {
    phrase: () => (phrase === undefined ? (phrase = matchPhrase(patterns, text)) : phrase),
    stage: () => (stage === undefined ? (stage = stageOf(patterns, text)) : stage),
  };
}

export interface ClassifyInput {
  /** The server's own words for this recipient. */
  diagnostic: string;
  status: string | null;
  replyCode: string | null;
  /** The whole notification, read when the diagnostic says nothing known. */
  context: ContextReader;
}

/**
 * Decides one recipient's category from its own diagnostic, its codes, and the notification around it;
 * then adjusts it for the SMTP stage and for a temporary class.
 */
export function classify(patterns: CompiledPatterns, input: ClassifyInput): Classification {
  const found = firstFound(patterns, input);
  const data = patterns.data;
  let category = found.category;
  const stage = stageOf(patterns, input.diagnostic) ?? input.context.stage();
  // "X.Y.0" names only a subject ("mailbox status, undefined"): not specific enough to outrank the stage.
  const generic = !input.status || /\.0$/.test(input.status);
  const rule = stage
    ? data.stageRules.find((r) => r.stage === stage && r.categories.includes(category) && (generic || !r.genericStatusOnly))
    : undefined;
  if (rule) category = rule.category;
  const temporary = (input.status ?? input.replyCode ?? '')[0] === '4';
  if (temporary) category = data.temporary[category] ?? category;
  return category === found.category ? found : { ...found, category, cause: null };
}
