/** The shape of organization rows as the database layer returns them (with populate). */
import type { Data, Schema } from '@strapi/strapi';
import type {
  ListingStatus,
  Locale,
  OrganizationKind,
  PhoneType,
  ProviderRole,
  Province,
  RemovalReason,
  Weekday,
} from '@referral-directory/sdk';
import type { FOCUS_AREA, ORGANIZATION } from '../content-types';

export interface TermRow {
  id: number;
  documentId: string;
  code: string;
  labelEn: string;
  labelFr: string;
  sortOrder: number | null;
}
export interface PhoneRow {
  type: PhoneType;
  number: string;
  extension: string | null;
  labelEn: string | null;
  labelFr: string | null;
}
export interface PersonRow {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface OrganizationRow {
  id: number;
  documentId: string;
  locale: Locale;
  publishedAt: string | Date | null;
  updatedAt: string | Date;
  // localized text
  name: string;
  otherNames: string | null;
  description: string | null;
  eligibility: string | null;
  fees: string | null;
  hoursNotes: string | null;
  accessibility: string | null;
  // shared public fields
  slug: string;
  kind: OrganizationKind;
  role: ProviderRole;
  focusAreas: TermRow[] | null;
  services: TermRow[] | null;
  populations: TermRow[] | null;
  languages: TermRow[] | null;
  directServices: { emergency: boolean; transitional: boolean; longTerm: boolean; social: boolean; legal: boolean } | null;
  indirectOfferings: { volunteering: boolean; information: boolean; training: boolean; technicalAssistance: boolean } | null;
  ageMin: number | null;
  ageMax: number | null;
  national: boolean | null;
  serviceAreas: Array<{ province: Province; regions: string | null; regionsFr?: string | null }> | null;
  locations: Array<{
    name: string | null;
    street: string | null;
    city: string;
    province: Province;
    postalCode: string | null;
    confidential: boolean | null;
  }> | null;
  phones: PhoneRow[] | null;
  email: string | null;
  website: string | null;
  open24x7: boolean | null;
  openingHours: Array<{ day: Weekday; opens: string; closes: string }> | null;
  // internal
  designatedContact: PersonRow | null;
  keyStaff: PersonRow[] | null;
  internalPhones: PhoneRow[] | null;
  internalEmail: string | null;
  referralProtocol: Record<string, unknown> | null;
  capacityNotes: string | null;
  safetyNotes: string | null;
  internalNotes: string | null;
  // state
  listingStatus: ListingStatus;
  removalReason: RemovalReason | null;
  removedAt: string | Date | null;
  statusNote: string | null;
  publicConsent: boolean | null;
  consentAt: string | Date | null;
  consentBy: string | null;
  attestations: Record<string, unknown> | null;
  lastVerifiedAt: string | Date | null;
  lastVerifiedBy: string | null;
  nextReviewDue: string | Date | null;
  contactAttempts: Array<{ at: string | Date; method: string; outcome: string; notes: string | null }> | null;
}

/** Everything the projection needs populated, in one query. */
export const ORGANIZATION_POPULATE = {
  focusAreas: true,
  services: true,
  populations: true,
  languages: true,
  directServices: true,
  indirectOfferings: true,
  serviceAreas: true,
  locations: true,
  phones: true,
  openingHours: true,
  designatedContact: true,
  keyStaff: true,
  internalPhones: true,
  referralProtocol: true,
  attestations: true,
  contactAttempts: true,
} as const;

// The rows above are tied to Strapi's generated types (types/generated): a row may name only
// attributes of its schema, and its vocabularies are the schema's enumerations, so renaming or
// changing one in a schema.json fails the type check here. (Kept as hand-written interfaces: the
// generated value types are those of the Document Service input, not of a populated database row.)
type Identity = 'id' | 'documentId';
type Stored = Data.ContentType<typeof ORGANIZATION>;
/** Compiles only when T is never: names what does not match. */
type Assert<T extends never> = T;
type Same<A, B> = Exclude<A, B> | Exclude<B, A>;
type NotIn<Row, Attributes> = Exclude<keyof Row, keyof Attributes | Identity>;

export type RowsMatchTheSchemas = [
  Assert<NotIn<OrganizationRow, Schema.ContentType<typeof ORGANIZATION>['attributes']>>,
  Assert<NotIn<TermRow, Schema.ContentType<typeof FOCUS_AREA>['attributes']>>,
  Assert<NotIn<PhoneRow, Schema.Component<'directory.phone'>['attributes']>>,
  Assert<NotIn<PersonRow, Schema.Component<'directory.person'>['attributes']>>,
  Assert<Same<OrganizationKind, NonNullable<Stored['kind']>>>,
  Assert<Same<ProviderRole, NonNullable<Stored['role']>>>,
  Assert<Same<ListingStatus, NonNullable<Stored['listingStatus']>>>,
  Assert<Same<RemovalReason, NonNullable<Stored['removalReason']>>>,
];
