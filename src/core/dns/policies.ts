/** MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): presence only; both are optional hardening. */
import { taggedTxt, type DnsLookup } from './doh-client.js';
import { finding, lookupFailed, type Finding } from './findings.js';

const POLICIES = [
  { check: 'mta-sts', label: 'MTA-STS', prefix: '_mta-sts', tag: 'STSv1',
    missing: 'Optional: it tells senders to insist on an encrypted, verified connection to your MX hosts.' },
  { check: 'tls-rpt', label: 'TLS-RPT', prefix: '_smtp._tls', tag: 'TLSRPTv1',
    missing: 'Optional: it asks senders to report failed encrypted connections to your MX hosts.' },
] as const;

export async function checkPolicies(lookup: DnsLookup, domain: string): Promise<Finding[]> {
  return Promise.all(POLICIES.map(async ({ check, label, prefix, tag, missing }) => {
    const name = `${prefix}.${domain}`;
    const found = await taggedTxt(lookup, name, tag);
    if (!found.ok) return lookupFailed(check, label, found.error);
    const [record] = found.value.records;
    return record === undefined
      ? finding(check, 'info', `No ${label} record`, `Nothing starting with "v=${tag}" at ${name}. ${missing}`)
      : finding(check, 'ok', `${label} record found`, `"${record}" at ${name}.`);
  }));
}
