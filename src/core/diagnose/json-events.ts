/**
 * An email service's bounce event as JSON, pasted from a dashboard or a webhook log: Amazon SES, and the
 * services whose events carry one recipient each (Mailgun, SendGrid, Postmark, SparkPost, Mandrill, Brevo,
 * Resend, Mailjet), read through one table of where each keeps the recipient's facts. A paste may hold one
 * event, a batch (an array), or an event inside an envelope (Mailgun's `event-data`, SparkPost's `msys`,
 * SNS's `Message` string, a log's own wrapper).
 */
import type { Category } from '../types.js';

/** One recipient as an event states it, before the reader normalises it like any other report. */
export interface EventRecipient {
  address: string;
  /** `failed`, `delayed` (a soft or temporary failure) or `delivered`. */
  action: string;
  status: string;
  /** The remote server's reply, as the service passes it on. */
  reply: string;
  replyCode: string | null;
  remoteMta: string | null;
  /** The service's own classification, for when the reply says nothing the patterns know. */
  hint: Category | null;
}

export interface EventReport {
  recipients: EventRecipient[];
  /** The reporting MTA the event names (SES), else the service that reported it. */
  reportingMta: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value at a dotted path ("delivery-status.message") as text: a string, number or boolean written out, else
 * ''. An array on the way, or at the end, gives its first element (Resend's `to`).
 */
function textAt(o: Json, path = ''): string {
  let v: unknown = path ? o : undefined;
  for (const key of path.split('.')) {
    if (Array.isArray(v)) v = v[0];
    v = isObject(v) ? v[key] : undefined;
  }
  if (Array.isArray(v)) v = v[0];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** Whether a "path=value value…" condition holds. */
function holds(o: Json, condition = ''): boolean {
  const [path, values] = condition.split('=');
  return !!values && values.split(' ').includes(textAt(o, path));
}

/** Where one service keeps a failed recipient's facts in its event; paths are dotted. */
interface Shape {
  service: string;
  /** A key only this service's failure events have beside the event's name. */
  key: string;
  /** "path=value…": the field naming the event, and the values that mean a failure. */
  failed: string;
  /** "path=value…": what makes a failure soft or temporary (action `delayed`). */
  soft?: string;
  address: string;
  /** Where the remote server's reply may be, best first, separated by spaces. */
  reply: string;
  replyCode?: string;
  status?: string;
  remoteMta?: string;
  /** The service's classification → the category it amounts to (only the unambiguous ones). */
  hint?: [string, Readonly<Record<string, Category>>];
}

// Field names and values as each service documents its webhook or event payload. The order matters where two
// services share an event name: Mailjet's "bounce" has `hard_bounce`, SendGrid's has not; Mandrill's
// "hard_bounce" keeps the recipient in `msg`, Brevo's at the top.
const SHAPES: readonly Shape[] = [
  {
    service: 'Mailgun', key: 'delivery-status', failed: 'event=failed', soft: 'severity=temporary', address: 'recipient',
    reply: 'delivery-status.message delivery-status.description', replyCode: 'delivery-status.code',
    status: 'delivery-status.enhanced-code', remoteMta: 'delivery-status.mx-host',
  },
  {
    service: 'Mailjet', key: 'hard_bounce', failed: 'event=bounce', soft: 'hard_bounce=false', address: 'email', reply: 'comment error',
    hint: ['error', {
      'user unknown': 'userunknown', 'mailbox inactive': 'suspend', 'quota exceeded': 'mailboxfull', 'invalid domain': 'hostunknown',
      'no mail host': 'hostunknown', 'relay/access denied': 'norelaying', 'sender blocked': 'blocked', 'content blocked': 'contenterror',
      'policy issue': 'policyviolation',
    }],
  },
  {
    service: 'SendGrid', key: 'email', failed: 'event=bounce dropped deferred', soft: 'event=deferred', address: 'email',
    reply: 'reason response', status: 'status', hint: ['type', { blocked: 'blocked' }],
  },
  {
    service: 'Postmark', key: 'TypeCode',
    failed: 'Type=HardBounce SoftBounce Transient DnsError SpamNotification VirusNotification Blocked BadEmailAddress DMARCPolicy Unknown',
    soft: 'Type=SoftBounce Transient DnsError', address: 'Email', reply: 'Details',
    hint: ['Type', {
      HardBounce: 'userunknown', BadEmailAddress: 'userunknown', SpamNotification: 'spamdetected', VirusNotification: 'virusdetected',
      Blocked: 'blocked', DMARCPolicy: 'authfailure',
    }],
  },
  {
    service: 'SparkPost', key: 'rcpt_to', failed: 'type=bounce out_of_band delay', soft: 'type=delay', address: 'rcpt_to',
    reply: 'raw_reason reason', replyCode: 'error_code',
    hint: ['bounce_class', {
      10: 'userunknown', 21: 'hostunknown', 22: 'mailboxfull', 23: 'mesgtoobig', 24: 'expired', 50: 'blocked', 51: 'blocked',
      52: 'spamdetected', 54: 'norelaying',
    }],
  },
  { service: 'Mandrill', key: 'msg', failed: 'event=hard_bounce soft_bounce', soft: 'event=soft_bounce', address: 'msg.email', reply: 'msg.diag' },
  { service: 'Brevo', key: 'email', failed: 'event=hard_bounce soft_bounce', soft: 'event=soft_bounce', address: 'email', reply: 'reason' },
  { service: 'Resend', key: 'data', failed: 'type=email.bounced', address: 'data.to', reply: 'data.bounce.message' },
];

/** Cheap test before any parsing: a key or event name of one of the shapes, or of SES's events. */
const MARKER = /bouncedRecipients|smtpResponse|"(?:delivery-status|TypeCode|rcpt_to|hard_bounce|soft_bounce|email\.bounced|bounce|dropped|deferred)\b/;
/** Bounds on the walk: a paste's event sits a few levels down at most, and a batch is read up to a point. */
const MAX_DEPTH = 6;
const MAX_NODES = 5000;
const MAX_RECIPIENTS = 100;
/** A JSON string inside the event (SNS's `Message`, Mandrill's `mandrill_events`) is parsed this many times at most. */
const MAX_INNER_PARSES = 4;

function readShape(shape: Shape, o: Json): EventRecipient | null {
  if (!(shape.key in o) || !holds(o, shape.failed)) return null;
  const address = textAt(o, shape.address);
  if (!address.includes('@')) return null;
  const label = shape.hint ? textAt(o, shape.hint[0]) : '';
  // Own keys only: a label such as "constructor" must not find the object's built-in members.
  const hint = shape.hint && Object.hasOwn(shape.hint[1], label) ? shape.hint[1][label] : undefined;
  return {
    address,
    action: holds(o, shape.soft) ? 'delayed' : 'failed',
    status: textAt(o, shape.status),
    reply: shape.reply.split(' ').map((p) => textAt(o, p).trim()).find(Boolean) ?? '',
    replyCode: /^[45][0-5]\d$/.exec(textAt(o, shape.replyCode))?.[0] ?? null,
    remoteMta: textAt(o, shape.remoteMta) || null,
    hint: hint ?? null,
  };
}

/** Amazon SES: a bounce lists its recipients with RFC 3464's fields; a delivery names them and the server's reply. */
function readSes(o: Json): EventReport | null {
  const bounce = o.bounce;
  if (isObject(bounce) && Array.isArray(bounce.bouncedRecipients)) {
    const recipients = bounce.bouncedRecipients.filter(isObject).map((r) => ({
      address: textAt(r, 'emailAddress'),
      action: textAt(r, 'action').toLowerCase() || 'failed',
      status: textAt(r, 'status'),
      reply: textAt(r, 'diagnosticCode'),
      replyCode: null, remoteMta: null, hint: null,
    })).filter((r) => r.address.includes('@'));
    return { recipients, reportingMta: textAt(bounce, 'reportingMTA') || null };
  }
  const delivery = o.delivery;
  if (!isObject(delivery) || !Array.isArray(delivery.recipients)) return null;
  const reply = textAt(delivery, 'smtpResponse');
  const recipients = delivery.recipients
    .filter((a): a is string => typeof a === 'string')
    .map((address) => ({ address, action: 'delivered', status: '', reply, replyCode: null, remoteMta: null, hint: null }));
  return { recipients, reportingMta: textAt(delivery, 'reportingMTA') || null };
}

/**
 * The JSON values a text may hold: from its first `{` to its last `}`, and from its first `[` to its last `]`,
 * the one that opens first first (`[{…}]` is a batch, `{"a":[…]}` one object). Each is parsed only when asked for.
 */
function candidates(text: string): (() => unknown)[] {
  const spans = [['{', '}'], ['[', ']']]
    .map(([open, close]) => [text.indexOf(open), text.lastIndexOf(close)])
    .filter(([start, end]) => start >= 0 && end > start)
    .sort((a, b) => a[0] - b[0]);
  return spans.map(([start, end]) => () => parseJson(text.slice(start, end + 1)));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The events in a pasted text, whatever wraps them; null when it holds none. */
export function readEvents(text: string): EventReport | null {
  if (!text.includes('{') || !MARKER.test(text)) return null;
  const found: EventReport = { recipients: [], reportingMta: null };
  let nodes = 0;
  let parses = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES || found.recipients.length >= MAX_RECIPIENTS) return;
    if (typeof v === 'string') {
      // An envelope may carry the event as a JSON string.
      if (/^\s*[[{]/.test(v) && MARKER.test(v) && parses++ < MAX_INNER_PARSES) visit(parseJson(v.trim()), depth + 1);
      return;
    }
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    const ses = readSes(v);
    if (ses) {
      found.recipients.push(...ses.recipients.slice(0, MAX_RECIPIENTS - found.recipients.length));
      found.reportingMta ??= ses.reportingMta;
      return;
    }
    for (const shape of SHAPES) {
      const r = readShape(shape, v);
      if (!r) continue;
      found.recipients.push(r);
      found.reportingMta ??= shape.service;
      return;
    }
    for (const key in v) visit(v[key], depth + 1);
  };
  // A text with a stray bracket before the event ("see [1]") gets a second try from the other opener.
  for (const parse of candidates(text)) {
    if (!found.recipients.length) visit(parse(), 0);
  }
  found.recipients.splice(MAX_RECIPIENTS);
  return found.recipients.length ? found : null;
}
