/**
 * Where an imported organization works, read from its HSDS services (a step of reverse-record.ts):
 * its service areas (national, provinces with regions) and its sites, public locations and
 * confidential sites (a city only) together, in the file's order of positions.
 */
import type { ImportLocation } from './record';
import type { Source } from './reverse-record';
import { isObj, list, provinceOf, str } from './reverse-values';

/** A site as read, with its position in the file (if any) and the column it came from. */
export type Site = { position: number | null; loc: ImportLocation; source: string };

/** Service areas: national, by province with regions, or a confidential site (pushed to `sites`). */
export function areasOf({ first, warn }: Source, sites: Site[]) {
  let national = false;
  const serviceAreas: Array<{ province: string; regions: string[]; regionsFr: string[] }> = [];
  let lastRegionArea: { province: string; regions: string[]; regionsFr: string[] } | null = null;
  list(first.service_areas).forEach((a, i) => {
    const type = str(a.area_type);
    const province = provinceOf(a.state_province) ?? (type ? null : provinceOf(a.name));
    if (type === 'country' || (!type && /^(canada|ca)$/i.test(str(a.name) ?? ''))) {
      national = true;
      lastRegionArea = null;
      return;
    }
    if (!province) {
      warn(`service_areas[${i}]`, 'no province or territory (state_province): ignored');
      return;
    }
    const region = str(a.region);
    if (type === 'confidential_site') {
      if (!region) {
        warn(`service_areas[${i}].region`, 'a confidential site needs its city: ignored');
        return;
      }
      const pos = typeof a.position === 'number' ? a.position : null;
      sites.push({
        position: pos,
        loc: { name: null, street: null, city: region, province, postalCode: null, confidential: true },
        source: `service_areas[${i}]`,
      });
      return;
    }
    if (!region || type === 'state_province') {
      serviceAreas.push({ province, regions: [], regionsFr: [] });
      lastRegionArea = null;
      return;
    }
    // name_fr is "<French region>, <province>" in this directory's export; anything else: the English name.
    const nameFr = str(a.name_fr);
    const regionFr = nameFr && nameFr.endsWith(`, ${province}`) ? nameFr.slice(0, -`, ${province}`.length) : region;
    if (lastRegionArea && lastRegionArea.province === province) {
      lastRegionArea.regions.push(region);
      lastRegionArea.regionsFr.push(regionFr);
    } else {
      lastRegionArea = { province, regions: [region], regionsFr: [regionFr] };
      serviceAreas.push(lastRegionArea);
    }
  });
  return { national, serviceAreas };
}

/** Public sites from the services' locations (pushed to `sites`), then all sites in their order. */
export function locationsOf({ g, warn }: Source, sites: Site[]) {
  const seenLocations = new Set<string>();
  for (const { s } of g.services) {
    list(s.service_at_locations).forEach((sal, i) => {
      const l = isObj(sal.location) ? sal.location : null;
      const src = `service_at_locations[${i}].location`;
      if (!l) {
        warn(`service_at_locations[${i}]`, 'no nested location: ignored');
        return;
      }
      const id = str(l.id);
      if (id && seenLocations.has(id)) return;
      if (id) seenLocations.add(id);
      const addr = list(l.addresses).find((x) => x.address_type !== 'postal') ?? list(l.addresses)[0];
      const province = provinceOf(addr?.state_province);
      const city = str(addr?.city);
      if (!addr || !city || !province) {
        warn(src, 'no address with a city and a Canadian province or territory: ignored');
        return;
      }
      const pos = typeof l.position === 'number' ? l.position : null;
      sites.push({
        position: pos,
        loc: { name: str(l.name), street: str(addr.address_1), city, province, postalCode: str(addr.postal_code), confidential: false },
        source: `${src}.addresses[0]`,
      });
    });
  }
  // Sites with a position keep it; the others follow in file order.
  const placed = sites.map((x, i) => ({ ...x, i })).sort((a, b) => (a.position ?? 1e9 + a.i) - (b.position ?? 1e9 + b.i));
  return { locations: placed.map((x) => x.loc), locationSources: placed.map((x) => x.source) };
}
