/**
 * Reads what an expert reads in a bounce: the RFC 3464 delivery-status fields, and the free-text layouts
 * MTAs write (Postfix, Exim, qmail, Sendmail, Exchange, Gmail…): per recipient, the server's own words.
 */
import { parseCode } from '../code-parser.js';
import type { Category } from '../types.js';
import { readEvents } from './json-events.js';
import { splitLines } from './lines.js';

/** One failed (or delayed, or delivered) recipient as the report states it. */
export interface RecipientReport {
  address: string | null;
  /** RFC 3464 Action (`failed`, `delayed`, `delivered`…), lower case. */
  action: string | null;
  /** The enhanced status code as written in the message. */
  status: string | null;
  replyCode: string | null;
  /** The remote server's own text for this recipient (Diagnostic-Code or the quoted SMTP reply). */
  diagnostic: string;
  /** The report's free-text paragraph about this recipient, when it adds to the diagnostic (the SMTP stage, say). */
  notes: string;
  remoteMta: string | null;
  /** An email service's own classification of the failure, read when the server's words say nothing known. */
  hint?: Category | null;
  /** The report's own Status when the remote server's code took its place: it may still say how delivery ended ("4.4.7"). */
  reportStatus?: string;
}

export interface Extracted {
  /** Top-level headers, lower-case name → first value. */
  headers: Map<string, string>;
  /** The notification: human text and report fields, without the returned original message. */
  notification: string;
  recipients: RecipientReport[];
  reportingMta: string | null;
  /** Whether RFC 3464 per-recipient fields were present. */
  dsn: boolean;
}

/** The notification is cut here: the explanation is always at the top, and scanning stays linear and cheap. */
export const MAX_NOTIFICATION_CHARS = 64 * 1024;
const MAX_LINE = 1000;
const MAX_BLOCK_LINES = 16;
/** More recipients than this are not listed: the work per report stays bounded. */
const MAX_RECIPIENTS = 100;

// Where the returned original message begins in a text bounce. A rule may be framed in bars
// ("|------ Message header follows: ------|", Deutsche Telekom).
const RETURNED = /^(?:\|?[-=_*\s]{3,}.{0,40}(?:original message|copy of (?:the |your )?message|returned message|undelivered message|below this line|message headers? follow|headers? of (?:the )?original|original headers|message text follows|unsent message)|content-type:\s*(?:message\/rfc822|text\/rfc822-headers)|-{5,} ?original message ?-{5,}|\s{0,8}original (?:mail|message) (?:as )?follows\b|\s{0,8}included is a copy of (?:the |your )?message\b)/i;
const ADDRESS = /[^\s<>()[\]"'@,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,63}/;
// A line of a multi-line SMTP reply may start with the address right after its code ("550-ann@example.net is
// not…"): that is the reply going on, not another recipient.
const ADDRESS_LINE = new RegExp(`^\\s{0,8}(?:rcpt to:\\s*)?<?(?![245]\\d\\d-)(${ADDRESS.source})>?:?(?:\\s|$)`, 'i');
const FIELD = /^(final-recipient|original-recipient|action|status|diagnostic-code|remote-mta|reporting-mta|x-failed-recipients)[ \t]*:[ \t]*(.*)$/i;
// Not a version number either ("mxl_mta-5.5.0-3").
const STATUS_CODE = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]\d|-\d)/;
const MAYBE_CODE = /[2-5]\d\d|[245]\.\d/;

/** A successful step of a quoted SMTP session ("250-PIPELINING", "Out: 250 2.1.5 Ok", "Received >>> 250 OK"). */
export const SUCCESSFUL_STEP = /^\s*(?:(?:out|in):|(?:received |sent )?[<>]{3})?\s*[23]\d\d[ -]/i;

/** An address line needs an "@": most lines have none, and the full pattern is not cheap. */
const addressLine = (line: string) => (line.includes('@') ? ADDRESS_LINE.exec(line) : null);

function unfoldHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  let name = '';
  for (const line of splitLines(block)) {
    if (/^[ \t]/.test(line) && name) {
      headers.set(name, `${headers.get(name)} ${line.trim()}`);
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]*(.*)$/.exec(line);
    const key = m ? m[1].toLowerCase() : '';
    name = m && !headers.has(key) ? key : '';
    if (m && name) headers.set(name, m[2].slice(0, MAX_LINE));
  }
  return headers;
}

/** Splits a plain text into a leading header block (if it starts with one) and the rest. */
export function splitHeaders(text: string): { headers: string; body: string } {
  const head = text.slice(0, 64 * 1024);
  if (!/^(?:From \S|[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]?\S)/.test(head)) return { headers: '', body: text };
  const end = head.search(/\r?\n[ \t]*\r?\n/);
  if (end < 0) return { headers: '', body: text };
  const block = head.slice(0, end);
  // Every line of a header block is a field or a continuation; otherwise it was a pasted notification.
  const ok = block.split(/\r?\n/).every((l) => /^[ \t]/.test(l) || /^From \S/.test(l) || /^[A-Za-z][A-Za-z0-9-]{0,60}:/.test(l));
  return ok ? { headers: block, body: text.slice(end).replace(/^\s+/, '') } : { headers: '', body: text };
}

/** The notification's lines, up to where the returned message begins. */
function cutReturned(body: string): string[] {
  const lines = splitLines(body.slice(0, MAX_NOTIFICATION_CHARS));
  const out: string[] = [];
  for (const line of lines) {
    if (RETURNED.test(line)) break;
    out.push(line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line);
  }
  return out;
}

function fieldValue(value: string): string {
  // "rfc822; user@example.org", "smtp; 550 …", "dns; mx.example.org": the type is not wanted.
  return value.replace(/^[\w-]{1,20};\s*/, '').trim();
}

function addressOf(value: string): string | null {
  const m = ADDRESS.exec(value);
  return m ? m[0].toLowerCase() : null;
}

/**
 * The failure's reply code and enhanced status code as the text gives them. Only classes 4 and 5: in a
 * bounce's free text a 2xx number is a size or a count, and wildcards are not real codes.
 */
export function codesIn(text: string, classes = '45'): { replyCode: string | null; status: string | null } {
  const real = (code: string | null, shape: RegExp) => (code && shape.test(code) && classes.includes(code[0]) ? code : null);
  const pick = (part: string) => {
    const found = parseCode(part);
    return found.ok
      ? { replyCode: real(found.value.replyCode, /^\d{3}$/), status: real(found.value.status, /^\d\.\d{1,3}\.\d{1,3}$/) }
      : { replyCode: null, status: null };
  };
  const head = text.slice(0, 4000);
  const codes = pick(head);
  // The best-looking number in the whole text may be a size ("SIZE=222"): then read line by line, only the
  // lines that hold something shaped like a code.
  for (const line of codes.replyCode && codes.status ? [] : head.split('\n', 40)) {
    if (!MAYBE_CODE.test(line)) continue;
    const more = pick(line);
    codes.replyCode ??= more.replyCode;
    codes.status ??= more.status;
    if (codes.replyCode && codes.status) break;
  }
  if (codes.status && !codes.replyCode) codes.replyCode = replyBefore(head, codes.status);
  return codes;
}

/**
 * A reply code the code finder did not pair with the status because words stand between them, earlier on
 * the status's line and of its class ("550 sorry, no mailbox here (#5.1.1)", "ERROR_CODE :550, ERROR_CODE :5.1.1").
 */
function replyBefore(text: string, status: string): string | null {
  const at = text.indexOf(status);
  if (at < 0) return null;
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  return new RegExp(`(?<![\\w.])${status[0]}\\d\\d(?![\\w.])`).exec(line)?.[0] ?? null;
}

export function emptyRecipient(address: string | null): RecipientReport {
  return { address, action: null, status: null, replyCode: null, diagnostic: '', notes: '', remoteMta: null };
}

type Draft = RecipientReport & { hasFinal: boolean; hasOriginal: boolean };

