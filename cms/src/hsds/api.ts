/**
 * The HSDS API over the public catalog. Everything comes from `Catalog` (the public projection:
 * only public records, public fields), so an id of a private record answers exactly like an id
 * that never existed, and counts and filters see public records only.
 *
 * Per catalog version an index maps HSDS ids to catalog entries; per entry the serialized records
 * are cached (entries are reused across catalog versions until their document changes).
 */
import type { Catalog, Entry } from '../catalog/catalog';
import { fold } from '../catalog/normalize';
import { MemoSlot } from '../catalog/memo';
import { hsdsId } from './ids';
import {
  fullOrganization,
  fullService,
  fullServiceAtLocation,
  inLocale,
  lastModified,
  organizationId,
  organizationRecord,
  type Pair,
  publicLocationIndexes,
  serviceAtLocationRecord,
  serviceId,
  serviceRecord,
  taxonomyRecord,
  taxonomyTermRecord,
} from './mapper';
import { coverage, withinProximity } from './proximity';
import type { HsdsDetailQuery, HsdsLocale, HsdsQuery } from './query';
import { HSDS_TAXONOMIES, type HsdsTaxonomyName, taxonomyId } from './vocab';

export interface HsdsPage<T = string> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

interface TermRef {
  taxonomy: HsdsTaxonomyName;
  filter: 'focus' | 'service' | 'population';
  code: string;
}

/** HSDS ids to the entries of a catalog version. */
interface EntryIndex {
  byOrganization: Map<string, Entry>;
  byService: Map<string, Entry>;
  bySal: Map<string, { entry: Entry; i: number }>;
}

/** The taxonomies of a vocabulary, as served under a profile URI. */
interface TermIndex {
  terms: Map<string, TermRef>;
  /** Taxonomy term records (JSON per language) in vocabulary order, with their folded search text. */
  termRecords: Array<{ id: string; taxonomy: string; json: Record<HsdsLocale, string>; text: string }>;
  taxonomyRecords: Array<{ id: string; json: Record<HsdsLocale, string>; text: string }>;
}

type Index = EntryIndex & TermIndex;
/**
 * HSDS ids per entry (entries outlive catalog versions until their document changes: hash each
 * once): its organization's and service's, and its services at locations' with the index of each
 * one's location (two flat arrays: an array per pair was some 270,000 arrays more at 100,000).
 */
const entryIds = new MemoSlot<{ organization: string; service: string; sals: readonly string[]; salLocations: readonly number[] }>();

/** An entry's HSDS ids: its organization, its service, and a service-at-location per public location. */
export function idsOf(e: Entry) {
  let ids = entryIds.get(e);
  if (!ids) {
    const locations = publicLocationIndexes(pairOf(e));
    ids = entryIds.set(e, {
      organization: organizationId(e.slug),
      service: serviceId(e.slug),
      sals: locations.map((i) => hsdsId.serviceAtLocation(e.slug, i)),
      salLocations: locations,
    });
  }
  return ids;
}
const serialized = new MemoSlot<Map<string, string>>();

export const pairOf = (e: Entry): Pair => ({ en: e.records.en, fr: e.records.fr });

/** Serialized records per entry and language; the key includes the profile URI where the record embeds it. */
function cached(e: Entry, key: string, locale: HsdsLocale, build: () => unknown): string {
  const m = serialized.get(e) ?? serialized.set(e, new Map());
  const k = `${locale}|${key}`;
  let s = m.get(k);
  if (s === undefined) {
    s = JSON.stringify(inLocale(build(), locale));
    m.set(k, s);
  }
  return s;
}

/** The organization with its service fully nested (`full_service=true`). */
function organizationWithFullServices(p: Pair, profileUri: string) {
  return { ...fullOrganization(p), services: [fullService(p, profileUri)] };
}

const bothLocales = (o: unknown): Record<HsdsLocale, string> => ({ en: JSON.stringify(o), fr: JSON.stringify(inLocale(o, 'fr')) });

/**
 * The id index of the catalog version last asked for, moved from version to version by the entries
 * that differ between them (Catalog.editsSince: in time proportional to the edits), in place:
 * building it anew held the event loop ~160 ms at 100,000 organizations on the first HSDS read
 * after every edit. A version's reads look ids up synchronously, so none sees the index between
 * two versions. Versions further apart than one full rebuild have their entries compared.
 */
