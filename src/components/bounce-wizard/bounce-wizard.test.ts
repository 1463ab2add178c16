import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { BounceWizard } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { createCatalog } from '../../core/catalog.js';
import { accessible } from './test-helpers.js';

const root = (el: BounceWizard) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: BounceWizard, selector: string) => root(el).querySelector<T & Element>(selector);
const $$ = (el: BounceWizard, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const heading = (el: BounceWizard) => $(el, '.view .heading')!.textContent!.trim();
const stepsText = (el: BounceWizard) => $(el, '[part="steps"] span')!.textContent!.trim();
const node = (id: string) => builtinCatalog.nodeById.get(id)!;
const cause = (id: string) => builtinCatalog.causeById.get(id)!;

function buttonNamed(el: BounceWizard, name: string): HTMLButtonElement {
  const button = $$(el, 'button').find((b) => b.textContent!.trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button as HTMLButtonElement;
}

async function click(el: BounceWizard, name: string) {
  buttonNamed(el, name).click();
  await el.updateComplete;
}

async function answer(el: BounceWizard, optionId: string) {
  $<HTMLInputElement>(el, `input[type="radio"][value="${optionId}"]`)!.click();
  await click(el, 'Continue');
}

async function lookUp(el: BounceWizard, text: string) {
  $<HTMLInputElement>(el, '#code')!.value = text;
  await click(el, 'Look up');
  // The first lookup waits for the providers' chunk; it ends on the code's entry or with a problem shown.
  await waitUntil(() => !$(el, '#code') || $(el, '#problem'), 'the lookup did not finish');
}

/** The buttons in the step navigation. */
const navButtons = (el: BounceWizard) => $$(el, 'nav button').map((b) => b.textContent!.trim());

// Start → "no code" → timing → straight away → which words → address → unknown address.
const GUIDED = ['no-code', 'at-once', 'address', 'unknown'];

describe('<bounce-wizard>', () => {
  it('renders the first question as a labelled radio group', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(heading(el)).to.equal(node('start').title);
    expect($(el, 'fieldset legend .heading')).to.exist;
    const radios = $$(el, 'input[type="radio"]');
    expect(radios.map((r) => (r as HTMLInputElement).value)).to.deep.equal(['has-code', 'no-code']);
    expect(navButtons(el)).to.deep.equal(['All codes']); // nothing to go back to on the first step
    await accessible(el);
  });

  it('walks a guided path to a diagnosis with ordered fixes and shows progress in words', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(stepsText(el)).to.match(/^Question 1 of up to \d+$/);
    await answer(el, GUIDED[0]);
    expect(heading(el)).to.equal(node('timing').title);
    expect(stepsText(el)).to.match(/^Question 2 of up to \d+$/);
    await accessible(el);
    for (const id of GUIDED.slice(1)) await answer(el, id);
    const card = $(el, '[part="diagnosis"]')!;
    expect(heading(el)).to.equal(cause('recipient-unknown').title);
    expect(stepsText(el)).to.equal('Result');
    const fixes = [...card.querySelectorAll('ol')[0].querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(fixes).to.deep.equal(cause('recipient-unknown').fixes);
    expect(card.textContent).to.include('Should you send it again?');
    for (const link of card.querySelectorAll('a')) {
      expect(link.getAttribute('rel')).to.equal('noopener');
      expect(link.getAttribute('target')).to.equal('_blank');
    }
    await accessible(el);
  });

  it('asks to pick an answer when Continue is pressed with none chosen', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await click(el, 'Continue');
    expect(heading(el)).to.equal(node('start').title);
    expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.include('problem');
    expect($(el, '#problem')!.textContent).to.include('Pick one');
    await accessible(el);
  });

  it('goes back one step and starts over', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await answer(el, 'no-code');
    await answer(el, 'at-once');
    await click(el, 'Back');
    expect(heading(el)).to.equal(node('timing').title);
    await click(el, 'Start over');
    expect(heading(el)).to.equal(node('start').title);
    expect(navButtons(el)).to.deep.equal(['All codes']);
  });

  it('opens at a code: code="550" lists several causes', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('550');
    expect($(el, '.badge.permanent')).to.exist;
    const causes = $$(el, 'button.cause').map((b) => b.textContent!.trim());
    expect(causes.length).to.be.greaterThan(2);
    expect(causes[0]).to.equal(cause('recipient-unknown').title);
    await accessible(el);

    el.code = '421';
    await el.updateComplete;
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('421');
    expect($(el, '.badge.temporary')).to.exist;
  });

  it('opens a cause from the code entry, and Narrow it down asks the code question', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
    await click(el, cause('auth-dmarc-failed').title);
    expect(heading(el)).to.equal(cause('auth-dmarc-failed').title);
    expect($(el, '[part="diagnosis"] [part="code-badge"]')!.textContent).to.equal('550');
    await accessible(el);
    await click(el, 'Back');
    await click(el, 'Narrow it down');
    expect(heading(el)).to.equal(node('ask-550').title);
  });

  it('looks up a pasted code: 550-5.7.26 leads with DMARC and shows both meanings', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard start="code"></bounce-wizard>`);
    expect(heading(el)).to.equal(node('enter-code').title);
    expect($(el, 'label[for="code"]')!.textContent).to.equal('Error code or error line');
    await accessible(el);
    await lookUp(el, '550-5.7.26');
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('550 5.7.26');
    expect(heading(el)).to.equal(builtinCatalog.statusByCode.get('X.7.26')!.title);
    expect($$(el, 'button.cause')[0].textContent!.trim()).to.equal(cause('auth-dmarc-failed').title);
    const terms = $$(el, 'dl.meanings dt').map((dt) => dt.textContent!);
    expect(terms[0]).to.include('Reply code 550');
    expect(terms[1]).to.include('Enhanced status code 5.7.26');
    await accessible(el);
  });

  it('explains an unknown but well-formed code by its first digits and offers the questions', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="5.7.99"></bounce-wizard>`);
    expect(root(el).textContent).to.include("We don't know this exact code, but codes starting with 5.7 mean");
    await click(el, 'Narrow it down');
    expect(heading(el)).to.equal(node('ask-x7').title);
  });

  it('keeps the reader on the code input with a friendly message for input that is not a code', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard start="code"></bounce-wizard>`);
    await lookUp(el, 'hello there');
    const input = $<HTMLInputElement>(el, '#code')!;
    expect(heading(el)).to.equal(node('enter-code').title);
    expect(input.value).to.equal('hello there');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.include('problem');
    expect($(el, '#problem')!.textContent!.length).to.be.greaterThan(20);
    await accessible(el);
    await lookUp(el, '');
    expect($(el, '#problem')!.textContent).to.include('Type or paste');
    await click(el, "I don't have a code");
    expect(heading(el)).to.equal(node('timing').title);
  });

  it('is driven by the keyboard: arrows move within the radio group, Enter continues', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    $<HTMLInputElement>(el, 'input[type="radio"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const checked = $<HTMLInputElement>(el, 'input:checked')!;
    expect(checked.value).to.equal('no-code');
    expect(root(el).activeElement === checked, 'the checked radio has focus').to.be.true;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal(node('timing').title);
    expect($<HTMLInputElement>(el, 'input:checked')).to.be.null; // a new question starts unanswered
  });

  it('moves focus to the new heading and announces it once, but not on first render', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(root(el).activeElement).to.be.null;
    expect($(el, '[role="status"]')!.textContent).to.equal('');
    await answer(el, 'no-code');
    const h = $(el, '.view .heading')!;
    expect(h.getAttribute('tabindex')).to.equal('-1');
    // Compared as a boolean: a failing equality on DOM nodes makes the runner serialise them and stall.
    expect(root(el).activeElement === h, 'the new heading has focus').to.be.true;
    expect($$(el, '[role="status"]')).to.have.length(1);
    expect($(el, '[role="status"]')!.textContent).to.equal(node('timing').title);
  });

  it('fires bw-step and bw-diagnosis for the reader’s steps only', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
    const steps: unknown[] = [];
    el.addEventListener('bw-step', (e) => steps.push(e.detail));
    el.code = '421'; // the host's own change: no event
    await el.updateComplete;
    el.code = '550';
    await el.updateComplete;
    expect(steps).to.have.length(0);

    const diagnosis = oneEvent(el, 'bw-diagnosis');
    await click(el, cause('recipient-unknown').title);
    expect(steps).to.deep.equal([
      { kind: 'diagnosis', code: '550', causeId: 'recipient-unknown', path: '550/recipient-unknown' },
    ]);
    const event = await diagnosis;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail).to.deep.equal({ causeId: 'recipient-unknown', category: cause('recipient-unknown').category, code: '550' });
    await click(el, 'Back');
    await click(el, 'Narrow it down');
    expect(steps.at(-1)).to.deep.equal({ kind: 'node', nodeId: 'ask-550', path: '550/ask' });
  });

  describe('copy link', () => {
    // An own property shadows the real clipboard, which needs a permission headless Chromium does not grant.
    const fakeClipboard = (writeText: (text: string) => Promise<void>) =>
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    afterEach(() => delete (navigator as { clipboard?: unknown }).clipboard);

    it('copies the deep link, says so and fires bw-copy', async () => {
      let copied = '';
      fakeClipboard(async (text) => void (copied = text));
      const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
      await click(el, cause('recipient-unknown').title);
      const event = oneEvent(el, 'bw-copy');
      buttonNamed(el, 'Copy link').click();
      const { detail } = await event;
      await el.updateComplete;
      expect(new URL(copied).searchParams.get('bounce')).to.equal('550/recipient-unknown');
      expect(detail).to.deep.equal({ url: copied, kind: 'link' });
      expect($(el, '[part="diagnosis"] .actions')!.textContent).to.include('Link copied');
    });

    it('shows the link to copy by hand when the clipboard refuses', async () => {
      fakeClipboard(() => Promise.reject(new Error('denied')));
      const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
      await click(el, cause('recipient-unknown').title);
      buttonNamed(el, 'Copy link').click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect($(el, '.fallback')!.textContent).to.include('bounce=550/recipient-unknown');
      await accessible(el);
    });
  });

  describe('url-sync', () => {
    const before = window.location.href;
    afterEach(() => window.history.replaceState(null, '', before));

    it('opens at ?bounce= and pushes one history entry per step, restoring on popstate', async () => {
      window.history.replaceState(null, '', '?keep=1&bounce=550');
      const el = await fixture<BounceWizard>(html`<bounce-wizard url-sync></bounce-wizard>`);
      expect($(el, '[part="code-badge"]')!.textContent).to.equal('550');
      const length = window.history.length;
      await click(el, 'Narrow it down');
      expect(window.history.length).to.equal(length + 1);
      expect(window.location.search).to.equal('?keep=1&bounce=550/ask');
      await answer(el, 'not-found');
      expect(window.history.length).to.equal(length + 2);
      expect(window.location.search).to.equal('?keep=1&bounce=550/ask/not-found');

      window.history.replaceState(null, '', '?keep=1&bounce=550/ask');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await el.updateComplete;
      expect(heading(el)).to.equal(node('ask-550').title);
      expect(window.history.length).to.equal(length + 2);
    });

    it('writes to the hash when the link came in the hash, and stops listening when removed', async () => {
      window.history.replaceState(null, '', '#bounce=start');
      const el = await fixture<BounceWizard>(html`<bounce-wizard url-sync></bounce-wizard>`);
      await answer(el, 'no-code');
      expect(window.location.hash).to.equal('#bounce=start/no-code');
      el.remove();
      window.history.replaceState(null, '', '#bounce=421');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await el.updateComplete;
      expect(heading(el)).to.equal(node('timing').title);
    });

    it('never renders a hostile value and says the link did not match', async () => {
      const hostile = encodeURIComponent('<img src=x onerror="window.pwned=1">');
      window.history.replaceState(null, '', `?bounce=${hostile}`);
      const el = await fixture<BounceWizard>(html`<bounce-wizard url-sync></bounce-wizard>`);
      expect(root(el).querySelector('img')).to.be.null;
      expect(root(el).innerHTML).not.to.include('onerror');
      expect(heading(el)).to.equal(node('start').title);
      expect($(el, '.notice')!.textContent).to.include("That link didn't match a step, so we started from the beginning.");
      await accessible(el);
      await click(el, 'Dismiss');
      expect($(el, '.notice')).to.be.null;
    });

    it('ignores the URL when url-sync is off', async () => {
      window.history.replaceState(null, '', '?bounce=550');
      const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
      expect(heading(el)).to.equal(node('start').title);
      await answer(el, 'no-code');
      expect(window.location.search).to.equal('?bounce=550');
    });
  });

  it('shows a friendly error panel with Start over when the catalog lacks a cause', async () => {
    const { data } = builtinCatalog;
    const broken = createCatalog({ ...data, causes: { causes: data.causes.causes.filter((c) => c.id !== 'delivery-expired') } });
    const el = await fixture<BounceWizard>(html`<bounce-wizard .catalog=${broken}></bounce-wizard>`);
    await answer(el, 'no-code');
    await answer(el, 'later');
    await answer(el, 'expired');
    expect(heading(el)).to.equal('Something went wrong');
    await accessible(el);
    await click(el, 'Start over');
    expect(heading(el)).to.equal(node('start').title);
  });

  it('has reset() and showCode() for the host', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    el.showCode('Remote server said: 552 5.2.2 mailbox full');
    await el.updateComplete;
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('552 5.2.2');
    el.reset();
    await el.updateComplete;
    expect(heading(el)).to.equal(node('start').title);
  });

  it('survives the define entry being loaded again', async () => {
    const defined = customElements.get('bounce-wizard');
    // A fresh URL makes the browser evaluate the entry a second time, as a second script tag would.
    await import(`../../define.ts?again=${Date.now()}`);
    expect(customElements.get('bounce-wizard')).to.equal(defined);
  });
});

describe('<bounce-wizard> progress bar', () => {
  const fill = (el: BounceWizard) => $<HTMLElement>(el, '.bar-fill')!.style.inlineSize;

  it('fills with the share of questions answered, and wholly at a diagnosis', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(fill(el)).to.equal('0%');
    const start = node(builtinCatalog.data.wizard.start);
    if (start.type !== 'question') throw new Error('the graph does not start with a question');
    await answer(el, start.options.find((o) => o.next && node(o.next).type === 'question')!.id);
    const [current, upTo] = stepsText(el).match(/\d+/g)!.map(Number);
    expect(fill(el)).to.equal(`${Math.round(((current - 1) / upTo) * 100)}%`);
    expect(parseFloat(fill(el))).to.be.greaterThan(0);
    el.showCode('cause:recipient-unknown');
    await el.updateComplete;
    expect(fill(el)).to.equal('100%');
  });
});
