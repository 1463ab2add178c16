import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { $, $$, accessible, button, heading, live } from './test-helpers.js';
import type { BounceWizard, BwDiagnosisDetail, BwStepDetail } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { lookupCode } from '../../core/catalog.js';
import { markEvidence } from '../../core/diagnose/evidence.js';
import { MAX_PASTE_CHARS } from './paste-reader.js';

const POSTFIX = `From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender

This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<nobody@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1
    <nobody@example.com>: Recipient address rejected: User unknown in virtual
    mailbox table (in reply to RCPT TO command)
`;

const VACATION = `From: Jane Doe <jane@example.com>
Subject: Out of Office: Quarterly report
Auto-Submitted: auto-replied

I am out of the office until Monday and will reply when I return.
`;

const HOSTILE = `<img src=x onerror=alert(1)>
<img src=x onerror="window.__bwPwned=1">
550 5.1.1 <script>window.__bwPwned=2</script> User unknown <b>bold</b>`;

/** Opens the paste view from the first question, pastes `text` and presses Diagnose, as a reader would. */
async function pasteAndDiagnose(el: BounceWizard, text: string) {
  button(el, 'Paste the bounce message').click();
  await el.updateComplete;
  $<HTMLTextAreaElement>(el, 'textarea')!.value = text;
  button(el, 'Diagnose').click();
  await waitUntil(() => $(el, 'section.view') || $(el, '#paste-problem'), 'the diagnosis did not finish', { timeout: 5000 });
  await el.updateComplete;
}

