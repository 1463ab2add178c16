/** `bounce-wizard explain CODE [--json]`: what an SMTP code means and what usually causes it. */
import { parseArgs } from 'node:util';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { lookupCode } from '../../core/catalog.js';
import { formatLookup, lookupJson } from '../format.js';
import type { Command } from '../main.js';

const HELP = `Usage: bounce-wizard explain CODE [--json]

Explains an SMTP reply code (550), an enhanced status code (5.7.26), both (550 5.7.26), or a class (4xx,
5.7.x). CODE may also be a whole error line from a bounce; quote it.

Options:
  --json      print one JSON object instead of text
  -h, --help  show this help
`;

export const explain: Command = {
  summary: 'explain an SMTP error code and list its likely causes',
  run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (error) {
      io.stderr(`bounce-wizard explain: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    // Unquoted "550 5.7.26" arrives as two arguments.
    const query = positionals.join(' ');
    if (!query.trim()) {
      io.stderr(`bounce-wizard explain: give a code to explain, for example 550 or 5.7.26.\n\n${HELP}`);
      return 2;
    }
    const found = lookupCode(builtinCatalog, query);
    if (!found.ok) {
      io.stderr(`bounce-wizard explain: ${found.error.message} Try a code such as 550, 5.1.1 or 550 5.7.26.\n`);
      return 2;
    }
    io.stdout(values.json ? `${JSON.stringify(lookupJson(query, found.value))}\n` : formatLookup(found.value));
    return 0;
  },
};
