/** `bounce-wizard diagnose [--json] [FILE...]`: reads bounce messages and says why each one bounced. */
import { readFile } from 'node:fs/promises';
import categoriesData from '../../../data/categories.json';
import { builtinCatalogWithProviders as catalog } from '../../core/builtin-providers.js';
import { diagnose, type Diagnosis } from '../../core/diagnose/diagnose.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO, Command } from '../main.js';

const HELP = `Usage: bounce-wizard diagnose [--json] [FILE...]

Reads bounce messages (the raw .eml source, the text a mail program shows, or a single error line) and
explains why each one bounced. With no FILE, reads standard input.

Options:
  --json      print one JSON object per file, one per line, in the order given
  -h, --help  show this help
`;

/** Bigger inputs are cut: a bounce's explanation is at its top, and memory stays bounded. */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const categories = (categoriesData as { categories: Record<string, { title?: string; meaning: string }> }).categories;

/** The `--json` line: a contract for scripts and the corpus scorer (fields may be added, never renamed). */
export function diagnosisJson(file: string | null, d: Diagnosis): object {
  return {
    file,
    isBounce: d.isBounce,
    replyCode: d.replyCode,
    status: d.status,
    category: d.category,
    causeId: d.causeId,
    confidence: d.confidence,
    recipients: d.recipients.map((r) => ({ address: r.address, status: r.status, replyCode: r.replyCode, category: r.category })),
    evidence: d.evidence,
    // Beyond the issue's contract: what the bounce names besides, for scripts that route or count bounces.
    provider: d.provider?.id ?? null,
    reportingMta: d.reportingMta,
    remoteMta: d.remoteMta,
    ips: d.ips,
    blocklists: d.blocklists,
    stillTrying: d.stillTrying,
  };
}

function formatDiagnosis(file: string | null, d: Diagnosis): string {
  const lines: string[] = [];
  if (file) lines.push(`== ${file}`);
  const category = categories[d.category];
  const title = category?.title ?? d.category;
  if (!d.isBounce) {
    lines.push(
      d.category === 'undefined'
        ? 'No bounce found: no error code or known bounce wording in this text.'
        : `Not a bounce: ${title}. ${category?.meaning ?? ''}`.trim(),
    );
    return `${lines.join('\n')}\n`;
  }
  const cause = d.causeId ? catalog.causeById.get(d.causeId) : undefined;
  const confidence = `${d.category}, confidence ${Math.round(d.confidence * 100)}%`;
  if (d.stillTrying) lines.push(`Not bounced yet: the sending server is still trying (${confidence})`);
  else lines.push(`Why it bounced: ${title} (${confidence})`, ...(category ? [`  ${category.meaning}`] : []));
  if (cause) lines.push(`Most likely cause: ${cause.title} [${cause.id}]`, `  ${cause.summary}`);
  const code = [d.replyCode, d.status].filter(Boolean).join(' ');
  if (code) lines.push(`Code: ${code}`);
  if (d.provider) lines.push(`Receiving provider: ${d.provider.name}`);
  if (d.remoteMta) lines.push(`Receiving server: ${d.remoteMta}`);
  if (d.blocklists.length) lines.push(`Blocklists named: ${d.blocklists.join(', ')}`);
  if (d.recipients.length) {
    lines.push('Recipients:');
    for (const r of d.recipients) {
      lines.push(`  ${r.address}: ${[r.replyCode, r.status].filter(Boolean).join(' ') || 'no code'} (${r.category})`);
    }
  }
  if (d.evidence.length) lines.push('Evidence:', ...d.evidence.map((e) => `  > ${e}`));
  if (cause?.fixes.length) lines.push('What to do:', ...cause.fixes.map((f, i) => `  ${i + 1}. ${f}`));
  return `${lines.join('\n')}\n`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    if (size < MAX_INPUT_BYTES) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, MAX_INPUT_BYTES).toString('utf8');
}

async function readInput(file: string): Promise<string> {
  const buffer = await readFile(file);
  return buffer.subarray(0, MAX_INPUT_BYTES).toString('utf8');
}

/** Runs the command; `stdin` is injectable so tests need no process input. */
export async function runDiagnose(args: string[], io: CliIO, stdin: () => Promise<string> = readStdin): Promise<number> {
  const parsed = parseCommandArgs('diagnose', HELP, args, io, { json: { type: 'boolean' } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const json = values.json === true;
  const inputs: (string | null)[] = positionals.length ? positionals : [null];
  let failed = false;
  for (const file of inputs) {
    let text: string;
    try {
      text = file === null ? await stdin() : await readInput(file);
    } catch (error) {
      failed = true;
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      if (json) io.stdout(`${JSON.stringify({ file, error: `cannot read: ${reason}` })}\n`);
      else io.stderr(`bounce-wizard diagnose: cannot read ${file ?? 'standard input'}: ${reason}\n`);
      continue;
    }
    const d = await diagnose(text, catalog);
    io.stdout(json ? `${JSON.stringify(diagnosisJson(file, d))}\n` : formatDiagnosis(inputs.length > 1 ? file : null, d));
  }
  return failed ? 1 : 0;
}

export const diagnoseCommand: Command = {
  summary: 'read bounce messages and explain why each one bounced',
  run: (args, io) => runDiagnose(args, io),
};
