import { html, nothing } from 'lit';
import type { Strings } from '../../../i18n/index.js';

export interface NavHandlers {
  back(): void;
  startOver(): void;
  /** Absent where the index is already on screen. */
  allCodes?(): void;
}

/** Where the reader is: `question` counts from 1; `upTo` is the longest the path can still get. */
export type Position = { kind: 'question'; current: number; upTo: number } | { kind: 'result' };

/** Progress in words, with a bar that repeats it for sighted readers only. */
export function renderProgress(position: Position, t: Strings) {
  const text = position.kind === 'result' ? t.progressResult : t.progressQuestion(position.current, position.upTo);
  const share = position.kind === 'result' ? 1 : (position.current - 1) / Math.max(position.upTo, 1);
  return html`<div class="steps" part="steps">
    <span>${text}</span>
    <div class="bar" aria-hidden="true"><div class="bar-fill" data-fill=${Math.round(share * 100)}></div></div>
  </div>`;
}

/**
 * Sizes the progress bar after a render. Through the CSSOM, which a strict style-src CSP allows; a style
 * attribute (styleMap's first render writes one) is blocked by style-src 'self' (test/e2e/csp.test.ts).
 */
export function fillProgress(root: ParentNode): void {
  const fill = root.querySelector<HTMLElement>('.bar-fill[data-fill]');
  fill?.style.setProperty('inline-size', `${fill.dataset.fill}%`);
}

/** Back and Start over, except on the first step where neither means anything; "All codes" everywhere else. */
export function renderNav(first: boolean, t: Strings, handlers: NavHandlers) {
  return html`<nav class="nav" aria-label=${t.stepNav}>
    ${first
      ? nothing
      : html`<button part="button" type="button" @click=${handlers.back}>${t.back}</button>
          <button part="button" type="button" @click=${handlers.startOver}>${t.startOver}</button>`}
    ${handlers.allCodes
      ? html`<button part="button" type="button" @click=${handlers.allCodes}>${t.allCodes}</button>`
      : nothing}
  </nav>`;
}
