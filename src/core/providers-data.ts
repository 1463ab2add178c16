/**
 * The bundled providers' own codes (`data/providers.json`, about 27 KB gzipped as the build writes it) and nothing else, so the
 * widget can load them as a chunk of their own, and the classic script as a self-contained file beside it.
 */
import providers from '../../data/providers.json';
import type { ProvidersData } from './types.js';

// JSON imports type string literals as plain strings; the schema test checks the file matches the type.
export const builtinProviders = providers as unknown as ProvidersData;
