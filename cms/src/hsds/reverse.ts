/**
 * HSDS JSON → import records: the reverse of mapper.ts, tolerant of HSDS from other tools.
 *
 * Reads services and organizations — fully nested (the export's `json/services.json`, `/services/{id}`,
 * `?full=true`, ndjson) or as API lists (`{ contents: [...] }`) — one, an array, a page or ndjson.
 * A document is recognised by its shape: taxonomies, terms, locations… are refused by name. Every
 * document is first validated against the official HSDS 3.0 schema (a bad value is refused with
 * its JSON path). The directory keeps one service per organization: an organization with several
 * different services, or a service under two organizations, is refused. Profile fields are read
 * when present; what a foreign file lacks is defaulted with a warning (the import writes drafts
 * that editors review), never silently; what a list-shaped record does not describe at all (its
 * phones, sites…) is left as it is on a record already here.
 */
import { PROVINCES } from '@referral-directory/sdk';
import { PROVINCE_LABELS } from '../directory/labels';
import { fold } from '../catalog/normalize';
import { isUuid } from './ids';
import { ALL_WEEK, IDENTIFIER_SCHEME, OTHER_NAMES_SEPARATOR } from './mapper';
import {
  emptyDefinitions, type AbsentPart, type ImportLocation, type ImportProblem, type ImportRecord, type ParsedFile, type ParsedRecord,
  frenchRegions,
} from './record';
import { refusalOf, shapeOf, type HsdsShape } from './shapes';
import { coreRecordValidator } from './validation';
import { HSDS_TAXONOMIES, TAXONOMY_BY_ID, WEEKDAY_TO_ICAL, phoneTypeFromHsds, taxonomyByName } from './vocab';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const strings = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(str).filter((x): x is string => !!x);
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) { try { return strings(JSON.parse(t)); } catch { /* not JSON: split below */ } }
    return t.split(/[;,]/).map((x) => x.trim()).filter(Boolean);
  }
  return [];
};

const ICAL_TO_DAY = Object.fromEntries(Object.entries(WEEKDAY_TO_ICAL).map(([d, c]) => [c, d])) as Record<string, string>;
const PROVINCE_BY_NAME = new Map<string, string>();
for (const p of PROVINCES) {
  PROVINCE_BY_NAME.set(fold(p), p);
  PROVINCE_BY_NAME.set(fold(PROVINCE_LABELS[p].en), p);
  PROVINCE_BY_NAME.set(fold(PROVINCE_LABELS[p].fr), p);
}
PROVINCE_BY_NAME.set('pq', 'QC');
PROVINCE_BY_NAME.set('nf', 'NL');
export const provinceOf = (v: unknown): string | null => (typeof v === 'string' ? PROVINCE_BY_NAME.get(fold(v)) ?? null : null);

/** `HH:MM` from `HH:MM`, `HH:MM:SS` or `H:MM`; null otherwise. `23:59[:59]` as a closing time is midnight. */
function hhmm(v: unknown, closing = false): string | null {
  const m = typeof v === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(v.trim()) : null;
  if (!m) return null;
  const t = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return closing && t === '23:59' ? '24:00' : t;
}

/** Splits the input text into documents (JSON array, page, single object, or NDJSON). */
export function documentsOfText(text: string): { documents: unknown[]; problem: string | null } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { documents: [], problem: 'the file is empty' };
  try {
    const doc: unknown = JSON.parse(trimmed);
    if (Array.isArray(doc)) return { documents: doc, problem: null };
    if (isObj(doc) && Array.isArray(doc.contents)) return { documents: doc.contents, problem: null };
    if (isObj(doc)) return { documents: [doc], problem: null };
    return { documents: [], problem: 'expected HSDS services or organizations: an array, a page with contents, or one record' };
  } catch (e) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      const out: unknown[] = [];
      for (const [i, l] of lines.entries()) {
        try { out.push(JSON.parse(l)); } catch { return { documents: [], problem: `line ${i + 1} is not JSON (expected one HSDS record per line)` }; }
      }
      return { documents: out, problem: null };
    }
    return { documents: [], problem: `not JSON: ${(e as Error).message}` };
  }
}

interface Group { row: number; org: Obj | null; services: Array<{ s: Obj; row: number }>; problems: ImportProblem[]; warnings: ImportProblem[] }

