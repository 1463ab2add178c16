#!/usr/bin/env node
// Thin launcher: the CLI is bundled (with its data) into dist/cli.js by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  const { main } = await import(cli.href);
  await main(process.argv.slice(2));
} else {
  process.stderr.write('bounce-wizard: the CLI is not built yet; run npm run build first.\n');
  process.exitCode = 2;
}
