/**
 * Locale overlays: translated text for the catalog, keyed by ids, laid over the English data.
 * An overlay holds only text (`data/locales/<lang>/*.json`, schema `data/locales/locale.schema.json`);
 * codes, ids, categories, links and whatever steers the wizard always come from the English data, so a
 * translation can never change where a reader is led.
 */
import { createCatalog, type Catalog } from './catalog.js';
import type { Cause, CatalogData, ClassEntry, CodeEntry, ProvidersData, WizardNode } from './types.js';

/** Title and summary of a class, subject, reply code or status code. */
export interface CodeTextOverlay {
  title?: string;
  summary?: string;
}

/** `data/locales/<lang>/codes.json`. Reply codes keyed `550`, status codes `X.1.1`, classes and subjects by digit. */
export interface CodesOverlay {
  classes?: Record<string, CodeTextOverlay>;
  subjects?: Record<string, CodeTextOverlay>;
  replyCodes?: Record<string, CodeTextOverlay>;
  statusCodes?: Record<string, CodeTextOverlay>;
}

/** One cause's text. Arrays match the English ones item for item; `refs` maps a link's href to its label. */
export interface CauseOverlay {
  title?: string;
  summary?: string;
  why?: string;
  confirm?: string[];
  fixes?: string[];
  adminFixes?: string[];
  refs?: Record<string, string>;
}

/** `data/locales/<lang>/causes.json`. */
export interface CausesOverlay {
  causes?: Record<string, CauseOverlay>;
}

/** One question or code-input node's text; options keyed by option id. */
export interface NodeOverlay {
  title?: string;
  help?: string;
  options?: Record<string, { label?: string; hint?: string }>;
}

/** `data/locales/<lang>/wizard.json`. */
export interface WizardOverlay {
  nodes?: Record<string, NodeOverlay>;
}

/** `data/locales/<lang>/categories.json`. */
export interface CategoriesOverlay {
  categories?: Record<string, { title?: string; meaning?: string }>;
}

/**
 * `data/locales/<lang>/providers.json`: provider names by provider id, each provider code's text by row id,
 * and reference labels by link (the providers' rows share a dozen links). A row's `text` pattern matches the
 * server's own English wording, so it is never translated.
 */
export interface ProvidersOverlay {
  providers?: Record<string, { name?: string }>;
  codes?: Record<string, CodeTextOverlay>;
  refs?: Record<string, string>;
}

/** Everything one locale translates. Every part is optional: what is missing stays English. */
export interface LocaleOverlay {
  codes?: CodesOverlay;
  causes?: CausesOverlay;
  wizard?: WizardOverlay;
  categories?: CategoriesOverlay;
}

/** English category texts (`data/categories.json`), which live outside `CatalogData`. */
export type CategoryTexts = Record<string, { title?: string; meaning: string }>;

/** A translated list replaces the English one only when it has the same length: steps must not go missing. */
function list(english: string[], translated: string[] | undefined): string[] {
  return translated && translated.length === english.length ? translated : english;
}

function localizeCause(cause: Cause, t: CauseOverlay | undefined): Cause {
  if (!t) return cause;
  const out: Cause = {
    ...cause,
    title: t.title ?? cause.title,
    summary: t.summary ?? cause.summary,
    why: t.why ?? cause.why,
    confirm: list(cause.confirm, t.confirm),
    fixes: list(cause.fixes, t.fixes),
  };
  if (cause.adminFixes) out.adminFixes = list(cause.adminFixes, t.adminFixes);
  if (cause.refs) out.refs = cause.refs.map((ref) => ({ ...ref, label: t.refs?.[ref.href] ?? ref.label }));
  return out;
}

function localizeText<T extends { title: string; summary: string }>(entry: T, t: CodeTextOverlay | undefined): T {
  return t ? { ...entry, title: t.title ?? entry.title, summary: t.summary ?? entry.summary } : entry;
}

function localizeClasses(classes: Record<string, ClassEntry>, t: Record<string, CodeTextOverlay> | undefined) {
  return Object.fromEntries(Object.entries(classes).map(([digit, entry]) => [digit, localizeText(entry, t?.[digit])]));
}

function localizeCodes(codes: CodeEntry[], t: Record<string, CodeTextOverlay> | undefined): CodeEntry[] {
  return codes.map((entry) => localizeText(entry, t?.[entry.code]));
}

function localizeNode(node: WizardNode, t: NodeOverlay | undefined): WizardNode {
  if (!t) return node;
  const help = t.help ?? node.help;
  const base = { ...node, title: t.title ?? node.title, ...(help === undefined ? {} : { help }) };
  if (base.type !== 'question') return base;
  return {
    ...base,
    options: base.options.map((option) => {
      const o = t.options?.[option.id];
      if (!o) return option;
      const hint = o.hint ?? option.hint;
      return { ...option, label: o.label ?? option.label, ...(hint === undefined ? {} : { hint }) };
    }),
  };
}

/** The catalog data with the overlay's text laid over it; the input is not changed. */
export function localizeCatalog(data: CatalogData, overlay: LocaleOverlay): CatalogData {
  const { codes, causes, wizard } = overlay;
  return {
    codes: {
      classes: localizeClasses(data.codes.classes, codes?.classes),
      subjects: localizeClasses(data.codes.subjects, codes?.subjects),
      replyCodes: localizeCodes(data.codes.replyCodes, codes?.replyCodes),
      statusCodes: localizeCodes(data.codes.statusCodes, codes?.statusCodes),
    },
    causes: { causes: data.causes.causes.map((cause) => localizeCause(cause, causes?.causes?.[cause.id])) },
    wizard: { ...data.wizard, nodes: data.wizard.nodes.map((node) => localizeNode(node, wizard?.nodes?.[node.id])) },
  };
}

