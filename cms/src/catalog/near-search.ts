/**
 * The list and the facets with `near` and `openNow`/`openAt`: the catalog's own search (filters
 * and text) first, over every record, then the geo restriction, the distance order and the page.
 * Each hit of the page gets its `distanceKm`, `coverage` and `open` as extra JSON members.
 */
import type { FacetValue, Locale } from '@referral-directory/sdk';
import type { DirectoryQuery } from './catalog';
import { PLACES_ATTRIBUTION } from '../geo/place-table';
import type { OpenState } from '../hours/open-now';
import { byDistance, geoOf, type GeoRecord, type NearHit, type NearTarget, type OpenTime } from './near';

export interface NearQuery {
  near: NearTarget | null;
  open: OpenTime | null;
  /** `sort=distance`, explicit or by default with `near`. */
  byDistance: boolean;
}

interface GeoEntry<F extends string> {
  records: { en: GeoRecord };
  values: Record<F, readonly string[]>;
}

/** The part of `Catalog` this needs (public and staff catalogs alike). */
export interface SearchableCatalog<E extends GeoEntry<F>, F extends string, T> {
  readonly entries: readonly E[];
  readonly filterNames: readonly F[];
  readonly vocabulary: Record<F, ReadonlyArray<{ value: string; labels: Record<Locale, string> }>>;
  search(q: DirectoryQuery<F>): { page: E[]; total: number; text?: T };
}

export interface NearResult<E, T> {
  page: E[];
  total: number;
  text?: T;
  /** Extra JSON members of a page entry (`,"distanceKm":3,...`), '' when none. */
  extra(e: E): string;
  /** Extra members of `meta`. */
  meta: Record<string, unknown>;
}

const positions = new WeakMap<object, Map<object, number>>();
function positionOf<E extends object>(entries: readonly E[]): Map<E, number> {
  let m = positions.get(entries) as Map<E, number> | undefined;
  if (!m) {
    m = new Map(entries.map((e, i) => [e, i]));
    positions.set(entries, m);
  }
  return m;
}

/** Every record the catalog's own query selects, in its order (relevance or name). */
function everything<E extends GeoEntry<F>, F extends string, T>(catalog: SearchableCatalog<E, F, T>, q: DirectoryQuery<F>) {
  return catalog.search({ ...q, page: 1, pageSize: Math.max(1, catalog.entries.length) });
}

/** Positions kept by near and open, with what each hit says. */
function restrict<E extends GeoEntry<F>, F extends string, T>(catalog: SearchableCatalog<E, F, T>, entries: readonly E[], nq: NearQuery) {
  const { index } = geoOf(catalog);
  const pos = positionOf(catalog.entries);
  const hits: Array<NearHit | undefined> | null = nq.near ? index.near(nq.near) : null;
  const open = new Map<number, OpenState | null>();
  let kept: number[] = [];
  for (const e of entries) {
    const i = pos.get(e);
    if (i === undefined) continue;
    if (hits && !hits[i]) continue;
    if (nq.open) {
      const state = index.open(i, nq.open);
      if (!state?.now) continue;
      open.set(i, state);
    }
    kept.push(i);
  }
  if (hits && nq.byDistance) kept = byDistance(kept, hits);
  return { kept, hits, open };
}

export function nearMeta(nq: NearQuery): Record<string, unknown> {
  if (!nq.near) return {};
  const near = nq.near.kind === 'point' ? { label: nq.near.place.label, radiusKm: nq.near.radiusKm } : { province: nq.near.province };
  return { near, attribution: PLACES_ATTRIBUTION };
}

export function nearSearch<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>, q: DirectoryQuery<F>, nq: NearQuery,
): NearResult<E, T> {
  const all = everything(catalog, q);
  const { kept, hits, open } = restrict(catalog, all.page, nq);
  const start = (q.page - 1) * q.pageSize;
  const pageIndexes = kept.slice(start, start + q.pageSize);
  const pos = positionOf(catalog.entries);
  const extra = (e: E): string => {
    const i = pos.get(e);
    if (i === undefined) return '';
    const parts: string[] = [];
    const h = hits?.[i];
    if (h?.distanceKm !== undefined) parts.push(`"distanceKm":${h.distanceKm}`);
    if (h?.group === 1) parts.push('"coverage":"serves-area"');
    const state = open.get(i);
    if (state) parts.push(`"open":${JSON.stringify(state)}`);
    return parts.length ? `,${parts.join(',')}` : '';
  };
  const result: NearResult<E, T> = {
    page: pageIndexes.map((i) => catalog.entries[i]!), total: kept.length, extra, meta: nearMeta(nq),
  };
  if (all.text !== undefined) result.text = all.text;
  return result;
}

/** Facet counts over the records near and open, each filter counted over the *other* active filters. */
export function nearFacets<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>, q: DirectoryQuery<F>, nq: NearQuery,
): { data: Record<F, FacetValue[]>; total: number } {
  const data = {} as Record<F, FacetValue[]>;
  for (const name of catalog.filterNames) {
    const { [name]: _dropped, ...others } = q.filters;
    const { kept } = restrict(catalog, everything(catalog, { ...q, filters: others as DirectoryQuery<F>['filters'] }).page, nq);
    const counts = new Map<string, number>();
    for (const i of kept) for (const v of catalog.entries[i]!.values[name]) counts.set(v, (counts.get(v) ?? 0) + 1);
    data[name] = catalog.vocabulary[name].map((t) => ({ value: t.value, label: t.labels[q.locale], count: counts.get(t.value) ?? 0 }));
  }
  const total = restrict(catalog, everything(catalog, q).page, nq).kept.length;
  return { data, total };
}

/** The list with or without near and open: the catalog's own search when neither is asked. */
export function searchWithNear<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>, q: DirectoryQuery<F>, nq: NearQuery,
): NearResult<E, T> {
  if (nq.near || nq.open) return nearSearch(catalog, q, nq);
  return { ...catalog.search(q), extra: () => '', meta: {} };
}
