/**
 * The category decision, as an expert makes it: a known phrase family in the server's words first, then
 * the enhanced status code's meaning (RFC 3463), then the basic reply code (RFC 5321).
 */
import type { Category } from '../types.js';
import { anyOf, firstMatch, literalScanner, orderedLists, type LiteralScanner, type OrderedLists } from './first-match.js';

/** `data/patterns.json`, as loaded. */
export interface PatternsData {
  notBounce: Record<'feedback' | 'vacation' | 'delivered', string[]>;
  /** `definite`: the wording settles the category whatever the SMTP stage (a directory lookup, a demand for SMTP AUTH). */
  phrases: { category: Category; cause: string | null; definite?: boolean; patterns: string[] }[];
  /** Enhanced status code with the class written `X` → category (null: says nothing). */
  statusCodes: Record<string, Category | null>;
  replyCodes: Record<string, Category>;
  blocklists: string[];
  /** Wording that introduces the remote server's own reply ("The error that the other server returned was:"). */
  serverSaid: string[];
  /** Which SMTP command the server was answering, recognised from the report's wording. */
  stages: Record<Stage, string[]>;
  /** A category read at a given stage means another: "user unknown" after DATA is a filter, not a missing mailbox. */
  stageRules: { stage: Stage | 'unknown'; categories: Category[]; category: Category; cause?: string; genericStatusOnly?: boolean; silentReport?: boolean; statusSaysOther?: boolean }[];
  /** Categories that mean something else when the code is temporary (class 4). */
  temporary: Partial<Record<Category, Category>>;
  /** Enhanced status code (class `X`) that tells how delivery ended → the causes of wording it outranks. */
  endings?: Record<string, string[]>;
  /** Subjects of delivery reports, which an auto-reply's never has. */
  bounceSubjects: string[];
  /** A delay warning's wording (`warning`), unless wording of a final notice (`final`) is there too; an expiry read from one takes `cause`. */
  stillTrying?: { warning: string[]; final: string[]; cause: string };
}

export type Stage = 'connect' | 'mailfrom' | 'rcptto' | 'data';

export interface CompiledPatterns {
  data: PatternsData;
  /** Each list as one alternation: whether any of its patterns matches (null: an empty list). */
  notBounce: Record<'feedback' | 'vacation' | 'delivered', RegExp | null>;
  /** Each family as one case-insensitive alternation, for any text (marking evidence lines). */
  phrases: { category: Category; cause: string | null; regex: RegExp | null }[];
  /** The families in order, for lower-cased text (see `foldCase`); text that cannot be lower-cased reads `phrases`. */
  families: OrderedLists;
  /** The stages in order, for lower-cased text. */
  stages: OrderedLists;
  stageNames: Stage[];
  bounceSubjects: RegExp | null;
  stillTrying: { warning: RegExp | null; final: RegExp | null };
  /** For lower-cased text. */
  serverSaid: RegExp | null;
  /** The blocklist names, each its own list: which a lower-cased text may name, in one pass. */
  blocklists: LiteralScanner;
}

/**
 * How a category was reached; it sets the confidence. `stage`: a phrase's category changed by where in the
 * SMTP conversation it was said (a stage rule), which makes it a reading of the wording, not its plain word.
 * `service`: the email service's own classification in its event, where the server's words said nothing known.
 */
export type Basis = 'phrase' | 'stage' | 'status' | 'service' | 'reply' | 'none';

export interface Classification {
  category: Category;
  cause: string | null;
  basis: Basis;
  /** The line that decided it, when a phrase did. */
  line: string | null;
  /** A phrase family marked `definite` decided it: stage rules leave it alone. */
  definite?: boolean;
}

const compiled = new WeakMap<PatternsData, CompiledPatterns>();