/** The providers data with the overlay's names, titles, summaries and link labels; the input is not changed. */
export function localizeProviders(data: ProvidersData, overlay: ProvidersOverlay): ProvidersData {
  const { providers, codes, refs } = overlay;
  return {
    providers: data.providers.map((provider) => ({ ...provider, name: providers?.[provider.id]?.name ?? provider.name })),
    codes: data.codes.map((row) => ({
      ...localizeText(row, codes?.[row.id]),
      refs: row.refs.map((ref) => ({ ...ref, label: refs?.[ref.href] ?? ref.label })),
    })),
  };
}

/** Records `path` in `missing` when `english` exists and `translated` does not (a list must be as long). */
function needIn(missing: string[], path: string, english: unknown, translated: unknown): void {
  if (english === undefined) return;
  const ok = Array.isArray(english)
    ? Array.isArray(translated) && translated.length === english.length
    : typeof translated === 'string' && translated.length > 0;
  if (!ok) missing.push(path);
}

/**
 * Every English text the overlay does not translate, as paths such as `causes.recipient-unknown.fixes`
 * (a list whose length differs counts as missing) or `wizard.start.options.has-code.hint`.
 * Categories are checked when their English texts are passed.
 */
export function missingKeys(data: CatalogData, overlay: LocaleOverlay, categories?: CategoryTexts): string[] {
  const missing: string[] = [];
  const need = (path: string, english: unknown, translated: unknown) => needIn(missing, path, english, translated);
  const texts = (prefix: string, english: { title?: string; summary?: string }, t: CodeTextOverlay | undefined) => {
    need(`${prefix}.title`, english.title, t?.title);
    need(`${prefix}.summary`, english.summary, t?.summary);
  };

  const { codes, causes, wizard } = overlay;
  for (const [digit, entry] of Object.entries(data.codes.classes)) texts(`codes.classes.${digit}`, entry, codes?.classes?.[digit]);
  for (const [digit, entry] of Object.entries(data.codes.subjects)) texts(`codes.subjects.${digit}`, entry, codes?.subjects?.[digit]);
  for (const entry of data.codes.replyCodes) texts(`codes.replyCodes.${entry.code}`, entry, codes?.replyCodes?.[entry.code]);
  for (const entry of data.codes.statusCodes) texts(`codes.statusCodes.${entry.code}`, entry, codes?.statusCodes?.[entry.code]);

  for (const cause of data.causes.causes) {
    const t = causes?.causes?.[cause.id];
    const at = `causes.${cause.id}`;
    for (const key of ['title', 'summary', 'why', 'confirm', 'fixes', 'adminFixes'] as const) need(`${at}.${key}`, cause[key], t?.[key]);
    for (const ref of cause.refs ?? []) need(`${at}.refs.${ref.href}`, ref.label, t?.refs?.[ref.href]);
  }

  for (const node of data.wizard.nodes) {
    const t = wizard?.nodes?.[node.id];
    const at = `wizard.${node.id}`;
    need(`${at}.title`, node.title, t?.title);
    need(`${at}.help`, node.help, t?.help);
    if (node.type !== 'question') continue;
    for (const option of node.options) {
      need(`${at}.options.${option.id}.label`, option.label, t?.options?.[option.id]?.label);
      need(`${at}.options.${option.id}.hint`, option.hint, t?.options?.[option.id]?.hint);
    }
  }

  for (const [id, entry] of Object.entries(categories ?? {})) {
    const t = overlay.categories?.categories?.[id];
    need(`categories.${id}.title`, entry.title, t?.title);
    need(`categories.${id}.meaning`, entry.meaning, t?.meaning);
  }
  return missing;
}

/**
 * `catalog` in the overlay's language; its providers' codes too when their texts are given (a chunk of their
 * own), else as they are.
 */
export function translateCatalog(catalog: Catalog, overlay: LocaleOverlay, providerTexts?: ProvidersOverlay): Catalog {
  const translated = createCatalog(localizeCatalog(catalog.data, overlay));
  const { providers } = catalog;
  if (!providers) return translated;
  return { ...translated, providers: providerTexts ? localizeProviders(providers, providerTexts) : providers };
}

/**
 * Every providers text the overlay does not translate, as paths such as `providers.google.name`,
 * `providers.codes.google-550-5-1-1-no-account.summary` or `providers.refs.<link>`.
 */
export function missingProviderKeys(data: ProvidersData, t: ProvidersOverlay | undefined): string[] {
  const missing: string[] = [];
  for (const provider of data.providers) needIn(missing, `providers.${provider.id}.name`, provider.name, t?.providers?.[provider.id]?.name);
  for (const row of data.codes) {
    needIn(missing, `providers.codes.${row.id}.title`, row.title, t?.codes?.[row.id]?.title);
    needIn(missing, `providers.codes.${row.id}.summary`, row.summary, t?.codes?.[row.id]?.summary);
  }
  for (const href of new Set(data.codes.flatMap((row) => row.refs.map((ref) => ref.href)))) {
    needIn(missing, `providers.refs.${href}`, href, t?.refs?.[href]);
  }
  return missing;
}
