/**
 * The English words of the domain check, by key: the core builds every finding's title and detail from
 * here (what the CLI prints), and each finding keeps its key and params so the element can say the same in
 * the reader's language from a table with the same keys (`src/i18n/dns-es.ts`).
 */
import type { LookupFailure, RRType } from './doh-client.js';

/** A finding's title, then its detail. */
export type Message = [title: string, detail: string];

/** Why a DNS query got no answer, by the client's own key; its params name the query. */
export interface QueryParams {
  name: string;
  type: RRType;
  /** HTTP status or DNS error code. */
  status?: number;
  origin?: string;
  limit?: number;
}

export const queryMessages = {
  deadline: (q: QueryParams) => `Time ran out before ${q.name} (${q.type}) could be looked up.`,
  timeout: (q: QueryParams) => `The lookup of ${q.name} (${q.type}) took too long and was stopped.`,
  unreachable: (q: QueryParams) => `The resolver at ${q.origin} could not be reached.`,
  'http-error': (q: QueryParams) => `The resolver answered HTTP ${q.status} for ${q.name} (${q.type}).`,
  'not-json': (q: QueryParams) => `The resolver's answer for ${q.name} (${q.type}) is not valid JSON.`,
  'not-dns-json': (q: QueryParams) => `The resolver's answer for ${q.name} (${q.type}) is not a DNS JSON response.`,
  'bad-answer': (q: QueryParams) => `The resolver's answer for ${q.name} (${q.type}) has a malformed Answer section.`,
  'bad-record': (q: QueryParams) => `The resolver's answer for ${q.name} (${q.type}) has a malformed record.`,
  servfail: (q: QueryParams) => `The resolver could not get an answer for ${q.name} (${q.type}): SERVFAIL.`,
  rcode: (q: QueryParams) => `The resolver answered ${q.name} (${q.type}) with DNS error code ${q.status}.`,
  refused: (q: QueryParams) => `The resolver refused to look up ${q.name} (${q.type}).`,
  'too-many': (q: QueryParams) => `Stopped before ${q.name} (${q.type}): the check already made ${q.limit} queries.`,
};
export type QueryProblem = keyof typeof queryMessages;

/** What a failed lookup was for; `target` is the name, address or list it was about. */
export const lookupSubjects = {
  mx: () => 'MX',
  spf: () => 'SPF',
  'spf-of': (target: string) => `SPF record of ${target}`,
  dmarc: () => 'DMARC',
  dkim: (target: string) => `DKIM key (${target})`,
  'mta-sts': () => 'MTA-STS',
  'tls-rpt': () => 'TLS-RPT',
  ptr: (target: string) => `reverse DNS (PTR) for ${target}`,
  'ptr-forward': (target: string) => `forward lookup of ${target}`,
  blocklist: (target: string) => `${target} blocklist`,
};
export type LookupSubject = keyof typeof lookupSubjects;

export type LookupParams = { subject: LookupSubject; target: string; problem: QueryProblem } & QueryParams;

const FAILURE_TITLES: Record<LookupFailure, string> = {
  timeout: 'timed out',
  unreachable: 'failed: the resolver could not be reached',
  servfail: 'failed: the DNS servers for the name did not answer properly (SERVFAIL)',
  refused: 'was refused by the resolver',
  malformed: 'failed: the resolver sent an answer that is not valid DNS JSON',
  'http-error': 'failed: the resolver returned an HTTP error',
  'too-many-lookups': 'was skipped: the check reached its limit on DNS queries',
};

function lookupMessage(reason: LookupFailure) {
  return (p: LookupParams): Message => [`The ${lookupSubjects[p.subject](p.target)} lookup ${FAILURE_TITLES[reason]}`,
    `${queryMessages[p.problem](p)} This part of the check has no result; try again later or with another resolver.`];
}

/** Why a blocklist's answer says nothing about the address. */
export const blocklistRefusals = {
  'public-resolver': 'it refused the query because it came through a public resolver',
  'too-many': 'it refused the query: too many queries from this resolver',
  unreadable: 'it could not read the query',
  refused: 'it refused the query',
};
export type BlocklistRefusal = keyof typeof blocklistRefusals;

/** What being on a list means; an answer no key fits is shown as it came. */
export const blocklistMeanings: Record<string, string> = {
  sbl: 'SBL: known spam source or spam operation',
  xbl: 'XBL: infected or hijacked machine',
  drop: 'DROP: hijacked or criminal network',
  pbl: 'PBL: an address range whose owner says it should not send mail directly',
  spamcop: 'reported as a spam source by SpamCop users',
};

