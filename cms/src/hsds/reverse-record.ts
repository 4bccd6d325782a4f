/**
 * One import record from the HSDS services of one organization (see reverse.ts for the reading of
 * documents): each part of the record is read by its own step, which notes what it defaults or ignores.
 */
import { isUuid } from './ids';
import { ALL_WEEK, IDENTIFIER_SCHEME, OTHER_NAMES_SEPARATOR } from './mapper';
import { type AbsentPart, type ImportProblem, type ImportRecord, type ParsedFile, type ParsedRecord, frenchRegions } from './record';
import { HSDS_TAXONOMIES, TAXONOMY_BY_ID, phoneTypeFromHsds, taxonomyByName } from './vocab';
import { hhmm, ICAL_TO_DAY, isObj, list, str, strings, type Obj } from './reverse-values';
import { areasOf, locationsOf, type Site } from './reverse-places';

export interface Group {
  row: number;
  org: Obj | null;
  services: Array<{ s: Obj; row: number }>;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}
export type KnownTermIds = ReadonlyMap<string, { key: keyof ParsedFile['definitions']; code: string }>;

type Note = (column: string, message: string) => void;
type Definitions = ParsedFile['definitions'];

/** What one step reads from: the group, its first service, its organization, and how to name its columns. */
export interface Source {
  g: Group;
  first: Obj;
  org: Obj;
  o: (k: string) => string;
  warn: Note;
  fail: Note;
}