export function compilePatterns(data: PatternsData): CompiledPatterns {
  let c = compiled.get(data);
  if (!c) {
    // Irregexp runs a case-sensitive pattern several times faster than one with `i`: patterns written in
    // lower case are matched against lower-cased text. Lists with an upper-case letter keep `i`.
    const foldedFlags = (lists: string[][]) => (lists.some((l) => l.some((p) => /[A-Z]/.test(p.replace(/\\./g, '')))) ? 'im' : 'm');
    const familyLists = data.phrases.map((f) => f.patterns);
    const stageEntries = Object.entries(data.stages) as [Stage, string[]][];
    c = {
      data,
      notBounce: {
        feedback: anyOf(data.notBounce.feedback, 'im'),
        vacation: anyOf(data.notBounce.vacation, 'im'),
        delivered: anyOf(data.notBounce.delivered, 'im'),
      },
      phrases: data.phrases.map((f) => ({ category: f.category, cause: f.cause, regex: anyOf(f.patterns, 'im') })),
      families: orderedLists(familyLists, foldedFlags(familyLists)),
      stages: orderedLists(stageEntries.map(([, l]) => l), foldedFlags(stageEntries.map(([, l]) => l))),
      stageNames: stageEntries.map(([stage]) => stage),
      bounceSubjects: anyOf(data.bounceSubjects, 'im'),
      stillTrying: { warning: anyOf(data.stillTrying?.warning ?? [], 'im'), final: anyOf(data.stillTrying?.final ?? [], 'im') },
      serverSaid: anyOf(data.serverSaid, foldedFlags([data.serverSaid])),
      blocklists: literalScanner(data.blocklists.map((name) => [name])),
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
  const start = first.index + first[0].length;
  // Most replies are one line: no second copy of the code, nothing to join.
  if (!text.includes(first[1], start)) return text;
  const repeat = new RegExp(`(\\s)${first[1]}[- ]${first[2].replace(/\./g, '\\.')}[ \\t]`, 'g');
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
  let m: { list: number; index: number } | null = lower === null ? null : firstMatch(patterns.families, lower);
  for (let list = 0; lower === null && !m && list < patterns.phrases.length; list++) {
    const found = patterns.phrases[list].regex?.exec(text);
    if (found) m = { list, index: found.index };
  }
  if (!m) return null;
  const family = patterns.data.phrases[m.list];
  const found: Classification = { category: family.category, cause: family.cause, basis: 'phrase', line: lineAround(text, m.index) };
  return family.definite ? { ...found, definite: true } : found;
}

/** The category an enhanced status code means, most specific entry first (`X.7.26`, then `X.7.0`-style subject). */
export function categoryOfStatus(patterns: CompiledPatterns, status: string | null): Category | null {
  return status ? patterns.data.statusCodes[anyClass(status)] ?? null : null;
}

/** `5.4.7` as the data writes it, `X.4.7`. */
function anyClass(status: string): string {
  const [, subject, detail] = status.split('.');
  return `X.${subject}.${detail}`;
}

export function categoryOfReply(patterns: CompiledPatterns, replyCode: string | null): Category | null {
  return replyCode ? patterns.data.replyCodes[replyCode] ?? null : null;
}

function stageOf(patterns: CompiledPatterns, text: string): Stage | null {
  const m = firstMatch(patterns.stages, text.toLowerCase());
  return m ? patterns.stageNames[m.list] : null;
}

/** The remote server's own words, when the report introduces them after a preamble of its own. */
function serverWords(patterns: CompiledPatterns, text: string): string | null {
  const lower = foldCase(text);
  const m = lower === null ? null : patterns.serverSaid?.exec(lower);
  return m && m.index > 0 ? text.slice(m.index + m[0].length) : null;
}

function firstFound(patterns: CompiledPatterns, input: ClassifyInput): Classification {
  const said = serverWords(patterns, input.diagnostic);
  const fromPhrase = (said && matchPhrase(patterns, said)) || matchPhrase(patterns, input.diagnostic);
  if (fromPhrase) {
    // "4.4.7" after "unable to connect": the wording says why each attempt failed, the status how it ended,
    // even when the remote server's own code took the report's status's place.
    const cause = fromPhrase.cause;
    const endedBy = cause ? [input.status, input.reportStatus].find((s) => !!s && !!patterns.data.endings?.[anyClass(s)]?.includes(cause)) : undefined;
    const ended = endedBy ? categoryOfStatus(patterns, endedBy) : null;
    return ended ? { ...fromPhrase, category: ended, cause: null, basis: 'status' } : fromPhrase;
  }
  const fromStatus = categoryOfStatus(patterns, input.status);
  if (fromStatus) return { category: fromStatus, cause: null, basis: 'status', line: null };
  // The service saw the whole exchange; the SMTP stage rules, which read the report's wording, do not apply to it.
  if (input.hint) return { category: input.hint, cause: null, basis: 'service', line: null, definite: true };
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
  /** Whether a delivery report named this recipient (false for a lone pasted error line). */
  recipient?: boolean;
  /** The category an email service's event gives the failure, below the server's own words and status. */
  hint?: Category | null;
  /** The report's own status where the server's code replaced it (`RecipientReport.reportStatus`). */
  reportStatus?: string;
}

/**
 * Decides one recipient's category from its own diagnostic, its codes, and the notification around it;
 * then adjusts it for the SMTP stage and for a temporary class.
 */
export function classify(patterns: CompiledPatterns, input: ClassifyInput): Classification {
  const found = firstFound(patterns, input);
  const data = patterns.data;
  let category = found.category;
  // "X.Y.0" names only a subject ("mailbox status, undefined"): not specific enough to outrank the stage.
  const generic = !input.status || /\.0$/.test(input.status);
  // Recipients are checked at RCPT TO: "no such user" said elsewhere, under a status meaning another reason
  // (5.7.1, 5.2.1), is a filter worded as a missing mailbox (stageRules with `statusSaysOther`). An
  // addressing status (RFC 3463 X.1.*, "5.1.10 RecipientNotFound") is about the address whatever its detail;
  // a routing one (X.4.*: Microsoft's "5.4.1 Recipient address rejected: Access denied") names no filter, nor
  // a protocol one (X.5.*: the "5.5.0" a report writes beside a bare "550 mailbox unavailable").
  // A report that quotes "user unknown" with neither a status nor the command it answered gives no sign the
  // address was checked at all: many filters answer so after DATA (stageRules with `silentReport`).
  const statusSays = /^\d\.[145]\./.test(input.status ?? '') ? null : categoryOfStatus(patterns, input.status);
  const rules = found.definite
    ? []
    : data.stageRules.filter(
        (r) =>
          r.categories.includes(category) &&
          (generic || !r.genericStatusOnly) &&
          (!r.silentReport || (!!input.recipient && !input.status)) &&
          (!r.statusSaysOther || (!!statusSays && !r.categories.includes(statusSays))),
      );
  // The stage is looked for only when a rule could use it: reading it means reading the whole notification.
  const stage = rules.length ? (stageOf(patterns, input.diagnostic) ?? input.context.stage() ?? 'unknown') : null;
  const rule = stage ? rules.find((r) => r.stage === stage) : undefined;
  if (rule) category = rule.category;
  const temporary = (input.status ?? input.replyCode ?? '')[0] === '4';
  if (temporary) category = data.temporary[category] ?? category;
  if (category === found.category) return found;
  const byRule = !!rule && category === rule.category;
  return { ...found, category, cause: byRule ? (rule.cause ?? null) : null, basis: byRule ? 'stage' : found.basis };
}
