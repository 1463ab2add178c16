/** What the domain check reports: one finding per thing it looked at, in plain words, with a severity. */
import type { LookupError, LookupFailure } from './doh-client.js';

export type Severity = 'ok' | 'info' | 'warning' | 'error';

/** Which part of the setup a finding is about; the CLI groups by it in this order. */
export const CHECKS = ['domain', 'mx', 'spf', 'dmarc', 'dkim', 'mta-sts', 'tls-rpt', 'ptr', 'blocklist', 'resolver'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface Finding {
  check: CheckName;
  severity: Severity;
  /** One sentence: what was found and, when something is wrong, what to do. */
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

export function finding(check: CheckName, severity: Severity, title: string, detail: string, causeId?: string): Finding {
  return causeId === undefined ? { check, severity, title, detail } : { check, severity, title, detail, causeId };
}

const FAILURE_TITLES: Record<LookupFailure, string> = {
  timeout: 'timed out',
  unreachable: 'failed: the resolver could not be reached',
  servfail: 'failed: the DNS servers for the name did not answer properly (SERVFAIL)',
  refused: 'was refused by the resolver',
  malformed: 'failed: the resolver sent an answer that is not valid DNS JSON',
  'http-error': 'failed: the resolver returned an HTTP error',
  'too-many-lookups': 'was skipped: the check reached its limit on DNS queries',
};

/** A lookup that did not get an answer is a finding too: the check could not be done, which is not a pass. */
export function lookupFailed(check: CheckName, what: string, failure: LookupError): Finding {
  return finding(check, 'warning', `The ${what} lookup ${FAILURE_TITLES[failure.reason]}`,
    `${failure.message} This part of the check has no result; try again later or with another resolver.`);
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { ok: 0, info: 0, warning: 0, error: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
