/** Spanish: UI strings and catalog overlay in one chunk, imported only by `loadLocale`. */
import causes from '../../data/locales/es/causes.json';
import codes from '../../data/locales/es/codes.json';
import wizard from '../../data/locales/es/wizard.json';
import categories from '../../data/locales/es/categories.json';
import { es } from './es.js';
import type { LoadedLocale } from './load-locale.js';

export const spanish: LoadedLocale = {
  strings: es,
  overlay: { causes, codes, wizard, categories },
  providers: () => import('./locale-es-providers.js').then((m) => m.spanishProviders),
};
