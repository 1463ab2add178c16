import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../define.js';
import type { BounceWizard, BwCopyDetail } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { $, $$, accessible, button, live } from './test-helpers.js';

const unknownRecipient = builtinCatalog.causeById.get('recipient-unknown')!;

// An own property shadows the real clipboard, which needs a permission headless Chromium does not grant.
const fakeClipboard = (writeText: (text: string) => Promise<void>) =>
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });

async function diagnosisFor550(): Promise<BounceWizard> {
  const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
  $$(el, 'button.cause').find((b) => b.textContent!.includes(unknownRecipient.title))!.click();
  await el.updateComplete;
  return el;
}

const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`);

describe('<bounce-wizard> copy diagnosis', () => {
  afterEach(() => delete (navigator as { clipboard?: unknown }).clipboard);

  it('copies code, cause, what happened, numbered fixes and the link, and fires bw-copy', async () => {
    let copied = '';
    fakeClipboard(async (text) => void (copied = text));
    const el = await diagnosisFor550();
    const event = oneEvent(el, 'bw-copy');
    button(el, 'Copy diagnosis').click();
    const { detail } = (await event) as CustomEvent<BwCopyDetail>;
    await el.updateComplete;
    const lines = copied.split('\n');
    expect(lines.slice(0, 3)).to.deep.equal([
      'Error code: 550',
      `Likely cause: ${unknownRecipient.title}`,
      `What happened: ${unknownRecipient.summary}`,
    ]);
    expect(lines.slice(3, 4 + unknownRecipient.fixes.length)).to.deep.equal(['How to fix it:', ...numbered(unknownRecipient.fixes)]);
    expect(copied).not.to.contain('From the bounce');
    expect(new URL(lines.at(-1)!.replace('Troubleshooter link: ', '')).searchParams.get('bounce')).to.equal('550/recipient-unknown');
    expect(detail).to.deep.equal({ url: lines.at(-1)!.replace('Troubleshooter link: ', ''), kind: 'diagnosis', text: copied });
    expect($(el, '[part="diagnosis"] .actions')!.textContent).to.include('Diagnosis copied');
    expect(live(el)).to.equal('Diagnosis copied');
  });

  it('shows the summary to copy by hand when the clipboard refuses, and fires nothing', async () => {
    fakeClipboard(() => Promise.reject(new Error('denied')));
    const el = await diagnosisFor550();
    let fired = false;
    el.addEventListener('bw-copy', () => (fired = true));
    button(el, 'Copy diagnosis').click();
    await waitUntil(() => $(el, '.fallback'), 'no fallback shown');
    const shown = $(el, '.fallback')!.textContent!;
    expect(shown).to.contain(`Likely cause: ${unknownRecipient.title}`);
    expect(shown).to.contain(`1. ${unknownRecipient.fixes[0]}`);
    expect($(el, '[part="diagnosis"] .actions')!.textContent).to.include('paste it into your ticket');
    expect(fired).to.equal(false);
    await accessible(el);
  });

  it('adds the pasted code and the evidence lines when "This is it" opened the card from a paste', async () => {
    let copied = '';
    fakeClipboard(async (text) => void (copied = text));
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    button(el, 'Paste the bounce message').click();
    await el.updateComplete;
    $<HTMLTextAreaElement>(el, 'textarea')!.value = 'Delivery failed: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown';
    button(el, 'Diagnose').click();
    await waitUntil(() => $(el, 'section.view'), 'the diagnosis did not finish');
    await el.updateComplete;
    button(el, 'This is it').click();
    await el.updateComplete;
    button(el, 'Copy diagnosis').click();
    await waitUntil(() => copied, 'nothing copied');
    expect(copied).to.match(/^Error code: 550 5\.1\.1\n/);
    const evidence = copied.split('\n').filter((line) => line.startsWith('> '));
    expect(evidence.length).to.be.greaterThan(0);
    expect(evidence.join('\n')).to.contain('User unknown');
    expect(copied.indexOf('From the bounce:')).to.be.greaterThan(copied.indexOf('How to fix it:'));

    // Another card, reached without the paste, must not carry its evidence.
    el.showCode('550');
    await el.updateComplete;
    $$(el, 'button.cause').find((b) => b.textContent!.includes(unknownRecipient.title))!.click();
    await el.updateComplete;
    copied = '';
    button(el, 'Copy diagnosis').click();
    await waitUntil(() => copied, 'nothing copied');
    expect(copied).not.to.contain('From the bounce');
  });
});
