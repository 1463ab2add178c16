/** MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): presence only; both are optional hardening. */
import { taggedTxt, type DnsLookup } from './doh-client.js';
import { finding, lookupFailed, type Finding } from './findings.js';

const POLICIES = [
  { check: 'mta-sts', prefix: '_mta-sts', tag: 'STSv1' },
  { check: 'tls-rpt', prefix: '_smtp._tls', tag: 'TLSRPTv1' },
] as const;

export async function checkPolicies(lookup: DnsLookup, domain: string): Promise<Finding[]> {
  return Promise.all(POLICIES.map(async ({ check, prefix, tag }) => {
    const name = `${prefix}.${domain}`;
    const found = await taggedTxt(lookup, name, tag);
    if (!found.ok) return lookupFailed(check, check, found.error);
    const [record] = found.value.records;
    return record === undefined
      ? finding(check, 'info', `${check}.missing`, { name })
      : finding(check, 'ok', `${check}.found`, { record, name });
  }));
}
