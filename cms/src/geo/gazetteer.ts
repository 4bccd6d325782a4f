/**
 * The offline gazetteer: turns what a person types (`H2X 1Y4`, `H2X`, `Montréal`, `quebec city`,
 * `Richmond, BC`) and what a location record holds (city + province) into a point, without
 * sending anything anywhere. Names are matched accent- and case-insensitively in English and
 * French; `St.`/`Saint`, hyphens and apostrophes do not matter.
 *
 * Postal codes: only the forward sortation area (the first three characters) is used, and its
 * first letter alone tells the province. No npm package ships FSA centroids under an open
 * licence, so the caller supplies the FSAs it knows (the directory learns them from the public
 * addresses of its own records: see `postal-areas.ts`); an FSA it does not know is reported as
 * such, with its province, rather than guessed.
 */
import { PROVINCES, type Province } from '@referral-directory/sdk';
import { fold } from '../catalog/normalize';
import { provinceOf } from '../hsds/reverse-values';
import { haversineKm } from './distance';
import table from './places.ca.json';
import { PLACES_ATTRIBUTION, isPlaceRow } from './place-table';

export { PLACES_ATTRIBUTION };

/** A point the directory can measure from: a city centre, or the centre of a postal area's city. */
export interface Place {
  lat: number;
  lon: number;
  province: Province;
  /** What to show: `Montréal, QC`, `H2X (Montréal, QC)`. */
  label: string;
  precision: 'city' | 'postal-area' | 'coordinates';
}

export type PlaceLookup =
  | { found: 'point'; place: Place }
  /** A province or territory named as such: a region to cover, not a point to measure from. */
  | { found: 'province'; province: Province }
  | { found: 'none'; reason: 'unknown'; text: string }
  /** Several places share the name in different provinces: ask which (`Richmond, BC`). */
  | { found: 'none'; reason: 'ambiguous'; text: string; provinces: Province[] }
  | { found: 'none'; reason: 'invalid-postal-code'; text: string }
  /** A well-formed postal code whose area the gazetteer has no point for; its province is known. */
  | { found: 'none'; reason: 'unknown-postal-area'; text: string; province: Province }
  /** `lat,lon` out of range, or farther than `MAX_KM_FROM_A_PLACE` from every place known (not in Canada). */
  | { found: 'none'; reason: 'invalid-coordinates' | 'outside-canada'; text: string };

export interface Gazetteer {
  /** What a person typed, resolved. */
  lookup(text: string): PlaceLookup;
  /** The centre of a record's city in its province, if the gazetteer knows it. */
  city(name: string, province: Province): Place | undefined;
}

/**
 * First letter of a postal code → province (Canada Post's postal districts). `X` is shared:
 * X0A, X0B and X0C are Nunavut, the rest the Northwest Territories.
 */
const DISTRICTS: Record<string, Province> = {
  A: 'NL',
  B: 'NS',
  C: 'PE',
  E: 'NB',
  G: 'QC',
  H: 'QC',
  J: 'QC',
  K: 'ON',
  L: 'ON',
  M: 'ON',
  N: 'ON',
  P: 'ON',
  R: 'MB',
  S: 'SK',
  T: 'AB',
  V: 'BC',
  X: 'NT',
  Y: 'YT',
};
const NUNAVUT_FSAS = new Set(['X0A', 'X0B', 'X0C']);

/** `H2X 1Y4`, `h2x1y4`, `H2X-1Y4` or `H2X`; D, F, I, O, Q, U never appear, W and Z never first. */
const POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(?:[ -]?(\d[ABCEGHJ-NPRSTV-Z]\d))?$/;
/** Anything shaped like a postal code, valid or not, so a typo gets its own message. */
const POSTAL_SHAPE = /^[A-Z]\d[A-Z](?:[ -]?\d[A-Z]\d)?$/;

/** `45.50,-73.57` (a browser's position, as the widget sends it): decimal degrees, latitude first. */
const COORDINATES = /^(-?\d{1,3}(?:\.\d{1,8})?) ?, ?(-?\d{1,3}(?:\.\d{1,8})?)$/;
/** Coordinates farther than this from every place the gazetteer knows are not in Canada. */
export const MAX_KM_FROM_A_PLACE = 500;

