/**
 * Drives a host page that embeds the built bundle, loaded in a full-window iframe, with real mouse and
 * keyboard input (Chromium's input pipeline via @web/test-runner-commands) rather than synthetic events.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';

type HostWindow = Window & typeof globalThis & { __problems?: string[] };

export interface HostPage {
  win: HostWindow;
  doc: Document;
  /** What test/e2e/pages/probe.js recorded: uncaught errors, failed loads, console errors and warnings. */
  problems(): string[];
  close(): void;
}

let frame: HTMLIFrameElement | null = null;

function hostPage(iframe: HTMLIFrameElement): HostPage {
  const win = iframe.contentWindow as HostWindow;
  return { win, doc: win.document, problems: () => [...(win.__problems ?? [])], close: () => iframe.remove() };
}

function loaded(iframe: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Opens `url` (relative to the repository root) in an iframe that covers the test page's viewport.
 * `untilLoaded: false` returns once the iframe is in place, for a page whose load event a test holds back.
 */
export async function openPage(url: string, { untilLoaded = true } = {}): Promise<HostPage> {
  frame?.remove();
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'position:fixed;inset:0;width:100%;height:100%;border:0;background:#fff';
  const ready = loaded(iframe);
  iframe.src = url;
  document.body.append(iframe);
  if (!untilLoaded) {
    frame = iframe;
    return hostPage(iframe);
  }
  await ready;
  frame = iframe;
  const page = hostPage(iframe);
  if (!page.win.customElements.get('bounce-wizard')) {
    throw new Error(`<bounce-wizard> is not defined in ${url}. Run \`npm run build\` before the e2e tests.`);
  }
  return page;
}

/** Resolves once the iframe has loaded a new document (after a link or history navigation). */
export async function nextLoad(): Promise<HostPage> {
  if (!frame) throw new Error('No page is open.');
  await loaded(frame);
  return hostPage(frame);
}

export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeout = 4000): Promise<T> {
  const until = performance.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function widget(page: HostPage, selector = 'bounce-wizard'): Promise<BounceWizard> {
  const el = page.doc.querySelector<BounceWizard>(selector);
  if (!el) throw new Error(`No ${selector} in the page.`);
  await el.updateComplete;
  return el;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function root(el: BounceWizard): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<bounce-wizard> has no open shadow root.');
  return el.shadowRoot;
}

/** The heading of the step on screen: every view has exactly one `h2`. */
export const headingText = (el: BounceWizard) => text(root(el).querySelector('h2'));

export async function waitForHeading(el: BounceWizard, expected: string): Promise<void> {
  await waitFor(() => headingText(el) === expected, `the heading "${expected}" (shown: "${headingText(el)}")`);
}

export const codeBadgeText = (el: BounceWizard) => text(root(el).querySelector('[part~="code-badge"]'));

/** The numbered fix steps of the diagnosis card: the list right after the "How to fix" heading. */
export function fixSteps(el: BounceWizard, fixHeading: string): string[] {
  const heading = [...root(el).querySelectorAll('h3')].find((h) => text(h) === fixHeading);
  const list = heading?.nextElementSibling;
  if (!list || list.tagName !== 'OL') return [];
  return [...list.querySelectorAll(':scope > li')].map(text);
}

export function buttonByText(el: BounceWizard, label: string): HTMLButtonElement {
  const button = [...root(el).querySelectorAll('button')].find((b) => text(b) === label);
  if (!button) throw new Error(`No button "${label}" on screen.`);
  return button;
}

/** The label around the radio whose value is `optionId`: clicking a label is what a reader does. */
export function optionLabel(el: BounceWizard, optionId: string): HTMLLabelElement {
  const radio = [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === optionId);
  const label = radio?.closest('label');
  if (!label) throw new Error(`No answer "${optionId}" on screen.`);
  return label;
}

export function textField(el: BounceWizard): HTMLInputElement {
  const input = root(el).querySelector<HTMLInputElement>('input[type="text"]');
  if (!input) throw new Error('No text field on screen.');
  return input;
}

/** Clicks the middle of `target` with the real mouse, after scrolling it into the iframe's view. */
export async function click(target: Element): Promise<void> {
  if (!frame) throw new Error('No page is open.');
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  const box = target.getBoundingClientRect();
  const offset = frame.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(offset.left + box.left + box.width / 2), Math.round(offset.top + box.top + box.height / 2)],
  });
}

export async function typeText(keys: string): Promise<void> {
  await sendKeys({ type: keys });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}
