/**
 * With the ES module, the first question renders from the copy the element carries, before the chunk with the catalog, the
 * core and the other views arrives; what the reader does meanwhile is done once it is here. The test server
 * holds that chunk back while the gate is closed (web-test-runner.config.mjs).
 */
import { expect } from '@open-wc/testing';
import wizardJson from '../../data/wizard.json';
import type { WizardGraph } from '../../src/core/types.js';
import { en } from '../../src/i18n/en.js';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { buttonByText, click, headingText, openPage, optionLabel, waitFor, waitForHeading, type HostPage } from './harness.js';

const wizard = wizardJson as WizardGraph;
const node = (id: string) => wizard.nodes.find((n) => n.id === id)!;
const start = node(wizard.start);
const firstAnswer = start.type === 'question' ? start.options[0] : null;

/**
 * The ES-module page under a URL no earlier test used, so its chunks are fetched again rather than taken from
 * the cache (web-test-runner.config.mjs). Its load event waits for the held chunk, so this does not.
 */
async function openHeld(query = ''): Promise<{ win: HostPage['win']; el: BounceWizard }> {
  const { win } = await openPage(`/__fresh/${Math.random().toString(36).slice(2)}/test/e2e/pages/module.html${query}`, { untilLoaded: false });
  const found = () => win.document.querySelector<BounceWizard>('bounce-wizard');
  const el = await waitFor(() => found()?.shadowRoot?.firstElementChild && found(), 'the widget');
  return { win, el };
}

const deferredLoaded = (win: Window) =>
  win.performance.getEntriesByType('resource').some((entry) => /bounce-wizard-deferred-/.test(entry.name) && (entry as PerformanceResourceTiming).responseEnd > 0);

describe('the first render, before the catalog arrives', () => {
  afterEach(() => fetch('/__gate/open'));

  it('shows the first question at once, and takes an answer given before the catalog is here', async () => {
    if (!firstAnswer?.next) throw new Error('the first question of data/wizard.json has no answer leading to a question');
    await fetch('/__gate/close');
    const { el, win } = await openHeld();
    await waitForHeading(el, start.title);
    expect(deferredLoaded(win), 'the deferred chunk is still held back').to.equal(false);
    expect(el.shadowRoot!.querySelector('.steps')?.textContent).to.match(/1/);

    await click(optionLabel(el, firstAnswer.id));
    await click(buttonByText(el, en.continue));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(headingText(el), 'still on the first question while the catalog is held').to.equal(start.title);

    await fetch('/__gate/open');
    await waitForHeading(el, node(firstAnswer.next).title);
    expect(win.__problems ?? []).to.deep.equal([]);
  });

  it('waits for the catalog, with a loading message, when it opens at a code', async () => {
    await fetch('/__gate/close');
    const { el, win } = await openHeld('?bounce=550');
    await waitFor(() => el.shadowRoot?.querySelector('.loading'), 'the loading message');
    expect(el.shadowRoot!.querySelector('.loading')!.textContent).to.equal(en.loading);
    await fetch('/__gate/open');
    await waitFor(() => headingText(el) && !el.shadowRoot?.querySelector('.loading'), 'the entry for 550');
    expect(win.__problems ?? []).to.deep.equal([]);
  });
});
