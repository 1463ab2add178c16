/** Argument parsing shared by the commands: the same `-h/--help`, the same bad-input message and exit codes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './main.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Writes a bad-input message for command `name` (followed by its help when given) and returns exit code 2. */
export function badInput(io: CliIO, name: string, message: string, help?: string): number {
  io.stderr(`bounce-wizard ${name}: ${message}\n${help === undefined ? '' : `\n${help}`}`);
  return 2;
}

/**
 * Parses `args` against `options` plus `-h/--help`. Returns the values and positionals, or the exit code
 * when the command is already answered: 0 after printing the help, 2 after an unknown or malformed option.
 */
export function parseCommandArgs<T extends Options>(name: string, help: string, args: string[], io: CliIO, options: T) {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return badInput(io, name, (error as Error).message, help);
  }
  // The values' type is resolved per caller; `help` is always among them.
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return 0;
  }
  return parsed;
}
