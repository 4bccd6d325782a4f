/** The shape of organization rows as the database layer returns them (with populate). */
import type {
  ListingStatus, Locale, OrganizationKind, PhoneType, ProviderRole, Province, RemovalReason, Weekday,
} from '@referral-directory/sdk';

export interface TermRow { id: number; documentId: string; code: string; labelEn: string; labelFr: string; sortOrder: number | null }
export interface PhoneRow { type: PhoneType; number: string; extension: string | null; labelEn: string | null; labelFr: string | null }
export interface PersonRow { name: string; title: string | null; email: string | null; phone: string | null }

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
  locations: Array<{ name: string | null; street: string | null; city: string; province: Province; postalCode: string | null; confidential: boolean | null }> | null;
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
  focusAreas: true, services: true, populations: true, languages: true,
  directServices: true, indirectOfferings: true, serviceAreas: true, locations: true, phones: true,
  openingHours: true, designatedContact: true, keyStaff: true, internalPhones: true,
  referralProtocol: true, attestations: true, contactAttempts: true,
} as const;
