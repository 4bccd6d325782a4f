/**
 * The HSDS tabular serialization (a Frictionless tabular data package): one CSV per HSDS object,
 * with the core columns in the order of the HSDS 3.0 schemas (`datapackage_metadata`, `path`),
 * the profile's columns after them, and a `datapackage.json` describing every field. Arrays of
 * codes (profile `timeframes`…) are Frictionless `array` cells (JSON), booleans `true`/`false`.
 */
import { writeCsv } from './csv';
import type { HsdsObject, Pair } from './mapper';
import {
  attributeRecords,
  locationRecord,
  organizationIdentifiers,
  organizationRecord,
  phoneRecords,
  publicLocationIndexes,
  serviceAreaRecords,
  scheduleRecords,
  serviceAtLocationRecord,
  serviceRecord,
  languageRecords,
  taxonomyRecord,
  taxonomyTermRecord,
} from './mapper';
import { HSDS_TAXONOMIES, HSDS_VERSION, PROFILE_NAME, PROFILE_VERSION } from './vocab';
import type { Vocabulary } from '../catalog/catalog';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'time' | 'array';
export interface Field {
  name: string;
  type: FieldType;
  format?: string;
  profile?: boolean;
}
export interface Table {
  name: string;
  path: string;
  schema: string;
  fields: Field[];
  foreignKeys: Array<[string, string]>;
}

/** `name:type:format`, type defaulting to string; a leading `+` marks a profile column. */
function fields(spec: string): Field[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((s) => {
      const profile = s.startsWith('+');
      const [name, type, format] = (profile ? s.slice(1) : s).split(':');
      const f: Field = { name: name!, type: (type || 'string') as FieldType };
      if (format) f.format = format;
      if (profile) f.profile = true;
      return f;
    });
}

const FR = (...names: string[]) => names.map((n) => `+${n}_fr`).join(' ');

/** Core columns as in the HSDS 3.0 schemas (commit 279fd2e), then the profile's. */
export const TABLES: Table[] = [
  {
    name: 'organization',
    path: 'organizations.csv',
    schema: 'organization.json',
    foreignKeys: [],
    fields: fields(`id::uuid name alternate_name description email::email website::uri tax_status tax_id year_incorporated:number
      legal_status logo uri::uri parent_organization_id::uuid ${FR('name', 'alternate_name', 'description')} +organization_type`),
  },
  {
    name: 'service',
    path: 'services.csv',
    schema: 'service.json',
    foreignKeys: [['organization_id', 'organization']],
    fields: fields(`id::uuid organization_id::uuid program_id::uuid name alternate_name description url::uri email::email status
      interpretation_services application_process fees_description wait_time fees accreditations eligibility_description
      minimum_age:number maximum_age:number assured_date:date assurer_email::email licenses alert last_modified:datetime
      ${FR('name', 'alternate_name', 'description', 'eligibility_description', 'fees_description')} +provider_role +timeframes:array
      +needs:array +indirect_offerings:array +open_24_7:boolean +hours_notes +hours_notes_fr +accessibility +accessibility_fr`),
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    schema: 'attribute.json',
    foreignKeys: [['taxonomy_term_id', 'taxonomy_term']],
    fields: fields('id::uuid link_id::uuid taxonomy_term_id::uuid link_type link_entity value'),
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    schema: 'service_at_location.json',
    foreignKeys: [
      ['service_id', 'service'],
      ['location_id', 'location'],
    ],
    fields: fields('id::uuid service_id::uuid location_id::uuid description'),
  },
  {
    name: 'location',
    path: 'locations.csv',
    schema: 'location.json',
    foreignKeys: [['organization_id', 'organization']],
    fields: fields(`id::uuid location_type url::uri organization_id::uuid name alternate_name description transportation latitude:number
      longitude:number external_identifier external_identifier_type +position:integer`),
  },
  {
    name: 'phone',
    path: 'phones.csv',
    schema: 'phone.json',
    foreignKeys: [['service_id', 'service']],
    fields: fields(`id::uuid location_id::uuid service_id::uuid organization_id::uuid contact_id::uuid service_at_location_id::uuid number
      extension:number type description +description_fr +extension_text`),
  },
  {
    name: 'address',
    path: 'addresses.csv',
    schema: 'address.json',
    foreignKeys: [['location_id', 'location']],
    fields: fields('id::uuid location_id::uuid attention address_1 address_2 city region state_province postal_code country address_type'),
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    schema: 'schedule.json',
    foreignKeys: [['service_id', 'service']],
    fields: fields(`id::uuid service_id::uuid location_id::uuid service_at_location_id::uuid valid_from:date valid_to:date dtstart:date
      timezone:number until:date count:number wkst freq interval:number byday byweekno bymonthday byyearday description opens_at:time
      closes_at:time schedule_link::uri attending_type notes +description_fr +notes_fr`),
  },
  {
    name: 'service_area',
    path: 'service_areas.csv',
    schema: 'service_area.json',
    foreignKeys: [['service_id', 'service']],
    fields: fields(`id::uuid service_id::uuid name description extent extent_type uri ${FR('name', 'description')} +area_type
      +state_province +region +position:integer`),
  },
  {
    name: 'language',
    path: 'languages.csv',
    schema: 'language.json',
    foreignKeys: [['service_id', 'service']],
    fields: fields('id::uuid service_id::uuid location_id::uuid phone_id::uuid name code note +name_fr'),
  },
  {
    name: 'accessibility',
    path: 'accessibility.csv',
    schema: 'accessibility.json',
    foreignKeys: [['location_id', 'location']],
    fields: fields('id::uuid location_id::uuid description details url::uri +description_fr'),
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    schema: 'taxonomy_term.json',
    foreignKeys: [['taxonomy_id', 'taxonomy']],
    fields: fields(
      `id::uuid code name description parent_id::uuid taxonomy language taxonomy_id::uuid term_uri::uri ${FR('name', 'description')}`,
    ),
  },
  {
    name: 'organization_identifier',
    path: 'organization_identifiers.csv',
    schema: 'organization_identifier.json',
    foreignKeys: [['organization_id', 'organization']],
    fields: fields('id::uuid organization_id::uuid identifier_scheme identifier_type identifier'),
  },
  {
    name: 'taxonomy',
    path: 'taxonomies.csv',
    schema: 'taxonomy.json',
    foreignKeys: [],
    fields: fields(`id::uuid name description uri::uri version ${FR('name', 'description')}`),
  },
];

