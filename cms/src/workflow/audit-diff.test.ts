import { test } from 'node:test';
import assert from 'node:assert/strict';
import orgSchema from '../api/organization/content-types/organization/schema.json';
import protocolSchema from '../api/law-enforcement-protocol/content-types/law-enforcement-protocol/schema.json';
import { toPublicOrganization } from '../directory/mapper';
import type { OrganizationRow } from '../directory/rows';
import { NO_PUBLIC_FIELDS, PUBLIC_ORGANIZATION_FIELDS } from './audit-fields';
import { attributesOf, diffVersions, type Row } from './audit-diff';

const ORG = attributesOf(orgSchema);
const term = (code: string) => ({ id: 1, documentId: `doc-${code}`, code, labelEn: code, labelFr: code, sortOrder: 0 });

const base = (): Row => ({
  id: 1,
  documentId: 'd1',
  locale: 'en',
  publishedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  name: 'Maison',
  otherNames: null,
  description: 'Shelter',
  eligibility: null,
  fees: null,
  hoursNotes: null,
  accessibility: null,
  slug: 'maison',
  kind: 'ngo',
  role: 'direct',
  focusAreas: [],
  services: [],
  populations: [],
  languages: [],
  directServices: { emergency: false, transitional: false, longTerm: false, social: false, legal: false },
  indirectOfferings: { volunteering: false, information: false, training: false, technicalAssistance: false },
  ageMin: null,
  ageMax: null,
  national: false,
  serviceAreas: [],
  phones: [],
  email: null,
  website: null,
  open24x7: false,
  openingHours: [],
  locations: [{ id: 9, name: 'Site', street: '1 Main St', city: 'Ottawa', province: 'ON', postalCode: 'K1A 0A1', confidential: false }],
  designatedContact: null,
  keyStaff: [],
  internalPhones: [],
  internalEmail: null,
  referralProtocol: null,
  capacityNotes: null,
  safetyNotes: null,
  internalNotes: null,
  listingStatus: 'active',
  publicConsent: true,
  lastVerifiedAt: '2026-01-01',
  contactAttempts: [],
});

/** One mutation per public field, each something the public directory would show. */
const MUTATIONS: Record<string, (r: Row) => void> = {
  name: (r) => {
    r.name = 'Other';
  },
  otherNames: (r) => {
    r.otherNames = 'Alias';
  },
  description: (r) => {
    r.description = 'Changed';
  },
  eligibility: (r) => {
    r.eligibility = 'Adults';
  },
  fees: (r) => {
    r.fees = 'Free';
  },
  hoursNotes: (r) => {
    r.hoursNotes = 'Closed Mondays';
  },
  accessibility: (r) => {
    r.accessibility = 'Ramp';
  },
  slug: (r) => {
    r.slug = 'maison-2';
  },
  kind: (r) => {
    r.kind = 'network';
  },
  role: (r) => {
    r.role = 'indirect';
  },
  focusAreas: (r) => {
    r.focusAreas = [term('labour')];
  },
  services: (r) => {
    r.services = [term('shelter')];
  },
  populations: (r) => {
    r.populations = [term('youth')];
  },
  languages: (r) => {
    r.languages = [term('fr')];
  },
  directServices: (r) => {
    r.directServices = { emergency: true, transitional: false, longTerm: false, social: false, legal: false };
  },
  indirectOfferings: (r) => {
    r.role = 'indirect';
    r.indirectOfferings = { volunteering: true, information: false, training: false, technicalAssistance: false };
  },
  ageMin: (r) => {
    r.ageMin = 18;
  },
  ageMax: (r) => {
    r.ageMax = 30;
  },
  national: (r) => {
    r.national = true;
  },
  serviceAreas: (r) => {
    r.serviceAreas = [{ province: 'QC', regions: null }];
  },
  locations: (r) => {
    r.locations = [{ name: 'Site', street: '1 Main St', city: 'Gatineau', province: 'QC', postalCode: null, confidential: false }];
  },
  phones: (r) => {
    r.phones = [{ type: 'voice', number: '+1-613-555-0100', extension: null, labelEn: null, labelFr: null }];
  },
  email: (r) => {
    r.email = 'info@example.org';
  },
  website: (r) => {
    r.website = 'https://example.org';
  },
  open24x7: (r) => {
    r.open24x7 = true;
  },
  openingHours: (r) => {
    r.openingHours = [{ day: 'mon', opens: '09:00', closes: '17:00' }];
  },
  lastVerifiedAt: (r) => {
    r.lastVerifiedAt = '2026-11-29';
  },
};

test('every field whose value the audit shows is one the public mapper publishes', () => {
  assert.deepEqual(Object.keys(MUTATIONS).sort(), Object.keys(PUBLIC_ORGANIZATION_FIELDS).sort());
  // Cast kept: the audit's rows are untyped stored versions; the mapper reads them as the projection does.
  const publicOf = (r: Row) => JSON.stringify(toPublicOrganization(r as unknown as OrganizationRow, 'en'));
  for (const [field, mutate] of Object.entries(MUTATIONS)) {
    const r = base();
    mutate(r);
    assert.notEqual(publicOf(r), publicOf(base()), `${field} reaches the public record`);
    assert.ok(field in ORG, `${field} is an organization attribute`);
  }
});