/** One merged record from the services of one organization. */
function recordOf(g: Group, knownTermIds: ReadonlyMap<string, { key: keyof ParsedFile['definitions']; code: string }>, defs: ParsedFile['definitions']): ParsedRecord {
  const problems: ImportProblem[] = [...g.problems];
  const warnings: ImportProblem[] = [...g.warnings];
  const row = g.row;
  const warn = (column: string, message: string) => warnings.push({ row, column, message });
  const fail = (column: string, message: string) => problems.push({ row, column, message });
  const first = g.services[0]!.s;
  const org = g.org ?? {};
  const o = (k: string) => (g.org ? `organization.${k}` : k);

  // Key: the organization id, else the service's organization_id, else the service id.
  const key = str(org.id) ?? str(first.organization_id) ?? str(first.id);
  if (!key) fail('organization.id', 'is required (the import is idempotent by it)');
  else if (!isUuid(key)) warn('organization.id', 'is not a UUID (kept as the external id)');
  const slugId = list(org.organization_identifiers).find((x) => x.identifier_scheme === IDENTIFIER_SCHEME && x.identifier_type === 'slug');

  const text = (locale: 'en' | 'fr') => {
    const sfx = locale === 'fr' ? '_fr' : '';
    const pick = (objs: Array<[Obj, string]>, field: string): [string | null, string] => {
      for (const [x, prefix] of objs) { const v = str(x[`${field}${sfx}`]); if (v) return [v, `${prefix}${field}${sfx}`]; }
      return [null, `${objs[0]![1]}${field}${sfx}`];
    };
    const both: Array<[Obj, string]> = g.org ? [[org, 'organization.'], [first, '']] : [[first, '']];
    const [name] = pick(both, 'name');
    const [description] = pick(both, 'description');
    const [alt] = pick(both, 'alternate_name');
    const schedules = g.services.flatMap(({ s }) => list(s.schedules));
    const locs = g.services.flatMap(({ s }) => list(s.service_at_locations).map((x) => (isObj(x.location) ? x.location : {})));
    return {
      name, description,
      otherNames: alt ? alt.split(OTHER_NAMES_SEPARATOR.trim()).map((x) => x.trim()).filter(Boolean) : [],
      eligibility: str(first[`eligibility_description${sfx}`]),
      fees: str(first[`fees_description${sfx}`]) ?? str(first[`fees${sfx}`]),
      hoursNotes: str(first[`hours_notes${sfx}`]) ?? schedules.map((x) => str(x[`notes${sfx}`])).find(Boolean) ?? null,
      accessibility: str(first[`accessibility${sfx}`])
        ?? locs.flatMap((l) => list(l.accessibility)).map((a) => str(a[`description${sfx}`])).find(Boolean) ?? null,
    };
  };
  const en = text('en');
  const frRaw = text('fr');
  if (!en.name) fail(o('name'), 'is required');
  if (!en.description) fail(o('description'), 'is required');
  for (const k of ['name', 'description'] as const) {
    if (!frRaw[k] && en[k]) warn(o(`${k}_fr`), 'no French text: the English text is used; translate before publishing');
  }
  // A file that speaks the profile gives French where it has some (an absent *_fr is "none");
  // a file without any French gets the English text in both languages, for editors to translate.
  const fr = frRaw.name || frRaw.description
    ? { ...frRaw, name: frRaw.name ?? en.name, description: frRaw.description ?? en.description }
    : { ...en };

  let kind = str(org.organization_type) ?? str(first.organization_type);
  if (!kind) { kind = 'other_allied'; warn(o('organization_type'), 'missing: a new record is set to other_allied (one already here keeps its own); review'); }
  const timeframes = strings(first.timeframes);
  const needs = strings(first.needs);
  const indirectOfferings = strings(first.indirect_offerings);
  let role = str(first.provider_role);
  if (!role) {
    role = indirectOfferings.length > 0 && timeframes.length === 0 && needs.length === 0 ? 'indirect' : timeframes.length + needs.length > 0 ? 'direct' : 'indirect';
    warn('provider_role', `missing: a new record is set to ${role} (one already here keeps its own); review`);
  }

  // Classification: attributes pointing at the directory's taxonomies.
  const codes: Record<'focusAreas' | 'services' | 'populations', string[]> = { focusAreas: [], services: [], populations: [] };
  for (const { s } of g.services) {
    list(s.attributes).forEach((a, i) => {
      const term = isObj(a.taxonomy_term) ? a.taxonomy_term : null;
      const termId = str(a.taxonomy_term_id) ?? str(term?.id);
      const taxonomy = (term && (TAXONOMY_BY_ID.get(str(term.taxonomy_id) ?? '') ?? taxonomyByName(str(term.taxonomy) ?? '')))
        ?? taxonomyByName(str(a.link_type) ?? '');
      const code = str(term?.code);
      if (taxonomy && code) {
        const k = taxonomy.rowKey;
        if (!codes[k].includes(code)) codes[k].push(code);
        if (!defs[k].has(code)) defs[k].set(code, { code, labelEn: str(term!.name) ?? code, labelFr: str(term!.name_fr) ?? str(term!.name) ?? code });
        return;
      }
      const known = termId ? knownTermIds.get(termId.toLowerCase()) : undefined;
      if (known && known.key !== 'languages') {
        const k = known.key;
        if (!codes[k].includes(known.code)) codes[k].push(known.code);
        return;
      }
      warn(`attributes[${i}]`, `taxonomy term ${termId ?? '?'} is not in the directory's taxonomies (${HSDS_TAXONOMIES.map((t) => t.name).join(', ')}): ignored`);
    });
  }

  const languages: string[] = [];
  for (const { s } of g.services) {
    list(s.languages).forEach((l, i) => {
      const code = str(l.code)?.toLowerCase();
      if (!code) { warn(`languages[${i}].code`, 'missing: language ignored'); return; }
      if (!languages.includes(code)) languages.push(code);
      if (!defs.languages.has(code)) defs.languages.set(code, { code, labelEn: str(l.name) ?? code, labelFr: str(l.name_fr) ?? str(l.name) ?? code });
    });
  }

  // Areas and confidential sites.
  let national = false;
  const serviceAreas: Array<{ province: string; regions: string[]; regionsFr: string[] }> = [];
  const sites: Array<{ position: number | null; loc: ImportLocation; source: string }> = [];
  const locationSources: string[] = [];
  let lastRegionArea: { province: string; regions: string[]; regionsFr: string[] } | null = null;
  list(first.service_areas).forEach((a, i) => {
    const type = str(a.area_type);
    const province = provinceOf(a.state_province) ?? (type ? null : provinceOf(a.name));
    if (type === 'country' || (!type && /^(canada|ca)$/i.test(str(a.name) ?? ''))) { national = true; lastRegionArea = null; return; }
    if (!province) { warn(`service_areas[${i}]`, 'no province or territory (state_province): ignored'); return; }
    const region = str(a.region);
    if (type === 'confidential_site') {
      if (!region) { warn(`service_areas[${i}].region`, 'a confidential site needs its city: ignored'); return; }
      const pos = typeof a.position === 'number' ? a.position : null;
      sites.push({ position: pos, loc: { name: null, street: null, city: region, province, postalCode: null, confidential: true }, source: `service_areas[${i}]` });
      return;
    }
    if (!region || type === 'state_province') { serviceAreas.push({ province, regions: [], regionsFr: [] }); lastRegionArea = null; return; }
    // name_fr is "<French region>, <province>" in this directory's export; anything else: the English name.
    const nameFr = str(a.name_fr);
    const regionFr = nameFr && nameFr.endsWith(`, ${province}`) ? nameFr.slice(0, -`, ${province}`.length) : region;
    if (lastRegionArea && lastRegionArea.province === province) { lastRegionArea.regions.push(region); lastRegionArea.regionsFr.push(regionFr); }
    else { lastRegionArea = { province, regions: [region], regionsFr: [regionFr] }; serviceAreas.push(lastRegionArea); }
  });

  const seenLocations = new Set<string>();
  for (const { s } of g.services) {
    list(s.service_at_locations).forEach((sal, i) => {
      const l = isObj(sal.location) ? sal.location : null;
      const src = `service_at_locations[${i}].location`;
      if (!l) { warn(`service_at_locations[${i}]`, 'no nested location: ignored'); return; }
      const id = str(l.id);
      if (id && seenLocations.has(id)) return;
      if (id) seenLocations.add(id);
      const addr = list(l.addresses).find((x) => x.address_type !== 'postal') ?? list(l.addresses)[0];
      const province = provinceOf(addr?.state_province);
      const city = str(addr?.city);
      if (!addr || !city || !province) { warn(src, 'no address with a city and a Canadian province or territory: ignored'); return; }
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
  const locations = placed.map((x) => x.loc);
  placed.forEach((x) => locationSources.push(x.source));

  // Phones: the services' own, then the organization's.
  const phoneSources: string[] = [];
  const phones: ImportRecord['phones'] = [];
  const seenPhones = new Set<string>();
  const addPhones = (objs: Obj[], prefix: string) => objs.forEach((p, i) => {
    const id = str(p.id);
    if (id && seenPhones.has(id)) return;
    if (id) seenPhones.add(id);
    const type = phoneTypeFromHsds(str(p.type));
    if (!type) { warn(`${prefix}[${i}].type`, `phone type ${JSON.stringify(p.type)} is not used by the directory: phone ignored`); return; }
    const ext = typeof p.extension === 'number' ? String(p.extension) : str(p.extension) ?? str(p.extension_text);
    phones.push({ type, number: str(p.number) ?? '', extension: ext, labelEn: str(p.description), labelFr: str(p.description_fr) });
    phoneSources.push(`${prefix}[${i}]`);
  });
  for (const { s } of g.services) addPhones(list(s.phones), 'phones');
  addPhones(list(org.phones), o('phones'));

  // Hours: one entry per day of each weekly schedule; the all-week 00:00–24:00 one means 24/7.
  let open24x7 = typeof first.open_24_7 === 'boolean' ? first.open_24_7 : false;
  const openingHours: ImportRecord['openingHours'] = [];
  const hourSources: string[] = [];
  list(first.schedules).forEach((sc, i) => {
    const days = (str(sc.byday) ?? '').split(',').map((d) => d.trim().toUpperCase().replace(/^[+-]?\d+/, '')).filter(Boolean);
    const opens = hhmm(sc.opens_at);
    const closes = hhmm(sc.closes_at, true);
    if (days.length === 0 && !opens && !closes) return; // a schedule of notes only
    if (str(sc.freq) && str(sc.freq) !== 'WEEKLY') { warn(`schedules[${i}].freq`, 'only weekly schedules are imported: ignored'); return; }
    if (days.join(',') === ALL_WEEK && opens === '00:00' && closes === '24:00') {
      if (typeof first.open_24_7 !== 'boolean') open24x7 = true;
      return;
    }
    if (!opens || !closes || days.length === 0) { warn(`schedules[${i}]`, 'needs byday, opens_at and closes_at: ignored'); return; }
    for (const d of days) {
      const day = ICAL_TO_DAY[d];
      if (!day) { warn(`schedules[${i}].byday`, `unknown day ${JSON.stringify(d)}: ignored`); continue; }
      openingHours.push({ day, opens, closes });
      hourSources.push(`schedules[${i}]`);
    }
  });

  const age = (k: string): number | null => (typeof first[k] === 'number' ? (first[k] as number) : str(first[k]) ? Number(first[k]) : null);
  const date = str(first.assured_date);
  const anyService = (...keys: string[]) => g.services.some(({ s }) => keys.some((k) => k in s));
  const absent: AbsentPart[] = [];
  if (!anyService('phones') && !('phones' in org)) absent.push('phones');
  if (!anyService('service_at_locations', 'service_areas') && !('locations' in org)) absent.push('locations');
  if (!('service_areas' in first)) absent.push('serviceAreas');
  if (!('schedules' in first)) absent.push('openingHours');
  if (!('schedules' in first) && !('open_24_7' in first)) absent.push('open24x7');
  if (!anyService('attributes')) absent.push('classification');
  if (!anyService('languages')) absent.push('languages');
  if (!str(org.organization_type) && !str(first.organization_type)) absent.push('kind');
  if (!str(first.provider_role)) absent.push('role');
  // An organization given without its service does not describe the service's own details.
  if (Object.keys(first).length === 0) absent.push('serviceDetails');
  const matchIds = [str(org.id), str(first.organization_id), ...g.services.map(({ s }) => str(s.id))]
    .filter((x): x is string => !!x && isUuid(x)).map((x) => x.toLowerCase());
  const record: ImportRecord = {
    externalId: key ? `hsds:${key.toLowerCase()}` : '',
    slug: str(slugId?.identifier),
    kind, role,
    en: { ...en, name: en.name ?? '', description: en.description ?? '' },
    fr: { ...fr, name: fr.name ?? '', description: fr.description ?? '' },
    ...codes,
    languages,
    timeframes, needs, indirectOfferings,
    ageMin: age('minimum_age'),
    ageMax: age('maximum_age'),
    national,
    serviceAreas: serviceAreas.map((a) => ({ ...a, regionsFr: frenchRegions(a.regions, a.regionsFr) })),
    locations,
    phones,
    email: str(first.email) ?? str(org.email),
    website: str(first.url) ?? str(org.website),
    open24x7,
    openingHours,
    lastVerified: date ? date.slice(0, 10) : null,
    lastModified: str(first.last_modified),
    absent,
    matchIds: [...new Set(matchIds)],
  };

  const SCALAR: Record<string, string> = {
    externalId: 'organization.id', slug: 'organization.organization_identifiers', kind: o('organization_type'), role: 'provider_role',
    'en.name': o('name'), 'fr.name': o('name_fr'), 'en.description': o('description'), 'fr.description': o('description_fr'),
    'en.eligibility': 'eligibility_description', 'fr.eligibility': 'eligibility_description_fr',
    'en.fees': 'fees_description', 'fr.fees': 'fees_description_fr', focusAreas: 'attributes', services: 'attributes',
    populations: 'attributes', languages: 'languages', timeframes: 'timeframes', needs: 'needs', indirectOfferings: 'indirect_offerings',
    ageMin: 'minimum_age', ageMax: 'maximum_age', national: 'service_areas', serviceAreas: 'service_areas', email: 'email',
    website: 'url', open24x7: 'open_24_7', 'state.lastVerifiedAt': 'assured_date', lastVerified: 'assured_date',
  };
  const columnOf = (field: string): string => {
    const m = /^(phones|locations|openingHours|serviceAreas)\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (m) {
      const src = m[1] === 'phones' ? phoneSources : m[1] === 'locations' ? locationSources : m[1] === 'openingHours' ? hourSources : null;
      const base = src?.[Number(m[2])] ?? SCALAR[m[1]!] ?? m[1]!;
      const sub: Record<string, string> = { number: 'number', type: 'type', city: 'city', province: 'state_province', day: 'byday', opens: 'opens_at', closes: 'closes_at' };
      return m[3] ? `${base}.${sub[m[3]] ?? m[3]}` : base;
    }
    const root = field.replace(/\[\d+\]$/, '');
    return SCALAR[field] ?? SCALAR[root] ?? field;
  };
  // The record is kept even with problems, so the directory's rules report theirs too.
  return { row, record, problems, warnings, columnOf };
}

type KnownTermIds = ReadonlyMap<string, { key: keyof ParsedFile['definitions']; code: string }>;

/** Checks a document against its official schema; without the schemas, the checks the mapping relies on. */
function schemaProblems(doc: Obj, shape: 'service' | 'organization'): Array<{ path: string; message: string }> {
  const validate = coreRecordValidator();
  if (!('skip' in validate)) return validate(`${shape}.json`, doc);
  const out: Array<{ path: string; message: string }> = [];
  const check = (o: Obj, prefix: string) => {
    for (const k of ['name', 'description', 'alternate_name', 'email', 'url', 'website']) {
      if (k in o && typeof o[k] !== 'string') out.push({ path: `${prefix}${k}`, message: 'must be string' });
    }
    if ('last_modified' in o && (typeof o.last_modified !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(o.last_modified) || Number.isNaN(Date.parse(o.last_modified)))) {
      out.push({ path: `${prefix}last_modified`, message: 'must be a valid date-time' });
    }
    if ('assured_date' in o && (typeof o.assured_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.assured_date))) out.push({ path: `${prefix}assured_date`, message: 'must be a valid date' });
  };
  check(doc, '');
  if (isObj(doc.organization)) check(doc.organization, 'organization.');
  return out;
}

/**
 * Parses HSDS documents (already read from JSON or from a tabular package): services and
 * organizations become records; anything else is refused by name. `label(i)` says where document
 * i came from, for the report (record number, or `services.csv row 3`).
 */
export function parseHsdsDocuments(documents: unknown[], knownTermIds: KnownTermIds = new Map(), format: ParsedFile['format'] = 'hsds-json'): ParsedFile {
  const definitions = emptyDefinitions();
  const records: ParsedRecord[] = [];
  const shapes = documents.map(shapeOf);
  const importable = (x: HsdsShape) => x === 'service' || x === 'organization';
  // A file of nothing importable is refused as a whole, saying what it holds.
  if (documents.length > 0 && !shapes.some(importable)) {
    const counts = new Map<HsdsShape, number>();
    for (const x of shapes) counts.set(x, (counts.get(x) ?? 0) + 1);
    const [main] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    return { format, records: [], fileProblems: [{ row: 0, column: '', message: refusalOf(main, documents.length) }], definitions };
  }
  const groups = new Map<string, Group>();
  const serviceOwner = new Map<string, Group>();
  documents.forEach((doc, i) => {
    const row = i + 1;
    const shape = shapes[i]!;
    if (!isObj(doc) || !importable(shape)) {
      const what = refusalOf(shape).replace(/^the file (holds|is) /, '').replace(/:.*$/s, '');
      records.push({ row, record: null, problems: [{ row, column: '', message: `is ${what}: only organizations and services are imported` }], warnings: [], columnOf: (f) => f });
      return;
    }
    const problems = schemaProblems(doc, shape as 'service' | 'organization').slice(0, 20).map((x) => ({ row, column: x.path, message: x.message }));
    const org = shape === 'organization' ? doc : isObj(doc.organization) ? doc.organization : null;
    const services = shape === 'organization' ? list(doc.services) : [doc];
    const key = (str(org?.id) ?? str(services[0]?.organization_id) ?? str(services[0]?.id) ?? `row:${row}`).toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { row, org, services: [], problems: [], warnings: [] };
      groups.set(key, g);
    } else if (!g.org && org) {
      g.org = org;
    }
    g.problems.push(...problems);
    if (services.length === 0 && g.services.length === 0) g.services.push({ s: {}, row });
    for (const s of services) {
      const id = str(s.id)?.toLowerCase();
      const owner = id ? serviceOwner.get(id) : undefined;
      if (owner && owner !== g) {
        const message = `service ${id} is also listed under another organization (record ${owner.row}): a service belongs to one organization`;
        g.problems.push({ row, column: 'organization_id', message });
        owner.problems.push({ row: owner.row, column: 'organization_id', message: `service ${id} is also listed under another organization (record ${row})` });
        continue;
      }
      if (id && owner === g) {
        g.warnings.push({ row, column: 'id', message: `repeats service ${id} of record ${g.row}: read once` });
        continue;
      }
      if (id) serviceOwner.set(id, g);
      // An organization-only placeholder gives way to a real service.
      if (g.services.length === 1 && Object.keys(g.services[0]!.s).length === 0) g.services = [];
      g.services.push({ s, row });
    }
  });
  for (const g of groups.values()) {
    const ids = g.services.map(({ s }) => str(s.id)).filter((x): x is string => !!x);
    if (ids.length > 1) {
      g.problems.push({
        row: g.row, column: 'services',
        message: `the organization has ${ids.length} different services (records ${[...new Set(g.services.map((x) => x.row))].join(', ')}); `
          + 'the directory keeps one service per organization: merge them into one service before importing',
      });
    }
    if (g.services.length === 0) g.services.push({ s: {}, row: g.row });
    records.push(recordOf(g, knownTermIds, definitions));
  }
  records.sort((a, b) => a.row - b.row);
  return { format, records, fileProblems: [], definitions };
}

/**
 * Parses HSDS JSON text. `knownTermIds` maps the HSDS ids of terms the directory already has
 * (its own deterministic ids) to their codes, for files that link terms by id only.
 */
export function parseHsdsJson(text: string, knownTermIds: KnownTermIds = new Map()): ParsedFile {
  const { documents, problem } = documentsOfText(text);
  if (problem) return { format: 'hsds-json', records: [], fileProblems: [{ row: 0, column: '', message: problem }], definitions: emptyDefinitions() };
  return parseHsdsDocuments(documents, knownTermIds);
}
