/*
 * Display conditions (issue 6): a visible focus indicator on every control in both themes, targets of at
 * least 24×24 px, Windows high contrast (forced colours), reduced motion, and 200 % zoom.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { BounceWizard } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { en } from '../../i18n/en.js';
import { expectNoOverflow, walk } from './layout-helpers.js';
import { $, $$, backgroundBehind, button, contrast, parseColor, shownOver } from './test-helpers.js';

const { data } = builtinCatalog;
const causeWithRefs = data.causes.causes.find((c) => c.refs?.length)!;
const BOUNCE = 'Remote server returned: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown';

async function openAt(el: BounceWizard, origin: string) {
  el.start = 'guided';
  el.code = origin;
  el.reset();
  await el.updateComplete;
}

/** The main states, each reached through the element's public surface. */
const states: [string, (el: BounceWizard) => Promise<void>][] = [
  ['a question', (el) => openAt(el, data.wizard.start)],
  ['the code input', (el) => openAt(el, 'enter-code')],
  ['a code entry', (el) => openAt(el, '550 5.7.26')],
  ['a diagnosis', (el) => openAt(el, `cause:${causeWithRefs.id}`)],
  [
    'the index',
    async (el) => {
      await openAt(el, data.wizard.start);
      button(el, en.allCodes).click();
      await el.updateComplete;
    },
  ],
  [
    'the paste view',
    async (el) => {
      el.code = '';
      el.start = 'paste';
      await el.updateComplete;
    },
  ],
  ['a paste result', (el) => el.diagnose(BOUNCE)],
];

const describeEl = (e: Element) => `<${e.localName}${e.id ? `#${e.id}` : ''}> ${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}`;

/** What is wrong with the focus indicator of the focused `control`, or null: ≥ 2 px, ≥ 3:1 against what it is drawn on. */
function focusRingProblem(control: HTMLElement): string | null {
  const style = getComputedStyle(control);
  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle === 'none' || width < 2) return `${describeEl(control)}: outline ${style.outlineStyle} ${style.outlineWidth}`;
  // An outline drawn away from the control sits on its parent's background; one at its edge touches the control's too.
  const under = [backgroundBehind(control.parentElement!)];
  if (parseFloat(style.outlineOffset) <= 0) under.push(backgroundBehind(control));
  const ratio = Math.min(...under.map((bg) => contrast(shownOver(style.outlineColor, bg), bg)));
  return ratio >= 3 ? null : `${describeEl(control)}: focus outline ${style.outlineColor} at ${ratio.toFixed(2)}:1`;
}

/** Tabs from the state's heading through every control of the widget; returns the controls in Tab order. */
async function tabThrough(el: BounceWizard, visit: (control: HTMLElement) => void): Promise<HTMLElement[]> {
  $(el, '.view .heading')!.focus();
  const seen: HTMLElement[] = [];
  for (;;) {
    await sendKeys({ press: 'Tab' });
    const active = el.shadowRoot!.activeElement as HTMLElement | null;
    if (document.activeElement !== el || !active) return seen;
    seen.push(active);
    visit(active);
    expect(seen.length, 'Tab leaves the widget').to.be.below(200);
  }
}

/** Everything a reader can click, type in or Tab to. */
const controls = (el: BounceWizard) =>
  $$(el, 'a[href], button, input, select, textarea').filter((c) => c.getClientRects().length > 0 && !c.closest('.sr-only'));

let el: BounceWizard;
beforeEach(async () => {
  el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
});

