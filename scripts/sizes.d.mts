export interface Sizes {
  /** Bytes as built (already minified). */
  min: number;
  gzip: number;
  brotli: number;
}
export function measureBytes(bytes: Uint8Array): Sizes;
export function measureFile(path: string | URL): Promise<Sizes>;
export function kb(bytes: number): string;
