import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .panel {
    display: grid;
    gap: 0.5rem;
  }
  details {
    border: 1px solid var(--rd-border);
    border-radius: var(--rd-radius);
    background: var(--rd-surface);
  }
  summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font-weight: 600;
    cursor: pointer;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  /* A chevron drawn with borders: no generated text for screen readers to announce. */
  summary::after {
    content: '';
    flex: none;
    width: 0.5em;
    height: 0.5em;
    margin-inline-start: auto;
    border-right: 2px solid;
    border-bottom: 2px solid;
    transform: rotate(45deg);
  }
  details[open] > summary::after {
    transform: rotate(-135deg);
  }
  .badge {
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--rd-chip-bg);
    font-size: 0.875em;
    font-weight: 400;
  }
  fieldset {
    margin: 0;
    padding: 0 0.75rem 0.75rem;
    border: 0;
    max-height: 20rem;
    overflow-y: auto;
  }
  label {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.3rem 0;
    cursor: pointer;
  }
  input {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0.15em 0 0;
    accent-color: var(--rd-accent);
  }
  .count {
    margin-inline-start: auto;
    color: var(--rd-muted);
    font-variant-numeric: tabular-nums;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;
