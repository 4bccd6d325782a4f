/**
 * The wire contract of the Referral Directory APIs.
 *
 * One source of truth: the CMS's allowlist mapper is typed to return `PublicOrganization`,
 * and the SDK and widget read the same types. A field that is not declared here never
 * leaves the public API.
 */

// ---------------------------------------------------------------------------
// Fixed vocabularies (enumerations). Editor-extensible taxonomies: the known codes, open to more.
// ---------------------------------------------------------------------------

/** The two official languages the directory speaks. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Canada's 10 provinces and 3 territories, by postal abbreviation. */
export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type Province = (typeof PROVINCES)[number];

/** What kind of organization a partner is. */
export const ORGANIZATION_KINDS = ['ngo', 'law_enforcement', 'government_agency', 'coalition', 'network', 'other_allied'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Direct providers deliver in-person services; indirect ones inform, train, take volunteers. */
export const PROVIDER_ROLES = ['direct', 'indirect'] as const;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];

/** For direct providers: how urgent a need they can take. */
export const TIMEFRAMES = ['emergency', 'transitional', 'long_term'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

/** For direct providers: the kind of need. */
export const NEEDS = ['social', 'legal'] as const;
export type Need = (typeof NEEDS)[number];

/** For indirect providers: what they offer. */
export const INDIRECT_OFFERINGS = ['volunteering', 'information', 'training', 'technical_assistance'] as const;
export type IndirectOffering = (typeof INDIRECT_OFFERINGS)[number];

/** How a public phone line is used. */
export const PHONE_TYPES = ['voice', 'toll_free', 'text', 'tty', 'crisis'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Orders the public list accepts. `distance` (needs `near`) is the default when `near` is set,
 * then `relevance` when `q` is set, `name` otherwise.
 */
export const SORTS = ['relevance', 'name', '-name', '-lastVerified', 'distance'] as const;
export type Sort = (typeof SORTS)[number];

/** The seven minimum criteria an applicant attests. */
export const CRITERIA = [
  'survivorCentred',
  'traumaInformed',
  'nonDiscriminatory',
  'clientSafety',
  'dataProtection',
  'goodStanding',
  'regionalBestPractice',
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Largest page the public list serves. */
export const MAX_PAGE_SIZE = 100;

// Codes of the editor-extensible taxonomies: the ones the directory ships with (so editors
// autocomplete them and typos stand out), plus any code editors add (`string & {}` keeps the
// literals from collapsing into `string`).

/** Focus areas the directory ships with (`focus` filter, `focusAreas` of a record). */
export type KnownFocusArea =
  | 'trafficking'
  | 'sexual_assault'
  | 'domestic_violence'
  | 'labour_rights'
  | 'homeless_youth'
  | 'indigenous'
  | 'immigrant_refugee'
  | 'health_care'
  | 'child_protection';
/** A focus-area code: a known one, or one an editor added. */
export type FocusAreaCode = KnownFocusArea | (string & {});

/** Services the directory ships with (`service` filter, `services` of a record). */
export type KnownService =
  | 'emergency_shelter'
  | 'transitional_housing'
  | 'counselling'
  | 'crisis_line'
  | 'legal_aid'
  | 'immigration_legal'
  | 'court_support'
  | 'victim_services'
  | 'health_care'
  | 'mental_health'
  | 'addiction'
  | 'case_management'
  | 'basic_needs'
  | 'peer_support'
  | 'employment'
  | 'information_line'
  | 'training'
  | 'volunteering_program';
/** A service code: a known one, or one an editor added. */
export type ServiceCode = KnownService | (string & {});

/** Populations the directory ships with (`population` filter, `populations` of a record). */
export type KnownPopulation =
  | 'women'
  | 'men'
  | 'youth'
  | 'children'
  | 'families'
  | '2slgbtqi'
  | 'indigenous_peoples'
  | 'newcomers'
  | 'migrant_workers'
  | 'seniors'
  | 'people_with_disabilities';
/** A population code: a known one, or one an editor added. */
export type PopulationCode = KnownPopulation | (string & {});

/** Languages of service the directory ships with, as ISO 639 codes (`language` filter). */
export type KnownLanguage =
  | 'en'
  | 'fr'
  | 'es'
  | 'ar'
  | 'zh'
  | 'pa'
  | 'tl'
  | 'uk'
  | 'so'
  | 'ti'
  | 'fa'
  | 'pt'
  | 'vi'
  | 'ht'
  | 'cr'
  | 'oj'
  | 'iu';
/** A language code: a known one, or one an editor added. */
export type LanguageCode = KnownLanguage | (string & {});

// ---------------------------------------------------------------------------
// Public records
// ---------------------------------------------------------------------------

/** A term of an editor-extensible taxonomy, labelled in the requested locale. */
export interface TaxonomyTerm<Code extends string = string> {
  /** Stable code, e.g. `labour_rights`. */
  code: Code;
  /** Label in the response locale. */
  label: string;
}

export interface PublicPhone {
  type: PhoneType;
  /** E.164 or display form as entered by editors, e.g. `+1-555-010-0000`. */
  number: string;
  extension: string | null;
  /** Optional label in the response locale, e.g. "Intake line". */
  label: string | null;
}

/**
 * A place where services are delivered. For a confidential address (a shelter) only the
 * city and province are given: `street` and `postalCode` are null and `confidential` is true.
 */
export interface PublicLocation {
  name: string | null;
  street: string | null;
  city: string;
  province: Province;
  postalCode: string | null;
  confidential: boolean;
}

export interface OpeningHours {
  day: Weekday;
  /** `HH:MM`, 24-hour clock, local time of the location. */
  opens: string;
  closes: string;
}

export interface ServiceArea {
  province: Province;
  /** Cities or regions within the province; empty means the whole province. */
  regions: string[];
}

/** A public organization record, as the public directory API returns it. */
export interface PublicOrganization {
  slug: string;
  locale: Locale;
  name: string;
  otherNames: string[];
  description: string;
  eligibility: string | null;
  fees: string | null;
  kind: OrganizationKind;
  role: ProviderRole;
  focusAreas: TaxonomyTerm<FocusAreaCode>[];
  services: TaxonomyTerm<ServiceCode>[];
  /** Direct providers only; empty for indirect ones. */
  timeframes: Timeframe[];
  /** Direct providers only; empty for indirect ones. */
  needs: Need[];
  /** Indirect providers only; empty for direct ones. */
  indirectOfferings: IndirectOffering[];
  populations: TaxonomyTerm<PopulationCode>[];
  ageRange: { min: number | null; max: number | null };
  /** Serves the whole country. */
  national: boolean;
  /** Provinces and territories served (all 13 when `national`). */
  provinces: Province[];
  serviceAreas: ServiceArea[];
  locations: PublicLocation[];
  /** Languages of service, as ISO 639 codes with labels in the response locale. */
  languages: TaxonomyTerm<LanguageCode>[];
  phones: PublicPhone[];
  email: string | null;
  website: string | null;
  hours: {
    open24x7: boolean;
    schedule: OpeningHours[];
    notes: string | null;
  };
  accessibility: string | null;
  /** ISO date (`YYYY-MM-DD`) the hotline last verified this record. */
  lastVerified: string | null;
  /** ISO timestamp of the last published change. */
  updatedAt: string;
  /**
   * Type-level brand, never sent: it makes an `InternalOrganization` (whose `audience` is
   * `'internal'`) unassignable to `PublicOrganization`, so confidential records cannot be
   * handed to code that expects public ones.
   */
  audience?: never;
}

/** The value type of each filter: what a filter accepts and what its facet lists. */
export interface FilterValues {
  province: Province;
  focus: FocusAreaCode;
  service: ServiceCode;
  timeframe: Timeframe;
  need: Need;
  population: PopulationCode;
  language: LanguageCode;
  role: ProviderRole;
  type: OrganizationKind;
}

/** One value, or several (OR), of a filter; `undefined` means "not filtered". */
export type FilterInput<V> = V | V[] | undefined;

/** The filters of the public list and of the facets. Arrays mean OR within a kind. */
export interface OrganizationFilters {
  /** Free text, case- and accent-insensitive, over names, description, services and cities. */
  q?: string | undefined;
  province?: FilterInput<Province>;
  focus?: FilterInput<FocusAreaCode>;
  service?: FilterInput<ServiceCode>;
  timeframe?: FilterInput<Timeframe>;
  need?: FilterInput<Need>;
  population?: FilterInput<PopulationCode>;
  language?: FilterInput<LanguageCode>;
  role?: FilterInput<ProviderRole>;
  type?: FilterInput<OrganizationKind>;
  /**
   * A Canadian postal code, its first three characters, a city or a province, resolved offline by
   * the server, or a point `latitude,longitude` (rounded by the server to 2 decimals, about 1 km);
   * results then sort by distance and carry `distanceKm` / `coverage`. A place the server cannot
   * resolve, coordinates out of range or outside Canada are a `ValidationError` naming it.
   * @example 'H2X 1Y4'
   * @example 'Montréal'
   * @example '45.50,-73.57'
   */
  near?: string | undefined;
  /**
   * With `near` (a postal code or a city): kilometres that count as near, 1–1000.
   * @default 100
   */
  radiusKm?: number | undefined;
  /** Only organizations open now, in their location's time zone; hits carry `open`. */
  openNow?: boolean | undefined;
  /**
   * Only organizations open at this local date-time (no offset), read in each one's own time zone;
   * hits carry `open`. Not with `openNow`.
   * @example '2026-12-03T23:00'
   */
  openAt?: string | undefined;
}

/**
 * Open or not at `openAt`, else at the minute of the request, in the organization's own time zone;
 * `until` is absent while open when it never closes (24/7). Every list hit whose hours are known
 * carries one, with or without `openNow`/`openAt`.
 * @example { now: true, until: '2026-12-03T17:00:00-05:00' }
 * @example { now: false, opensAt: '2026-12-04T09:00:00-05:00' }
 */
export interface OpenState {
  now: boolean;
  /** While open: local date-time with offset, e.g. `2026-12-03T17:00:00-05:00`. */
  until?: string;
  /** While closed: when it next opens, same format. */
  opensAt?: string;
}

/** What a list hit adds: `distanceKm` and `coverage` with `near`; `open` whenever its hours are known. */
export interface NearFields {
  /** Kilometres to the nearest location (in 10 km steps to a confidential one, from its city's centre). */
  distanceKm?: number;
  /** Included because its service area covers the place, not for a location near it. */
  coverage?: 'serves-area';
  /** Open now (or at `openAt`) and until when, or when it opens next; absent when its hours are unknown. */
  open?: OpenState;
}

/** What the list's `meta` adds with `near`. */
export interface NearMeta {
  /** The place resolved (never the text typed) and the radius, or the province. */
  near?: { label: string; radiusKm: number } | { province: Province };
  /** Credit owed for the place coordinates (GeoNames, CC BY 4.0). */
  attribution?: string;
}

/** The filter names, in the order facets are listed. */
export const FILTER_NAMES = ['province', 'focus', 'service', 'timeframe', 'need', 'population', 'language', 'role', 'type'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface PageMeta {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** `GET /api/directory/organizations` */
export interface OrganizationList {
  data: Array<PublicOrganization & { match?: SearchMatch } & NearFields>;
  meta: PageMeta & SearchMeta & NearMeta;
}

// --- Search (`q`): relaxed results, suggestions, highlights ---

/** What a list with `q` says about the search itself. */
export interface SearchMeta {
  /** No organization had every word: these have some of them (see `matched`). */
  relaxed?: boolean;
  /** With `relaxed`: the query words (or synonym phrases) that the results matched. */
  matched?: string[];
  /** Corrected queries from the directory's own words ("did you mean…"), best first. */
  suggestions?: string[];
}

/** Where a hit matched the query: its fields, and word ranges in its name and description. */
export interface SearchMatch {
  fields: Array<
    'name' | 'otherNames' | 'description' | 'eligibility' | 'fees' | 'services' | 'focusAreas' | 'populations' | 'languages' | 'places'
  >;
  /** UTF-16 [start, end) ranges of matched words in `name`. */
  name: Array<[number, number]>;
  /** UTF-16 [start, end) ranges of matched words in `description`. */
  description: Array<[number, number]>;
}

/** `GET /api/directory/organizations/:slug` */
export interface OrganizationResponse {
  data: PublicOrganization;
}

/** A value of a facet; `value` has the type its filter accepts, so it can be fed back to a filter. */
export interface FacetValue<V extends string = string> {
  value: V;
  label: string;
  /** Public organizations matching the other active filters plus this value. */
  count: number;
}

/** `GET /api/directory/facets` */
export interface FacetsResponse {
  data: { [F in FilterName]: FacetValue<FilterValues[F]>[] };
  meta: { total: number; locale: Locale };
}

export interface DirectorySettings {
  locale: Locale;
  hotline: {
    /** Dialable number, e.g. `+1-833-900-1010`. */
    phone: string;
    /** The number as shown, e.g. `1-833-900-1010`. */
    phoneDisplay: string;
    /** SMS number, if any. */
    text: string | null;
    chatUrl: string | null;
    /** e.g. "24 hours a day, 7 days a week". */
    hours: string;
    available24x7: boolean;
    /** e.g. "In more than 200 languages". */
    languages: string;
  };
  quickExitUrl: string;
  /** "Inclusion in this directory is not an endorsement…" */
  disclaimer: string;
}

/** `GET /api/directory/settings` */
export interface SettingsResponse {
  data: DirectorySettings;
}

// ---------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------

/** `POST /api/directory/applications` — the service-provider application form. */
export interface ApplicationInput {
  locale: Locale;
  organizationName: string;
  kind: OrganizationKind;
  role: ProviderRole;
  provinces: Province[];
  description: string;
  website?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  /** Free text: services offered. */
  services?: string | undefined;
  contactName: string;
  contactTitle?: string | undefined;
  contactEmail: string;
  contactPhone?: string | undefined;
  /** Every criterion must be attested `true`. */
  attestations: Record<Criterion, boolean>;
  /** Honeypot: leave empty. A filled value is accepted silently and discarded. */
  fax?: string | undefined;
}

/** `POST /api/directory/suggestions` — "suggest an update" on a public record. */
export interface SuggestionInput {
  locale: Locale;
  /** Slug of a public organization. */
  organization: string;
  message: string;
  /** Which part of the record is wrong, free text (e.g. "phone"). */
  field?: string | undefined;
  contactEmail?: string | undefined;
  /** Honeypot: leave empty. */
  fax?: string | undefined;
}

/** 202 answer to either form: no internal data, a reference only. */
export interface SubmissionReceipt {
  data: { status: 'received'; reference: string };
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export interface ErrorDetail {
  /** Query key or body field path, e.g. `province` or `attestations.clientSafety`. */
  path: string;
  message: string;
}

/** The error body every endpoint returns on 4xx/5xx. */
export interface ErrorBody {
  error: {
    status: number;
    name: string;
    message: string;
    details: ErrorDetail[];
  };
}

// ---------------------------------------------------------------------------
// Internal (staff) API — server-side only, behind an API token
// ---------------------------------------------------------------------------

export const LISTING_STATUSES = ['applicant', 'under_review', 'active', 'suspended', 'removed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const REMOVAL_REASONS = ['misconduct_allegation', 'unreachable', 'no_longer_meets_criteria', 'organization_request'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export interface Person {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface ReferralProtocol {
  warmTransfer: boolean;
  conferenceCall: boolean;
  byPhone: boolean;
  byChat: boolean;
  byEmail: boolean;
  intakeHours: string | null;
  afterHours: string | null;
  eligibilityNotes: string | null;
}

export interface ContactAttempt {
  at: string;
  method: 'phone' | 'email' | 'text' | 'in_person' | 'other';
  outcome: 'reached' | 'no_answer' | 'left_message' | 'bounced' | 'wrong_number';
  notes: string | null;
}

export interface InternalLocation extends Omit<PublicLocation, 'street' | 'postalCode'> {
  street: string | null;
  postalCode: string | null;
}

/**
 * A full record for hotline staff. Distinct from `PublicOrganization` by its `audience`
 * tag, so internal data cannot be passed where a public record is expected.
 */
export interface InternalOrganization extends Omit<PublicOrganization, 'locations' | 'audience'> {
  audience: 'internal';
  documentId: string;
  published: boolean;
  status: ListingStatus;
  removalReason: RemovalReason | null;
  removedAt: string | null;
  consent: { given: boolean; at: string | null; by: string | null };
  attestations: Record<Criterion, boolean> & { attestedAt: string | null };
  lastVerifiedBy: string | null;
  nextReviewDue: string | null;
  locations: InternalLocation[];
  designatedContact: Person | null;
  keyStaff: Person[];
  internalPhones: PublicPhone[];
  internalEmail: string | null;
  referralProtocol: ReferralProtocol | null;
  capacityNotes: string | null;
  safetyNotes: string | null;
  internalNotes: string | null;
  contactAttempts: ContactAttempt[];
}

export interface InternalOrganizationFilters extends OrganizationFilters {
  status?: FilterInput<ListingStatus>;
}

export interface InternalOrganizationList {
  data: Array<InternalOrganization & NearFields>;
  meta: PageMeta & NearMeta;
}

export interface PoliceContact {
  name: string;
  rank: string | null;
  unit: string | null;
  phone: string | null;
  email: string | null;
  role: string | null;
  active: boolean;
}

/** A law-enforcement agency's local referral and reporting protocol (internal only). */
export interface LawEnforcementProtocol {
  documentId: string;
  agency: string;
  agencyKind: 'municipal' | 'provincial' | 'federal' | 'indigenous' | 'other';
  province: Province;
  area: string | null;
  capacityNotes: string | null;
  operationalNotes: string | null;
  protocol: string;
  version: number;
  lastReviewed: string | null;
  nextReviewDue: string | null;
  contacts: PoliceContact[];
}

export interface ProtocolList {
  data: LawEnforcementProtocol[];
  meta: PageMeta;
}

/** `GET /api/internal/organizations/:slug` */
export interface InternalOrganizationResponse {
  data: InternalOrganization;
}
