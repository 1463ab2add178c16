/** DKIM (RFC 6376) key at `<selector>._domainkey.<domain>`: present, revoked, key type and approximate size. */
import type { DnsLookup } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding } from './findings.js';
import { parseTagList } from './tag-list.js';

export interface DkimReport {
  keyType: string | null;
  /** Approximate RSA key size in bits, from the key's encoded length. */
  bits: number | null;
  findings: Finding[];
}

/**
 * An RSA SubjectPublicKeyInfo is the modulus plus about 38 bytes of structure (294 bytes for 2048 bits), so
 * its length gives the size to the nearest common step without parsing the DER.
 */
export function approximateRsaBits(base64: string): number | null {
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const bytes = (clean.length / 4) * 3 - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
  return Math.max(0, Math.round(((bytes - 38) * 8) / 256) * 256);
}

export async function checkDkim(lookup: DnsLookup, domain: string, selector: string): Promise<DkimReport> {
  const report: DkimReport = { keyType: null, bits: null, findings: [] };
  const name = `${selector}._domainkey.${domain}`;
  const found = await lookup(name, 'TXT');
  if (!found.ok) {
    report.findings.push(lookupFailed('dkim', 'dkim', found.error, name));
    return report;
  }
  // A DKIM key record is the TXT record carrying p=; other TXT records at the name are not keys.
  const keys = found.value.records.map(parseTagList).filter((k) => k.tags.has('p'));
  if (keys.length === 0) {
    report.findings.push(finding('dkim', 'error', 'dkim.missing', { selector, name }, CAUSE.dkim));
    return report;
  }
  if (keys.length > 1) {
    report.findings.push(finding('dkim', 'warning', 'dkim.several', { count: keys.length, selector, name }, CAUSE.dkim));
  }
  const { tags } = keys[0];
  const p = tags.get('p') ?? '';
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  report.keyType = keyType;
  const v = tags.get('v');
  if (v !== undefined && v !== 'DKIM1') {
    report.findings.push(finding('dkim', 'error', 'dkim.bad-version', { selector, version: v }, CAUSE.dkim));
  }
  if (p.trim() === '') {
    report.findings.push(finding('dkim', 'error', 'dkim.revoked', { selector, name }, CAUSE.dkim));
    return report;
  }
  if (keyType === 'ed25519') {
    report.findings.push(finding('dkim', 'ok', 'dkim.ed25519', { selector }));
  } else if (keyType === 'rsa') {
    const bits = approximateRsaBits(p);
    report.bits = bits;
    if (bits === null) {
      report.findings.push(finding('dkim', 'error', 'dkim.bad-base64', { selector, name }, CAUSE.dkim));
    } else if (bits < 1024) {
      report.findings.push(finding('dkim', 'error', 'dkim.too-short', { selector, bits }, CAUSE.dkim));
    } else if (bits < 2048) {
      report.findings.push(finding('dkim', 'warning', 'dkim.short', { selector, bits }));
    } else {
      report.findings.push(finding('dkim', 'ok', 'dkim.rsa', { selector, bits, name }));
    }
  } else {
    report.findings.push(finding('dkim', 'error', 'dkim.unknown-type', { selector, type: keyType }, CAUSE.dkim));
  }
  if (tags.get('t')?.split(':').map((f) => f.trim()).includes('y')) {
    report.findings.push(finding('dkim', 'info', 'dkim.testing', { selector }));
  }
  return report;
}
