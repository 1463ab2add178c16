import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { BounceWizard } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { createCatalog } from '../../core/catalog.js';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import esWizard from '../../../data/locales/es/wizard.json';
import esCauses from '../../../data/locales/es/causes.json';
import esCodes from '../../../data/locales/es/codes.json';
import { $, $$, heading } from './test-helpers.js';

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
