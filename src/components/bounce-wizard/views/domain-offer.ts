import { html, nothing } from 'lit';
import type { Strings } from '../../../i18n/index.js';

/** "Check my domain" where a view offers it (`dns-check` set and the cause concerns the sender's setup); null: not offered. */
export type DomainCheckOffer = { open(): void; /** Above a code's causes when a check reordered them. */ ordered?: string | null } | null;

export function renderDomainOffer(offer: DomainCheckOffer, t: Strings) {
  if (!offer) return nothing;
  return html`<div class="dns-offer">
    ${offer.ordered ? html`<p class="dns-ordered">${offer.ordered}</p>` : nothing}
    <button part="button" type="button" @click=${offer.open}>${t.dns.open}</button>
  </div>`;
}
