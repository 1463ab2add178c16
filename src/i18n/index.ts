import { en, type Strings } from './en.js';

export type { Strings };

/** English ships in the main bundle; other tables arrive through `registerStrings` once their chunk loads. */
const tables = new Map<string, Strings>([['en', en]]);

/** Makes a loaded table available to `resolveStrings` under its language tag (`es`). */
export function registerStrings(lang: string, table: Strings): void {
  tables.set(lang.toLowerCase(), table);
}

/**
 * The first of `langs` (BCP 47 tags, most preferred first) that `known` has, as the key found there:
 * the exact tag, then its language ("es-MX" → "es"). Null when none fits.
 * The loader asks it which shipped locale to fetch; `resolveStrings` asks it which loaded table to use.
 */
export function matchLocale(known: (tag: string) => boolean, ...langs: (string | null | undefined)[]): string | null {
  for (const lang of langs) {
    if (!lang) continue;
    const tag = lang.trim().toLowerCase();
    if (known(tag)) return tag;
    const base = tag.split('-')[0];
    if (known(base)) return base;
  }
  return null;
}

/**
 * The table for the first of `langs` that has one loaded, else English.
 * Callers pass the element's `lang`, then `<html lang>`.
 */
export function resolveStrings(...langs: (string | null | undefined)[]): Strings {
  const key = matchLocale((tag) => tables.has(tag), ...langs);
  return (key && tables.get(key)) || en;
}
