import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import localeSchema from '../../data/locales/locale.schema.json';
import codes from '../../data/codes.json';
import causes from '../../data/causes.json';
import wizard from '../../data/wizard.json';
import categoriesData from '../../data/categories.json';
import providersData from '../../data/providers.json';
import { missingKeys, missingProviderKeys, type LocaleOverlay, type ProvidersOverlay } from '../../src/core/localize.js';
import type { CatalogData, ProvidersData } from '../../src/core/types.js';

const localesDir = new URL('../../data/locales/', import.meta.url);
/** The catalog's overlay files; providers.json is a file (and a chunk) of its own. */
const CATALOG_KINDS = ['causes', 'codes', 'wizard', 'categories'] as const;
const FILE_KINDS = [...CATALOG_KINDS, 'providers'] as const;
const data = { codes, causes, wizard } as unknown as CatalogData;
const providers = providersData as unknown as ProvidersData;

/**
 * Text that may read the same in every language: nothing but names and codes (`Apple iCloud Mail`,
 * `GoDaddy (Workspace Email, secureserver.net)`). Any all-lowercase word (`and`, `mailbox`) outside a
 * dotted or numbered token (`secureserver.net`, `5.7.1`) is prose, which a translation must not leave in English.
 */
const onlyNames = (text: string) =>
  !text.split(/[\s(),/]+/).some((token) => !/[.\d]/.test(token) && /^[a-z]{2,}$/.test(token));
const categories = categoriesData.categories;

/** Every folder under data/locales is a shipped locale; English is the data itself and has none. */
const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function readOverlayFile(lang: string, kind: string): unknown {
  return JSON.parse(readFileSync(new URL(`${lang}/${kind}.json`, localesDir), 'utf8'));
}

function readOverlay(lang: string): LocaleOverlay {
  return Object.fromEntries(CATALOG_KINDS.map((kind) => [kind, readOverlayFile(lang, kind)])) as LocaleOverlay;
}

const readProvidersOverlay = (lang: string) => readOverlayFile(lang, 'providers') as ProvidersOverlay;

