/**
 * SPF (RFC 7208): exactly one record, its syntax, the 10 DNS-lookup limit counted through includes and
 * redirects, void lookups, what the record says about everyone else (`all`), and, given the sending IP,
 * whether the record authorises it (check_host, read from the same walk).
 */
import { taggedTxt, type DnsLookup, type LookupError, type RRType } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding, type Severity } from './findings.js';
import { inNetwork, parseIp, type SendingIp } from './ip.js';

/** RFC 7208 §4.6.4: more than 10 lookups, or more than 2 that find nothing, is a permanent error. */
export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
/** Past this many lookups the walk stops following: the verdict is already clear and the tree may be hostile. */
const WALK_LIMIT = 30;
const DEPTH_LIMIT = 10;

export type Qualifier = '+' | '?' | '~' | '-';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

const RESULT: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** What RFC 7208 check_host gives the sending IP. */
export interface SpfVerdict {
  result: SpfResult;
  /** The terms that decided, outermost first (`include:_spf.example.net`, `ip4:192.0.2.0/24`); empty when none matched or an error stopped evaluation. */
  decidedBy: string[];
  /** Why evaluation stopped, for permerror and temperror. */
  reason: string | null;
  /** Terms passed over because they cannot be evaluated here (ptr, macros): receivers that do may decide otherwise. */
  skipped: string[];
}

export interface SpfReport {
  /** The domain's own record, when there is exactly one. */
  record: string | null;
  /** DNS lookups the record needs, counted through includes and redirects (a floor when `truncated`). */
  lookups: number;
  voidLookups: number;
  /** The qualifier of the `all` that ends evaluation (through redirects), or null when there is none. */
  all: Qualifier | null;
  truncated: boolean;
  /** check_host for the sending IP, when one was given. */
  verdict: SpfVerdict | null;
  findings: Finding[];
}

interface Term {
  /** As written in the record, to name the term that decided. */
  text: string;
  qualifier: Qualifier;
  name: string;
  /** The domain or address after `:`, or a modifier's value. */
  value: string | null;
  modifier: boolean;
  /** The prefix lengths after the value (`/24`, `//64`); the whole address when absent. */
  prefix4: number;
  prefix6: number;
}

const MECHANISMS = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const IP4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([12]?\d|3[0-2]))?$/;

/** `/24`, `//64` or both (RFC 7208 dual-cidr-length), or null when malformed. */
function dualCidr(text: string): { prefix4: number; prefix6: number } | null {
  const m = /^(?:\/(\d{1,2}))?(?:\/\/(\d{1,3}))?$/.exec(text);
  const prefix4 = m?.[1] === undefined ? 32 : Number(m[1]);
  const prefix6 = m?.[2] === undefined ? 128 : Number(m[2]);
  return m && prefix4 <= 32 && prefix6 <= 128 ? { prefix4, prefix6 } : null;
}

function parseTerm(text: string): Term | null {
  const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(text);
  if (modifier) return { text, qualifier: '+', name: modifier[1].toLowerCase(), value: modifier[2], modifier: true, prefix4: 32, prefix6: 128 };
  // ip6 values hold colons, which the general pattern below would split at: read them first.
  const ip6 = /^([+?~-]?)ip6:([0-9a-f:.]+)(?:\/(\d{1,3}))?$/i.exec(text);
  if (ip6) {
    const prefix6 = ip6[3] === undefined ? 128 : Number(ip6[3]);
    return parseIp(ip6[2])?.version === 6 && prefix6 <= 128
      ? { text, qualifier: (ip6[1] || '+') as Qualifier, name: 'ip6', value: ip6[2], modifier: false, prefix4: 32, prefix6 }
      : null;
  }
  const mechanism = /^([+?~-]?)([a-z0-9]+)(?::([^/]*))?(\/.*)?$/i.exec(text);
  if (!mechanism || !MECHANISMS.has(mechanism[2].toLowerCase())) return null;
  const name = mechanism[2].toLowerCase();
  const value = mechanism[3] ?? null;
  const qualifier = (mechanism[1] || '+') as Qualifier;
  const cidr = mechanism[4] ?? '';
  if (name === 'ip6') return null;
  if ((name === 'include' || name === 'exists') && !value) return null;
  if (name === 'all' && (value !== null || cidr)) return null;
  if (name === 'ip4' && !(value && IP4.test(value + cidr))) return null;
  const prefixes = name === 'ip4' ? { prefix4: cidr ? Number(cidr.slice(1)) : 32, prefix6: 128 } : name === 'a' || name === 'mx' ? dualCidr(cidr) : { prefix4: 32, prefix6: 128 };
  return prefixes && { text, qualifier, name, value, modifier: false, ...prefixes };
}

