/**
 * HSDS 3.0 `postcode` and `proximity` on `GET /service_at_locations`, as the API reference defines
 * them: `postcode` alone keeps the services whose service area covers it; with `proximity` (metres),
 * only the service-at-locations within that distance of the postcode's centroid. Postcodes go
 * through the directory's offline gazetteer (see src/geo/README.md), distances are the published
 * ones, and HSDS lists public (non-confidential) locations only.
 */
import type { ErrorDetail } from '@referral-directory/sdk';
import { DEFAULT_RADIUS_KM, geoOf, type GeoCatalog, type NearTarget } from '../catalog/near';
import { haversineKm } from '../geo/distance';
import { forwardSortationArea, provinceOfPostalCode } from '../geo/gazetteer';
import { placeLocation, publishedKm, type LocatedRecord } from '../geo/placement';

export interface HsdsProximity {
  target: NearTarget;
  /** Metres from the postcode's centroid, when given. */
  proximityM: number | null;
}

const MAX_PROXIMITY_M = 1_000_000;

/** Parses `postcode` and `proximity`; errors go to `details`. */
export function parseProximity(params: URLSearchParams, catalog: GeoCatalog, details: ErrorDetail[]): HsdsProximity | null {
  const postcode = params.get('postcode');
  const proximity = params.get('proximity');
  let proximityM: number | null = null;
  if (proximity !== null) {
    if (!/^[0-9]{1,7}$/.test(proximity) || Number(proximity) < 1 || Number(proximity) > MAX_PROXIMITY_M) {
      details.push({ path: 'proximity', message: `must be a whole number of metres from 1 to ${MAX_PROXIMITY_M}` });
    } else proximityM = Number(proximity);
    if (postcode === null) details.push({ path: 'proximity', message: 'needs postcode' });
  }
  if (postcode === null) return null;
  const fsa = forwardSortationArea(postcode);
  const province = fsa ? provinceOfPostalCode(fsa) : null;
  if (!fsa || !province) {
    details.push({ path: 'postcode', message: `${JSON.stringify(postcode.slice(0, 20))} is not a Canadian postal code (A1A 1A1)` });
    return null;
  }
  const found = geoOf(catalog).gazetteer.lookup(fsa);
  if (found.found === 'point') return { target: { kind: 'point', place: found.place, radiusKm: DEFAULT_RADIUS_KM }, proximityM };
  if (proximityM !== null) {
    details.push({
      path: 'postcode',
      message: `the postal area ${fsa} (${province}) is not known to the directory, so no distance can be measured from it`,
    });
    return null;
  }
  return { target: { kind: 'province', province }, proximityM: null };
}

/** Per catalog entry: whether its service area (or, without one, a location) covers the postcode. */
export function coverage(catalog: GeoCatalog, p: HsdsProximity): boolean[] {
  return geoOf(catalog)
    .index.near(p.target)
    .map((hit) => hit !== undefined);
}

/** Whether one public location is within `proximity` metres of the postcode's centroid. */
export function withinProximity(catalog: GeoCatalog, p: HsdsProximity, location: LocatedRecord): boolean {
  if (p.proximityM === null) return true;
  if (p.target.kind !== 'point') return false;
  const placed = placeLocation(location, geoOf(catalog).gazetteer);
  return !!placed && publishedKm(haversineKm(p.target.place, placed), placed.confidential) * 1000 <= p.proximityM;
}
