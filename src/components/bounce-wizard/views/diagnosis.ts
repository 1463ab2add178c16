import { html, nothing } from 'lit';
import type { Cause } from '../../../core/types.js';
import type { LookupResult } from '../../../core/catalog.js';
import type { Strings } from '../../../i18n/index.js';
import { SAFE_HREF, codeLabel, permanenceBadge } from './code-entry.js';
import { renderDomainOffer, type DomainCheckOffer } from './domain-offer.js';

export interface DiagnosisHandlers {
  copyLink(): void;
  copyDiagnosis(): void;
  startOver(): void;
}

/** What a copy button puts on the clipboard: the deep link, or the diagnosis summary for a ticket. */
export type CopyKind = 'link' | 'diagnosis';

/** Copy feedback: nothing yet, copied, or the text shown for copying by hand. */
export type CopyStatus = { kind: 'idle' } | { kind: 'copied'; what: CopyKind } | { kind: 'manual'; what: CopyKind; text: string };

/** The "Contact support" link, built only for an `href` the element accepted. */
export interface SupportAction {
  href: string;
  label: string;
  /** Fires `bw-support`; the host may cancel it to open its own channel instead. */
  onClick(event: MouseEvent): void;
}

/** A web page opens beside the troubleshooter, so the reader keeps their place; a mailto: opens the mail app. */
export function renderSupport(support: SupportAction | null, t: Strings) {
  if (!support) return nothing;
  const web = !/^mailto:/i.test(support.href);
  return html`<a class="support" part="button support" href=${support.href} target=${web ? '_blank' : nothing} rel=${web ? 'noopener' : nothing} @click=${support.onClick}
    >${support.label}${web ? html`<span class="sr-only"> ${t.newTab}</span>` : nothing}</a
  >`;
}

/** The received class digit decides; without one, the cause's usual nature does. */
function isTemporary(cause: Cause, lookup?: LookupResult): boolean {
  return lookup && lookup.permanent !== null ? !lookup.permanent : cause.temporary;
}

function retryAdvice(cause: Cause, temporary: boolean, t: Strings): string {
  if (cause.retry === 'no') return t.retry.no;
  if (cause.retry === 'after-fix') return temporary ? t.retry.afterFixTemporary : t.retry.afterFixPermanent;
  return temporary ? t.retry.automaticTemporary : t.retry.automaticPermanent;
}

function steps(items: string[]) {
  return html`<ol>${items.map((item) => html`<li>${item}</li>`)}</ol>`;
}

function copyFeedback(status: CopyStatus, t: Strings) {
  if (status.kind === 'copied') return html`<span>${status.what === 'link' ? t.linkCopied : t.diagnosisCopied}</span>`;
  if (status.kind === 'manual') {
    return html`<span>${status.what === 'link' ? t.copyFallback : t.copyDiagnosisFallback}</span>
      <code class="fallback">${status.text}</code>`;
  }
  return nothing;
}

/** The diagnosis card: what happened, why, how to confirm and fix it, who acts, and whether to resend. */
export function renderDiagnosis(
  cause: Cause,
  lookup: LookupResult | undefined,
  t: Strings,
  handlers: DiagnosisHandlers,
  copy: CopyStatus,
  support: SupportAction | null,
  domainCheck: DomainCheckOffer = null,
) {
  const temporary = isTemporary(cause, lookup);
  return html`<article class="view" part="diagnosis" aria-labelledby="diagnosis-title">
    ${lookup
      ? html`<div class="badges">
          <span class="badge code-badge" part="code-badge">${codeLabel(lookup)}</span>
          ${permanenceBadge(lookup.permanent, t)}
        </div>`
      : nothing}
    <h2 class="heading" part="heading" id="diagnosis-title" tabindex="-1">${cause.title}</h2>
    <h3>${t.whatHappened}</h3>
    <p>${cause.summary}</p>
    <h3>${t.why}</h3>
    <p>${cause.why}</p>
    ${cause.confirm.length
      ? html`<h3>${t.howToConfirm}</h3>
          <ul>${cause.confirm.map((item) => html`<li>${item}</li>`)}</ul>`
      : nothing}
    <h3>${t.howToFix}</h3>
    ${steps(cause.fixes)}
    ${cause.adminFixes?.length ? html`<h3>${t.forAdmin}</h3>${steps(cause.adminFixes)}` : nothing}
    <h3>${t.whoActs}</h3>
    <p>${t.actor[cause.whoActs]}</p>
    <h3>${t.sendAgain}</h3>
    <p>${retryAdvice(cause, temporary, t)}</p>
    ${cause.refs?.length
      ? html`<h3>${t.learnMore}</h3>
          <ul>
            ${cause.refs.map(
              (ref) => html`<li>
                ${SAFE_HREF.test(ref.href)
                  ? html`<a href=${ref.href} rel="noopener" target="_blank"
                      >${ref.label}<span class="sr-only"> ${t.newTab}</span></a
                    >`
                  : ref.label}
              </li>`,
            )}
          </ul>`
      : nothing}
    ${renderDomainOffer(domainCheck, t)}
    <div class="actions">
      <button part="button" type="button" @click=${handlers.copyDiagnosis}>${t.copyDiagnosis}</button>
      <button part="button" type="button" @click=${handlers.copyLink}>${t.copyLink}</button>
      <button part="button" type="button" @click=${handlers.startOver}>${t.startOver}</button>
      ${renderSupport(support, t)}
      <span>${copyFeedback(copy, t)}</span>
    </div>
  </article>`;
}
