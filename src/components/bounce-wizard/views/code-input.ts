import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CodeInputNode } from '../../../core/types.js';
import type { Strings } from '../../../i18n/index.js';

export interface CodeInputHandlers {
  lookUp(text: string): void;
  skip(): void;
}

/** The step where the reader types or pastes a code; `problem` is the friendly message for the last try. */
export function renderCodeInput(node: CodeInputNode, t: Strings, handlers: CodeInputHandlers, problem: string | null) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    handlers.lookUp(String(new FormData(event.target as HTMLFormElement).get('code') ?? ''));
  };
  const describedBy = ['example', problem ? 'problem' : ''].filter(Boolean).join(' ');
  return keyed(
    node.id,
    html`<form class="view" novalidate @submit=${onSubmit}>
      <h2 class="heading" part="heading" tabindex="-1">${node.title}</h2>
      ${node.help ? html`<p class="help">${node.help}</p>` : nothing}
      <label class="field" for="code">${t.codeLabel}</label>
      <input
        id="code"
        name="code"
        type="text"
        autocomplete="off"
        spellcheck="false"
        aria-describedby=${describedBy}
        aria-invalid=${problem ? 'true' : 'false'}
      />
      <p class="hint" id="example">${t.codeExample}</p>
      ${problem ? html`<p class="problem" id="problem">${problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" part="button" type="submit">${t.lookUp}</button>
        <button class="link" part="button" type="button" @click=${handlers.skip}>${t.noCode}</button>
      </div>
    </form>`,
  );
}
