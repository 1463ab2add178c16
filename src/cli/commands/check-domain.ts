/** `bounce-wizard check-domain DOMAIN [--selector S] [--ip IP] [--resolver URL] [--json]`. */
import { checkDomain, DEFAULT_RESOLVER, type DomainReport } from '../../core/dns/check-domain.js';
import { CHECKS, type CheckName, type Severity } from '../../core/dns/findings.js';
import { badInput, parseCommandArgs } from '../args.js';
import type { Command } from '../main.js';

const HELP = `Usage: bounce-wizard check-domain DOMAIN [--selector S] [--ip IP] [--resolver URL] [--json]

Looks up a sending domain's mail setup live in DNS and reports what may make its mail bounce: MX (and
whether the domain exists), SPF (one record, the 10-lookup limit, the "all" at the end), DMARC, the DKIM
key for a selector, MTA-STS and TLS-RPT, and for a sending IP its reverse DNS and DNS blocklists.

Options:
  --selector S    DKIM selector to check (the s= of a DKIM-Signature header)
  --ip IP         sending server's IPv4 or IPv6 address: reverse DNS and blocklists
  --resolver URL  DNS JSON endpoint (default ${DEFAULT_RESOLVER}); plain http:// only on
                  localhost, 127.0.0.0/8 or ::1. The names you check are sent to this resolver.
  --json          print one JSON object: {domain, selector, ip, resolver, resolverAnswered, durationMs,
                  summary, findings: [{check, severity, title, detail, causeId}]} (causeId null when none)
  -h, --help      show this help

Exit codes:
  0  the check ran; problems found in the domain are findings (even severity "error"), not a failed run
  1  the resolver answered no lookup at all (unreachable, timed out, broken): nothing was checked; the
     output still carries a "resolver" finding saying why
  2  bad input: the domain, selector, IP or resolver URL is not valid, or an unknown option
`;

const MARKERS: Record<Severity, string> = { ok: '[ ok ]', info: '[info]', warning: '[warn]', error: '[FAIL]' };

const HEADINGS: Record<CheckName, string> = {
  domain: 'Domain', mx: 'MX (receiving mail)', spf: 'SPF', dmarc: 'DMARC', dkim: 'DKIM', 'mta-sts': 'MTA-STS',
  'tls-rpt': 'TLS-RPT', ptr: 'Reverse DNS (PTR)', blocklist: 'Blocklists', resolver: 'Resolver',
};

function formatReport(report: DomainReport): string {
  const lines = [`Mail setup of ${report.domain} (looked up through ${report.resolver})`];
  for (const check of CHECKS) {
    const group = report.findings.filter((f) => f.check === check);
    if (!group.length) continue;
    lines.push('', HEADINGS[check]);
    for (const f of group) {
      lines.push(`  ${MARKERS[f.severity]} ${f.title}`, `         ${f.detail}`);
      if (f.causeId) lines.push(`         Related bounce cause: ${f.causeId}`);
    }
  }
  const { ok, info, warning, error } = report.summary;
  lines.push('', `Summary: ${error} error(s), ${warning} warning(s), ${info} note(s), ${ok} fine.`, '');
  return lines.join('\n');
}

function reportJson(report: DomainReport): object {
  // The JSON contract's fields only: key and params are for translating, the CLI speaks English.
  return { ...report, findings: report.findings.map(({ check, severity, title, detail, causeId }) => ({ check, severity, title, detail, causeId: causeId ?? null })) };
}

export const checkDomainCommand: Command = {
  summary: "check a sending domain's MX, SPF, DKIM, DMARC and IP blocklists in live DNS",
  async run(args, io) {
    const parsed = parseCommandArgs('check-domain', HELP, args, io, {
      selector: { type: 'string' }, ip: { type: 'string' }, resolver: { type: 'string' }, json: { type: 'boolean' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      return badInput(io, 'check-domain', 'give exactly one domain, for example example.com.', HELP);
    }
    const checked = await checkDomain({ domain: positionals[0], selector: values.selector, ip: values.ip, resolver: values.resolver });
    if (!checked.ok) {
      return badInput(io, 'check-domain', checked.error.message);
    }
    const report = checked.value;
    io.stdout(values.json ? `${JSON.stringify(reportJson(report))}\n` : formatReport(report));
    return report.resolverAnswered ? 0 : 1;
  },
};
