/**
 * What a support team's page does with the built classic script: counts what readers hit through the events,
 * drives the widget through its methods, sends readers to its own desk with a summary, and adds its own codes.
 */
import { expect } from '@open-wc/testing';
import wizardJson from '../../data/wizard.json';
import causesJson from '../../data/causes.json';
import codesJson from '../../data/codes.json';
import overlay from '../fixtures/catalog-overlay.json';
import type { CausesData, CodesData, WizardGraph } from '../../src/core/types.js';
import type { BwDiagnosisDetail, BwStepDetail, BwSupportDetail } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { en } from '../../src/i18n/en.js';
import { click, openPage, waitFor, waitForHeading, widget } from './harness.js';

const wizard = wizardJson as WizardGraph;
const startTitle = wizard.nodes.find((n) => n.id === wizard.start)!.title;
const unknownRecipient = (causesJson as CausesData).causes.find((c) => c.id === 'recipient-unknown')!;
const reply421 = (codesJson as CodesData).replyCodes.find((c) => c.code === '421')!;
const hostCode = overlay.codes.replyCodes[0];

/** Every `type` event that reaches the host page's document, in order. */
function record<T>(doc: Document, type: string): T[] {
  const seen: T[] = [];
  doc.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

const causeButton = (el: Element, title: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.cause')].find((b) => b.textContent!.includes(title));

describe('the host API of the built bundle', () => {
  it('fires bw-step and bw-diagnosis, bubbling out of the shadow root, for the reader\'s own steps only', async () => {
    const page = await openPage('/test/e2e/pages/host-api.html');
    const el = await widget(page);
    const steps = record<BwStepDetail>(page.doc, 'bw-step');
    const diagnoses = record<BwDiagnosisDetail>(page.doc, 'bw-diagnosis');
    el.showCode('550 5.1.1');
    await waitFor(() => causeButton(el, unknownRecipient.title), 'the causes of 5.1.1');
    expect(steps, 'a host call is not counted as a reader step').to.deep.equal([]);
    await click(causeButton(el, unknownRecipient.title)!);
    await waitForHeading(el, unknownRecipient.title);
    expect(steps.at(-1)).to.include({ kind: 'diagnosis', causeId: 'recipient-unknown', code: '550-5.1.1' });
    expect(diagnoses).to.deep.equal([{ causeId: 'recipient-unknown', category: unknownRecipient.category, code: '550-5.1.1' }]);
  });

  it('carries a summary to the host\'s desk in support-href, under support-label, and lets bw-support cancel it', async () => {
    const page = await openPage('/test/e2e/pages/host-api.html');
    const el = await widget(page);
    el.showCode('cause:recipient-unknown');
    const link = await waitFor(() => el.shadowRoot!.querySelector<HTMLAnchorElement>('a.support'), 'the support link');
    expect(link.textContent!.trim()).to.equal('Ask our team');
    expect(link.href).to.match(/^mailto:help@example\.com\?subject=/);
    expect(decodeURIComponent(link.href)).to.contain(unknownRecipient.title);
    const asked: BwSupportDetail[] = [];
    page.doc.addEventListener('bw-support', (event) => {
      asked.push((event as CustomEvent<BwSupportDetail>).detail);
      event.preventDefault(); // the host opens its own chat instead of the mail client
    });
    await click(link);
    expect(asked).to.have.length(1);
    expect(asked[0].causeId).to.equal('recipient-unknown');
    expect(asked[0].summary).to.contain(unknownRecipient.summary);
    expect(page.problems()).to.deep.equal([]);
  });

  it('reset(), showCode() and diagnose() move the widget where the host says', async () => {
    const page = await openPage('/test/e2e/pages/host-api.html');
    const el = await widget(page);
    el.showCode('421');
    await waitForHeading(el, reply421.title);
    el.reset();
    await waitForHeading(el, startTitle);
    await el.diagnose('Remote server returned: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown');
    expect(el.shadowRoot!.querySelector('#paste-title'), 'the paste result').to.not.equal(null);
    expect(el.shadowRoot!.textContent).to.contain(unknownRecipient.title);
    expect(page.problems()).to.deep.equal([]);
  });

  it('adds the host\'s own codes from catalog-src, and says so plainly when that file is missing', async () => {
    const page = await openPage('/test/e2e/pages/host-api.html');
    const el = await widget(page);
    // A JSON file of the host's (the test server would turn a .json path into a module, so a blob stands in).
    el.setAttribute('catalog-src', URL.createObjectURL(new Blob([JSON.stringify(overlay)], { type: 'application/json' })));
    el.showCode(hostCode.code);
    await waitForHeading(el, hostCode.title);

    const other = page.doc.createElement('bounce-wizard');
    other.setAttribute('catalog-src', '/test/fixtures/no-such-catalog.json');
    page.doc.body.append(other);
    await waitFor(() => other.shadowRoot?.querySelector('.notice p'), 'the notice');
    expect(other.shadowRoot!.querySelector('.notice p')!.textContent).to.equal(en.catalogSrcFailed);
    await waitForHeading(other as typeof el, startTitle);
    // The built-in catalog still answers.
    (other as typeof el).showCode('421');
    await waitForHeading(other as typeof el, reply421.title);
  });
});
