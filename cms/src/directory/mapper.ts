/**
 * The public projection: an explicit allowlist from a stored organization row to the public
 * record type. A field is public only if it is written out here; everything else (internal
 * contacts, protocols, notes, state, confidential street addresses) never leaves.
 */
import type {
  IndirectOffering,
  Locale,
  Need,
  OpeningHours,
  PublicLocation,
  PublicOrganization,
  PublicPhone,
  ServiceArea,
  TaxonomyTerm,
  Timeframe,
} from '@referral-directory/sdk';
import { PROVINCES } from '@referral-directory/sdk';
import type { OrganizationRow, PhoneRow, TermRow } from './rows';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const lines = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const date = (v: unknown): string | null => {
  if (v == null) return null;
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};
/** An ISO date-time in UTC (`toISOString`'s form, which the catalog's reader gives: kept as it is). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const timestamp = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' ? (ISO_UTC.test(v) ? v : new Date(v).toISOString()) : '';

export function term(t: TermRow, locale: Locale): TaxonomyTerm {
  return { code: t.code, label: locale === 'fr' ? t.labelFr : t.labelEn };
}

const byOrder = (a: TermRow, b: TermRow) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code);
/** The list in order: as it is when it is already (a catalog build maps hundreds of thousands, most of them in order), else a sorted copy. */
function inOrder(list: TermRow[]): TermRow[] {
  for (let i = 1; i < list.length; i++) if (byOrder(list[i - 1]!, list[i]!) > 0) return [...list].sort(byOrder);
  return list;
}
export const terms = (list: TermRow[] | null | undefined, locale: Locale): TaxonomyTerm[] =>
  inOrder(list ?? []).map((t) => term(t, locale));

export function publicPhone(p: PhoneRow, locale: Locale): PublicPhone {
  return {
    type: p.type,
    number: p.number,
    extension: str(p.extension),
    label: str(locale === 'fr' ? p.labelFr : p.labelEn),
  };
}

export function timeframesOf(row: OrganizationRow): Timeframe[] {
  const d = row.directServices;
  if (row.role !== 'direct' || !d) return [];
  return [d.emergency && 'emergency', d.transitional && 'transitional', d.longTerm && 'long_term'].filter(Boolean) as Timeframe[];
}

export function needsOf(row: OrganizationRow): Need[] {
  const d = row.directServices;
  if (row.role !== 'direct' || !d) return [];
  return [d.social && 'social', d.legal && 'legal'].filter(Boolean) as Need[];
}

export function offeringsOf(row: OrganizationRow): IndirectOffering[] {
  const d = row.indirectOfferings;
  if (row.role !== 'indirect' || !d) return [];
  return [
    d.volunteering && 'volunteering',
    d.information && 'information',
    d.training && 'training',
    d.technicalAssistance && 'technical_assistance',
  ].filter(Boolean) as IndirectOffering[];
}

/** Regions in the locale's language; French falls back to the English names where none was entered. */
export function serviceAreasOf(row: OrganizationRow, locale: Locale = 'en'): ServiceArea[] {
  return (row.serviceAreas ?? []).map((a) => {
    const french = locale === 'fr' ? lines(a.regionsFr) : [];
    return { province: a.province, regions: french.length > 0 ? french : lines(a.regions) };
  });
}

export function provincesOf(row: OrganizationRow): ServiceArea['province'][] {
  if (row.national) return [...PROVINCES];
  return [...new Set((row.serviceAreas ?? []).map((a) => a.province))].sort();
}

/** A confidential address keeps only its city and province. */
export function publicLocation(l: NonNullable<OrganizationRow['locations']>[number]): PublicLocation {
  const confidential = l.confidential === true;
  return {
    name: confidential ? null : str(l.name),
    street: confidential ? null : str(l.street),
    city: l.city,
    province: l.province,
    postalCode: confidential ? null : str(l.postalCode),
    confidential,
  };
}

export function openingHours(row: OrganizationRow): OpeningHours[] {
  return (row.openingHours ?? []).map((h) => ({ day: h.day, opens: h.opens, closes: h.closes }));
}

/**
 * The stored fields toPublicOrganization reads: the one list of what is public (the editors' audit
 * shows the values of these fields and of no other, src/workflow/audit-fields.ts). Adding a field
 * to the mapper means adding it here; mapper.test.ts fails otherwise.
 */
export const PUBLIC_ORGANIZATION_FIELDS = [
  'name',
  'otherNames',
  'description',
  'eligibility',
  'fees',
  'hoursNotes',
  'accessibility',
  'slug',
  'kind',
  'role',
  'focusAreas',
  'services',
  'populations',
  'languages',
  'directServices',
  'indirectOfferings',
  'ageMin',
  'ageMax',
  'national',
  'serviceAreas',
  'locations',
  'phones',
  'email',
  'website',
  'open24x7',
  'openingHours',
  'lastVerifiedAt',
] as const satisfies readonly (keyof OrganizationRow)[];

export function toPublicOrganization(row: OrganizationRow, locale: Locale): PublicOrganization {
  return {
    slug: row.slug,
    locale,
    name: row.name,
    otherNames: lines(row.otherNames),
    description: row.description ?? '',
    eligibility: str(row.eligibility),
    fees: str(row.fees),
    kind: row.kind,
    role: row.role,
    focusAreas: terms(row.focusAreas, locale),
    services: terms(row.services, locale),
    timeframes: timeframesOf(row),
    needs: needsOf(row),
    indirectOfferings: offeringsOf(row),
    populations: terms(row.populations, locale),
    ageRange: { min: row.ageMin ?? null, max: row.ageMax ?? null },
    national: row.national === true,
    provinces: provincesOf(row),
    serviceAreas: serviceAreasOf(row, locale),
    locations: (row.locations ?? []).map(publicLocation),
    languages: terms(row.languages, locale),
    phones: (row.phones ?? []).map((p) => publicPhone(p, locale)),
    email: str(row.email),
    website: str(row.website),
    hours: { open24x7: row.open24x7 === true, schedule: openingHours(row), notes: str(row.hoursNotes) },
    accessibility: str(row.accessibility),
    lastVerified: date(row.lastVerifiedAt),
    updatedAt: timestamp(row.publishedAt ?? row.updatedAt),
  };
}

/** The inverse of timeframesOf / needsOf / offeringsOf: lists of codes as the stored components. */
export function serviceComponents(r: { timeframes: readonly string[]; needs: readonly string[]; indirectOfferings: readonly string[] }) {
  return {
    directServices: {
      emergency: r.timeframes.includes('emergency'),
      transitional: r.timeframes.includes('transitional'),
      longTerm: r.timeframes.includes('long_term'),
      social: r.needs.includes('social'),
      legal: r.needs.includes('legal'),
    },
    indirectOfferings: {
      volunteering: r.indirectOfferings.includes('volunteering'),
      information: r.indirectOfferings.includes('information'),
      training: r.indirectOfferings.includes('training'),
      technicalAssistance: r.indirectOfferings.includes('technical_assistance'),
    },
  };
}
