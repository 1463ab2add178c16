import { html, nothing } from 'lit';
import type { LookupResult } from '../../../core/catalog.js';
import type { Strings } from '../../../i18n/index.js';
import { renderDomainOffer, type DomainCheckOffer } from './domain-offer.js';

export interface CodeEntryHandlers {
  pickCause(causeId: string): void;
  narrowDown(): void;
  /** For codes with nothing to narrow down: begin the guided questions instead. */
  guided(): void;
}

/** Hosts may bring their own catalog; only web links become links (never `javascript:`). */
export const SAFE_HREF = /^https?:\/\//i;

/** The code as the reader would recognise it: "550 5.7.26", "5.1.1", "550". */
export function codeLabel(lookup: LookupResult): string {
  return [lookup.replyCode, lookup.status].filter(Boolean).join(' ') || lookup.query;
}

/** The digits a fallback meaning covers: "5.7" for a subject match, "5" for a class match. */
function matchedPrefix(lookup: LookupResult): string {
  const code = lookup.status ?? lookup.replyCode ?? '';
  return lookup.match === 'subject' ? code.split('.').slice(0, 2).join('.') : code.charAt(0);
}

export function permanenceBadge(permanent: boolean | null, t: Strings) {
  if (permanent === null) return nothing;
  return permanent
    ? html`<span class="badge permanent">${t.permanent}</span>`
    : html`<span class="badge temporary">${t.temporary}</span>`;
}

/** Whose meaning the title and summary are, with the provider's own page for senders. */
function providerNote({ provider }: LookupResult, t: Strings) {
  if (!provider) return nothing;
  return html`<p class="provider-note">
    ${t.providerMeaning(provider.name)}
    ${SAFE_HREF.test(provider.postmaster)
      ? html`<a href=${provider.postmaster} rel="noopener" target="_blank"
          >${t.providerPage(provider.name)}<span class="sr-only"> ${t.newTab}</span></a
        >`
      : nothing}
  </p>`;
}

/**
 * A code's entry: what it means, and the causes it usually has. Narrowing down comes before the causes,
 * because a code like 550 lists more than a dozen of them.
 */
export function renderCodeEntry(lookup: LookupResult, t: Strings, handlers: CodeEntryHandlers, domainCheck: DomainCheckOffer = null) {
  const { replyEntry, statusEntry } = lookup;
  const approximate = lookup.match === 'subject' || lookup.match === 'class';
  return html`<section class="view" aria-labelledby="entry-title">
    <div class="badges">
      <span class="badge code-badge" part="code-badge">${codeLabel(lookup)}</span>
      ${permanenceBadge(lookup.permanent, t)}
    </div>
    <h2 class="heading" part="heading" id="entry-title" tabindex="-1">${lookup.title}</h2>
    ${approximate ? html`<p>${t.unknownCode(matchedPrefix(lookup))}</p>` : nothing}
    <p>${lookup.summary}</p>
    ${providerNote(lookup, t)}
    ${replyEntry && statusEntry
      ? html`<dl class="meanings">
          <dt>${t.replyMeaning} ${lookup.replyCode}: ${replyEntry.title}</dt>
          <dd>${replyEntry.summary}</dd>
          <dt>${t.statusMeaning} ${lookup.status}: ${statusEntry.title}</dt>
          <dd>${statusEntry.summary}</dd>
        </dl>`
      : nothing}
    ${lookup.ask
      ? html`<div class="actions">
          <button class="primary" part="button" type="button" @click=${handlers.narrowDown}>${t.narrowDown}</button>
        </div>`
      : lookup.causes.length === 0
        ? html`<div class="actions">
            <button class="primary" part="button" type="button" @click=${handlers.guided}>${t.tryQuestions}</button>
          </div>`
        : nothing}
    ${renderDomainOffer(domainCheck, t)}
    ${lookup.causes.length
      ? html`<h3>${t.likelyCauses}</h3>
          <ul class="causes">
            ${lookup.causes.map(
              (cause) => html`<li>
                <button class="cause" part="option" type="button" @click=${() => handlers.pickCause(cause.id)}>
                  ${cause.title}
                </button>
              </li>`,
            )}
          </ul>`
      : nothing}
  </section>`;
}