/** The forward sortation area of a postal code (`H2X 1Y4` → `H2X`), or null if it is not one. */
export function forwardSortationArea(text: string): string | null {
  const m = POSTAL_CODE.exec(text.trim().toUpperCase());
  return m?.[1] ?? null;
}

/** The province of a postal code or FSA, from its first letter (and, for X, its FSA). */
export function provinceOfPostalCode(text: string): Province | null {
  const fsa = forwardSortationArea(text);
  if (!fsa) return null;
  if (NUNAVUT_FSAS.has(fsa)) return 'NU';
  return DISTRICTS[fsa[0] ?? ''] ?? null;
}

const isProvince = (v: unknown): v is Province => typeof v === 'string' && (PROVINCES as readonly string[]).includes(v);

/** Folded, with the spellings people use interchangeably made one: `St. John's` = `saint johns`. */
export function placeKey(text: string): string {
  return fold(text.replace(/['’]/g, ''))
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}

/** Other names people use for a place, EN and FR, keyed by `placeKey`; values as GeoNames spells them. */
const ALIASES: Record<string, [string, Province]> = {
  'quebec city': ['Québec', 'QC'],
  'ville de quebec': ['Québec', 'QC'],
  sudbury: ['Greater Sudbury', 'ON'],
  'grand sudbury': ['Greater Sudbury', 'ON'],
};

/**
 * Census metropolitan areas and capitals: when a name is shared across provinces (`Victoria`,
 * `Kingston`, `Richmond`), the one a person most likely means. Any other shared name is ambiguous.
 */
export const MAJOR_PLACES: ReadonlyArray<[string, Province]> = [
  ['Toronto', 'ON'],
  ['Montréal', 'QC'],
  ['Vancouver', 'BC'],
  ['Ottawa', 'ON'],
  ['Gatineau', 'QC'],
  ['Calgary', 'AB'],
  ['Edmonton', 'AB'],
  ['Québec', 'QC'],
  ['Winnipeg', 'MB'],
  ['Hamilton', 'ON'],
  ['Kitchener', 'ON'],
  ['London', 'ON'],
  ['Halifax', 'NS'],
  ['St. Catharines', 'ON'],
  ['Windsor', 'ON'],
  ['Oshawa', 'ON'],
  ['Victoria', 'BC'],
  ['Saskatoon', 'SK'],
  ['Regina', 'SK'],
  ['Sherbrooke', 'QC'],
  ['Kelowna', 'BC'],
  ['Barrie', 'ON'],
  ["St. John's", 'NL'],
  ['Abbotsford', 'BC'],
  ['Kingston', 'ON'],
  ['Guelph', 'ON'],
  ['Trois-Rivières', 'QC'],
  ['Moncton', 'NB'],
  ['Saguenay', 'QC'],
  ['Brantford', 'ON'],
  ['Saint John', 'NB'],
  ['Lethbridge', 'AB'],
  ['Peterborough', 'ON'],
  ['Nanaimo', 'BC'],
  ['Kamloops', 'BC'],
  ['Belleville', 'ON'],
  ['Chilliwack', 'BC'],
  ['Fredericton', 'NB'],
  ['Red Deer', 'AB'],
  ['Greater Sudbury', 'ON'],
  ['Thunder Bay', 'ON'],
  ['Charlottetown', 'PE'],
  ['Whitehorse', 'YT'],
  ['Yellowknife', 'NT'],
  ['Iqaluit', 'NU'],
  ['Richmond', 'BC'],
  ['Summerside', 'PE'],
  ['Brandon', 'MB'],
];

interface Entry {
  name: string;
  lat: number;
  lon: number;
  province: Province;
  major: boolean;
}

const label = (name: string, province: Province): string => `${name}, ${province}`;

function toPlace(e: Entry): Place {
  return { lat: e.lat, lon: e.lon, province: e.province, label: label(e.name, e.province), precision: 'city' };
}

/** Splits `Montréal, QC` / `Montreal QC` / `Gatineau (Québec)` into a name and a province. */
function withProvince(text: string): { name: string; province: Province } | null {
  const words = placeKey(text).split(' ');
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const province = provinceOf(words.slice(-n).join(' '));
    if (isProvince(province)) return { name: words.slice(0, -n).join(' '), province };
  }
  return null;
}

export interface GazetteerOptions {
  /** FSA (`H2X`) → the point it stands for. */
  postalAreas?: ReadonlyMap<string, Place>;
}

/** The shipped places by folded name, each marked major or not. */
function entriesByName(): Map<string, Entry[]> {
  const majors = new Set(MAJOR_PLACES.map(([n, p]) => `${placeKey(n)}|${p}`));
  const byName = new Map<string, Entry[]>();
  for (const row of table.places) {
    if (!isPlaceRow(row)) continue;
    const [name, lat, lon, province] = row;
    const key = placeKey(name);
    const entry: Entry = { name, lat, lon, province, major: majors.has(`${key}|${province}`) };
    const list = byName.get(key);
    if (list) list.push(entry);
    else byName.set(key, [entry]);
  }
  return byName;
}

export function createGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const byName = entriesByName();
  const postalAreas = options.postalAreas ?? new Map<string, Place>();

  /** Entries for a folded name, aliases included, optionally within one province. */
  const candidates = (key: string, province?: Province): Entry[] => {
    const alias = ALIASES[key];
    const found = alias ? (byName.get(placeKey(alias[0])) ?? []).filter((e) => e.province === alias[1]) : (byName.get(key) ?? []);
    return province ? found.filter((e) => e.province === province) : found;
  };

  /** One entry per province at most (a major one, else the first), then one overall if that is clear. */
  const choose = (list: Entry[]): Entry | Province[] | null => {
    if (list.length === 0) return null;
    const provinces = [...new Set(list.map((e) => e.province))];
    const majorsFound = list.filter((e) => e.major);
    if (majorsFound.length === 1 && majorsFound[0]) return majorsFound[0];
    if (provinces.length === 1) return majorsFound[0] ?? list[0] ?? null;
    return provinces;
  };

  function lookupPostal(text: string, compact: string): PlaceLookup {
    const fsa = forwardSortationArea(compact);
    if (!fsa) return { found: 'none', reason: 'invalid-postal-code', text };
    const place = postalAreas.get(fsa);
    if (place) return { found: 'point', place };
    const province = provinceOfPostalCode(fsa);
    return province
      ? { found: 'none', reason: 'unknown-postal-area', text, province }
      : { found: 'none', reason: 'invalid-postal-code', text };
  }

  /**
   * A point given as coordinates, rounded to 2 decimals (about 1 km: no finer position is kept or
   * shown); its province is that of the nearest place known.
   */
  function lookupCoordinates(text: string, m: RegExpExecArray): PlaceLookup {
    const lat = Math.round(Number(m[1]) * 100) / 100;
    const lon = Math.round(Number(m[2]) * 100) / 100;
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return { found: 'none', reason: 'invalid-coordinates', text };
    let nearest: Entry | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const list of byName.values()) {
      for (const e of list) {
        const km = haversineKm({ lat, lon }, e);
        if (km < best) {
          best = km;
          nearest = e;
        }
      }
    }
    if (!nearest || best > MAX_KM_FROM_A_PLACE) return { found: 'none', reason: 'outside-canada', text };
    return {
      found: 'point',
      place: { lat, lon, province: nearest.province, label: `${lat.toFixed(2)}, ${lon.toFixed(2)}`, precision: 'coordinates' },
    };
  }

  function lookup(raw: string): PlaceLookup {
    const text = raw.trim().replace(/\s+/g, ' ');
    const coordinates = COORDINATES.exec(text);
    if (coordinates) return lookupCoordinates(text, coordinates);
    const compact = text.toUpperCase();
    if (POSTAL_SHAPE.test(compact)) return lookupPostal(text, compact);
    const key = placeKey(text);
    if (!key) return { found: 'none', reason: 'unknown', text };
    let chosen = choose(candidates(key));
    if (!chosen) {
      const split = withProvince(text);
      if (split && split.name) chosen = choose(candidates(split.name, split.province));
    }
    if (!chosen) {
      const province = provinceOf(text);
      return isProvince(province) ? { found: 'province', province } : { found: 'none', reason: 'unknown', text };
    }
    if (Array.isArray(chosen)) return { found: 'none', reason: 'ambiguous', text, provinces: chosen };
    return { found: 'point', place: toPlace(chosen) };
  }

  function city(name: string, province: Province): Place | undefined {
    const chosen = choose(candidates(placeKey(name), province));
    return chosen && !Array.isArray(chosen) ? toPlace(chosen) : undefined;
  }

  return { lookup, city };
}
