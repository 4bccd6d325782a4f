/**
 * The list and the facets with `near` and `openNow`/`openAt`: the catalog's own search (filters
 * and text) first, over every record, then the geo restriction, the distance order and the page.
 * Each hit of the page gets its `distanceKm`, `coverage` and `open` as extra JSON members; `open`
 * on every list, with or without these parameters, for the hits of the page only (at `openAt`, or
 * at the request's minute), so that a card can say "closes at 17:00" / "opens tomorrow at 9:00".
 */
import type { FacetValue, Locale } from '@referral-directory/sdk';
import type { DirectoryQuery } from './catalog';
import { PLACES_ATTRIBUTION } from '../geo/place-table';
import type { OpenState } from '../hours/open-now';
import type { Memoized } from './memo';
import { byDistance, geoOf, openOf, openOfEntry, type GeoRecord, type NearHit, type NearTarget, type OpenTime } from './near';

export interface NearQuery {
  near: NearTarget | null;
  open: OpenTime | null;
  /** `sort=distance`, explicit or by default with `near`. */
  byDistance: boolean;
  /** When each hit's `open` is computed: `openAt`'s wall time, else the request's instant. */
  at: OpenTime;
}

interface GeoEntry<F extends string> extends Memoized {
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
  /**
   * When the page stops being true (epoch ms): the earliest opening or closing among the open
   * states it depends on, when it depends on the clock (not with `openAt`); undefined otherwise.
   */
  changesAt(): number | undefined;
}

/** The instant an open state next changes, when it names one. */
function changeOf(state: OpenState | null | undefined): number | undefined {
  const when = state ? (state.now ? state.until : state.opensAt) : undefined;
  return when === undefined ? undefined : Date.parse(when);
}

/** Tracks the earliest change of the open states read at the request's instant. */
class Changes {
  at: number | undefined;
  constructor(private readonly clock: boolean) {}
  see(state: OpenState | null | undefined): void {
    const t = this.clock ? changeOf(state) : undefined;
    if (t !== undefined && (this.at === undefined || t < this.at)) this.at = t;
  }
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

/** Positions kept by near and open, with what each hit says (and when the open filter's answer changes). */
function restrict<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>,
  entries: readonly E[],
  nq: NearQuery,
  changes = new Changes(false),
) {
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
      changes.see(state);
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
  catalog: SearchableCatalog<E, F, T>,
  q: DirectoryQuery<F>,
  nq: NearQuery,
): NearResult<E, T> {
  const all = everything(catalog, q);
  const changes = new Changes(nq.at.kind === 'now');
  const { kept, hits, open } = restrict(catalog, all.page, nq, changes);
  const start = (q.page - 1) * q.pageSize;
  const page = kept.slice(start, start + q.pageSize).map((i) => catalog.entries[i]!);
  const states = openStates(catalog, page, nq.at, changes, open);
  const pos = positionOf(catalog.entries);
  const extra = (e: E): string => {
    const i = pos.get(e);
    if (i === undefined) return '';
    const parts: string[] = [];
    const h = hits?.[i];
    if (h?.distanceKm !== undefined) parts.push(`"distanceKm":${h.distanceKm}`);
    if (h?.group === 1) parts.push('"coverage":"serves-area"');
    return parts.length ? `,${parts.join(',')}${states.extra(e)}` : states.extra(e);
  };
  return { page, total: kept.length, extra, meta: nearMeta(nq), changesAt: states.changesAt, ...textOf(all) };
}

const textOf = <T>(r: { text?: T }): { text?: T } => (r.text === undefined ? {} : { text: r.text });

/**
 * The open state of each hit of a page (its `"open"` member), read at `at` when first asked (a
 * caller that shows only part of the page pays only for that part); the states the open filter
 * already computed are reused. Records whose hours are unknown say nothing.
 */
function openStates<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>,
  page: readonly E[],
  at: OpenTime,
  changes: Changes,
  known?: ReadonlyMap<number, OpenState | null>,
): { extra(e: E): string; changesAt(): number | undefined } {
  // Positions only to reuse the open filter's states (kept by position): a plain list needs none,
  // and finding them builds a map of every record once per catalog version (100 ms at 100,000).
  const pos = known ? positionOf(catalog.entries) : null;
  const members = new Map<E, string>();
  const extra = (e: E): string => {
    let member = members.get(e);
    if (member === undefined) {
      const i = pos?.get(e);
      const state = i === undefined ? openOfEntry(e, at) : (known?.get(i) ?? openOf(catalog, i, at));
      changes.see(state);
      member = state ? `,"open":${JSON.stringify(state)}` : '';
      members.set(e, member);
    }
    return member;
  };
  return {
    extra,
    changesAt() {
      for (const e of page) extra(e);
      return changes.at;
    },
  };
}

/** Facet counts over the records near and open, each filter counted over the *other* active filters. */
export function nearFacets<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>,
  q: DirectoryQuery<F>,
  nq: NearQuery,
): { data: Record<F, FacetValue[]>; total: number; changesAt?: number } {
  const data = {} as Record<F, FacetValue[]>;
  const changes = new Changes(nq.open?.kind === 'now');
  for (const name of catalog.filterNames) {
    const { [name]: _dropped, ...others } = q.filters;
    const { kept } = restrict(catalog, everything(catalog, { ...q, filters: others as DirectoryQuery<F>['filters'] }).page, nq, changes);
    const counts = new Map<string, number>();
    for (const i of kept) for (const v of catalog.entries[i]!.values[name]) counts.set(v, (counts.get(v) ?? 0) + 1);
    data[name] = catalog.vocabulary[name].map((t) => ({ value: t.value, label: t.labels[q.locale], count: counts.get(t.value) ?? 0 }));
  }
  const total = restrict(catalog, everything(catalog, q).page, nq, changes).kept.length;
  return changes.at === undefined ? { data, total } : { data, total, changesAt: changes.at };
}

/**
 * The list with or without near and open: the catalog's own search when neither is asked, its
 * hits with their open state at the request's instant.
 */
export function searchWithNear<E extends GeoEntry<F>, F extends string, T>(
  catalog: SearchableCatalog<E, F, T>,
  q: DirectoryQuery<F>,
  nq: NearQuery,
): NearResult<E, T> {
  if (nq.near || nq.open) return nearSearch(catalog, q, nq);
  const found = catalog.search(q);
  const changes = new Changes(nq.at.kind === 'now');
  const states = openStates(catalog, found.page, nq.at, changes);
  return { page: found.page, total: found.total, ...textOf(found), extra: states.extra, meta: {}, changesAt: states.changesAt };
}
