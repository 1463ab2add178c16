/**
 * SPF (RFC 7208): exactly one record, its syntax, the 10 DNS-lookup limit counted through includes and
 * redirects, void lookups, and what the record says about everyone else (`all`).
 */
import { taggedTxt, type DnsLookup } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding, type Severity } from './findings.js';

/** RFC 7208 §4.6.4: more than 10 lookups, or more than 2 that find nothing, is a permanent error. */
export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
/** Past this many lookups the walk stops following: the verdict is already clear and the tree may be hostile. */
const WALK_LIMIT = 30;
const DEPTH_LIMIT = 10;

export type Qualifier = '+' | '?' | '~' | '-';

export interface SpfReport {
  /** The domain's own record, when there is exactly one. */
  record: string | null;
  /** DNS lookups the record needs, counted through includes and redirects (a floor when `truncated`). */
  lookups: number;
  voidLookups: number;
  /** The qualifier of the `all` that ends evaluation (through redirects), or null when there is none. */
  all: Qualifier | null;
  truncated: boolean;
  findings: Finding[];
}

interface Term {
  qualifier: Qualifier;
  name: string;
  /** The domain or address after `:`, or a modifier's value. */
  value: string | null;
  modifier: boolean;
}

const MECHANISMS = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const IP4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([12]?\d|3[0-2]))?$/;

function parseTerm(text: string): Term | null {
  const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(text);
  if (modifier) return { qualifier: '+', name: modifier[1].toLowerCase(), value: modifier[2], modifier: true };
  const mechanism = /^([+?~-]?)([a-z0-9]+)(?::([^/]*))?(\/.*)?$/i.exec(text);
  if (!mechanism || !MECHANISMS.has(mechanism[2].toLowerCase())) return null;
  const name = mechanism[2].toLowerCase();
  const value = mechanism[3] ?? null;
  const qualifier = (mechanism[1] || '+') as Qualifier;
  if ((name === 'include' || name === 'exists') && !value) return null;
  if (name === 'all' && (value !== null || mechanism[4])) return null;
  if (name === 'ip4' && !(value && IP4.test(value + (mechanism[4] ?? '')))) return null;
  // ip6 values hold colons, so the regex above splits them at the first one: check the whole text instead.
  if (name === 'ip6') return /^[+?~-]?ip6:[0-9a-f:.]+(\/\d{1,3})?$/i.test(text) ? { qualifier, name, value: text.slice(text.indexOf(':') + 1), modifier: false } : null;
  return { qualifier, name, value, modifier: false };
}

interface Walk {
  lookup: DnsLookup;
  lookups: number;
  voids: number;
  truncated: boolean;
  findings: Finding[];
}

/** A query that finds nothing (NXDOMAIN or no records) is a "void lookup", limited separately. */
async function countVoid(walk: Walk, name: string, types: ('A' | 'AAAA' | 'MX' | 'TXT')[]): Promise<void> {
  const answers = await Promise.all(types.map((t) => walk.lookup(name, t)));
  if (answers.some((a) => !a.ok)) return; // a failed query proves nothing either way
  if (answers.every((a) => a.ok && a.value.records.length === 0)) walk.voids += 1;
}

/** Follows an include or redirect: its record's lookups count toward the same limit. Returns its `all`. */
async function follow(walk: Walk, how: 'include' | 'redirect', target: string, path: string[]): Promise<Qualifier | null> {
  const name = target.toLowerCase().replace(/\.$/, '');
  if (name.includes('%{')) return null; // macros depend on the message being checked; nothing to follow here
  if (path.includes(name)) {
    walk.findings.push(finding('spf', 'error', 'spf.loop', { how, name, chain: [...path, name] }, CAUSE.spf));
    return null;
  }
  if (path.length > DEPTH_LIMIT || walk.lookups > WALK_LIMIT) {
    walk.truncated = true;
    return null;
  }
  const found = await taggedTxt(walk.lookup, name, 'spf1');
  if (!found.ok) {
    walk.findings.push(lookupFailed('spf', 'spf-of', found.error, name));
    return null;
  }
  const { records } = found.value;
  if (records.length === 0) await countVoid(walk, name, ['TXT']); // cached: the TXT query just ran
  if (records.length !== 1) {
    walk.findings.push(records.length === 0
      ? finding('spf', 'error', 'spf.target-missing', { how, name }, CAUSE.spf)
      : finding('spf', 'error', 'spf.target-several', { how, name, count: records.length }, CAUSE.spf));
    return null;
  }
  return evaluate(walk, name, records[0], [...path, name]);
}