interface Walk {
  lookup: DnsLookup;
  /** The sending IP, when known: the walk then also gathers what check_host needs to match it. */
  ip: SendingIp | null;
  lookups: number;
  voids: number;
  truncated: boolean;
  findings: Finding[];
}

/** What a term found during the walk; check_host reads these in record order once the walk is done. */
interface TermFacts {
  term: Term;
  /** The term costs one of the 10 lookups. */
  counted: boolean;
  void: boolean;
  failed: LookupError | null;
  matched: boolean;
  /** The included record, for `include`. */
  included: SpfNode | null;
  /** Why the term cannot be evaluated here, when it cannot. */
  skipped: string | null;
  /** A permanent error the term alone causes. */
  error: string | null;
}

/** Lookups and void lookups spent so far by check_host, in evaluation order, and the terms it passed over. */
interface Budget {
  lookups: number;
  voids: number;
  skipped: string[];
}

/** One SPF record as walked: its `all` (through redirects) and check_host over what the walk found. */
interface SpfNode {
  all: Qualifier | null;
  decide(budget: Budget): SpfVerdict;
}

const verdict = (result: SpfResult, budget: Budget, reason: string | null = null, decidedBy: string[] = []): SpfVerdict =>
  ({ result, decidedBy, reason, skipped: [...budget.skipped] });

const stopped = (result: 'permerror' | 'temperror', reason: string): SpfNode => ({ all: null, decide: (budget) => verdict(result, budget, reason) });

/** Answers by type; a query that finds nothing (NXDOMAIN or no records) is a "void lookup", limited separately. */
async function query(walk: Walk, name: string, types: RRType[]): Promise<{ records: Partial<Record<RRType, string[]>>; void: boolean; failed: LookupError | null }> {
  const answers = await Promise.all(types.map((t) => walk.lookup(name, t)));
  const records: Partial<Record<RRType, string[]>> = {};
  let failed: LookupError | null = null;
  answers.forEach((a, i) => {
    if (a.ok) records[types[i]] = a.value.records;
    else failed = a.error;
  });
  // A failed query proves nothing either way.
  const isVoid = !failed && answers.every((a) => a.ok && a.value.records.length === 0);
  if (isVoid) walk.voids += 1;
  return { records, void: isVoid, failed };
}

/** RFC 7208 §5.4: more than 10 MX names is a permanent error. */
const MX_NAMES_LIMIT = 10;

function matchesAny(ip: SendingIp, addresses: string[], term: Term): boolean {
  return addresses.some((a) => {
    const network = parseIp(a);
    return network !== null && inNetwork(ip, network, ip.version === 4 ? term.prefix4 : term.prefix6);
  });
}

/** Looks up what a term needs, counting its lookups for the static limit as before. */
async function gather(walk: Walk, domain: string, term: Term, path: string[]): Promise<TermFacts> {
  const facts: TermFacts = { term, counted: false, void: false, failed: null, matched: false, included: null, skipped: null, error: null };
  const { ip } = walk;
  if (term.name === 'all') return { ...facts, matched: true };
  if (term.name === 'ip4' || term.name === 'ip6') return { ...facts, matched: ip !== null && matchesAny(ip, [term.value!], term) };
  walk.lookups += 1;
  facts.counted = true;
  const target = term.value || domain;
  // Macros depend on the message being checked, so such a term has nothing to look up here.
  if (target.includes('%{')) return { ...facts, skipped: `${term.text} (a macro)` };
  const addressType: RRType = ip?.version === 6 ? 'AAAA' : 'A';
  if (term.name === 'include') return { ...facts, included: await follow(walk, 'include', target, path) };
  if (term.name === 'a') {
    const found = await query(walk, target, ['A', 'AAAA']);
    return { ...facts, void: found.void, failed: found.failed, matched: ip !== null && matchesAny(ip, found.records[addressType] ?? [], term) };
  }
  if (term.name === 'mx') {
    const found = await query(walk, target, ['MX']);
    const hosts = (found.records.MX ?? []).map((r) => r.trim().split(/\s+/).pop()!.replace(/\.$/, ''));
    if (!ip || found.failed) return { ...facts, void: found.void, failed: found.failed };
    if (hosts.length > MX_NAMES_LIMIT) return { ...facts, void: found.void, error: `${term.text} names ${hosts.length} mail servers; the limit is ${MX_NAMES_LIMIT}` };
    const addresses = await Promise.all(hosts.map((h) => walk.lookup(h, addressType)));
    const failed = addresses.find((a) => !a.ok);
    return { ...facts, void: found.void, failed: failed && !failed.ok ? failed.error : null,
      matched: matchesAny(ip, addresses.flatMap((a) => (a.ok ? a.value.records : [])), term) };
  }
  if (term.name === 'exists') {
    const found = await query(walk, target, ['A']);
    return { ...facts, void: found.void, failed: found.failed, matched: (found.records.A ?? []).length > 0 };
  }
  walk.findings.push(finding('spf', 'warning', 'spf.ptr', { domain }));
  return { ...facts, skipped: `${term.text} (discouraged, so not checked here)` };
}

