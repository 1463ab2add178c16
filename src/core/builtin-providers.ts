/**
 * The bundled providers' own codes (`data/providers.json`, about 32 KB gzipped), kept out of
 * `builtin-catalog.ts` so the widget's first render does not pay for them: the CLI imports this module, and
 * the widget can load it as a separate chunk when it needs it.
 */
import providers from '../../data/providers.json';
import { builtinCatalog } from './builtin-catalog.js';
import { withProviders } from './catalog.js';
import type { ProvidersData } from './types.js';

// JSON imports type string literals as plain strings; the schema test checks the file matches the type.
export const builtinProviders = providers as unknown as ProvidersData;

/** The built-in catalog that also knows the providers' codes, tokens and wording. */
export const builtinCatalogWithProviders = withProviders(builtinCatalog, builtinProviders);
