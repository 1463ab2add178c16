/**
 * The diagnosis of a pasted bounce: raw `.eml` source, the text a mail client shows, or one error line.
 * `diagnose` decodes MIME when needed (async); `diagnoseText` reads already decoded text synchronously.
 */
import { lookupParsed, type Catalog } from '../catalog.js';
import { detectProvider } from '../providers.js';
import type { Category } from '../types.js';
import { builtinPatterns } from './builtin-patterns.js';
import { classify, compilePatterns, contextReader, matchPhrase, type Basis, type CompiledPatterns, type PatternsData } from './classify.js';
import { codesIn, emptyRecipient, extract, soleRecipient, splitHeaders, SUCCESSFUL_STEP, type Extracted, type RecipientReport } from './extract.js';
import { listsIn } from './first-match.js';
import { decodeMime, looksLikeMime } from './mime.js';

export interface RecipientDiagnosis {
  address: string | null;
  action: string | null;
  status: string | null;
  replyCode: string | null;
  category: Category;
  causeId: string | null;
  /** The server's own words for this recipient. */
  diagnostic: string;
}

export interface Diagnosis {
  /** False for auto-replies, feedback-loop reports, delivery confirmations and text with nothing to go on. */
  isBounce: boolean;
  category: Category;
  causeId: string | null;
  /** 0 to 1: how firmly the text supports the category. */
  confidence: number;
  replyCode: string | null;
  status: string | null;
  /** The first failed recipient leads; every recipient the report names is listed. */
  recipients: RecipientDiagnosis[];
  /** The lines the diagnosis rests on, as they appear in the message (render as text only). */
  evidence: string[];
  provider: { id: string; name: string } | null;
  reportingMta: string | null;
  remoteMta: string | null;
  ips: string[];
  blocklists: string[];
  /** Whether the input was raw MIME and was decoded. */
  decoded: boolean;
  /** A delay warning, not a bounce yet: the sending server says it is still trying (`Action: delayed`, "will retry"). */
  stillTrying: boolean;
}

const CONFIDENCE: Record<Basis, number> = { phrase: 0.85, stage: 0.6, status: 0.7, service: 0.6, reply: 0.45, none: 0.1 };
const FAILED_ACTIONS = new Set(['failed', 'delayed']);
const DONE_ACTIONS = new Set(['delivered', 'relayed', 'expanded', 'deliverable']);
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.]\d)/g;

/** The catalog cause that fits a category: the one the text named, else the first the code's entry lists, else the category's first. */
function pickCause(catalog: Catalog, category: Category, named: string | null, code: { replyCode: string | null; status: string | null }): string | null {
  if (named && catalog.causeById.get(named)?.category === category) return named;
  const found = code.replyCode || code.status ? lookupParsed(catalog, code) : null;
  const listed = found?.ok ? found.value.causes.find((c) => c.category === category) : undefined;
  return listed?.id ?? catalog.data.causes.causes.find((c) => c.category === category)?.id ?? null;
}

function notBounce(p: CompiledPatterns, headerText: string, x: Extracted): Category | null {
  // Headers and notification apart: joining them would copy the whole notification.
  const anywhere = (re: RegExp | null) => !!re && (re.test(headerText) || re.test(x.notification));
  if (anywhere(p.notBounce.feedback)) return 'feedback';
  if (x.dsn && x.recipients.every((r) => (r.action && DONE_ACTIONS.has(r.action)) || r.status?.startsWith('2.'))) return 'delivered';
  if (anywhere(p.notBounce.delivered)) return 'delivered';
  const failed = x.dsn || x.recipients.some((r) => r.status || r.replyCode);
  const subject = x.headers.get('subject') ?? '';
  if (failed || p.bounceSubjects?.test(subject)) return null;
  if (p.notBounce.vacation?.test(headerText)) return 'vacation';
  // RFC 3834: an automatic reply that reports no failure is an auto-reply.
  if (/^auto-replied/i.test(x.headers.get('auto-submitted') ?? '') && !matchPhrase(p, x.notification)) return 'vacation';
  return null;
}

const HOST = /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,10}[a-z]{2,24}(?![\w-])/gi;

/**
 * The receiving provider, when the catalog knows providers: the remote server, then the recipients' domains,
 * then host names in the server's words, then the reporting server; else a provider's token or wording in `lead`.
 */
function providerOf(catalog: Catalog, x: Extracted, words: string, lead: string): Diagnosis['provider'] {
  if (!catalog.providers) return null;
  const hosts = [
    ...x.recipients.map((r) => r.remoteMta),
    ...x.recipients.map((r) => r.address?.split('@')[1]),
    ...(words.slice(0, 4000).match(HOST) ?? []),
    x.reportingMta,
  ].filter((h): h is string => !!h);
  // Wording is read in the lead recipient's diagnostic only: hundreds of patterns, so a short text.
  const found = detectProvider(catalog.providers, { hosts: [...new Set(hosts)], text: lead.slice(0, 1000) });
  return found ? { id: found.id, name: found.name } : null;
}