let latest: { catalog: Catalog; index: EntryIndex } | null = null;

function putIds(ix: EntryIndex, e: Entry): void {
  const ids = idsOf(e);
  ix.byOrganization.set(ids.organization, e);
  ix.byService.set(ids.service, e);
  ids.sals.forEach((id, k) => ix.bySal.set(id, { entry: e, i: ids.salLocations[k]! }));
}

/** Takes an entry's ids out (each only while it still points to that entry: an edit may keep an id). */
function dropIds(ix: EntryIndex, e: Entry): void {
  const ids = idsOf(e);
  if (ix.byOrganization.get(ids.organization) === e) ix.byOrganization.delete(ids.organization);
  if (ix.byService.get(ids.service) === e) ix.byService.delete(ids.service);
  for (const id of ids.sals) if (ix.bySal.get(id)?.entry === e) ix.bySal.delete(id);
}

/** The entries of `from` missing from `to`, and those of `to` missing from `from`, by comparing them all. */
function compared(from: Catalog, to: Catalog): { removed: Entry[]; added: Entry[] } {
  const before = new Set(from.entries);
  const added: Entry[] = [];
  for (const e of to.entries) if (!before.delete(e)) added.push(e);
  return { removed: [...before], added };
}

function entryIndexOf(catalog: Catalog): EntryIndex {
  if (latest?.catalog === catalog) return latest.index;
  let index: EntryIndex;
  if (latest) {
    const { removed, added } = catalog.editsSince(latest.catalog) ?? compared(latest.catalog, catalog);
    index = latest.index;
    for (const e of removed) dropIds(index, e);
    for (const e of added) putIds(index, e);
  } else {
    index = { byOrganization: new Map(), byService: new Map(), bySal: new Map() };
    for (const e of catalog.entries) putIds(index, e);
  }
  latest = { catalog, index };
  return index;
}

/** Per vocabulary and profile URI (the URI is in the records; it follows the origin serving). */
const termIndexes = new WeakMap<Catalog['vocabulary'], Map<string, TermIndex>>();

function termIndexOf(vocabulary: Catalog['vocabulary'], profileUri: string): TermIndex {
  let perUri = termIndexes.get(vocabulary);
  if (!perUri) {
    perUri = new Map();
    termIndexes.set(vocabulary, perUri);
  }
  let ix = perUri.get(profileUri);
  if (ix) return ix;
  const terms = new Map<string, TermRef>();
  const termRecords: TermIndex['termRecords'] = [];
  for (const t of HSDS_TAXONOMIES) {
    for (const v of vocabulary[t.filter]) {
      const id = hsdsId.taxonomyTerm(t.name, v.value);
      terms.set(id, { taxonomy: t.name, filter: t.filter, code: v.value });
      termRecords.push({
        id,
        taxonomy: taxonomyId(t.name),
        json: bothLocales(taxonomyTermRecord(t.name, { code: v.value, labels: v.labels }, profileUri)),
        text: ` ${fold([v.value.replace(/_/g, ' '), v.labels.en, v.labels.fr].join(' '))} `,
      });
    }
  }
  const taxonomyRecords = HSDS_TAXONOMIES.map((t) => ({
    id: taxonomyId(t.name),
    json: bothLocales(taxonomyRecord(t, profileUri)),
    text: ` ${fold([t.name.replace(/_/g, ' '), t.labels.en, t.labels.fr].join(' '))} `,
  }));
  ix = { terms, termRecords, taxonomyRecords };
  perUri.set(profileUri, ix);
  return ix;
}

const indexOf = (catalog: Catalog, profileUri: string): Index => ({
  ...entryIndexOf(catalog),
  ...termIndexOf(catalog.vocabulary, profileUri),
});

/** Some of a list's items: `list` is the items from the `offset`-th on, of `total` in all. */
interface Selection<T> {
  list: T[];
  offset: number;
  total: number;
}
const whole = <T>(list: T[]): Selection<T> => ({ list, offset: 0, total: list.length });
const mapped = <T, U>(s: Selection<T>, f: (t: T) => U): Selection<U> => ({ ...s, list: s.list.map(f) });

