import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localizeCatalog, missingKeys, type LocaleOverlay } from '../../src/core/localize.js';
import type { CatalogData } from '../../src/core/types.js';

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
