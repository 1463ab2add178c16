import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchLocale, registerStrings, resolveStrings } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';

describe('UI string tables', () => {
  it('picks the exact tag, then its language, skipping tags nothing matches', () => {
    const known = (tag: string) => ['es', 'pt-br'].includes(tag);
    assert.equal(matchLocale(known, 'es-MX'), 'es');
    assert.equal(matchLocale(known, 'PT-BR'), 'pt-br');
    assert.equal(matchLocale(known, '', null, 'fr', 'es'), 'es');
    assert.equal(matchLocale(known, 'fr-CA', undefined), null);
  });

  it('uses English until a table is registered, then the element lang before the page lang', () => {
    assert.equal(resolveStrings('es-MX', 'es'), en);
    registerStrings('es', es);
    assert.equal(resolveStrings('es-MX', 'en'), es);
    assert.equal(resolveStrings('', 'es-ES'), es);
    assert.equal(resolveStrings('en-GB', 'es'), en);
    assert.equal(resolveStrings('de', 'fr'), en);
  });

  it('translates every Spanish string, functions included', () => {
    // Texts that are the same word in both languages would show up here; none are expected yet.
    const same = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => typeof en[key] === 'string' && en[key] === es[key],
    );
    assert.deepEqual(same, []);
    assert.equal(es.resultCount(1), 'Se encontró 1 código');
    assert.equal(es.resultCount(3), 'Se encontraron 3 códigos');
    assert.match(es.progressQuestion(2, 5), /^Pregunta 2 de 5/);
    assert.match(es.paste.provider('Gmail'), /Gmail/);
  });
});
