import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { STANDARD, type IndexEntry, type IndexFilter, type PermanenceFilter } from '../../../core/code-index.js';
import type { Strings } from '../../../i18n/index.js';
import { permanenceBadge } from './code-entry.js';

/** How many results are added to the page at a time: enough to scan, few enough to keep the DOM small. */
export const INDEX_PAGE = 60;

export interface CodeIndexView {
  filter: Required<IndexFilter>;
  /** Results on the page; the rest wait behind "Show more". */
  shown: number;
  results: IndexEntry[];
  /** Empty until the providers' data has loaded. */
  providers: { id: string; name: string }[];
}

export interface CodeIndexHandlers {
  filter(change: IndexFilter): void;
  showMore(): void;
  choose(entry: IndexEntry): void;
}

const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** `position` names the entry's button (`index-entry-<n>`), so focus can move to the first of a new page. */
function renderResult(entry: IndexEntry, position: number, t: Strings, handlers: CodeIndexHandlers) {
  return html`<li>
    <button class=${`cause index-entry index-entry-${position}`} part="option" type="button" @click=${() => handlers.choose(entry)}>
      <span class="badges">
        ${entry.code ? html`<span class="badge code-badge">${entry.code}</span>` : nothing}
        ${entry.provider ? html`<span class="badge">${entry.provider.name}</span>` : nothing}
        ${permanenceBadge(entry.permanent, t)}
      </span>
      <span>${entry.title}</span>
    </button>
  </li>`;
}

/** The "All codes" index: a search field, two filters, and the matching codes as buttons. */
export function renderCodeIndex(view: CodeIndexView, t: Strings, handlers: CodeIndexHandlers) {
  const { filter, results, shown } = view;
  return html`<section class="view" aria-labelledby="index-title">
    <h2 class="heading" part="heading" id="index-title" tabindex="-1">${t.indexTitle}</h2>
    <p class="help">${t.indexHelp}</p>
    <div class="index-filters" role="search">
      <div>
        <label class="field" for="index-search">${t.searchLabel}</label>
        <input
          id="index-search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="index-hint"
          .value=${live(filter.query)}
          @input=${(e: Event) => handlers.filter({ query: value(e) })}
        />
        <p class="hint" id="index-hint">${t.searchHint}</p>
      </div>
      <div>
        <label class="field" for="index-kind">${t.kindLabel}</label>
        <select id="index-kind" @change=${(e: Event) => handlers.filter({ permanence: value(e) as PermanenceFilter })}>
          ${(
            [
              ['all', t.kindAll],
              ['temporary', t.kindTemporary],
              ['permanent', t.kindPermanent],
            ] as const
          ).map(([id, label]) => html`<option value=${id} ?selected=${filter.permanence === id}>${label}</option>`)}
        </select>
      </div>
      <div>
        <label class="field" for="index-provider">${t.providerLabel}</label>
        <select id="index-provider" @change=${(e: Event) => handlers.filter({ provider: value(e) })}>
          ${[{ id: '', name: t.providerAll }, { id: STANDARD, name: t.providerStandard }, ...view.providers].map(
            ({ id, name }) => html`<option value=${id} ?selected=${filter.provider === id}>${name}</option>`,
          )}
        </select>
      </div>
    </div>
    <p class="hint" id="index-count">${results.length ? t.resultCount(results.length) : t.noResults}</p>
    <ul class="causes" aria-labelledby="index-count">
      ${results.slice(0, shown).map((entry, position) => renderResult(entry, position, t, handlers))}
    </ul>
    ${results.length > shown
      ? html`<div class="actions">
          <button part="button" type="button" @click=${handlers.showMore}>${t.showMore}</button>
        </div>`
      : nothing}
  </section>`;
}
