import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  p {
    margin: 0 0 0.5rem;
  }
  mark {
    background: var(--rd-mark-bg, #fff3b0);
    color: inherit;
    font-weight: 600;
  }
  .suggestion {
    font: inherit;
    font-weight: 600;
    padding: 0;
    border: 0;
    background: none;
    color: var(--rd-link, inherit);
    text-decoration: underline;
    cursor: pointer;
  }
  .suggestion:focus-visible {
    outline: 2px solid var(--rd-focus, currentColor);
    outline-offset: 2px;
  }
`;
