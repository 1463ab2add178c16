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

const POLICY_FINDINGS: Record<Policy, Omit<Finding, 'check' | 'detail'> & { effect: string }> = {
  none: { severity: 'warning', title: 'DMARC p=none: monitoring only', causeId: CAUSE.dmarc,
    effect: 'Mail that fails DMARC is delivered as usual; you only get reports. Move to p=quarantine, then p=reject, once your reports show only your own services.' },
  quarantine: { severity: 'ok', title: 'DMARC p=quarantine',
    effect: 'Mail that fails DMARC goes to spam. Your own mail must pass SPF or DKIM with an aligned domain, or it lands there too.' },
  reject: { severity: 'ok', title: 'DMARC p=reject',
    effect: 'Mail that fails DMARC is refused (often with 550 5.7.26 or 5.7.1). Every service that sends as you must pass SPF or DKIM with an aligned domain.' },
};

function isPolicy(value: string | undefined): value is Policy {
  return (POLICIES as readonly string[]).includes(value ?? '');
}

export async function checkDmarc(lookup: DnsLookup, domain: string): Promise<DmarcReport> {
  const report: DmarcReport = { record: null, policy: null, findings: [] };
  const name = `_dmarc.${domain}`;
  const found = await taggedTxt(lookup, name, 'DMARC1');
  if (!found.ok) {
    report.findings.push(lookupFailed('dmarc', 'DMARC', found.error));
    return report;
  }
  const { records } = found.value;
  if (records.length !== 1) {
    report.findings.push(records.length === 0
      ? finding('dmarc', 'warning', 'No DMARC record',
        `Nothing starting with "v=DMARC1" at ${name}. Large mailbox providers expect one from bulk senders, and without it you get no reports about mail sent in your name. Start with "v=DMARC1; p=none; rua=mailto:…".`, CAUSE.dmarc)
      : finding('dmarc', 'error', `${records.length} DMARC records: receivers ignore them all`,
        `With more than one record at ${name}, DMARC does not apply at all. Keep one.`, CAUSE.dmarc));
    return report;
  }
  const record = records[0];
  report.record = record;
  const { tags, broken } = parseTagList(record);
  const findings = report.findings;
  if (broken.length) {
    findings.push(finding('dmarc', 'warning', 'Parts of the DMARC record cannot be read',
      `Record: "${record}". Not in tag=value form: ${broken.join(', ')}.`));
  }
  const p = tags.get('p')?.toLowerCase();
  if (!isPolicy(p)) {
    findings.push(finding('dmarc', 'error', p === undefined ? 'The DMARC record has no policy (p=)' : `The DMARC policy p=${p} is not valid`,
      `Record: "${record}". p= must be none, quarantine or reject; receivers may ignore the record without it.`, CAUSE.dmarc));
    return report;
  }
  report.policy = p;
  const { effect, ...rest } = POLICY_FINDINGS[p];
  findings.push({ check: 'dmarc', ...rest, detail: `Record: "${record}". ${effect}` });

  const sp = tags.get('sp')?.toLowerCase();
  if (sp !== undefined && sp !== p) {
    findings.push(isPolicy(sp)
      ? finding('dmarc', 'info', `Subdomains use a different policy: sp=${sp}`, `Mail from subdomains of ${domain} that fails DMARC is handled as p=${sp}.`)
      : finding('dmarc', 'warning', `The subdomain policy sp=${sp} is not valid`, 'sp= must be none, quarantine or reject.'));
  }
  const pct = tags.get('pct');
  if (pct !== undefined && pct !== '100') {
    const valid = /^\d{1,3}$/.test(pct) && Number(pct) <= 100;
    findings.push(finding('dmarc', valid ? 'info' : 'warning', valid ? `The policy applies to ${pct}% of failing mail` : `pct=${pct} is not a percentage`,
      valid ? 'The rest of the failing mail is treated one step more leniently. Raise pct to 100 when you are ready.' : 'pct= must be a whole number from 0 to 100.'));
  }
  findings.push(tags.has('rua')
    ? finding('dmarc', 'ok', 'DMARC aggregate reports are requested', `Reports go to ${tags.get('rua')}.`)
    : finding('dmarc', 'info', 'No DMARC reports requested (no rua=)', 'Without rua= you cannot see who sends mail in your name or why it fails. Add rua=mailto:an address you read.'));
  const strict = (['adkim', 'aspf'] as const).filter((t) => tags.get(t)?.toLowerCase() === 's');
  if (strict.length) {
    findings.push(finding('dmarc', 'info', `Strict alignment: ${strict.map((t) => `${t}=s`).join(', ')}`,
      `The ${strict.map((t) => (t === 'adkim' ? 'DKIM' : 'SPF')).join(' and ')} domain must equal the From domain exactly; a subdomain does not count.`));
  }
  return report;
}