/** The English and French texts; French falls back to English (with a warning) where the file has none. */
function textsOf({ g, first, org, o, warn, fail }: Source) {
  const text = (locale: 'en' | 'fr') => {
    const sfx = locale === 'fr' ? '_fr' : '';
    const pick = (objs: Array<[Obj, string]>, field: string): [string | null, string] => {
      for (const [x, prefix] of objs) {
        const v = str(x[`${field}${sfx}`]);
        if (v) return [v, `${prefix}${field}${sfx}`];
      }
      return [null, `${objs[0]![1]}${field}${sfx}`];
    };
    const both: Array<[Obj, string]> = g.org
      ? [
          [org, 'organization.'],
          [first, ''],
        ]
      : [[first, '']];
    const [name] = pick(both, 'name');
    const [description] = pick(both, 'description');
    const [alt] = pick(both, 'alternate_name');
    const schedules = g.services.flatMap(({ s }) => list(s.schedules));
    const locs = g.services.flatMap(({ s }) => list(s.service_at_locations).map((x) => (isObj(x.location) ? x.location : {})));
    return {
      name,
      description,
      otherNames: alt
        ? alt
            .split(OTHER_NAMES_SEPARATOR.trim())
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
      eligibility: str(first[`eligibility_description${sfx}`]),
      fees: str(first[`fees_description${sfx}`]) ?? str(first[`fees${sfx}`]),
      hoursNotes: str(first[`hours_notes${sfx}`]) ?? schedules.map((x) => str(x[`notes${sfx}`])).find(Boolean) ?? null,
      accessibility:
        str(first[`accessibility${sfx}`]) ??
        locs
          .flatMap((l) => list(l.accessibility))
          .map((a) => str(a[`description${sfx}`]))
          .find(Boolean) ??
        null,
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
  const fr =
    frRaw.name || frRaw.description
      ? { ...frRaw, name: frRaw.name ?? en.name, description: frRaw.description ?? en.description }
      : { ...en };
  return { en, fr };
}

/** Kind and provider role, defaulted with a warning when the file has none. */
function kindAndRoleOf({ first, org, o, warn }: Source) {
  let kind = str(org.organization_type) ?? str(first.organization_type);
  if (!kind) {
    kind = 'other_allied';
    warn(o('organization_type'), 'missing: a new record is set to other_allied (one already here keeps its own); review');
  }
  const timeframes = strings(first.timeframes);
  const needs = strings(first.needs);
  const indirectOfferings = strings(first.indirect_offerings);
  let role = str(first.provider_role);
  if (!role) {
    role =
      indirectOfferings.length > 0 && timeframes.length === 0 && needs.length === 0
        ? 'indirect'
        : timeframes.length + needs.length > 0
          ? 'direct'
          : 'indirect';
    warn('provider_role', `missing: a new record is set to ${role} (one already here keeps its own); review`);
  }
  return { kind, role, timeframes, needs, indirectOfferings };
}

/** Classification: attributes pointing at the directory's taxonomies (new terms go to `defs`). */
function classificationOf({ g, warn }: Source, knownTermIds: KnownTermIds, defs: Definitions) {
  const codes: Record<'focusAreas' | 'services' | 'populations', string[]> = { focusAreas: [], services: [], populations: [] };
  for (const { s } of g.services) {
    list(s.attributes).forEach((a, i) => {
      const term = isObj(a.taxonomy_term) ? a.taxonomy_term : null;
      const termId = str(a.taxonomy_term_id) ?? str(term?.id);
      const taxonomy =
        (term && (TAXONOMY_BY_ID.get(str(term.taxonomy_id) ?? '') ?? taxonomyByName(str(term.taxonomy) ?? ''))) ??
        taxonomyByName(str(a.link_type) ?? '');
      const code = str(term?.code);
      if (taxonomy && term && code) {
        const k = taxonomy.rowKey;
        if (!codes[k].includes(code)) codes[k].push(code);
        if (!defs[k].has(code))
          defs[k].set(code, { code, labelEn: str(term.name) ?? code, labelFr: str(term.name_fr) ?? str(term.name) ?? code });
        return;
      }
      const known = termId ? knownTermIds.get(termId.toLowerCase()) : undefined;
      if (known && known.key !== 'languages') {
        const k = known.key;
        if (!codes[k].includes(known.code)) codes[k].push(known.code);
        return;
      }
      warn(
        `attributes[${i}]`,
        `taxonomy term ${termId ?? '?'} is not in the directory's taxonomies (${HSDS_TAXONOMIES.map((t) => t.name).join(', ')}): ignored`,
      );
    });
  }
  return codes;
}

function languagesOf({ g, warn }: Source, defs: Definitions): string[] {
  const languages: string[] = [];
  for (const { s } of g.services) {
    list(s.languages).forEach((l, i) => {
      const code = str(l.code)?.toLowerCase();
      if (!code) {
        warn(`languages[${i}].code`, 'missing: language ignored');
        return;
      }
      if (!languages.includes(code)) languages.push(code);
      if (!defs.languages.has(code))
        defs.languages.set(code, { code, labelEn: str(l.name) ?? code, labelFr: str(l.name_fr) ?? str(l.name) ?? code });
    });
  }
  return languages;
}

/** Phones: the services' own, then the organization's. */
function phonesOf({ g, org, o, warn }: Source) {
  const phoneSources: string[] = [];
  const phones: ImportRecord['phones'] = [];
  const seenPhones = new Set<string>();
  const addPhones = (objs: Obj[], prefix: string) =>
    objs.forEach((p, i) => {
      const id = str(p.id);
      if (id && seenPhones.has(id)) return;
      if (id) seenPhones.add(id);
      const type = phoneTypeFromHsds(str(p.type));
      if (!type) {
        warn(`${prefix}[${i}].type`, `phone type ${JSON.stringify(p.type)} is not used by the directory: phone ignored`);
        return;
      }
      const ext = typeof p.extension === 'number' ? String(p.extension) : (str(p.extension) ?? str(p.extension_text));
      phones.push({ type, number: str(p.number) ?? '', extension: ext, labelEn: str(p.description), labelFr: str(p.description_fr) });
      phoneSources.push(`${prefix}[${i}]`);
    });
  for (const { s } of g.services) addPhones(list(s.phones), 'phones');
  addPhones(list(org.phones), o('phones'));
  return { phones, phoneSources };
}

/** Hours: one entry per day of each weekly schedule; the all-week 00:00–24:00 one means 24/7. */
function hoursOf({ first, warn }: Source) {
  let open24x7 = typeof first.open_24_7 === 'boolean' ? first.open_24_7 : false;
  const openingHours: ImportRecord['openingHours'] = [];
  const hourSources: string[] = [];
  list(first.schedules).forEach((sc, i) => {
    const days = (str(sc.byday) ?? '')
      .split(',')
      .map((d) =>
        d
          .trim()
          .toUpperCase()
          .replace(/^[+-]?\d+/, ''),
      )
      .filter(Boolean);
    const opens = hhmm(sc.opens_at);
    const closes = hhmm(sc.closes_at, true);
    if (days.length === 0 && !opens && !closes) return; // a schedule of notes only
    if (str(sc.freq) && str(sc.freq) !== 'WEEKLY') {
      warn(`schedules[${i}].freq`, 'only weekly schedules are imported: ignored');
      return;
    }
    if (days.join(',') === ALL_WEEK && opens === '00:00' && closes === '24:00') {
      if (typeof first.open_24_7 !== 'boolean') open24x7 = true;
      return;
    }
    if (!opens || !closes || days.length === 0) {
      warn(`schedules[${i}]`, 'needs byday, opens_at and closes_at: ignored');
      return;
    }
    for (const d of days) {
      const day = ICAL_TO_DAY[d];
      if (!day) {
        warn(`schedules[${i}].byday`, `unknown day ${JSON.stringify(d)}: ignored`);
        continue;
      }
      openingHours.push({ day, opens, closes });
      hourSources.push(`schedules[${i}]`);
    }
  });
  return { open24x7, openingHours, hourSources };
}

/** The parts the file does not describe at all: a record already here keeps its own. */
function absentOf({ g, first, org }: Source): AbsentPart[] {
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
  return absent;
}

/** Maps a field of the record back to the column of the file it came from, for the report. */
function columnsOf(o: (k: string) => string, sources: { phoneSources: string[]; locationSources: string[]; hourSources: string[] }) {
  const SCALAR: Record<string, string> = {
    externalId: 'organization.id',
    slug: 'organization.organization_identifiers',
    kind: o('organization_type'),
    role: 'provider_role',
    'en.name': o('name'),
    'fr.name': o('name_fr'),
    'en.description': o('description'),
    'fr.description': o('description_fr'),
    'en.eligibility': 'eligibility_description',
    'fr.eligibility': 'eligibility_description_fr',
    'en.fees': 'fees_description',
    'fr.fees': 'fees_description_fr',
    focusAreas: 'attributes',
    services: 'attributes',
    populations: 'attributes',
    languages: 'languages',
    timeframes: 'timeframes',
    needs: 'needs',
    indirectOfferings: 'indirect_offerings',
    ageMin: 'minimum_age',
    ageMax: 'maximum_age',
    national: 'service_areas',
    serviceAreas: 'service_areas',
    email: 'email',
    website: 'url',
    open24x7: 'open_24_7',
    'state.lastVerifiedAt': 'assured_date',
    lastVerified: 'assured_date',
  };
  return (field: string): string => {
    const m = /^(phones|locations|openingHours|serviceAreas)\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (m) {
      const src =
        m[1] === 'phones'
          ? sources.phoneSources
          : m[1] === 'locations'
            ? sources.locationSources
            : m[1] === 'openingHours'
              ? sources.hourSources
              : null;
      const base = src?.[Number(m[2])] ?? SCALAR[m[1]!] ?? m[1]!;
      const sub: Record<string, string> = {
        number: 'number',
        type: 'type',
        city: 'city',
        province: 'state_province',
        day: 'byday',
        opens: 'opens_at',
        closes: 'closes_at',
      };
      return m[3] ? `${base}.${sub[m[3]] ?? m[3]}` : base;
    }
    const root = field.replace(/\[\d+\]$/, '');
    return SCALAR[field] ?? SCALAR[root] ?? field;
  };
}

/** One merged record from the services of one organization. */
export function recordOf(g: Group, knownTermIds: KnownTermIds, defs: Definitions): ParsedRecord {
  const problems: ImportProblem[] = [...g.problems];
  const warnings: ImportProblem[] = [...g.warnings];
  const row = g.row;
  const first = g.services[0]!.s;
  const org = g.org ?? {};
  const src: Source = {
    g,
    first,
    org,
    o: (k: string) => (g.org ? `organization.${k}` : k),
    warn: (column, message) => warnings.push({ row, column, message }),
    fail: (column, message) => problems.push({ row, column, message }),
  };

  // Key: the organization id, else the service's organization_id, else the service id.
  const key = str(org.id) ?? str(first.organization_id) ?? str(first.id);
  if (!key) src.fail('organization.id', 'is required (the import is idempotent by it)');
  else if (!isUuid(key)) src.warn('organization.id', 'is not a UUID (kept as the external id)');
  const slugId = list(org.organization_identifiers).find((x) => x.identifier_scheme === IDENTIFIER_SCHEME && x.identifier_type === 'slug');

  const { en, fr } = textsOf(src);
  const { kind, role, timeframes, needs, indirectOfferings } = kindAndRoleOf(src);
  const codes = classificationOf(src, knownTermIds, defs);
  const languages = languagesOf(src, defs);
  const sites: Site[] = [];
  const { national, serviceAreas } = areasOf(src, sites);
  const { locations, locationSources } = locationsOf(src, sites);
  const { phones, phoneSources } = phonesOf(src);
  const { open24x7, openingHours, hourSources } = hoursOf(src);

  const age = (k: string): number | null => {
    const v = first[k];
    return typeof v === 'number' ? v : str(v) ? Number(v) : null;
  };
  const date = str(first.assured_date);
  const matchIds = [str(org.id), str(first.organization_id), ...g.services.map(({ s }) => str(s.id))]
    .filter((x): x is string => !!x && isUuid(x))
    .map((x) => x.toLowerCase());
  const record: ImportRecord = {
    externalId: key ? `hsds:${key.toLowerCase()}` : '',
    slug: str(slugId?.identifier),
    kind,
    role,
    en: { ...en, name: en.name ?? '', description: en.description ?? '' },
    fr: { ...fr, name: fr.name ?? '', description: fr.description ?? '' },
    ...codes,
    languages,
    timeframes,
    needs,
    indirectOfferings,
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
    absent: absentOf(src),
    matchIds: [...new Set(matchIds)],
  };
  // The record is kept even with problems, so the directory's rules report theirs too.
  return { row, record, problems, warnings, columnOf: columnsOf(src.o, { phoneSources, locationSources, hourSources }) };
}
