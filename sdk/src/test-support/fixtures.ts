// Small, valid bodies for each endpoint; tests override only what they are about.
import type {
  DirectorySettings,
  ErrorBody,
  FacetsResponse,
  InternalOrganization,
  LawEnforcementProtocol,
  OrganizationList,
  PublicOrganization,
  SubmissionReceipt,
} from '../types.js';

export function organization(slug = 'maison-esperance', name = 'Maison Espérance'): PublicOrganization {
  return {
    slug,
    locale: 'fr',
    name,
    otherNames: [],
    description: 'Hébergement d’urgence',
    eligibility: null,
    fees: null,
    kind: 'ngo',
    role: 'direct',
    focusAreas: [],
    services: [],
    timeframes: ['emergency'],
    needs: ['social'],
    indirectOfferings: [],
    populations: [],
    ageRange: { min: 18, max: null },
    national: false,
    provinces: ['QC'],
    serviceAreas: [],
    locations: [],
    languages: [],
    phones: [],
    email: null,
    website: null,
    hours: { open24x7: true, schedule: [], notes: null },
    accessibility: null,
    lastVerified: '2025-01-15',
    updatedAt: '2025-01-15T12:00:00.000Z',
  };
}

export function page(data: OrganizationList['data'], page = 1, pageCount = 1, pageSize = 25): OrganizationList {
  return { data, meta: { page, pageSize, total: data.length * pageCount, pageCount } };
}

export const settings: DirectorySettings = {
  locale: 'en',
  hotline: {
    phone: '+1-833-900-1010',
    phoneDisplay: '1-833-900-1010',
    text: '233733',
    chatUrl: null,
    hours: '24 hours a day, 7 days a week',
    available24x7: true,
    languages: 'In more than 200 languages',
  },
  quickExitUrl: 'https://www.google.com/',
  disclaimer: 'Inclusion in this directory is not an endorsement.',
};

export const facets: FacetsResponse = {
  data: {
    province: [{ value: 'ON', label: 'Ontario', count: 3 }],
    focus: [],
    service: [],
    timeframe: [],
    need: [],
    population: [],
    language: [],
    role: [],
    type: [],
  },
  meta: { total: 3, locale: 'en' },
};

export const receipt: SubmissionReceipt = { data: { status: 'received', reference: 'APP-2025-0001' } };

export function errorBody(status: number, name: string, message: string, details: ErrorBody['error']['details'] = []): ErrorBody {
  return { error: { status, name, message, details } };
}

export function internalOrganization(slug = 'maison-esperance'): InternalOrganization {
  const { locations: _locations, ...rest } = organization(slug);
  return {
    ...rest,
    audience: 'internal',
    documentId: 'doc1',
    published: true,
    status: 'active',
    removalReason: null,
    removedAt: null,
    consent: { given: true, at: null, by: null },
    attestations: {
      survivorCentred: true,
      traumaInformed: true,
      nonDiscriminatory: true,
      clientSafety: true,
      dataProtection: true,
      goodStanding: true,
      regionalBestPractice: true,
      attestedAt: null,
    },
    lastVerifiedBy: null,
    nextReviewDue: null,
    locations: [],
    designatedContact: null,
    keyStaff: [],
    internalPhones: [],
    internalEmail: null,
    referralProtocol: null,
    capacityNotes: null,
    safetyNotes: 'Do not disclose',
    internalNotes: null,
    contactAttempts: [],
  };
}

export const protocol: LawEnforcementProtocol = {
  documentId: 'p1',
  agency: 'SPVM',
  agencyKind: 'municipal',
  province: 'QC',
  area: 'Montréal',
  capacityNotes: null,
  operationalNotes: null,
  protocol: 'Call the duty officer.',
  version: 1,
  lastReviewed: null,
  nextReviewDue: null,
  contacts: [],
};
