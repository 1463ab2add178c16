import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import type { BounceWizard } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { createCatalog, lookupCode } from '../../core/catalog.js';
import { builtinCatalogWithProviders } from '../../core/builtin-providers.js';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import esWizard from '../../../data/locales/es/wizard.json';
import esCauses from '../../../data/locales/es/causes.json';
import esCodes from '../../../data/locales/es/codes.json';
import esProviders from '../../../data/locales/es/providers.json';
import { $, $$, accessible, button, heading } from './test-helpers.js';
import { LocaleController } from './locale.js';
import { translateCatalog } from '../../core/localize.js';
import type { LoadedLocale } from '../../i18n/load-locale.js';

const englishStart = builtinCatalog.nodeById.get('start')!.title;
const spanishStart = esWizard.nodes.start.title;
const buttons = (el: BounceWizard) => $$(el, 'button').map((b) => b.textContent!.trim());

describe('<bounce-wizard> in Spanish', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('shows the start question and the interface in Spanish with lang="es"', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es"></bounce-wizard>`);
    expect(spanishStart).to.not.equal(englishStart);
    expect(heading(el)).to.equal(spanishStart);
    expect(buttons(el)).to.include(es.continue);
    expect(buttons(el)).to.not.include(en.continue);
    const label = $(el, 'input[value="has-code"]')!.closest('label')!.textContent!;
    expect(label).to.contain(esWizard.nodes.start.options['has-code'].label);
  });

  it('falls back from a regional tag to its language (es-MX → es)', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es-MX"></bounce-wizard>`);
    expect(heading(el)).to.equal(spanishStart);
  });

  it('follows <html lang> when the element has no lang', async () => {
    document.documentElement.lang = 'es';
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(heading(el)).to.equal(spanishStart);
  });

  it("prefers the element's lang over <html lang>", async () => {
    document.documentElement.lang = 'es';
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="en"></bounce-wizard>`);
    expect(heading(el)).to.equal(englishStart);
  });

  it('stays English for a language it does not ship', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="fr-CA"></bounce-wizard>`);
    expect(heading(el)).to.equal(englishStart);
    expect(buttons(el)).to.include(en.continue);
  });

  it('translates a code entry and its causes, keeping the code itself', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es" code="5.1.1"></bounce-wizard>`);
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('5.1.1');
    expect(text).to.contain(esCodes.statusCodes['X.1.1'].title);
    expect(text).to.contain(esCauses.causes['recipient-unknown'].title);
  });

  it('reads the step on screen again when lang changes', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(heading(el)).to.equal(englishStart);
    el.lang = 'es';
    await el.updateComplete;
    expect(heading(el)).to.equal(spanishStart);
    el.lang = 'en';
    await el.updateComplete;
    expect(heading(el)).to.equal(englishStart);
    expect(buttons(el)).to.include(en.continue);
  });

  it("leaves a host's own catalog in the host's words, translating only the interface", async () => {
    const catalog = createCatalog(builtinCatalog.data);
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es" .catalog=${catalog}></bounce-wizard>`);
    expect(heading(el)).to.equal(englishStart);
    expect(buttons(el)).to.include(es.continue);
  });
});