/**
 * The public entries a record query selects, in order (relevance when searching, else English
 * name). `paged`: only the query's page is needed. Then, when the catalog's search alone selects
 * (no taxonomy, organization or date filter: a crawler reading page after page), only that page is
 * made, not every entry — at 100,000 organizations, ~35 ms on each first read of a page after an edit.
 */
function selectEntries(catalog: Catalog, ix: Index, q: HsdsQuery, paged: boolean): Selection<Entry> {
  const search = (page: number, pageSize: number) =>
    catalog.search({ terms: q.terms, filters: {}, locale: 'en', page, pageSize, sort: q.terms.length > 0 ? 'relevance' : 'name' });
  if (paged && !q.taxonomyTermIds && !q.taxonomyIds && !q.organizationIds && !q.modifiedAfter) {
    const { page, total } = search(q.page, q.perPage);
    return { list: page, offset: (q.page - 1) * q.perPage, total };
  }
  const all = search(1, Math.max(1, catalog.entries.length)).page;
  const wantedTerms = q.taxonomyTermIds ? [...q.taxonomyTermIds].map((id) => ix.terms.get(id)).filter((t): t is TermRef => !!t) : null;
  const wantedTaxonomies = q.taxonomyIds
    ? HSDS_TAXONOMIES.filter((t) => q.taxonomyIds!.has(taxonomyId(t.name))).map((t) => t.filter)
    : null;
  const wantedEntries = q.organizationIds
    ? new Set([...q.organizationIds].map((id) => ix.byOrganization.get(id)).filter((e): e is Entry => !!e))
    : null;
  return whole(
    all.filter((e) => {
      if (wantedTerms && !wantedTerms.some((t) => e.values[t.filter].includes(t.code))) return false;
      if (wantedTaxonomies && !wantedTaxonomies.some((f) => e.values[f].length > 0)) return false;
      if (wantedEntries && !wantedEntries.has(e)) return false;
      if (q.modifiedAfter && !((lastModified(pairOf(e)) ?? '') >= q.modifiedAfter)) return false;
      return true;
    }),
  );
}

/**
 * An item of a list: its JSON, made when asked, and what it is made from (an entry, an entry and
 * one of its locations, a taxonomy record), which alone, with the query, decides that JSON.
 */
interface Item {
  of: readonly unknown[];
  json: () => string;
}
const item = (json: () => string, ...of: unknown[]): Item => ({ of, json });

/**
 * The items of a list query: list shape; fully nested with `full`, `full_service` or ndjson; ids
 * and dates only with `minimal`. `paged`: only the query's page is needed (see selectEntries).
 */
function items(catalog: Catalog, q: HsdsQuery, profileUri: string, paged: boolean): Selection<Item> {
  const ix = indexOf(catalog, profileUri);
  const nested = q.format === 'ndjson' || q.full;
  const l = q.locale;
  switch (q.kind) {
    case 'services':
      if (q.minimal)
        return mapped(selectEntries(catalog, ix, q, paged), (e) =>
          item(() => JSON.stringify({ id: idsOf(e).service, last_modified: lastModified(pairOf(e)) ?? undefined }), e),
        );
      return mapped(selectEntries(catalog, ix, q, paged), (e) =>
        item(
          () =>
            nested
              ? cached(e, `service:full|${profileUri}`, l, () => fullService(pairOf(e), profileUri))
              : cached(e, 'service', l, () => serviceRecord(pairOf(e))),
          e,
        ),
      );
    case 'organizations':
      return mapped(selectEntries(catalog, ix, q, paged), (e) =>
        item(() => {
          if (q.fullService)
            return cached(e, `organization:full_service|${profileUri}`, l, () => organizationWithFullServices(pairOf(e), profileUri));
          return nested
            ? cached(e, 'organization:full', l, () => fullOrganization(pairOf(e)))
            : cached(e, 'organization', l, () => organizationRecord(pairOf(e)));
        }, e),
      );
    case 'service_at_locations': {
      const near = q.proximity;
      const covers = near ? coverage(catalog, near) : null;
      const covered = covers ? new Set(catalog.entries.filter((_, k) => covers[k])) : null;
      // Their number is the records' public locations': every selected record is looked at.
      return whole(
        selectEntries(catalog, ix, q, false)
          .list.filter((e) => !covered || covered.has(e))
          .flatMap((e) =>
            publicLocationIndexes(pairOf(e))
              .filter((i) => !near || withinProximity(catalog, near, e.records.en.locations[i]!))
              .map((i) =>
                item(
                  () =>
                    nested
                      ? cached(e, `sal:full:${i}`, l, () => fullServiceAtLocation(pairOf(e), i))
                      : cached(e, `sal:${i}`, l, () => serviceAtLocationRecord(pairOf(e), i, false)),
                  e,
                  i,
                ),
              ),
          ),
      );
    }
    case 'taxonomies':
      return whole(ix.taxonomyRecords.filter((t) => q.terms.every((w) => t.text.includes(w))).map((t) => item(() => t.json[l], t)));
    case 'taxonomy_terms':
      // The directory's terms are flat: every term is a top-level term, none has a parent.
      if (q.parentId !== null) return whole([]);
      return whole(
        ix.termRecords
          .filter((t) => !q.taxonomyIds || q.taxonomyIds.has(t.taxonomy))
          .filter((t) => q.terms.every((w) => t.text.includes(w)))
          .map((t) => item(() => t.json[l], t)),
      );
    case 'deleted':
      return whole([]);
  }
}

