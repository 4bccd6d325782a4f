/**
 * What the widget asks the API, from its own state: the client, the filters of a request, the
 * page size and the sort in force, and the record a copied link names.
 */
import {
  createDirectoryClient,
  MAX_PAGE_SIZE,
  SORTS,
  type DirectoryClient,
  type NearFields,
  type OrganizationFilters,
  type OrganizationList,
  type PublicOrganization,
  type Sort,
} from '@referral-directory/sdk';
import { toFilters, type FilterSelection } from './filters.js';

/** A result as the list shows it: the record, with its distance and open state. */
export type Hit = PublicOrganization & NearFields;

/** A load of the list: every result shown so far, and the keyword and filters they were loaded for. */
export interface Results {
  items: Hit[];
  meta: OrganizationList['meta'];
  q: string;
  selection: FilterSelection;
}

/** The client of `api-url`, none without one. */
export function clientFor(apiUrl: string): DirectoryClient | undefined {
  return apiUrl
    ? createDirectoryClient({
        baseUrl: apiUrl,
        // Fail fast: the error state (with the hotline) helps more than a long spinner.
        retry: { retries: 1, baseDelayMs: 250 },
        timeoutMs: 15_000,
        staleIfError: true,
      })
    : undefined;
}

export const isSort = (value: string): value is Sort => (SORTS as readonly string[]).includes(value);

/** The request filters: the keyword and selection, plus the place and "open now". */
export const filtersOf = (q: string, selection: FilterSelection, near: string, openNow: boolean): OrganizationFilters => ({
  ...toFilters(q, selection),
  ...(near.trim() && { near: near.trim() }),
  ...(openNow && { openNow }),
});

/** `page-size` as a whole number from 1 to the API's maximum (10 when it is not a number). */
export function pageSizeOf(value: number): number {
  const size = Math.trunc(value);
  return Number.isFinite(size) ? Math.min(Math.max(size, 1), MAX_PAGE_SIZE) : 10;
}

/** The sort shown: the one chosen (distance only with a place), else distance, best match or name. */
export function sortShown(sort: Sort | '', near: string, q: string): Sort {
  const place = near.trim();
  return (sort !== 'distance' || place ? sort : '') || (place ? 'distance' : q.trim() ? 'relevance' : 'name');
}

/** A link to a record copied from a card: `#rd-org=slug` (see `RdResultCard`). */
export const sharedSlug = (): string => /^#rd-org=([\w-]{1,100})$/.exec(location.hash)?.[1] ?? '';
