/**
 * Stable HSDS identifiers. HSDS wants a UUID for every record; the directory has slugs and codes.
 * Each id is a name-based UUID (RFC 9562 version 5: SHA-1 of a namespace and a name), so the same
 * record gets the same id on every server, in every export and across restarts, without storing it:
 *
 *   organization        organization:<slug>
 *   service             service:<slug>                 (one service per organization)
 *   location            location:<slug>:<i>            (i = index in the organization's locations)
 *   address             address:<slug>:<i>
 *   accessibility       accessibility:<slug>:<i>
 *   service_at_location service_at_location:<slug>:<i>
 *   phone               phone:<slug>:<i>
 *   schedule            schedule:<slug>:<i> | schedule:<slug>:24x7
 *   service_area        service_area:<slug>:<i>
 *   language            language:<slug>:<code>
 *   attribute           attribute:<slug>:<taxonomy>:<code>
 *   identifier          organization_identifier:<slug>
 *   taxonomy            taxonomy:<name>
 *   taxonomy_term       taxonomy_term:<taxonomy>:<code>
 *
 * Ids reveal nothing: a slug can be tested against an id only if one already knows the slug,
 * and the public API serves slugs anyway.
 */
import { createHash } from 'node:crypto';

/** The directory's namespace: uuidv5(URL namespace, "https://referral-directory.invalid/hsds"), fixed forever. */
export const HSDS_NAMESPACE = '13fb4a5c-e1ae-5e4f-9702-17e4446fc60a';

function bytesOf(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/**
 * As one flat string (`join`): a template literal makes a tree of concatenated strings, kept as
 * such; the catalogs and the departures registry keep some 300,000 ids at 100,000 organizations,
 * which were 1.3 million objects for every full collection to mark (a heap snapshot).
 */
function format(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20, 32)].join('-');
}

/** RFC 9562 §5.5: name-based UUID (SHA-1), version 5. */
export function uuidV5(name: string, namespace: string = HSDS_NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): boolean => typeof v === 'string' && UUID_PATTERN.test(v);

export const hsdsId = {
  organization: (slug: string) => uuidV5(`organization:${slug}`),
  service: (slug: string) => uuidV5(`service:${slug}`),
  location: (slug: string, i: number) => uuidV5(`location:${slug}:${i}`),
  address: (slug: string, i: number) => uuidV5(`address:${slug}:${i}`),
  accessibility: (slug: string, i: number) => uuidV5(`accessibility:${slug}:${i}`),
  serviceAtLocation: (slug: string, i: number) => uuidV5(`service_at_location:${slug}:${i}`),
  phone: (slug: string, i: number) => uuidV5(`phone:${slug}:${i}`),
  schedule: (slug: string, i: number | '24x7') => uuidV5(`schedule:${slug}:${i}`),
  serviceArea: (slug: string, i: number) => uuidV5(`service_area:${slug}:${i}`),
  language: (slug: string, code: string) => uuidV5(`language:${slug}:${code}`),
  attribute: (slug: string, taxonomy: string, code: string) => uuidV5(`attribute:${slug}:${taxonomy}:${code}`),
  organizationIdentifier: (slug: string) => uuidV5(`organization_identifier:${slug}`),
  taxonomy: (name: string) => uuidV5(`taxonomy:${name}`),
  taxonomyTerm: (taxonomy: string, code: string) => uuidV5(`taxonomy_term:${taxonomy}:${code}`),
};