/** Follows an include or redirect: its record's lookups count toward the same limit. */
async function follow(walk: Walk, how: 'include' | 'redirect', target: string, path: string[]): Promise<SpfNode> {
  const name = target.toLowerCase().replace(/\.$/, '');
  if (path.includes(name)) {
    walk.findings.push(finding('spf', 'error', 'spf.loop', { how, name, chain: [...path, name] }, CAUSE.spf));
    return stopped('permerror', `${how}:${name} leads back to itself`);
  }
  if (path.length > DEPTH_LIMIT || walk.lookups > WALK_LIMIT) {
    walk.truncated = true;
    return stopped('permerror', `the record tree is too large to follow past ${how}:${name}`);
  }
  const found = await taggedTxt(walk.lookup, name, 'spf1');
  if (!found.ok) {
    walk.findings.push(lookupFailed('spf', 'spf-of', found.error, name));
    return stopped('temperror', found.error.message);
  }
  const { records } = found.value;
  if (records.length === 0) await query(walk, name, ['TXT']); // counts the void lookup; cached: the TXT query just ran
  if (records.length !== 1) {
    walk.findings.push(records.length === 0
      ? finding('spf', 'error', 'spf.target-missing', { how, name }, CAUSE.spf)
      : finding('spf', 'error', 'spf.target-several', { how, name, count: records.length }, CAUSE.spf));
    return stopped('permerror', `${how}:${name} has ${records.length === 0 ? 'no SPF record' : `${records.length} SPF records`}`);
  }
  return evaluate(walk, name, records[0], [...path, name]);
}

/** Walks one record; independent lookups run in parallel, and counting does not depend on their order. */
async function evaluate(walk: Walk, domain: string, record: string, path: string[]): Promise<SpfNode> {
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
  // RFC 7208 §6.1: redirect is ignored when the record has an "all".
  const redirect = all ? undefined : parsed.find((t) => t.modifier && t.name === 'redirect' && t.value);
  const work = Promise.all(parsed.filter((t) => !t.modifier).map((t) => gather(walk, domain, t, path)));
  let redirected: Promise<SpfNode | null> = Promise.resolve(null);
  if (redirect) {
    walk.lookups += 1;
    redirected = redirect.value!.includes('%{') ? Promise.resolve(null) : follow(walk, 'redirect', redirect.value!, path);
  }
  const [facts, next] = await Promise.all([work, redirected]);
  return { all: all ? all.qualifier : next?.all ?? null, decide: (budget) => checkHost(domain, broken, facts, redirect ? { term: redirect, next } : null, budget) };
}

/** RFC 7208 §4.6: the first matching mechanism decides; lookups and void lookups count as they are reached. */
function checkHost(domain: string, broken: string[], facts: TermFacts[], redirect: { term: Term; next: SpfNode | null } | null, budget: Budget): SpfVerdict {
  if (broken.length) return verdict('permerror', budget, `the record of ${domain} has terms receivers cannot read (${broken.join(' ')})`);
  const overLimit = (text: string) => `more than ${SPF_LOOKUP_LIMIT} DNS lookups are needed by the time ${text} in the record of ${domain} is reached`;
  for (const f of facts) {
    if (f.counted && ++budget.lookups > SPF_LOOKUP_LIMIT) return verdict('permerror', budget, overLimit(f.term.text));
    if (f.void && ++budget.voids > SPF_VOID_LIMIT) return verdict('permerror', budget, `more than ${SPF_VOID_LIMIT} lookups found nothing by the time ${f.term.text} is reached`);
    if (f.failed) return verdict('temperror', budget, f.failed.message);
    if (f.error) return verdict('permerror', budget, f.error);
    if (f.skipped) {
      budget.skipped.push(f.skipped);
      continue;
    }
    if (f.included) {
      // RFC 7208 §5.2: an include matches when its record passes; its errors are the whole result.
      const inner = f.included.decide(budget);
      if (inner.result === 'permerror' || inner.result === 'temperror') return inner;
      if (inner.result === 'pass') return verdict(RESULT[f.term.qualifier], budget, null, [f.term.text, ...inner.decidedBy]);
      continue;
    }
    if (f.matched) return verdict(RESULT[f.term.qualifier], budget, null, [f.term.text]);
  }
  if (!redirect) return verdict('neutral', budget);
  if (++budget.lookups > SPF_LOOKUP_LIMIT) return verdict('permerror', budget, overLimit(redirect.term.text));
  if (!redirect.next) {
    budget.skipped.push(`${redirect.term.text} (a macro)`);
    return verdict('neutral', budget);
  }
  const inner = redirect.next.decide(budget);
  return { ...inner, decidedBy: inner.decidedBy.length ? [redirect.term.text, ...inner.decidedBy] : [] };
}

