/**
 * Near me and open now over a catalog's entries: built once per catalog version from the records
 * themselves (public or staff alike), then each query is a pass over small arrays.
 *
 * - A record is *nearby* when one of its placed locations is within the radius (published
 *   distances only: see geo/placement.ts). Otherwise it *serves the area* when it is national,
 *   serves the place's whole province, or names a region whose centre is within the radius; such
 *   records come after the nearby ones, marked `coverage: "serves-area"`.
 * - A province typed alone is a region: records located in it, then those serving it.
 * - Open now / at: from the record's weekly hours in the time zone of its first placed location
 *   (else of its first location's province, else of its first service area's province); a record
 *   with neither hours nor 24/7 is never "open now".
 */
import type { OpeningHours, Province } from '@referral-directory/sdk';
import { PROVINCES } from '@referral-directory/sdk';
import { haversineKm } from '../geo/distance';
import { createGazetteer, type Gazetteer, type Place } from '../geo/gazetteer';
import { electPostalAreas, postalVotes, type PostalVote } from '../geo/postal-areas';
import { nearestKm, placeLocation, publishedKm, type LocatedRecord, type PlacedLocation } from '../geo/placement';
import { timeZoneOf } from '../geo/time-zone';
import { openState, wallTimeAt, type OpenState, type WallTime, type WeeklyHours } from '../hours/open-now';
import { MemoSlot, type Memoized } from './memo';

/** What near and open need of a record. */
export interface GeoRecord {
  national: boolean;
  serviceAreas: ReadonlyArray<{ province: Province; regions: readonly string[] }>;
  locations: readonly LocatedRecord[];
  hours: { open24x7: boolean; schedule: readonly OpeningHours[] };
}

/** Without `radiusKm`, "near" means within this many kilometres. */
export const DEFAULT_RADIUS_KM = 100;
export const MAX_RADIUS_KM = 1000;

export type NearTarget = { kind: 'point'; place: Place; radiusKm: number } | { kind: 'province'; province: Province };

/** `now`: an instant, read in each record's zone; `local`: a wall-clock time, read the same everywhere. */
export type OpenTime = { kind: 'now'; instant: Date } | { kind: 'local'; wall: WallTime };

export interface NearHit {
  /** 0: nearby (or located in the province), 1: serves the area. */
  group: 0 | 1;
  /** Published distance to the nearest placed location, when the target is a point and one exists. */
  distanceKm?: number;
}

interface GeoFacts {
  /** Its hours and time zone, shared with the plain-list path (openOf). */
  open: HoursFacts;
  placed: PlacedLocation[];
  provinces: ReadonlySet<Province>;
  /** Provinces served whole (national: all). */
  wholeProvinces: ReadonlySet<Province>;
  regionPoints: Array<{ lat: number; lon: number }>;
}

/** What near and open read of one record, with places as this gazetteer knows them. */
function factsOf(r: GeoRecord, gazetteer: Gazetteer, open: HoursFacts = hoursFactsOf(r)): GeoFacts {
  const placed: PlacedLocation[] = [];
  for (const l of r.locations) {
    const p = placeLocation(l, gazetteer);
    if (p) placed.push(p);
  }
  const whole = new Set<Province>(r.national ? PROVINCES : []);
  const regionPoints: Array<{ lat: number; lon: number }> = [];
  for (const a of r.serviceAreas) {
    if (a.regions.length === 0) whole.add(a.province);
    for (const region of a.regions) {
      const c = gazetteer.city(region, a.province);
      if (c) regionPoints.push({ lat: c.lat, lon: c.lon });
    }
  }
  return {
    placed,
    provinces: new Set(r.locations.map((l) => l.province)),
    wholeProvinces: whole,
    regionPoints,
    open,
  };
}

export class GeoIndex {
  private constructor(private readonly facts: readonly GeoFacts[]) {}

  static of(records: readonly GeoRecord[], gazetteer: Gazetteer): GeoIndex {
    return new GeoIndex(records.map((r) => factsOf(r, gazetteer)));
  }

