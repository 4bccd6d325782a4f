/**
 * Rules every part of the widget uses: box sizing, visually hidden text, focus ring, links and
 * buttons drawn from the `--rd-*` tokens that `<referral-directory>` declares on its host.
 */
import { css } from 'lit';

export const shared = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Focus Not Obscured (WCAG 2.4.11): a control scrolled into view (Tab, focus()) stops clear of
     the quick-exit bar; <referral-directory> sets the room the bar takes. */
  * {
    scroll-margin-block: var(--rd-bar-top, 0px) var(--rd-bar-bottom, 0px);
  }
  [hidden] {
    display: none !important;
  }
  .vh {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  a {
    color: var(--rd-link);
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  :focus-visible {
    outline: 3px solid var(--rd-focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--rd-accent);
    border-radius: var(--rd-radius);
    background: var(--rd-surface);
    color: var(--rd-accent);
    font-weight: 600;
    cursor: pointer;
    text-align: center;
  }
  .btn.primary {
    background: var(--rd-accent);
    color: var(--rd-on-accent);
  }
  .btn[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .field {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--rd-border);
    border-radius: var(--rd-radius);
    background: var(--rd-surface);
  }
  @media (prefers-reduced-motion: no-preference) {
    .btn {
      transition: background-color 0.15s, color 0.15s;
    }
  }
  @media print {
    .btn {
      display: none !important;
    }
  }
`;
