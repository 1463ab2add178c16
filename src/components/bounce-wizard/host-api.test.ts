import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { BounceWizard, BwSupportDetail } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { $, $$, accessible, button, heading } from './test-helpers.js';
import overlay from '../../../test/fixtures/catalog-overlay.json';

const startTitle = builtinCatalog.nodeById.get(builtinCatalog.data.wizard.start)!.title;
const unknownRecipient = builtinCatalog.causeById.get('recipient-unknown')!;
const NOTICE = "This help centre's own error codes couldn't be loaded, so the standard explanations are shown instead.";

const supportLink = (el: BounceWizard) => $<HTMLAnchorElement>(el, 'a.support');

/** At 5.1.1's entry, picks the unknown-recipient cause: a diagnosis card with a code. */
async function openDiagnosis(el: BounceWizard) {
  $$(el, 'button.cause').find((b) => b.textContent!.includes(unknownRecipient.title))!.click();
  await el.updateComplete;
}

/** The mailto field `name`, decoded (mailto: keeps `%20` for spaces, so URLSearchParams would be wrong about `+`). */
function mailtoField(href: string, name: string): string | undefined {
  const part = href.split('?')[1].split('&').find((p) => p.startsWith(`${name}=`));
  return part && decodeURIComponent(part.slice(name.length + 1));
}

/**
 * A URL serving `body` as JSON. The test server turns every `.json` file into a JS module (its esbuild
 * plugin has `json: true`), so a fetch of /test/fixtures/*.json would get JavaScript, not the file.
 */
function jsonUrl(body: string): string {
  return URL.createObjectURL(new Blob([body], { type: 'application/json' }));
}

/** Records warnings instead of printing them, so a test can say what was logged. */
function captureWarnings() {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('<bounce-wizard> support-href', () => {
  it('adds subject and body to a mailto link, keeping its cc', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="5.1.1" support-href="mailto:help@example.com?cc=desk@example.com"></bounce-wizard>`);
    expect(supportLink(el), 'no link before a diagnosis').to.equal(null);
    await openDiagnosis(el);
    const link = supportLink(el)!;
    expect(link.textContent!.trim()).to.equal('Contact support');
    expect(link.href).to.match(/^mailto:help@example\.com\?cc=desk@example\.com&subject=/);
    expect(link.hasAttribute('target')).to.equal(false);
    const body = mailtoField(link.href, 'body')!;
    expect(body).to.contain('5.1.1');
    expect(body).to.contain(unknownRecipient.title);
    expect(body).to.contain(unknownRecipient.summary);
    expect(body).to.contain('bounce=5.1.1');
    expect(mailtoField(link.href, 'subject')).to.contain('5.1.1');
    await accessible(el);
  });

  it('adds bw_summary to an https link and uses support-label', async () => {
    const el = await fixture<BounceWizard>(
      html`<bounce-wizard code="5.1.1" support-href="https://desk.example/new?topic=mail" support-label="Ask our team"></bounce-wizard>`,
    );
    await openDiagnosis(el);
    const link = supportLink(el)!;
    expect(link.textContent).to.contain('Ask our team');
    expect(link.target).to.equal('_blank');
    const url = new URL(link.href);
    expect(url.searchParams.get('topic')).to.equal('mail');
    expect(url.searchParams.get('bw_summary')).to.contain(unknownRecipient.title);
  });

  it('renders no link for a javascript: href', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="5.1.1" support-href="javascript:alert(1)"></bounce-wizard>`);
    await openDiagnosis(el);
    expect(el.shadowRoot!.querySelector('[part~="diagnosis"]')).to.not.equal(null);
    expect(supportLink(el)).to.equal(null);
    expect($$(el, 'a').some((a) => /^javascript:/i.test(a.getAttribute('href') ?? ''))).to.equal(false);
  });

  it('fires bw-support with the cause, the code and the summary; cancelling it keeps the link from opening', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="5.1.1" support-href="mailto:help@example.com"></bounce-wizard>`);
    await openDiagnosis(el);
    const events: CustomEvent<BwSupportDetail>[] = [];
    document.addEventListener('bw-support', (event) => {
      events.push(event);
      event.preventDefault();
    }, { once: true });
    const followed = supportLink(el)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    expect(followed).to.equal(false);
    expect(events).to.have.length(1);
    const { causeId, code, summary } = events[0].detail;
    expect([causeId, code]).to.deep.equal(['recipient-unknown', '5.1.1']);
    expect(summary).to.contain(unknownRecipient.title);
    expect(mailtoField(supportLink(el)!.href, 'body')).to.equal(summary.replace(/\n/g, '\r\n'));
  });

  it('offers the link on a pasted bounce without putting the pasted text in it', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard support-href="https://desk.example/new"></bounce-wizard>`);
    await el.diagnose('550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown');
    const summary = new URL(supportLink(el)!.href).searchParams.get('bw_summary')!;
    expect(summary).to.contain(unknownRecipient.title);
    expect(summary).to.contain('550');
    expect(summary).to.contain('bounce=cause:recipient-unknown');
    expect(summary).to.not.contain('someone@example.com');
    await accessible(el);
  });
});

describe('<bounce-wizard> catalog-src', () => {
  it('merges the host catalog over the built-in one', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard catalog-src=${jsonUrl(JSON.stringify(overlay))} code="559"></bounce-wizard>`);
    expect(heading(el)).to.equal('Acme Mail refused this sender');
    expect($(el, 'button.cause')!.textContent).to.contain('No Acme Mail mailbox has that address');
    expect($(el, '.notice')).to.equal(null);
    el.showCode('550');
    await el.updateComplete;
    expect(heading(el), 'built-in codes still answer').to.equal(builtinCatalog.replyByCode.get('550')!.title);
  });

  for (const [what, src] of [
    // Relative to the page, as a host would write it.
    ['a missing file', 'no-such-catalog.json'],
    ['malformed JSON', jsonUrl('{ "codes": { "replyCodes": [')],
    ['a catalog that breaks the schema', jsonUrl(JSON.stringify({ codes: { replyCodes: [{ ...overlay.codes.replyCodes[0], code: '5599' }] } }))],
  ]) {
    it(`falls back to the built-in catalog with a dismissable notice for ${what}`, async () => {
      const { warnings, restore } = captureWarnings();
      let el: BounceWizard;
      try {
        el = await fixture<BounceWizard>(html`<bounce-wizard catalog-src=${src}></bounce-wizard>`);
      } finally {
        restore();
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(src);
      expect($(el, '.notice p')!.textContent).to.equal(NOTICE);
      expect(heading(el)).to.equal(startTitle);
      await accessible(el);
      $<HTMLInputElement>(el, 'input[type="radio"][value="has-code"]')!.click();
      button(el, 'Continue').click();
      await el.updateComplete;
      expect(heading(el), 'the built-in questions still work').to.not.equal(startTitle);
      expect($(el, '.notice'), 'a step leaves the notice up').to.not.equal(null);
      button(el, 'Dismiss').click();
      await el.updateComplete;
      expect($(el, '.notice')).to.equal(null);
    });
  }

  it('lets a catalog property win over catalog-src', async () => {
    const el = await fixture<BounceWizard>(
      html`<bounce-wizard .catalog=${builtinCatalog} catalog-src=${jsonUrl(JSON.stringify(overlay))} code="559"></bounce-wizard>`,
    );
    expect($(el, '.notice')).to.equal(null);
    expect(heading(el)).to.not.equal('Acme Mail refused this sender');
  });
});
