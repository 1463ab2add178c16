/** `bounce-wizard <command> …`: finds the command and runs it; the commands do the work. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDomainCommand } from './commands/check-domain.js';
import { diagnoseCommand } from './commands/diagnose.js';
import { explain } from './commands/explain.js';

/** Where a command writes; each call writes its text as given. Tests pass collectors. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  /** One line for the command list in `--help`. */
  summary: string;
  /** Returns the process exit code: 0 done, 1 failed, 2 bad input. */
  run(args: string[], io: CliIO): number | Promise<number>;
}

// One entry per subcommand.
const commands: Record<string, Command> = { explain, diagnose: diagnoseCommand, 'check-domain': checkDomainCommand };

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['Usage: bounce-wizard <command> [options]', '', 'Commands:', ...list, '', 'Run "bounce-wizard <command> --help" for the options of one command.', ''].join('\n');
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`${name === undefined ? 'No command given.' : `Unknown command "${name}".`}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // Last resort: a bug should read as one line, not a stack trace.
    io.stderr(`bounce-wizard ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

// Run when started directly (`node dist/cli.js`, `node --import tsx src/cli/main.ts`); the bin calls main().
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
