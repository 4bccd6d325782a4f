import type { PublicOrganization } from '@referral-directory/sdk';

/** A public organization for the catalog's unit tests: empty but valid, with what a test sets. */
export function org(slug: string, over: Partial<PublicOrganization>): PublicOrganization {
  return {
    slug,
    locale: 'en',
    name: slug,
    otherNames: [],
    description: '',
    eligibility: null,
    fees: null,
    kind: 'ngo',
    role: 'direct',
    focusAreas: [],
    services: [],
    timeframes: [],
    needs: [],
    indirectOfferings: [],
    populations: [],
    ageRange: { min: null, max: null },
    national: false,
    provinces: [],
    serviceAreas: [],
    locations: [],
    languages: [],
    phones: [],
    email: null,
    website: null,
    hours: { open24x7: false, schedule: [], notes: null },
    accessibility: null,
    lastVerified: null,
    updatedAt: '',
    ...over,
  };
}
