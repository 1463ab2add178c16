/** MX: whether the domain exists, receives mail, refuses it on purpose (null MX, RFC 7505), and whether its hosts resolve. */
import type { DnsLookup } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding } from './findings.js';

export interface MxHost {
  preference: number;
  host: string;
}

export interface MxReport {
  /** False when the resolver says NXDOMAIN; null when that could not be learned. */
  exists: boolean | null;
  hosts: MxHost[];
  nullMx: boolean;
  findings: Finding[];
}

/** How many MX hosts are checked for addresses; more are rare and add nothing to the verdict. */
const HOSTS_CHECKED = 5;

function parseMx(data: string): MxHost | null {
  const m = /^(\d+)\s+(\S+)$/.exec(data.trim());
  return m ? { preference: Number(m[1]), host: m[2].replace(/(.)\.$/, '$1').toLowerCase() } : null;
}

async function resolves(lookup: DnsLookup, host: string): Promise<boolean | null> {
  const answers = await Promise.all([lookup(host, 'A'), lookup(host, 'AAAA')]);
  if (answers.some((a) => a.ok && a.value.records.length > 0)) return true;
  return answers.every((a) => a.ok) ? false : null;
}

export async function checkMx(lookup: DnsLookup, domain: string): Promise<MxReport> {
  const report: MxReport = { exists: null, hosts: [], nullMx: false, findings: [] };
  const found = await lookup(domain, 'MX');
  if (!found.ok) {
    report.findings.push(lookupFailed('mx', 'mx', found.error));
    return report;
  }
  if (found.value.rcode === 'NXDOMAIN') {
    report.exists = false;
    report.findings.push(finding('domain', 'error', 'domain.nxdomain', { domain }, CAUSE.domainUnknown));
    return report;
  }
  report.exists = true;
  const hosts = found.value.records.map(parseMx).filter((h): h is MxHost => h !== null).sort((a, b) => a.preference - b.preference);
  report.hosts = hosts;
  if (hosts.length === 1 && hosts[0].host === '.') {
    report.nullMx = true;
    report.findings.push(finding('mx', 'warning', 'mx.null', { domain }, CAUSE.notAcceptingMail));
    return report;
  }
  if (hosts.length === 0) {
    report.findings.push(finding('mx', 'warning', 'mx.missing', { domain }, CAUSE.notAcceptingMail));
    return report;
  }
  report.findings.push(finding('mx', 'ok', 'mx.found',
    { domain, hosts: hosts.map((h) => h.host), records: hosts.map((h) => `${h.preference} ${h.host}`) }));
  const checked = hosts.filter((h) => h.host !== '.').slice(0, HOSTS_CHECKED);
  const resolved = await Promise.all(checked.map((h) => resolves(lookup, h.host)));
  const dead = checked.filter((_, i) => resolved[i] === false).map((h) => h.host);
  if (dead.length) {
    report.findings.push(finding('mx', dead.length === checked.length ? 'error' : 'warning', 'mx.no-address', { hosts: dead }, CAUSE.notAcceptingMail));
  }
  return report;
}
