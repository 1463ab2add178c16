/**
 * The bench's floor: a bare Lit element with one question, built with the widget's rollup settings, so the
 * widget's load and first-render cost is read against what Lit alone costs on the same machine.
 */
import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';

export class BenchControl extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @state() private answered = false;

  protected override render() {
    if (this.answered) return html`<h2>Thanks</h2>`;
    return html`<form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        this.answered = true;
      }}
    >
      <h2>Did the message bounce?</h2>
      <label><input type="radio" name="answer" value="yes" /> Yes</label>
      <button type="submit">Continue</button>
    </form>`;
  }
}

customElements.define('bench-control', BenchControl);
