/**
 * Finds the SMTP reply code (`550`) and the enhanced status code (`5.7.26`) in whatever a person types
 * or pastes: a bare code, a whole bounce line, a Diagnostic-Code header, an Outlook non-delivery report.
 */
import type { Result } from './types.js';

/**
 * A code as found. `replyCode` is three digits or a class wildcard (`5xx`); `status` is `C.S.D` where the
 * class may be `X` (unknown, as IANA writes it) and subject/detail may be `x` (`5.7.x`, `5.x.x`).
 */
export interface ParsedCode {
  replyCode: string | null;
  status: string | null;
  /** Set when the most specific part given stops at the class (`4xx`, `5.x.x`) or the subject (`5.7.x`). */
  wildcard?: 'class' | 'subject';
}

export type ParseFailure = 'empty' | 'no-code' | 'malformed';

/** Longer pastes are cut here: a bounce's code sits in its first lines, and scanning stays cheap. */
export const MAX_SCAN_CHARS = 100 * 1024;

// RFC 3463: subject and detail are 1 to 3 digits; a leading zero ("5.01.24") is more likely a date.
const NUM = '(?:0|[1-9]\\d{0,2})';
// Not glued to a word, a dotted number, a path or a port ("v5.1.1", "10.5.1.1", "host:550").
const BEFORE = '(?<![\\w.:/@$%+])';
const STATUS = `${BEFORE}([245xX])\\.(${NUM}|[xX])\\.(${NUM}|[xX])(?![\\w%]|[.,:]\\d|-\\d)`;
// A reply code may be followed by "-" and its status ("550-5.7.26"), but not by more digits ("555-1234").
const REPLY = `${BEFORE}(?<!-)([2-5](?:[0-5]\\d|[xX]{2}))(?![\\w%]|[.,:/]\\d|-\\d(?!\\.))`;
// "550 5 7 1": some mail clients drop the dots of the status.
const SPACED = `${BEFORE}([2-5][0-5]\\d)[ \\t]+([245])[ \\t]+(${NUM})[ \\t]+(${NUM})(?![\\w.%])`;
// Compiled once, read with `matches` (matchAll would copy each pattern on every call).
const STATUS_G = new RegExp(STATUS, 'g');
const REPLY_G = new RegExp(REPLY, 'g');
const SPACED_G = new RegExp(SPACED, 'g');

// How far back the start of a code's line is looked for; a code further into its line does not open it.
const LINE_LOOKBACK = 120;

