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

type Rgba = [number, number, number, number];

/** A computed colour (`rgb()`/`rgba()`, as getComputedStyle gives them) as channels 0–255 and alpha 0–1. */
export function parseColor(color: string): Rgba {
  const match = color.match(/^rgba?\(([^)]+)\)$/);
  if (!match) throw new Error(`not a computed rgb() colour: ${color}`);
  const [r, g, b, a = 1] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}

/** `top` painted over the opaque `bottom`. */
function over([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba {
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const luminance = ([r, g, bl]: Rgba) => {
    const [R, G, B] = [r, g, bl].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The opaque colour behind `el`'s content: its own background and its ancestors' (across shadow roots), over white. */
export function backgroundBehind(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const layer = parseColor(getComputedStyle(node).backgroundColor);
    layers.push(layer);
    if (layer[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** `color` (which may be translucent) as it shows over `background`. */
export const shownOver = (color: string, background: Rgba) => over(parseColor(color), background);