export function pageEnvelope(total: number, page: number, perPage: number, contents: string[]): string {
  const totalPages = Math.ceil(total / perPage);
  const meta = {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
  };
  const head = JSON.stringify(meta);
  return `${head.slice(0, -1)},"contents":[${contents.join(',')}]}`;
}

/**
 * A page of a list: its JSON body, made when asked, and what it is made from (http.ts `Basis`: the
 * number of items and what each page item is made from), so that a body made for an earlier catalog
 * version is kept while the page would be the same — an edit elsewhere in the directory no longer
 * makes every HSDS page anew (and compressed anew: ~25 ms for a page of 50). None when the page
 * depends on more than its items: the places a proximity search learns from every record.
 */
export function listPage(
  catalog: Catalog,
  q: HsdsQuery,
  profileUri: string,
): { body: () => string; basis: readonly unknown[] | undefined } {
  const { list, offset, total } = items(catalog, q, profileUri, true);
  const start = (q.page - 1) * q.perPage - offset;
  const page = list.slice(start, start + q.perPage);
  return {
    body: () =>
      pageEnvelope(
        total,
        q.page,
        q.perPage,
        page.map((i) => i.json()),
      ),
    basis: q.proximity ? undefined : [total, ...page.flatMap((i) => i.of)],
  };
}

/** Every item of a list, nested, one JSON document per line (the ndjson format). */
export function* ndjsonLines(catalog: Catalog, q: HsdsQuery, profileUri: string): Generator<string> {
  for (const i of items(catalog, q, profileUri, false).list) yield `${i.json()}\n`;
}

export type HsdsDetailKind = 'services' | 'organizations' | 'service_at_locations' | 'taxonomies' | 'taxonomy_terms';

/** One record by id, as JSON, or null when there is no such public record. */
export function detail(catalog: Catalog, kind: HsdsDetailKind, id: string, profileUri: string, q: HsdsDetailQuery): string | null {
  const ix = indexOf(catalog, profileUri);
  const key = id.toLowerCase();
  const l = q.locale;
  switch (kind) {
    case 'services': {
      const e = ix.byService.get(key);
      return e ? cached(e, `service:full|${profileUri}`, l, () => fullService(pairOf(e), profileUri)) : null;
    }
    case 'organizations': {
      const e = ix.byOrganization.get(key);
      if (!e) return null;
      return q.fullService
        ? cached(e, `organization:full_service|${profileUri}`, l, () => organizationWithFullServices(pairOf(e), profileUri))
        : cached(e, 'organization:full', l, () => fullOrganization(pairOf(e)));
    }
    case 'service_at_locations': {
      const hit = ix.bySal.get(key);
      return hit ? cached(hit.entry, `sal:full:${hit.i}`, l, () => fullServiceAtLocation(pairOf(hit.entry), hit.i)) : null;
    }
    case 'taxonomies':
      return ix.taxonomyRecords.find((t) => t.id === key)?.json[l] ?? null;
    case 'taxonomy_terms':
      return ix.termRecords.find((t) => t.id === key)?.json[l] ?? null;
  }
}
