import { css } from 'lit';

/** The paste view's own rules; the shared ones (buttons, badges, fields) come from the element's styles. */
export const pasteStyles = css`
  /* Borders, colours and padding are the shared field rules; a bounce reads best in monospace. */
  textarea {
    display: block;
    box-sizing: border-box;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 14px;
    min-block-size: 160px;
    resize: vertical;
  }

  .evidence {
    list-style: none;
    padding-inline-start: 0;
    display: grid;
    gap: 6px;
  }

  .facts {
    display: grid;
    gap: 4px;
    margin-block: 12px;
  }

  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 8px;
  }

  .facts dt {
    font-weight: 600;
  }

  .facts dd {
    margin: 0;
  }

  .evidence li,
  .recipients .address,
  .facts dd {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 14px;
    overflow-wrap: anywhere;
  }

  .evidence li {
    padding-block: 6px;
    padding-inline: 10px;
    border-radius: calc(var(--bw-radius) - 4px);
    background: var(--bw-surface-alt);
    white-space: pre-wrap;
  }

  mark {
    background: var(--bw-accent);
    color: var(--bw-accent-text);
    border-radius: 2px;
    padding-inline: 2px;
  }

  /* Forced colours would paint the mark's background Canvas, hiding which words the diagnosis rests on. */
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }

  .paste-start {
    margin-block-start: 12px;
  }
`;
