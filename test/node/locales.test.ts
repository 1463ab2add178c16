import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import localeSchema from '../../data/locales/locale.schema.json';
import codes from '../../data/codes.json';
import causes from '../../data/causes.json';
import wizard from '../../data/wizard.json';
import categoriesData from '../../data/categories.json';
import { missingKeys, type LocaleOverlay } from '../../src/core/localize.js';
import type { CatalogData } from '../../src/core/types.js';

const localesDir = new URL('../../data/locales/', import.meta.url);
const FILE_KINDS = ['causes', 'codes', 'wizard', 'categories'] as const;
const data = { codes, causes, wizard } as unknown as CatalogData;
const categories = categoriesData.categories;

/** Every folder under data/locales is a shipped locale; English is the data itself and has none. */
const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function readOverlayFile(lang: string, kind: string): unknown {
  return JSON.parse(readFileSync(new URL(`${lang}/${kind}.json`, localesDir), 'utf8'));
}

function readOverlay(lang: string): LocaleOverlay {
  return Object.fromEntries(FILE_KINDS.map((kind) => [kind, readOverlayFile(lang, kind)])) as LocaleOverlay;
}

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

      it('translates nothing the English data does not have', () => {
        const o = readOverlay(lang);
        assert.deepEqual(
          [
            ...stale('causes', data.causes.causes.map((c) => c.id), o.causes?.causes),
            ...stale('classes', Object.keys(data.codes.classes), o.codes?.classes),
            ...stale('subjects', Object.keys(data.codes.subjects), o.codes?.subjects),
            ...stale('replyCodes', data.codes.replyCodes.map((c) => c.code), o.codes?.replyCodes),
            ...stale('statusCodes', data.codes.statusCodes.map((c) => c.code), o.codes?.statusCodes),
            ...stale('nodes', data.wizard.nodes.map((n) => n.id), o.wizard?.nodes),
            ...stale('categories', Object.keys(categories), o.categories?.categories),
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
