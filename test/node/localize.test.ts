import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localizeCatalog, localizeProviders, missingKeys, missingProviderKeys, type LocaleOverlay, type ProvidersOverlay } from '../../src/core/localize.js';
import { lookupCode, withProviders } from '../../src/core/catalog.js';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { builtinProviders } from '../../src/core/builtin-providers.js';
import type { CatalogData, ProvidersData } from '../../src/core/types.js';
import esProviders from '../../data/locales/es/providers.json';

/** A catalog small enough to read at a glance: one class, one subject, one code of each kind, two causes. */
function fixture(): CatalogData {
  return {
    codes: {
      classes: { '5': { title: 'Permanent failure', summary: 'It will not work.', causes: ['gone'] } },
      subjects: { '1': { title: 'Addressing', summary: 'About the address.', causes: [] } },
      replyCodes: [{ code: '550', title: 'Mailbox unavailable', summary: 'No such mailbox.', causes: ['gone'], rfc: 'RFC 5321' }],
      statusCodes: [{ code: 'X.1.1', title: 'Bad mailbox', summary: 'The mailbox does not exist.', causes: ['gone', 'full'], ask: 'which' }],
    },
    causes: {
      causes: [
        {
          id: 'gone', category: 'userunknown', title: 'Address gone', summary: 'It is gone.', why: 'Deleted.',
          confirm: ['Look for 5.1.1.'], fixes: ['Fix the typo.', 'Send again.'], adminFixes: ['Clean the list.'],
          whoActs: 'sender', retry: 'after-fix', temporary: false,
          refs: [{ label: 'RFC 3463', href: 'https://www.rfc-editor.org/rfc/rfc3463' }],
        },
        {
          id: 'full', category: 'mailboxfull', title: 'Mailbox full', summary: 'No room.', why: 'Quota.',
          confirm: ['Look for 4.2.2.'], fixes: ['Wait.'], whoActs: 'recipient', retry: 'automatic', temporary: true,
        },
      ],
    },
    wizard: {
      start: 'which',
      nodes: [
        {
          id: 'which', type: 'question', title: 'Which one?', help: 'Pick one.',
          options: [
            { id: 'a', label: 'Gone', hint: 'The address', cause: 'gone' },
            { id: 'b', label: 'Full', cause: 'full' },
          ],
        },
        { id: 'code', type: 'code-input', title: 'Type the code', skip: { cause: 'gone' } },
      ],
    },
  };
}

/** Every text of the fixture translated, so single keys can be removed from it. */
function completeOverlay(): LocaleOverlay {
  return {
    codes: {
      classes: { '5': { title: 'Fallo permanente', summary: 'No funcionará.' } },
      subjects: { '1': { title: 'Direcciones', summary: 'Sobre la dirección.' } },
      replyCodes: { '550': { title: 'Buzón no disponible', summary: 'No existe ese buzón.' } },
      statusCodes: { 'X.1.1': { title: 'Buzón erróneo', summary: 'El buzón no existe.' } },
    },
    causes: {
      causes: {
        gone: {
          title: 'Dirección inexistente', summary: 'Ya no existe.', why: 'Se borró.',
          confirm: ['Busque 5.1.1.'], fixes: ['Corrija la errata.', 'Vuelva a enviarlo.'], adminFixes: ['Limpie la lista.'],
          refs: { 'https://www.rfc-editor.org/rfc/rfc3463': 'RFC 3463 (en inglés)' },
        },
        full: { title: 'Buzón lleno', summary: 'No hay espacio.', why: 'Cuota.', confirm: ['Busque 4.2.2.'], fixes: ['Espere.'] },
      },
    },
    wizard: {
      nodes: {
        which: {
          title: '¿Cuál?', help: 'Elija una.',
          options: { a: { label: 'Inexistente', hint: 'La dirección' }, b: { label: 'Lleno' } },
        },
        code: { title: 'Escriba el código' },
      },
    },
    categories: { categories: { userunknown: { title: 'Dirección inexistente', meaning: 'No hay tal buzón.' } } },
  };
}

