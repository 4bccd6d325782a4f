/**
 * Public directory record (both locales) → HSDS 3.0 objects, with the directory's profile fields.
 *
 * Input is only ever a `PublicOrganization` pair from the public catalog: the same allowlist the
 * public API serves, so nothing internal can reach HSDS. Decisions (see cms/hsds/README.md):
 * - one HSDS organization and one HSDS service per directory organization; the service carries
 *   the classification (taxonomy attributes), languages, phones, hours and areas;
 * - English in the core fields, French in `*_fr` profile fields;
 * - a confidential address is never a `location`: it is a `service_area` of type
 *   `confidential_site` naming only the city and province;
 * - `assured_date` is the date the hotline last verified the record;
 * - empty values are left out (HSDS types do not allow null).
 */
import type { Locale, PublicOrganization, TaxonomyTerm } from '@referral-directory/sdk';
import { PROVINCE_LABELS } from '../directory/labels';
import { hsdsId } from './ids';
import { HSDS_TAXONOMIES, PHONE_TYPE_TO_HSDS, WEEKDAY_TO_ICAL, type HsdsTaxonomyName, taxonomyId } from './vocab';

export type HsdsObject = Record<string, unknown>;
export interface Pair {
  en: PublicOrganization;
  fr: PublicOrganization;
}

export const IDENTIFIER_SCHEME = 'referral-directory';
export const OTHER_NAMES_SEPARATOR = '; ';
export const ALL_WEEK = 'MO,TU,WE,TH,FR,SA,SU';
const OPEN_24_7 = { en: 'Open 24 hours a day, 7 days a week', fr: 'Ouvert 24 heures sur 24, 7 jours sur 7' };
const CONFIDENTIAL_SITE = {
  en: 'A service site whose address is withheld for safety. Contact the organization.',
  fr: 'Un lieu de service dont l’adresse est confidentielle pour des raisons de sécurité. Communiquez avec l’organisme.',
};

