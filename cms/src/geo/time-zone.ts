/**
 * The IANA time zone of a location, from its province or territory and, where the province spans
 * zones, the longitude and latitude of its place (a city centre is precise enough: the lines
 * follow municipal boundaries). Choices, with the reasons, are in src/geo/README.md.
 */
import type { Province } from '@referral-directory/sdk';
import type { LatLon } from './distance';

const BY_PROVINCE: Record<Province, string> = {
  NL: 'America/St_Johns',
  NS: 'America/Halifax',
  PE: 'America/Halifax',
  NB: 'America/Moncton',
  QC: 'America/Toronto',
  ON: 'America/Toronto',
  MB: 'America/Winnipeg',
  SK: 'America/Regina',
  AB: 'America/Edmonton',
  BC: 'America/Vancouver',
  YT: 'America/Whitehorse',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
};

/** Where a province spans zones: the zone of a point in it, or undefined for the province's own. */
const REFINE: Partial<Record<Province, (p: LatLon) => string | undefined>> = {
  // Labrador, except its south-east coast, keeps Atlantic time.
  NL: (p) => (p.lat > 51.9 && p.lon < -57.5 ? 'America/Goose_Bay' : undefined),
  // The Magdalen Islands keep Atlantic time; the Lower North Shore east of Natashquan, Atlantic
  // standard time all year.
  QC: (p) => (p.lon > -62.2 && p.lat < 48 ? 'America/Halifax' : p.lon > -61.5 && p.lat > 50 ? 'America/Blanc-Sablon' : undefined),
  // North-western Ontario, west of 90° W, keeps Central time.
  ON: (p) => (p.lon < -90 ? 'America/Winnipeg' : undefined),
  // Lloydminster straddles the Alberta border and keeps Alberta's time.
  SK: (p) => (p.lon < -109.9 ? 'America/Edmonton' : undefined),
  // Fort Nelson and the Peace River region keep Mountain standard time all year, as does Creston;
  // the East Kootenay keeps Mountain time with daylight saving.
  BC: (p) => {
    if (p.lat >= 58 && p.lon > -124) return 'America/Fort_Nelson';
    if (p.lat >= 54.9 && p.lon > -122.5) return 'America/Dawson_Creek';
    if (p.lat < 49.3 && p.lon > -116.7 && p.lon < -116.3) return 'America/Creston';
    if (p.lat < 52.5 && (p.lon > -116.75 || (p.lat > 51 && p.lon > -117.2))) return 'America/Edmonton';
    return undefined;
  },
  // Nunavut spans three zones: Kitikmeot (Mountain), Kivalliq (Central), Qikiqtaaluk (Eastern).
  NU: (p) => (p.lon < -102 ? 'America/Cambridge_Bay' : p.lon < -85 ? 'America/Rankin_Inlet' : undefined),
};

export function timeZoneOf(province: Province, at?: LatLon): string {
  return (at && REFINE[province]?.(at)) || BY_PROVINCE[province];
}
