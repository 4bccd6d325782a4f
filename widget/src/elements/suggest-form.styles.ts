import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid var(--rd-border);
    border-radius: var(--rd-radius);
  }
  h4,
  p {
    margin: 0;
  }
  label {
    font-weight: 600;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  .hint {
    color: var(--rd-muted);
    font-size: 0.9375em;
  }
  .error {
    color: var(--rd-error);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--rd-error);
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .done {
    padding: 0.75rem;
    border-radius: var(--rd-radius);
    background: var(--rd-chip-bg);
  }
  .done:focus {
    outline: none;
  }
`;
