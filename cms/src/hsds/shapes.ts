/**
 * What an HSDS JSON document is, by its shape. The import takes organizations and services (one,
 * a list, an API page, ndjson); anything else (a taxonomy, taxonomy terms, locations, the API's
 * `/`, a service_at_location…) is named so the refusal can say what the file holds instead of
 * turning it into organizations called "name".
 */
export type HsdsShape =
  | 'service'
  | 'organization'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'location'
  | 'service_at_location'
  | 'api_index'
  | 'tabular_json'
  | 'unknown';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, ...keys: string[]) => keys.some((k) => k in o);

/** The kind of HSDS object `v` looks like. */
export function shapeOf(v: unknown): HsdsShape {
  if (!isObj(v)) return 'unknown';
  const keys = Object.keys(v);
  if (keys.length > 0 && keys.every((k) => /\.csv$/i.test(k))) return 'tabular_json';
  if ('version' in v && has(v, 'profile', 'openapi_url') && !has(v, 'name')) return 'api_index';
  if (has(v, 'term_uri', 'taxonomy_id', 'taxonomy_detail', 'parent_id') || ('code' in v && typeof v.taxonomy === 'string'))
    return 'taxonomy_term';
  if (has(v, 'location_type', 'latitude', 'longitude', 'transportation')) return 'location';
  if (has(v, 'service_id', 'location_id') || (isObj(v.location) && !has(v, 'name'))) return 'service_at_location';
  if (
    has(
      v,
      'status',
      'organization',
      'organization_id',
      'service_at_locations',
      'eligibility_description',
      'fees_description',
      'application_process',
      'provider_role',
      'program',
      'minimum_age',
      'maximum_age',
      'assured_date',
      'schedules',
      'service_areas',
      'attributes',
    )
  )
    return 'service';
  if (
    has(
      v,
      'website',
      'tax_status',
      'tax_id',
      'legal_status',
      'year_incorporated',
      'organization_identifiers',
      'services',
      'locations',
      'parent_organization_id',
      'logo',
      'organization_type',
      'funding',
      'programs',
    )
  )
    return 'organization';
  if ('uri' in v && 'version' in v && 'name' in v) return 'taxonomy';
  return 'unknown';
}

const NAMES: Record<HsdsShape, { one: string; many: string }> = {
  service: { one: 'an HSDS service', many: 'HSDS services' },
  organization: { one: 'an HSDS organization', many: 'HSDS organizations' },
  taxonomy: { one: 'an HSDS taxonomy', many: 'HSDS taxonomies' },
  taxonomy_term: { one: 'an HSDS taxonomy term', many: 'HSDS taxonomy terms' },
  location: { one: 'an HSDS location', many: 'HSDS locations' },
  service_at_location: { one: 'an HSDS service_at_location', many: 'HSDS service_at_location records' },
  api_index: { one: 'the index of an HSDS API (GET /)', many: 'indexes of HSDS APIs' },
  tabular_json: { one: 'HSDS tables serialized as JSON (file name → rows)', many: 'HSDS tables serialized as JSON' },
  unknown: { one: 'not an HSDS organization or service', many: 'not HSDS organizations or services' },
};

/** What to tell the user when a file (or record) is not something the import takes. */
export function refusalOf(shape: HsdsShape, count = 1): string {
  const what = count === 1 ? NAMES[shape].one : `${NAMES[shape].many} (${count})`;
  const why =
    'the import takes HSDS organizations and services (one, a list, an API page or ndjson), ' +
    'the HSDS tabular package (datapackage.json) or the CSV template';
  switch (shape) {
    case 'taxonomy':
    case 'taxonomy_term':
      return (
        `the file holds ${what}, not organizations or services: ${why}. The directory's vocabularies (focus areas, ` +
        'service categories, populations) are kept by editors in the admin; the terms that imported services use come with them'
      );
    case 'location':
    case 'service_at_location':
      return `the file holds ${what}, not organizations or services: ${why}. Import the services (GET /services?full=true), which carry their locations`;
    case 'tabular_json':
      return `the file holds ${what}: ${why}. Import the package's datapackage.json (or its folder) instead`;
    case 'unknown':
      return `the file is ${what}: ${why}`;
    default:
      return `the file holds ${what}, not organizations or services: ${why}`;
  }
}
