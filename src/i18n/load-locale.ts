import type { LocaleOverlay, ProvidersOverlay } from '../core/localize.js';
import type { Strings } from './en.js';
import { matchLocale, registerStrings } from './index.js';

/** A locale other than English: its UI strings and the catalog text laid over the English data. */
export interface LoadedLocale {
  strings: Strings;
  overlay: LocaleOverlay;
  /** The providers' texts, a chunk of their own: asked for only once a view has the providers loaded. */
  providers?: () => Promise<ProvidersOverlay>;
}

/**
 * Shipped locales by language tag. English is the data itself (null: nothing to load); every other locale
 * is a chunk of its own, so English readers never download it.
 */
const shipped: Record<string, (() => Promise<LoadedLocale>) | null> = {
  en: null,
  es: () => import('./locale-es.js').then((m) => m.spanish),
};

/** Whether `langs` name a shipped locale other than English, which would have to be loaded. */
export function isShipped(...langs: (string | null | undefined)[]): boolean {
  const tag = matchLocale((t) => Object.hasOwn(shipped, t), ...langs);
  return Boolean(tag && shipped[tag]);
}

const loads = new Map<string, Promise<LoadedLocale | null>>();

/**
 * The locale for the first of `langs` that is shipped (exact tag, then its language: `es-MX` → `es`),
 * loaded once per page and its strings registered for `resolveStrings`. Null for English, for a language not
 * shipped, and when its chunk cannot be fetched (the reader then keeps English; a later call tries again).
 */
export function loadLocale(...langs: (string | null | undefined)[]): Promise<LoadedLocale | null> {
  const tag = matchLocale((t) => Object.hasOwn(shipped, t), ...langs);
  const load = tag ? shipped[tag] : null;
  if (!tag || !load) return Promise.resolve(null);
  let loading = loads.get(tag);
  if (!loading) {
    loading = load().then(
      (locale) => {
        registerStrings(tag, locale.strings);
        return locale;
      },
      () => {
        loads.delete(tag);
        return null;
      },
    );
    loads.set(tag, loading);
  }
  return loading;
}
