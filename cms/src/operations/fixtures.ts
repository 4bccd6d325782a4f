/**
 * The readable JSON fixture format of the seed (cms/fixtures/*.json) and its validation.
 * A record that fails validation is reported by its id and field and is not written.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CRITERIA,
  INDIRECT_OFFERINGS,
  LISTING_STATUSES,
  NEEDS,
  ORGANIZATION_KINDS,
  PHONE_TYPES,
  PROVIDER_ROLES,
  PROVINCES,
  REMOVAL_REASONS,
  TIMEFRAMES,
  WEEKDAYS,
  type PoliceContact,
} from '@referral-directory/sdk';

export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', 'fixtures');

export interface TaxonomyFixture {
  code: string;
  labelEn: string;
  labelFr: string;
}
export interface Taxonomies {
  focusAreas: TaxonomyFixture[];
  services: TaxonomyFixture[];
  populations: TaxonomyFixture[];
  languages: TaxonomyFixture[];
}

export interface PhoneFixture {
  type: string;
  number: string;
  extension: string | null;
  labelEn: string | null;
  labelFr: string | null;
}
export interface PersonFixture {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}
export interface LocalizedOrgText {
  name: string;
  otherNames: string[];
  description: string;
  eligibility: string | null;
  fees: string | null;
  hoursNotes: string | null;
  accessibility: string | null;
}

export interface OrganizationFixture {
  externalId: string;
  slug: string;
  kind: string;
  role: string;
  en: LocalizedOrgText;
  fr: LocalizedOrgText;
  focusAreas: string[];
  services: string[];
  populations: string[];
  languages: string[];
  timeframes: string[];
  needs: string[];
  indirectOfferings: string[];
  ageMin: number | null;
  ageMax: number | null;
  national: boolean;
  /** Regions one per name, with their French names line for line (`regionsFr`; the same name when French has no other). */
  serviceAreas: Array<{ province: string; regions: string[]; regionsFr?: string[] }>;
  locations: Array<{
    name: string | null;
    street: string | null;
    city: string;
    province: string;
    postalCode: string | null;
    confidential: boolean;
  }>;
  phones: PhoneFixture[];
  email: string | null;
  website: string | null;
  open24x7: boolean;
  openingHours: Array<{ day: string; opens: string; closes: string }>;
  internal: {
    designatedContact: PersonFixture | null;
    keyStaff: PersonFixture[];
    internalPhones: PhoneFixture[];
    internalEmail: string | null;
    referralProtocol: Record<string, boolean | string | null> | null;
    capacityNotes: string | null;
    safetyNotes: string | null;
    internalNotes: string | null;
  };
  state: {
    listingStatus: string;
    published: boolean;
    publicConsent: boolean;
    consentAt: string | null;
    consentBy: string | null;
    removalReason: string | null;
    removedAt: string | null;
    statusNote: string | null;
    attestations: Record<string, boolean | string | null> | null;
    lastVerifiedAt: string | null;
    lastVerifiedBy: string | null;
    nextReviewDue: string | null;
    contactAttempts: Array<{ at: string; method: string; outcome: string; notes: string | null }>;
  };
}

export interface SettingsFixture {
  hotlinePhone: string;
  hotlineText: string | null;
  chatUrl: string | null;
  available24x7: boolean;
  quickExitUrl: string;
  en: { hotlinePhoneDisplay: string; hotlineHours: string; hotlineLanguages: string; disclaimer: string };
  fr: { hotlinePhoneDisplay: string; hotlineHours: string; hotlineLanguages: string; disclaimer: string };
}

export interface ProtocolFixture {
  externalId: string;
  agency: string;
  agencyKind: string;
  province: string;
  area: string | null;
  capacityNotes: string | null;
  operationalNotes: string | null;
  protocol: string;
  version: number;
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
  contacts: PoliceContact[];
}

