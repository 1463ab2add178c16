import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { $, $$, accessible, button, heading, live } from './test-helpers.js';
import type { BounceWizard } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { builtinCatalogWithProviders } from '../../core/builtin-providers.js';
import { lookupCode } from '../../core/catalog.js';

const results = (el: BounceWizard) => $$(el, 'button.index-entry');
const resultCodes = (el: BounceWizard) => results(el).map((b) => b.querySelector('.code-badge')?.textContent ?? '');
const count = (el: BounceWizard) => $(el, '#index-count')!.textContent!.trim();
const { replyCodes, statusCodes } = builtinCatalog.data.codes;
const STANDARD_COUNT = replyCodes.length + 2 * statusCodes.length;

async function click(el: BounceWizard, name: string) {
  button(el, name).click();
  await el.updateComplete;
}

async function openIndex(el: BounceWizard) {
  button(el, 'All codes').click();
  await el.updateComplete;
}

async function search(el: BounceWizard, query: string) {
  const input = $<HTMLInputElement>(el, '#index-search')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function choose(el: BounceWizard, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** The index once the providers' chunk has loaded and put its rows in the list. */
async function indexWithProviders() {
  const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
  await openIndex(el);
  await waitUntil(() => $$(el, '#index-provider option').length > 2, 'provider data did not load');
  return el;
}

describe('<bounce-wizard> All codes', () => {
  it('opens from the first question as a labelled view, a page of results at a time', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await openIndex(el);
    expect(heading(el)).to.equal('All error codes');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.view .heading'));
    expect($(el, 'label[for="index-search"]')).to.exist;
    expect($(el, 'label[for="index-kind"]')).to.exist;
    expect($(el, 'label[for="index-provider"]')).to.exist;
    expect(results(el)).to.have.length(60);
    await accessible(el);
    await click(el, 'Show more');
    expect(results(el)).to.have.length(120);
    await accessible(el);
  });

  it('narrows the results as the reader types, and announces how many are left', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await openIndex(el);
    await search(el, '5.7.2');
    const codes = resultCodes(el);
    expect(codes.length).to.be.greaterThan(3);
    expect(codes.every((c) => c.startsWith('5.7.2'))).to.be.true;
    expect(count(el)).to.equal(`${codes.length} codes found`);
    expect(live(el)).to.equal(`${codes.length} codes found`);
    expect($(el, 'button.index-entry .badge.permanent')).to.exist;
    await search(el, 'qqqzzz');
    expect(results(el)).to.have.length(0);
    expect(live(el)).to.include('Nothing matches');
    await accessible(el);
  });

  it('filters by temporary or permanent', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await openIndex(el);
    await search(el, '4');
    await choose(el, '#index-kind', 'permanent');
    expect(results(el)).to.have.length(0);
    await search(el, '5.1');
    await choose(el, '#index-kind', 'temporary');
    expect(results(el)).to.have.length(0);
    await choose(el, '#index-kind', 'permanent');
    expect(results(el).length).to.be.greaterThan(3);
    expect(results(el).every((b) => b.querySelector('.badge.permanent'))).to.be.true;
  });

  it('opens the chosen code at its entry, and Back returns to the index', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    await openIndex(el);
    await search(el, '5.1.1');
    results(el)[0].click();
    await el.updateComplete;
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('5.1.1');
    expect(heading(el)).to.equal(builtinCatalog.statusByCode.get('X.1.1')!.title);
    await click(el, 'All codes');
    expect(heading(el)).to.equal('All error codes');
    await click(el, 'Back');
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('5.1.1');
  });

  it('loads provider rows on demand and filters by provider', async () => {
    const el = await indexWithProviders();
    expect(count(el)).to.equal(`${STANDARD_COUNT + builtinCatalogWithProviders.providers!.codes.length} codes found`);
    await choose(el, '#index-provider', 'apple');
    const apple = results(el);
    expect(apple.length).to.be.greaterThan(2);
    expect(apple.every((b) => b.textContent!.includes('Apple'))).to.be.true;
    await choose(el, '#index-provider', 'standard');
    expect(count(el)).to.equal(`${STANDARD_COUNT} codes found`);
    await accessible(el);
  });

  it("finds a provider token and opens the provider's meaning with its postmaster page", async () => {
    const el = await indexWithProviders();
    await search(el, 'tss04');
    expect(resultCodes(el)).to.deep.equal(['421 4.7.0 TSS04']);
    results(el)[0].click();
    await el.updateComplete;
    const expected = lookupCode(builtinCatalogWithProviders, 'TSS04');
    if (!expected.ok) throw new Error('TSS04 is not in the catalog');
    expect(heading(el)).to.equal(expected.value.title);
    const link = $<HTMLAnchorElement>(el, '.provider-note a')!;
    expect(link.href).to.equal(expected.value.provider!.postmaster);
    expect($(el, '.provider-note')!.textContent).to.include(expected.value.provider!.name);
    await accessible(el);
  });
});

describe('<bounce-wizard> All codes with url-sync', () => {
  const before = window.location.href;
  afterEach(() => window.history.replaceState(null, '', before));

  it('opens at ?bounce=index, writes it when opened, and links each code it opens', async () => {
    window.history.replaceState(null, '', '?bounce=index');
    const el = await fixture<BounceWizard>(html`<bounce-wizard url-sync></bounce-wizard>`);
    expect(heading(el)).to.equal('All error codes');
    await search(el, '552');
    results(el)[0].click();
    await el.updateComplete;
    expect(window.location.search).to.equal('?bounce=552');
    await click(el, 'All codes');
    expect(window.location.search).to.equal('?bounce=index');
  });
});

describe('<bounce-wizard> provider meanings', () => {
  it('shows the provider behind a pasted line with a token', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard start="code"></bounce-wizard>`);
    $<HTMLInputElement>(el, '#code')!.value = '421 4.7.0 [TSS04] Messages from 1.2.3.4 temporarily deferred';
    await click(el, 'Look up');
    await waitUntil(() => $(el, '.provider-note'), 'the provider was not shown');
    const found = lookupCode(builtinCatalogWithProviders, 'TSS04');
    if (!found.ok) throw new Error('TSS04 is not in the catalog');
    expect(heading(el)).to.equal(found.value.title);
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('421 4.7.0');
    expect(el.shadowRoot!.textContent).to.include(found.value.summary);
    expect($<HTMLAnchorElement>(el, '.provider-note a')!.href).to.equal(found.value.provider!.postmaster);
    await accessible(el);
  });

  it('reads a code given by the host again once the providers are known', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="421 4.7.0 [TSS04] deferred"></bounce-wizard>`);
    await waitUntil(() => $(el, '.provider-note'), 'the provider was not shown');
    expect($(el, '.provider-note')!.textContent).to.include('Yahoo');
  });
});
