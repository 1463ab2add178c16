/** The demo page (demo/index.html) as a visitor sees it: both widgets work and its deep links open them. */
import { expect } from '@open-wc/testing';
import codesJson from '../../data/codes.json';
import wizardJson from '../../data/wizard.json';
import type { CodesData, WizardGraph } from '../../src/core/types.js';
import { click, codeBadgeText, headingText, nextLoad, openPage, waitForHeading, widget, type HostPage } from './harness.js';

const codes = codesJson as CodesData;
const wizard = wizardJson as WizardGraph;
const titleOf = (list: CodesData['replyCodes'], code: string) => {
  const found = list.find((entry) => entry.code === code);
  if (!found) throw new Error(`data/codes.json has no ${code}`);
  return found.title;
};

function link(page: HostPage, href: string): HTMLAnchorElement {
  const found = page.doc.querySelector<HTMLAnchorElement>(`a[href="${href}"]`);
  if (!found) throw new Error(`The demo has no link to ${href}.`);
  return found;
}

describe('the demo page', () => {
  let page: HostPage;

  beforeEach(async () => {
    page = await openPage('/demo/index.html');
  });

  afterEach(() => page.close());

  it('shows the synced widget at the first question and the second one at 553', async () => {
    const [synced, fixed] = [...page.doc.querySelectorAll('bounce-wizard')];
    expect(synced.hasAttribute('url-sync')).to.equal(true);
    expect(headingText(await widget(page, 'bounce-wizard[url-sync]'))).to.equal(
      wizard.nodes.find((n) => n.id === wizard.start)!.title,
    );
    expect(fixed.getAttribute('code')).to.equal('553');
    const at553 = await widget(page, 'bounce-wizard[code="553"]');
    expect(headingText(at553)).to.equal(titleOf(codes.replyCodes, '553'));
    expect(codeBadgeText(at553)).to.equal('553');
  });

  it('opens the synced widget at 550 from the ?bounce=550 link', async () => {
    const navigated = nextLoad();
    await click(link(page, '?bounce=550#try'));
    page = await navigated;
    expect(new URL(page.win.location.href).search).to.equal('?bounce=550');
    const el = await widget(page, 'bounce-wizard[url-sync]');
    await waitForHeading(el, titleOf(codes.replyCodes, '550'));
    expect(codeBadgeText(el)).to.equal('550');
  });

  it('follows a #bounce= link without reloading the page', async () => {
    const el = await widget(page, 'bounce-wizard[url-sync]');
    await click(link(page, '#bounce=5.7.26'));
    await waitForHeading(el, titleOf(codes.statusCodes, 'X.7.26'));
    expect(codeBadgeText(el)).to.equal('5.7.26');
    // Same element instance: the hash change was handled in place, as a single-page host would need.
    expect(page.doc.querySelector('bounce-wizard[url-sync]')).to.equal(el);
  });
});