export interface ApplicationFixture {
  reference: string;
  reviewStatus: string;
  locale: string;
  organizationName: string;
  kind: string;
  role: string;
  provinces: string[];
  description: string;
  services: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  contact: PersonFixture;
  attestations: Record<string, boolean | string | null>;
  declineReason: string | null;
}

export interface SuggestionFixture {
  reference: string;
  organizationSlug: string;
  locale: string;
  field: string | null;
  message: string;
  contactEmail: string | null;
  reviewStatus: string;
  resolutionNote: string | null;
}

export interface Fixtures {
  taxonomies: Taxonomies;
  settings: SettingsFixture;
  organizations: OrganizationFixture[];
  protocols: ProtocolFixture[];
  applications: ApplicationFixture[];
  suggestions: SuggestionFixture[];
  searchSynonyms: SearchSynonymFixture[];
}

/** A group of equivalent search terms (English and French together). */
export interface SearchSynonymFixture {
  terms: string[];
  note: string | null;
}

export function readFixtures(dir = FIXTURES_DIR): Fixtures {
  const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  return {
    taxonomies: read('taxonomies') as Taxonomies,
    settings: read('settings') as SettingsFixture,
    organizations: read('organizations') as OrganizationFixture[],
    protocols: read('protocols') as ProtocolFixture[],
    applications: read('applications') as ApplicationFixture[],
    suggestions: read('suggestions') as SuggestionFixture[],
    searchSynonyms: read('search-synonyms') as SearchSynonymFixture[],
  };
}

// ---------------------------------------------------------------------------
// Validation: each problem names the field; the caller names the record.
// ---------------------------------------------------------------------------

export interface FixtureProblem {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{6,24}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HHMM = /^([01]\d|2[0-4]):[0-5]\d$/;

class Checker {
  readonly problems: FixtureProblem[] = [];
  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  text(field: string, v: unknown, required = false): void {
    if (v == null) {
      if (required) this.fail(field, 'is required');
      return;
    }
    if (typeof v !== 'string') this.fail(field, 'must be a string');
    else if (required && v.trim() === '') this.fail(field, 'must not be empty');
  }
  oneOf(field: string, v: unknown, allowed: readonly string[], required = true): void {
    if (v == null && !required) return;
    if (typeof v !== 'string' || !allowed.includes(v)) this.fail(field, `must be one of ${allowed.join(', ')}`);
  }
  list(field: string, v: unknown, allowed: readonly string[] | ReadonlySet<string>): void {
    if (!Array.isArray(v)) {
      this.fail(field, 'must be an array');
      return;
    }
    const has = (x: string) => (allowed instanceof Set ? allowed.has(x) : (allowed as readonly string[]).includes(x));
    v.forEach((x, i) => {
      if (typeof x !== 'string' || !has(x)) this.fail(`${field}[${i}]`, `unknown code ${JSON.stringify(x)}`);
    });
  }
  pattern(field: string, v: unknown, re: RegExp, what: string): void {
    if (v == null) return;
    if (typeof v !== 'string' || !re.test(v)) this.fail(field, `must be ${what}`);
  }
  date(field: string, v: unknown): void {
    this.pattern(field, v, ISO_DATE, 'a date YYYY-MM-DD');
  }
  datetime(field: string, v: unknown): void {
    if (v == null) return;
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) this.fail(field, 'must be an ISO timestamp');
  }
  bool(field: string, v: unknown): void {
    if (typeof v !== 'boolean') this.fail(field, 'must be true or false');
  }
  phone(field: string, p: unknown): void {
    if (typeof p !== 'object' || p === null) {
      this.fail(field, 'must be an object');
      return;
    }
    const phone = p as Record<string, unknown>;
    this.oneOf(`${field}.type`, phone.type, PHONE_TYPES);
    this.text(`${field}.number`, phone.number, true);
    this.pattern(`${field}.number`, phone.number, PHONE, 'a phone number');
  }
  person(field: string, p: unknown): void {
    if (typeof p !== 'object' || p === null) {
      this.fail(field, 'must be an object');
      return;
    }
    const person = p as Record<string, unknown>;
    this.text(`${field}.name`, person.name, true);
    this.pattern(`${field}.email`, person.email, EMAIL, 'an email address');
    this.pattern(`${field}.phone`, person.phone, PHONE, 'a phone number');
  }
}