/** RFC 3464 fields, grouped per recipient. */
function readDsn(lines: string[]): { recipients: RecipientReport[]; reportingMta: string | null } {
  const drafts: Draft[] = [];
  let reportingMta: string | null = null;
  const start = (): Draft => {
    // Not `{ ...emptyRecipient(null), hasFinal… }`: V8 builds a spread followed by new keys many times slower.
    const d = Object.assign(emptyRecipient(null), { hasFinal: false, hasOriginal: false });
    drafts.push(d);
    return d;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = FIELD.exec(lines[i]);
    if (!m) continue;
    let value = m[2];
    while (i + 1 < lines.length && /^[ \t]+\S/.test(lines[i + 1]) && !FIELD.test(lines[i + 1].trim())) {
      value += ' ' + lines[++i].trim();
    }
    const name = m[1].toLowerCase();
    // A non-SMTP diagnostic type stays: "x-unix;" says a local delivery program failed.
    value = name === 'diagnostic-code' && !/^smtp;/i.test(value) ? value.slice(0, MAX_LINE).trim() : fieldValue(value.slice(0, MAX_LINE));
    let r: Draft | undefined = drafts[drafts.length - 1];
    if (name === 'reporting-mta') {
      reportingMta ??= value || null;
    } else if (name === 'original-recipient') {
      // Postfix writes Final- then Original-Recipient, others the reverse: only a finished record closes.
      if (!r || r.hasOriginal || (r.hasFinal && (r.action || r.status))) r = start();
      r.hasOriginal = true;
      r.address ??= addressOf(value);
    } else if (name === 'final-recipient') {
      if (!r || r.hasFinal) r = start();
      r.hasFinal = true;
      r.address = addressOf(value) ?? r.address;
    } else if (name !== 'x-failed-recipients') {
      const key = name === 'action' ? 'action' : name === 'status' ? 'status' : name === 'diagnostic-code' ? 'diagnostic' : 'remoteMta';
      // Some reports write Action and Status before the recipient: a field seen twice opens the next one.
      if (!r || r[key]) r = start();
      if (name === 'action') r.action = value.toLowerCase().split(/\s/)[0] || null;
      else if (name === 'status') r.status = STATUS_CODE.exec(value)?.[0] ?? null;
      else if (name === 'diagnostic-code') r.diagnostic = value;
      else if (name === 'remote-mta') r.remoteMta = value || null;
    }
  }
  // A lone Reporting-MTA or stray fields make no recipient.
  return {
    recipients: drafts
      .filter((r) => r.address || r.status || r.diagnostic)
      .map(({ hasFinal: _f, hasOriginal: _o, ...r }) => r),
    reportingMta,
  };
}

/** Where a recipient's block starts: its address, and the rest of the line that belongs to the block. */
type Opener = (line: string, index: number) => { address: string; text: string } | null;

const startsWithAddress: Opener = (line) => {
  const m = addressLine(line);
  return m ? { address: m[1].toLowerCase(), text: line.slice(m[0].length).trim() } : null;
};

// Layouts some MTAs use instead, read only when no recipient opens a line: an address after a list mark
// ("-- a@b", "  * a@b", ">>> a@b <a@b>"); after a label about the recipient or the failure ("Unknown user:
// a@b", "Could not be delivered to: <a@b>", "Recipient Address: a@b"); or in angle brackets after words that
// name the recipient inside a sentence ("rejected recipient <a@b>", "RCPT TO:<a@b>", "Address: <a@b>").
const LISTED = new RegExp(`^\\s{0,8}(?:--|\\*|>>>|\u2022)\\s{1,4}<?(${ADDRESS.source})>?`, 'i');
const LABELLED = new RegExp(`^\\s{0,8}([A-Za-z][\\w ,'-]{1,60}):\\s{0,20}<?(${ADDRESS.source})>?[.,;]?\\s*$`);
/** A label about the recipient or the failure, not about the sender. */
const RECIPIENT_LABEL = /^(?!.*(?:sender|from|reply|return)).*(?:recipient|user|mailbox|deliver|address| to$)/i;
const NAMED = new RegExp(`(?:recipient|rcpt to:|deliver(?:ed)?(?: message)? to:?|address:)\\s{0,4}<(${ADDRESS.source})>`, 'i');
// A sentence that names the recipient without brackets ("unable to deliver your message to a@b for the
// following reason", "The following message, addressed to 'a@b', failed").
const SENTENCE = new RegExp(`(?:deliver (?:your |the )?message to|message,? addressed to)\\s{1,4}['"]?(${ADDRESS.source})`, 'i');
// A line that announces a list of recipients ("did not reach the following recipient(s):", "could not be
// delivered to the following user:", "Message not delivered to the following addresses:").
const LIST_INTRO = /(?:following|these) (?:\w+ )?(?:recipients?|recipient\(s\)|address(?:es|\(es\))?|users?|destinations?)\s{0,4}:$|\bto the following\s{0,4}:$/i;
// An X.400 form of the address, as Exchange writes it ("…;dda:SMTP=a@b;").
const X400_SMTP = /^smtp=/i;

