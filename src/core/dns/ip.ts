/**
 * The sending IP: reverse DNS (PTR) and whether that name points back (forward-confirmed), and DNS
 * blocklists, with the answers that mean "query refused" kept apart from "not listed".
 */
import type { DnsLookup } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding } from './findings.js';

export interface SendingIp {
  version: 4 | 6;
  /** As typed, trimmed. */
  text: string;
  /** 4 octets or 16 bytes. */
  bytes: number[];
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (groups.flat().some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const given = groups.flat().length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const words = halves.length === 1 ? groups[0] : [...groups[0], ...Array(8 - given).fill('0'), ...groups[1]];
  return words.flatMap((w) => {
    const n = parseInt(w, 16);
    return [n >> 8, n & 255];
  });
}

/** An IPv4 or IPv6 address, or null when the text is not one. */
export function parseIp(text: string): SendingIp | null {
  const t = text.trim();
  const octets = t.split('.');
  if (octets.length === 4 && octets.every((o) => OCTET.test(o))) return { version: 4, text: t, bytes: octets.map(Number) };
  const bytes = t.includes(':') ? parseIpv6(t) : null;
  return bytes ? { version: 6, text: t, bytes } : null;
}

/** Whether `ip` is inside `network`/`prefix` (a prefix of 0 holds every address of that version). */
export function inNetwork(ip: SendingIp, network: SendingIp, prefix: number): boolean {
  if (ip.version !== network.version) return false;
  const whole = Math.floor(prefix / 8);
  if (ip.bytes.slice(0, whole).some((b, i) => b !== network.bytes[i])) return false;
  const mask = (0xff << (8 - (prefix % 8))) & 0xff;
  return prefix % 8 === 0 || (ip.bytes[whole] & mask) === (network.bytes[whole] & mask);
}

/** The address in DNS's reversed form: `1.2.0.192` for 192.0.2.1, nibbles for IPv6. */
export function reversedName(ip: SendingIp): string {
  if (ip.version === 4) return [...ip.bytes].reverse().join('.');
  return ip.bytes.flatMap((b) => [b >> 4, b & 15]).reverse().map((n) => n.toString(16)).join('.');
}

function sameIp(a: SendingIp, text: string): boolean {
  const b = parseIp(text);
  return b !== null && b.version === a.version && b.bytes.every((x, i) => x === a.bytes[i]);
}

/** How many PTR names are followed back; a host with more is unusual and the first few decide. */
const PTR_NAMES_CHECKED = 3;

export async function checkPtr(lookup: DnsLookup, ip: SendingIp): Promise<Finding[]> {
  const found = await lookup(`${reversedName(ip)}.${ip.version === 4 ? 'in-addr' : 'ip6'}.arpa`, 'PTR');
  if (!found.ok) return [lookupFailed('ptr', `reverse DNS (PTR) for ${ip.text}`, found.error)];
  const names = found.value.records.map((n) => n.replace(/\.$/, '').toLowerCase());
  if (names.length === 0) {
    return [finding('ptr', 'warning', `No reverse DNS for ${ip.text}`,
      'Many receivers refuse or distrust mail from an address without a name. Ask whoever runs the server (or its hosting provider) to set a PTR record that matches the server name.', CAUSE.noPtr)];
  }
  const checked = names.slice(0, PTR_NAMES_CHECKED);
  const forward = await Promise.all(checked.map((name) => lookup(name, ip.version === 4 ? 'A' : 'AAAA')));
  const failedForward = forward.find((f) => !f.ok);
  const confirmed = checked.filter((_, i) => {
    const f = forward[i];
    return f.ok && f.value.records.some((r) => sameIp(ip, r));
  });
  if (confirmed.length) {
    return [finding('ptr', 'ok', `Reverse DNS for ${ip.text}: ${confirmed[0]}, which points back to it`,
      `The PTR name resolves to the same address (forward-confirmed), as receivers expect.`)];
  }
  if (failedForward && !failedForward.ok) return [lookupFailed('ptr', `forward lookup of ${checked.join(', ')}`, failedForward.error)];
  return [finding('ptr', 'warning', `Reverse DNS for ${ip.text} is ${names[0]}, but that name does not point back to it`,
    `Receivers check that the PTR name resolves to the sending address (forward-confirmed reverse DNS). Add an ${ip.version === 4 ? 'A' : 'AAAA'} record for ${names[0]} with ${ip.text}, or change the PTR.`, CAUSE.noPtr)];
}

interface Blocklist {
  zone: string;
  ipv6: boolean;
  /** Why the list did not answer, for its own "query refused" codes, which must not read as "not listed". */
  refusal(answer: string): string | null;
  meaning(answer: string): string;
}

const SPAMHAUS_LISTS: [RegExp, string][] = [
  [/^127\.0\.0\.[23]$/, 'SBL: known spam source or spam operation'],
  [/^127\.0\.0\.[4-7]$/, 'XBL: infected or hijacked machine'],
  [/^127\.0\.0\.9$/, 'DROP: hijacked or criminal network'],
  [/^127\.0\.0\.1[01]$/, 'PBL: an address range whose owner says it should not send mail directly'],
];

const PUBLIC_RESOLVER = 'it refused the query because it came through a public resolver';
const SPAMHAUS_REFUSALS: Record<string, string> = {
  '127.0.0.1': PUBLIC_RESOLVER,
  '127.255.255.254': PUBLIC_RESOLVER,
  '127.255.255.255': 'it refused the query: too many queries from this resolver',
  '127.255.255.252': 'it could not read the query',
};

export const BLOCKLISTS: Blocklist[] = [
  {
    zone: 'zen.spamhaus.org',
    ipv6: true,
    // 127.255.255.x are Spamhaus's error codes; 127.0.0.1 is what it answers a blocked resolver in some
    // setups. None of them says anything about the address.
    refusal: (a) => SPAMHAUS_REFUSALS[a] ?? (a.startsWith('127.255.255.') ? 'it refused the query' : null),
    meaning: (a) => SPAMHAUS_LISTS.find(([re]) => re.test(a))?.[1] ?? `answer ${a}`,
  },
  { zone: 'bl.spamcop.net', ipv6: false, refusal: () => null, meaning: () => 'reported as a spam source by SpamCop users' },
];

async function queryBlocklist(lookup: DnsLookup, ip: SendingIp, list: Blocklist): Promise<Finding> {
  const found = await lookup(`${reversedName(ip)}.${list.zone}`, 'A');
  if (!found.ok) return lookupFailed('blocklist', `${list.zone} blocklist`, found.error);
  const answers = found.value.records;
  if (answers.length === 0) {
    return finding('blocklist', 'ok', `${ip.text} is not listed on ${list.zone}`, `${list.zone} has no entry for this address.`);
  }
  const listed = answers.filter((a) => list.refusal(a) === null);
  if (listed.length === 0) {
    return finding('blocklist', 'warning', `No answer from ${list.zone}: ${list.refusal(answers[0])}. This is not a clean result`,
      `It answered ${answers.join(', ')}, a code that says nothing about ${ip.text}. Check the address on the list's own website, or query it through your own DNS resolver.`);
  }
  if (!listed.every((a) => a.startsWith('127.'))) {
    return finding('blocklist', 'warning', `${list.zone} gave an unexpected answer for ${ip.text}`,
      `Answer: ${listed.join(', ')}. Blocklists answer in 127.0.0.0/8; anything else usually means the resolver rewrites answers, so the result is unknown.`);
  }
  return finding('blocklist', 'error', `Listed on ${list.zone}`,
    `${ip.text}: ${[...new Set(listed.map(list.meaning))].join('; ')}. Receivers that use this list refuse your mail. Fix the cause first, then ask ${list.zone} for removal on its website.`, CAUSE.blocklisted);
}

export async function checkBlocklists(lookup: DnsLookup, ip: SendingIp): Promise<Finding[]> {
  return Promise.all(BLOCKLISTS.filter((l) => ip.version === 4 || l.ipv6).map((l) => queryBlocklist(lookup, ip, l)));
}