const dmarcPolicy = (title: string, effect: string) => ({ record }: Record_): Message => [title, `Record: "${record}". ${effect}`];

/** Keys whose text takes no params. */
type None = Record<string, never>;
type Domain = { domain: string };
type Selector = { selector: string };
type Named = { name: string };
type Record_ = { record: string };
type Spf = { how: 'include' | 'redirect'; name: string };
/** `skipped`: terms the check cannot evaluate (ptr, macros), named so the reader knows the verdict may differ. */
type SpfIp = { domain: string; ip: string; skipped: string[] };
const notEvaluated = (skipped: string[]) =>
  skipped.length ? ` Not evaluated: ${skipped.join(', ')}; a receiver that evaluates them may decide differently.` : '';
const OPTIONAL_POLICY = (label: string, tag: string, why: string) => ({
  missing: ({ name }: Named): Message => [`No ${label} record`, `Nothing starting with "v=${tag}" at ${name}. Optional: it ${why}`],
  found: ({ record, name }: Record_ & Named): Message => [`${label} record found`, `"${record}" at ${name}.`],
});
const MTA_STS = OPTIONAL_POLICY('MTA-STS', 'STSv1', 'tells senders to insist on an encrypted, verified connection to your MX hosts.');
const TLS_RPT = OPTIONAL_POLICY('TLS-RPT', 'TLSRPTv1', 'asks senders to report failed encrypted connections to your MX hosts.');
const resolverDetail = ({ resolver, reasons, count }: { resolver: string; reasons: string[]; count: number }) =>
  `${resolver} gave no usable answer to any of the ${count} lookups (${reasons.join(', ')}), so nothing was checked. ` +
  'Check the connection or try another resolver; this says nothing about the domain itself.';

