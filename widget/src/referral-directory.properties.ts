/**
 * The reactive properties of `<referral-directory>`, declared as Lit's `static properties` rather
 * than with its decorators: the decorators' code (and TypeScript's `__decorate` helper) took 0.6 KB
 * of the size budget. Attributes first (the API, documented on the element), then its private state.
 */
import type { PropertyDeclarations } from 'lit';

export const properties = {
  apiUrl: { attribute: 'api-url' },
  q: {},
  near: {},
  province: {},
  focusArea: { attribute: 'focus' },
  service: {},
  timeframe: {},
  need: {},
  population: {},
  language: {},
  providerRole: { attribute: 'provider-role' },
  type: {},
  locked: {},
  hideFilters: { attribute: 'hide-filters' },
  pageSize: { type: Number, attribute: 'page-size' },
  noQuickExit: { type: Boolean, attribute: 'no-quick-exit' },
  exitUrl: { attribute: 'exit-url' },
  quickExitPosition: { attribute: 'quick-exit-position', reflect: true },
  suggestions: { type: Boolean },
  geolocation: { type: Boolean },
  syncUrl: { type: Boolean, attribute: 'sync-url' },
  compact: { type: Boolean, reflect: true },
  label: {},
  _q: { state: true },
  _selection: { state: true },
  _sort: { state: true },
  _near: { state: true },
  _openNow: { state: true },
  _page: { state: true },
  _filtersOpen: { state: true },
} satisfies PropertyDeclarations;
