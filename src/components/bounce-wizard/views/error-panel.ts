import { html } from 'lit';
import type { Strings } from '../../../i18n/index.js';

/**
 * Shown instead of a blank widget: when the catalog or the state cannot produce a step (`step`, the action
 * starts over), or when the catalog could not be downloaded (`load`, the action tries again).
 */
export function renderErrorPanel(t: Strings, action: () => void, kind: 'step' | 'load' = 'step') {
  const [title, body, label] = kind === 'load' ? [t.loadFailedTitle, t.loadFailedBody, t.tryAgain] : [t.errorTitle, t.errorBody, t.startOver];
  return html`<section class="view" role="alert" aria-labelledby="error-title">
    <h2 class="heading" part="heading" id="error-title" tabindex="-1">${title}</h2>
    <p>${body}</p>
    <div class="actions">
      <button class="primary" part="button" type="button" @click=${action}>${label}</button>
    </div>
  </section>`;
}
