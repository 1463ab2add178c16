import { html } from 'lit';
import type { Strings } from '../../../i18n/index.js';

/** Shown instead of a blank widget when the catalog or the state cannot produce a step. */
export function renderErrorPanel(t: Strings, startOver: () => void) {
  return html`<section class="view" role="alert" aria-labelledby="error-title">
    <h2 class="heading" part="heading" id="error-title" tabindex="-1">${t.errorTitle}</h2>
    <p>${t.errorBody}</p>
    <div class="actions">
      <button class="primary" part="button" type="button" @click=${startOver}>${t.startOver}</button>
    </div>
  </section>`;
}