describe('localizeCatalog', () => {
  it('lays every translated text over the English one', () => {
    const out = localizeCatalog(fixture(), completeOverlay());
    assert.equal(out.codes.classes['5'].title, 'Fallo permanente');
    assert.equal(out.codes.subjects['1'].summary, 'Sobre la dirección.');
    assert.equal(out.codes.replyCodes[0].title, 'Buzón no disponible');
    assert.equal(out.codes.statusCodes[0].summary, 'El buzón no existe.');
    const gone = out.causes.causes[0];
    assert.deepEqual(gone.fixes, ['Corrija la errata.', 'Vuelva a enviarlo.']);
    assert.deepEqual(gone.adminFixes, ['Limpie la lista.']);
    assert.equal(gone.refs?.[0].label, 'RFC 3463 (en inglés)');
    const which = out.wizard.nodes[0];
    assert.equal(which.title, '¿Cuál?');
    assert.ok(which.type === 'question');
    assert.deepEqual(which.options.map((o) => [o.label, o.hint]), [['Inexistente', 'La dirección'], ['Lleno', undefined]]);
    assert.equal(out.wizard.nodes[1].title, 'Escriba el código');
  });

  it('leaves ids, categories, codes, links and the graph untouched', () => {
    const data = fixture();
    const out = localizeCatalog(data, completeOverlay());
    const gone = out.causes.causes[0];
    assert.deepEqual(
      [gone.id, gone.category, gone.whoActs, gone.retry, gone.temporary, gone.refs?.[0].href],
      ['gone', 'userunknown', 'sender', 'after-fix', false, 'https://www.rfc-editor.org/rfc/rfc3463'],
    );
    assert.deepEqual(out.codes.statusCodes[0], { ...data.codes.statusCodes[0], title: 'Buzón erróneo', summary: 'El buzón no existe.' });
    assert.equal(out.codes.replyCodes[0].rfc, 'RFC 5321');
    assert.deepEqual(out.codes.classes['5'].causes, ['gone']);
    assert.equal(out.wizard.start, 'which');
    const which = out.wizard.nodes[0];
    assert.ok(which.type === 'question');
    assert.deepEqual(which.options.map((o) => [o.id, o.cause]), [['a', 'gone'], ['b', 'full']]);
    assert.deepEqual(out.wizard.nodes[1], { ...data.wizard.nodes[1], title: 'Escriba el código' });
  });

  it('falls back to English for whatever the overlay lacks, and keeps lists whose length differs', () => {
    const data = fixture();
    const out = localizeCatalog(data, {
      causes: { causes: { gone: { title: 'Dirección inexistente', fixes: ['Solo un paso.'] } } },
      wizard: { nodes: { which: { options: { a: { label: 'Inexistente' } } } } },
    });
    const gone = out.causes.causes[0];
    assert.equal(gone.title, 'Dirección inexistente');
    assert.equal(gone.summary, 'It is gone.');
    assert.deepEqual(gone.fixes, ['Fix the typo.', 'Send again.']);
    assert.deepEqual(gone.refs, data.causes.causes[0].refs);
    assert.deepEqual(out.causes.causes[1], data.causes.causes[1]);
    assert.deepEqual(out.codes, data.codes);
    const which = out.wizard.nodes[0];
    assert.ok(which.type === 'question');
    assert.equal(which.title, 'Which one?');
    assert.deepEqual([which.options[0].label, which.options[0].hint], ['Inexistente', 'The address']);
  });

  it('does not change the data it is given', () => {
    const data = fixture();
    const before = structuredClone(data);
    localizeCatalog(data, completeOverlay());
    assert.deepEqual(data, before);
  });

  it('adds no optional field the English data lacks', () => {
    const out = localizeCatalog(fixture(), { causes: { causes: { full: { adminFixes: ['Amplíe la cuota.'] } } } });
    assert.equal('adminFixes' in out.causes.causes[1], false);
    assert.equal('refs' in out.causes.causes[1], false);
  });
});

describe('missingKeys', () => {
  const categories = { userunknown: { title: 'Address does not exist', meaning: 'No such mailbox.' } };

  it('is empty for a complete overlay', () => {
    assert.deepEqual(missingKeys(fixture(), completeOverlay(), categories), []);
  });

  it('names every text an empty overlay lacks', () => {
    const missing = missingKeys(fixture(), {}, categories);
    for (const key of [
      'codes.classes.5.title', 'codes.statusCodes.X.1.1.summary', 'causes.gone.adminFixes',
      'causes.gone.refs.https://www.rfc-editor.org/rfc/rfc3463', 'wizard.which.options.a.hint',
      'wizard.code.title', 'categories.userunknown.meaning',
    ]) {
      assert.ok(missing.includes(key), key);
    }
    // Texts the English data does not have are not asked for.
    assert.equal(missing.includes('causes.full.adminFixes'), false);
    assert.equal(missing.includes('wizard.which.options.b.hint'), false);
    assert.equal(missing.includes('wizard.code.help'), false);
  });

  it('reports a list whose length differs from the English one', () => {
    const overlay = completeOverlay();
    overlay.causes!.causes!.gone.fixes = ['Solo un paso.'];
    assert.deepEqual(missingKeys(fixture(), overlay, categories), ['causes.gone.fixes']);
  });

  it('reports an empty string as missing', () => {
    const overlay = completeOverlay();
    overlay.wizard!.nodes!.which.options!.a.label = '';
    assert.deepEqual(missingKeys(fixture(), overlay, categories), ['wizard.which.options.a.label']);
  });

  it('checks categories only when their English texts are given', () => {
    const overlay = completeOverlay();
    delete overlay.categories;
    assert.deepEqual(missingKeys(fixture(), overlay), []);
    assert.deepEqual(missingKeys(fixture(), overlay, categories), ['categories.userunknown.title', 'categories.userunknown.meaning']);
  });
});

