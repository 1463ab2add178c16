// Test fixture only: a host's own Lit component, built from the host's copy of Lit, next to the widget
// (which carries its own copy of Lit inside its bundle).
import { LitElement, css, html } from 'lit';

class HostTally extends LitElement {
  static properties = { count: { type: Number } };
  static styles = css`
    button { color: rgb(0, 128, 0); font-size: 19px; }
  `;
  constructor() {
    super();
    this.count = 0;
  }
  render() {
    return html`<button type="button" @click=${() => this.count++}>Clicked ${this.count}</button>`;
  }
}
customElements.define('host-tally', HostTally);