/** Keys of `overlay` (one level) that `english` does not have: translations of something that no longer exists. */
function stale(where: string, english: Iterable<string>, overlay: Record<string, unknown> | undefined): string[] {
  const known = new Set(english);
  return Object.keys(overlay ?? {}).filter((key) => !known.has(key)).map((key) => `${where}.${key}`);
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAny = ajv.compile(localeSchema);
const validatorOf = (kind: string) => ajv.getSchema(`#/$defs/${kind}File`) ?? assert.fail(`no $defs/${kind}File`);

describe('data/locales', () => {
  it('ships Spanish', () => {
    assert.ok(locales.includes('es'), `locales found: ${locales.join(', ')}`);
  });

  it('has a schema that rejects what an overlay may not hold', () => {
    const causesFile = validatorOf('causes');
    const good = { causes: { 'recipient-unknown': { title: 'Título', fixes: ['Paso'] } } };
    assert.ok(causesFile(good), JSON.stringify(causesFile.errors));
    for (const bad of [
      { causes: { 'recipient-unknown': { title: 'Título', category: 'userunknown' } } },
      { causes: { 'recipient-unknown': { title: 'x'.repeat(61) } } },
      { causes: { 'recipient-unknown': { fixes: [] } } },
      { causes: { 'recipient-unknown': { refs: { 'not a link': 'Etiqueta' } } } },
      { causes: { Not_Kebab: { title: 'Título' } } },
    ]) {
      assert.equal(causesFile(bad), false, JSON.stringify(bad));
    }
    assert.equal(validatorOf('codes')({ classes: {}, subjects: {}, replyCodes: { '5.1.1': { title: 'a', summary: 'b' } }, statusCodes: {} }), false);
    assert.equal(validatorOf('wizard')({ nodes: { start: { title: 'a', next: 'b' } } }), false);
    assert.equal(validatorOf('categories')({ categories: { userunknown: { title: ' ' } } }), false);
    const providersFile = validatorOf('providers');
    assert.ok(providersFile({ providers: {}, refs: {}, codes: { 'google-x': { title: 'Título', summary: 'Resumen.' } } }), JSON.stringify(providersFile.errors));
    for (const bad of [
      { providers: {}, refs: {}, codes: { 'google-x': { title: 'Título' } } },
      { providers: {}, refs: {}, codes: { 'google-x': { title: 'x'.repeat(61), summary: 'Resumen.' } } },
      { providers: {}, refs: {}, codes: { 'google-x': { title: 'Título', summary: 'Resumen.', text: 'regex' } } },
      { providers: { google: { name: 'Google', hosts: [] } }, refs: {}, codes: {} },
      { providers: {}, refs: { 'not a link': 'Etiqueta' }, codes: {} },
    ]) {
      assert.equal(providersFile(bad), false, JSON.stringify(bad));
    }
    assert.equal(validateAny({}), false);
  });

  for (const lang of locales) {
    describe(lang, () => {
      for (const kind of FILE_KINDS) {
        it(`${kind}.json matches its part of the schema`, () => {
          const file = readOverlayFile(lang, kind);
          const validate = validatorOf(kind);
          assert.ok(validate(file), JSON.stringify(validate.errors, null, 2));
          assert.ok(validateAny(file), 'also matches the schema as a whole, as editors read it');
        });
      }

      it('translates every text of the built-in catalog and every category', () => {
        assert.deepEqual(missingKeys(data, readOverlay(lang), categories), []);
      });

      it('translates every provider name, every provider code row and every link label of data/providers.json', () => {
        assert.deepEqual(missingProviderKeys(providers, readProvidersOverlay(lang)), []);
      });

      it('leaves no provider text in English unless it is only names and codes', () => {
        const o = readProvidersOverlay(lang);
        const english = [
          ...providers.providers.map((p) => [`providers.${p.id}.name`, p.name, o?.providers?.[p.id]?.name] as const),
          ...providers.codes.flatMap((row) => [
            [`codes.${row.id}.title`, row.title, o?.codes?.[row.id]?.title] as const,
            [`codes.${row.id}.summary`, row.summary, o?.codes?.[row.id]?.summary] as const,
          ]),
          ...providers.codes.flatMap((row) => row.refs.map((ref) => [`refs.${ref.href}`, ref.label, o?.refs?.[ref.href]] as const)),
        ];
        assert.deepEqual(
          [...new Set(english.filter(([, en, translated]) => translated === en && !onlyNames(en)).map(([path]) => path))],
          [],
        );
      });

      it('translates nothing the English data does not have', () => {
        const o = readOverlay(lang);
        const p = readProvidersOverlay(lang);
        assert.deepEqual(
          [
            ...stale('causes', data.causes.causes.map((c) => c.id), o.causes?.causes),
            ...stale('classes', Object.keys(data.codes.classes), o.codes?.classes),
            ...stale('subjects', Object.keys(data.codes.subjects), o.codes?.subjects),
            ...stale('replyCodes', data.codes.replyCodes.map((c) => c.code), o.codes?.replyCodes),
            ...stale('statusCodes', data.codes.statusCodes.map((c) => c.code), o.codes?.statusCodes),
            ...stale('nodes', data.wizard.nodes.map((n) => n.id), o.wizard?.nodes),
            ...stale('categories', Object.keys(categories), o.categories?.categories),
            ...stale('providers', providers.providers.map((p) => p.id), p.providers),
            ...stale('providers.codes', providers.codes.map((row) => row.id), p.codes),
            ...stale('providers.refs', providers.codes.flatMap((row) => row.refs.map((ref) => ref.href)), p.refs),
            ...data.causes.causes.flatMap((c) =>
              stale(`causes.${c.id}.refs`, (c.refs ?? []).map((r) => r.href), o.causes?.causes?.[c.id]?.refs)),
            ...data.wizard.nodes.flatMap((n) =>
              stale(`nodes.${n.id}.options`, n.type === 'question' ? n.options.map((x) => x.id) : [], o.wizard?.nodes?.[n.id]?.options)),
          ],
          [],
        );
      });
    });
  }
});
