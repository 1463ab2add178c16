/**
 * The built classic script (dist/bounce-wizard.iife.js), embedded in plain host pages with a
 * `<script src>` exactly as a customer would, driven with the real mouse and keyboard.
 * Expectations come from the data files the bundle was built from, so a data edit cannot break them.
 */
import { expect } from '@open-wc/testing';
import wizardJson from '../../data/wizard.json';
import codesJson from '../../data/codes.json';
import causesJson from '../../data/causes.json';
import type { CausesData, CodesData, WizardGraph, WizardNode } from '../../src/core/types.js';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { en } from '../../src/i18n/en.js';
import {
  buttonByText,
  click,
  codeBadgeText,
  fixSteps,
  headingText,
  openPage,
  optionLabel,
  press,
  textField,
  typeText,
  waitFor,
  waitForHeading,
  widget,
  type HostPage,
} from './harness.js';

const wizard = wizardJson as WizardGraph;
const codes = codesJson as CodesData;
const causes = (causesJson as CausesData).causes;

const node = (id: string): WizardNode => {
  const found = wizard.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`data/wizard.json has no node ${id}`);
  return found;
};
/** The node an answer leads to. */
const nodeAfter = (id: string, optionId: string): WizardNode => {
  const from = node(id);
  const next = from.type === 'question' ? from.options.find((o) => o.id === optionId)?.next : undefined;
  if (!next) throw new Error(`${id}/${optionId} leads to no question in data/wizard.json`);
  return node(next);
};
const cause = (id: string) => {
  const found = causes.find((c) => c.id === id);
  if (!found) throw new Error(`data/causes.json has no cause ${id}`);
  return found;
};
const replyCode = (code: string) => {
  const found = codes.replyCodes.find((c) => c.code === code);
  if (!found) throw new Error(`data/codes.json has no reply code ${code}`);
  return found;
};

/** Answers the first question with "I have a code" and waits for the step that asks for it. */
async function answerHasCode(el: BounceWizard): Promise<WizardNode> {
  await click(optionLabel(el, 'has-code'));
  await click(buttonByText(el, en.continue));
  const codeStep = nodeAfter(wizard.start, 'has-code');
  await waitForHeading(el, codeStep.title);
  return codeStep;
}

let page: HostPage | undefined;

afterEach(() => page?.close());

/** A host's console stays clean: no uncaught error, failed load, console error or warning. */
function expectQuietConsole(host: HostPage): void {
  expect(host.problems().join('\n')).to.equal('');
}

describe('the built bundle on a host page', () => {
  it('walks from the first question, without a code, to a diagnosis with numbered fix steps', async () => {
    page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);

    // The reader has no code, then takes the first answer of each question until a diagnosis.
    let current = node(wizard.start);
    let diagnosed: string | undefined;
    for (let steps = 0; !diagnosed; steps++) {
      if (steps > wizard.nodes.length) throw new Error('The walk did not reach a diagnosis.');
      await waitForHeading(el, current.title);
      let target;
      if (current.type === 'question') {
        const option = (steps === 0 && current.options.find((o) => o.id === 'no-code')) || current.options[0];
        await click(optionLabel(el, option.id));
        await click(buttonByText(el, en.continue));
        target = option;
      } else {
        await click(buttonByText(el, en.noCode));
        target = current.skip;
      }
      diagnosed = target.cause;
      if (target.next) current = node(target.next);
    }

    const expected = cause(diagnosed);
    await waitForHeading(el, expected.title);
    expect(fixSteps(el, en.howToFix)).to.deep.equal(expected.fixes);
    // The heading takes focus so a screen reader starts reading the new step.
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal(expected.title);
    expectQuietConsole(page);
  });

  it('looks up a typed code and opens one of its causes', async () => {
    page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);
    const entry = replyCode('550');

    await answerHasCode(el);
    await click(textField(el));
    await typeText('550');
    await press('Enter');

    await waitForHeading(el, entry.title);
    expect(codeBadgeText(el)).to.equal('550');
    const first = cause(entry.causes[0]);
    await click(buttonByText(el, first.title));
    await waitForHeading(el, first.title);
    expect(fixSteps(el, en.howToFix)).to.deep.equal(first.fixes);
    expectQuietConsole(page);
  });

  it('answers text without a code with a friendly message and stays on the step', async () => {
    page = await openPage('/test/e2e/pages/embed.html');
    const el = await widget(page);
    const codeStep = await answerHasCode(el);

    await click(textField(el));
    await typeText('my email came back');
    await press('Enter');

    const shown = await waitFor(() => el.shadowRoot!.querySelector('[id="problem"]')?.textContent?.trim(), 'a problem message');
    expect(Object.values(en.codeProblem)).to.include(shown);
    expect(headingText(el)).to.equal(codeStep.title);
    expect(textField(el).getAttribute('aria-invalid')).to.equal('true');
    expectQuietConsole(page);
  });

  it('opens the entry a ?bounce= link names, and records the next step in the history', async () => {
    page = await openPage('/test/e2e/pages/embed.html?bounce=550');
    const el = await widget(page);
    const entry = replyCode('550');
    await waitForHeading(el, entry.title);
    expect(codeBadgeText(el)).to.equal('550');

    const first = cause(entry.causes[0]);
    await click(buttonByText(el, first.title));
    await waitForHeading(el, first.title);
    expect(new URL(page.win.location.href).searchParams.get('bounce')).to.equal(`550/${first.id}`);

    page.win.history.back();
    await waitForHeading(el, entry.title);
    expect(new URL(page.win.location.href).searchParams.get('bounce')).to.equal('550');
    expectQuietConsole(page);
  });

  it('works when the script is included twice', async () => {
    page = await openPage('/test/e2e/pages/twice.html');
    const first = await widget(page, '#first');
    const second = await widget(page, '#second');
    expect(headingText(first)).to.equal(node(wizard.start).title);
    expect(headingText(second)).to.equal(replyCode('421').title);

    // Both copies must be fully working, not only defined: each widget answers its own clicks.
    await click(optionLabel(first, 'no-code'));
    await click(buttonByText(first, en.continue));
    await waitForHeading(first, nodeAfter(wizard.start, 'no-code').title);
    expect(headingText(second)).to.equal(replyCode('421').title);
    // Both copies are the same version, so there is nothing to warn the host about.
    expectQuietConsole(page);
  });
});
