/**
 * Every flow of the built bundle with the keyboard alone: real key presses through Chromium's input
 * pipeline, nothing clicked and no property set. After every key the focus must be inside the widget (never
 * on <body> after a re-render), and on the new step's heading whenever the step changed. The page has a host
 * button on each side of the widget, so entering and leaving it by Tab is part of what is checked.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { lookupCode } from '../../src/core/catalog.js';
import type { QuestionNode } from '../../src/core/types.js';
import { en } from '../../src/i18n/en.js';
import { headingText, openPage, typeText, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const PAGE = '/test/e2e/pages/keyboard.html';
const { data, nodeById, causeById } = builtinCatalog;

const question = (id: string) => nodeById.get(id) as QuestionNode;

/**
 * A path through questions alone, from the first question to a diagnosis: at each question the last
 * answer that does not ask for a code, so the arrow keys have a few options to travel.
 */
function questionsOnlyPath(): { node: QuestionNode; option: number }[] {
  const path = [];
  for (let node = question(data.wizard.start); ; ) {
    const usable = node.options.filter((o) => o.cause || nodeById.get(o.next!)?.type === 'question');
    const chosen = usable[usable.length - 1];
    path.push({ node, option: node.options.indexOf(chosen) });
    if (chosen.cause) return path;
    node = question(chosen.next!);
  }
}

let page: HostPage;
let el: BounceWizard;

async function load(query = ''): Promise<void> {
  page = await openPage(PAGE + query);
  el = await widget(page);
}

afterEach(() => {
  const problems = page.problems();
  page.close();
  expect(problems.join('\n'), 'the page logged problems').to.equal('');
});

/** The element that really has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = page.doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const describeEl = (e: Element | null) =>
  e ? `<${e.localName}${e.id ? `#${e.id}` : ''}> ${e instanceof HTMLInputElement && e.type === 'radio' ? e.value : (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}` : 'nothing';

/** Focus is on something inside the widget's shadow root: never <body>, never lost on a re-render. */
function focusInWidget(): HTMLElement {
  const active = deepActive();
  expect(active, 'focus fell to <body>').to.not.equal(page.doc.body);
  expect(page.doc.activeElement, `focus is outside the widget, on ${describeEl(active)}`).to.equal(el);
  expect(active && el.shadowRoot!.contains(active), `focus inside the widget, not ${describeEl(active)}`).to.equal(true);
  return active as HTMLElement;
}

const viewHeading = () => el.shadowRoot!.querySelector<HTMLElement>('.view .heading')!;

/** Waits for the step titled `title`; focus must be on its heading. */
async function arrivedAt(title: string): Promise<void> {
  await waitForHeading(el, title);
  expect(focusInWidget(), `focus on the heading of "${title}"`).to.equal(viewHeading());
}

/** The space bar by the name both puppeteer's Chromium (CDP) and Firefox (BiDi) keyboards know. */
const SPACE = ' ';

/** A key, or a chord like `Shift+Tab` (puppeteer presses one key at a time: the modifier is held down). */
async function key(name: string): Promise<void> {
  const [modifier, main] = name.includes('+') ? name.split('+') : [null, name];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  if (modifier) await sendKeys({ up: modifier });
}

async function press(name: string): Promise<HTMLElement> {
  await key(name);
  await el.updateComplete;
  return focusInWidget();
}

const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
const radios = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

/** Tabs (or Shift+Tabs) inside the widget until `wanted` has focus. */
async function tabTo(wanted: (e: HTMLElement) => boolean, what: string, direction = 'Tab'): Promise<HTMLElement> {
  for (let presses = 0; presses < 100; presses++) {
    const focused = await press(direction);
    if (wanted(focused)) return focused;
  }
  throw new Error(`${direction} never reached ${what}`);
}

const tabToText = (label: string) => tabTo((e) => text(e) === label, `"${label}"`);

/** From the host page's first control into the widget: Tab from the top of the page. */
async function enterWidget(): Promise<HTMLElement> {
  await key('Tab');
  expect(deepActive(), 'the host button before the widget').to.equal(page.doc.getElementById('before'));
  return press('Tab');
}

/** Every control a reader could reach, in document order. */
function controls(): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')].filter(
    (c) => !(c as HTMLButtonElement).disabled && c.getClientRects().length > 0,
  );
}

