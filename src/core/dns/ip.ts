/**
 * The sending IP: reverse DNS (PTR) and whether that name points back (forward-confirmed), and DNS
 * blocklists, with the answers that mean "query refused" kept apart from "not listed".
 */
import type { DnsLookup } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding } from './findings.js';
import type { BlocklistRefusal } from './messages.js';

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
  if (!found.ok) return [lookupFailed('ptr', 'ptr', found.error, ip.text)];
  const names = found.value.records.map((n) => n.replace(/\.$/, '').toLowerCase());
  if (names.length === 0) {
    return [finding('ptr', 'warning', 'ptr.missing', { ip: ip.text }, CAUSE.noPtr)];
  }
  const checked = names.slice(0, PTR_NAMES_CHECKED);
  const forward = await Promise.all(checked.map((name) => lookup(name, ip.version === 4 ? 'A' : 'AAAA')));
  const failedForward = forward.find((f) => !f.ok);
  const confirmed = checked.filter((_, i) => {
    const f = forward[i];
    return f.ok && f.value.records.some((r) => sameIp(ip, r));
  });
  if (confirmed.length) {
    return [finding('ptr', 'ok', 'ptr.confirmed', { ip: ip.text, name: confirmed[0] })];
  }
  if (failedForward && !failedForward.ok) return [lookupFailed('ptr', 'ptr-forward', failedForward.error, checked.join(', '))];
  return [finding('ptr', 'warning', 'ptr.mismatch', { ip: ip.text, name: names[0], type: ip.version === 4 ? 'A' : 'AAAA' }, CAUSE.noPtr)];
}

interface Blocklist {
  zone: string;
  ipv6: boolean;
  /** Why the list did not answer, for its own "query refused" codes, which must not read as "not listed". */
  refusal(answer: string): BlocklistRefusal | null;
  /** A key of `blocklistMeanings` (`messages.ts`), or the answer itself when none fits. */
  meaning(answer: string): string;
}

const SPAMHAUS_LISTS: [RegExp, string][] = [
  [/^127\.0\.0\.[23]$/, 'sbl'],
  [/^127\.0\.0\.[4-7]$/, 'xbl'],
  [/^127\.0\.0\.9$/, 'drop'],
  [/^127\.0\.0\.1[01]$/, 'pbl'],
];

const SPAMHAUS_REFUSALS: Record<string, BlocklistRefusal> = {
  '127.0.0.1': 'public-resolver',
  '127.255.255.254': 'public-resolver',
  '127.255.255.255': 'too-many',
  '127.255.255.252': 'unreadable',
};

export const BLOCKLISTS: Blocklist[] = [
  {
    zone: 'zen.spamhaus.org',
    ipv6: true,
    // 127.255.255.x are Spamhaus's error codes; 127.0.0.1 is what it answers a blocked resolver in some
    // setups. None of them says anything about the address.
    refusal: (a) => SPAMHAUS_REFUSALS[a] ?? (a.startsWith('127.255.255.') ? 'refused' : null),
    meaning: (a) => SPAMHAUS_LISTS.find(([re]) => re.test(a))?.[1] ?? a,
  },
  { zone: 'bl.spamcop.net', ipv6: false, refusal: () => null, meaning: () => 'spamcop' },
];

async function queryBlocklist(lookup: DnsLookup, ip: SendingIp, list: Blocklist): Promise<Finding> {
  const found = await lookup(`${reversedName(ip)}.${list.zone}`, 'A');
  if (!found.ok) return lookupFailed('blocklist', 'blocklist', found.error, list.zone);
  const answers = found.value.records;
  if (answers.length === 0) {
    return finding('blocklist', 'ok', 'blocklist.clean', { ip: ip.text, zone: list.zone });
  }
  const listed = answers.filter((a) => list.refusal(a) === null);
  if (listed.length === 0) {
    return finding('blocklist', 'warning', 'blocklist.refused', { zone: list.zone, why: list.refusal(answers[0])!, answers, ip: ip.text });
  }
  if (!listed.every((a) => a.startsWith('127.'))) {
    return finding('blocklist', 'warning', 'blocklist.unexpected', { zone: list.zone, ip: ip.text, answers: listed });
  }
  return finding('blocklist', 'error', 'blocklist.listed', { zone: list.zone, ip: ip.text, lists: [...new Set(listed.map(list.meaning))] }, CAUSE.blocklisted);
}

export async function checkBlocklists(lookup: DnsLookup, ip: SendingIp): Promise<Finding[]> {
  return Promise.all(BLOCKLISTS.filter((l) => ip.version === 4 || l.ipv6).map((l) => queryBlocklist(lookup, ip, l)));
}
