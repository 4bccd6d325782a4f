/**
 * The filter state of the widget and its conversions: attribute strings → a clean selection,
 * selection → the SDK's `OrganizationFilters`, selection ↔ URL parameters (`sync-url`).
 * Values are checked here so that a typo in a host attribute or a tampered URL never turns into
 * a 400 from the API.
 */
import {
  FILTER_NAMES,
  NEEDS,
  ORGANIZATION_KINDS,
  PROVIDER_ROLES,
  PROVINCES,
  TIMEFRAMES,
  type FacetsResponse,
  type FilterName,
  type OrganizationFilters,
} from '@referral-directory/sdk';

/** Selected values per filter (OR within a filter, AND across filters). */
export type FilterSelection = Partial<Record<FilterName, string[]>>;

/** Facet values per filter, as the facets API returns them. */
export type Facets = FacetsResponse['data'];

/** Filters whose values are a fixed vocabulary, with built-in labels. */
export const FIXED_VOCABULARIES: Partial<Record<FilterName, readonly string[]>> = {
  province: PROVINCES,
  timeframe: TIMEFRAMES,
  need: NEEDS,
  role: PROVIDER_ROLES,
  type: ORGANIZATION_KINDS,
};

const CODE = /^[\w-]{1,64}$/;

const member =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

/** Narrows a string to a filter name. */
export const isFilterName = member(FILTER_NAMES);

/** Splits a space- or comma-separated attribute value into distinct, non-empty items. */
export function parseList(value: string | null | undefined): string[] {
  return [...new Set((value ?? '').split(/[\s,]+/).filter(Boolean))];
}

/** Keeps the values a filter accepts: known codes of a fixed vocabulary, or well-formed codes. */
export function cleanValues(name: FilterName, values: readonly string[]): string[] {
  const fixed = FIXED_VOCABULARIES[name];
  const normalised = name === 'province' ? values.map((v) => v.toUpperCase()) : values;
  return [...new Set(normalised.filter((v) => (fixed ? fixed.includes(v) : CODE.test(v))))];
}

/** Drops empty entries and unknown values. */
export function cleanSelection(selection: FilterSelection): FilterSelection {
  const clean: FilterSelection = {};
  for (const name of FILTER_NAMES) {
    const values = cleanValues(name, selection[name] ?? []);
    if (values.length) clean[name] = values;
  }
  return clean;
}

/** Number of selected values. */
export function countSelected(selection: FilterSelection): number {
  return FILTER_NAMES.reduce((n, name) => n + (selection[name]?.length ?? 0), 0);
}

/** The request filters of a keyword and a selection. */
export function toFilters(q: string, selection: FilterSelection): OrganizationFilters {
  const pick = <T extends string>(name: FilterName, list: readonly T[]): T[] | undefined => {
    const values = selection[name]?.filter(member(list));
    return values?.length ? values : undefined;
  };
  const codes = (name: FilterName): string[] | undefined => selection[name];
  const filters: OrganizationFilters = {
    q: q.trim() || undefined,
    province: pick('province', PROVINCES),
    focus: codes('focus'),
    service: codes('service'),
    timeframe: pick('timeframe', TIMEFRAMES),
    need: pick('need', NEEDS),
    population: codes('population'),
    language: codes('language'),
    role: pick('role', PROVIDER_ROLES),
    type: pick('type', ORGANIZATION_KINDS),
  };
  // Drop the unset keys so that the filters read well in events and tests.
  for (const key of Object.keys(filters) as (keyof OrganizationFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

/**
 * The label of a filter value, on the filters, the chips and the cards alike: the facets API's,
 * in the response language (the server's one table of labels, `cms/src/directory/labels.ts`),
 * else the code itself until the facets have loaded.
 */
export function labelOf(name: FilterName, value: string, facets: Partial<Facets> | undefined): string {
  return facets?.[name]?.find((f) => f.value === value)?.label || value;
}

const PREFIX = 'rd-';

/** Reads `?rd-q=…&rd-province=QC,ON` from a query string. */
export function readUrlState(search: string): { q: string; selection: FilterSelection } {
  const params = new URLSearchParams(search);
  const selection: FilterSelection = {};
  for (const name of FILTER_NAMES) {
    const values = parseList(params.get(PREFIX + name));
    if (values.length) selection[name] = values;
  }
  return { q: params.get(`${PREFIX}q`) ?? '', selection: cleanSelection(selection) };
}

/** Writes the keyword and the selection into `search`, keeping the host page's own parameters. */
export function writeUrlState(search: string, q: string, selection: FilterSelection): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(PREFIX)) params.delete(key);
  if (q.trim()) params.set(`${PREFIX}q`, q.trim());
  for (const name of FILTER_NAMES) {
    const values = selection[name];
    if (values?.length) params.set(PREFIX + name, values.join(','));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
