/**
 * Strict parsing of the public list and facets query strings. Unknown keys (including any
 * confidential field name), unknown values, bad numbers and oversized text all fail the same
 * way: a 400 naming the parameter. Repeated keys mean OR (`province=ON&province=QC`).
 */
import type { ErrorDetail, FilterName, Locale, Sort } from '@referral-directory/sdk';
import { FILTER_NAMES, MAX_PAGE_SIZE, SORTS } from '@referral-directory/sdk';
import type { DirectoryQuery, Vocabulary } from '../catalog/catalog';
import { isLocale } from '../catalog/catalog';
import { terms } from '../catalog/normalize';
import { validationError } from './errors';
import { wholeNumberParam } from './params';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_VALUES_PER_FILTER = 50;

const LIST_KEYS = new Set<string>(['q', 'locale', 'page', 'pageSize', 'sort', ...FILTER_NAMES]);
const FACET_KEYS = new Set<string>(['q', 'locale', ...FILTER_NAMES]);
const SINGLE_KEYS = ['q', 'locale', 'page', 'pageSize', 'sort'] as const;

/** Parses the locale alone (detail and settings routes accept only `locale`). */
export function parseLocaleOnly(params: URLSearchParams): Locale {
  const details: ErrorDetail[] = [];
  for (const key of new Set(params.keys())) if (key !== 'locale') details.push({ path: key, message: 'is not a known parameter' });
  const all = params.getAll('locale');
  if (all.length > 1) details.push({ path: 'locale', message: 'must be given once' });
  const locale = all[0] ?? 'en';
  if (!isLocale(locale)) details.push({ path: 'locale', message: 'must be en or fr' });
  if (details.length) throw validationError(details);
  return locale as Locale;
}

/** The keys a query of `kind` may hold, per set of filter names (made once each). */
const allowed = {
  list: new WeakMap<readonly string[], ReadonlySet<string>>(),
  facets: new WeakMap<readonly string[], ReadonlySet<string>>(),
};
function allowedKeys(kind: 'list' | 'facets', filterNames: readonly string[]): ReadonlySet<string> {
  let keys = allowed[kind].get(filterNames);
  if (!keys) allowed[kind].set(filterNames, (keys = new Set([...(kind === 'list' ? LIST_KEYS : FACET_KEYS), ...filterNames])));
  return keys;
}

/** The values of a filter's vocabulary (a catalog version's own list: made once per version). */
const values = new WeakMap<readonly { value: string }[], ReadonlySet<string>>();
function valuesOf(terms: readonly { value: string }[]): ReadonlySet<string> {
  let known = values.get(terms);
  if (!known) values.set(terms, (known = new Set(terms.map((t) => t.value))));
  return known;
}

export function parseDirectoryQuery<F extends string = FilterName>(
  params: URLSearchParams,
  vocabulary: Vocabulary<F>,
  kind: 'list' | 'facets',
  // Cast kept: the default is right only when F is FilterName (the public API); the staff API passes its own names.
  filterNames: readonly F[] = FILTER_NAMES as unknown as readonly F[],
): DirectoryQuery<F> {
  const allowed = allowedKeys(kind, filterNames);
  const details: ErrorDetail[] = [];
  for (const key of new Set(params.keys())) {
    if (!allowed.has(key)) details.push({ path: key, message: 'is not a known parameter' });
  }
  for (const key of SINGLE_KEYS) if (params.getAll(key).length > 1) details.push({ path: key, message: 'must be given once' });

  const q = params.get('q') ?? '';
  if (q.length > MAX_QUERY_LENGTH) details.push({ path: 'q', message: `must be at most ${MAX_QUERY_LENGTH} characters` });

  const localeRaw = params.get('locale') ?? 'en';
  if (!isLocale(localeRaw)) details.push({ path: 'locale', message: 'must be en or fr' });

  const filters: Partial<Record<F, ReadonlySet<string>>> = {};
  for (const name of filterNames) {
    const given = params.getAll(name);
    if (given.length === 0) continue;
    const raw = given
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (raw.length === 0) continue;
    if (raw.length > MAX_VALUES_PER_FILTER) {
      details.push({ path: name, message: `accepts at most ${MAX_VALUES_PER_FILTER} values` });
      continue;
    }
    const known = valuesOf(vocabulary[name]);
    const bad = raw.filter((v) => !known.has(v));
    if (bad.length) details.push({ path: name, message: `unknown value ${JSON.stringify(bad[0]!.slice(0, 64))}` });
    else filters[name] = new Set(raw);
  }

  const page = wholeNumberParam(params.get('page'), 'page', 1, MAX_PAGE, details);
  const pageSize = wholeNumberParam(params.get('pageSize'), 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, details);
  const queryTerms = q.length <= MAX_QUERY_LENGTH ? terms(q) : [];
  const sortRaw = params.get('sort') ?? (queryTerms.length > 0 ? 'relevance' : 'name');
  if (!(SORTS as readonly string[]).includes(sortRaw)) details.push({ path: 'sort', message: `must be one of ${SORTS.join(', ')}` });

  if (details.length) throw validationError(details);
  return { terms: queryTerms, filters, locale: localeRaw as Locale, page, pageSize, sort: sortRaw as Sort };
}

/** A canonical form of a parsed query, for ETags and the response cache. */
export function canonicalQuery<F extends string>(q: DirectoryQuery<F>): string {
  const parts = [q.locale, q.page, q.pageSize, q.sort, q.terms.join(' ')];
  for (const name of Object.keys(q.filters).sort() as F[]) {
    const set = q.filters[name];
    if (set) parts.push(`${name}=${[...set].sort().join(',')}`);
  }
  return parts.join('|');
}