for (const theme of ['light', 'dark'] as const) {
  describe(`<bounce-wizard theme="${theme}"> focus indicator`, function () {
    this.timeout(20_000);
    for (const [name, reach] of states) {
      it(`is at least 2 px and 3:1 on every control of ${name}`, async () => {
        el.theme = theme;
        await reach(el);
        const problems: string[] = [];
        const seen = await tabThrough(el, (control) => {
          const problem = focusRingProblem(control);
          if (problem) problems.push(problem);
        });
        expect(seen.length, 'controls reached by Tab').to.be.above(0);
        expect(problems).to.deep.equal([]);
      });
    }

    it("is on the new step's heading, which takes focus after a step", async () => {
      el.theme = theme;
      await openAt(el, data.wizard.start);
      $(el, 'input[type="radio"]')!.focus();
      await sendKeys({ press: ' ' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const heading = $(el, '.view .heading')!;
      expect(el.shadowRoot!.activeElement).to.equal(heading);
      expect(focusRingProblem(heading)).to.equal(null);
    });
  });
}

describe('<bounce-wizard> targets', () => {
  for (const [name, reach] of states) {
    it(`are at least 24×24 px in ${name}`, async () => {
      await reach(el);
      const small = controls(el)
        // A radio's target is its whole label: a click anywhere on it chooses the answer.
        .map((control) => control.closest('label') ?? control)
        .filter((target) => {
          const { width, height } = target.getBoundingClientRect();
          return width < 24 || height < 24;
        })
        .map((target) => `${describeEl(target)} ${Math.round(target.getBoundingClientRect().width)}×${Math.round(target.getBoundingClientRect().height)}`);
      expect(controls(el).length).to.be.above(0);
      expect(small).to.deep.equal([]);
    });
  }
});

describe('<bounce-wizard> in forced colours (Windows high contrast)', () => {
  before(() => executeServerCommand('forced-colors', { active: true }));
  after(() => executeServerCommand('forced-colors', { active: false }));

  it('is really emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  /** Border and outline of an element, as they are drawn. */
  const edge = (e: Element) => {
    const s = getComputedStyle(e);
    return `${s.borderTopWidth} ${s.borderTopColor} / ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
  };

  it('marks the chosen answer apart from the others, in a system colour that shows', async () => {
    await openAt(el, data.wizard.start);
    $(el, 'input[type="radio"]')!.focus();
    await sendKeys({ press: ' ' });
    const [chosen, other] = $$(el, '.option');
    expect(edge(chosen), 'the chosen answer looks like the others').to.not.equal(edge(other));
    const style = getComputedStyle(chosen);
    const bg = backgroundBehind(chosen.parentElement!);
    expect(style.outlineStyle).to.not.equal('none');
    expect(contrast(shownOver(style.outlineColor, bg), bg)).to.be.at.least(3);
  });

  it('keeps the focus indicator', async () => {
    for (const [name, reach] of states.slice(0, 3)) {
      await reach(el);
      const problems: string[] = [];
      await tabThrough(el, (control) => {
        const problem = focusRingProblem(control);
        if (problem) problems.push(problem);
      });
      expect(problems, name).to.deep.equal([]);
    }
  });

  it('keeps the progress bar visible', async () => {
    await openAt(el, `cause:${causeWithRefs.id}`); // a result: the bar is full
    for (const animation of el.shadowRoot!.getAnimations()) animation.finish(); // the fill grows in
    const bar = $(el, '.bar')!;
    const fill = $(el, '.bar-fill')!;
    expect(fill.getBoundingClientRect().width).to.be.above(0);
    const panel = backgroundBehind($(el, '.panel')!);
    expect(contrast(backgroundBehind(fill), panel), 'the filled part against the card').to.be.at.least(3);
    const track = getComputedStyle(bar);
    expect(parseFloat(track.borderTopWidth), 'the track has an edge').to.be.at.least(1);
    expect(contrast(shownOver(track.borderTopColor, panel), panel)).to.be.at.least(3);
  });

  it('keeps the badges and the marked evidence visible', async () => {
    await openAt(el, '550 5.7.26');
    for (const badge of $$(el, '.badge')) {
      const style = getComputedStyle(badge);
      const bg = backgroundBehind(badge.parentElement!);
      expect(parseFloat(style.borderTopWidth), describeEl(badge)).to.be.at.least(1);
      expect(contrast(shownOver(style.borderTopColor, bg), bg), describeEl(badge)).to.be.at.least(3);
    }
    await el.diagnose(BOUNCE);
    const mark = $(el, '.evidence mark')!;
    expect(contrast(backgroundBehind(mark), backgroundBehind(mark.parentElement!)), 'marked words stand out').to.be.at.least(3);
    const style = getComputedStyle(mark);
    expect(contrast(parseColor(style.color), backgroundBehind(mark)), 'marked words stay readable').to.be.at.least(4.5);
  });
});

describe('<bounce-wizard> motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  /** Animations and transitions under way right after a step. */
  async function motionAfterStep(): Promise<number> {
    await openAt(el, data.wizard.start);
    $(el, 'input[type="radio"]')!.focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    return el.shadowRoot!.getAnimations().length;
  }

  it('animates a new step when motion is welcome', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(await motionAfterStep()).to.be.above(0);
  });

  it('runs no animation or transition under prefers-reduced-motion: reduce', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(await motionAfterStep()).to.equal(0);
    for (const e of $$(el, '*')) {
      const style = getComputedStyle(e);
      expect(style.animationName, describeEl(e)).to.equal('none');
      expect(style.transitionDuration.split(',').every((d) => parseFloat(d) === 0), describeEl(e)).to.equal(true);
    }
  });
});

describe('<bounce-wizard> at 200 % zoom', () => {
  /** Text cut off by a box too small for it (fields scroll their own text, so they are left out). */
  function clipped(widget: BounceWizard): string[] {
    return $$(widget, '*')
      .filter((e) => !e.closest('.sr-only') && !['input', 'select', 'textarea'].includes(e.localName) && e.clientWidth > 0)
      .filter((e) => {
        // Content wider than its box sticks out or is cut; taller only matters where overflow cuts it.
        const wide = e.scrollWidth > e.clientWidth + 1;
        const tall = getComputedStyle(e).overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1;
        return wide || tall;
      })
      .map(describeEl);
  }

  it('fits a 640 px window zoomed to 200 % without sideways scrolling or clipped text', async function () {
    this.timeout(30_000);
    // Browser zoom doubles the CSS pixel: a 640 px wide window then lays the page out 320 CSS px wide.
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 640px"><div style="zoom: 2"><bounce-wizard></bounce-wizard></div></div>`);
    const zoomed = wrapper.querySelector('bounce-wizard')!;
    await zoomed.updateComplete;
    expect(zoomed.offsetWidth, 'laid out in 320 CSS px').to.equal(320);
    expect(zoomed.getBoundingClientRect().width, 'drawn 640 px wide').to.equal(640);
    await walk(zoomed, (widget, where) => {
      expectNoOverflow(widget, where);
      expect(clipped(widget), `${where}: clipped text`).to.deep.equal([]);
    });
  });
});
