/**
 * The built-in catalog with the providers' codes merged in, for the CLI and hosts that want everything at
 * once. The widget imports `providers-data.ts` on demand instead, so its first render does not pay for them.
 */
import { builtinCatalog } from './builtin-catalog.js';
import { withProviders } from './catalog.js';
import { builtinProviders } from './providers-data.js';

export { builtinProviders };

/** The built-in catalog that also knows the providers' codes, tokens and wording. */
export const builtinCatalogWithProviders = withProviders(builtinCatalog, builtinProviders);
