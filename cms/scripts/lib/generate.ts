/**
 * Synthetic organizations for load tests: deterministic (seeded PRNG), bilingual, with accents,
 * spread over every province, kind and role. About 90 % are public; the rest exercise the rules.
 */
import { PROVINCES, ORGANIZATION_KINDS, TIMEFRAMES, NEEDS, INDIRECT_OFFERINGS, type Province } from '@referral-directory/sdk';
import type { OrganizationFixture, Taxonomies } from '../../src/operations/fixtures';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: Record<Province, string[]> = {
  AB: ['Calgary', 'Edmonton', 'Red Deer', 'Lethbridge'],
  BC: ['Vancouver', 'Victoria', 'Kelowna', 'Prince George'],
  MB: ['Winnipeg', 'Brandon', 'Thompson'],
  NB: ['Moncton', 'Fredericton', 'Saint John', 'Edmundston'],
  NL: ["St. John's", 'Corner Brook', 'Gander'],
  NS: ['Halifax', 'Sydney', 'Truro'],
  NT: ['Yellowknife', 'Inuvik'],
  NU: ['Iqaluit', 'Rankin Inlet'],
  ON: ['Toronto', 'Ottawa', 'Hamilton', 'Thunder Bay', 'Sudbury', 'London'],
  PE: ['Charlottetown', 'Summerside'],
  QC: ['Montréal', 'Québec', 'Trois-Rivières', 'Sherbrooke', 'Saint-Jérôme', 'Gatineau'],
  SK: ['Regina', 'Saskatoon', 'Prince Albert'],
  YT: ['Whitehorse', 'Dawson City'],
};
const NOUNS_EN = ['House', 'Centre', 'Network', 'Collective', 'Alliance', 'Services', 'Place', 'Circle'];
const NOUNS_FR = ['Maison', 'Centre', 'Réseau', 'Collectif', 'Alliance', 'Services', 'Carrefour', 'Cercle'];
const ADJ_EN = ['Harbour', 'Northern Light', 'Safe Passage', 'Cedar', 'Aurora', 'Beacon', 'Willow', 'Riverbend', 'Élan', 'Horizon'];
const ADJ_FR = ['du Havre', 'Lumière du Nord', 'Passage sûr', 'du Cèdre', 'Aurore', 'Phare', 'du Saule', 'Méandre', 'Élan', 'Horizon'];

/** The seeded draws one generation makes: a number, one of a list, a few of a list. */
interface Draws {
  rand: () => number;
  pick: <T>(list: readonly T[]) => T;
  some: <T>(list: readonly T[], max: number) => T[];
}

function draws(seed: number): Draws {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rand() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  return { rand, pick, some };
}

/** What one record's texts are made of: its number, city, name parts and services. */
interface Naming {
  n: string;
  city: string;
  adj: number;
  noun: number;
  services: string[];
}

// Each step draws in the order the record's fields are written: the same seed gives the same records.
function englishTexts({ rand }: Draws, { n, city, adj, noun, services }: Naming): OrganizationFixture['en'] {
  return {
    name: `${ADJ_EN[adj]} ${NOUNS_EN[noun]} ${city} ${n}`,
    otherNames: [],
    description: `Synthetic record ${n}: support for survivors in ${city}, including ${services.join(', ').replace(/_/g, ' ')}.`,
    eligibility: rand() < 0.5 ? 'Adults 18 and over.' : null,
    fees: 'Free of charge.',
    hoursNotes: null,
    accessibility: rand() < 0.5 ? 'Wheelchair accessible.' : null,
  };
}

function frenchTexts({ rand }: Draws, { n, city, adj, noun }: Naming): OrganizationFixture['fr'] {
  return {
    name: `${NOUNS_FR[noun]} ${ADJ_FR[adj]} ${city} ${n}`,
    otherNames: [],
    description: `Fiche synthétique ${n} : soutien aux survivantes et survivants à ${city}, santé et hébergement.`,
    eligibility: rand() < 0.5 ? 'Personnes de 18 ans et plus.' : null,
    fees: 'Gratuit.',
    hoursNotes: null,
    accessibility: rand() < 0.5 ? 'Accessible en fauteuil roulant.' : null,
  };
}