/** Its keys and kind: external id, slug, kind and role. */
function checkIdentity(c: Checker, o: OrganizationFixture): void {
  c.text('externalId', o.externalId, true);
  c.pattern('slug', o.slug, SLUG, 'lowercase kebab-case');
  c.text('slug', o.slug, true);
  c.oneOf('kind', o.kind, ORGANIZATION_KINDS);
  c.oneOf('role', o.role, PROVIDER_ROLES);
}

/** The English and French texts: name and description required in both. */
function checkTexts(c: Checker, o: OrganizationFixture): void {
  for (const locale of ['en', 'fr'] as const) {
    const text = o[locale];
    if (typeof text !== 'object' || text === null) {
      c.fail(locale, 'is required');
      continue;
    }
    c.text(`${locale}.name`, text.name, true);
    c.text(`${locale}.description`, text.description, true);
    for (const k of ['eligibility', 'fees', 'hoursNotes', 'accessibility'] as const) c.text(`${locale}.${k}`, text[k]);
    if (!Array.isArray(text.otherNames)) c.fail(`${locale}.otherNames`, 'must be an array');
  }
}

/** Classification (codes of the taxonomies and fixed vocabularies) and ages served. */
function checkClassification(c: Checker, o: OrganizationFixture, t: Taxonomies): void {
  const codes = (list: TaxonomyFixture[]) => new Set(list.map((x) => x.code));
  c.list('focusAreas', o.focusAreas, codes(t.focusAreas));
  c.list('services', o.services, codes(t.services));
  c.list('populations', o.populations, codes(t.populations));
  c.list('languages', o.languages, codes(t.languages));
  c.list('timeframes', o.timeframes, TIMEFRAMES);
  c.list('needs', o.needs, NEEDS);
  c.list('indirectOfferings', o.indirectOfferings, INDIRECT_OFFERINGS);
  for (const k of ['ageMin', 'ageMax'] as const) {
    const v = o[k];
    if (v != null && (!Number.isInteger(v) || v < 0 || v > 120)) c.fail(k, 'must be a whole number from 0 to 120');
  }
  if (o.ageMin != null && o.ageMax != null && o.ageMin > o.ageMax) c.fail('ageMax', 'must not be below ageMin');
}

/** Where it serves: national, service areas and sites. */
function checkPlaces(c: Checker, o: OrganizationFixture): void {
  c.bool('national', o.national);
  if (!Array.isArray(o.serviceAreas)) c.fail('serviceAreas', 'must be an array');
  else
    o.serviceAreas.forEach((a, i) => {
      c.oneOf(`serviceAreas[${i}].province`, a?.province, PROVINCES);
      const fr: unknown = a?.regionsFr;
      if (fr !== undefined && (!Array.isArray(fr) || fr.length !== (a?.regions?.length ?? 0))) {
        c.fail(`serviceAreas[${i}].regionsFr`, 'must list the French name of each region, in the same order');
      }
    });
  if (!Array.isArray(o.locations)) c.fail('locations', 'must be an array');
  else
    o.locations.forEach((l, i) => {
      c.text(`locations[${i}].city`, l?.city, true);
      c.oneOf(`locations[${i}].province`, l?.province, PROVINCES);
      c.bool(`locations[${i}].confidential`, l?.confidential);
    });
}

