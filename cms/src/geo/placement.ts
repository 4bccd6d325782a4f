/**
 * Where the directory says a location is, and how far it says it is: the one place the
 * confidential-location rule lives. A confidential (shelter) location is only ever placed at its
 * city's centre, whatever its postal code, and its distance is published in steps of
 * `CONFIDENTIAL_STEP_KM`; sorting and the radius filter use the published distance only, so
 * neither can be used to measure it more finely.
 */
import type { Province } from '@referral-directory/sdk';
import { haversineKm, type LatLon } from './distance';
import type { Gazetteer } from './gazetteer';

/** What placement needs of a location record (public or internal). */
export interface LocatedRecord {
  city: string;
  province: Province;
  postalCode: string | null;
  confidential: boolean;
}

export interface PlacedLocation extends LatLon {
  confidential: boolean;
}

/** Published distances to confidential locations are multiples of this. */
export const CONFIDENTIAL_STEP_KM = 10;

/**
 * The point of a location: its postal area's point when it is not confidential and the gazetteer
 * knows the area in the same province, else its city's centre; undefined when neither is known.
 */
export function placeLocation(location: LocatedRecord, gazetteer: Gazetteer): PlacedLocation | undefined {
  const confidential = location.confidential === true;
  if (!confidential && location.postalCode) {
    const area = gazetteer.lookup(location.postalCode);
    if (area.found === 'point' && area.place.province === location.province) {
      return { lat: area.place.lat, lon: area.place.lon, confidential };
    }
  }
  const centre = gazetteer.city(location.city, location.province);
  return centre ? { lat: centre.lat, lon: centre.lon, confidential } : undefined;
}

/** The distance the directory publishes: whole kilometres, or coarser steps for a confidential location. */
export function publishedKm(km: number, confidential: boolean): number {
  return confidential ? Math.round(km / CONFIDENTIAL_STEP_KM) * CONFIDENTIAL_STEP_KM : Math.round(km);
}

/** The published distance from a point to the nearest of a record's placed locations, if any. */
export function nearestKm(from: LatLon, locations: readonly PlacedLocation[]): number | undefined {
  let best: number | undefined;
  for (const l of locations) {
    const km = publishedKm(haversineKm(from, l), l.confidential);
    if (best === undefined || km < best) best = km;
  }
  return best;
}