// Words after which a code is what the server said, and therefore the one to believe.
const MARKER = /(?:smtp;|said:|#|diagnostic-code:|status:|returned|reply:|response:|error:?|code:?)[\s'"<(]*$/i;
// Words after which a number is something else.
const NOT_A_CODE = /(?:\bport|\bversion|\bver\.?|\brelease|\bv)\s*$/i;

interface Candidate {
  replyCode: string | null;
  status: string | null;
  start: number;
  end: number;
  score: number;
}

/** How much the text before `index` makes a code there believable (negative: not a code at all). */
function contextScore(text: string, index: number): number {
  const before = text.slice(Math.max(0, index - 24), index);
  if (NOT_A_CODE.test(before)) return -1;
  let score = 0;
  if (MARKER.test(before)) score += 20;
  // Only a short stretch is read back: searching a long line to its start for every candidate is quadratic.
  const from = Math.max(0, index - LINE_LOOKBACK);
  const window = text.slice(from, index);
  const newline = window.lastIndexOf('\n');
  if ((newline >= 0 || from === 0) && /^[\s'"<(#>]*$/.test(window.slice(newline + 1))) score += 15;
  return score;
}

function normaliseStatus(cls: string, subject: string, detail: string): string | null {
  const s = subject.toLowerCase();
  const d = detail.toLowerCase();
  // A wildcard may only cover the end: "5.x.1" and "X.x.x" say nothing usable.
  if (s === 'x' && d !== 'x') return null;
  if (/x/i.test(cls) && s === 'x') return null;
  return `${cls.toUpperCase()}.${s}.${d}`;
}

/** Every match of a global pattern in `text`, in order. None of the patterns matches the empty string. */
function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m);
  return found;
}

function collect(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (replyCode: string | null, status: string | null, start: number, end: number, base: number) => {
    const context = contextScore(text, start);
    if (context >= 0) found.push({ replyCode, status, start, end, score: base + context });
  };
  const statuses: Candidate[] = [];
  for (const m of matches(STATUS_G, text)) {
    const status = normaliseStatus(m[1], m[2], m[3]);
    if (status) statuses.push({ replyCode: null, status, start: m.index, end: m.index + m[0].length, score: 0 });
  }
  for (const s of statuses) add(null, s.status, s.start, s.end, 20);
  // Both lists are in text order, so one pointer finds the status after each reply code (linear, not quadratic).
  let following = 0;
  for (const m of matches(REPLY_G, text)) {
    const replyCode = m[1].toLowerCase();
    const end = m.index + m[0].length;
    add(replyCode, null, m.index, end, 10);
    while (following < statuses.length && statuses[following].start < end) following++;
    // Reply code and status side by side ("550 5.1.1", "550-5.7.26", "550 #5.1.1") are one answer.
    const next = statuses[following];
    if (next && /^[\s#-]{1,3}$/.test(text.slice(end, next.start))) add(replyCode, next.status, m.index, next.end, 30);
  }
  for (const m of matches(SPACED_G, text)) {
    add(m[1], `${m[2]}.${m[3]}.${m[4]}`, m.index, m.index + m[0].length, 30);
  }
  return found;
}

function wildcardOf(code: string | null): ParsedCode['wildcard'] {
  if (!code) return undefined;
  if (/^\dxx$|^.\.x\.x$/.test(code)) return 'class';
  if (/^.\.\d+\.x$/.test(code)) return 'subject';
  return undefined;
}

// Too short or too odd to be a code, yet made of code characters: "55", "6.1.1", "9999", "5.7.".
function looksLikeAttempt(text: string): boolean {
  return text.length <= 24 && /\d/.test(text) && /^[\d\sxX.#-]+$/.test(text) && !/^\d+(\.\d+){3}$/.test(text);
}

// Binary data pasted by mistake: many control characters.
function isBinary(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > text.length / 10;
}

/**
 * Finds the most believable code in `text`. Candidates at the start of a line or after markers such as
 * `smtp;`, `said:`, `#` or `Diagnostic-Code:` win; a reply code with its status beats either alone.
 * When the two class digits disagree both are kept; the reply code's class decides temporary/permanent.
 */
export function parseCode(text: string): Result<ParsedCode, ParseFailure> {
  const scanned = String(text ?? '').slice(0, MAX_SCAN_CHARS).trim();
  if (!scanned) return { ok: false, error: { reason: 'empty', message: 'Nothing was entered.' } };
  const candidates = isBinary(scanned) ? [] : collect(scanned);
  if (!candidates.length) {
    return looksLikeAttempt(scanned)
      ? { ok: false, error: { reason: 'malformed', message: `"${scanned}" is not a valid SMTP code.` } }
      : { ok: false, error: { reason: 'no-code', message: 'No SMTP error code was found in the text.' } };
  }
  const best = candidates.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.start < a.start) ? b : a));
  let { replyCode, status } = best;
  // A DSN often gives the two apart ("Status: 5.1.1" … "Diagnostic-Code: smtp; 550 …"): join them when
  // the missing half also sits behind a marker.
  const partner = candidates
    .filter((c) => c.score >= 30 && (replyCode ? !c.replyCode && c.status : !c.status && c.replyCode))
    .sort((a, b) => b.score - a.score)[0];
  if (partner && !(replyCode && status)) {
    replyCode ??= partner.replyCode;
    status ??= partner.status;
  }
  const code: ParsedCode = { replyCode, status };
  const wildcard = wildcardOf(status) ?? (status ? undefined : wildcardOf(replyCode));
  if (wildcard) code.wildcard = wildcard;
  return { ok: true, value: code };
}

/** The canonical written form used in deep links and outputs: `550`, `5.7.26`, `550-5.7.26`, `4xx`. */
export function formatCode(code: ParsedCode): string {
  return [code.replyCode, code.status].filter(Boolean).join('-');
}
