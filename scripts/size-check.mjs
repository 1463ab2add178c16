// Prints the size of the built bundles and fails when the ES module grows past its budget.
import { kb, measureFile } from './sizes.mjs';

// Budget for dist/bounce-wizard.js after gzip -9, in bytes: everything an English reader needs, the full
// catalog included, stays under 60 KB. (Splitting the data out so first render costs ≤ 20 KB is next.)
const ES_MODULE_GZIP_BUDGET = 60 * 1024;

const BUNDLES = ['dist/bounce-wizard.js', 'dist/bounce-wizard.iife.js'];

async function measure(file) {
  return { file, ...(await measureFile(new URL(`../${file}`, import.meta.url))) };
}

let sizes;
try {
  sizes = await Promise.all(BUNDLES.map(measure));
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  console.error(`size: ${error.path} is missing. Run \`npm run build\` first.`);
  process.exit(1);
}

const rows = [['bundle', 'min', 'gzip -9', 'brotli'], ...sizes.map((s) => [s.file, kb(s.min), kb(s.gzip), kb(s.brotli)])];
const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
for (const row of rows) {
  console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
}

const esGzip = sizes[0].gzip;
if (esGzip > ES_MODULE_GZIP_BUDGET) {
  console.error(`\nsize: ${BUNDLES[0]} is ${kb(esGzip)} gzipped, over the budget of ${kb(ES_MODULE_GZIP_BUDGET)}.`);
  process.exit(1);
}
console.log(`\n${BUNDLES[0]}: ${kb(esGzip)} gzipped, budget ${kb(ES_MODULE_GZIP_BUDGET)}.`);
