/**
 * "Check my domain" in the built ES bundle on a plain host page, driven with the real mouse and keyboard,
 * against the dev server's DNS JSON stub (/test-doh/, scenario zones of test/dns/scenarios.json).
 */
import { expect } from '@open-wc/testing';
import causesJson from '../../data/causes.json';
import type { CausesData } from '../../src/core/types.js';
import { en } from '../../src/i18n/en.js';
import { buttonByText, click, headingText, openPage, typeText, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const title = (id: string) => (causesJson as CausesData).causes.find((c) => c.id === id)!.title;

/** Files of the widget's ES build the page has fetched so far. */
const fetched = (page: HostPage) =>
  page.win.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/bounce-wizard'));

let page: HostPage | undefined;
afterEach(() => page?.close());

describe('Check my domain in the built bundle', () => {
  it('loads the DNS chunk on the first check, shows the findings, and orders the code’s causes by them', async () => {
    page = await openPage('/test/e2e/pages/dns-check.html');
    const el = await widget(page);
    el.setAttribute('dns-resolver', `${location.origin}/test-doh/missing-spf`);
    await el.updateComplete;
    expect(fetched(page).some((n) => n.includes('domain-check'))).to.equal(false, 'nothing of the check before it is opened');

    await click(buttonByText(el, en.dns.open));
    await waitFor(() => el.shadowRoot!.querySelector('#dns-domain'), 'the form');
    expect(fetched(page).some((n) => n.includes('domain-check'))).to.equal(true);
    await click(el.shadowRoot!.querySelector('#dns-domain')!);
    await typeText('example.com');
    await click(buttonByText(el, en.dns.check));
    await waitForHeading(el, en.dns.resultTitle('example.com'));
    const titles = [...el.shadowRoot!.querySelectorAll('.finding-title')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(titles.some((t) => t.endsWith('No SPF record'))).to.equal(true, titles.join(' | '));

    await click(buttonByText(el, en.back));
    await waitFor(() => el.shadowRoot!.querySelector('.dns-ordered'), 'the note on the reordered causes');
    const causes = [...el.shadowRoot!.querySelectorAll('button.cause')].map((b) => b.textContent!.trim());
    expect(causes[0]).to.equal(title('auth-spf-failed'));
    expect(headingText(el)).to.not.equal(en.dns.title);
    expect(page.problems()).to.deep.equal([]);
  });
});
