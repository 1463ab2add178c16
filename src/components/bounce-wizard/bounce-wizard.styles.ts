import { css } from 'lit';

/*
 * Sizes are in px because host pages often set html{font-size:62.5%}, which would shrink rem-based text.
 * Colour pairs were chosen for >= 4.5:1 text contrast and >= 3:1 for the focus ring and borders that matter.
 */
export const styles = css`
  /*
   * Each colour token holds its light and its dark value; color-scheme picks one, so theme="dark" and
   * theme="auto" under a dark system share one set without repeating it.
   */
  :host {
    color-scheme: light;
    --bw-font-family: inherit;
    --bw-accent: light-dark(#1d4ed8, #93c5fd);
    --bw-accent-text: light-dark(#ffffff, #0b1220);
    --bw-text: light-dark(#1f2937, #e5e7eb);
    --bw-muted: light-dark(#4b5563, #b6bdc9);
    --bw-surface: light-dark(#ffffff, #111827);
    --bw-surface-alt: light-dark(#f3f4f6, #1f2937);
    --bw-border: light-dark(#d1d5db, #4b5563);
    --bw-radius: 10px;
    --bw-focus-ring: light-dark(#1d4ed8, #93c5fd);
    --bw-danger: light-dark(#b91c1c, #fca5a5);
    --bw-ok: light-dark(#166534, #86efac);

    display: block;
    box-sizing: border-box;
    font-family: var(--bw-font-family);
    font-size: 16px;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    color: var(--bw-text);
    max-inline-size: 720px;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([theme='auto']) {
    color-scheme: light dark;
  }

  /* Not inherit: a host's "* { box-sizing: content-box !important }" reaches the element itself and beats :host. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  /* Again inside: a host rule on the element itself ("* { letter-spacing }", "bounce-wizard { … }")
     beats :host, and these would reach every line of text by inheritance. The font is meant to come through. */
  .panel {
    font-size: 16px;
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    background: var(--bw-surface);
    color: var(--bw-text);
    border: 1px solid var(--bw-border);
    border-radius: var(--bw-radius);
    padding-block: 20px 24px;
    padding-inline: 16px;
  }

  @media (min-width: 480px) {
    .panel {
      padding-inline: 28px;
    }
  }

  .heading {
    margin-block: 0 12px;
    font-size: 22px;
    line-height: 1.3;
    font-weight: 650;
  }

  .heading:focus {
    outline: none;
  }

  .heading:focus-visible {
    outline: 3px solid var(--bw-focus-ring);
    outline-offset: 4px;
    border-radius: 4px;
  }

  h3 {
    margin-block: 20px 6px;
    font-size: 17px;
    line-height: 1.4;
    font-weight: 650;
  }

  p {
    margin-block: 0 12px;
  }

  ul,
  ol {
    margin-block: 0 12px;
    padding-inline-start: 24px;
  }

  li + li {
    margin-block-start: 4px;
  }

  .help,
  .hint,
  .muted {
    color: var(--bw-muted);
  }

  .hint {
    display: block;
    font-size: 14px;
  }

  /* Steps bar: text first, the bar only repeats it visually. */
  .steps {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    margin-block-end: 16px;
    font-size: 14px;
    color: var(--bw-muted);
  }

  .bar {
    flex: 1 1 120px;
    block-size: 6px;
    background: var(--bw-surface-alt);
    border-radius: 3px;
    overflow: hidden;
  }

  .bar-fill {
    block-size: 100%;
    background: var(--bw-accent);
    border-radius: 3px;
  }


  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-start: 20px;
    padding-block-start: 16px;
    border-block-start: 1px solid var(--bw-border);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    max-inline-size: 100%;
  }

  .options {
    display: grid;
    gap: 8px;
    margin-block: 12px 16px;
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: 12px;
    min-block-size: 44px;
    padding-block: 10px;
    padding-inline: 12px;
    border: 1px solid var(--bw-border);
    border-radius: calc(var(--bw-radius) - 4px);
    cursor: pointer;
  }

  .option:has(input:checked) {
    border-color: var(--bw-accent);
    background: var(--bw-surface-alt);
  }

  .option input {
    flex: none;
    inline-size: 20px;
    block-size: 20px;
    margin: 2px 0 0;
    accent-color: var(--bw-accent);
  }

  input:focus-visible,
  button:focus-visible,
  a:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--bw-focus-ring);
    outline-offset: 2px;
  }

  /* Host pages style bare button{} globally; these do not reach into the shadow root, but we set everything
     a browser default would otherwise leave to chance. */
  button,
  a.support {
    font: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: 8px;
    padding-inline: 16px;
    border-radius: calc(var(--bw-radius) - 4px);
    border: 1px solid var(--bw-border);
    background: var(--bw-surface);
    color: var(--bw-text);
    cursor: pointer;
    text-align: center;
  }

  /* A link that looks like the buttons beside it: it leaves for the host's support channel. */
  a.support {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
  }

  button.primary {
    background: var(--bw-accent);
    border-color: var(--bw-accent);
    color: var(--bw-accent-text);
    font-weight: 600;
  }

  /* Busy, yet still holding focus (see views/paste.ts); the "Reading…" line beside it says why. */
  button[aria-disabled='true'] {
    cursor: progress;
  }

  button.link {
    border-color: transparent;
    background: transparent;
    color: var(--bw-accent);
    text-decoration: underline;
    padding-inline: 8px;
  }

  button.cause {
    display: block;
    inline-size: 100%;
    text-align: start;
  }

  .causes {
    list-style: none;
    padding-inline-start: 0;
    display: grid;
    gap: 8px;
  }

  .causes li + li {
    margin-block-start: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-block-start: 16px;
  }

  label.field {
    display: block;
    font-weight: 600;
    margin-block-end: 4px;
  }

  input[type='text'],
  input[type='search'],
  select,
  textarea {
    font: inherit;
    letter-spacing: inherit;
    inline-size: 100%;
    min-block-size: 44px;
    padding-block: 8px;
    padding-inline: 12px;
    border: 1px solid var(--bw-muted);
    border-radius: calc(var(--bw-radius) - 4px);
    background: var(--bw-surface);
    color: var(--bw-text);
  }

  .index-filters {
    display: grid;
    gap: 12px;
  }

  .index-entry .badges {
    margin-block-end: 4px;
  }

  .provider-note {
    color: var(--bw-muted);
  }

  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--bw-danger);
  }

  .problem {
    color: var(--bw-danger);
    margin-block: 6px 0;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-end: 12px;
  }

  .badge {
    display: inline-block;
    padding-block: 2px;
    padding-inline: 10px;
    border-radius: 999px;
    border: 1px solid var(--bw-border);
    font-size: 14px;
    font-weight: 600;
  }

  .code-badge {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    background: var(--bw-surface-alt);
    overflow-wrap: anywhere;
  }

  .badge.permanent {
    color: var(--bw-danger);
    border-color: currentColor;
  }

  .badge.temporary {
    color: var(--bw-ok);
    border-color: currentColor;
  }

  dl.meanings {
    margin-block: 0 12px;
  }

  dl.meanings dt {
    font-weight: 600;
  }

  dl.meanings dd {
    margin-inline-start: 0;
    margin-block-end: 8px;
  }

  .notice {
    display: flex;
    gap: 12px;
    align-items: center;
    justify-content: space-between;
    flex-wrap: wrap;
    margin-block-end: 16px;
    padding-block: 8px;
    padding-inline: 12px;
    border: 1px solid var(--bw-border);
    border-inline-start: 4px solid var(--bw-accent);
    border-radius: calc(var(--bw-radius) - 4px);
    background: var(--bw-surface-alt);
  }

  .notice p {
    margin: 0;
  }

  .fallback {
    display: block;
    inline-size: 100%;
    margin-block-start: 8px;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 14px;
    overflow-wrap: anywhere;
    /* The copied diagnosis has one line per fact. */
    white-space: pre-wrap;
    user-select: all;
  }

  a {
    color: var(--bw-accent);
  }

  /* A link on a line of its own is a target too: the padding makes it 24 px tall (WCAG 2.5.8) without moving text. */
  a:not(.support) {
    padding-block: 4px;
  }

  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Windows high contrast paints every background Canvas: what a background alone showed needs a system colour. */
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
    .bar {
      border: 1px solid CanvasText;
    }
    .bar-fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .bar-fill {
      transition: inline-size 200ms ease-out;
    }
    .view {
      animation: bw-enter 160ms ease-out;
    }
    @keyframes bw-enter {
      from { opacity: 0; transform: translateY(4px); }
      to { opacity: 1; transform: none; }
    }
  }
`;
