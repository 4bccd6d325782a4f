import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .hotline {
    padding: 0.75rem 1rem;
    border-radius: var(--rd-radius);
    background: var(--rd-hotline-bg);
    color: var(--rd-hotline-text);
  }
  p {
    margin: 0;
  }
  .name {
    font-weight: 700;
  }
  .call {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    margin: 0.25rem 0;
    font-size: 1.375em;
    font-weight: 700;
  }
  a {
    color: inherit;
  }
  .number {
    white-space: nowrap;
  }
  .meta {
    font-size: 0.9375em;
  }
  .meta span + span::before {
    content: ' · ';
  }
  .emergency {
    margin-top: 0.25rem;
    font-weight: 600;
  }
  @media print {
    .hotline {
      border: 2px solid;
      background: none;
      color: #000;
    }
  }
`;