/**
 * The notification without lines that are not anyone's explanation: header fields a scanner added
 * ("X-Spam-Score: …", with their folded lines) and the successful steps of a quoted SMTP session ("250-PIPELINING").
 */
function contextLines(notification: string): string {
  const kept: string[] = [];
  let skipping = false;
  for (const line of notification.split('\n')) {
    if (skipping && /^[ \t]/.test(line)) continue;
    skipping = /^X-[\w-]{1,60}:/i.test(line);
    if (!skipping && !SUCCESSFUL_STEP.test(line)) kept.push(line);
  }
  return kept.join('\n');
}

function recipientOf(r: RecipientReport, code: { status: string | null; replyCode: string | null }, category: Category, causeId: string | null): RecipientDiagnosis {
  return { address: r.address, action: r.action, status: code.status, replyCode: code.replyCode, category, causeId, diagnostic: r.diagnostic.slice(0, 2000) };
}

function headerText(x: Extracted): string {
  return [...x.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
}

// "host mx.example.net[192.0.2.1] said:" (Postfix), "host mx.example.net [192.0.2.1]: SMTP error" (Exim): the
// server that answered, where the report has no Remote-MTA field.
const ANSWERING_HOST = /\bhost ((?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}) ?\[(?:ipv6:)?[\da-f.:]{2,45}\]/i;
const ZONE_CHAR = /[a-z0-9.-]/;
/** The From of a delivery system's notice: "MAILER-DAEMON@…", "postmaster@…", "Mail Delivery System <>". */
const NOTICE_SENDER = /mailer-daemon|postmaster|mail delivery|<>/i;

/** The DNS name around a blocklist's name in the text ("zen.spamhaus.org" for "spamhaus"), else the name itself. */
function zoneNamed(lower: string, name: string): string {
  const at = lower.indexOf(name);
  let start = at;
  let end = at + name.length;
  // A host name is at most 253 characters: the walk stays short however long the text.
  while (start > 0 && at - start < 253 && ZONE_CHAR.test(lower[start - 1])) start--;
  while (end < lower.length && end - at < 253 && ZONE_CHAR.test(lower[end])) end++;
  const zone = lower.slice(start, end).replace(/^[.-]+|[.-]+$/g, '');
  return /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(zone) ? zone : name;
}

/** The blocklists `lower` names, by zone where it writes one: one scan for all names, then each found checked as written. */
function blocklistsIn(p: CompiledPatterns, lower: string): string[] {
  const seen = listsIn(p.blocklists, lower);
  return [...new Set(p.data.blocklists.filter((name, i) => seen[i] && lower.includes(name)).map((name) => zoneNamed(lower, name)))];
}

/** The lines as the reader will see them: whitespace folded, and a line that another one contains given once, whole. */
function evidenceOf(lines: (string | null | undefined)[]): string[] {
  let out: string[] = [];
  for (const l of lines) {
    const t = l?.replace(/\s+/g, ' ').trim().slice(0, 300);
    if (!t || out.some((o) => o.includes(t))) continue;
    // A longer line holding earlier ones takes the place of the first of them.
    const at = out.findIndex((o) => t.includes(o));
    if (at < 0) out.push(t);
    else out = [...out.slice(0, at), t, ...out.slice(at + 1).filter((o) => !t.includes(o))];
  }
  return out.slice(0, 6);
}

function decide(x: Extracted, catalog: Catalog, patterns: PatternsData, decoded: boolean): Diagnosis {
  const p = compilePatterns(patterns);
  const headers = headerText(x);
  const explained = contextLines(x.notification);
  const context = [x.headers.get('subject') ?? '', explained].join('\n');
  const words = [...x.recipients.map((r) => r.diagnostic), context.slice(0, 4000)].join('\n');
  // Completed with Object.assign: V8 builds `{ ...base, more keys }` tens of times slower (microseconds).
  const base = {
    provider: providerOf(catalog, x, words, x.recipients[0]?.diagnostic || context.slice(0, 1000)),
    reportingMta: x.reportingMta,
    remoteMta: x.recipients.find((r) => r.remoteMta)?.remoteMta ?? ANSWERING_HOST.exec(words)?.[1] ?? null,
    ips: [...new Set(words.match(IPV4) ?? [])].slice(0, 10),
    blocklists: blocklistsIn(p, words.toLowerCase()),
    decoded,
  };

  const other = notBounce(p, headers, x);
  if (other) {
    const r0 = x.recipients[0];
    return Object.assign(base, {
      isBounce: false, category: other, causeId: null, confidence: 0.9, stillTrying: false,
      replyCode: r0?.replyCode ?? null, status: r0?.status ?? null,
      recipients: x.recipients.map((r) => recipientOf(r, r, other, null)),
      evidence: evidenceOf([x.headers.get('subject'), ...x.recipients.map((r) => r.diagnostic)]),
    });
  }

  // No recipient named: the whole notification is the server's text (a pasted error line, say).
  const reports: RecipientReport[] = x.recipients.length
    ? x.recipients
    : [{ address: null, action: null, status: null, replyCode: null, diagnostic: explained, notes: '', remoteMta: null }];
  let fallback: ReturnType<typeof codesIn> | undefined;
  const reader = contextReader(p, context);
  // A delay warning quotes the same "could not connect" as a final expiry, but the server is still trying.
  // A permanent (5xx) code is a bounce whatever else the text says ("the server will retry other recipients").
  let warning: boolean | undefined;
  const stillTrying = (action: string | null, code: { status: string | null; replyCode: string | null }) =>
    !(code.status ?? code.replyCode ?? '').startsWith('5') &&
    (action === 'delayed' || (action !== 'failed' && (warning ??= !!p.stillTrying.warning?.test(context) && !p.stillTrying.final?.test(context))));
  const bases: Basis[] = [];
  const evidence: (string | null)[] = [];
  const recipients = reports.map((r) => {
    // The notification's own codes stand in for a recipient's missing ones; read only when needed.
    // "Status: 5.0.0" says only "failed": a lone recipient's report may state the real code in its own words.
    const vague = !r.status || (reports.length === 1 && /\.0\.0$/.test(r.status));
    if (vague || !r.replyCode) fallback ??= codesIn(x.notification);
    const better = vague && fallback?.status && (!r.status || fallback.status[0] === r.status[0]) ? fallback.status : null;
    const code = { status: better ?? r.status ?? null, replyCode: r.replyCode ?? fallback?.replyCode ?? null };
    // One recipient whose block was not found (Exim may print only the local part): the notification is its text.
    const diagnostic = [r.diagnostic || (reports.length === 1 ? explained : ''), r.notes].filter(Boolean).join('\n');
    const c = classify(p, { diagnostic, ...code, context: reader, recipient: !!r.address, hint: r.hint, reportStatus: r.reportStatus });
    bases.push(c.basis);
    evidence.push(c.line, diagnostic.length <= 300 ? diagnostic : null);
    const delayed = patterns.stillTrying?.cause;
    const named = delayed && c.category === 'expired' && stillTrying(r.action, code) ? delayed : c.cause;
    return recipientOf(r, code, c.category, pickCause(catalog, c.category, named, code));
  });
  const lead = recipients.findIndex((r) => !r.action || FAILED_ACTIONS.has(r.action));
  const first = recipients[Math.max(0, lead)];
  const basis = bases[Math.max(0, lead)];
  // A whole message that no delivery system sent, with no report, code or reason: an address alone on a line
  // is a signature or a contact line, not a failed recipient.
  const subject = x.headers.get('subject');
  const ordinaryMail = !x.dsn && subject !== undefined && !p.bounceSubjects?.test(subject) && !NOTICE_SENDER.test(x.headers.get('from') ?? '');
  const nothing = basis === 'none' && !first.status && !first.replyCode && (!first.address || ordinaryMail);
  return Object.assign(base, {
    isBounce: !nothing,
    stillTrying: !nothing && stillTrying(first.action, first),
    category: first.category,
    causeId: first.causeId,
    confidence: CONFIDENCE[basis],
    replyCode: first.replyCode,
    status: first.status,
    recipients: recipients.filter((r) => r.address),
    evidence: evidenceOf(evidence),
  });
}

/** Diagnoses text that is already decoded: what a mail client shows, or an error line. */
export function diagnoseText(text: string, catalog: Catalog, patterns: PatternsData = builtinPatterns): Diagnosis {
  const { headers, body } = splitHeaders(String(text ?? ''));
  return decide(extract(headers, body), catalog, patterns, false);
}

/** Diagnoses anything pasted, decoding raw MIME source first when the text starts with a header block. */
export async function diagnose(text: string, catalog: Catalog, patterns: PatternsData = builtinPatterns): Promise<Diagnosis> {
  const input = String(text ?? '');
  const found = await decodeReport(input, 2);
  return found ? decide(found, catalog, patterns, true) : diagnoseText(input, catalog, patterns);
}

const informative = (x: Extracted) => x.recipients.some((r) => r.status || r.replyCode || r.diagnostic);

/**
 * The report in raw MIME: the message itself, or a bounce forwarded inside it as an attachment (a
 * gateway that wraps what it relays). Null when the raw text reads better.
 */
async function decodeReport(input: string, depth: number): Promise<Extracted | null> {
  if (depth <= 0 || !looksLikeMime(input)) return null;
  const mail = await decodeMime(input);
  if (!mail) return null;
  const x = extract(mail.headers, mail.body);
  if (informative(x)) return x;
  const inner = mail.attached ? await decodeReport(mail.attached, depth - 1) : null;
  if (inner || x.recipients.length || !mail.attached) return inner;
  // A report that names no recipient (Google Workspace's "Message not delivered") failed for whom the
  // returned message was addressed to, when that is one address.
  const to = soleRecipient(mail.attached);
  return to && x.notification.trim() ? Object.assign(x, { recipients: [emptyRecipient(to)] }) : null;
}
