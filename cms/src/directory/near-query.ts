/**
 * Parsing of the near-me and open-now parameters of the list and facets (public and staff):
 * `near` (a postal code, a city, a province, or `lat,lon` from a browser's position, rounded to
 * 2 decimals here whatever the client sent), `radiusKm`, `openNow`, `openAt`. A place the
 * gazetteer cannot resolve is a 400 naming it — never an empty list that would read as "no
 * services here".
 */
import type { ErrorDetail, FilterName } from '@referral-directory/sdk';
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, geoOf, type GeoCatalog, type NearTarget, type OpenTime } from '../catalog/near';
import type { NearQuery } from '../catalog/near-search';
import type { Gazetteer, PlaceLookup } from '../geo/gazetteer';
import { parseLocalDateTime } from '../hours/open-now';
import type { DirectoryQuery, Vocabulary } from '../catalog/catalog';
import { DirectoryHttpError, validationError } from './errors';
import { canonicalQuery, parseDirectoryQuery } from './query';

export const NEAR_KEYS = ['near', 'radiusKm', 'openNow', 'openAt'] as const;
export const MAX_NEAR_LENGTH = 100;

export interface NearParams {
  near: NearTarget | null;
  /** Keep only records open at this time, and say per hit whether and until when they are. */
  open: OpenTime | null;
}

const quote = (text: string): string => JSON.stringify(text.slice(0, MAX_NEAR_LENGTH));

/** Why a place was not resolved, in words a person can act on. */
function unresolved(result: Exclude<PlaceLookup, { found: 'point' } | { found: 'province' }>): string {
  switch (result.reason) {
    case 'ambiguous':
      return `${quote(result.text)} is in several provinces (${result.provinces.join(', ')}): add one, e.g. ${quote(`${result.text}, ${result.provinces[0]}`)}`;
    case 'invalid-postal-code':
      return `${quote(result.text)} is not a Canadian postal code (A1A 1A1)`;
    case 'invalid-coordinates':
      return `${quote(result.text)} is not a latitude and longitude (latitude from -90 to 90, longitude from -180 to 180, e.g. "45.50,-73.57")`;
    case 'outside-canada':
      return `${quote(result.text)} is not in Canada: the directory measures distances from Canadian places only`;
    case 'unknown-postal-area':
      return `the postal area of ${quote(result.text)} (${result.province}) is not known to the directory: enter the city instead`;
    default:
      return `unknown place ${quote(result.text)}: enter a Canadian postal code, its first three characters, or a city`;
  }
}

/** `gazetteer` is asked for only when `near` is given (building it reads every record of a catalog version). */
export function parseNearParams(params: URLSearchParams, gazetteer: () => Gazetteer, now: Date, details: ErrorDetail[]): NearParams {
  for (const key of NEAR_KEYS) if (params.getAll(key).length > 1) details.push({ path: key, message: 'must be given once' });

  let near: NearTarget | null = null;
  const nearRaw = params.get('near');
  const radiusRaw = params.get('radiusKm');
  let radiusKm = DEFAULT_RADIUS_KM;
  if (radiusRaw !== null) {
    if (!/^[0-9]{1,4}$/.test(radiusRaw) || Number(radiusRaw) < 1 || Number(radiusRaw) > MAX_RADIUS_KM) {
      details.push({ path: 'radiusKm', message: `must be a whole number of kilometres from 1 to ${MAX_RADIUS_KM}` });
    } else radiusKm = Number(radiusRaw);
    if (nearRaw === null) details.push({ path: 'radiusKm', message: 'needs near' });
  }
  if (nearRaw !== null) {
    if (nearRaw.trim() === '') details.push({ path: 'near', message: 'must name a postal code or a city' });
    else if (nearRaw.length > MAX_NEAR_LENGTH) details.push({ path: 'near', message: `must be at most ${MAX_NEAR_LENGTH} characters` });
    else {
      const result = gazetteer().lookup(nearRaw);
      if (result.found === 'point') near = { kind: 'point', place: result.place, radiusKm };
      else if (result.found === 'province') {
        near = { kind: 'province', province: result.province };
        if (radiusRaw !== null) details.push({ path: 'radiusKm', message: 'needs near to be a postal code or a city, not a province' });
      } else details.push({ path: 'near', message: unresolved(result) });
    }
  }

  let open: OpenTime | null = null;
  const openNow = params.get('openNow');
  const openAt = params.get('openAt');
  if (openNow !== null && openNow !== 'true' && openNow !== 'false') details.push({ path: 'openNow', message: 'must be true or false' });
  if (openNow === 'true' && openAt !== null) details.push({ path: 'openAt', message: 'cannot be combined with openNow=true' });
  else if (openNow === 'true') open = { kind: 'now', instant: now };
  if (openAt !== null) {
    const wall = parseLocalDateTime(openAt);
    if (!wall) details.push({ path: 'openAt', message: 'must be a local date-time without offset, e.g. 2026-12-03T23:00' });
    else if (openNow !== 'true') open = { kind: 'local', wall };
  }
  return { near, open };
}

