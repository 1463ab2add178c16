/**
 * A host's own catalog additions (`catalog-src`): the shapes of data/*.json, every part optional, checked
 * by hand against what the schemas require (no JSON Schema library in the bundle), then merged over the
 * built-in catalog. Entries with an existing key (code, cause id, node id, provider id) replace it.
 */
import { createCatalog, withProviders, type Catalog } from './catalog.js';
import type { Cause, CodeEntry, ClassEntry, Provider, ProviderCode, Result, WizardNode } from './types.js';

export interface CatalogOverlay {
  codes?: { classes?: Record<string, ClassEntry>; subjects?: Record<string, ClassEntry>; replyCodes?: CodeEntry[]; statusCodes?: CodeEntry[] };
  causes?: { causes: Cause[] };
  wizard?: { start?: string; nodes?: WizardNode[] };
  providers?: { providers?: Provider[]; codes?: ProviderCode[] };
}

export type OverlayFailure = 'invalid-catalog';

/** Thrown inside the checker only, and turned into a Result at its edge. */
class ShapeError extends Error {}

type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string): never => {
  throw new ShapeError(`${path}: expected ${expected}`);
};
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text: Check = (v, path) => {
  if (typeof v !== 'string' || !/\S/.test(v)) fail(path, 'a non-empty string');
};
const matching = (pattern: RegExp, what: string): Check => (v, path) => {
  if (typeof v !== 'string' || !pattern.test(v)) fail(path, what);
};
const oneOf = (...values: unknown[]): Check => (v, path) => {
  if (!values.includes(v)) fail(path, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
};
const bool: Check = (v, path) => oneOf(true, false)(v, path);
const list = (item: Check, min = 0): Check => (v, path) => {
  if (!Array.isArray(v) || v.length < min) return fail(path, min ? `a list of at least ${min}` : 'a list');
  v.forEach((x, i) => item(x, `${path}[${i}]`));
};
const record = (item: Check): Check => (v, path) => {
  if (!isObject(v)) return fail(path, 'an object');
  for (const [key, x] of Object.entries(v)) item(x, `${path}.${key}`);
};
/** An object with these fields (`?` suffix: optional, `null` allowed); unknown fields are refused, as the schemas do. */
const shape = (fields: Record<string, Check>): Check => (v, path) => {
  if (!isObject(v)) return fail(path, 'an object');
  const known = new Map(Object.entries(fields).map(([key, check]) => [key.replace(/\?$/, ''), { check, optional: key.endsWith('?') }]));
  for (const key of Object.keys(v)) if (!known.has(key) && key !== '$schema') fail(`${path}.${key}`, 'no such field');
  for (const [key, { check, optional }] of known) {
    if (v[key] === undefined || (optional && v[key] === null)) {
      if (!optional) fail(`${path}.${key}`, 'a value');
    } else check(v[key], `${path}.${key}`);
  }
};
const either = (pick: (v: Record<string, unknown>) => Check): Check => (v, path) => (isObject(v) ? pick(v)(v, path) : fail(path, 'an object'));

const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const httpsUrl = matching(/^https:\/\/\S+$/, 'an https:// link');
const reference = shape({ label: text, href: httpsUrl });
const classEntry = shape({ title: text, summary: text, causes: list(kebab), 'ask?': kebab });
const codeEntry = (code: Check) =>
  shape({ code, title: text, summary: text, causes: list(kebab), 'ask?': kebab, 'rfc?': text, 'deprecated?': bool });
const cause = shape({
  id: kebab,
  category: matching(/^[a-z]+$/, 'a category name'),
  title: text,
  summary: text,
  why: text,
  confirm: list(text),
  fixes: list(text, 1),
  'adminFixes?': list(text),
  whoActs: oneOf('sender', 'sender-admin', 'recipient', 'recipient-admin'),
  retry: oneOf('automatic', 'after-fix', 'no'),
  temporary: bool,
  'refs?': list(reference),
});
const target = { 'next?': kebab, 'cause?': kebab };
const node = either((v) =>
  v.type === 'code-input'
    ? shape({ id: kebab, type: oneOf('code-input'), title: text, 'help?': text, skip: shape(target) })
    : shape({ id: kebab, type: oneOf('question'), title: text, 'help?': text, options: list(shape({ id: kebab, label: text, 'hint?': text, ...target }), 1) }),
);
const provider = shape({ id: kebab, name: text, hosts: list(text), postmaster: httpsUrl });
const providerCode = shape({
  id: kebab,
  provider: kebab,
  'replyCode?': matching(/^[2-5][0-9]{2}$/, 'a reply code'),
  'status?': text,
  'statusRange?': list(text, 2),
  'token?': text,
  'text?': text,
  title: text,
  summary: text,
  causes: list(kebab),
  refs: list(reference),
});
const overlay = shape({
  'codes?': shape({
    'classes?': record(classEntry),
    'subjects?': record(classEntry),
    'replyCodes?': list(codeEntry(matching(/^[2-5][0-9]{2}$/, 'a reply code like 550'))),
    'statusCodes?': list(codeEntry(matching(/^X\.[0-9]{1,3}\.[0-9]{1,3}$/, 'a status code like X.7.26'))),
  }),
  'causes?': shape({ causes: list(cause) }),
  'wizard?': shape({ 'start?': kebab, 'nodes?': list(node) }),
  'providers?': shape({ 'providers?': list(provider), 'codes?': list(providerCode) }),
});

function invalid(message: string): Result<never, OverlayFailure> {
  return { ok: false, error: { reason: 'invalid-catalog', message } };
}

/** Checks parsed JSON against the overlay shape; the message names the first misfit by its path. */
export function validateOverlay(json: unknown): Result<CatalogOverlay, OverlayFailure> {
  try {
    overlay(json, 'catalog');
    return { ok: true, value: json as CatalogOverlay };
  } catch (error) {
    if (error instanceof ShapeError) return invalid(error.message);
    throw error;
  }
}

/** `base` with `extra` laid over it: an item whose key is already there replaces it in place. */
function overlayList<T>(base: T[], extra: T[] | undefined, key: (item: T) => string): T[] {
  if (!extra?.length) return base;
  const replacing = new Map(extra.map((item) => [key(item), item]));
  const merged = base.map((item) => replacing.get(key(item)) ?? item);
  const present = new Set(base.map(key));
  return [...merged, ...extra.filter((item) => !present.has(key(item)))];
}

/** Every cause, node and provider the merged catalog points to must exist in it. */
function danglingReference(catalog: Catalog): string | null {
  const { codes, wizard } = catalog.data;
  const missingCause = (ids: string[]) => ids.find((id) => !catalog.causeById.has(id));
  const missingNode = (id: string | undefined) => (id !== undefined && !catalog.nodeById.has(id) ? id : undefined);
  const entries: [string, { causes: string[]; ask?: string }][] = [
    ...Object.entries(codes.classes).map(([k, e]) => [`class ${k}`, e] as [string, ClassEntry]),
    ...Object.entries(codes.subjects).map(([k, e]) => [`subject X.${k}`, e] as [string, ClassEntry]),
    ...[...codes.replyCodes, ...codes.statusCodes].map((e) => [`code ${e.code}`, e] as [string, CodeEntry]),
    ...(catalog.providers?.codes ?? []).map((e) => [`provider code ${e.id}`, e] as [string, ProviderCode]),
  ];
  for (const [where, entry] of entries) {
    const cause = missingCause(entry.causes);
    if (cause) return `${where} names the unknown cause "${cause}"`;
    const ask = missingNode(entry.ask);
    if (ask) return `${where} asks the unknown question "${ask}"`;
  }
  if (!catalog.nodeById.has(wizard.start)) return `the wizard starts at the unknown node "${wizard.start}"`;
  for (const n of wizard.nodes) {
    for (const t of n.type === 'question' ? n.options : [n.skip]) {
      if ((t.next === undefined) === (t.cause === undefined)) return `node ${n.id} has an answer that needs exactly one of next or cause`;
      const unknown = missingNode(t.next) ?? (t.cause !== undefined ? missingCause([t.cause]) : undefined);
      if (unknown) return `node ${n.id} leads to the unknown "${unknown}"`;
    }
  }
  const providerIds = new Set(catalog.providers?.providers.map((p) => p.id));
  const orphan = catalog.providers?.codes.find((c) => !providerIds.has(c.provider));
  return orphan ? `provider code ${orphan.id} names the unknown provider "${orphan.provider}"` : null;
}

/** The catalog with a validated overlay merged in, or why the result would not hold together. */
export function mergeCatalog(base: Catalog, extra: CatalogOverlay): Result<Catalog, OverlayFailure> {
  const { codes, causes, wizard } = base.data;
  const byCode = (e: CodeEntry) => e.code;
  const byId = (e: { id: string }) => e.id;
  let merged = createCatalog({
    codes: {
      classes: { ...codes.classes, ...extra.codes?.classes },
      subjects: { ...codes.subjects, ...extra.codes?.subjects },
      replyCodes: overlayList(codes.replyCodes, extra.codes?.replyCodes, byCode),
      statusCodes: overlayList(codes.statusCodes, extra.codes?.statusCodes, byCode),
    },
    causes: { causes: overlayList(causes.causes, extra.causes?.causes, byId) },
    wizard: { start: extra.wizard?.start ?? wizard.start, nodes: overlayList(wizard.nodes, extra.wizard?.nodes, byId) },
  });
  const providers = base.providers;
  if (providers || extra.providers) {
    merged = withProviders(merged, {
      providers: overlayList(providers?.providers ?? [], extra.providers?.providers, byId),
      codes: overlayList(providers?.codes ?? [], extra.providers?.codes, byId),
    });
  }
  const dangling = danglingReference(merged);
  return dangling ? invalid(dangling) : { ok: true, value: merged };
}
