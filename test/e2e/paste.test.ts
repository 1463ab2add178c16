/**
 * Pasting a bounce into the built classic script (dist/bounce-wizard.iife.js) on a plain host page: the
 * project's own fixtures, in the shapes of several mail systems, go in through the browser's editing
 * pipeline (as a paste does), Diagnose is pressed with the real mouse, and the diagnosis and the lines it
 * relied on must be on screen. A hostile paste must stay text.
 */
import { expect } from '@open-wc/testing';
import causesJson from '../../data/causes.json';
import type { CausesData } from '../../src/core/types.js';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { en } from '../../src/i18n/en.js';
import { buttonByText, click, codeBadgeText, headingText, openPage, typeText, waitFor, widget, type HostPage } from './harness.js';

const causes = (causesJson as CausesData).causes;

/** A fixture as the dev server serves it from the repository (test/node/fixtures/bounces). */
async function fixture(name: string): Promise<string> {
  const response = await fetch(`/test/node/fixtures/bounces/${name}`);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return response.text();
}

const shadow = (el: BounceWizard) => el.shadowRoot!;
const textarea = (el: BounceWizard) => {
  const box = shadow(el).querySelector('textarea');
  if (!box) throw new Error('No paste box on screen.');
  return box;
};

/**
 * Focuses the box with a real click, then inserts `text` the way a paste does: through the editing
 * pipeline, which fires `input` (typing a whole message key by key would take minutes).
 */
async function paste(page: HostPage, el: BounceWizard, text: string): Promise<void> {
  await click(textarea(el));
  expect(shadow(el).activeElement).to.equal(textarea(el));
  page.doc.execCommand('insertText', false, text);
  expect(textarea(el).value).to.equal(text.replace(/\r\n?/g, '\n'));
}

async function diagnosePaste(page: HostPage, el: BounceWizard, text: string): Promise<void> {
  await paste(page, el, text);
  await click(buttonByText(el, en.paste.diagnose));
  await waitFor(() => shadow(el).querySelector('#paste-title'), 'the result of the paste');
}

const evidenceLines = (el: BounceWizard) => [...shadow(el).querySelectorAll('.evidence li')].map((li) => li.textContent ?? '');
const markedParts = (el: BounceWizard) => [...shadow(el).querySelectorAll('.evidence mark')].map((m) => m.textContent ?? '');
const recipientsShown = (el: BounceWizard) => [...shadow(el).querySelectorAll('.recipients .address')].map((a) => a.textContent?.trim());

let page: HostPage | undefined;
afterEach(() => page?.close());

describe('pasting a bounce into the built bundle', () => {
  const cases: { file: string; system: string; category: string; code: string; recipients: string[]; words: RegExp }[] = [
    { file: 'postfix.eml', system: 'Postfix (raw MIME)', category: 'mailboxfull', code: '552 5.2.2', recipients: ['dave@example.net'], words: /5\.2\.2/ },
    { file: 'exim.txt', system: 'Exim', category: 'blocked', code: '554 5.7.1', recipients: ['frank@example.com'], words: /spamhaus/i },
    { file: 'exchange-ndr.txt', system: 'Exchange / Microsoft 365', category: 'hostunknown', code: '550 5.4.310', recipients: ['mallory@example.com'], words: /does not exist/ },
    { file: 'gmail.txt', system: 'Gmail', category: 'authfailure', code: '550 5.7.26', recipients: ['peggy@example.net'], words: /unauthenticated|authenticate/ },
    { file: 'multi-recipient.eml', system: 'RFC 3464 report with a base64 part', category: 'userunknown', code: '550 5.1.1', recipients: ['yvonne@example.com', 'zoe@example.net'], words: /User unknown/ },
  ];

  for (const want of cases) {
    it(`diagnoses ${want.file} (${want.system}) and shows the lines it read`, async () => {
      page = await openPage('/test/e2e/pages/paste.html');
      const el = await widget(page);
      await diagnosePaste(page, el, await fixture(want.file));

      const titles = causes.filter((c) => c.category === want.category).map((c) => c.title);
      expect(titles, `the heading names a cause of ${want.category}`).to.include(headingText(el));
      expect(codeBadgeText(el)).to.equal(want.code);
      expect(recipientsShown(el)).to.deep.equal(want.recipients);
      const lines = evidenceLines(el);
      expect(lines.some((l) => want.words.test(l)), `evidence: ${JSON.stringify(lines)}`).to.equal(true);
      // The code the diagnosis rests on is highlighted in the evidence.
      expect(markedParts(el)).to.include(want.code.split(' ')[1]);
      expect(page.problems().join('\n')).to.equal('');
    });
  }

  it('diagnoses a single error line typed with the real keyboard', async () => {
    page = await openPage('/test/e2e/pages/paste.html');
    const el = await widget(page);
    const line = (await fixture('error-line.txt')).trim();
    await click(textarea(el));
    await typeText(line);
    await click(buttonByText(el, en.paste.diagnose));
    await waitFor(() => shadow(el).querySelector('#paste-title'), 'the result of the paste');
    expect(causes.filter((c) => c.category === 'blocked').map((c) => c.title)).to.include(headingText(el));
    expect(evidenceLines(el).join('\n')).to.contain('5.7.1');
  });

  it('shows an auto-reply as not a bounce', async () => {
    page = await openPage('/test/e2e/pages/paste.html');
    const el = await widget(page);
    await diagnosePaste(page, el, await fixture('vacation.eml'));
    expect(headingText(el)).to.equal(en.paste.notBounce.vacation.title);
  });

  it('renders a hostile HTML and script paste as text: nothing runs, nothing is injected', async () => {
    page = await openPage('/test/e2e/pages/paste.html');
    const el = await widget(page);
    const win = page.win as typeof page.win & { __pwned?: number };
    const hostile = [
      '550 5.7.1 <img src=x onerror="window.__pwned=1"> rejected: <script>window.__pwned=2</script>',
      '<svg onload="window.__pwned=3"></svg><iframe src="javascript:window.__pwned=4"></iframe>',
      '<a href="javascript:window.__pwned=5">x</a><style>*{display:none}</style>',
    ].join('\n');
    const scripts = page.doc.scripts.length;
    await diagnosePaste(page, el, hostile);
    // Give an injected handler or a lazily loaded image the time to fire.
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(win.__pwned).to.equal(undefined);
    expect(shadow(el).querySelectorAll('img, svg, iframe, script, a[href^="javascript"]').length).to.equal(0);
    expect(shadow(el).querySelectorAll('.evidence *:not(li):not(mark)').length).to.equal(0);
    expect(page.doc.querySelectorAll('img, svg, iframe').length).to.equal(0);
    expect(page.doc.scripts.length).to.equal(scripts);
    // The markup shows as the characters that were pasted.
    expect(evidenceLines(el).join('\n')).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(page.problems().join('\n')).to.equal('');
  });
});