/** The private part: the same designated contact, protocol and empty notes for every record. */
function internalPart(n: string, phone: string): OrganizationFixture['internal'] {
  return {
    designatedContact: { name: `Contact ${n}`, title: 'Coordinator', email: `designated-${n}@example.org`, phone },
    keyStaff: [],
    internalPhones: [],
    internalEmail: `internal-${n}@example.org`,
    referralProtocol: {
      warmTransfer: true,
      conferenceCall: false,
      byPhone: true,
      byChat: false,
      byEmail: true,
      intakeHours: null,
      afterHours: null,
      eligibilityNotes: null,
    },
    capacityNotes: null,
    safetyNotes: null,
    internalNotes: null,
  };
}

/** The listing state: a public record is active, published and consented; the others vary. */
function listingState({ rand, pick }: Draws, isPublic: boolean): OrganizationFixture['state'] {
  const listingStatus = isPublic ? 'active' : pick(['applicant', 'under_review', 'suspended', 'removed', 'active']);
  return {
    listingStatus,
    published: isPublic || rand() < 0.5,
    publicConsent: isPublic || rand() < 0.5,
    consentAt: null,
    consentBy: null,
    // Removal and suspension both need a reason (src/workflow/removal.ts).
    removalReason: listingStatus === 'removed' || listingStatus === 'suspended' ? 'organization_request' : null,
    removedAt: null,
    statusNote: null,
    attestations: null,
    lastVerifiedAt: '2026-06-01',
    lastVerifiedBy: 'Synthetic',
    nextReviewDue: '2027-06-01',
    contactAttempts: [],
  };
}

/** Organization i (0-based) of a generation. */
function organization(d: Draws, t: Taxonomies, i: number): OrganizationFixture {
  const { rand, pick, some } = d;
  const n = String(i + 1).padStart(6, '0');
  const province = PROVINCES[i % PROVINCES.length] as Province;
  const city = pick(CITIES[province]);
  const adj = Math.floor(rand() * ADJ_EN.length);
  const noun = Math.floor(rand() * NOUNS_EN.length);
  const role = rand() < 0.75 ? 'direct' : 'indirect';
  const isPublic = rand() < 0.9;
  const services = some(
    t.services.map((x) => x.code),
    3,
  );
  const naming: Naming = { n, city, adj, noun, services };
  const area = String(200 + (i % 700)).padStart(3, '0');
  const phone = `+1-${area}-555-${String(100 + (i % 900)).padStart(4, '0')}`;
  return {
    externalId: `synthetic-${n}`,
    slug: `synthetic-${n}`,
    kind: ORGANIZATION_KINDS[i % ORGANIZATION_KINDS.length] as string,
    role,
    en: englishTexts(d, naming),
    fr: frenchTexts(d, naming),
    focusAreas: some(
      t.focusAreas.map((x) => x.code),
      2,
    ),
    services,
    populations: some(
      t.populations.map((x) => x.code),
      2,
    ),
    languages: [
      'en',
      ...(province === 'QC' || province === 'NB' ? ['fr'] : []),
      ...some(
        t.languages.map((x) => x.code),
        2,
      ),
    ].filter((v, k, a) => a.indexOf(v) === k),
    timeframes: role === 'direct' ? some(TIMEFRAMES, 2) : [],
    needs: role === 'direct' ? some(NEEDS, 2) : [],
    indirectOfferings: role === 'indirect' ? some(INDIRECT_OFFERINGS, 2) : [],
    ageMin: rand() < 0.3 ? 12 : 18,
    ageMax: null,
    national: i % 97 === 0,
    serviceAreas: [{ province, regions: [city], regionsFr: [city] }],
    locations: [{ name: null, street: `${100 + (i % 8000)} Example Street`, city, province, postalCode: null, confidential: rand() < 0.2 }],
    phones: [{ type: rand() < 0.2 ? 'crisis' : 'voice', number: phone, extension: null, labelEn: null, labelFr: null }],
    email: `contact-${n}@example.org`,
    website: `https://org-${n}.example.org`,
    open24x7: rand() < 0.2,
    openingHours: [{ day: 'mon', opens: '09:00', closes: '17:00' }],
    internal: internalPart(n, phone),
    state: listingState(d, isPublic),
  };
}

export function generateOrganizations(count: number, t: Taxonomies, seed = 20261129): OrganizationFixture[] {
  const d = draws(seed);
  return Array.from({ length: count }, (_, i) => organization(d, t, i));
}
