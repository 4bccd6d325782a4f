import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .exit {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--rd-exit-bg);
    border-radius: var(--rd-radius);
    background: var(--rd-exit-bg);
    color: var(--rd-exit-text);
    font-weight: 700;
    cursor: pointer;
  }
  button:hover {
    text-decoration: underline;
  }
  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--rd-muted);
  }
  :host([compact]) .hint {
    display: none;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;