/**
 * The lines listed under a LIST_INTRO line, each with the first address it holds: the list runs from the
 * line after the intro (or after one blank line) to the first line without an address.
 */
function listedUnderIntro(lines: string[]): Map<number, string> {
  const listed = new Map<number, string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line.endsWith(':') || !LIST_INTRO.test(line)) continue;
    let j = i + 1;
    if (j < lines.length && !lines[j].trim()) j++;
    for (; j < lines.length && listed.size < MAX_RECIPIENTS; j++) {
      const m = lines[j].includes('@') ? ADDRESS.exec(lines[j]) : null;
      if (!m) break;
      listed.set(j, m[0].replace(X400_SMTP, '').toLowerCase());
    }
    i = j - 1;
  }
  return listed;
}

const namedIn: Opener = (line) => {
  if (!line.includes('@')) return null;
  const listed = LISTED.exec(line);
  if (listed) return { address: listed[1].toLowerCase(), text: line.slice(listed[0].length).trim() };
  const labelled = LABELLED.exec(line);
  if (labelled && RECIPIENT_LABEL.test(labelled[1])) {
    // "Recipient Address" names only the field; "Unknown user" is the reason itself.
    return { address: labelled[2].toLowerCase(), text: /^(?:recipient|address|to|rcpt)\b/i.test(labelled[1]) ? '' : labelled[1] };
  }
  const named = NAMED.exec(line) ?? SENTENCE.exec(line);
  return named ? { address: named[1].toLowerCase(), text: line.trim() } : null;
};

/** The second pass's opener over `lines`: a line listed under an intro, or one that names its address. */
const mentionsAddress = (lines: string[]): Opener => {
  const listed = listedUnderIntro(lines);
  return (line, i) => {
    const address = listed.get(i);
    return address ? { address, text: line.trim() } : namedIn(line, i);
  };
};

/** Free-text layouts: a line that opens a recipient's block, then the server's words until a blank line. */
function readBlocks(lines: string[], open: Opener): Map<string, string> {
  const blocks = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    if (FIELD.test(lines[i])) continue;
    const m = open(lines[i], i);
    if (!m) continue;
    const address = m.address;
    const block = [m.text];
    let j = i + 1;
    // An address alone on its line, then a blank line: the explanation is the next paragraph (Gmail).
    let skipBlank = !block[0];
    for (; j < lines.length && block.length <= MAX_BLOCK_LINES; j++) {
      const next = open(lines[j], j);
      // An indented line quoting the same address continues the block (Postfix wraps "said: 550 <addr>: …").
      if ((next && !(/^\s/.test(lines[j]) && next.address === address)) || FIELD.test(lines[j])) break;
      if (!lines[j].trim()) {
        // Gmail and others explain over several paragraphs: read on until the server's code is in.
        if ((skipBlank && block.length === 1) || !/(?<![\w.])[45]\d\d(?![\w.])/.test(block.join(' '))) continue;
        break;
      }
      skipBlank = false;
      block.push(lines[j].trim());
    }
    const text = block.filter(Boolean).join(' ');
    if (text || !blocks.has(address)) blocks.set(address, [blocks.get(address), text].filter(Boolean).join(' '));
    i = j - 1;
  }
  return blocks;
}

