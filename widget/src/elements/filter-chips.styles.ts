import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--rd-border);
    border-radius: 1.25rem;
    background: var(--rd-chip-bg);
    color: var(--rd-text);
    font-size: 0.9375em;
    text-align: start;
  }
  button.chip {
    cursor: pointer;
  }
  .x {
    font-size: 1.25em;
    line-height: 1;
  }
  .clear {
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 0;
    background: none;
    color: var(--rd-link);
    text-decoration: underline;
    cursor: pointer;
  }
  @media print {
    button {
      display: none !important;
    }
  }
`;
