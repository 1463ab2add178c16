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
    report.findings.push(lookupFailed('dkim', `DKIM key (${name})`, found.error));
    return report;
  }
  // A DKIM key record is the TXT record carrying p=; other TXT records at the name are not keys.
  const keys = found.value.records.map(parseTagList).filter((k) => k.tags.has('p'));
  if (keys.length === 0) {
    report.findings.push(finding('dkim', 'error', `No DKIM key for selector ${selector}`,
      `Nothing at ${name}. Receivers cannot verify signatures made with this selector. Publish the key your mail service gives you, or check the selector (the s= of a DKIM-Signature header).`, CAUSE.dkim));
    return report;
  }
  if (keys.length > 1) {
    report.findings.push(finding('dkim', 'warning', `${keys.length} DKIM keys for selector ${selector}`,
      `Receivers may pick either one at ${name}; keep exactly one record.`, CAUSE.dkim));
  }
  const { tags } = keys[0];
  const p = tags.get('p') ?? '';
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  report.keyType = keyType;
  const v = tags.get('v');
  if (v !== undefined && v !== 'DKIM1') {
    report.findings.push(finding('dkim', 'error', `The DKIM record for selector ${selector} has v=${v}`, 'When v= is present it must be DKIM1; receivers ignore the key otherwise.', CAUSE.dkim));
  }
  if (p.trim() === '') {
    report.findings.push(finding('dkim', 'error', `DKIM key for selector ${selector} is revoked`,
      `The record at ${name} has an empty p=, which means the key was withdrawn: every signature made with it fails. Sign with a current selector, or publish the new key.`, CAUSE.dkim));
    return report;
  }
  if (keyType === 'ed25519') {
    report.findings.push(finding('dkim', 'ok', `DKIM key for selector ${selector}: Ed25519`,
      'Ed25519 keys are strong, but not every receiver checks them yet; many senders add an RSA signature as well.'));
  } else if (keyType === 'rsa') {
    const bits = approximateRsaBits(p);
    report.bits = bits;
    if (bits === null) {
      report.findings.push(finding('dkim', 'error', `The DKIM key for selector ${selector} is not valid base64`,
        `Receivers cannot read the p= value at ${name}; copy the key again from your mail service, without quotes or line breaks inside it.`, CAUSE.dkim));
    } else if (bits < 1024) {
      report.findings.push(finding('dkim', 'error', `DKIM key for selector ${selector} is too short (about ${bits} bits)`,
        'Receivers reject keys under 1024 bits as unsafe. Create a 2048-bit key.', CAUSE.dkim));
    } else if (bits < 2048) {
      report.findings.push(finding('dkim', 'warning', `DKIM key for selector ${selector} is about ${bits} bits`,
        'It still works, but 2048 bits is the recommended size now; plan to rotate to a longer key.'));
    } else {
      report.findings.push(finding('dkim', 'ok', `DKIM key for selector ${selector}: RSA, about ${bits} bits`, `Published at ${name}.`));
    }
  } else {
    report.findings.push(finding('dkim', 'error', `The DKIM key for selector ${selector} has an unknown type k=${keyType}`,
      'Receivers know rsa and ed25519 only.', CAUSE.dkim));
  }
  if (tags.get('t')?.split(':').map((f) => f.trim()).includes('y')) {
    report.findings.push(finding('dkim', 'info', `The DKIM key for selector ${selector} is in test mode (t=y)`,
      'Receivers may treat failures with it leniently; remove t=y once signing works.'));
  }
  return report;
}