/** Drops null, undefined and empty strings/arrays: HSDS fields are typed and never null. */
export function compact<T extends HsdsObject>(o: T): T {
  const out: HsdsObject = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** The French value, or null when the French record has none. */
const fr = (french: string | null | undefined): string | null => (french == null || french === '' ? null : french);
const names = (list: string[]) => (list.length > 0 ? list.join(OTHER_NAMES_SEPARATOR) : null);
const time = (hhmm: string) => (/^\d{2}:\d{2}$/.test(hhmm) ? `${hhmm}:00` : hhmm);
const extensionNumber = (ext: string | null) => (ext != null && /^[1-9][0-9]{0,8}$/.test(ext) ? Number(ext) : null);

/**
 * When the record last changed in either language (each locale is published on its own: a French
 * correction must reach consumers that sync with `modified_after`). Null when neither says.
 */
export function lastModified(p: Pair): string | null {
  const latest = [p.en.updatedAt, p.fr.updatedAt].filter(Boolean).sort().at(-1);
  return latest || null;
}

export const organizationId = (slug: string) => hsdsId.organization(slug);
export const serviceId = (slug: string) => hsdsId.service(slug);

// ---------------------------------------------------------------------------
// Taxonomies
// ---------------------------------------------------------------------------

export function taxonomyRecord(t: (typeof HSDS_TAXONOMIES)[number], profileUri: string): HsdsObject {
  return compact({
    id: taxonomyId(t.name),
    name: t.labels.en,
    description: t.descriptions.en,
    uri: `${profileUri}#taxonomy-${t.name}`,
    version: '1',
    name_fr: t.labels.fr,
    description_fr: t.descriptions.fr,
  });
}

export interface TermLabels {
  code: string;
  labels: Record<Locale, string>;
}

export function taxonomyTermRecord(taxonomy: HsdsTaxonomyName, term: TermLabels, profileUri: string): HsdsObject {
  const t = HSDS_TAXONOMIES.find((x) => x.name === taxonomy)!;
  return compact({
    id: hsdsId.taxonomyTerm(taxonomy, term.code),
    code: term.code,
    name: term.labels.en,
    description: `${t.labels.en}: ${term.labels.en}`,
    taxonomy,
    language: 'en',
    taxonomy_id: taxonomyId(taxonomy),
    name_fr: term.labels.fr,
    description_fr: `${t.labels.fr} : ${term.labels.fr}`,
    term_uri: `${profileUri}#taxonomy-${taxonomy}-${term.code}`,
  });
}

/** Term labels in both locales from the two records' lists (same codes, same order). */
function pairTerms(en: TaxonomyTerm[], frList: TaxonomyTerm[]): TermLabels[] {
  const frLabel = new Map(frList.map((t) => [t.code, t.label]));
  return en.map((t) => ({ code: t.code, labels: { en: t.label, fr: frLabel.get(t.code) ?? t.label } }));
}

export function termsOf(p: Pair): Array<{ taxonomy: HsdsTaxonomyName; term: TermLabels }> {
  return HSDS_TAXONOMIES.flatMap((t) => pairTerms(p.en[t.rowKey], p.fr[t.rowKey]).map((term) => ({ taxonomy: t.name, term })));
}

// ---------------------------------------------------------------------------
// One-to-one records
// ---------------------------------------------------------------------------

export function organizationRecord(p: Pair): HsdsObject {
  const { en } = p;
  return compact({
    id: organizationId(en.slug),
    name: en.name,
    alternate_name: names(en.otherNames),
    description: en.description,
    email: en.email,
    website: en.website,
    name_fr: fr(p.fr.name),
    alternate_name_fr: names(p.fr.otherNames),
    description_fr: fr(p.fr.description),
    organization_type: en.kind,
  });
}

export function serviceRecord(p: Pair): HsdsObject {
  const { en } = p;
  return compact({
    id: serviceId(en.slug),
    organization_id: organizationId(en.slug),
    name: en.name,
    alternate_name: names(en.otherNames),
    description: en.description,
    url: en.website,
    email: en.email,
    status: 'active',
    fees_description: en.fees,
    eligibility_description: en.eligibility,
    minimum_age: en.ageRange.min,
    maximum_age: en.ageRange.max,
    assured_date: en.lastVerified,
    last_modified: lastModified(p),
    name_fr: fr(p.fr.name),
    alternate_name_fr: names(p.fr.otherNames),
    description_fr: fr(p.fr.description),
    fees_description_fr: fr(p.fr.fees),
    eligibility_description_fr: fr(p.fr.eligibility),
    provider_role: en.role,
    timeframes: en.timeframes,
    needs: en.needs,
    indirect_offerings: en.indirectOfferings,
    open_24_7: en.hours.open24x7,
    hours_notes: en.hours.notes,
    hours_notes_fr: fr(p.fr.hours.notes),
    accessibility: en.accessibility,
    accessibility_fr: fr(p.fr.accessibility),
  });
}

export function organizationIdentifiers(p: Pair): HsdsObject[] {
  return [
    {
      id: hsdsId.organizationIdentifier(p.en.slug),
      organization_id: organizationId(p.en.slug),
      identifier_scheme: IDENTIFIER_SCHEME,
      identifier_type: 'slug',
      identifier: p.en.slug,
    },
  ];
}

// ---------------------------------------------------------------------------
// Related records
// ---------------------------------------------------------------------------

/** Public (non-confidential) locations with their index in the record's list. */
export function publicLocationIndexes(p: Pair): number[] {
  return p.en.locations.flatMap((l, i) => (l.confidential ? [] : [i]));
}

export function locationRecord(p: Pair, i: number, nested: boolean): HsdsObject {
  const slug = p.en.slug;
  const l = p.en.locations[i]!;
  const id = hsdsId.location(slug, i);
  return compact({
    id,
    location_type: 'physical',
    organization_id: organizationId(slug),
    name: l.name,
    position: i,
    // HSDS requires address_1 and postal_code: empty strings when a public location has none.
    addresses: nested
      ? [
          {
            id: hsdsId.address(slug, i),
            location_id: id,
            address_1: l.street ?? '',
            city: l.city,
            state_province: l.province,
            postal_code: l.postalCode ?? '',
            country: 'CA',
            address_type: 'physical',
          },
        ]
      : undefined,
    accessibility:
      nested && p.en.accessibility
        ? [
            compact({
              id: hsdsId.accessibility(slug, i),
              location_id: id,
              description: p.en.accessibility,
              description_fr: fr(p.fr.accessibility),
            }),
          ]
        : undefined,
  });
}

export function serviceAtLocationRecord(p: Pair, i: number, nested: boolean): HsdsObject {
  const slug = p.en.slug;
  const l = p.en.locations[i]!;
  return compact({
    id: hsdsId.serviceAtLocation(slug, i),
    service_id: serviceId(slug),
    location_id: hsdsId.location(slug, i),
    description: `${p.en.name}${l.name ? ` — ${l.name}` : ''}, ${l.city}`,
    location: nested ? locationRecord(p, i, true) : undefined,
  });
}

export function phoneRecords(p: Pair): HsdsObject[] {
  const slug = p.en.slug;
  return p.en.phones.map((ph, i) => {
    const ext = extensionNumber(ph.extension);
    return compact({
      id: hsdsId.phone(slug, i),
      service_id: serviceId(slug),
      number: ph.number,
      extension: ext,
      extension_text: ext == null ? ph.extension : null,
      type: PHONE_TYPE_TO_HSDS[ph.type],
      description: ph.label,
      description_fr: fr(p.fr.phones[i]?.label ?? null),
    });
  });
}

export function scheduleRecords(p: Pair): HsdsObject[] {
  const slug = p.en.slug;
  const notes = p.en.hours.notes;
  const notesFr = fr(p.fr.hours.notes);
  const out: HsdsObject[] = p.en.hours.schedule.map((h, i) =>
    compact<HsdsObject>({
      id: hsdsId.schedule(slug, i),
      service_id: serviceId(slug),
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: WEEKDAY_TO_ICAL[h.day],
      opens_at: time(h.opens),
      closes_at: time(h.closes),
      notes,
      notes_fr: notesFr,
    }),
  );
  if (p.en.hours.open24x7) {
    out.push(
      compact({
        id: hsdsId.schedule(slug, '24x7'),
        service_id: serviceId(slug),
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: ALL_WEEK,
        opens_at: '00:00:00',
        closes_at: '23:59:59',
        description: OPEN_24_7.en,
        description_fr: OPEN_24_7.fr,
        notes,
        notes_fr: notesFr,
      }),
    );
  }
  return out;
}

export function serviceAreaRecords(p: Pair): HsdsObject[] {
  const slug = p.en.slug;
  const out: HsdsObject[] = [];
  const add = (o: HsdsObject) => out.push(compact({ id: hsdsId.serviceArea(slug, out.length), service_id: serviceId(slug), ...o }));
  if (p.en.national) add({ name: 'Canada', name_fr: 'Canada', area_type: 'country' });
  p.en.serviceAreas.forEach((a, k) => {
    const label = PROVINCE_LABELS[a.province];
    if (a.regions.length === 0) add({ name: label.en, name_fr: label.fr, area_type: 'state_province', state_province: a.province });
    const french = p.fr.serviceAreas[k]?.regions ?? [];
    a.regions.forEach((r, j) =>
      add({
        name: `${r}, ${a.province}`,
        name_fr: `${french[j] ?? r}, ${a.province}`,
        area_type: 'region',
        state_province: a.province,
        region: r,
      }),
    );
  });
  p.en.locations.forEach((l, i) => {
    if (!l.confidential) return;
    add({
      name: `${l.city}, ${l.province}`,
      name_fr: `${l.city}, ${l.province}`,
      description: CONFIDENTIAL_SITE.en,
      description_fr: CONFIDENTIAL_SITE.fr,
      area_type: 'confidential_site',
      state_province: l.province,
      region: l.city,
      position: i,
    });
  });
  return out;
}

export function languageRecords(p: Pair): HsdsObject[] {
  const slug = p.en.slug;
  return pairTerms(p.en.languages, p.fr.languages).map((t) =>
    compact({
      id: hsdsId.language(slug, t.code),
      service_id: serviceId(slug),
      name: t.labels.en,
      code: t.code,
      name_fr: t.labels.fr,
    }),
  );
}

export function attributeRecords(p: Pair, profileUri: string, nested: boolean): HsdsObject[] {
  const slug = p.en.slug;
  return termsOf(p).map(({ taxonomy, term }) =>
    compact({
      id: hsdsId.attribute(slug, taxonomy, term.code),
      link_id: serviceId(slug),
      link_type: taxonomy,
      link_entity: 'service',
      taxonomy_term_id: hsdsId.taxonomyTerm(taxonomy, term.code),
      taxonomy_term: nested ? taxonomyTermRecord(taxonomy, term, profileUri) : undefined,
    }),
  );
}

// ---------------------------------------------------------------------------
// Nested documents
// ---------------------------------------------------------------------------

/**
 * A record in the requested language. French consumers that ignore the profile read the core
 * fields: each core text field takes its `*_fr` twin where there is one (the twins stay, so the
 * record is still valid against the profile). English is the record as built.
 */
export function inLocale<T>(value: T, locale: Locale): T {
  if (locale === 'en') return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x);
    for (const [k, x] of Object.entries(o)) {
      if (k.endsWith('_fr') && typeof x === 'string' && x !== '') out[k.slice(0, -3)] = x;
    }
    // A taxonomy term says which language its name is in.
    if ('taxonomy_id' in o && 'term_uri' in o && o.language === 'en') out.language = 'fr';
    return out;
  };
  return walk(value) as T;
}

/** `GET /services/{id}`: the service with everything related. */
export function fullService(p: Pair, profileUri: string): HsdsObject {
  return compact({
    ...serviceRecord(p),
    phones: phoneRecords(p),
    schedules: scheduleRecords(p),
    service_areas: serviceAreaRecords(p),
    service_at_locations: publicLocationIndexes(p).map((i) => serviceAtLocationRecord(p, i, true)),
    languages: languageRecords(p),
    organization: { ...organizationRecord(p), organization_identifiers: organizationIdentifiers(p) },
    attributes: attributeRecords(p, profileUri, true),
  });
}

/** `GET /organizations/{id}`: the organization, its public locations and its service. */
export function fullOrganization(p: Pair): HsdsObject {
  return compact({
    ...organizationRecord(p),
    organization_identifiers: organizationIdentifiers(p),
    locations: publicLocationIndexes(p).map((i) => locationRecord(p, i, true)),
    services: [serviceRecord(p)],
  });
}

/** `GET /service_at_locations/{id}`: the link, its location and its service. */
export function fullServiceAtLocation(p: Pair, i: number): HsdsObject {
  return compact({
    ...serviceAtLocationRecord(p, i, true),
    service: serviceRecord(p),
  });
}
