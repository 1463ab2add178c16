// Prints the size of the built bundles and fails when the ES build grows past a budget. The ES build is
// measured as a page downloads it (scripts/sizes.mjs decides which chunks count, for the bench too).
import { readdir } from 'node:fs/promises';
import { esLoadSets, kb, measureFile } from './sizes.mjs';

const DIST = new URL('../dist/', import.meta.url);
const ENTRY = 'bounce-wizard.js';

// What a page downloads before the widget's first render: the entry and the chunks it imports statically.
// Issue 7's budget. The first question renders from a copy the element carries (first-question.json); the
// catalog, the core and the other views follow in a chunk requested at once (src/components/bounce-wizard/deferred.ts).
const FIRST_RENDER_GZIP_BUDGET = 20 * 1024;

// Issue 7 asks for 60 KB for everything an English reader can need; today it is about 117 KB, and no
// packing reaches 60: the English data's strings alone, with no keys and no code, gzip to 64 KB (the bench
// prints this floor). Reaching it would mean a catalog about half as long, which is the product's decision.
// Until then this budget holds today's total, so growth fails the check; it moves only with a feature that
// earns its bytes (the sending services' JSON events, +1.2 KB, mostly paid for by trimming postal-mime, −1.1;
// the delay-warning cause and its question, +1 KB, so a warning is no longer told "your server gave up").
const ENGLISH_GZIP_BUDGET = 119 * 1024;

// The classic script, one file for every reader. Spanish, providers' codes, the paste diagnosis and postal-mime
// are files beside it; "Check my domain" (15 KB) is not, because its view renders with the script's own copy of Lit.
// It carries the catalog, so it grows with it (+1 KB: the delay-warning cause).
const CLASSIC_GZIP_BUDGET = 88 * 1024;

// "Check my domain" (issue 8) is opt-in (`dns-check`) and loads on its first use: the DNS core and its view,
// about 15 KB: SPF evaluation for the sending IP (1.3 KB) and the findings' English message table (1.7 KB) are
// part of it. It is counted here on its own rather than in the English total, whose budget it would break.
const DOMAIN_CHECK_GZIP_BUDGET = 16 * 1024;
const DOMAIN_CHECK_CHUNK = /^bounce-wizard-domain-check-[\w-]+\.js$/;

const sum = (sizes) => sizes.reduce((total, s) => ({ min: total.min + s.min, gzip: total.gzip + s.gzip, brotli: total.brotli + s.brotli }));

let rows;
let first;
let english;
let measured;
let domainCheck;
try {
  const sets = await esLoadSets(DIST, ENTRY);
  measured = new Map();
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
  ['the classic script', measured.get('bounce-wizard.iife.js').gzip, CLASSIC_GZIP_BUDGET],
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
