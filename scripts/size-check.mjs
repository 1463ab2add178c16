// Prints the size of the built bundles and fails when the ES build grows past a budget. The ES build is
// measured as a page downloads it (scripts/sizes.mjs decides which chunks count, for the bench too).
import { readdir } from 'node:fs/promises';
import { esLoadSets, kb, measureFile } from './sizes.mjs';

const DIST = new URL('../dist/', import.meta.url);
const ENTRY = 'bounce-wizard.js';

// What a page downloads before the widget's first render: the entry and the chunks it imports statically.
// Issue 7's target is 20 KB; today it is about 56 KB, because the first view needs the question graph, the
// codes and the causes (32 KB together). Reaching 20 KB means a first-render slice of the data (the graph
// alone) in the entry and the rest prefetched as a chunk; moving all the data to a chunk only made the first
// paint wait on a chain of requests. Until then this budget holds the first render at today's size.
const FIRST_RENDER_GZIP_BUDGET = 60 * 1024;

// Issue 7 asks for 60 KB for everything an English reader can need. Today's total is about 122 KB and cannot
// reach 60 by trimming: the providers' codes (30 KB), postal-mime (21 KB, decoding encoded bounces) and the
// codes and causes (33 KB) are 84 KB before any code. Reaching 60 would mean dropping postal-mime and
// serving providers one by one (or a smaller providers file). Until then this budget holds today's total,
// so growth still fails the check.
const ENGLISH_GZIP_BUDGET = 125 * 1024;

// "Check my domain" (issue 8) is opt-in (`dns-check`) and loads on its first use: the DNS core and its view,
// about 12 KB. It is counted here on its own rather than in the English total, whose budget it would break.
const DOMAIN_CHECK_GZIP_BUDGET = 13 * 1024;
const DOMAIN_CHECK_CHUNK = /^bounce-wizard-domain-check-[\w-]+\.js$/;

const sum = (sizes) => sizes.reduce((total, s) => ({ min: total.min + s.min, gzip: total.gzip + s.gzip, brotli: total.brotli + s.brotli }));

let rows;
let first;
let english;
let domainCheck;
try {
  const sets = await esLoadSets(DIST, ENTRY);
  const measured = new Map();
  const domainCheckFile = (await readdir(DIST)).find((f) => DOMAIN_CHECK_CHUNK.test(f));
  if (!domainCheckFile) throw Object.assign(new Error('no domain-check chunk'), { code: 'ENOENT', path: 'dist/bounce-wizard-domain-check-*.js' });
  for (const file of [...sets.english, domainCheckFile, 'bounce-wizard.iife.js']) measured.set(file, await measureFile(new URL(file, DIST)));
  domainCheck = measured.get(domainCheckFile);
  first = sum(sets.first.map((f) => measured.get(f)));
  english = sum(sets.english.map((f) => measured.get(f)));
  rows = [
    ...[...measured].map(([file, s]) => [`dist/${file}`, s]),
    [`before first render (${sets.first.length} files)`, first],
    [`everything for English (${sets.english.length} files)`, english],
    ['"Check my domain", opt-in (1 file)', domainCheck],
  ];
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  console.error(`size: ${error.path} is missing. Run \`npm run build\` first.`);
  process.exit(1);
}

const table = [['bundle', 'min', 'gzip -9', 'brotli'], ...rows.map(([name, s]) => [name, kb(s.min), kb(s.gzip), kb(s.brotli)])];
const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
for (const row of table) {
  console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
}

const checks = [
  ['before first render', first.gzip, FIRST_RENDER_GZIP_BUDGET],
  ['everything for English', english.gzip, ENGLISH_GZIP_BUDGET],
  ['"Check my domain" (opt-in)', domainCheck.gzip, DOMAIN_CHECK_GZIP_BUDGET],
];
console.log('');
let over = false;
for (const [name, gzip, budget] of checks) {
  const fits = gzip <= budget;
  over ||= !fits;
  (fits ? console.log : console.error)(`size: ${name} is ${kb(gzip)} gzipped, budget ${kb(budget)}${fits ? '.' : ': over.'}`);
}
if (over) process.exit(1);
