import { css } from 'lit';

export const styles = css`
  :host {
    /* Theme tokens: override them on the element, e.g. referral-directory { --rd-accent: #5b2a86; } */
    --rd-font-family: inherit;
    --rd-font-size: 1rem;
    --rd-surface: Canvas;
    --rd-text: CanvasText;
    --rd-muted: light-dark(#4b5159, #c3c8cf);
    --rd-border: light-dark(#8a9099, #737b86);
    --rd-accent: light-dark(#0b57a4, #9cc5ff);
    --rd-on-accent: light-dark(#ffffff, #0b1b2e);
    --rd-link: var(--rd-accent);
    --rd-focus: var(--rd-accent);
    --rd-error: light-dark(#a1130e, #ffb4ab);
    --rd-chip-bg: light-dark(#e7eff9, #1f3350);
    --rd-card-bg: var(--rd-surface);
    --rd-hotline-bg: #153a5b;
    --rd-hotline-text: #ffffff;
    --rd-exit-bg: #a1130e;
    --rd-exit-text: #ffffff;
    --rd-urgent-bg: light-dark(#fdeceb, #4a1512);
    --rd-urgent-text: light-dark(#8c1410, #ffd9d4);
    --rd-radius: 0.5rem;
    --rd-gap: 1rem;

    display: block;
    font-family: var(--rd-font-family);
    font-size: var(--rd-font-size);
    line-height: 1.5;
    color: var(--rd-text);
    background: var(--rd-surface);
  }
  /* Browsers without light-dark() get the light palette rather than no colour at all. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --rd-muted: #4b5159;
      --rd-border: #8a9099;
      --rd-accent: #0b57a4;
      --rd-on-accent: #ffffff;
      --rd-error: #a1130e;
      --rd-chip-bg: #e7eff9;
      --rd-urgent-bg: #fdeceb;
      --rd-urgent-text: #8c1410;
    }
  }
  .root {
    container: rd / inline-size;
    display: grid;
    gap: var(--rd-gap);
    min-width: 0;
  }
  /* The room the quick-exit bar takes (--rd-bar-size, measured) plus the focus ring: see shared.styles. */
  .root {
    --rd-bar-top: calc(var(--rd-bar-size, 0px) + 0.5rem);
  }
  :host([quick-exit-position='fixed']) .root {
    --rd-bar-top: 0px;
    --rd-bar-bottom: calc(var(--rd-bar-size, 0px) + 1.5rem);
  }
  .exit {
    position: sticky;
    top: 0;
    z-index: 2;
    padding: 0.5rem 0;
    background: var(--rd-surface);
  }
  :host([quick-exit-position='fixed']) .exit {
    position: fixed;
    top: auto;
    bottom: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483000;
    padding: 0;
    background: none;
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
  }
  .layout {
    display: grid;
    gap: var(--rd-gap);
    align-items: start;
  }
  .filters {
    display: grid;
    gap: 0.5rem;
  }
  .filters-toggle {
    justify-self: start;
  }
  rd-filter-panel:not(.open) {
    display: none;
  }
  @container rd (min-width: 48rem) {
    :host(:not([compact])) .layout {
      grid-template-columns: minmax(14rem, 18rem) minmax(0, 1fr);
    }
    :host(:not([compact])) .filters-toggle {
      display: none;
    }
    :host(:not([compact])) rd-filter-panel {
      display: block;
    }
  }
  .results {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .count {
    font-weight: 600;
  }
  .count:focus {
    outline: none;
  }
  .sort {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .sort select {
    width: auto;
  }
  .list {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .more {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    color: var(--rd-muted);
  }
  .state {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: 1rem;
    border: 1px solid var(--rd-border);
    border-radius: var(--rd-radius);
  }
  .state-title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .call a {
    font-weight: 700;
    white-space: nowrap;
  }
  .disclaimer {
    padding-top: 0.75rem;
    border-top: 1px solid var(--rd-border);
    color: var(--rd-muted);
    font-size: 0.875em;
  }
  @media print {
    :host {
      color: #000;
      background: none;
    }
    .exit,
    rd-search-bar,
    .filters,
    .sort,
    .more button {
      display: none !important;
    }
    /* A card's "Print": that record alone. */
    .results:has(rd-result-card[printing]) :is(li, .shared, .bar, .more, rd-filter-chips, rd-search-notice):not(:has([printing])) {
      display: none;
    }
    .layout {
      display: block;
    }
  }
`;
