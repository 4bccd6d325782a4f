/**
 * The bilingual CSV import template (cms/hsds/import-template.csv, documented in cms/hsds/README.md):
 * one row per organization, English and French side by side (`name_en`, `name_fr`…), codes for the
 * taxonomies, numbered column groups for sites (`location_1_city`…) and phones (`phone_1_number`…).
 *
 * Cells are read leniently (template-cells.ts) where a spreadsheet user would differ (yes/oui/true/1, French day names,
 * `;` or `,` between codes) and strictly otherwise: a cell that cannot be read is a problem named by
 * row and column. Whether codes exist is checked later, against the database.
 */
import { csvObjects, CsvSyntaxError, writeCsv } from './csv';
import { provinceOf } from './reverse-values';
import { cell, splitList, bool, parseHours, parseServiceAreas, frenchRegions, areasCell } from './template-cells';
import {
  emptyDefinitions,
  type ImportLocation,
  type ImportPhone,
  type ImportProblem,
  type ImportRecord,
  type ParsedFile,
  type ParsedRecord,
} from './record';

export const TEMPLATE_LOCATIONS = 2;
export const TEMPLATE_PHONES = 3;

const LOCATION_FIELDS = ['name', 'street', 'city', 'province', 'postal_code', 'confidential'] as const;
const PHONE_FIELDS = ['type', 'number', 'extension', 'label_en', 'label_fr'] as const;

export function templateColumns(locations = TEMPLATE_LOCATIONS, phones = TEMPLATE_PHONES): string[] {
  return [
    'external_id',
    'slug',
    'name_en',
    'name_fr',
    'other_names_en',
    'other_names_fr',
    'description_en',
    'description_fr',
    'kind',
    'role',
    'focus_areas',
    'services',
    'populations',
    'languages',
    'timeframes',
    'needs',
    'indirect_offerings',
    'eligibility_en',
    'eligibility_fr',
    'fees_en',
    'fees_fr',
    'age_min',
    'age_max',
    'national',
    'service_areas',
    'service_areas_fr',
    ...Array.from({ length: locations }, (_, i) => LOCATION_FIELDS.map((f) => `location_${i + 1}_${f}`)).flat(),
    ...Array.from({ length: phones }, (_, i) => PHONE_FIELDS.map((f) => `phone_${i + 1}_${f}`)).flat(),
    'email',
    'website',
    'open_24_7',
    'hours',
    'hours_notes_en',
    'hours_notes_fr',
    'accessibility_en',
    'accessibility_fr',
    'last_verified',
    'last_modified',
  ];
}

const REQUIRED_COLUMNS = ['external_id', 'name_en', 'description_en', 'kind', 'role'];

type ParsedCsv = ReturnType<typeof csvObjects>;

/** The header's problems: unknown, missing required, or repeated columns. */
function headerProblems(header: string[]): ImportProblem[] {
  const fileProblems: ImportProblem[] = [];
  const known = new Set(templateColumns(99, 99));
  for (const h of header)
    if (!known.has(h)) fileProblems.push({ row: 1, column: h || '(empty)', message: 'is not a column of the template' });
  for (const c of REQUIRED_COLUMNS)
    if (!header.includes(c)) fileProblems.push({ row: 1, column: c, message: 'is a required column and is missing' });
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) fileProblems.push({ row: 1, column: dup, message: 'appears twice in the header' });
  return fileProblems;
}

/** The numbers of the column groups the header has (`location_1_…`, `location_2_…`). */
function columnGroups(header: string[], prefix: string): number[] {
  const n = new Set<number>();
  for (const h of header) {
    const m = new RegExp(`^${prefix}_(\\d+)_`).exec(h);
    if (m) n.add(Number(m[1]));
  }
  return [...n].sort((a, b) => a - b);
}

/** Reads the cells of one row, noting each problem by its column. */
function rowReader(row: number, values: Record<string, string | undefined>) {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const fail = (column: string, message: string) => problems.push({ row, column, message });
  const get = (c: string) => cell(values[c]);
  const yes = (c: string) => {
    const b = bool(get(c));
    if (b === null) fail(c, 'must be yes or no (oui/non)');
    return b === true;
  };
  const whole = (c: string): number | null => {
    const v = get(c);
    if (v == null) return null;
    if (!/^\d{1,3}$/.test(v) || Number(v) > 120) {
      fail(c, 'must be a whole number from 0 to 120');
      return null;
    }
    return Number(v);
  };
  return { row, problems, warnings, fail, get, yes, whole };
}
type RowReader = ReturnType<typeof rowReader>;

/** The English and French texts; an empty French name or description takes the English (with a warning). */
function rowTexts({ row, get, warnings }: RowReader) {
  const text = (locale: 'en' | 'fr') => ({
    name: get(`name_${locale}`) ?? '',
    otherNames: splitList(get(`other_names_${locale}`), /;/),
    description: get(`description_${locale}`) ?? '',
    eligibility: get(`eligibility_${locale}`),
    fees: get(`fees_${locale}`),
    hoursNotes: get(`hours_notes_${locale}`),
    accessibility: get(`accessibility_${locale}`),
  });
  const en = text('en');
  const fr = text('fr');
  for (const k of ['name', 'description'] as const) {
    if (!fr[k] && en[k]) {
      fr[k] = en[k];
      warnings.push({ row, column: `${k}_fr`, message: 'empty: the English text is used; translate before publishing' });
    }
  }
  return { en, fr };
}

