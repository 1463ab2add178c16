/** DMARC (RFC 7489) at `_dmarc.<domain>`: present, readable, and what it tells receivers to do with failing mail. */
import { taggedTxt, type DnsLookup } from './doh-client.js';
import { CAUSE, finding, lookupFailed, type Finding } from './findings.js';
import { parseTagList } from './tag-list.js';

const POLICIES = ['none', 'quarantine', 'reject'] as const;
type Policy = (typeof POLICIES)[number];

export interface DmarcReport {
  record: string | null;
  policy: Policy | null;
  findings: Finding[];
}

function isPolicy(value: string | undefined): value is Policy {
  return (POLICIES as readonly string[]).includes(value ?? '');
}

export async function checkDmarc(lookup: DnsLookup, domain: string): Promise<DmarcReport> {
  const report: DmarcReport = { record: null, policy: null, findings: [] };
  const name = `_dmarc.${domain}`;
  const found = await taggedTxt(lookup, name, 'DMARC1');
  if (!found.ok) {
    report.findings.push(lookupFailed('dmarc', 'dmarc', found.error));
    return report;
  }
  const { records } = found.value;
  if (records.length !== 1) {
    report.findings.push(records.length === 0
      ? finding('dmarc', 'warning', 'dmarc.missing', { name }, CAUSE.dmarc)
      : finding('dmarc', 'error', 'dmarc.several', { count: records.length, name }, CAUSE.dmarc));
    return report;
  }
  const record = records[0];
  report.record = record;
  const { tags, broken } = parseTagList(record);
  const findings = report.findings;
  if (broken.length) {
    findings.push(finding('dmarc', 'warning', 'dmarc.unreadable', { record, parts: broken }));
  }
  const p = tags.get('p')?.toLowerCase();
  if (!isPolicy(p)) {
    findings.push(p === undefined
      ? finding('dmarc', 'error', 'dmarc.no-policy', { record }, CAUSE.dmarc)
      : finding('dmarc', 'error', 'dmarc.bad-policy', { record, policy: p }, CAUSE.dmarc));
    return report;
  }
  report.policy = p;
  findings.push(p === 'none'
    ? finding('dmarc', 'warning', 'dmarc.policy-none', { record }, CAUSE.dmarc)
    : finding('dmarc', 'ok', `dmarc.policy-${p}`, { record }));

  const sp = tags.get('sp')?.toLowerCase();
  if (sp !== undefined && sp !== p) {
    findings.push(isPolicy(sp)
      ? finding('dmarc', 'info', 'dmarc.subdomain-policy', { domain, policy: sp })
      : finding('dmarc', 'warning', 'dmarc.bad-subdomain-policy', { policy: sp }));
  }
  const pct = tags.get('pct');
  if (pct !== undefined && pct !== '100') {
    const valid = /^\d{1,3}$/.test(pct) && Number(pct) <= 100;
    findings.push(valid ? finding('dmarc', 'info', 'dmarc.pct', { pct }) : finding('dmarc', 'warning', 'dmarc.bad-pct', { pct }));
  }
  findings.push(tags.has('rua')
    ? finding('dmarc', 'ok', 'dmarc.reports', { rua: tags.get('rua') ?? '' })
    : finding('dmarc', 'info', 'dmarc.no-reports', {}));
  const strict = (['adkim', 'aspf'] as const).filter((t) => tags.get(t)?.toLowerCase() === 's');
  if (strict.length) {
    findings.push(finding('dmarc', 'info', 'dmarc.strict', { tags: strict }));
  }
  return report;
}
