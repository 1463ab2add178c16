/**
 * "Copy diagnosis" and "Copy link" in the built classic script on a plain host page, pressed with the real
 * mouse. wtr's Chrome launcher cannot grant the clipboard permission, so the page's own
 * `navigator.clipboard.writeText` is replaced: once to capture what the widget writes, once to refuse.
 */
import { expect } from '@open-wc/testing';
import causesJson from '../../data/causes.json';
import type { CausesData } from '../../src/core/types.js';
import type { BwCopyDetail } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { en } from '../../src/i18n/en.js';
import { buttonByText, click, openPage, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const cause = (causesJson as CausesData).causes.find((c) => c.id === 'recipient-unknown')!;

/** Replaces the host page's clipboard writer; returns what it was given. */
function stubClipboard(page: HostPage, refuse: boolean): string[] {
  const written: string[] = [];
  Object.defineProperty(page.win.navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (refuse ? Promise.reject(new page.win.DOMException('denied', 'NotAllowedError')) : (written.push(text), Promise.resolve())) },
  });
  return written;
}

async function openCard(): Promise<HostPage> {
  const page = await openPage('/test/e2e/pages/embed.html#bounce=550/recipient-unknown');
  await waitForHeading(await widget(page), cause.title);
  return page;
}

describe('copying from the diagnosis card (built bundle)', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('"Copy diagnosis" writes the summary for a ticket and fires bw-copy with it', async () => {
    page = await openCard();
    const written = stubClipboard(page, false);
    const el = await widget(page);
    const events: BwCopyDetail[] = [];
    page.doc.addEventListener('bw-copy', (e) => events.push((e as CustomEvent<BwCopyDetail>).detail));
    await click(buttonByText(el, en.copyDiagnosis));
    await waitFor(() => events.length, 'bw-copy');
    expect(written).to.have.length(1);
    const text = written[0];
    expect(text).to.contain(`${en.support.code}: 550`);
    expect(text).to.contain(`${en.support.cause}: ${cause.title}`);
    expect(text).to.contain(`${en.whatHappened}: ${cause.summary}`);
    cause.fixes.forEach((fix, i) => expect(text).to.contain(`\n${i + 1}. ${fix}`));
    const link = new URL(text.split(`${en.support.link}: `)[1]);
    expect(link.hash).to.equal('#bounce=550/recipient-unknown');
    expect(events[0]).to.deep.equal({ url: link.href, kind: 'diagnosis', text });

    await click(buttonByText(el, en.copyLink));
    await waitFor(() => events.length === 2, 'the second bw-copy');
    expect(written[1]).to.equal(link.href);
    expect(events[1]).to.deep.equal({ url: link.href, kind: 'link' });
    expect(page.problems()).to.deep.equal([]);
  });

  it('shows the summary, selectable, when the clipboard is refused', async () => {
    page = await openCard();
    stubClipboard(page, true);
    const el = await widget(page);
    await click(buttonByText(el, en.copyDiagnosis));
    const shown = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('.fallback'), 'the text to copy by hand');
    expect(shown.textContent).to.contain(`1. ${cause.fixes[0]}`);
    expect(page.win.getComputedStyle(shown).userSelect).to.equal('all');
    expect(el.shadowRoot!.textContent).to.contain(en.copyDiagnosisFallback);
    expect(page.problems()).to.deep.equal([]);
  });
});
