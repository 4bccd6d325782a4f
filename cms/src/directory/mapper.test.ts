import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROVINCES } from '@referral-directory/sdk';
import { PUBLIC_ORGANIZATION_FIELDS, serviceAreasOf, toPublicOrganization } from './mapper';
import type { OrganizationRow } from './rows';

/** Every key the public type declares, by path; arrays are entered with []. */
const PUBLIC_KEYS = new Set([
  'slug',
  'locale',
  'name',
  'otherNames',
  'otherNames[]',
  'description',
  'eligibility',
  'fees',
  'kind',
  'role',
  'focusAreas',
  'focusAreas[]',
  'focusAreas[].code',
  'focusAreas[].label',
  'services',
  'services[]',
  'services[].code',
  'services[].label',
  'timeframes',
  'timeframes[]',
  'needs',
  'needs[]',
  'indirectOfferings',
  'indirectOfferings[]',
  'populations',
  'populations[]',
  'populations[].code',
  'populations[].label',
  'ageRange',
  'ageRange.min',
  'ageRange.max',
  'national',
  'provinces',
  'provinces[]',
  'serviceAreas',
  'serviceAreas[]',
  'serviceAreas[].province',
  'serviceAreas[].regions',
  'serviceAreas[].regions[]',
  'locations',
  'locations[]',
  'locations[].name',
  'locations[].street',
  'locations[].city',
  'locations[].province',
  'locations[].postalCode',
  'locations[].confidential',
  'languages',
  'languages[]',
  'languages[].code',
  'languages[].label',
  'phones',
  'phones[]',
  'phones[].type',
  'phones[].number',
  'phones[].extension',
  'phones[].label',
  'email',
  'website',
  'hours',
  'hours.open24x7',
  'hours.schedule',
  'hours.schedule[]',
  'hours.schedule[].day',
  'hours.schedule[].opens',
  'hours.schedule[].closes',
  'hours.notes',
  'accessibility',
  'lastVerified',
  'updatedAt',
]);

function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v) => paths(v, `${prefix}[]`))];
  if (value && typeof value === 'object') {
    return [...(prefix ? [prefix] : []), ...Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k))];
  }
  return prefix ? [prefix] : [];
}

const text = fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }));
const province = fc.constantFrom(...PROVINCES);
const term = fc.record({
  id: fc.nat(),
  documentId: fc.string(),
  code: fc.string({ minLength: 1, maxLength: 8 }),
  labelEn: fc.string(),
  labelFr: fc.string(),
  sortOrder: fc.nat(),
  secret: fc.string(),
});
const phone = fc.record({
  type: fc.constantFrom('voice', 'crisis'),
  number: fc.string(),
  extension: text,
  labelEn: text,
  labelFr: text,
  internalOnly: fc.string(),
});
const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string());

