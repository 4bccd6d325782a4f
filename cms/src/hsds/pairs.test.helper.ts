/**
 * Test helper (not compiled, not a test): the public records of the demo fixtures, built by the
 * real allowlist mapper from database-shaped rows, without a database.
 */
import type { Locale } from '@referral-directory/sdk';
import { readFixtures, type Fixtures, type OrganizationFixture } from '../operations/fixtures';
import { serviceComponents, toPublicOrganization } from '../directory/mapper';
import type { OrganizationRow, TermRow } from '../directory/rows';
import type { Pair } from './mapper';

export const isPublic = (o: OrganizationFixture) => o.state.listingStatus === 'active' && o.state.publicConsent && o.state.published;

export function rowOf(o: OrganizationFixture, f: Fixtures, locale: Locale): OrganizationRow {
  const terms = (key: keyof Fixtures['taxonomies'], codes: string[]): TermRow[] =>
    codes.map((code) => {
      const i = f.taxonomies[key].findIndex((t) => t.code === code);
      const t = f.taxonomies[key][i]!;
      return { id: i + 1, documentId: `${key}-${code}`, code, labelEn: t.labelEn, labelFr: t.labelFr, sortOrder: i };
    });
  const text = o[locale];
  return {
    id: 1,
    documentId: o.externalId,
    locale,
    publishedAt: '2026-01-15T12:00:00.000Z',
    updatedAt: '2026-01-15T12:00:00.000Z',
    name: text.name,
    otherNames: text.otherNames.join('\n'),
    description: text.description,
    eligibility: text.eligibility,
    fees: text.fees,
    hoursNotes: text.hoursNotes,
    accessibility: text.accessibility,
    slug: o.slug,
    kind: o.kind as OrganizationRow['kind'],
    role: o.role as OrganizationRow['role'],
    focusAreas: terms('focusAreas', o.focusAreas),
    services: terms('services', o.services),
    populations: terms('populations', o.populations),
    languages: terms('languages', o.languages),
    ...serviceComponents(o),
    ageMin: o.ageMin,
    ageMax: o.ageMax,
    national: o.national,
    serviceAreas: o.serviceAreas.map((a) => ({ province: a.province, regions: a.regions.join('\n') })) as OrganizationRow['serviceAreas'],
    locations: o.locations as OrganizationRow['locations'],
    phones: o.phones as OrganizationRow['phones'],
    email: o.email,
    website: o.website,
    open24x7: o.open24x7,
    openingHours: o.openingHours as OrganizationRow['openingHours'],
    designatedContact: o.internal.designatedContact,
    keyStaff: o.internal.keyStaff,
    internalPhones: o.internal.internalPhones as OrganizationRow['internalPhones'],
    internalEmail: o.internal.internalEmail,
    referralProtocol: o.internal.referralProtocol,
    capacityNotes: o.internal.capacityNotes,
    safetyNotes: o.internal.safetyNotes,
    internalNotes: o.internal.internalNotes,
    listingStatus: o.state.listingStatus as OrganizationRow['listingStatus'],
    removalReason: null,
    removedAt: null,
    statusNote: o.state.statusNote,
    publicConsent: o.state.publicConsent,
    consentAt: o.state.consentAt,
    consentBy: o.state.consentBy,
    attestations: o.state.attestations,
    lastVerifiedAt: o.state.lastVerifiedAt,
    lastVerifiedBy: o.state.lastVerifiedBy,
    nextReviewDue: o.state.nextReviewDue,
    contactAttempts: o.state.contactAttempts,
  };
}

export function pairOfFixture(o: OrganizationFixture, f: Fixtures): Pair {
  return {
    en: { ...toPublicOrganization(rowOf(o, f, 'en'), 'en'), locale: 'en' },
    fr: { ...toPublicOrganization(rowOf(o, f, 'fr'), 'fr'), locale: 'fr' },
  };
}

export function fixturePairs(): { fixtures: Fixtures; pairs: Pair[] } {
  const fixtures = readFixtures();
  return { fixtures, pairs: fixtures.organizations.filter(isPublic).map((o) => pairOfFixture(o, fixtures)) };
}
