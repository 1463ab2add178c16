/** `bounce-wizard explain CODE [--json]`: what an SMTP code means and what usually causes it. */
import { builtinCatalogWithProviders } from '../../core/builtin-providers.js';
import { lookupCode, type LookupResult } from '../../core/catalog.js';
import type { Reference } from '../../core/types.js';
import { formatLookup, lookupJson } from '../format.js';
import { badInput, parseCommandArgs } from '../args.js';
import type { Command } from '../main.js';

const HELP = `Usage: bounce-wizard explain CODE [--json] [--provider ID] [--host NAME]...

Explains an SMTP reply code (550), an enhanced status code (5.7.26), both (550 5.7.26), a class (4xx,
5.7.x), or a mailbox provider's own code (TSS04, RP-001, CS01). CODE may also be a whole error line from a
bounce; quote it. A provider's own meaning comes first when it is recognised.

Options:
  --json           print one JSON object instead of text
  --provider ID    the provider that rejected the mail (google, microsoft, outlook, yahoo, apple, ...)
  --host NAME      the recipient's domain or the rejecting server's host name; may be repeated
  -h, --help       show this help
`;

/** The provider's page first, then the causes' references, each link once. */
function references(lookup: LookupResult): Reference[] {
  const all = [...(lookup.providerCode?.refs ?? []), ...lookup.causes.flatMap((c) => c.refs ?? [])];
  return all.filter((ref, i) => all.findIndex((r) => r.href === ref.href) === i);
}

function providerLine(lookup: LookupResult): string {
  const { provider, providerCode } = lookup;
  return provider && providerCode ? `Provider: ${provider.name} (${providerCode.id}), ${provider.postmaster}\n\n` : '';
}

export const explain: Command = {
  summary: 'explain an SMTP error code and list its likely causes',
  run(args, io) {
    const parsed = parseCommandArgs('explain', HELP, args, io, {
      json: { type: 'boolean' },
      provider: { type: 'string' },
      host: { type: 'string', multiple: true },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    // Unquoted "550 5.7.26" arrives as two arguments.
    const query = positionals.join(' ');
    if (!query.trim()) {
      return badInput(io, 'explain', 'give a code to explain, for example 550, 5.7.26 or TSS04.', HELP);
    }
    const { provider, host: hosts } = values;
    if (provider !== undefined && !builtinCatalogWithProviders.providers?.providers.some((p) => p.id === provider)) {
      const known = builtinCatalogWithProviders.providers?.providers.map((p) => p.id).join(', ');
      return badInput(io, 'explain', `unknown provider "${provider}". Known providers: ${known}.`);
    }
    const found = lookupCode(builtinCatalogWithProviders, query, { provider, hosts });
    if (!found.ok) {
      return badInput(io, 'explain', `${found.error.message} Try a code such as 550, 5.1.1, 550 5.7.26 or TSS04.`);
    }
    const lookup = found.value;
    const json = {
      ...lookupJson(query, lookup),
      provider: lookup.provider ?? null,
      providerCode: lookup.providerCode ?? null,
      references: references(lookup),
    };
    io.stdout(values.json ? `${JSON.stringify(json)}\n` : `${providerLine(lookup)}${formatLookup(lookup)}`);
    return 0;
  },
};
