/** Great-circle distance. A sphere is plenty: published distances are whole kilometres at best. */

export interface LatLon {
  lat: number;
  lon: number;
}

/** The IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (deg: number): number => (deg * Math.PI) / 180;

/** Haversine distance in kilometres (well conditioned for short distances, unlike the law of cosines). */
export function haversineKm(a: LatLon, b: LatLon, radiusKm = EARTH_RADIUS_KM): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * radiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}
