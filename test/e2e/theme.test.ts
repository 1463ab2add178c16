/**
 * Theming on the built bundle: the demo's re-branded widget takes its custom properties and `::part()`
 * rule from demo/demo.css, and `theme` switches the token set (`auto` follows the system setting).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { openPage, widget, type HostPage } from './harness.js';

const panel = (el: BounceWizard) => getComputedStyle(el.shadowRoot!.querySelector('[part~="panel"]')!);
const heading = (el: BounceWizard) => getComputedStyle(el.shadowRoot!.querySelector('h2')!);

let page: HostPage | undefined;
afterEach(async () => {
  page?.close();
  await emulateMedia({ colorScheme: 'light' });
});

describe('theming', () => {
  it("dresses the demo's partner widget from the page's custom properties and part rule", async () => {
    page = await openPage('/demo/index.html');
    const branded = await widget(page, 'bounce-wizard.partner-brand');
    const plain = await widget(page, 'bounce-wizard[code="553"]');
    expect(panel(branded).backgroundColor).to.equal('rgb(255, 247, 237)');
    expect(panel(branded).borderTopLeftRadius).to.equal('2px');
    expect(heading(branded).fontFamily).to.match(/^Georgia/);
    expect(heading(branded).borderBottomWidth).to.equal('3px');
    // The rules reach only the widget they name.
    expect(panel(plain).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(heading(plain).borderBottomWidth).to.equal('0px');
  });

  it('switches to the dark token set with theme="dark", and with theme="auto" on a dark system', async () => {
    page = await openPage('/test/e2e/pages/clean.html');
    const el = await widget(page);
    const light = panel(el).backgroundColor;
    el.theme = 'dark';
    await el.updateComplete;
    const dark = panel(el).backgroundColor;
    expect(dark).to.not.equal(light);

    el.theme = 'auto';
    await el.updateComplete;
    expect(panel(el).backgroundColor).to.equal(light);
    await emulateMedia({ colorScheme: 'dark' });
    expect(panel(el).backgroundColor).to.equal(dark);
  });
});
