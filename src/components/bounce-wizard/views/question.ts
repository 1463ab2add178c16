import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { QuestionNode } from '../../../core/types.js';
import type { Strings } from '../../../i18n/index.js';

export interface QuestionHandlers {
  answer(optionId: string): void;
  /** The reader pressed Continue with nothing chosen. */
  unanswered(): void;
}

function submit(event: SubmitEvent, handlers: QuestionHandlers): void {
  event.preventDefault();
  const choice = new FormData(event.target as HTMLFormElement).get('answer');
  if (typeof choice === 'string') handlers.answer(choice);
  else handlers.unanswered();
}

/*
 * Enter on a radio does not submit a form in every browser, so we submit ourselves; preventing the keydown
 * also stops browsers that do submit from submitting twice.
 */
function enterSubmits(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.type !== 'radio') return;
  event.preventDefault();
  target.form?.requestSubmit();
}

/** A question: native radios in a fieldset, so arrows and Space behave as the platform does. */
export function renderQuestion(node: QuestionNode, t: Strings, handlers: QuestionHandlers, problem: boolean) {
  const describedBy = [node.help ? 'help' : '', problem ? 'problem' : ''].filter(Boolean).join(' ');
  // keyed: a new question gets fresh inputs, so no radio stays checked from the previous one.
  return keyed(
    node.id,
    html`<form class="view" novalidate @submit=${(e: SubmitEvent) => submit(e, handlers)} @keydown=${enterSubmits}>
      <fieldset aria-describedby=${describedBy || nothing}>
        <legend><h2 class="heading" part="heading" tabindex="-1">${node.title}</h2></legend>
        ${node.help ? html`<p class="help" id="help">${node.help}</p>` : nothing}
        <div class="options">
          ${node.options.map(
            (option) => html`<label class="option" part="option">
              <input
                type="radio"
                name="answer"
                value=${option.id}
                aria-describedby=${option.hint ? `hint-${option.id}` : nothing}
              />
              <span>
                ${option.label}
                ${option.hint ? html`<span class="hint" id=${`hint-${option.id}`}>${option.hint}</span>` : nothing}
              </span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${problem ? html`<p class="problem" id="problem">${t.chooseFirst}</p>` : nothing}
      <button class="primary" part="button" type="submit">${t.continue}</button>
    </form>`,
  );
}