const canonicalTime = (t: OpenTime): string => (t.kind === 'now' ? minuteOf(t.instant) : `at:${t.wall.date}+${t.wall.minutes}`);

/** `now:` and the instant's minute (UTC), its text made once per minute: every list asks for it. */
let lastMinute = { minute: NaN, text: '' };
function minuteOf(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute.minute) lastMinute = { minute, text: `now:${instant.toISOString().slice(0, 16)}` };
  return lastMinute.text;
}

/**
 * A canonical form for the response cache: open now changes with the minute, and so does a list,
 * whose hits say whether they are open at the request's minute (`at`); facets count no such thing.
 */
export function canonicalNear(p: NearParams & { at?: OpenTime }): string {
  const near = !p.near ? '' : p.near.kind === 'province' ? `p:${p.near.province}` : `${p.near.place.label}@${p.near.radiusKm}`;
  const open = p.open ? canonicalTime(p.open) : '';
  return p.at ? `${near}|${open}|${canonicalTime(p.at)}` : `${near}|${open}`;
}

/**
 * The list or facets query with the near and open parameters: the catalog's own parameters are
 * parsed as before (without these keys), then these; every error of both comes back in one 400.
 * `sort=distance` needs `near`, and is the default with it.
 */
export function parseNearQuery<F extends string = FilterName>(
  params: URLSearchParams,
  catalog: GeoCatalog & { vocabulary: Vocabulary<F> },
  kind: 'list' | 'facets',
  filterNames?: readonly F[],
  now: Date = new Date(),
): { q: DirectoryQuery<F>; nq: NearQuery } {
  const sorts = params.getAll('sort');
  const wantsDistance = kind === 'list' && sorts.length === 1 && sorts[0] === 'distance';
  // The catalog's own parameters: a copy without these keys, when there are any.
  let base = params;
  if (wantsDistance || NEAR_KEYS.some((key) => params.has(key))) {
    base = new URLSearchParams(params);
    for (const key of NEAR_KEYS) base.delete(key);
    if (wantsDistance) base.delete('sort');
  }
  const details: ErrorDetail[] = [];
  let q: DirectoryQuery<F> | null = null;
  try {
    q = parseDirectoryQuery<F>(base, catalog.vocabulary, kind, filterNames);
  } catch (error) {
    if (!(error instanceof DirectoryHttpError) || error.status !== 400) throw error;
    details.push(...error.details);
  }
  const p = parseNearParams(params, () => geoOf(catalog).gazetteer, now, details);
  if (wantsDistance && !p.near) details.push({ path: 'sort', message: 'distance needs near' });
  if (details.length || !q) throw validationError(details);
  return { q, nq: { ...p, byDistance: !!p.near && (wantsDistance || !params.has('sort')), at: p.open ?? { kind: 'now', instant: now } } };
}

/** A query parsed from its string, with its canonical form (see canonicalQuery). */
export interface ParsedQuery<F extends string> {
  q: DirectoryQuery<F>;
  nq: NearQuery;
  canonical: string;
}

interface KeptQuery {
  vocabulary: object;
  q: DirectoryQuery<string>;
  canonical: string;
}
/** Parsed query strings kept (the oldest out first): a few hundred bytes each. */
const KEPT_QUERIES = 1024;
const kept = new Map<string, KeptQuery>();

/**
 * `parseNearQuery` of a public list or facets query string. Its result is kept, per vocabulary,
 * when it depends on neither a place nor a time (no `near`, `openNow` or `openAt`: most requests),
 * so that a page asked for again is not parsed again: parsing and the canonical form were a tenth
 * of the CPU of answering a cached page (`npm run bench -w cms`, run (a)). The result is the
 * caller's to read, never to change.
 */
export function parseQueryString(
  querystring: string,
  catalog: GeoCatalog & { vocabulary: Vocabulary<FilterName> },
  kind: 'list' | 'facets',
  now: Date = new Date(),
): ParsedQuery<FilterName> {
  const key = `${kind}?${querystring}`;
  const found = kept.get(key);
  if (found && found.vocabulary === catalog.vocabulary) {
    // Cast kept: stored for this vocabulary's filter names.
    const q = found.q as DirectoryQuery<FilterName>;
    return { q, nq: { near: null, open: null, byDistance: false, at: { kind: 'now', instant: now } }, canonical: found.canonical };
  }
  const { q, nq } = parseNearQuery(new URLSearchParams(querystring), catalog, kind, undefined, now);
  const canonical = canonicalQuery(q);
  if (!nq.near && !nq.open) {
    if (kept.size >= KEPT_QUERIES) kept.delete(kept.keys().next().value!);
    kept.set(key, { vocabulary: catalog.vocabulary, q, canonical });
  }
  return { q, nq, canonical };
}
