export interface Sizes {
  /** Bytes as built (already minified). */
  min: number;
  gzip: number;
  brotli: number;
}
export function measureBytes(bytes: Uint8Array): Sizes;
export function measureFile(path: string | URL): Promise<Sizes>;
export function kb(bytes: number): string;
/** File names in `dir`: the ES entry with its static imports (`first`), and with every English on-demand chunk too. */
export function esLoadSets(dir: string | URL, entry: string): Promise<{ first: string[]; english: string[] }>;
