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
import { type PostalVote, type VoteTally, electArea, electTally, postalVotes, tallyVotes } from '../geo/postal-areas';
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

type GeoEntry = Memoized & { records: { en: GeoRecord }; fields?: (locale: 'en', keys: typeof GEO_FIELDS) => GeoRecord };

/**
 * What `geoOf` needs of a catalog: its entries' English records (places and hours are not
 * localized), read through `fields` when an entry has it (a staff entry parses only those).
 */
export interface GeoCatalog {
  readonly entries: readonly GeoEntry[];
  /**
   * Its large part's entries and the edits since (Catalog.sinceBase): the postal areas and the
   * places are then worked out once per large part, and again only for the edits.
   */
  readonly sinceBase?: { base: readonly GeoEntry[]; goneSlots: readonly number[]; added: readonly GeoEntry[] };
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
 * the geo index of a catalog, built once per catalog version. The postal areas and the places of
 * the large part's records are worked out once per part; a version reached by edits re-elects the
 * areas its edits vote in, places its added records, and copies the part's places without its gone
 * ones (at 100,000 organizations, 36 → 3 ms after an edit). Only an edit that changes the postal
 * areas places every record again.
 */
export function geoOf(catalog: GeoCatalog): { gazetteer: Gazetteer; index: GeoIndex } {
  let geo = built.get(catalog);
  if (geo) return geo;
  const { base, goneSlots, added } = catalog.sinceBase ?? { base: catalog.entries, goneSlots: [], added: [] };
  const part = partGeo(base);
  const gone = goneSlots.map((i) => base[i]!);
  const gazetteer = gazetteerFor(areasOf(part, gone, added));
  if (part.placedWith !== gazetteer) {
    part.facts = base.map((e) => placed(e, gazetteer));
    part.placedWith = gazetteer;
  }
  // The live entries' facts, in their order (the large part's others, then the added): copied from
  // the part's rather than read entry by entry (90,000 entries scattered in the heap: ~14 ms).
  let facts = part.facts;
  if (gone.length > 0 || added.length > 0) {
    const isGone = new Uint8Array(base.length);
    for (const i of goneSlots) isGone[i] = 1;
    facts = [];
    for (let i = 0; i < part.facts.length; i++) if (!isGone[i]) facts.push(part.facts[i]!);
    for (const e of added) facts.push(placed(e, gazetteer));
  }
  geo = { gazetteer, index: GeoIndex.ofFacts(facts) };
  built.set(catalog, geo);
  return geo;
}

/** An entry's places with this gazetteer (kept with the entry while the gazetteer is the same). */
function placed(e: GeoEntry, gazetteer: Gazetteer): GeoFacts {
  const p = entryGeoOf(e);
  if (!p.facts || p.placedWith !== gazetteer) {
    p.facts = factsOf(recordOf(e), gazetteer, p.open);
    p.placedWith = gazetteer;
  }
  return p.facts;
}

/** An entry's public addresses' votes (kept with the entry). */
function votesOf(e: GeoEntry): PostalVote[] {
  const p = entryGeoOf(e);
  return (p.votes ??= postalVotes(recordOf(e).locations, (baseGazetteer ??= createGazetteer())));
}

/** What geoOf works out once per large part (its entries): its records' votes tallied, the areas they elect, and its places. */
interface PartGeo {
  tally: VoteTally;
  areas: Map<string, Place>;
  facts: GeoFacts[];
  placedWith: Gazetteer | null;
}
const partGeos = new WeakMap<readonly GeoEntry[], PartGeo>();

function partGeo(base: readonly GeoEntry[]): PartGeo {
  let part = partGeos.get(base);
  if (!part) {
    const tally: VoteTally = new Map();
    for (const e of base) tallyVotes(tally, votesOf(e));
    part = { tally, areas: electTally(tally), facts: [], placedWith: null };
    partGeos.set(base, part);
  }
  return part;
}

/**
 * The postal areas the live records elect: the large part's, with the FSAs the edits since vote
 * in elected again — not a tally of every vote after each edit.
 */
function areasOf(part: PartGeo, gone: readonly GeoEntry[], added: readonly GeoEntry[]): Map<string, Place> {
  if (gone.length === 0 && added.length === 0) return part.areas;
  const edits: VoteTally = new Map();
  for (const e of gone) tallyVotes(edits, votesOf(e), -1);
  for (const e of added) tallyVotes(edits, votesOf(e));
  const areas = new Map(part.areas);
  for (const [fsa, changed] of edits) {
    const before = part.tally.get(fsa) ?? new Map<string, { place: Place; count: number }>();
    const counts = [...before.values()].map((v) => ({ place: v.place, count: v.count + (changed.get(v.place.label)?.count ?? 0) }));
    for (const v of changed.values()) if (!before.has(v.place.label)) counts.push(v);
    const area = electArea(fsa, counts);
    if (area) areas.set(fsa, area);
    else areas.delete(fsa);
  }
  return areas;
}
