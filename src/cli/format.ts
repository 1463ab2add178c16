/** Plain-text and JSON renderings shared by the CLI commands. */
import type { LookupResult } from '../core/catalog.js';
import type { Actor, Cause } from '../core/types.js';

const ACTORS: Record<Actor, string> = {
  sender: 'you, the sender',
  'sender-admin': "your email administrator or provider",
  recipient: 'the person you wrote to',
  'recipient-admin': "the administrator of the recipient's mail system",
};

/** A numbered cause with its explanation, fixes and who acts, indented for a terminal. */
export function formatCause(cause: Cause, number: number): string {
  const fixes = cause.fixes.map((fix, i) => `     ${i + 1}. ${fix}`);
  return [
    `${number}. ${cause.title} [${cause.id}]`,
    `   Why: ${cause.why}`,
    '   What to do:',
    ...fixes,
    `   Who acts: ${ACTORS[cause.whoActs]}`,
  ].join('\n');
}

function permanenceLine(lookup: LookupResult): string {
  if (lookup.permanent === true) return 'Permanent failure: sending the same message again will fail the same way until something changes.';
  if (lookup.permanent === false) return 'Temporary failure: the sending server normally keeps retrying by itself for a while.';
  const classDigit = (lookup.replyCode ?? lookup.status ?? '')[0];
  return classDigit === '2' || classDigit === '3'
    ? 'Not an error: this code reports success or a step in progress.'
    : 'The first digit, which tells temporary from permanent, was not given.';
}

/** Each code's own meaning, when the reader gave both a reply code and a status. */
function meanings(lookup: LookupResult): { code: string; title: string; summary: string }[] {
  const list = [];
  if (lookup.replyEntry && lookup.replyCode) list.push({ ...lookup.replyEntry, code: lookup.replyCode });
  if (lookup.statusEntry && lookup.status) list.push({ ...lookup.statusEntry, code: lookup.status });
  return list.map(({ code, title, summary }) => ({ code, title, summary }));
}

export function formatLookup(lookup: LookupResult): string {
  const parts = [`${lookup.query}: ${lookup.title}`, lookup.summary, permanenceLine(lookup)];
  const both = meanings(lookup);
  if (both.length > 1) parts.push(both.map((m) => `  ${m.code}: ${m.title}`).join('\n'));
  if (lookup.causes.length) {
    parts.push(`Possible causes, most likely first:\n\n${lookup.causes.map((c, i) => formatCause(c, i + 1)).join('\n\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The `--json` shape: a stable contract for scripts (fields may be added, never renamed or removed). */
export function lookupJson(query: string, lookup: LookupResult): object {
  return {
    query,
    code: lookup.query,
    replyCode: lookup.replyCode,
    status: lookup.status,
    match: lookup.match,
    title: lookup.title,
    summary: lookup.summary,
    permanent: lookup.permanent,
    ask: lookup.ask ?? null,
    meanings: meanings(lookup),
    causes: lookup.causes,
  };
}