function rowLocations({ get, fail, yes }: RowReader, groups: number[]) {
  const locationSources: string[] = [];
  const locations: ImportLocation[] = [];
  for (const n of groups) {
    const c = (f: string) => `location_${n}_${f}`;
    if (LOCATION_FIELDS.every((f) => get(c(f)) == null)) continue;
    const rawProvince = get(c('province'));
    const province = rawProvince ? provinceOf(rawProvince) : null;
    if (rawProvince && !province) fail(c('province'), `${JSON.stringify(rawProvince)} is not a province or territory`);
    locations.push({
      name: get(c('name')),
      street: get(c('street')),
      city: get(c('city')) ?? '',
      province: province ?? rawProvince ?? '',
      postalCode: get(c('postal_code')),
      confidential: yes(c('confidential')),
    });
    locationSources.push(`location_${n}`);
  }
  return { locations, locationSources };
}

function rowPhones({ get }: RowReader, groups: number[]) {
  const phoneSources: string[] = [];
  const phones: ImportPhone[] = [];
  for (const n of groups) {
    const c = (f: string) => `phone_${n}_${f}`;
    if (PHONE_FIELDS.every((f) => get(c(f)) == null)) continue;
    phones.push({
      type: get(c('type')) ?? 'voice',
      number: get(c('number')) ?? '',
      extension: get(c('extension')),
      labelEn: get(c('label_en')),
      labelFr: get(c('label_fr')),
    });
    phoneSources.push(`phone_${n}`);
  }
  return { phones, phoneSources };
}

const SCALAR_COLUMNS: Readonly<Record<string, string>> = {
  externalId: 'external_id',
  slug: 'slug',
  kind: 'kind',
  role: 'role',
  'en.name': 'name_en',
  'fr.name': 'name_fr',
  'en.description': 'description_en',
  'fr.description': 'description_fr',
  'en.otherNames': 'other_names_en',
  'fr.otherNames': 'other_names_fr',
  focusAreas: 'focus_areas',
  services: 'services',
  populations: 'populations',
  languages: 'languages',
  timeframes: 'timeframes',
  needs: 'needs',
  indirectOfferings: 'indirect_offerings',
  ageMin: 'age_min',
  ageMax: 'age_max',
  national: 'national',
  serviceAreas: 'service_areas',
  openingHours: 'hours',
  email: 'email',
  website: 'website',
  open24x7: 'open_24_7',
  lastVerified: 'last_verified',
  'state.lastVerifiedAt': 'last_verified',
};
const SUB_COLUMNS: Readonly<Record<string, string>> = { postalCode: 'postal_code', labelEn: 'label_en', labelFr: 'label_fr' };

/** Maps a field of the record back to its column of the template, for the report. */
const templateColumnOf =
  (phoneSources: string[], locationSources: string[]) =>
  (field: string): string => {
    const m = /^(phones|locations)\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (m) {
      const base = (m[1] === 'phones' ? phoneSources : locationSources)[Number(m[2])] ?? m[1]!;
      return m[3] ? `${base}_${SUB_COLUMNS[m[3]] ?? m[3]}` : base;
    }
    const root = field.replace(/\[\d+\].*$/, '');
    return SCALAR_COLUMNS[field] ?? SCALAR_COLUMNS[root] ?? field;
  };

/** One row of the template as an import record. */
function recordOfRow(
  { row, values, extra }: ParsedCsv['rows'][number],
  columnCount: number,
  groups: { locations: number[]; phones: number[] },
): ParsedRecord {
  const r = rowReader(row, values);
  const { get, fail, yes, whole } = r;
  if (extra > 0) fail(`column ${columnCount + 1}`, `${extra} cell(s) beyond the last column of the header`);
  const { en, fr } = rowTexts(r);
  const { locations, locationSources } = rowLocations(r, groups.locations);
  const { phones, phoneSources } = rowPhones(r, groups.phones);

  const hours = parseHours(get('hours'));
  if (hours.error) fail('hours', hours.error);
  const areas = parseServiceAreas(get('service_areas'));
  if (areas.error) fail('service_areas', areas.error);
  const regionsFr = frenchRegions(areas.areas, get('service_areas_fr'));
  if (regionsFr.error) fail('service_areas_fr', regionsFr.error);
  const lastVerified = get('last_verified');
  const lastModified = get('last_modified');
  if (lastModified && Number.isNaN(Date.parse(lastModified))) fail('last_modified', 'must be a date or an ISO 8601 date-time');

  const record: ImportRecord = {
    externalId: get('external_id') ?? '',
    slug: get('slug'),
    kind: get('kind') ?? '',
    role: get('role') ?? '',
    en,
    fr,
    focusAreas: splitList(get('focus_areas')),
    services: splitList(get('services')),
    populations: splitList(get('populations')),
    languages: splitList(get('languages')).map((x) => x.toLowerCase()),
    timeframes: splitList(get('timeframes')),
    needs: splitList(get('needs')),
    indirectOfferings: splitList(get('indirect_offerings')),
    ageMin: whole('age_min'),
    ageMax: whole('age_max'),
    national: yes('national'),
    serviceAreas: areas.areas.map((a, k) => ({ ...a, regionsFr: regionsFr.names[k] ?? [...a.regions] })),
    locations,
    phones,
    email: get('email'),
    website: get('website'),
    open24x7: yes('open_24_7'),
    openingHours: hours.hours,
    lastVerified,
    lastModified: lastModified ? new Date(Date.parse(lastModified)).toISOString() : null,
  };
  // The record is kept even with problems, so the directory's rules report theirs too.
  return { row, record, problems: r.problems, warnings: r.warnings, columnOf: templateColumnOf(phoneSources, locationSources) };
}