export const findingMessages = {
  'domain.nxdomain': ({ domain }: Domain): Message => ['The domain does not exist (NXDOMAIN)',
    `DNS has no name ${domain}. Mail to or from it fails everywhere. Check the spelling, or whether the domain registration has lapsed.`],
  'mx.null': ({ domain }: Domain): Message => ['MX is a null MX: this domain accepts no mail',
    `${domain} publishes "0 ." (RFC 7505), which says on purpose that it receives no email. Replies to mail from it bounce; if the domain should receive mail, publish real MX records.`],
  'mx.missing': ({ domain }: Domain): Message => ['No MX records',
    `Senders then try the address of ${domain} itself, which rarely runs a mail server, so mail to it (including bounces and replies) may not arrive. Publish MX records for your mail service.`],
  'mx.found': ({ domain, hosts, records }: Domain & { hosts: string[]; records: string[] }): Message => [`Mail for ${domain} goes to ${hosts.join(', ')}`, records.join('; ')],
  'mx.no-address': ({ hosts }: { hosts: string[] }): Message => [`MX host${hosts.length > 1 ? 's' : ''} without an address: ${hosts.join(', ')}`,
    'Senders cannot connect to a mail host that has no A or AAAA record. Correct the MX target or add the address.'],

  'spf.missing': ({ domain }: Domain): Message => ['No SPF record',
    `${domain} publishes no TXT record starting with "v=spf1", so receivers cannot tell which servers may send for it. Publish one that lists your sending services.`],
  'spf.several': ({ records }: { records: string[] }): Message => [`${records.length} SPF records: receivers treat that as an error (permerror)`,
    `Found: ${records.map((r) => `"${r}"`).join(', ')}. Merge them into a single record.`],
  'spf.found': ({ record }: Record_): Message => ['One SPF record found', `"${record}"`],
  'spf.over-limit': ({ count, truncated, limit }: { count: number; truncated: boolean; limit: number }): Message => [
    `SPF needs ${truncated ? `more than ${count}` : count} DNS lookups; the limit is ${limit}`,
    'Past the limit receivers stop with a permanent error (permerror) and SPF fails. Remove includes you no longer use, or replace some with ip4:/ip6: ranges.'],
  'spf.lookups': ({ count, limit }: { count: number; limit: number }): Message => [`SPF needs ${count} of the ${limit} DNS lookups allowed`,
    'Counted through every include and redirect; a, mx, ptr and exists count too.'],
  'spf.void': ({ count, limit }: { count: number; limit: number }): Message => [`${count} SPF lookup${count === 1 ? ' finds' : 's find'} nothing (the limit is ${limit})`,
    'A name in your SPF tree does not exist or has no records. Beyond two such lookups receivers stop with a permanent error; remove the dead names.'],
  'spf.loop': ({ how, name, chain }: Spf & { chain: string[] }): Message => [`SPF loops: ${how}:${name} leads back to itself`,
    `The chain ${chain.join(' → ')} never ends. Receivers give up with a permanent error (permerror); remove the ${how} that points back.`],
  'spf.target-missing': ({ how, name }: Spf): Message => [`Your SPF record names ${how}:${name}, which has no SPF record`,
    `Receivers treat this as a permanent error (permerror), so SPF fails for every message. Fix or remove the ${how}.`],
  'spf.target-several': ({ how, name, count }: Spf & { count: number }): Message => [`Your SPF record names ${how}:${name}, which has ${count} SPF records`,
    `Receivers treat this as a permanent error (permerror), so SPF fails for every message. Fix or remove the ${how}.`],
  'spf.unreadable': ({ domain, terms, record }: Domain & Record_ & { terms: string[] }): Message => [
    `The SPF record of ${domain} has terms receivers cannot read: ${terms.join(' ')}`,
    `Record: "${record}". One unreadable term makes the whole record a permanent error (permerror); correct or remove it.`],
  'spf.ip-pass': ({ domain, ip, chain, skipped }: SpfIp & { chain: string }): Message => [`The SPF record of ${domain} authorises ${ip} (${chain})`,
    `The address is covered by ${chain}, so receivers see an SPF pass for mail this server sends.${notEvaluated(skipped)}`],
  'spf.ip-temperror': ({ domain, ip, reason, skipped }: SpfIp & { reason: string }): Message => [
    `Whether the SPF record of ${domain} authorises ${ip} is unknown: a DNS lookup failed`,
    `${reason} Receivers in the same situation usually ask the sender to try again later (temperror); run the check again.${notEvaluated(skipped)}`],
  'spf.ip-permerror': ({ domain, ip, reason, skipped }: SpfIp & { reason: string }): Message => [
    `The SPF record of ${domain} cannot say whether it authorises ${ip}: it stops with an error`,
    `Evaluation ends in a permanent error (permerror): ${reason}. Many receivers count that as a failure; fix the SPF problems listed here.${notEvaluated(skipped)}`],
  'spf.ip-fail': ({ domain, ip, result, chain, skipped }: SpfIp & { result: string; chain: string }): Message => [
    `The SPF record of ${domain} does not authorise ${ip}: SPF ${result}`,
    `${chain ? `None of the services and ranges the record lists before "${chain}" covers ${ip}, so "${chain}" decides: SPF ${result}.` : `Nothing in the record covers ${ip}, and a record without an "all" then gives SPF ${result}.`} ` +
      `With a strict DMARC policy, receivers may reject this server's mail. If it sends for ${domain}, add the sending service's include: (or an ip4:/ip6: range with ${ip}) to the record.${notEvaluated(skipped)}`],
  'spf.ptr': ({ domain }: Domain): Message => [`The SPF record of ${domain} uses "ptr"`,
    'RFC 7208 asks senders not to use it: it is slow, unreliable, and some receivers skip it. List your addresses with ip4:/ip6: or include: instead.'],
  'spf.all-pass': (_: None): Message => ['Your SPF record ends in +all, so it allows anyone to send as your domain',
    '"+all" passes every server in the world. Replace it with -all (or ~all while you are still checking your senders).'],
  'spf.all-neutral': (_: None): Message => ['Your SPF record ends in ?all, so receivers cannot reject forgeries: change it to ~all or -all',
    '"?all" is neutral: it says nothing about servers you did not list, so SPF gives receivers no protection.'],
  'spf.all-softfail': (_: None): Message => ['Your SPF record ends in ~all (soft fail)',
    'Unlisted servers are marked suspicious. Once you are sure every sending service is listed, -all is stricter.'],
  'spf.all-fail': (_: None): Message => ['Your SPF record ends in -all', 'Servers you did not list fail SPF, which is what you want.'],
  'spf.no-all': (_: None): Message => ['Your SPF record has no "all" at the end',
    'Without it, servers you did not list get a neutral result, as with ?all. End the record with ~all or -all.'],

  'dmarc.missing': ({ name }: Named): Message => ['No DMARC record',
    `Nothing starting with "v=DMARC1" at ${name}. Large mailbox providers expect one from bulk senders, and without it you get no reports about mail sent in your name. Start with "v=DMARC1; p=none; rua=mailto:…".`],
  'dmarc.several': ({ count, name }: Named & { count: number }): Message => [`${count} DMARC records: receivers ignore them all`,
    `With more than one record at ${name}, DMARC does not apply at all. Keep one.`],
  'dmarc.unreadable': ({ record, parts }: Record_ & { parts: string[] }): Message => ['Parts of the DMARC record cannot be read',
    `Record: "${record}". Not in tag=value form: ${parts.join(', ')}.`],
  'dmarc.no-policy': ({ record }: Record_): Message => ['The DMARC record has no policy (p=)', dmarcPolicyRule(record)],
  'dmarc.bad-policy': ({ record, policy }: Record_ & { policy: string }): Message => [`The DMARC policy p=${policy} is not valid`, dmarcPolicyRule(record)],
  'dmarc.policy-none': dmarcPolicy('DMARC p=none: monitoring only',
    'Mail that fails DMARC is delivered as usual; you only get reports. Move to p=quarantine, then p=reject, once your reports show only your own services.'),
  'dmarc.policy-quarantine': dmarcPolicy('DMARC p=quarantine',
    'Mail that fails DMARC goes to spam. Your own mail must pass SPF or DKIM with an aligned domain, or it lands there too.'),
  'dmarc.policy-reject': dmarcPolicy('DMARC p=reject',
    'Mail that fails DMARC is refused (often with 550 5.7.26 or 5.7.1). Every service that sends as you must pass SPF or DKIM with an aligned domain.'),
  'dmarc.subdomain-policy': ({ domain, policy }: Domain & { policy: string }): Message => [`Subdomains use a different policy: sp=${policy}`,
    `Mail from subdomains of ${domain} that fails DMARC is handled as p=${policy}.`],
  'dmarc.bad-subdomain-policy': ({ policy }: { policy: string }): Message => [`The subdomain policy sp=${policy} is not valid`, 'sp= must be none, quarantine or reject.'],
  'dmarc.pct': ({ pct }: { pct: string }): Message => [`The policy applies to ${pct}% of failing mail`,
    'The rest of the failing mail is treated one step more leniently. Raise pct to 100 when you are ready.'],
  'dmarc.bad-pct': ({ pct }: { pct: string }): Message => [`pct=${pct} is not a percentage`, 'pct= must be a whole number from 0 to 100.'],
  'dmarc.reports': ({ rua }: { rua: string }): Message => ['DMARC aggregate reports are requested', `Reports go to ${rua}.`],
  'dmarc.no-reports': (_: None): Message => ['No DMARC reports requested (no rua=)',
    'Without rua= you cannot see who sends mail in your name or why it fails. Add rua=mailto:an address you read.'],
  'dmarc.strict': ({ tags }: { tags: ('adkim' | 'aspf')[] }): Message => [`Strict alignment: ${tags.map((t) => `${t}=s`).join(', ')}`,
    `The ${tags.map((t) => (t === 'adkim' ? 'DKIM' : 'SPF')).join(' and ')} domain must equal the From domain exactly; a subdomain does not count.`],

  'dkim.missing': ({ selector, name }: Selector & Named): Message => [`No DKIM key for selector ${selector}`,
    `Nothing at ${name}. Receivers cannot verify signatures made with this selector. Publish the key your mail service gives you, or check the selector (the s= of a DKIM-Signature header).`],
  'dkim.several': ({ count, selector, name }: Selector & Named & { count: number }): Message => [`${count} DKIM keys for selector ${selector}`,
    `Receivers may pick either one at ${name}; keep exactly one record.`],
  'dkim.bad-version': ({ selector, version }: Selector & { version: string }): Message => [`The DKIM record for selector ${selector} has v=${version}`,
    'When v= is present it must be DKIM1; receivers ignore the key otherwise.'],
  'dkim.revoked': ({ selector, name }: Selector & Named): Message => [`DKIM key for selector ${selector} is revoked`,
    `The record at ${name} has an empty p=, which means the key was withdrawn: every signature made with it fails. Sign with a current selector, or publish the new key.`],
  'dkim.ed25519': ({ selector }: Selector): Message => [`DKIM key for selector ${selector}: Ed25519`,
    'Ed25519 keys are strong, but not every receiver checks them yet; many senders add an RSA signature as well.'],
  'dkim.bad-base64': ({ selector, name }: Selector & Named): Message => [`The DKIM key for selector ${selector} is not valid base64`,
    `Receivers cannot read the p= value at ${name}; copy the key again from your mail service, without quotes or line breaks inside it.`],
  'dkim.too-short': ({ selector, bits }: Selector & { bits: number }): Message => [`DKIM key for selector ${selector} is too short (about ${bits} bits)`,
    'Receivers reject keys under 1024 bits as unsafe. Create a 2048-bit key.'],
  'dkim.short': ({ selector, bits }: Selector & { bits: number }): Message => [`DKIM key for selector ${selector} is about ${bits} bits`,
    'It still works, but 2048 bits is the recommended size now; plan to rotate to a longer key.'],
  'dkim.rsa': ({ selector, bits, name }: Selector & Named & { bits: number }): Message => [`DKIM key for selector ${selector}: RSA, about ${bits} bits`, `Published at ${name}.`],
  'dkim.unknown-type': ({ selector, type }: Selector & { type: string }): Message => [`The DKIM key for selector ${selector} has an unknown type k=${type}`,
    'Receivers know rsa and ed25519 only.'],
  'dkim.testing': ({ selector }: Selector): Message => [`The DKIM key for selector ${selector} is in test mode (t=y)`,
    'Receivers may treat failures with it leniently; remove t=y once signing works.'],

  'mta-sts.missing': MTA_STS.missing,
  'mta-sts.found': MTA_STS.found,
  'tls-rpt.missing': TLS_RPT.missing,
  'tls-rpt.found': TLS_RPT.found,

  'ptr.missing': ({ ip }: { ip: string }): Message => [`No reverse DNS for ${ip}`,
    'Many receivers refuse or distrust mail from an address without a name. Ask whoever runs the server (or its hosting provider) to set a PTR record that matches the server name.'],
  'ptr.confirmed': ({ ip, name }: Named & { ip: string }): Message => [`Reverse DNS for ${ip}: ${name}, which points back to it`,
    'The PTR name resolves to the same address (forward-confirmed), as receivers expect.'],
  'ptr.mismatch': ({ ip, name, type }: Named & { ip: string; type: 'A' | 'AAAA' }): Message => [
    `Reverse DNS for ${ip} is ${name}, but that name does not point back to it`,
    `Receivers check that the PTR name resolves to the sending address (forward-confirmed reverse DNS). Add an ${type} record for ${name} with ${ip}, or change the PTR.`],

  'blocklist.clean': ({ ip, zone }: { ip: string; zone: string }): Message => [`${ip} is not listed on ${zone}`, `${zone} has no entry for this address.`],
  'blocklist.refused': ({ zone, why, answers, ip }: { zone: string; why: BlocklistRefusal; answers: string[]; ip: string }): Message => [
    `No answer from ${zone}: ${blocklistRefusals[why]}. This is not a clean result`,
    `It answered ${answers.join(', ')}, a code that says nothing about ${ip}. Check the address on the list's own website, or query it through your own DNS resolver.`],
  'blocklist.unexpected': ({ zone, ip, answers }: { zone: string; ip: string; answers: string[] }): Message => [`${zone} gave an unexpected answer for ${ip}`,
    `Answer: ${answers.join(', ')}. Blocklists answer in 127.0.0.0/8; anything else usually means the resolver rewrites answers, so the result is unknown.`],
  'blocklist.listed': ({ zone, ip, lists }: { zone: string; ip: string; lists: string[] }): Message => [`Listed on ${zone}`,
    `${ip}: ${lists.map((l) => blocklistMeanings[l] ?? `answer ${l}`).join('; ')}. Receivers that use this list refuse your mail. Fix the cause first, then ask ${zone} for removal on its website.`],

  'resolver.timeout': (p: { resolver: string; reasons: string[]; count: number }): Message => ['The DNS resolver did not answer in time', resolverDetail(p)],
  'resolver.failed': (p: { resolver: string; reasons: string[]; count: number }): Message => ['The DNS resolver could not be used', resolverDetail(p)],

  'lookup.timeout': lookupMessage('timeout'),
  'lookup.unreachable': lookupMessage('unreachable'),
  'lookup.servfail': lookupMessage('servfail'),
  'lookup.refused': lookupMessage('refused'),
  'lookup.malformed': lookupMessage('malformed'),
  'lookup.http-error': lookupMessage('http-error'),
  'lookup.too-many-lookups': lookupMessage('too-many-lookups'),
};

function dmarcPolicyRule(record: string): string {
  return `Record: "${record}". p= must be none, quarantine or reject; receivers may ignore the record without it.`;
}

export type FindingKey = keyof typeof findingMessages;
export type FindingParams<K extends FindingKey> = Parameters<(typeof findingMessages)[K]>[0];
/** Any key's params: plain values the texts are made from. */
export type AnyParams = Record<string, string | number | boolean | string[]>;

/** A table of the same messages in another language: every key, with the same params. */
export type FindingMessages = { [K in FindingKey]: (params: FindingParams<K>) => Message };
