// Size of a built file as a browser would download it: as is, gzip -9 and brotli at maximum quality.
// Shared by the size check and the bench so both report the same numbers.
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @param {Uint8Array} bytes */
export function measureBytes(bytes) {
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

/** @param {string | URL} path */
export async function measureFile(path) {
  return measureBytes(await readFile(path));
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// Relative imports in a built ES file, as rollup writes them: static (`from"./x.js"`, `import"./x.js"`) and
// dynamic (`import("./x.js")`).
const STATIC_IMPORT = /\b(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g;
// Another language's strings and catalog text, the checker of a host's `catalog-src` (loaded only when the
// host sets one), or "Check my domain" (only with `dns-check`, once pressed): chunks an English reader of a
// plain embed never loads. The size check counts the domain check on a line of its own.
const NOT_IN_A_PLAIN_ENGLISH_EMBED = /^bounce-wizard-(locale|catalog-overlay|domain-check)-/;

/**
 * What a page loads for the ES entry `entry` (a file name in `dir`). `first`: the entry and its static
 * imports, all fetched before it runs, so before the first render. `english`: those plus every chunk the
 * entry may import on demand for an English reader (catalog, providers, diagnosis, postal-mime…).
 * @param {string | URL} dir a directory URL or path ending in `/`
 * @param {string} entry
 */
export async function esLoadSets(dir, entry) {
  const base = new URL(dir, `file://${process.cwd()}/`);
  const staticOf = new Map();
  const dynamicOf = new Map();
  const scan = async (name) => {
    if (staticOf.has(name)) return;
    const code = await readFile(new URL(name, base), 'utf8');
    const relative = (pattern) => [...code.matchAll(pattern)].map((m) => m[1].slice(2));
    staticOf.set(name, relative(STATIC_IMPORT));
    dynamicOf.set(name, relative(DYNAMIC_IMPORT).filter((n) => !NOT_IN_A_PLAIN_ENGLISH_EMBED.test(n)));
    for (const next of [...staticOf.get(name), ...dynamicOf.get(name)]) await scan(next);
  };
  await scan(entry);
  const closure = (edges) => {
    const seen = new Set([entry]);
    for (const name of seen) for (const next of edges(name)) seen.add(next);
    return [...seen];
  };
  return {
    first: closure((name) => staticOf.get(name)),
    english: closure((name) => [...staticOf.get(name), ...dynamicOf.get(name)]),
  };
}