  static ofFacts(facts: readonly GeoFacts[]): GeoIndex {
    return new GeoIndex(facts);
  }

  /** Per record: where it stands for this target, or undefined when it is neither near nor serving. */
  near(target: NearTarget): Array<NearHit | undefined> {
    return this.facts.map((f): NearHit | undefined => {
      if (target.kind === 'province') {
        if (f.provinces.has(target.province)) return { group: 0 };
        return f.wholeProvinces.has(target.province) ? { group: 1 } : undefined;
      }
      const distanceKm = nearestKm(target.place, f.placed);
      if (distanceKm !== undefined && distanceKm <= target.radiusKm) return { group: 0, distanceKm };
      const serves =
        f.wholeProvinces.has(target.place.province) ||
        f.regionPoints.some((p) => publishedKm(haversineKm(target.place, p), false) <= target.radiusKm);
      if (!serves) return undefined;
      return distanceKm === undefined ? { group: 1 } : { group: 1, distanceKm };
    });
  }

  /** Record i's opening state at a time; null when its hours are unknown. */
  open(i: number, at: OpenTime): OpenState | null {
    const f = this.facts[i];
    return f ? openStateIn(f.open, at) : null;
  }
}

let baseGazetteer: Gazetteer | null = null;

/**
 * A record's time zone: that of its first location's point (the shipped gazetteer's, so that it
 * does not depend on what other records teach it), else of its first location's province, else of
 * its first service area's province.
 */
function timeZoneOfRecord(r: GeoRecord): string | null {
  const firstLocation = r.locations[0];
  const firstPlaced = firstLocation ? placeLocation(firstLocation, (baseGazetteer ??= createGazetteer())) : undefined;
  const zoneProvince = firstLocation?.province ?? r.serviceAreas[0]?.province;
  return zoneProvince ? timeZoneOf(zoneProvince, firstPlaced) : null;
}

/** A record's hours where it is read from, with its open state of the last minute asked for. */
interface HoursFacts {
  hours: WeeklyHours;
  timeZone: string | null;
  /** `now` in whole minutes since the epoch, and the state then: hours are whole minutes, so it holds all minute. */
  lastNow?: { minute: number; state: OpenState | null };
}

const hoursFactsOf = (r: GeoRecord): HoursFacts => ({
  hours: { open24x7: r.hours.open24x7, schedule: r.hours.schedule },
  timeZone: timeZoneOfRecord(r),
});

function openStateIn(f: HoursFacts, at: OpenTime): OpenState | null {
  if (f.hours.open24x7) return { now: true };
  if (!f.timeZone) return null;
  if (at.kind === 'local') return openState(f.hours, at.wall, f.timeZone);
  const minute = Math.floor(at.instant.getTime() / 60_000);
  if (f.lastNow?.minute !== minute) {
    const state = openState(f.hours, wallTimeAt(new Date(minute * 60_000), f.timeZone), f.timeZone);
    f.lastNow = { minute, state };
  }
  return f.lastNow.state;
}

/**
 * Record i's opening state at a time; null when its hours are unknown. Read from the record's own
 * hours, kept per entry, so that a plain list (whose hits all say whether they are open) never
 * builds the geo index of every record after each edit.
 */
export function openOf(catalog: GeoCatalog, i: number, at: OpenTime): OpenState | null {
  const e = catalog.entries[i];
  return e ? openOfEntry(e, at) : null;
}

/** The open state of one record at `at` (from its hours, kept with the entry). */
export const openOfEntry = (e: GeoEntry, at: OpenTime): OpenState | null => openStateIn(entryGeoOf(e).open, at);

/**
 * Orders records for `sort=distance`: nearby first by published distance, then those serving the
 * area (by distance where they have one); ties keep the given base order (name).
 */
export function byDistance(indexes: readonly number[], hits: ReadonlyArray<NearHit | undefined>): number[] {
  const key = (i: number): [number, number] => {
    const h = hits[i];
    return [h?.group ?? 2, h?.distanceKm ?? Number.POSITIVE_INFINITY];
  };
  return indexes
    .map((i, k) => ({ i, k, g: key(i) }))
    .sort((a, b) => a.g[0] - b.g[0] || a.g[1] - b.g[1] || a.k - b.k)
    .map((x) => x.i);
}

