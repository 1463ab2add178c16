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
