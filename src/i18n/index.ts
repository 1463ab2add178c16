import { en, type Strings } from './en.js';

export type { Strings };

const tables: Record<string, Strings> = { en };

/**
 * The table for a BCP 47 tag: the exact tag, then its language ("en-GB" → "en"), then English.
 * Callers pass the element's `lang`, falling back to `<html lang>`.
 */
export function resolveStrings(...langs: (string | null | undefined)[]): Strings {
  for (const lang of langs) {
    if (!lang) continue;
    const tag = lang.toLowerCase();
    const table = tables[tag] ?? tables[tag.split('-')[0]];
    if (table) return table;
  }
  return en;
}
