/**
 * The classic script stays small by loading what only some readers need (another language, the providers'
 * codes) from self-contained files beside it. These tests load it from /dist/ into pages elsewhere, so a
 * path resolved against the page instead of the script would fail.
 */
import { expect } from '@open-wc/testing';
import providersJson from '../../data/providers.json';
import esWizard from '../../data/locales/es/wizard.json';
import esProvidersJson from '../../data/locales/es/providers.json';
import { es } from '../../src/i18n/es.js';
import type { ProvidersData } from '../../src/core/types.js';
import { headingText, openPage, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const loadedFiles = (page: HostPage) =>
  page.win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);

/** A Postfix-style bounce for `address`, its text base64-encoded in a part of `charset`. */
const base64Bounce = (charset: string, reply: string, ...headers: string[]) => {
  const address = /<([^>]+)>/.exec(reply)![1];
  return [
    'From: Mail Delivery System <MAILER-DAEMON@relay.example.org>',
    ...headers,
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
    'Content-Transfer-Encoding: base64',
    '',
    btoa(`<${address}>: host mx.example.net[192.0.2.8] ${reply} (in reply to RCPT TO command)\n`),
    '',
  ].join('\n');
};

describe('the classic script and the files beside it', () => {
  it('does not carry Spanish: an English page downloads none of it', async () => {
    const script = await (await fetch('/dist/bounce-wizard.iife.js')).text();
    expect(script).to.not.include(es.widgetLabel);
    expect(script).to.not.include(esWizard.nodes.start.title);
    const page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);
    await waitFor(() => headingText(el), 'the first question');
    expect(loadedFiles(page).filter((path) => path.includes('locale'))).to.deep.equal([]);
    expect(page.problems()).to.deep.equal([]);
  });

  it('loads Spanish from beside the script for a Spanish page', async () => {
    const page = await openPage('/test/e2e/pages/iife-es.html');
    const el = await widget(page);
    await waitForHeading(el, esWizard.nodes.start.title);
    expect(loadedFiles(page)).to.include('/dist/bounce-wizard.iife.locale-es.js');
    expect(page.problems()).to.deep.equal([]);
  });

  it('loads the providers\' codes from beside the script when a code needs them', async () => {
    const row = (providersJson as unknown as ProvidersData).codes.find((c) => c.id === 'google-450-4-2-1-relay-peak');
    if (!row?.replyCode || !row.status) throw new Error('data/providers.json has no google-450-4-2-1-relay-peak row with both codes');
    const page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);
    el.showCode(`${row.replyCode} ${row.status} ${row.text}`);
    await waitFor(() => el.shadowRoot?.textContent?.includes(row.title), `the provider's title "${row.title}"`);
    expect(loadedFiles(page)).to.include('/dist/bounce-wizard.iife.providers-data.js');
    expect(page.problems()).to.deep.equal([]);
  });
});

describe('the paste diagnosis beside the classic script', () => {
  it('loads the diagnosis from beside the script only when a bounce is pasted', async () => {
    const page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);
    await waitFor(() => headingText(el), 'the first question');
    const pasteFiles = () => loadedFiles(page).filter((path) => path.endsWith('.iife.diagnose.js'));
    expect(pasteFiles()).to.deep.equal([]);
    el.diagnose(base64Bounce('utf-8', 'said: 550 5.1.1 <ann@example.net>: Recipient address rejected: User unknown'));
    await waitFor(() => el.shadowRoot?.querySelector('.evidence'), 'the diagnosis of the pasted bounce');
    expect(el.shadowRoot!.querySelector('.recipients')!.textContent).to.include('ann@example.net');
    expect(pasteFiles()).to.deep.equal(['/dist/bounce-wizard.iife.diagnose.js']);
    expect(page.problems()).to.deep.equal([]);
  });

  // The build gives postal-mime smaller stand-ins for two of its modules (rollup.config.mjs, postalMimeTrims):
  // the built file must still read what only it reads, address headers included.
  it('loads the MIME library from beside the script for a message only the library reads', async () => {
    const page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);
    await waitFor(() => headingText(el), 'the first question');
    // A charset no browser knows: the widget's own reader leaves the message to the library.
    el.diagnose(base64Bounce('x-no-such-charset', 'said: 552 5.2.2 <cy@example.net>: Mailbox full', 'To: "Ann, Sales" <ann@example.org>, bob@example.org'));
    await waitFor(() => el.shadowRoot?.querySelector('.evidence'), 'the diagnosis of the pasted bounce');
    expect(el.shadowRoot!.querySelector('.recipients')!.textContent).to.include('cy@example.net');
    expect(el.shadowRoot!.querySelector('.evidence')!.textContent).to.include('5.2.2');
    expect(loadedFiles(page).filter((path) => path.endsWith('.iife.postal-mime.js'))).to.deep.equal(['/dist/bounce-wizard.iife.postal-mime.js']);
    expect(page.problems()).to.deep.equal([]);
  });
});

// The build writes these tables one array per field (rollup.config.mjs, columnarTables): the rows it rebuilds
// must be the file's, field for field, with no field added where a row has none.
describe('tables the build writes column by column', () => {
  const sameAsFile = async (built: string, file: object, pick: (m: Record<string, unknown>) => unknown) => {
    const { $schema: _schema, ...data } = file as Record<string, unknown>;
    const module = await import(built);
    expect(JSON.parse(JSON.stringify(pick(module)))).to.deep.equal(data);
  };

  it('rebuilds the providers\' codes as data/providers.json has them', async () => {
    await sameAsFile('/dist/bounce-wizard.iife.providers-data.js', providersJson, (m) => m.builtinProviders);
  });

  it('rebuilds their Spanish text as data/locales/es/providers.json has it', async () => {
    await sameAsFile('/dist/bounce-wizard.iife.locale-es-providers.js', esProvidersJson, (m) => m.spanishProviders);
  });
});