/** Walks one record; independent lookups run in parallel, and counting does not depend on their order. */
async function evaluate(walk: Walk, domain: string, record: string, path: string[]): Promise<Qualifier | null> {
  const terms = record.trim().split(/\s+/).slice(1);
  const parsed: Term[] = [];
  const broken: string[] = [];
  for (const text of terms) {
    const term = parseTerm(text);
    if (term) parsed.push(term);
    else broken.push(text);
  }
  if (broken.length) {
    walk.findings.push(finding('spf', 'error', 'spf.unreadable', { domain, terms: broken, record }, CAUSE.spf));
  }
  const all = parsed.find((t) => t.name === 'all');
  const redirect = parsed.find((t) => t.modifier && t.name === 'redirect');
  const work: Promise<unknown>[] = [];
  for (const term of parsed) {
    if (term.modifier || term.name === 'all' || term.name === 'ip4' || term.name === 'ip6') continue;
    walk.lookups += 1;
    const target = term.value || domain;
    if (term.name === 'include') work.push(follow(walk, 'include', target, path));
    else if (term.name === 'a') work.push(countVoid(walk, target, ['A', 'AAAA']));
    else if (term.name === 'mx') work.push(countVoid(walk, target, ['MX']));
    else if (term.name === 'exists' && !target.includes('%{')) work.push(countVoid(walk, target, ['A']));
    else if (term.name === 'ptr') {
      walk.findings.push(finding('spf', 'warning', 'spf.ptr', { domain }));
    }
  }
  // RFC 7208 §6.1: redirect is ignored when the record has an "all".
  let redirected: Promise<Qualifier | null> = Promise.resolve(null);
  if (redirect && !all && redirect.value) {
    walk.lookups += 1;
    redirected = follow(walk, 'redirect', redirect.value, path);
  }
  await Promise.all(work);
  return all ? all.qualifier : redirected;
}

type AllKey = 'spf.all-pass' | 'spf.all-neutral' | 'spf.all-softfail' | 'spf.all-fail';
const ALL_FINDINGS: Record<Qualifier, [Severity, AllKey, string?]> = {
  '+': ['error', 'spf.all-pass', CAUSE.spf],
  '?': ['warning', 'spf.all-neutral', CAUSE.spf],
  '~': ['ok', 'spf.all-softfail'],
  '-': ['ok', 'spf.all-fail'],
};

/** The finding for the record's `all`, or for its absence. */
function allFinding(all: Qualifier | null): Finding {
  if (!all) return finding('spf', 'warning', 'spf.no-all', {}, CAUSE.spf);
  const [severity, key, causeId] = ALL_FINDINGS[all];
  return finding('spf', severity, key, {}, causeId);
}

export async function checkSpf(lookup: DnsLookup, domain: string): Promise<SpfReport> {
  const report: SpfReport = { record: null, lookups: 0, voidLookups: 0, all: null, truncated: false, findings: [] };
  const found = await taggedTxt(lookup, domain, 'spf1');
  if (!found.ok) {
    report.findings.push(lookupFailed('spf', 'spf', found.error));
    return report;
  }
  const { records } = found.value;
  if (records.length === 0) {
    report.findings.push(finding('spf', 'error', 'spf.missing', { domain }, CAUSE.spf));
    return report;
  }
  if (records.length > 1) {
    report.findings.push(finding('spf', 'error', 'spf.several', { records }, CAUSE.spf));
    return report;
  }
  report.record = records[0];
  const walk: Walk = { lookup, lookups: 0, voids: 0, truncated: false, findings: [] };
  report.all = await evaluate(walk, domain, records[0], [domain.toLowerCase()]);
  Object.assign(report, { lookups: walk.lookups, voidLookups: walk.voids, truncated: walk.truncated });

  const findings: Finding[] = [finding('spf', 'ok', 'spf.found', { record: records[0] })];
  findings.push(walk.lookups > SPF_LOOKUP_LIMIT
    ? finding('spf', 'error', 'spf.over-limit', { count: walk.lookups, truncated: walk.truncated, limit: SPF_LOOKUP_LIMIT }, CAUSE.spf)
    : finding('spf', 'ok', 'spf.lookups', { count: walk.lookups, limit: SPF_LOOKUP_LIMIT }));
  if (walk.voids > 0) {
    findings.push(finding('spf', walk.voids > SPF_VOID_LIMIT ? 'error' : 'warning', 'spf.void', { count: walk.voids, limit: SPF_VOID_LIMIT },
      walk.voids > SPF_VOID_LIMIT ? CAUSE.spf : undefined));
  }
  findings.push(...walk.findings);
  findings.push(allFinding(report.all));
  report.findings = findings;
  return report;
}
