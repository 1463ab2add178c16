/**
 * "Check my domain": MX, SPF, DMARC, DKIM, MTA-STS/TLS-RPT and the sending IP, looked up live over DNS JSON,
 * turned into findings. Independent lookups run in parallel under one total time bound.
 */
import { createDohClient } from './doh-client.js';
import { checkDkim } from './dkim.js';
import { checkDmarc } from './dmarc.js';
import { CHECKS, countSeverities, finding, type Finding, type SeverityCounts } from './findings.js';
import { checkBlocklists, checkPtr, parseIp } from './ip.js';
import { checkMx } from './mx.js';
import { checkPolicies } from './policies.js';
import { checkSpf } from './spf.js';
import { DEFAULT_RESOLVER } from './resolver.js';
import type { Result } from '../types.js';

export { DEFAULT_RESOLVER };

export interface CheckDomainOptions {
  /** The domain to check (`example.com`); an internationalised name is converted to its ASCII form. */
  domain: string;
  /** DKIM selector (the `s=` of a DKIM-Signature header); without it DKIM is not checked. */
  selector?: string;
  /** The sending server's IPv4 or IPv6 address; without it PTR, blocklists and whether SPF authorises it are not checked. */
  ip?: string;
  /** DNS JSON endpoint: `https://…`, or `http://` on loopback only. Default {@link DEFAULT_RESOLVER}. */
  resolver?: string;
  fetch?: typeof fetch;
  /** Bound on each DNS query, in ms (default 5000). */
  timeoutMs?: number;
  /** Bound on the whole check, in ms (default 15000): lookups still running then are reported as timed out. */
  totalTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface DomainReport {
  domain: string;
  selector: string | null;
  ip: string | null;
  resolver: string;
  /** False when the resolver gave no DNS answer at all (down, too slow, broken): one finding says so, nothing was checked. */
  resolverAnswered: boolean;
  durationMs: number;
  /** In the order of {@link CHECKS}, then as found. */
  findings: Finding[];
  summary: SeverityCounts;
}

export type CheckInputFailure = 'invalid-domain' | 'invalid-selector' | 'invalid-ip' | 'invalid-resolver' | 'insecure-resolver';

type Checked<R extends CheckInputFailure> = Result<string, R>;

function refuse<R extends CheckInputFailure>(reason: R, message: string): Result<never, R> {
  return { ok: false, error: { reason, message } };
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-case ASCII form without the trailing dot, or why the text is not a domain. */
export function normaliseDomain(text: string): Checked<'invalid-domain'> {
  const t = text.trim().replace(/\.$/, '');
  if (t.includes('@')) return refuse('invalid-domain', `"${t}" is an email address; give only the part after the @.`);
  if (!t || /[\s/:?#[\]\\%]/.test(t)) return refuse('invalid-domain', `"${t}" is not a domain name such as example.com.`);
  let ascii: string;
  try {
    ascii = new URL(`http://${t}/`).hostname; // also turns an internationalised name into its xn-- form
  } catch {
    return refuse('invalid-domain', `"${t}" is not a domain name such as example.com.`);
  }
  const labels = ascii.split('.');
  if (ascii.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1])) {
    return refuse('invalid-domain', `"${t}" is not a domain name such as example.com.`);
  }
  return { ok: true, value: ascii };
}

export function normaliseSelector(text: string): Checked<'invalid-selector'> {
  const t = text.trim().toLowerCase();
  return /^[a-z0-9_][a-z0-9_-]{0,62}(\.[a-z0-9_][a-z0-9_-]{0,62})*$/.test(t)
    ? { ok: true, value: t }
    : refuse('invalid-selector', `"${text.trim()}" is not a DKIM selector: use letters, digits, "-", "_" and dots, as in the s= of a DKIM-Signature.`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** `https://` anywhere; plain `http://` only on this machine, where nobody on the way can read or change it. */
export function validateResolver(text: string): Checked<'invalid-resolver' | 'insecure-resolver'> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('invalid-resolver', `"${text}" is not a URL; give a DNS JSON endpoint such as ${DEFAULT_RESOLVER}.`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return { ok: true, value: url.href };
  if (url.protocol === 'http:') {
    return refuse('insecure-resolver', `Plain http:// is allowed only for a resolver on this machine (localhost, 127.0.0.0/8, ::1); use https:// for ${url.host}.`);
  }
  return refuse('invalid-resolver', `The resolver must be an https:// URL, not ${url.protocol}.`);
}

function resolverFinding(resolver: string, failures: string[]): Finding {
  const allTimeouts = failures.every((f) => f === 'timeout');
  return finding('resolver', 'error', allTimeouts ? 'resolver.timeout' : 'resolver.failed',
    { resolver, count: failures.length, reasons: [...new Set(failures)] });
}

export async function checkDomain(options: CheckDomainOptions): Promise<Result<DomainReport, CheckInputFailure>> {
  const domain = normaliseDomain(options.domain);
  if (!domain.ok) return domain;
  const selector = options.selector?.trim() ? normaliseSelector(options.selector) : null;
  if (selector && !selector.ok) return selector;
  const ip = options.ip?.trim() ? parseIp(options.ip) : null;
  if (options.ip?.trim() && !ip) {
    return refuse('invalid-ip', `"${options.ip.trim()}" is not an IPv4 or IPv6 address such as 192.0.2.1.`);
  }
  const resolver = validateResolver(options.resolver ?? DEFAULT_RESOLVER);
  if (!resolver.ok) return resolver;

  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.totalTimeoutMs ?? 15000);
  const stop = () => deadline.abort();
  options.signal?.addEventListener('abort', stop);
  if (options.signal?.aborted) stop();
  const client = createDohClient({ resolver: resolver.value, fetch: options.fetch, timeoutMs: options.timeoutMs, signal: deadline.signal });
  const { lookup } = client;
  const name = domain.value;
  try {
    const [mx, spf, dmarc, dkim, policies, ptr, blocklists] = await Promise.all([
      checkMx(lookup, name),
      checkSpf(lookup, name, ip),
      checkDmarc(lookup, name),
      selector ? checkDkim(lookup, name, selector.value) : null,
      checkPolicies(lookup, name),
      ip ? checkPtr(lookup, ip) : [],
      ip ? checkBlocklists(lookup, ip) : [],
    ]);
    // When the domain does not exist, "no SPF", "no DMARC"… only repeat that one fact.
    const domainFindings = mx.exists === false
      ? mx.findings
      : [...mx.findings, ...spf.findings, ...dmarc.findings, ...(dkim?.findings ?? []), ...policies];
    const { answered, failures } = client.stats();
    let findings = [...domainFindings, ...ptr, ...blocklists];
    if (answered === 0 && failures.length > 0) findings = [resolverFinding(resolver.value, failures)];
    findings = findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => CHECKS.indexOf(a.f.check) - CHECKS.indexOf(b.f.check) || a.i - b.i)
      .map(({ f }) => f);
    return {
      ok: true,
      value: {
        domain: name,
        selector: selector?.value ?? null,
        ip: ip?.text ?? null,
        resolver: resolver.value,
        resolverAnswered: answered > 0,
        durationMs: Date.now() - started,
        findings,
        summary: countSeverities(findings),
      },
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}