type AllKey = 'spf.all-pass' | 'spf.all-neutral' | 'spf.all-softfail' | 'spf.all-fail';
const ALL_FINDINGS: Record<Qualifier, [Severity, AllKey, string?]> = {
  '+': ['error', 'spf.all-pass', CAUSE.spf],
  '?': ['warning', 'spf.all-neutral', CAUSE.spf],
  '~': ['ok', 'spf.all-softfail'],
  '-': ['ok', 'spf.all-fail'],
};

/** Whether the record lets the sending IP send, in words; null when there is no record (already its own finding). */
function authorisationFinding(domain: string, ip: string, v: SpfVerdict): Finding | null {
  const chain = v.decidedBy.join(' → ');
  const { skipped } = v;
  switch (v.result) {
    case 'none':
      return null;
    case 'pass':
      return finding('spf', 'ok', 'spf.ip-pass', { domain, ip, chain, skipped });
    case 'temperror':
      return finding('spf', 'warning', 'spf.ip-temperror', { domain, ip, reason: v.reason ?? '', skipped });
    case 'permerror':
      return finding('spf', 'warning', 'spf.ip-permerror', { domain, ip, reason: v.reason ?? '', skipped }, CAUSE.spf);
    default:
      return finding('spf', 'error', 'spf.ip-fail', { domain, ip, result: v.result, chain, skipped }, CAUSE.spf);
  }
}

/** The finding for the record's `all`, or for its absence. */
function allFinding(all: Qualifier | null): Finding {
  if (!all) return finding('spf', 'warning', 'spf.no-all', {}, CAUSE.spf);
  const [severity, key, causeId] = ALL_FINDINGS[all];
  return finding('spf', severity, key, {}, causeId);
}

/** The record of `domain`, its limits and `all`; with `ip`, also whether it authorises that address. */
export async function checkSpf(lookup: DnsLookup, domain: string, ip: SendingIp | null = null): Promise<SpfReport> {
  const report: SpfReport = { record: null, lookups: 0, voidLookups: 0, all: null, truncated: false, verdict: null, findings: [] };
  const unchecked = (result: SpfResult, reason: string | null) => ({ result, decidedBy: [], reason, skipped: [] });
  const found = await taggedTxt(lookup, domain, 'spf1');
  if (!found.ok) {
    if (ip) report.verdict = unchecked('temperror', found.error.message);
    report.findings.push(lookupFailed('spf', 'spf', found.error));
    return report;
  }
  const { records } = found.value;
  if (records.length === 0) {
    if (ip) report.verdict = unchecked('none', null);
    report.findings.push(finding('spf', 'error', 'spf.missing', { domain }, CAUSE.spf));
    return report;
  }
  if (records.length > 1) {
    if (ip) report.verdict = unchecked('permerror', `${domain} has ${records.length} SPF records`);
    report.findings.push(finding('spf', 'error', 'spf.several', { records }, CAUSE.spf));
    return report;
  }
  report.record = records[0];
  const walk: Walk = { lookup, ip, lookups: 0, voids: 0, truncated: false, findings: [] };
  const root = await evaluate(walk, domain, records[0], [domain.toLowerCase()]);
  report.all = root.all;
  Object.assign(report, { lookups: walk.lookups, voidLookups: walk.voids, truncated: walk.truncated });

  const findings: Finding[] = [finding('spf', 'ok', 'spf.found', { record: records[0] })];
  if (ip) {
    report.verdict = root.decide({ lookups: 0, voids: 0, skipped: [] });
    const authorised = authorisationFinding(domain, ip.text, report.verdict);
    if (authorised) findings.push(authorised);
  }
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
