/**
 * Applications. Declining needs a reason. Approving an application that has no organization yet
 * creates one as a draft, pre-filled from the application (never published, never public:
 * listing status under_review, no public consent) and links it, so the editor continues there.
 */
import { CRITERIA, PROVINCES, type Province } from '@referral-directory/sdk';
import { dayOf } from './dates';
import { requiredField, type FieldProblem } from './problems';
import { isRecord, text } from './values';
import { APPLICATION } from '../content-types';

export function applicationProblems(status: unknown, declineReason: unknown): FieldProblem[] {
  if (status === 'declined' && !text(declineReason)) {
    return [
      requiredField(
        APPLICATION,
        'declineReason',
        { en: 'Indicate why the application is declined', fr: 'Indiquez le motif du refus' },
        { en: 'to decline an application', fr: 'pour refuser une demande' },
      ),
    ];
  }
  return [];
}

/** An editor's list of provinces (the admin's provinces field, stored as a list of codes): each a known code, no repeats. */
export function provincesProblems(value: unknown): FieldProblem[] {
  const known: readonly unknown[] = PROVINCES;
  const valid = value == null || (Array.isArray(value) && value.every((p) => known.includes(p)) && new Set(value).size === value.length);
  return valid
    ? []
    : [
        {
          path: 'provinces',
          message: {
            en: '“Provinces and territories” must list provinces or territories, each once.',
            fr: '« Provinces et territoires » doit énumérer des provinces ou territoires, chacun une fois.',
          },
        },
      ];
}

/** Approval is a transition: creating a record already approved (an import) creates nothing. */
export const isApproval = (previous: unknown, next: unknown): boolean => next === 'approved' && previous !== 'approved';

/**
 * Whether an application is linked to an organization after a write, from the relation value the
 * write carries (a documentId, `{ documentId }`, or the admin's `{ connect, disconnect, set }`).
 */
export function linkedAfterWrite(value: unknown, present: boolean, linkedBefore: boolean): boolean {
  if (!present) return linkedBefore;
  if (value == null || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (!isRecord(value)) return linkedBefore;
  if ('documentId' in value || 'id' in value) return true;
  const list = (k: string) => (Array.isArray(value[k]) ? (value[k] as unknown[]).length : 0);
  if (Array.isArray(value.set)) return list('set') > 0;
  if (list('connect') > 0) return true;
  if (list('disconnect') > 0) return false;
  return linkedBefore;
}

export interface ApplicationRecord {
  reference?: unknown;
  locale?: unknown;
  organizationName?: unknown;
  kind?: unknown;
  role?: unknown;
  provinces?: unknown;
  description?: unknown;
  services?: unknown;
  website?: unknown;
  email?: unknown;
  phone?: unknown;
  contact?: unknown;
  attestations?: unknown;
  createdAt?: unknown;
}

export interface DraftOrganization {
  locale: 'en' | 'fr';
  otherLocale: 'en' | 'fr';
  /** Localized fields, written in both locales (the editor translates the second). */
  localized: { name: string; description: string };
  shared: Record<string, unknown>;
}

const isProvince = (v: unknown): v is Province => typeof v === 'string' && (PROVINCES as readonly string[]).includes(v);

export function draftOrganizationFrom(app: ApplicationRecord, o: { slug: string; today: string }): DraftOrganization {
  const locale = app.locale === 'fr' ? 'fr' : 'en';
  const name = (text(app.organizationName) ?? 'Unnamed applicant').slice(0, 200);
  const provinces = Array.isArray(app.provinces) ? [...new Set(app.provinces.filter(isProvince))] : [];
  const contact =
    isRecord(app.contact) && text(app.contact.name)
      ? { name: text(app.contact.name), title: text(app.contact.title), email: text(app.contact.email), phone: text(app.contact.phone) }
      : null;
  const attested = isRecord(app.attestations) ? app.attestations : {};
  const attestations = {
    ...Object.fromEntries(CRITERIA.map((c) => [c, attested[c] === true])),
    attestedAt: dayOf(attested.attestedAt) ?? dayOf(app.createdAt) ?? o.today,
  };
  const reference = text(app.reference);
  const services = text(app.services);
  const phone = text(app.phone);
  return {
    locale,
    otherLocale: locale === 'fr' ? 'en' : 'fr',
    localized: { name, description: text(app.description) ?? '' },
    shared: {
      slug: o.slug,
      kind: text(app.kind),
      role: text(app.role),
      serviceAreas: provinces.map((province) => ({ province, regions: null })),
      website: text(app.website),
      email: text(app.email),
      phones: phone ? [{ type: 'voice', number: phone }] : [],
      designatedContact: contact,
      attestations,
      listingStatus: 'under_review',
      publicConsent: false,
      internalNotes: [
        `Created ${o.today} from application ${reference ?? '(no reference)'}.`,
        services ? `Services described in the application: ${services}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    },
  };
}