/** Two providers, one row found by its wording and one by its token, sharing one link. */
function providersFixture(): ProvidersData {
  const ref = { label: 'Acme: error codes', href: 'https://acme.example/errors' };
  return {
    providers: [
      { id: 'acme', name: 'Acme and Sons', hosts: ['(?:^|\\.)acme\\.example$'], postmaster: 'https://acme.example/postmaster' },
      { id: 'zed', name: 'Zed Mail', hosts: ['(?:^|\\.)zed\\.example$'], postmaster: 'https://zed.example/postmaster' },
    ],
    codes: [
      {
        id: 'acme-550-busy', provider: 'acme', replyCode: '550', text: 'mailbox is busy', title: 'Mailbox busy',
        summary: 'Try later.', causes: ['full'], refs: [ref],
      },
      { id: 'zed-token', provider: 'zed', token: 'ZED01', title: 'Zed refused it', summary: 'Ask Zed.', causes: ['gone'], refs: [ref] },
    ],
  };
}

const providersOverlay = (): ProvidersOverlay => ({
  providers: { acme: { name: 'Acme e Hijos' }, zed: { name: 'Zed Mail' } },
  codes: {
    'acme-550-busy': { title: 'Buzón ocupado', summary: 'Inténtelo más tarde.' },
    'zed-token': { title: 'Zed lo rechazó', summary: 'Pregunte a Zed.' },
  },
  refs: { 'https://acme.example/errors': 'Acme: códigos de error' },
});

describe('localizeProviders', () => {
  it("lays names, titles, summaries and link labels over the English ones, keeping what finds a row", () => {
    const data = providersFixture();
    const before = structuredClone(data);
    const out = localizeProviders(data, providersOverlay());
    assert.deepEqual(data, before, 'the input is not changed');
    assert.deepEqual(out.providers.map((p) => p.name), ['Acme e Hijos', 'Zed Mail']);
    assert.deepEqual(out.providers[0], { ...data.providers[0], name: 'Acme e Hijos' });
    assert.deepEqual(out.codes[0], {
      ...data.codes[0], title: 'Buzón ocupado', summary: 'Inténtelo más tarde.',
      refs: [{ label: 'Acme: códigos de error', href: 'https://acme.example/errors' }],
    });
    assert.equal(out.codes[1].token, 'ZED01');
    assert.equal(out.codes[1].refs[0].label, 'Acme: códigos de error', 'a label is translated once for every row that links there');
  });

  it('falls back to English for whatever the overlay lacks', () => {
    const data = providersFixture();
    const out = localizeProviders(data, { codes: { 'zed-token': { title: 'Zed lo rechazó' } } });
    assert.deepEqual(out.providers, data.providers);
    assert.deepEqual(out.codes[0], data.codes[0]);
    assert.deepEqual([out.codes[1].title, out.codes[1].summary], ['Zed lo rechazó', 'Ask Zed.']);
  });

  it("still finds a row by the server's English wording, and then reads it in Spanish", () => {
    const line = '550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient address.';
    const english = lookupCode(withProviders(builtinCatalog, builtinProviders), line, { provider: 'google' });
    const spanish = lookupCode(withProviders(builtinCatalog, localizeProviders(builtinProviders, esProviders)), line, { provider: 'google' });
    assert.ok(english.ok && spanish.ok);
    const id = english.value.providerCode?.id;
    assert.ok(id, 'the line is a Gmail row');
    assert.equal(spanish.value.providerCode?.id, id);
    const row = esProviders.codes[id as keyof typeof esProviders.codes];
    assert.deepEqual([spanish.value.title, spanish.value.summary], [row.title, row.summary]);
    assert.notEqual(spanish.value.title, english.value.title);
  });
});

describe('missingProviderKeys', () => {
  it('is empty for a complete overlay', () => {
    assert.deepEqual(missingProviderKeys(providersFixture(), providersOverlay()), []);
  });

  it('names every name, row text and link an overlay lacks', () => {
    assert.deepEqual(missingProviderKeys(providersFixture(), undefined), [
      'providers.acme.name', 'providers.zed.name',
      'providers.codes.acme-550-busy.title', 'providers.codes.acme-550-busy.summary',
      'providers.codes.zed-token.title', 'providers.codes.zed-token.summary',
      'providers.refs.https://acme.example/errors',
    ]);
    const overlay = providersOverlay();
    delete overlay.codes!['zed-token'];
    overlay.providers!.acme.name = '';
    assert.deepEqual(missingProviderKeys(providersFixture(), overlay), [
      'providers.acme.name', 'providers.codes.zed-token.title', 'providers.codes.zed-token.summary',
    ]);
  });
});
