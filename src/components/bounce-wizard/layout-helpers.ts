/** Layout checks shared by the layout and display-condition tests (imported by *.test.ts only, never bundled). */
import { expect } from '@open-wc/testing';
import type { BounceWizard } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { $, $$ } from './test-helpers.js';

const { data } = builtinCatalog;

/** Every place worth measuring, as origins for the `code` attribute. */
export const origins = [
  ...data.wizard.nodes.map((node) => node.id),
  ...data.causes.causes.map((cause) => `cause:${cause.id}`),
  '550',
  '550 5.7.26',
  '552 5.2.2',
  '4xx',
  'not a code at all',
];

/** Elements whose box leaves the host's box sideways (the screen-reader-only live region aside). */
function overflowing(el: BounceWizard): string[] {
  const box = el.getBoundingClientRect();
  return $$(el, '*')
    .filter((child) => !child.closest('.sr-only') && child.getClientRects().length > 0)
    .filter((child) => {
      const rect = child.getBoundingClientRect();
      return rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
    })
    .map((child) => `<${child.localName} class="${child.className}">`);
}

export function expectNoOverflow(el: BounceWizard, where: string) {
  const panel = $(el, '.panel')!;
  expect(panel.scrollWidth, `${where}: the panel scrolls sideways`).to.be.at.most(panel.clientWidth);
  expect(el.scrollWidth, `${where}: the host scrolls sideways`).to.be.at.most(el.clientWidth);
  expect(overflowing(el), `${where}: sticks out of the widget`).to.deep.equal([]);
}

/** Every origin, the index and a paste result, each checked by `check` (no sideways overflow by default). */
export async function walk(el: BounceWizard, check = expectNoOverflow) {
  for (const origin of origins) {
    el.code = origin;
    el.reset();
    await el.updateComplete;
    check(el, origin);
  }
  el.code = '550';
  el.reset();
  await el.updateComplete;
  $$(el, 'nav button').at(-1)!.click(); // "All codes" is the last button of the step navigation
  await el.updateComplete;
  check(el, 'the code index');
  await el.diagnose('Remote server returned: 550 5.1.1 <a.very.long.address.that.does.not.break@example.com>: User unknown');
  check(el, 'a paste result');
}