/** How to reach it: phones, email, website and hours. */
function checkContact(c: Checker, o: OrganizationFixture): void {
  if (!Array.isArray(o.phones)) c.fail('phones', 'must be an array');
  else o.phones.forEach((p, i) => c.phone(`phones[${i}]`, p));
  c.pattern('email', o.email, EMAIL, 'an email address');
  c.pattern('website', o.website, /^https?:\/\/[^\s]+$/, 'an http(s) URL');
  c.bool('open24x7', o.open24x7);
  if (!Array.isArray(o.openingHours)) c.fail('openingHours', 'must be an array');
  else
    o.openingHours.forEach((h, i) => {
      c.oneOf(`openingHours[${i}].day`, h?.day, WEEKDAYS);
      c.pattern(`openingHours[${i}].opens`, h?.opens, HHMM, 'HH:MM');
      c.pattern(`openingHours[${i}].closes`, h?.closes, HHMM, 'HH:MM');
    });
}

/** The internal (confidential) contacts. */
function checkInternal(c: Checker, o: OrganizationFixture): void {
  const i = o.internal;
  if (typeof i !== 'object' || i === null) {
    c.fail('internal', 'is required');
    return;
  }
  if (i.designatedContact != null) c.person('internal.designatedContact', i.designatedContact);
  (i.keyStaff ?? []).forEach((p, k) => c.person(`internal.keyStaff[${k}]`, p));
  (i.internalPhones ?? []).forEach((p, k) => c.phone(`internal.internalPhones[${k}]`, p));
  c.pattern('internal.internalEmail', i.internalEmail, EMAIL, 'an email address');
}

/** The listing state: status, publication, consent, verification and contact attempts. */
function checkState(c: Checker, o: OrganizationFixture): void {
  const s = o.state;
  if (typeof s !== 'object' || s === null) {
    c.fail('state', 'is required');
    return;
  }
  c.oneOf('state.listingStatus', s.listingStatus, LISTING_STATUSES);
  c.bool('state.published', s.published);
  c.bool('state.publicConsent', s.publicConsent);
  c.oneOf('state.removalReason', s.removalReason, REMOVAL_REASONS, false);
  if (s.listingStatus === 'removed' && s.removalReason == null) c.fail('state.removalReason', 'is required when removed');
  c.datetime('state.consentAt', s.consentAt);
  c.datetime('state.removedAt', s.removedAt);
  c.date('state.lastVerifiedAt', s.lastVerifiedAt);
  c.date('state.nextReviewDue', s.nextReviewDue);
  if (s.attestations) {
    for (const k of CRITERIA) if (s.attestations[k] != null) c.bool(`state.attestations.${k}`, s.attestations[k]);
    c.date('state.attestations.attestedAt', s.attestations.attestedAt);
  }
  (s.contactAttempts ?? []).forEach((a, k) => c.datetime(`state.contactAttempts[${k}].at`, a?.at));
}

export function validateOrganization(o: OrganizationFixture, t: Taxonomies): FixtureProblem[] {
  const c = new Checker();
  checkIdentity(c, o);
  checkTexts(c, o);
  checkClassification(c, o, t);
  checkPlaces(c, o);
  checkContact(c, o);
  checkInternal(c, o);
  checkState(c, o);
  return c.problems;
}

export function validateProtocol(p: ProtocolFixture): FixtureProblem[] {
  const c = new Checker();
  c.text('externalId', p.externalId, true);
  c.text('agency', p.agency, true);
  c.oneOf('agencyKind', p.agencyKind, ['municipal', 'provincial', 'federal', 'indigenous', 'other']);
  c.oneOf('province', p.province, PROVINCES);
  c.text('protocol', p.protocol, true);
  if (!Number.isInteger(p.version) || p.version < 1) c.fail('version', 'must be a whole number ≥ 1');
  c.date('lastReviewedAt', p.lastReviewedAt);
  c.date('nextReviewDue', p.nextReviewDue);
  (p.contacts ?? []).forEach((x, k) => c.person(`contacts[${k}]`, x));
  return c.problems;
}
