import { css } from 'lit';

/** "Check my domain": the form's spacing and the findings list; buttons and fields use the shared rules. */
export const domainCheckStyles = css`
  .dns-form .hint {
    margin-block: 4px 12px;
  }

  .findings {
    list-style: none;
    padding-inline-start: 0;
    display: grid;
    gap: 8px;
  }

  .finding {
    padding-block: 8px;
    padding-inline: 12px;
    border: 1px solid var(--bw-border);
    border-inline-start-width: 4px;
    border-radius: calc(var(--bw-radius) - 4px);
  }

  .finding p {
    margin-block: 0 6px;
    overflow-wrap: anywhere;
  }

  .finding-title {
    font-weight: 600;
  }

  .finding[data-severity='error'] {
    border-inline-start-color: var(--bw-danger);
  }

  .finding[data-severity='ok'] {
    border-inline-start-color: var(--bw-ok);
  }

  .severity-icon {
    display: inline-block;
    min-inline-size: 1.2em;
    text-align: center;
  }

  .dns-offer {
    margin-block-start: 12px;
  }
`;
