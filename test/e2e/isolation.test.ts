/**
 * The built classic script on a hostile host page (62.5 % root font, global `*`, `h2`, `button`, `input`,
 * `line-height` and `box-sizing` rules) renders exactly as on a clean page, and leaves the host's own
 * elements as they were.
 */
import { expect } from '@open-wc/testing';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { openPage, widget, type HostPage } from './harness.js';

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: string;
  fontFamily: string;
  lineHeight: string;
}

type SnapshotWindow = Window & { __hostBefore: unknown; __hostSnapshot: () => unknown };

/** Every heading, answer, field and button inside the widget, placed relative to the widget itself. */
function layout(el: BounceWizard): Box[] {
  const origin = el.getBoundingClientRect();
  const targets = el.shadowRoot!.querySelectorAll('h2, label, input, button, [part~="panel"], [part~="steps"]');
  return [...targets].map((target) => {
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    return {
      what: `${target.tagName.toLowerCase()} "${target.textContent?.trim().slice(0, 30) ?? ''}"`,
      x: box.left - origin.left,
      y: box.top - origin.top,
      width: box.width,
      height: box.height,
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
      lineHeight: style.lineHeight,
    };
  });
}

async function render(url: string): Promise<{ page: HostPage; boxes: Box[] }> {
  const page = await openPage(url);
  return { page, boxes: layout(await widget(page)) };
}

describe('the widget on a hostile host page', () => {
  let pages: HostPage[] = [];
  afterEach(() => {
    for (const page of pages) page.close();
    pages = [];
  });

  it('lays out its heading, answers and buttons as on a clean page, within 1 px', async () => {
    const clean = await render('/test/e2e/pages/clean.html');
    pages.push(clean.page);
    const hostile = await render('/test/e2e/pages/hostile.html');
    pages.push(hostile.page);

    expect(clean.boxes.filter((b) => b.what.startsWith('h2')).length).to.equal(1);
    expect(clean.boxes.filter((b) => b.what.startsWith('button')).length).to.be.greaterThan(0);
    expect(hostile.boxes.map((b) => b.what)).to.deep.equal(clean.boxes.map((b) => b.what));
    // Every difference at once: one wrong rule usually moves everything below it.
    const differences = clean.boxes.flatMap((expected, i) => {
      const actual = hostile.boxes[i];
      const off = (['x', 'y', 'width', 'height'] as const).filter((key) => Math.abs(actual[key] - expected[key]) > 1);
      const text = (['fontSize', 'lineHeight'] as const).filter((key) => actual[key] !== expected[key]);
      return [...off, ...text].map((key) => `${expected.what} ${key}: ${actual[key]} on the hostile page, ${expected[key]} on the clean one`);
    });
    expect(differences.join('\n')).to.equal('');
    expect(hostile.page.problems().join('\n')).to.equal('');
  });

  it('inherits the host font by default, and only the font', async () => {
    const { page, boxes } = await render('/test/e2e/pages/hostile.html');
    pages.push(page);
    const heading = boxes.find((b) => b.what.startsWith('h2'))!;
    expect(heading.fontFamily).to.equal(getComputedStyle(page.doc.body).fontFamily);
    expect(heading.fontSize).to.equal('22px');
  });

  it("leaves the host page's own heading, button and field as they were styled before it loaded", async () => {
    for (const url of ['/test/e2e/pages/clean.html', '/test/e2e/pages/hostile.html']) {
      const page = await openPage(url);
      pages.push(page);
      await widget(page);
      const win = page.win as unknown as SnapshotWindow;
      expect(win.__hostSnapshot(), url).to.deep.equal(win.__hostBefore);
    }
  });
});