test('a confidential value never appears in the changes, only the name of its field', () => {
  const canary = 'CANARY-7f3';
  const before = base();
  const after = base();
  const confidential: string[] = [];
  for (const [field, info] of Object.entries(ORG)) {
    if (field in PUBLIC_ORGANIZATION_FIELDS) continue;
    confidential.push(field);
    after[field] =
      info.kind === 'scalar'
        ? `${canary}-${field}`
        : info.kind === 'component'
          ? { name: canary, notes: canary }
          : info.kind === 'components'
            ? [{ name: canary, at: '2026-11-01T00:00:00.000Z', outcome: 'no_answer', notes: canary }]
            : info.kind === 'boolean'
              ? !before[field]
              : info.kind === 'json'
                ? { canary }
                : [term(canary)];
  }
  after.locations = [{ id: 9, name: canary, street: canary, city: 'Ottawa', province: 'ON', postalCode: canary, confidential: true }];
  const changes = diffVersions(new Map([['en', before]]), new Map([['en', after]]), ORG, PUBLIC_ORGANIZATION_FIELDS);
  assert.ok(!JSON.stringify(changes).includes(canary), JSON.stringify(changes));
  for (const field of confidential)
    assert.ok(
      changes.some((c) => c.field === field && c.confidential),
      `${field} is reported as changed`,
    );
  const loc = changes.find((c) => c.field === 'locations');
  assert.deepEqual(loc?.to, [{ name: null, street: null, city: 'Ottawa', province: 'ON', postalCode: null, confidential: true }]);
});

test('a public field shows its old and new public value; taxonomies by code', () => {
  const after = { ...base(), name: 'Maison Aurore', focusAreas: [term('labour'), term('youth')] };
  const changes = diffVersions(new Map([['en', base()]]), new Map([['en', after]]), ORG, PUBLIC_ORGANIZATION_FIELDS);
  assert.deepEqual(changes, [
    { field: 'name', locale: 'en', confidential: false, from: 'Maison', to: 'Maison Aurore' },
    { field: 'focusAreas', confidential: false, from: [], to: ['labour', 'youth'] },
  ]);
});

test('a change of a confidential street alone is confidential, although locations are public', () => {
  const before = {
    ...base(),
    locations: [{ name: 'Safe', street: '1 Hidden Rd', city: 'Ottawa', province: 'ON', postalCode: null, confidential: true }],
  };
  const after = {
    ...base(),
    locations: [{ name: 'Safe', street: '9 Hidden Rd', city: 'Ottawa', province: 'ON', postalCode: null, confidential: true }],
  };
  assert.deepEqual(diffVersions(new Map([['en', before]]), new Map([['en', after]]), ORG, PUBLIC_ORGANIZATION_FIELDS), [
    { field: 'locations', confidential: true },
  ]);
});

test('a shared field synced to both locales is reported once; unchanged saves report nothing', () => {
  const fr = { ...base(), locale: 'fr', name: 'Maison FR' };
  const before = new Map([
    ['en', base()],
    ['fr', fr],
  ]);
  const after = new Map([
    ['en', { ...base(), internalNotes: 'x' }],
    ['fr', { ...fr, internalNotes: 'x' }],
  ]);
  assert.deepEqual(diffVersions(before, after, ORG, PUBLIC_ORGANIZATION_FIELDS), [{ field: 'internalNotes', confidential: true }]);
  assert.deepEqual(diffVersions(before, before, ORG, PUBLIC_ORGANIZATION_FIELDS), []);
});

test('a new locale reports its own texts, not the shared fields it inherits', () => {
  const fr = { ...base(), locale: 'fr', name: 'Maison FR', description: 'Refuge' };
  const changes = diffVersions(
    new Map([['en', base()]]),
    new Map([
      ['en', base()],
      ['fr', fr],
    ]),
    ORG,
    PUBLIC_ORGANIZATION_FIELDS,
  );
  assert.deepEqual(
    changes.map((c) => `${c.field}:${c.locale}`),
    ['name:fr', 'description:fr'],
  );
});

test('a created document lists only the fields it sets, and ids or component bookkeeping are not changes', () => {
  const changes = diffVersions(new Map(), new Map([['en', base()]]), ORG, PUBLIC_ORGANIZATION_FIELDS);
  const fields = changes.map((c) => c.field);
  assert.ok(fields.includes('name') && fields.includes('listingStatus') && fields.includes('locations'));
  assert.ok(!fields.includes('internalNotes') && !fields.includes('keyStaff') && !fields.includes('id'));
  const renumbered = { ...base(), locations: [{ ...(base().locations as Row[])[0], id: 99 }] };
  assert.deepEqual(diffVersions(new Map([['en', base()]]), new Map([['en', renumbered]]), ORG, PUBLIC_ORGANIZATION_FIELDS), []);
});

test('every protocol field is confidential', () => {
  const attrs = attributesOf(protocolSchema);
  const before = { agency: 'Lakeshore Police', protocol: 'Call A', contacts: [{ name: 'Sgt A', phone: '1' }], version: 1 };
  const after = { agency: 'Lakeshore Police', protocol: 'Call B', contacts: [{ name: 'Sgt B', phone: '2' }], version: 2 };
  const changes = diffVersions(new Map([['', before]]), new Map([['', after]]), attrs, NO_PUBLIC_FIELDS);
  assert.deepEqual(changes, [
    { field: 'protocol', confidential: true },
    { field: 'version', confidential: true },
    { field: 'contacts', confidential: true },
  ]);
});
