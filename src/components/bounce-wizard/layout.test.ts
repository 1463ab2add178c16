/*
 * Layout under right-to-left text and on a 320 px screen: nothing may stick out of the widget's box or make
 * it scroll sideways, in every question, diagnosis, code entry, the index and the paste result.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { walk } from './layout-helpers.js';
import { registerStrings } from '../../i18n/index.js';
import { es } from '../../i18n/es.js';
import { $ } from './test-helpers.js';

const { data } = builtinCatalog;

describe('<bounce-wizard> layout', () => {
  before(() => registerStrings('es', es));

  it('mirrors in a right-to-left page and keeps everything inside its box', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" style="inline-size: 600px"><bounce-wizard></bounce-wizard></div>`);
    const el = wrapper.querySelector('bounce-wizard')!;
    await el.updateComplete;
    expect(getComputedStyle($(el, '.panel')!).direction).to.equal('rtl');
    // The radio sits at the start of its option, which is the right edge in right-to-left text.
    const option = $(el, '.option')!.getBoundingClientRect();
    const radio = $(el, '.option input')!.getBoundingClientRect();
    expect(option.right - radio.right).to.be.lessThan(radio.left - option.left);
    const title = $(el, '.view .heading')!.getBoundingClientRect();
    expect(title.right).to.be.at.most(el.getBoundingClientRect().right);
    await walk(el);
    // List indentation follows the text direction: on the right.
    el.code = `cause:${data.causes.causes[0].id}`;
    await el.updateComplete;
    const list = getComputedStyle($(el, '.view ol')!);
    expect([list.paddingRight, list.paddingLeft]).to.deep.equal(['24px', '0px']);
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"><bounce-wizard></bounce-wizard></div>`);
    const el = wrapper.querySelector('bounce-wizard')!;
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.equal(320);
    await walk(el);
  });

  it('fits 320 px in Spanish, right to left, where the sentences run longer', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" style="inline-size: 320px"><bounce-wizard lang="es-MX"></bounce-wizard></div>`,
    );
    const el = wrapper.querySelector('bounce-wizard')!;
    await el.updateComplete;
    el.code = data.wizard.start;
    el.reset();
    await el.updateComplete;
    expect($(el, 'button.primary')!.textContent!.trim()).to.equal(es.continue);
    await walk(el);
  });
});
