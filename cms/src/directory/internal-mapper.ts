/**
 * The internal (staff) projection: everything, for hotline staff behind an API token.
 * Built from the latest (draft) version of each document, whatever its status.
 */
import type {
  ContactAttempt,
  Criterion,
  InternalOrganization,
  Locale,
  Person,
  PublicOrganization,
  ReferralProtocol,
} from '@referral-directory/sdk';
import { CRITERIA } from '@referral-directory/sdk';
import { publicPhone, toPublicOrganization } from './mapper';
import type { OrganizationRow, PersonRow } from './rows';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));
const day = (v: unknown): string | null => iso(v)?.slice(0, 10) ?? null;

const person = (p: PersonRow): Person => ({ name: p.name, title: str(p.title), email: str(p.email), phone: str(p.phone) });

/** The protocol's texts in the locale's language; French falls back to the English where none was entered. */
function protocol(p: Record<string, unknown> | null, locale: Locale): ReferralProtocol | null {
  if (!p) return null;
  const textOf = (field: 'intakeHours' | 'afterHours' | 'eligibilityNotes') =>
    (locale === 'fr' ? str(p[`${field}Fr`]) : null) ?? str(p[field]);
  return {
    warmTransfer: p.warmTransfer === true,
    conferenceCall: p.conferenceCall === true,
    byPhone: p.byPhone === true,
    byChat: p.byChat === true,
    byEmail: p.byEmail === true,
    intakeHours: textOf('intakeHours'),
    afterHours: textOf('afterHours'),
    eligibilityNotes: textOf('eligibilityNotes'),
  };
}

/** Each criterion attested or not, then when (set one by one: a spread of Object.fromEntries is V8's slow path). */
function attestationsOf(a: Record<string, unknown>): InternalOrganization['attestations'] {
  const out = {} as Record<Criterion, boolean>;
  for (const c of CRITERIA) out[c] = a[c] === true;
  return Object.assign(out, { attestedAt: day(a.attestedAt) });
}

/**
 * The public fields are copied one by one, in the public record's order, rather than spread: a
 * literal that spreads a record of some thirty fields and then adds twenty more is built on V8's
 * slow path (about 100 µs per record: seconds when the staff catalog is built at 100,000).
 * `pub`: the row's public record in this locale when already made (it is toPublicOrganization's,
 * or equal to it but for `locale` and `updatedAt`, which are not read from it).
 */
export function toInternalOrganization(
  row: OrganizationRow,
  locale: Locale,
  published: boolean,
  pub: PublicOrganization = toPublicOrganization(row, locale),
): InternalOrganization {
  const a = row.attestations ?? {};
  return {
    slug: pub.slug,
    locale: row.locale,
    name: pub.name,
    otherNames: pub.otherNames,
    description: pub.description,
    eligibility: pub.eligibility,
    fees: pub.fees,
    kind: pub.kind,
    role: pub.role,
    focusAreas: pub.focusAreas,
    services: pub.services,
    timeframes: pub.timeframes,
    needs: pub.needs,
    indirectOfferings: pub.indirectOfferings,
    populations: pub.populations,
    ageRange: pub.ageRange,
    national: pub.national,
    provinces: pub.provinces,
    serviceAreas: pub.serviceAreas,
    languages: pub.languages,
    phones: pub.phones,
    email: pub.email,
    website: pub.website,
    hours: pub.hours,
    accessibility: pub.accessibility,
    lastVerified: pub.lastVerified,
    updatedAt: iso(row.updatedAt) ?? '',
    audience: 'internal',
    documentId: row.documentId,
    published,
    status: row.listingStatus,
    removalReason: row.removalReason ?? null,
    removedAt: iso(row.removedAt),
    consent: { given: row.publicConsent === true, at: iso(row.consentAt), by: str(row.consentBy) },
    attestations: attestationsOf(a),
    lastVerifiedBy: str(row.lastVerifiedBy),
    nextReviewDue: day(row.nextReviewDue),
    locations: (row.locations ?? []).map((l) => ({
      name: str(l.name),
      street: str(l.street),
      city: l.city,
      province: l.province,
      postalCode: str(l.postalCode),
      confidential: l.confidential === true,
    })),
    designatedContact: row.designatedContact ? person(row.designatedContact) : null,
    keyStaff: (row.keyStaff ?? []).map(person),
    internalPhones: (row.internalPhones ?? []).map((p) => publicPhone(p, locale)),
    internalEmail: str(row.internalEmail),
    referralProtocol: protocol(row.referralProtocol, locale),
    capacityNotes: str(row.capacityNotes),
    safetyNotes: str(row.safetyNotes),
    internalNotes: str(row.internalNotes),
    contactAttempts: (row.contactAttempts ?? []).map((c) => ({
      at: iso(c.at) ?? '',
      method: c.method as ContactAttempt['method'],
      outcome: c.outcome as ContactAttempt['outcome'],
      notes: str(c.notes),
    })),
  };
}