/** Parses the template CSV: its text (comma-separated), or its rows already read. */
export function parseTemplateCsv(input: string | ParsedCsv): ParsedFile {
  const definitions = emptyDefinitions();
  let parsed: ParsedCsv;
  try {
    parsed = typeof input === 'string' ? csvObjects(input) : input;
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return {
        format: 'csv',
        records: [],
        fileProblems: [{ row: e.row, column: `column ${e.column}`, message: e.message.replace(/^row \d+, column \d+: /, '') }],
        definitions,
      };
    throw e;
  }
  const fileProblems = headerProblems(parsed.header);
  if (fileProblems.length) return { format: 'csv', records: [], fileProblems, definitions };
  const groups = { locations: columnGroups(parsed.header, 'location'), phones: columnGroups(parsed.header, 'phone') };
  const records = parsed.rows.map((r) => recordOfRow(r, parsed.header.length, groups));
  return { format: 'csv', records, fileProblems: [], definitions };
}

/** A record as a template row (for the documented example and for tests). */
export function templateRow(r: ImportRecord, columns = templateColumns()): string[] {
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  const v: Record<string, string> = {
    external_id: r.externalId,
    slug: r.slug ?? '',
    kind: r.kind,
    role: r.role,
    name_en: r.en.name,
    name_fr: r.fr.name,
    other_names_en: r.en.otherNames.join('; '),
    other_names_fr: r.fr.otherNames.join('; '),
    description_en: r.en.description,
    description_fr: r.fr.description,
    focus_areas: r.focusAreas.join('; '),
    services: r.services.join('; '),
    populations: r.populations.join('; '),
    languages: r.languages.join('; '),
    timeframes: r.timeframes.join('; '),
    needs: r.needs.join('; '),
    indirect_offerings: r.indirectOfferings.join('; '),
    eligibility_en: r.en.eligibility ?? '',
    eligibility_fr: r.fr.eligibility ?? '',
    fees_en: r.en.fees ?? '',
    fees_fr: r.fr.fees ?? '',
    age_min: r.ageMin == null ? '' : String(r.ageMin),
    age_max: r.ageMax == null ? '' : String(r.ageMax),
    national: yn(r.national),
    service_areas: areasCell(r.serviceAreas.map((a) => ({ province: a.province, regions: a.regions }))),
    service_areas_fr: areasCell(r.serviceAreas.map((a) => ({ province: a.province, regions: a.regionsFr }))),
    email: r.email ?? '',
    website: r.website ?? '',
    open_24_7: yn(r.open24x7),
    hours: r.openingHours.map((h) => `${h.day} ${h.opens}-${h.closes}`).join('; '),
    hours_notes_en: r.en.hoursNotes ?? '',
    hours_notes_fr: r.fr.hoursNotes ?? '',
    accessibility_en: r.en.accessibility ?? '',
    accessibility_fr: r.fr.accessibility ?? '',
    last_verified: r.lastVerified ?? '',
    last_modified: r.lastModified ?? '',
  };
  r.locations.forEach((l, i) => {
    const p = `location_${i + 1}_`;
    Object.assign(v, {
      [`${p}name`]: l.name ?? '',
      [`${p}street`]: l.street ?? '',
      [`${p}city`]: l.city,
      [`${p}province`]: l.province,
      [`${p}postal_code`]: l.postalCode ?? '',
      [`${p}confidential`]: yn(l.confidential),
    });
  });
  r.phones.forEach((ph, i) => {
    const p = `phone_${i + 1}_`;
    Object.assign(v, {
      [`${p}type`]: ph.type,
      [`${p}number`]: ph.number,
      [`${p}extension`]: ph.extension ?? '',
      [`${p}label_en`]: ph.labelEn ?? '',
      [`${p}label_fr`]: ph.labelFr ?? '',
    });
  });
  return columns.map((c) => v[c] ?? '');
}

/** The template file: its header. */
export const templateCsv = (): string => writeCsv(templateColumns(), []);