/** The fields of a record near and open read. */
const GEO_FIELDS: ReadonlyArray<keyof GeoRecord> = ['national', 'serviceAreas', 'locations', 'hours'];

/**
 * What `geoOf` needs of a catalog: its entries' English records (places and hours are not
 * localized), read through `fields` when an entry has it (a staff entry parses only those).
 */
export interface GeoCatalog {
  readonly entries: ReadonlyArray<Memoized & { records: { en: GeoRecord }; fields?: (locale: 'en', keys: typeof GEO_FIELDS) => GeoRecord }>;
}

const built = new WeakMap<GeoCatalog, { gazetteer: Gazetteer; index: GeoIndex }>();

/**
 * What geoOf works out once per entry, kept across catalog versions while the entry object lives
 * (not the record: a staff entry's is parsed again when its places must be worked out again).
 */
interface EntryGeo {
  /** Its hours and time zone (what open reads; a staff entry's parsed once). */
  open: HoursFacts;
  /** Its public addresses' say in the postal areas (what near reads), once a near or open query asked. */
  votes?: PostalVote[];
  facts?: GeoFacts;
  /** The gazetteer `facts` were placed with. */
  placedWith?: Gazetteer;
}
const entryGeo = new MemoSlot<EntryGeo>();

type GeoEntry = GeoCatalog['entries'][number];
const recordOf = (e: GeoEntry): GeoRecord => (e.fields ? e.fields('en', GEO_FIELDS) : e.records.en);

function entryGeoOf(e: GeoEntry): EntryGeo {
  return entryGeo.get(e) ?? entryGeo.set(e, { open: hoursFactsOf(recordOf(e)) });
}

/** The last gazetteer made, by its postal areas: an edit seldom changes them, so its records' places stay valid. */
let lastGazetteer: { key: string; gazetteer: Gazetteer } | null = null;

function gazetteerFor(areas: ReadonlyMap<string, Place>): Gazetteer {
  const key = [...areas]
    .map(([fsa, p]) => `${fsa}=${p.lat},${p.lon},${p.label}`)
    .sort()
    .join(';');
  if (lastGazetteer?.key !== key) lastGazetteer = { key, gazetteer: createGazetteer({ postalAreas: areas }) };
  return lastGazetteer.gazetteer;
}

/**
 * The gazetteer (with the postal areas this catalog's own non-confidential addresses teach it) and
 * the geo index of a catalog, built once per catalog version. After an edit, the entries the edit
 * did not touch are the same objects: what was worked out for them is reused, so the cost is that
 * of the changed records plus a pass over small arrays (unless the edit changed the postal areas).
 */
export function geoOf(catalog: GeoCatalog): { gazetteer: Gazetteer; index: GeoIndex } {
  let geo = built.get(catalog);
  if (geo) return geo;
  // Plain loops over the entries read once: map and flatMap over 90,000 entries, reading the
  // catalog's entries through its getter in each callback, took ~36 ms after every edit.
  const entries = catalog.entries;
  const parts = new Array<EntryGeo>(entries.length);
  const votes: PostalVote[] = [];
  for (let i = 0; i < entries.length; i++) {
    const p = (parts[i] = entryGeoOf(entries[i]!));
    p.votes ??= postalVotes(recordOf(entries[i]!).locations, (baseGazetteer ??= createGazetteer()));
    for (const v of p.votes) votes.push(v);
  }
  const gazetteer = gazetteerFor(electPostalAreas(votes));
  const facts = new Array<GeoFacts>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const p = parts[i]!;
    if (!p.facts || p.placedWith !== gazetteer) {
      p.facts = factsOf(recordOf(entries[i]!), gazetteer, p.open);
      p.placedWith = gazetteer;
    }
    facts[i] = p.facts;
  }
  geo = { gazetteer, index: GeoIndex.ofFacts(facts) };
  built.set(catalog, geo);
  return geo;
}
