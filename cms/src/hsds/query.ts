/**
 * Strict parsing of the HSDS API query strings, as the directory API does it: an unknown key, a
 * malformed value or an oversized search is a 400 naming the parameter. Repeated keys and
 * comma-separated values mean OR. Every parameter the HSDS 3.0 API reference defines for an
 * endpoint is accepted, `postcode` and `proximity` included (resolved offline: src/geo).
 */
import type { ErrorDetail } from '@referral-directory/sdk';
import { validationError } from '../directory/errors';
import { terms } from '../catalog/normalize';
import { MAX_PAGE, MAX_QUERY_LENGTH } from '../directory/query';
import { wholeNumberParam } from '../directory/params';
import type { GeoCatalog } from '../catalog/near';
import { isUuid } from './ids';
import { parseProximity, type HsdsProximity } from './proximity';

export const HSDS_DEFAULT_PER_PAGE = 50;
export const HSDS_MAX_PER_PAGE = 200;
const MAX_IDS = 50;

export type HsdsListKind = 'services' | 'organizations' | 'service_at_locations' | 'taxonomies' | 'taxonomy_terms' | 'deleted';
export type HsdsLocale = 'en' | 'fr';

const COMMON = ['search', 'page', 'per_page', 'format', 'locale'];
const RECORD_FILTERS = ['taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after'];
const KEYS: Record<HsdsListKind, ReadonlySet<string>> = {
  services: new Set([...COMMON, ...RECORD_FILTERS, 'minimal', 'full']),
  organizations: new Set([...COMMON, ...RECORD_FILTERS, 'full', 'full_service']),
  service_at_locations: new Set([...COMMON, ...RECORD_FILTERS, 'full', 'postcode', 'proximity']),
  taxonomies: new Set(COMMON),
  taxonomy_terms: new Set([...COMMON, 'taxonomy_id', 'top_only', 'parent_id']),
  deleted: new Set(['page', 'per_page', 'format', 'modified_after']),
};
const BOOLEANS = ['minimal', 'full', 'full_service', 'top_only'];
const SINGLE = ['search', 'page', 'per_page', 'format', 'modified_after', 'postcode', 'proximity', 'locale', 'parent_id', ...BOOLEANS];
const DETAIL_KEYS: Record<HsdsListKind, ReadonlySet<string>> = {
  services: new Set(['locale']),
  organizations: new Set(['locale', 'full_service']),
  service_at_locations: new Set(['locale']),
  taxonomies: new Set(['locale']),
  taxonomy_terms: new Set(['locale']),
  deleted: new Set(),
};

export interface HsdsQuery {
  kind: HsdsListKind;
  /** Folded search terms (accent- and case-insensitive). */
  terms: string[];
  page: number;
  perPage: number;
  format: 'json' | 'ndjson';
  taxonomyTermIds: ReadonlySet<string> | null;
  taxonomyIds: ReadonlySet<string> | null;
  organizationIds: ReadonlySet<string> | null;
  /** ISO timestamp: records modified on or after it. */
  modifiedAfter: string | null;
  /** `postcode` (and `proximity`), service_at_locations only. */
  proximity: HsdsProximity | null;
  /** The language of the core text fields (`locale`, else Accept-Language, else English). */
  locale: HsdsLocale;
  /** `minimal=true` (services): ids and last_modified only. */
  minimal: boolean;
  /** `full=true`: fully nested records, as the detail endpoints give them. */
  full: boolean;
  /** `full_service=true` (organizations): each organization with its services fully nested. */
  fullService: boolean;
  /** `top_only=true` (taxonomy terms): terms without children. */
  topOnly: boolean;
  /** `parent_id` (taxonomy terms): children of that term. */
  parentId: string | null;
}

