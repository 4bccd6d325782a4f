import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .card {
    display: grid;
    gap: 0.625rem;
    padding: 1rem;
    border: 1px solid var(--rd-border);
    border-radius: var(--rd-radius);
    background: var(--rd-card-bg);
    overflow-wrap: break-word;
  }
  :host([compact]) .card {
    gap: 0.375rem;
    padding: 0.75rem;
  }
  h3,
  h4,
  p,
  dl,
  dd,
  ul {
    margin: 0;
  }
  h3 {
    font-size: 1.25em;
    line-height: 1.3;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 3px solid var(--rd-focus);
  }
  .kind,
  .verified {
    color: var(--rd-muted);
    font-size: 0.9375em;
  }
  .urgent {
    justify-self: start;
    padding: 0.125rem 0.625rem;
    border: 2px solid var(--rd-urgent-text);
    border-radius: 1em;
    background: var(--rd-urgent-bg);
    color: var(--rd-urgent-text);
    font-weight: 700;
  }
  dl {
    display: grid;
    gap: 0.25rem 1rem;
  }
  dt {
    font-weight: 600;
  }
  @container (min-width: 32rem) {
    dl {
      grid-template-columns: minmax(8rem, max-content) 1fr;
    }
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .contact {
    display: grid;
    gap: 0.25rem;
  }
  .contact a {
    font-weight: 600;
  }
  .schedule li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .near {
    font-weight: 600;
  }
  .copied {
    flex-basis: 100%;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .details {
    display: grid;
    gap: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--rd-border);
  }
  .pre {
    white-space: pre-line;
  }
  @media print {
    .card {
      break-inside: avoid;
      border-color: #000;
    }
    .details[hidden] {
      display: grid !important;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-weight: 400;
    }
    rd-suggest-form,
    .copied {
      display: none;
    }
  }
`;
