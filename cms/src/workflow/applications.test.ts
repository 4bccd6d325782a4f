import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationProblems, draftOrganizationFrom, isApproval, linkedAfterWrite, provincesProblems } from './applications';

const app = {
  reference: 'APP-DEMO-001',
  locale: 'fr',
  organizationName: 'Refuge Colibri du Centre-du-Québec',
  kind: 'ngo',
  role: 'direct',
  provinces: ['QC', 'ON', 'QC', 'XX'],
  description: 'Maison d’hébergement de 10 places.',
  services: 'Hébergement, accompagnement.',
  website: 'https://refuge-colibri.example.org',
  email: 'direction@refuge-colibri.example.org',
  phone: '+1-819-555-0140',
  contact: {
    name: 'Martine Lapointe',
    title: 'Directrice générale',
    email: 'm.lapointe@refuge-colibri.example.org',
    phone: '+1-819-555-0141',
  },
  attestations: {
    survivorCentred: true,
    traumaInformed: true,
    nonDiscriminatory: true,
    clientSafety: true,
    dataProtection: false,
    goodStanding: true,
    regionalBestPractice: true,
    attestedAt: '2026-10-01',
  },
  createdAt: '2026-10-01T12:00:00.000Z',
};

test('declining requires a reason; other statuses do not', () => {
  assert.deepEqual(applicationProblems('declined', ''), [
    {
      path: 'declineReason',
      message: {
        en: 'Indicate why the application is declined: “Reason declined” is required to decline an application.',
        fr: 'Indiquez le motif du refus : « Motif du refus » est obligatoire pour refuser une demande.',
      },
    },
  ]);
  assert.deepEqual(applicationProblems('declined', 'Does not meet the criteria.'), []);
  assert.deepEqual(applicationProblems('in_review', null), []);
});

test('approval is the move to approved, not a save of an approved application', () => {
  assert.equal(isApproval('in_review', 'approved'), true);
  assert.equal(isApproval(undefined, 'approved'), true);
  assert.equal(isApproval('approved', 'approved'), false);
  assert.equal(isApproval('in_review', 'declined'), false);
});

test('the link after a write is read from every relation format', () => {
  assert.equal(linkedAfterWrite(undefined, false, true), true);
  assert.equal(linkedAfterWrite('abc123', true, false), true);
  assert.equal(linkedAfterWrite(null, true, true), false);
  assert.equal(linkedAfterWrite({ connect: [], disconnect: [] }, true, false), false);
  assert.equal(linkedAfterWrite({ connect: [], disconnect: [] }, true, true), true);
  assert.equal(linkedAfterWrite({ connect: [{ documentId: 'x' }], disconnect: [] }, true, false), true);
  assert.equal(linkedAfterWrite({ connect: [], disconnect: [{ id: 4 }] }, true, true), false);
  assert.equal(linkedAfterWrite({ set: [] }, true, true), false);
});

test('the draft organization is pre-filled from the application, internal and not public', () => {
  const d = draftOrganizationFrom(app, { slug: 'refuge-colibri', today: '2026-11-29' });
  assert.equal(d.locale, 'fr');
  assert.equal(d.otherLocale, 'en');
  assert.deepEqual(d.localized, { name: app.organizationName, description: app.description });
  assert.equal(d.shared.slug, 'refuge-colibri');
  assert.equal(d.shared.kind, 'ngo');
  assert.equal(d.shared.role, 'direct');
  assert.deepEqual(d.shared.serviceAreas, [
    { province: 'QC', regions: null },
    { province: 'ON', regions: null },
  ]);
  assert.deepEqual(d.shared.phones, [{ type: 'voice', number: '+1-819-555-0140' }]);
  assert.equal(d.shared.website, app.website);
  assert.equal(d.shared.email, app.email);
  assert.deepEqual(d.shared.designatedContact, app.contact);
  assert.deepEqual(d.shared.attestations, { ...app.attestations });
  assert.equal(d.shared.listingStatus, 'under_review');
  assert.equal(d.shared.publicConsent, false);
  assert.match(String(d.shared.internalNotes), /APP-DEMO-001/);
});

test('missing attestation dates fall back to the submission day', () => {
  const d = draftOrganizationFrom(
    { ...app, locale: 'en', attestations: { survivorCentred: true }, phone: null },
    { slug: 's', today: '2026-11-29' },
  );
  assert.equal(d.locale, 'en');
  assert.deepEqual(d.shared.phones, []);
  assert.equal((d.shared.attestations as Record<string, unknown>).attestedAt, '2026-10-01');
  assert.equal((d.shared.attestations as Record<string, unknown>).traumaInformed, false);
});

test("an editor's provinces are known codes, each once; an empty field is fine", () => {
  assert.deepEqual(provincesProblems(['QC', 'ON']), []);
  assert.deepEqual(provincesProblems(null), []);
  for (const bad of [['QC', 'QC'], ['Quebec'], 'QC', { QC: true }]) {
    assert.deepEqual(
      provincesProblems(bad).map((p) => p.path),
      ['provinces'],
      JSON.stringify(bad),
    );
  }
});