/** An explicit `locale` wins; else the first of en/fr the Accept-Language header prefers; else English. */
export function localeOf(explicit: string | null, acceptLanguage: string | undefined, details: ErrorDetail[]): HsdsLocale {
  if (explicit !== null) {
    const l = explicit.trim().toLowerCase();
    if (l === 'en' || l === 'fr') return l;
    details.push({ path: 'locale', message: 'must be en or fr' });
    return 'en';
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((x) => /^\s*q=([0-9.]+)\s*$/.exec(x)).find(Boolean);
      return { lang: (tag ?? '').split('-')[0]!, q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => (x.lang === 'en' || x.lang === 'fr') && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'fr' ? 'fr' : 'en';
}

function flag(params: URLSearchParams, key: string, allowed: ReadonlySet<string>, details: ErrorDetail[]): boolean {
  const raw = params.get(key);
  if (raw === null || !allowed.has(key)) return false;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  details.push({ path: key, message: 'must be true or false' });
  return false;
}

function ids(params: URLSearchParams, path: string, details: ErrorDetail[]): ReadonlySet<string> | null {
  const raw = params
    .getAll(path)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (raw.length === 0) return null;
  if (raw.length > MAX_IDS) {
    details.push({ path, message: `accepts at most ${MAX_IDS} values` });
    return null;
  }
  const bad: string | undefined = raw.find((v) => !isUuid(v));
  if (bad !== undefined) {
    details.push({ path, message: `must be a UUID, not ${JSON.stringify(bad.slice(0, 64))}` });
    return null;
  }
  return new Set(raw);
}

/** `2025-01-31` or an ISO 8601 date-time with a zone (`2025-01-31T12:00:00Z`). */
const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

function unknownKeys(params: URLSearchParams, allowed: ReadonlySet<string>, details: ErrorDetail[]): void {
  for (const key of new Set(params.keys())) {
    if (allowed.has(key)) continue;
    details.push({ path: key, message: 'is not a known parameter' });
  }
}

export function parseHsdsQuery(params: URLSearchParams, kind: HsdsListKind, acceptLanguage?: string, catalog?: GeoCatalog): HsdsQuery {
  const allowed = KEYS[kind];
  const details: ErrorDetail[] = [];
  unknownKeys(params, allowed, details);
  for (const key of SINGLE) if (params.getAll(key).length > 1) details.push({ path: key, message: 'must be given once' });

  const search = params.get('search') ?? '';
  if (search.length > MAX_QUERY_LENGTH) details.push({ path: 'search', message: `must be at most ${MAX_QUERY_LENGTH} characters` });
  const page = wholeNumberParam(params.get('page'), 'page', 1, MAX_PAGE, details);
  const perPage = wholeNumberParam(params.get('per_page'), 'per_page', HSDS_DEFAULT_PER_PAGE, HSDS_MAX_PER_PAGE, details);
  const format = params.get('format') ?? 'json';
  if (format !== 'json' && format !== 'ndjson') details.push({ path: 'format', message: 'must be json or ndjson' });

  let modifiedAfter: string | null = null;
  const rawModified = params.get('modified_after');
  if (rawModified !== null && allowed.has('modified_after')) {
    const t = Date.parse(rawModified.replace(' ', 'T'));
    if (!DATE_OR_DATETIME.test(rawModified) || Number.isNaN(t))
      details.push({ path: 'modified_after', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone' });
    else modifiedAfter = new Date(t).toISOString();
  }
  const taxonomyTermIds = allowed.has('taxonomy_term_id') ? ids(params, 'taxonomy_term_id', details) : null;
  const taxonomyIds = allowed.has('taxonomy_id') ? ids(params, 'taxonomy_id', details) : null;
  const organizationIds = allowed.has('organization_id') ? ids(params, 'organization_id', details) : null;
  const proximity = allowed.has('postcode') && catalog ? parseProximity(params, catalog, details) : null;
  const parents = allowed.has('parent_id') ? ids(params, 'parent_id', details) : null;
  const locale = localeOf(allowed.has('locale') ? params.get('locale') : null, acceptLanguage, details);
  const [minimal, full, fullService, topOnly] = BOOLEANS.map((k) => flag(params, k, allowed, details)) as [
    boolean,
    boolean,
    boolean,
    boolean,
  ];
  if (minimal && (full || fullService)) details.push({ path: 'minimal', message: 'cannot be combined with full or full_service' });

  if (details.length) throw validationError(details);
  return {
    kind,
    terms: search.length <= MAX_QUERY_LENGTH ? terms(search) : [],
    page,
    perPage,
    format: format as 'json' | 'ndjson',
    taxonomyTermIds,
    taxonomyIds,
    organizationIds,
    modifiedAfter,
    proximity,
    locale,
    minimal,
    full,
    fullService,
    topOnly,
    parentId: parents ? [...parents][0]! : null,
  };
}

export interface HsdsDetailQuery {
  locale: HsdsLocale;
  fullService: boolean;
}

/** Detail routes take the language (and, for organizations, full_service); anything else is a 400. */
export function parseDetailQuery(params: URLSearchParams, kind: HsdsListKind, acceptLanguage?: string): HsdsDetailQuery {
  const allowed = DETAIL_KEYS[kind];
  const details: ErrorDetail[] = [];
  unknownKeys(params, allowed, details);
  for (const key of allowed) if (params.getAll(key).length > 1) details.push({ path: key, message: 'must be given once' });
  const locale = localeOf(allowed.has('locale') ? params.get('locale') : null, acceptLanguage, details);
  const fullService = flag(params, 'full_service', allowed, details);
  if (details.length) throw validationError(details);
  return { locale, fullService };
}

/** The index, profile and OpenAPI routes take no parameters. */
export function assertNoParams(params: URLSearchParams): void {
  const details: ErrorDetail[] = [];
  unknownKeys(params, new Set(), details);
  if (details.length) throw validationError(details);
}

/** The place resolved (never the text typed) and the distance. */
const proximityKey = (p: HsdsProximity | null): string =>
  !p ? '' : `${p.target.kind === 'point' ? p.target.place.label : p.target.province}@${p.proximityM ?? ''}`;

/** A canonical form of a query, for ETags and the response cache (page and size do not matter for ndjson). */
export function canonicalHsdsQuery(q: HsdsQuery): string {
  const set = (s: ReadonlySet<string> | null) => (s ? [...s].sort().join(',') : '');
  return [
    q.kind,
    q.format,
    q.format === 'ndjson' ? '' : `${q.page}/${q.perPage}`,
    q.terms.join(' '),
    set(q.taxonomyTermIds),
    set(q.taxonomyIds),
    set(q.organizationIds),
    q.modifiedAfter ?? '',
    proximityKey(q.proximity),
    q.locale,
    q.minimal,
    q.full,
    q.fullService,
    q.topOnly,
    q.parentId ?? '',
  ].join('|');
}