export type Tables = Record<string, HsdsObject[]>;

/** Every row of every table for the given public records and taxonomy vocabulary. */
export function tablesOf(pairs: Pair[], vocabulary: Pick<Vocabulary, 'focus' | 'service' | 'population'>, profileUri: string): Tables {
  const t: Tables = Object.fromEntries(TABLES.map((x) => [x.name, []]));
  const push = (name: string, rows: HsdsObject[]) => t[name]!.push(...rows);
  for (const p of pairs) {
    push('organization', [organizationRecord(p)]);
    push('organization_identifier', organizationIdentifiers(p));
    push('service', [serviceRecord(p)]);
    push('attribute', attributeRecords(p, profileUri, false));
    for (const i of publicLocationIndexes(p)) {
      const loc = locationRecord(p, i, true);
      const { addresses, accessibility, ...row } = loc as HsdsObject & { addresses?: HsdsObject[]; accessibility?: HsdsObject[] };
      push('location', [row]);
      push('address', addresses ?? []);
      push('accessibility', accessibility ?? []);
      push('service_at_location', [serviceAtLocationRecord(p, i, false)]);
    }
    push('phone', phoneRecords(p));
    push('schedule', scheduleRecords(p));
    push('service_area', serviceAreaRecords(p));
    push('language', languageRecords(p));
  }
  for (const tax of HSDS_TAXONOMIES) {
    push('taxonomy', [taxonomyRecord(tax, profileUri)]);
    push(
      'taxonomy_term',
      vocabulary[tax.filter].map((v) => taxonomyTermRecord(tax.name, { code: v.value, labels: v.labels }, profileUri)),
    );
  }
  return t;
}

function cellOf(v: unknown, f: Field): string {
  if (v === undefined || v === null) return '';
  if (f.type === 'array') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** A cell read back by its Frictionless type (for validating the package against the schemas). */
export function valueOf(cell: string, f: Field): unknown {
  if (cell === '') return undefined;
  switch (f.type) {
    case 'number':
    case 'integer':
      return Number(cell);
    case 'boolean':
      return cell === 'true';
    case 'array':
      return JSON.parse(cell) as unknown;
    default:
      return cell;
  }
}

export function csvOf(table: Table, rows: HsdsObject[]): string {
  return writeCsv(
    table.fields.map((f) => f.name),
    rows.map((r) => table.fields.map((f) => cellOf(r[f.name], f))),
  );
}

/** The Frictionless descriptor of the package. */
export function datapackage(profileUri: string, created: string): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'referral-directory-hsds',
    title: 'Referral Directory: public directory (Open Referral HSDS 3.0)',
    description:
      'The public referral directory for human-trafficking support in Canada, as HSDS 3.0 tables with the ' +
      `${PROFILE_NAME} profile (${profileUri}): English in the core columns, French in *_fr columns.`,
    version: PROFILE_VERSION,
    created,
    hsds_version: HSDS_VERSION,
    hsds_profile: profileUri,
    resources: TABLES.map((t) => ({
      name: t.name,
      path: t.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: t.fields.map((f) => ({
          name: f.name,
          type: f.type,
          ...(f.format ? { format: f.format === 'date-time' ? 'default' : f.format } : {}),
          ...(f.profile ? { description: `Profile field (${profileUri})` } : {}),
          ...(f.name === 'id' ? { constraints: { required: true, unique: true } } : {}),
        })),
        primaryKey: 'id',
        foreignKeys: t.foreignKeys.map(([field, resource]) => ({ fields: field, reference: { resource, fields: 'id' } })),
      },
    })),
  };
}
