/** Shared queries and steps for the element's browser tests (imported by *.test.ts only, never bundled). */
import { expect } from '@open-wc/testing';
import type { BounceWizard } from './bounce-wizard.js';

export const $ = <T extends Element = HTMLElement>(el: BounceWizard, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector);
export const $$ = (el: BounceWizard, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const heading = (el: BounceWizard) => $(el, '.view .heading')!.textContent!.trim();
export const live = (el: BounceWizard) => $(el, '#live')!.textContent!.trim();

/**
 * A view fades in; axe would measure contrast half way through. Finished by hand: a page in a background
 * tab (two run at once) never advances its animations.
 */
export async function accessible(el: BounceWizard) {
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
  await expect(el).to.be.accessible();
}

export function button(el: BounceWizard, name: string): HTMLButtonElement {
  const found = $$(el, 'button').find((b) => b.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found as HTMLButtonElement;
}