describe('the built bundle with the keyboard alone', function () {
  this.timeout(15_000);

  it('answers the questions to a diagnosis with Tab, arrows, Space and Enter (one tab stop per radio group)', async () => {
    await load();
    const path = questionsOnlyPath();
    expect(headingText(el)).to.equal(path[0].node.title);
    let focused = await enterWidget();
    for (const [n, { node, option }] of path.entries()) {
      if (n > 0) {
        await arrivedAt(node.title);
        focused = await press('Tab');
      }
      // Nothing chosen yet: the group's first radio is its only tab stop; the next Tab leaves the group.
      expect(focused, `${node.id}: Tab enters the group at its first answer`).to.equal(radios()[0]);
      expect(radios().some((r) => r.checked)).to.equal(false);
      expect(text(await press('Tab')), `${node.id}: one tab stop for the whole group`).to.equal(en.continue);
      expect(await press('Shift+Tab')).to.equal(radios()[0]);
      // Space chooses; the arrows move the choice along the group.
      await press(SPACE);
      expect(radios()[0].checked, `${node.id}: Space chooses`).to.equal(true);
      for (let i = 0; i < option; i++) focused = await press('ArrowDown');
      expect(focused).to.equal(radios()[option]);
      expect(radios().filter((r) => r.checked)).to.deep.equal([radios()[option]]);
      // With an answer chosen, the chosen radio is the group's tab stop, both ways.
      expect(text(await press('Tab'))).to.equal(en.continue);
      expect(await press('Shift+Tab'), `${node.id}: Shift+Tab returns to the chosen answer`).to.equal(radios()[option]);
      // Enter on the radio continues on even steps, Tab to Continue and Space on odd ones.
      if (n % 2) {
        await press('Tab');
        await press(SPACE);
      } else await press('Enter');
    }
    const last = path[path.length - 1];
    await arrivedAt(causeById.get(last.node.options[last.option].cause!)!.title);
    expect(el.shadowRoot!.querySelector('[part~="diagnosis"]')).to.not.equal(null);

    // Back returns to the last question, Start over to the first; each focuses its heading.
    await tabToText(en.back);
    await press('Enter');
    await arrivedAt(last.node.title);
    await tabToText(en.startOver);
    await press(SPACE);
    await arrivedAt(path[0].node.title);
  });

  it('looks up a typed code with Enter and opens one of its causes', async () => {
    await load();
    const code = '550 5.7.26';
    const lookup = lookupCode(builtinCatalog, code);
    if (!lookup.ok) throw new Error(`the catalog does not know ${code}`);
    await enterWidget();
    await press(SPACE); // the first answer: "I have a code"
    expect(radios()[0].value).to.equal('has-code');
    await press('Enter');
    await arrivedAt(nodeById.get('enter-code')!.title);
    expect((await press('Tab')).id).to.equal('code');
    await typeText(code);
    await press('Enter');
    await arrivedAt(lookup.value.title);
    const first = lookup.value.causes[0];
    await tabToText(first.title);
    await press('Enter');
    await arrivedAt(first.title);
  });

  it('diagnoses a pasted bounce and opens its diagnosis card', async () => {
    await load();
    await enterWidget();
    await tabToText(en.paste.open);
    await press('Enter');
    await arrivedAt(en.paste.title);
    expect((await press('Tab')).localName).to.equal('textarea');
    await typeText('Remote server returned: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown');
    expect(text(await press('Tab'))).to.equal(en.paste.diagnose);
    await press('Enter');
    await waitFor(() => el.shadowRoot!.querySelector('#paste-title'), 'the paste result');
    const found = headingText(el);
    await arrivedAt(found);
    await tabToText(en.paste.thisIsIt);
    await press(SPACE);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="diagnosis"]'), 'the diagnosis card');
    await arrivedAt(found);
  });

  it('searches and filters "All codes", pages through it and opens an entry', async () => {
    await load();
    await enterWidget();
    await tabToText(en.allCodes);
    await press('Enter');
    await arrivedAt(en.indexTitle);
    const count = () => text(el.shadowRoot!.querySelector('#index-count')!);

    // "Show more" is the last entry's neighbour; it goes with the last page, so focus moves to the first new entry.
    const everything = count();
    await tabToText(en.showMore);
    await press('Enter');
    expect(focusInWidget(), 'the first entry "Show more" added').to.equal(el.shadowRoot!.querySelectorAll('.index-entry')[60]);
    await tabTo((e) => e.id === 'index-search', 'the search field', 'Shift+Tab');

    expect((await press('Tab')).id).to.equal('index-kind');
    expect(await press('Shift+Tab')).to.have.property('id', 'index-search');
    await typeText('5.7.26');
    expect(focusInWidget().id, 'typing keeps focus in the field while the list changes').to.equal('index-search');
    await waitFor(() => count() !== everything, 'the filtered count');
    const searched = count();
    expect((await press('Tab')).id).to.equal('index-kind');
    // Arrows on a closed select change its value: 'temporary' hides every 5.x.x code, 'permanent' brings them back.
    await press('ArrowDown');
    await waitFor(() => count() === en.noResults, 'no temporary 5.7.26');
    await press('ArrowDown');
    await waitFor(() => count() === searched, 'the permanent ones back');
    expect(focusInWidget().id).to.equal('index-kind');
    expect((await press('Tab')).id).to.equal('index-provider');
    const entry = await press('Tab');
    expect(entry.classList.contains('index-entry'), `the first result, not ${describeEl(entry)}`).to.equal(true);
    const badge = text(entry.querySelector('.code-badge')!);
    expect(badge).to.contain('5.7.26');
    await press('Enter');
    await waitFor(() => !el.shadowRoot!.querySelector('#index-title'), 'the entry');
    await arrivedAt(headingText(el));
    expect(text(el.shadowRoot!.querySelector('[part~="code-badge"]')!)).to.contain('5.7.26');
  });

  it('Shift+Tab visits a diagnosis card in exactly the reverse of Tab, and every control once', async () => {
    const cause = data.causes.causes.find((c) => c.refs?.length)!;
    await load(`?bounce=cause%3A${cause.id}`);
    await waitForHeading(el, cause.title);
    const forward = [await enterWidget()];
    for (;;) {
      await key('Tab');
      if (deepActive() === page.doc.getElementById('after')) break;
      forward.push(focusInWidget());
      expect(forward.length, 'Tab leaves the widget at its end').to.be.below(40);
    }
    const backward = [];
    for (;;) {
      await key('Shift+Tab');
      if (deepActive() === page.doc.getElementById('before')) break;
      backward.push(focusInWidget());
      expect(backward.length, 'Shift+Tab leaves the widget at its start').to.be.below(40);
    }
    expect(backward.map(describeEl)).to.deep.equal([...forward].reverse().map(describeEl));
    expect(backward).to.deep.equal([...forward].reverse());
    expect(forward.map(describeEl), 'every control, in document order').to.deep.equal(controls().map(describeEl));
    expect(forward.map(text)).to.include.members([en.copyDiagnosis, en.copyLink, en.startOver, en.allCodes]);
    expect(text(forward[0]), 'the card starts with its first reference').to.contain(cause.refs![0].label);
  });

  describe('Escape', () => {
    /** Each Escape that reaches the host page, and whether the widget had used it. */
    function escapesUsed(): boolean[] {
      const used: boolean[] = [];
      page.doc.addEventListener('keydown', (e) => e.key === 'Escape' && used.push(e.defaultPrevented));
      return used;
    }

    it('closes the paste view, but leaves text being typed alone', async () => {
      await load();
      const start = headingText(el);
      await enterWidget();
      await tabToText(en.paste.open);
      await press('Enter');
      await arrivedAt(en.paste.title);
      const box = await press('Tab');
      await typeText('550');
      await press('Escape');
      expect(headingText(el), 'typed text is not thrown away').to.equal(en.paste.title);
      expect(focusInWidget()).to.equal(box);
      for (let i = 0; i < 3; i++) await press('Backspace');
      await press('Escape');
      await arrivedAt(start);

      // The result of a paste closes the same way.
      await tabToText(en.paste.open);
      await press('Enter');
      await arrivedAt(en.paste.title);
      await press('Tab');
      await typeText('550 5.1.1 User unknown');
      await press('Tab');
      await press('Enter');
      await waitFor(() => el.shadowRoot!.querySelector('#paste-title'), 'the paste result');
      await press('Escape');
      await arrivedAt(start);
    });

    it('clears the search field first, then closes the index', async () => {
      await load();
      const start = headingText(el);
      await enterWidget();
      await tabToText(en.allCodes);
      await press('Enter');
      await arrivedAt(en.indexTitle);
      const search = await press('Tab');
      await typeText('zzz');
      await waitFor(() => text(el.shadowRoot!.querySelector('#index-count')!) === en.noResults, 'no results for zzz');
      await press('Escape');
      expect((search as HTMLInputElement).value, 'the search box clears itself').to.equal('');
      expect(focusInWidget()).to.equal(search);
      await waitFor(() => text(el.shadowRoot!.querySelector('#index-count')!) !== en.noResults, 'the whole list again');
      await press('Escape');
      await arrivedAt(start);
    });

    for (const used of ['Escape', 'Enter']) {
      it(`dismisses a notice with ${used} (on its Dismiss button), moving focus to the step`, async () => {
        await load('?bounce=nowhere');
        const start = headingText(el);
        expect(el.shadowRoot!.querySelector('.notice')).to.not.equal(null);
        const dismiss = await enterWidget();
        expect(text(dismiss)).to.equal(en.dismiss);
        await press(used);
        expect(el.shadowRoot!.querySelector('.notice')).to.equal(null);
        await arrivedAt(start);
      });
    }

    it('is left to the host where there is nothing to dismiss', async () => {
      await load();
      const used = escapesUsed();
      const start = headingText(el);
      await enterWidget();
      await press('Escape');
      expect(headingText(el)).to.equal(start);
      expect(used).to.deep.equal([false]);

      await tabToText(en.allCodes);
      await press('Enter');
      await arrivedAt(en.indexTitle);
      await press('Escape');
      await arrivedAt(start);
      expect(used, 'the Escape that closed the index does not reach the host').to.deep.equal([false]);
    });
  });
});