// The arbitrary rows carry fields no OrganizationRow has (a gate code, a field added tomorrow), so
// the tests below cast them: the mapper must ignore whatever it was not told to publish.
const row = fc
  .record({
    id: fc.nat(),
    documentId: fc.string(),
    locale: fc.constantFrom('en', 'fr'),
    publishedAt: fc.constant('2026-01-01T00:00:00.000Z'),
    updatedAt: fc.constant('2026-01-01T00:00:00.000Z'),
    name: fc.string(),
    otherNames: text,
    description: text,
    eligibility: text,
    fees: text,
    hoursNotes: text,
    accessibility: text,
    slug: fc.string(),
    kind: fc.constantFrom('ngo', 'network'),
    role: fc.constantFrom('direct', 'indirect'),
    focusAreas: fc.array(term, { maxLength: 3 }),
    services: fc.array(term, { maxLength: 3 }),
    populations: fc.array(term, { maxLength: 3 }),
    languages: fc.array(term, { maxLength: 3 }),
    directServices: fc.record({
      emergency: fc.boolean(),
      transitional: fc.boolean(),
      longTerm: fc.boolean(),
      social: fc.boolean(),
      legal: fc.boolean(),
    }),
    indirectOfferings: fc.record({
      volunteering: fc.boolean(),
      information: fc.boolean(),
      training: fc.boolean(),
      technicalAssistance: fc.boolean(),
    }),
    ageMin: fc.oneof(fc.constant(null), fc.nat(99)),
    ageMax: fc.oneof(fc.constant(null), fc.nat(99)),
    national: fc.boolean(),
    serviceAreas: fc.array(fc.record({ province, regions: text }), { maxLength: 3 }),
    locations: fc.array(
      fc.record({
        name: text,
        street: text,
        city: fc.string(),
        province,
        postalCode: text,
        confidential: fc.boolean(),
        gateCode: fc.string(),
      }),
      { maxLength: 3 },
    ),
    phones: fc.array(phone, { maxLength: 3 }),
    email: text,
    website: text,
    open24x7: fc.boolean(),
    openingHours: fc.array(fc.record({ day: fc.constantFrom('mon', 'sun'), opens: fc.constant('09:00'), closes: fc.constant('17:00') }), {
      maxLength: 2,
    }),
    designatedContact: fc.record({ name: fc.string(), title: text, email: text, phone: text }),
    internalNotes: fc.string(),
    capacityNotes: fc.string(),
    listingStatus: fc.constant('active'),
    publicConsent: fc.constant(true),
    consentBy: fc.string(),
    lastVerifiedAt: fc.constant('2026-05-01'),
    // A field added to the database tomorrow: private until someone maps it on purpose.
    newField: fc.string(),
  })
  .chain((r) => extra.map((e) => ({ ...e, ...r })));

test('the mapper never outputs a key outside the public type', () => {
  fc.assert(
    fc.property(row, fc.constantFrom('en' as const, 'fr' as const), (r, locale) => {
      const out = toPublicOrganization(r as unknown as OrganizationRow, locale);
      for (const p of paths(out)) assert.ok(PUBLIC_KEYS.has(p), `unexpected key ${p}`);
    }),
    { numRuns: 300 },
  );
});

test('the mapper reads no stored field outside PUBLIC_ORGANIZATION_FIELDS (the one list of what is public)', () => {
  // Version metadata is not content: it dates the record, whatever its fields hold.
  const allowed = new Set<string>([...PUBLIC_ORGANIZATION_FIELDS, 'publishedAt', 'updatedAt']);
  fc.assert(
    fc.property(row, fc.constantFrom('en' as const, 'fr' as const), (r, locale) => {
      const read = new Set<string>();
      const watched = new Proxy(r, {
        get: (target, key, receiver) => {
          if (typeof key === 'string') read.add(key);
          return Reflect.get(target, key, receiver);
        },
      });
      toPublicOrganization(watched as unknown as OrganizationRow, locale);
      for (const key of read) assert.ok(allowed.has(key), `the mapper reads ${key}, which PUBLIC_ORGANIZATION_FIELDS does not list`);
    }),
    { numRuns: 100 },
  );
});

test('a confidential location keeps only its city and province', () => {
  fc.assert(
    fc.property(row, (r) => {
      const out = toPublicOrganization(r as unknown as OrganizationRow, 'en');
      out.locations.forEach((l, i) => {
        if (!l.confidential) return;
        assert.equal(l.street, null);
        assert.equal(l.postalCode, null);
        assert.equal(l.name, null);
        assert.equal(l.city, (r.locations[i] as { city: string }).city);
      });
    }),
    { numRuns: 200 },
  );
});

test("regions read in the profile's language, French falling back to the English names left untranslated", () => {
  // A partial row (cast): serviceAreasOf reads only its service areas.
  const row = {
    serviceAreas: [
      { province: 'AB', regions: 'Northern Alberta\nEdmonton', regionsFr: 'Nord de l’Alberta\nEdmonton' },
      { province: 'BC', regions: 'Metro Vancouver', regionsFr: null },
    ],
  } as unknown as OrganizationRow;
  assert.deepEqual(serviceAreasOf(row, 'fr'), [
    { province: 'AB', regions: ['Nord de l’Alberta', 'Edmonton'] },
    { province: 'BC', regions: ['Metro Vancouver'] },
  ]);
  assert.deepEqual(serviceAreasOf(row, 'en')[0], { province: 'AB', regions: ['Northern Alberta', 'Edmonton'] });
});
