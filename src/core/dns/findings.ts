/** What the domain check reports: one finding per thing it looked at, in plain words, with a severity. */
import type { LookupError } from './doh-client.js';
import { findingMessages, type AnyParams, type FindingKey, type FindingParams, type LookupSubject } from './messages.js';

export type Severity = 'ok' | 'info' | 'warning' | 'error';

/** Which part of the setup a finding is about; the CLI groups by it in this order. */
export const CHECKS = ['domain', 'mx', 'spf', 'dmarc', 'dkim', 'mta-sts', 'tls-rpt', 'ptr', 'blocklist', 'resolver'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface Finding {
  check: CheckName;
  severity: Severity;
  /** What was found, for another language's table (`messages.ts`), with `params` the text is made from. */
  key: FindingKey;
  params: AnyParams;
  /** One sentence, in English: what was found and, when something is wrong, what to do. */
  title: string;
  /** The evidence (the record as found) and why it matters. */
  detail: string;
  /** The catalog cause this finding can lead to (`data/causes.json`), to link to its fixes. */
  causeId?: string;
}

/**
 * Cause ids in `data/causes.json` that findings link to. The core does not import the data (only
 * builtin-catalog does); a test checks that each id exists there.
 */
export const CAUSE = {
  spf: 'auth-spf-failed',
  dkim: 'auth-dkim-failed',
  dmarc: 'auth-dmarc-failed',
  noPtr: 'sender-no-ptr',
  blocklisted: 'sender-blocklisted',
  domainUnknown: 'recipient-domain-unknown',
  notAcceptingMail: 'recipient-not-accepting-mail',
} as const;

export function finding<K extends FindingKey>(check: CheckName, severity: Severity, key: K, params: FindingParams<K>, causeId?: string): Finding {
  const [title, detail] = (findingMessages[key] as (p: FindingParams<K>) => [string, string])(params);
  const f: Finding = { check, severity, key, params: params as AnyParams, title, detail };
  if (causeId !== undefined) f.causeId = causeId;
  return f;
}

/**
 * A lookup that did not get an answer is a finding too: the check could not be done, which is not a pass.
 * `target`: the name, address or list the lookup was about, when the subject names one.
 */
export function lookupFailed(check: CheckName, subject: LookupSubject, failure: LookupError, target = ''): Finding {
  return finding(check, 'warning', `lookup.${failure.reason}`, { subject, target, problem: failure.problem, ...failure.query });
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { ok: 0, info: 0, warning: 0, error: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