/** A service's JSON events as recipients of a report: the reply read like a Diagnostic-Code field. */
function readJsonReport(text: string): { recipients: RecipientReport[]; reportingMta: string | null } | null {
  const events = readEvents(text);
  if (!events) return null;
  const recipients = events.recipients.map((e) =>
    Object.assign(emptyRecipient(addressOf(e.address)), {
      action: e.action,
      status: STATUS_CODE.exec(e.status)?.[0] ?? null,
      replyCode: e.replyCode,
      diagnostic: /^smtp;/i.test(e.reply) ? fieldValue(e.reply.slice(0, MAX_LINE)) : e.reply.slice(0, MAX_LINE),
      remoteMta: e.remoteMta,
      hint: e.hint,
    }),
  );
  return { recipients, reportingMta: fieldValue(events.reportingMta ?? '') || null };
}

/** The one address a returned message was sent to (its To field), or null when it names none or several. */
export function soleRecipient(message: string): string | null {
  const to = unfoldHeaders(splitHeaders(message).headers).get('to') ?? '';
  const found = new Set((to.match(new RegExp(ADDRESS.source, 'g')) ?? []).map((a) => a.toLowerCase()));
  return found.size === 1 ? [...found][0] : null;
}

/** Reads headers, recipients and their diagnostics from a decoded bounce. */
export function extract(headerBlock: string, body: string): Extracted {
  const headers = unfoldHeaders(headerBlock);
  const events = readJsonReport(body.slice(0, MAX_NOTIFICATION_CHARS));
  // An event's keys and the service's own descriptions are nobody's explanation: its text is the servers' replies.
  const lines = events ? splitLines(events.recipients.map((r) => r.diagnostic).join('\n')) : cutReturned(body);
  const notification = lines.join('\n');
  const dsn = events ?? readDsn(lines);
  let blocks = events ? new Map<string, string>() : readBlocks(lines, startsWithAddress);
  // A quoted session's successful steps ("250 2.1.5 Ok") would lend a recipient their codes.
  if (!dsn.recipients.length && !blocks.size) {
    const unsuccessful = lines.filter((l) => !SUCCESSFUL_STEP.test(l));
    blocks = readBlocks(unsuccessful, mentionsAddress(unsuccessful));
  }
  let recipients = dsn.recipients;
  if (recipients.length) {
    for (const r of recipients) {
      const block = r.address ? blocks.get(r.address) : undefined;
      if (!r.diagnostic && block) r.diagnostic = block;
      else if (block) r.notes = block;
    }
  } else {
    // Exim's X-Failed-Recipients names exactly the failed ones; otherwise every address that opens a block.
    const failed = (headers.get('x-failed-recipients') ?? '').split(',').map(addressOf).filter((a): a is string => !!a);
    const chosen = failed.length ? [...new Set(failed)] : [...blocks.keys()];
    recipients = chosen.map((a) => ({ ...emptyRecipient(a), diagnostic: blocks.get(a) ?? '' }));
  }
  recipients = recipients.slice(0, MAX_RECIPIENTS);
  for (const r of recipients) {
    // A delivery report's own "250 OK" counts; elsewhere a 2xx number is not the failure's code.
    const codes = codesIn(r.diagnostic, r.action && /^(?:delivered|relayed|expanded|deliverable)$/.test(r.action) ? '245' : '45');
    // The Status field is the reporting server's summary: "5.0.0" (failed), "4.4.7" (gave up retrying), or
    // Sendmail's own guess from the reply code ("5.1.1" for any 550). The remote server's code in the
    // diagnostic, of the same class, says why. A status the code finder did not pair with its reply code
    // ("550: 5.2.2 …") is still the status.
    const specific = codes.status ?? STATUS_CODE.exec(r.diagnostic)?.[0] ?? null;
    if (specific && r.status && specific !== r.status && specific[0] === r.status[0]) r.reportStatus = r.status;
    if (!r.status || specific?.[0] === r.status[0]) r.status = specific ?? r.status;
    const failure = /^[45]/.test(r.status ?? '') ? r.status : null;
    r.replyCode ??= codes.replyCode ?? (failure && replyBefore(r.diagnostic, failure));
  }
  return { headers, notification, recipients, reportingMta: dsn.reportingMta, dsn: dsn.recipients.length > 0 };
}
