/**
 * Spanish: UI strings and catalog overlay in one chunk, imported only by `loadLocale`. The providers' texts
 * come along (about 17 KB gzipped) rather than as a chunk of their own: nearly every view that shows a code
 * loads the providers, so a separate chunk would mostly add a request after the English providers' one.
 */
import causes from '../../data/locales/es/causes.json';
import codes from '../../data/locales/es/codes.json';
import wizard from '../../data/locales/es/wizard.json';
import categories from '../../data/locales/es/categories.json';
import providers from '../../data/locales/es/providers.json';
import { es } from './es.js';
import type { LoadedLocale } from './load-locale.js';

export const spanish: LoadedLocale = { strings: es, overlay: { causes, codes, wizard, categories, providers } };