describe('<bounce-wizard> paste the bounce', () => {
  it('offers a labelled text box with a privacy line beside the first question', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    expect(heading(el)).to.equal(builtinCatalog.nodeById.get(builtinCatalog.data.wizard.start)!.title);
    button(el, 'Paste the bounce message').click();
    await el.updateComplete;
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(area.labels![0].textContent!.trim()).to.equal('Paste the bounce message or the error line');
    expect($(el, `#${area.getAttribute('aria-describedby')}`)!.textContent).to.equal('Nothing you paste leaves this page.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.view .heading'));
    await accessible(el);
  });

  it('diagnoses a Postfix bounce as an unknown recipient and marks what it relied on', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, POSTFIX);
    expect(heading(el)).to.equal(builtinCatalog.causeById.get('recipient-unknown')!.title);
    expect($(el, '.badges .code-badge')!.textContent!.trim()).to.equal('550 5.1.1');
    expect($(el, '.badges .badge:not(.code-badge)')!.textContent!.trim()).to.equal('Very likely');
    const recipients = $$(el, '.recipients li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(recipients).to.deep.equal(['nobody@example.com 550 5.1.1']);
    const line = $(el, '.evidence li')!;
    expect(line.textContent).to.contain('Recipient address rejected: User unknown in virtual mailbox table');
    const marks = [...line.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).to.include.members(['550', '5.1.1']);
    expect(marks.some((m) => /user unknown/i.test(m!))).to.equal(true);
    await accessible(el);
  });

  it('names the blocklist and the receiving server a bounce mentions, for whoever fixes it', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, POSTFIX.replace(
      /<nobody@example.com>: host[^]*$/,
      `<nobody@example.com>: host mx.example.com[192.0.2.10] said: 554 5.7.1
    Service unavailable; Client host [198.51.100.20] blocked using
    zen.spamhaus.org (in reply to RCPT TO command)
`,
    ));
    expect(heading(el)).to.equal(builtinCatalog.causeById.get('sender-blocklisted')!.title);
    const facts = $$(el, '[part="facts"] div').map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]);
    expect(facts).to.deep.equal([
      ['Blocklist named', 'zen.spamhaus.org'],
      ['Receiving server', 'mx.example.com'],
    ]);
    await accessible(el);
  });

  it('names nothing it did not find', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, '550 5.1.1 User unknown');
    expect($(el, '[part="facts"]')).to.equal(null);
    expect($(el, '.still-trying')).to.equal(null);
  });

  it('says a delay warning is not a bounce yet, and why the tries fail', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    const warning = [
      'Subject: Delivery Status Notification (Delay)',
      '',
      'Delivery to lou@slow.example.net is delayed. We will keep trying for another 45 hours.',
      'The response was: the recipient server did not accept our requests to connect.',
    ].join('\n');
    await pasteAndDiagnose(el, warning);
    expect($(el, '.still-trying')!.textContent).to.include('not a bounce yet');
    expect(heading(el)).to.equal(builtinCatalog.causeById.get('delivery-delayed')!.title);
  });

  it('renders a hostile paste as text only', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, HOSTILE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($$(el, '.view img, .view script, .view b')).to.have.length(0);
    expect((window as unknown as { __bwPwned?: number }).__bwPwned).to.equal(undefined);
    const lines = $$(el, '.evidence li').map((li) => li.textContent!);
    expect(lines.some((l) => l.includes('<script>window.__bwPwned=2</script>'))).to.equal(true);
  });

  it('says plainly when the paste is an auto-reply, not a bounce', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, VACATION);
    expect(heading(el)).to.equal('This is an automatic reply, not a bounce');
    expect($(el, '.evidence')).to.equal(null);
    expect(() => button(el, 'This is it')).to.throw();
    await accessible(el);
  });

  it('asks for text when the box is empty, and offers the questions when nothing is found', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, '   \n ');
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#paste-problem')!.textContent).to.match(/empty/i);
    expect(live(el)).to.equal($(el, '#paste-problem')!.textContent);

    area.value = 'Thanks for lunch yesterday, see you soon';
    button(el, 'Diagnose').click();
    await waitUntil(() => $(el, 'section.view'), 'no result');
    expect(heading(el)).to.equal("We couldn't find a bounce in that");
    button(el, 'Answer a few questions').click();
    await el.updateComplete;
    expect(heading(el)).to.equal(builtinCatalog.nodeById.get(builtinCatalog.data.wizard.start)!.title);
  });

  it('turns away a paste bigger than the cap without reading it', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await el.diagnose('x'.repeat(MAX_PASTE_CHARS + 1));
    expect($(el, '#paste-problem')!.textContent).to.contain('5 MB');
    expect($(el, 'section.view')).to.equal(null);
  });

  it('"This is it" opens the diagnosis card and fires bw-step and bw-diagnosis', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    const steps: BwStepDetail[] = [];
    el.addEventListener('bw-step', (e) => steps.push(e.detail));
    await pasteAndDiagnose(el, POSTFIX);
    expect(steps.map((s) => s.kind)).to.deep.equal(['paste', 'paste-result']);
    expect(steps[1]).to.include({ causeId: 'recipient-unknown', code: '550 5.1.1' });
    const diagnosed = oneEvent(el, 'bw-diagnosis');
    button(el, 'This is it').click();
    const detail = ((await diagnosed) as CustomEvent<BwDiagnosisDetail>).detail;
    expect(detail).to.include({ causeId: 'recipient-unknown', category: 'userunknown' });
    await el.updateComplete;
    expect($(el, '[part="diagnosis"]')).to.not.equal(null);
    expect(heading(el)).to.equal(builtinCatalog.causeById.get('recipient-unknown')!.title);
  });

  it('"Not quite" opens the entry of the code found, to narrow down', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await pasteAndDiagnose(el, POSTFIX);
    button(el, 'Not quite — ask me questions').click();
    await el.updateComplete;
    const lookup = lookupCode(builtinCatalog, '550 5.1.1');
    if (!lookup.ok) throw new Error('550 5.1.1 is in the catalog');
    expect(heading(el)).to.equal(lookup.value.title);
    expect($(el, '.code-badge')!.textContent!.trim()).to.equal('550 5.1.1');
  });

  it('diagnose() opens the paste view with the text and shows the result, firing no reader events', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    let fired = 0;
    el.addEventListener('bw-step', () => fired++);
    await el.diagnose('550 5.1.1 <a@example.com>: Recipient address rejected: User unknown');
    expect(heading(el)).to.equal(builtinCatalog.causeById.get('recipient-unknown')!.title);
    expect(fired).to.equal(0);
    button(el, 'Paste something else').click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
  });

  it('start="paste" opens on the text box, and Back leads to the first question', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard start="paste"></bounce-wizard>`);
    expect($(el, 'textarea')).to.not.equal(null);
    button(el, 'Back').click();
    await el.updateComplete;
    expect(heading(el)).to.equal(builtinCatalog.nodeById.get(builtinCatalog.data.wizard.start)!.title);
  });

  it('marks evidence without changing a character of it', () => {
    const line = 'said: 550 5.1.10 <x@example.com>: 5.1.1 Recipient address rejected: User unknown';
    const segments = markEvidence(line, { category: 'userunknown', replyCode: '550', status: '5.1.1' });
    expect(segments.map((s) => s.text).join('')).to.equal(line);
    // 5.1.10 is a different code; only the standalone 5.1.1 is marked.
    expect(segments.filter((s) => s.mark).map((s) => s.text)).to.include.members(['550', '5.1.1']);
    expect(segments.some((s) => s.mark && s.text.startsWith('5.1.10'))).to.equal(false);
  });
});
