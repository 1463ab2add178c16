/**
 * The built classic script sharing a page: two widgets stay independent, another Lit component keeps
 * working, and a second, different version of the widget on the page is named once in the console.
 */
import { expect } from '@open-wc/testing';
import codesJson from '../../data/codes.json';
import wizardJson from '../../data/wizard.json';
import causesJson from '../../data/causes.json';
import type { CausesData, CodesData, WizardGraph } from '../../src/core/types.js';
import { VERSION } from '../../src/version.js';
import { en } from '../../src/i18n/en.js';
import { buttonByText, click, headingText, openPage, optionLabel, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const wizard = wizardJson as WizardGraph;
const entry550 = (codesJson as CodesData).replyCodes.find((c) => c.code === '550')!;
const firstCause = (causesJson as CausesData).causes.find((c) => c.id === entry550.causes[0])!;
const startNode = wizard.nodes.find((n) => n.id === wizard.start)!;
const afterNoCode = wizard.nodes.find(
  (n) => startNode.type === 'question' && n.id === startNode.options.find((o) => o.id === 'no-code')?.next,
)!;

/** The host's own Lit copy runs in development mode in the test server, and says so; nothing else may be logged. */
const hostLitNotices = (problem: string) => /Lit is in dev mode|Multiple versions of Lit loaded/.test(problem);

let page: HostPage | undefined;
afterEach(() => page?.close());

describe('the widget sharing a page', () => {
  it('keeps two widgets independent: each answers its own clicks and fires its own events', async () => {
    page = await openPage('/test/e2e/pages/coexist.html');
    const guided = await widget(page, '#guided');
    const atCode = await widget(page, '#at-code');
    expect(headingText(guided)).to.equal(startNode.title);
    expect(headingText(atCode)).to.equal(entry550.title);
    const seen: string[] = [];
    page.doc.addEventListener('bw-step', (event) => seen.push((event.target as Element).id));

    await click(buttonByText(atCode, firstCause.title));
    await waitForHeading(atCode, firstCause.title);
    expect(headingText(guided)).to.equal(startNode.title);

    await click(optionLabel(guided, 'no-code'));
    await click(buttonByText(guided, en.continue));
    await waitForHeading(guided, afterNoCode.title);
    expect(headingText(atCode)).to.equal(firstCause.title);
    expect(seen).to.deep.equal(['at-code', 'guided']);
    expect(page.problems().filter((p) => !hostLitNotices(p))).to.deep.equal([]);
  });

  it("leaves the host's own Lit component working and styled as its author wrote it", async () => {
    page = await openPage('/test/e2e/pages/coexist.html');
    await widget(page, '#guided');
    const tally = await waitFor(() => page!.doc.querySelector('host-tally')?.shadowRoot?.querySelector('button'), 'the host component');
    expect(getComputedStyle(tally).color).to.equal('rgb(0, 128, 0)');
    expect(getComputedStyle(tally).fontSize).to.equal('19px');
    await click(tally);
    await waitFor(() => tally.textContent?.trim() === 'Clicked 1', 'the host component to count the click');
    expect(page.problems().filter((p) => !hostLitNotices(p))).to.deep.equal([]);
  });

  it('names both versions once when another version registered the tag first, and does not throw', async () => {
    page = await openPage('/test/e2e/pages/other-version.html');
    // Two copies of this version loaded after 0.0.1: one warning between them, no uncaught error.
    expect(page.problems()).to.have.length(1);
    const [warning] = page.problems();
    expect(warning).to.match(/^console\.warn: /);
    expect(warning).to.contain('0.0.1');
    expect(warning).to.contain(VERSION);
    expect((page.win.customElements.get('bounce-wizard') as unknown as { version: string }).version).to.equal('0.0.1');
  });
});
