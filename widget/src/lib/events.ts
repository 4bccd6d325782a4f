/**
 * The public events of the widget. Each is a `CustomEvent` that bubbles and crosses shadow
 * roots (`composed`) and is typed for `addEventListener` through `GlobalEventHandlersEventMap`.
 * Most are fired for a user action only; `rd-results` and `rd-error` tell the host page how
 * each load of the results ended (the first one included).
 */
import type { FilterSelection } from './filters.js';

/** `rd-search`: the person searched (debounced typing, or Enter). */
export interface RdSearchDetail {
  /** The keyword, trimmed; empty when the field was cleared. */
  q: string;
  /** The place (city or postal code) in force, trimmed; absent when the search did not say (a "Did you mean"). */
  near?: string;
}

/** `rd-filter-change`: the person changed the filters. */
export interface RdFilterChangeDetail {
  /** Every selected value per filter after the change (locked filters included). */
  filters: FilterSelection;
}

/** `rd-select`: the person expanded a result to see its details. */
export interface RdSelectDetail {
  slug: string;
  name: string;
}

/** `rd-quick-exit`: the person used quick exit; the page is leaving. */
export interface RdQuickExitDetail {
  /** Where the page is going. */
  url: string;
}

/** `rd-suggestion-sent`: a "suggest an update" message was accepted by the API. */
export interface RdSuggestionSentDetail {
  /** Slug of the organization concerned. */
  organization: string;
  /** The API's reference for the submission. */
  reference: string;
}

/** `rd-results`: a load of the results succeeded (the first one, then after each change). */
export interface RdResultsDetail {
  /** How many organizations match, in all (not only those shown). */
  count: number;
  /** The keyword in force, trimmed; empty when none. */
  q: string;
  /** The filters in force (presets and locked filters included). */
  filters: FilterSelection;
}

/** `rd-error`: a load of the results failed (the widget shows its error state and the hotline). */
export interface RdErrorDetail {
  /** The SDK's error name, e.g. `HttpError`, `NetworkError`, `TimeoutError`, `MalformedResponseError`. */
  name: string;
  /** The HTTP status, when the API answered one. */
  status: number | undefined;
}

export interface RdEventMap {
  'rd-search': CustomEvent<RdSearchDetail>;
  'rd-filter-change': CustomEvent<RdFilterChangeDetail>;
  'rd-select': CustomEvent<RdSelectDetail>;
  'rd-quick-exit': CustomEvent<RdQuickExitDetail>;
  'rd-suggestion-sent': CustomEvent<RdSuggestionSentDetail>;
  'rd-results': CustomEvent<RdResultsDetail>;
  'rd-error': CustomEvent<RdErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs an interface
  interface GlobalEventHandlersEventMap extends RdEventMap {}
}

type Detail<K extends keyof RdEventMap> = RdEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a public event from `target`. */
export function emit<K extends keyof RdEventMap>(target: EventTarget, type: K, detail: Detail<K>): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
