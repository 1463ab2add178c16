import { html, nothing } from 'lit';
import type { Cause } from '../../../core/types.js';
import type { Diagnosis } from '../../../core/diagnose/diagnose.js';
import type { Segment } from '../../../core/diagnose/evidence.js';
import type { Strings } from '../../../i18n/index.js';
import type { PasteState } from '../paste-reader.js';
import { renderSupport, type SupportAction } from './diagnosis.js';
import { renderDomainOffer, type DomainCheckOffer } from './domain-offer.js';

export interface PasteHandlers {
  diagnose(text: string): void;
  /** Open the diagnosis card of the cause found. */
  confirm(causeId: string): void;
  /** Narrow down with questions: at the code's entry, or from the start when `code` is null. */
  ask(code: string | null): void;
  /** Back to an empty text box. */
  again(): void;
}

/** The codes as the bounce gave them ("550 5.1.1"), or null when it gave none. */
export function pastedCode(d: Pick<Diagnosis, 'replyCode' | 'status'>): string | null {
  return [d.replyCode, d.status].filter(Boolean).join(' ') || null;
}

function confidenceWord(confidence: number, t: Strings): string {
  if (confidence >= 0.8) return t.paste.confidence.high;
  return confidence >= 0.5 ? t.paste.confidence.medium : t.paste.confidence.low;
}

/** Lit renders each segment as a text node: a pasted `<img onerror>` stays characters on screen. */
function evidenceLine(segments: Segment[]) {
  return html`<li>${segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}</li>`;
}

function renderForm(state: Exclude<PasteState, { phase: 'result' }>, t: Strings, handlers: PasteHandlers) {
  const reading = state.phase === 'reading';
  const problem = state.phase === 'input' ? state.problem : null;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!reading) handlers.diagnose(String(new FormData(event.target as HTMLFormElement).get('paste') ?? ''));
  };
  return html`<form class="view" novalidate aria-busy=${reading ? 'true' : 'false'} @submit=${onSubmit}>
    <h2 class="heading" part="heading" tabindex="-1">${t.paste.title}</h2>
    <label class="field" for="paste">${t.paste.label}</label>
    <textarea
      id="paste"
      name="paste"
      rows="8"
      autocomplete="off"
      spellcheck="false"
      .value=${state.text}
      ?readonly=${reading}
      aria-describedby=${problem ? 'paste-privacy paste-problem' : 'paste-privacy'}
      aria-invalid=${problem ? 'true' : 'false'}
    ></textarea>
    <p class="hint" id="paste-privacy">${t.paste.privacy}</p>
    ${problem ? html`<p class="problem" id="paste-problem">${t.paste.problem[problem]}</p>` : nothing}
    ${reading ? html`<p class="reading">${t.paste.reading}</p>` : nothing}
    <div class="actions">
      <!-- aria-disabled, not disabled: a disabled button drops the keyboard focus it has to <body>. -->
      <button class="primary" part="button" type="submit" aria-disabled=${reading ? 'true' : 'false'}>${t.paste.diagnose}</button>
    </div>
  </form>`;
}

function againButton(t: Strings, handlers: PasteHandlers) {
  return html`<button part="button" type="button" @click=${handlers.again}>${t.paste.again}</button>`;
}

/** What the bounce names that whoever fixes it will look for: the blocklists and the server that answered. */
function renderFacts(d: Diagnosis, t: Strings) {
  const facts = [
    [t.paste.facts.blocklists, d.blocklists.join(', ')],
    [t.paste.facts.remoteMta, d.remoteMta ?? ''],
  ].filter(([, value]) => value);
  if (!facts.length) return nothing;
  return html`<dl class="facts" part="facts">
    ${facts.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
  </dl>`;
}

/** What a pasted text says: not a bounce, nothing found, or the cause with the lines it rests on. */
function renderResult(
  state: Extract<PasteState, { phase: 'result' }>,
  cause: Cause | undefined,
  t: Strings,
  handlers: PasteHandlers,
  support: SupportAction | null,
  domainCheck: DomainCheckOffer,
) {
  const d = state.diagnosis;
  if (!d.isBounce) {
    const other = d.category === 'vacation' || d.category === 'feedback' || d.category === 'delivered' ? t.paste.notBounce[d.category] : null;
    return html`<section class="view" aria-labelledby="paste-title">
      <h2 class="heading" part="heading" id="paste-title" tabindex="-1">${other?.title ?? t.paste.nothingTitle}</h2>
      <p>${other?.body ?? t.paste.nothingBody}</p>
      <div class="actions">
        ${other
          ? nothing
          : html`<button class="primary" part="button" type="button" @click=${() => handlers.ask(null)}>${t.paste.askQuestions}</button>`}
        ${againButton(t, handlers)}
      </div>
    </section>`;
  }
  const code = pastedCode(d);
  const failed = d.recipients.filter((r) => r.address);
  return html`<section class="view" aria-labelledby="paste-title">
    <div class="badges">
      ${code ? html`<span class="badge code-badge" part="code-badge">${code}</span>` : nothing}
      <span class="badge">${confidenceWord(d.confidence, t)}</span>
    </div>
    <h2 class="heading" part="heading" id="paste-title" tabindex="-1">${cause?.title ?? t.paste.resultTitle}</h2>
    ${d.stillTrying ? html`<p class="still-trying">${t.paste.stillTrying}</p>` : nothing}
    ${d.provider ? html`<p class="provider-note">${t.paste.provider(d.provider.name)}</p>` : nothing}
    ${failed.length
      ? html`<h3>${t.paste.recipients}</h3>
          <ul class="recipients">
            ${failed.map(
              (r) => html`<li>
                <span class="address">${r.address}</span>
                ${pastedCode(r) ? html`<span class="badge code-badge">${pastedCode(r)}</span>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
    ${renderFacts(d, t)}
    ${state.evidence.length
      ? html`<h3>${t.paste.evidence}</h3>
          <ul class="evidence">
            ${state.evidence.map(evidenceLine)}
          </ul>`
      : nothing}
    ${renderDomainOffer(domainCheck, t)}
    <div class="actions">
      ${cause
        ? html`<button class="primary" part="button" type="button" @click=${() => handlers.confirm(cause.id)}>${t.paste.thisIsIt}</button>`
        : nothing}
      <button class=${cause ? '' : 'primary'} part="button" type="button" @click=${() => handlers.ask(code)}>
        ${cause ? t.paste.askMe : t.paste.askQuestions}
      </button>
      ${againButton(t, handlers)} ${renderSupport(support, t)}
    </div>
  </section>`;
}

/**
 * The paste view: text box, waiting, or result. `cause` is the catalog's cause for the result, if any;
 * `support` the "Contact support" link and `domainCheck` the "Check my domain" offer for a bounce's result.
 */
export function renderPaste(state: PasteState, cause: Cause | undefined, t: Strings, handlers: PasteHandlers, support: SupportAction | null, domainCheck: DomainCheckOffer = null) {
  return state.phase === 'result' ? renderResult(state, cause, t, handlers, support, domainCheck) : renderForm(state, t, handlers);
}