describe('<bounce-wizard> provider meanings in Spanish', () => {
  // Gmail's own wording, which the row's pattern matches in English whatever the reader's language.
  const GMAIL_LINE = '550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient address.';
  const found = lookupCode(builtinCatalogWithProviders, GMAIL_LINE);
  if (!found.ok || !found.value.providerCode) throw new Error('the Gmail line finds no provider row');
  const { id, title } = found.value.providerCode;
  const spanish = esProviders.codes[id as keyof typeof esProviders.codes];

  async function codeView(lang: string) {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang=${lang} code=${GMAIL_LINE}></bounce-wizard>`);
    await waitUntil(() => $(el, '.provider-note'), 'the provider was not shown');
    await el.updateComplete;
    return el;
  }

  it("reads a Gmail row found by the server's English wording in Spanish with lang=\"es\"", async () => {
    expect(spanish.title).to.not.equal(title);
    const el = await codeView('es');
    expect(heading(el)).to.equal(spanish.title);
    expect(el.shadowRoot!.textContent).to.contain(spanish.summary);
    expect($(el, '.provider-note')!.textContent).to.contain(esProviders.providers.google.name);
    await accessible(el);
  });

  it('reads the same row in English without lang', async () => {
    const el = await codeView('');
    expect(heading(el)).to.equal(title);
    expect(el.shadowRoot!.textContent).to.not.contain(spanish.summary);
  });

  it("lists a provider's rows under its Spanish name in the code index", async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es"></bounce-wizard>`);
    button(el, es.allCodes).click();
    await el.updateComplete;
    await waitUntil(() => $$(el, '#index-provider option').length > 2, 'provider data did not load');
    // The English rows are listed first; the update completes once their Spanish texts (a chunk of their own) are in.
    await el.updateComplete;
    const option = $<HTMLOptionElement>(el, '#index-provider option[value="yahoo"]')!;
    expect(option.textContent!.trim()).to.equal(esProviders.providers.yahoo.name);
    const select = $<HTMLSelectElement>(el, '#index-provider')!;
    select.value = 'yahoo';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const entries = $$(el, 'button.index-entry').map((b) => b.textContent!);
    expect(entries.length).to.be.greaterThan(2);
    expect(entries.every((text) => text.includes(esProviders.providers.yahoo.name))).to.be.true;
    expect(entries.some((text) => text.includes(esProviders.codes['yahoo-tss04'].title))).to.be.true;
  });

  it('names the provider of a pasted bounce in Spanish', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es"></bounce-wizard>`);
    await el.diagnose(
      '<someone@yahoo.com>: host mta6.am0.yahoodns.net[67.195.204.72] said: 554 delivery error: dd ' +
        "This user doesn't have a yahoo.com account (someone@yahoo.com) [0] (in reply to end of DATA command)",
    );
    expect($(el, '.provider-note')!.textContent).to.contain(esProviders.providers.yahoo.name);
  });
});

/** A controller on a bare host reading Spanish, with `providers` as the locale's loader of the providers' texts. */
function spanishController(providers: LoadedLocale['providers'], onChange: () => void = () => undefined) {
  const host = { lang: 'es', addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const locale: LoadedLocale = { strings: es, overlay: {}, providers };
  const controller = new LocaleController(host, onChange, () => Promise.resolve(locale));
  controller.hostConnected();
  return controller;
}

const firstRow = builtinCatalogWithProviders.providers!.codes[0];
const spanishFirstRow = () => Promise.resolve({ codes: { [firstRow.id]: { title: 'Título', summary: 'Resumen.' } } });

describe('LocaleController and the providers\' texts', () => {
  it('asks for them once, only when a catalog with providers is read, and reads it again when they arrive', async () => {
    let asked = 0;
    let changes = 0;
    const controller = spanishController(
      () => {
        asked += 1;
        return spanishFirstRow();
      },
      () => (changes += 1),
    );
    await controller.pending;
    expect(changes).to.equal(1);

    expect(controller.apply(builtinCatalog, true, translateCatalog).providers).to.equal(undefined);
    expect(controller.apply(builtinCatalogWithProviders, false, translateCatalog)).to.equal(builtinCatalogWithProviders);
    expect(asked, 'no view had providers yet').to.equal(0);

    expect(controller.apply(builtinCatalogWithProviders, true, translateCatalog).providers!.codes[0].title, 'English while they load').to.equal(firstRow.title);
    controller.apply(builtinCatalogWithProviders, true, translateCatalog);
    expect(asked).to.equal(1);
    await controller.pending;
    expect(controller.pending).to.equal(null);
    expect(changes, 'the step on screen is read again').to.equal(2);
    const read = controller.apply(builtinCatalogWithProviders, true, translateCatalog);
    expect([read.providers!.codes[0].title, read.providers!.codes[0].summary]).to.deep.equal(['Título', 'Resumen.']);
    expect(read.providers!.codes[0].text).to.equal(firstRow.text);
    expect(asked).to.equal(1);
  });

  it('settles a reading only once both the locale and its providers\' texts are here', async () => {
    const controller = spanishController(spanishFirstRow);
    // The locale itself is still on its way: the first reading cannot ask for the providers' texts yet.
    expect(controller.pending).to.not.equal(null);
    const read = await controller.settled(() => controller.apply(builtinCatalogWithProviders, true, translateCatalog));
    expect(read.providers!.codes[0].title).to.equal('Título');
  });

  it('stays English when they cannot be loaded', async () => {
    const controller = spanishController(() => Promise.reject(new Error('offline')));
    const read = await controller.settled(() => controller.apply(builtinCatalogWithProviders, true, translateCatalog));
    expect(read.providers!.codes.map((row) => row.title)).to.deep.equal(builtinCatalogWithProviders.providers!.codes.map((row) => row.title));
  });
});
