/**
 * The smaller demo pages (demo/*.html beyond the help article) load the built bundle and work: the dark
 * docs site, the strict-CSP page, two widgets on one page, and a host with its own hash router.
 */
import { expect } from '@open-wc/testing';
import codesJson from '../../data/codes.json';
import wizardJson from '../../data/wizard.json';
import causesJson from '../../data/causes.json';
import type { CausesData, CodesData, WizardGraph } from '../../src/core/types.js';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { es } from '../../src/i18n/es.js';
import { buttonByText, click, headingText, openPage, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const wizard = wizardJson as WizardGraph;
const codes = codesJson as CodesData;
const entry = (code: string) => codes.replyCodes.find((c) => c.code === code)!;
const firstCause = (causesJson as CausesData).causes.find((c) => c.id === entry('550').causes[0])!;
const codeInput = wizard.nodes.find((n) => n.id === 'enter-code')!;

/**
 * Demo pages carry no test probe (test/e2e/pages/probe.js), so problems are recorded from load on:
 * console errors and warnings, uncaught errors and CSP violations while the test drives the page.
 */
function watch(page: HostPage): string[] {
  const seen: string[] = [];
  const win = page.win;
  win.addEventListener('error', (e) => seen.push(`uncaught: ${e.message}`));
  win.addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${e.reason}`));
  page.doc.addEventListener('securitypolicyviolation', (e) => seen.push(`CSP: ${e.violatedDirective}`));
  for (const level of ['error', 'warn'] as const) {
    const original = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => {
      seen.push(`console.${level}: ${args.join(' ')}`);
      original(...args);
    };
  }
  return seen;
}

/** The page loaded with the widget defined and upgraded (no element left undefined). */
async function load(url: string): Promise<{ page: HostPage; problems: string[] }> {
  const page = await openPage(url);
  expect(page.doc.querySelectorAll('bounce-wizard:not(:defined)')).to.have.length(0);
  return { page, problems: watch(page) };
}

const visible = (page: HostPage, route: string) => !page.doc.querySelector<HTMLElement>(`[data-route="${route}"]`)!.hidden;

/** Relative luminance-ish brightness of a computed `rgb()` colour, 0 to 255. */
function brightness(color: string): number {
  const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.map(Number);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

let page: HostPage | undefined;
afterEach(() => page?.close());

describe('demo pages', () => {
  it('index links each demo page', async () => {
    ({ page } = await load('/demo/index.html'));
    for (const name of ['docs-dark.html', 'csp.html', 'two-widgets.html', 'hash-router.html']) {
      expect(page.doc.querySelector(`a[href="${name}"]`), name).not.to.equal(null);
    }
  });

  it('docs-dark: a dark widget on a dark docs page, usable', async () => {
    let problems: string[];
    ({ page, problems } = await load('/demo/docs-dark.html'));
    const el = await widget(page);
    expect(headingText(el)).to.equal(codeInput.title);
    const panel = el.shadowRoot!.querySelector('[part~="panel"]')!;
    expect(brightness(page.win.getComputedStyle(panel).backgroundColor)).to.be.below(80);
    expect(brightness(page.win.getComputedStyle(panel).color)).to.be.above(170);
    expect(problems).to.deep.equal([]);
  });

  it('csp: the page is locked down (no eval) and the widget still looks a code up', async () => {
    let problems: string[];
    ({ page, problems } = await load('/demo/csp.html'));
    const refused = new Promise((resolve) => page!.doc.addEventListener('securitypolicyviolation', resolve, { once: true }));
    expect(() => page!.win.eval('1')).to.throw();
    await refused;
    await new Promise((resolve) => setTimeout(resolve, 50));
    problems.length = 0; // the refused eval above is the test's own violation, reported a moment later
    const el = await widget(page);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;
    input.value = '550';
    input.dispatchEvent(new Event('input'));
    input.form!.requestSubmit();
    await waitForHeading(el, entry('550').title);
    expect(problems).to.deep.equal([]);
  });

  it('two-widgets: each keeps its own code, language and steps', async () => {
    let problems: string[];
    ({ page, problems } = await load('/demo/two-widgets.html'));
    const [left, right] = [await widget(page, '#permanent'), await widget(page, '#temporary')];
    expect(headingText(left)).to.equal(entry('550').title);
    const panelLabel = (el: BounceWizard) => el.shadowRoot!.querySelector('[part~="panel"]')!.getAttribute('aria-label');
    await waitFor(() => panelLabel(right) === es.widgetLabel, 'the Spanish widget');
    expect(panelLabel(left)).not.to.equal(es.widgetLabel);
    expect(right.shadowRoot!.querySelector('[part~="code-badge"]')!.textContent!.trim()).to.equal('421');
    await click(buttonByText(left, firstCause.title));
    await waitForHeading(left, firstCause.title);
    expect(right.shadowRoot!.querySelector('[part~="diagnosis"]')).to.equal(null);
    expect(problems).to.deep.equal([]);
  });

  it("hash-router: the host's routes and the widget's steps share the address without breaking each other", async () => {
    let problems: string[];
    ({ page, problems } = await load('/demo/hash-router.html#/troubleshooting&bounce=550'));
    expect(visible(page, '/troubleshooting')).to.equal(true);
    const el: BounceWizard = await widget(page);
    expect(headingText(el)).to.equal(entry('550').title);

    await click(buttonByText(el, firstCause.title));
    await waitForHeading(el, firstCause.title);
    expect(page.win.location.hash).to.equal(`#/troubleshooting&bounce=550/${firstCause.id}`);
    expect(visible(page, '/troubleshooting')).to.equal(true);

    await click(page.doc.querySelector('a[href="#/billing"]')!);
    await waitFor(() => visible(page!, '/billing'), 'the billing route');
    expect(visible(page, '/troubleshooting')).to.equal(false);

    page.win.history.back();
    await waitFor(() => visible(page!, '/troubleshooting'), 'the troubleshooting route again');
    await waitForHeading(el, firstCause.title);

    page.win.history.back();
    await waitForHeading(el, entry('550').title);
    expect(visible(page, '/troubleshooting')).to.equal(true);
    expect(page.win.location.hash).to.equal('#/troubleshooting&bounce=550');
    expect(problems).to.deep.equal([]);
  });
});
