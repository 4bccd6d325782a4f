import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { seed } from '../../src/operations/seed';
import { APPLICATION, CONFIDENTIAL_TYPES, DIRECTORY_TYPES, ORGANIZATION, PROTOCOL, SUGGESTION } from '../../src/content-types';

const COUNTED = [...DIRECTORY_TYPES] as const;

async function counts(server: TestServer): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const uid of COUNTED) out[uid] = await server.strapi.db.query(uid).count({});
  return out;
}

describe('the cms foundation', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  test('every content type of the domain exists with its fields', () => {
    const expected: Record<string, string[]> = {
      'api::organization.organization': [
        'name',
        'otherNames',
        'description',
        'eligibility',
        'fees',
        'hoursNotes',
        'slug',
        'kind',
        'role',
        'focusAreas',
        'services',
        'directServices',
        'indirectOfferings',
        'populations',
        'ageMin',
        'ageMax',
        'national',
        'serviceAreas',
        'locations',
        'languages',
        'phones',
        'email',
        'website',
        'open24x7',
        'openingHours',
        'accessibility',
        'designatedContact',
        'keyStaff',
        'internalPhones',
        'internalEmail',
        'referralProtocol',
        'capacityNotes',
        'safetyNotes',
        'internalNotes',
        'listingStatus',
        'removalReason',
        'removedAt',
        'publicConsent',
        'consentAt',
        'consentBy',
        'attestations',
        'lastVerifiedAt',
        'lastVerifiedBy',
        'nextReviewDue',
        'contactAttempts',
      ],
      'api::law-enforcement-protocol.law-enforcement-protocol': [
        'agency',
        'agencyKind',
        'province',
        'area',
        'capacityNotes',
        'operationalNotes',
        'protocol',
        'version',
        'lastReviewedAt',
        'contacts',
      ],
      'api::application.application': ['reviewStatus', 'organizationName', 'contact', 'attestations', 'organization'],
      'api::suggestion.suggestion': ['organization', 'message', 'reviewStatus'],
      'api::referral-outcome.referral-outcome': ['organization', 'date', 'mode', 'outcome'],
      'api::directory-setting.directory-setting': ['hotlinePhone', 'hotlineHours', 'quickExitUrl', 'disclaimer'],
      'api::focus-area.focus-area': ['code', 'labelEn', 'labelFr'],
      'api::service-category.service-category': ['code', 'labelEn', 'labelFr'],
      'api::population.population': ['code', 'labelEn', 'labelFr'],
      'api::language.language': ['code', 'labelEn', 'labelFr'],
    };
    for (const [uid, fields] of Object.entries(expected)) {
      const ct = server.strapi.contentTypes[uid as keyof typeof server.strapi.contentTypes];
      assert.ok(ct, `${uid} exists`);
      for (const f of fields) assert.ok(f in ct.attributes, `${uid} has ${f}`);
    }
    for (const uid of [APPLICATION, SUGGESTION] as const) {
      // Strapi 5 reserves `status` for draft & publish: its admin cannot show or edit an attribute of that name.
      assert.ok(!('status' in server.strapi.contentTypes[uid]!.attributes), `${uid} has no attribute named status`);
    }
    const org = server.strapi.contentTypes[ORGANIZATION]!;
    const localized = (f: keyof typeof org.attributes) =>
      (org.attributes[f] as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized;
    assert.equal(localized('name'), true);
    assert.equal(localized('description'), true);
    assert.equal(localized('internalNotes'), false);
    assert.equal(localized('slug'), false);
  });

  test('the i18n locales are English (default) and French', async () => {
    const locales = await server.strapi.plugin('i18n').service('locales').find();
    assert.deepEqual(locales.map((l: { code: string }) => l.code).sort(), ['en', 'fr']);
    assert.equal(await server.strapi.plugin('i18n').service('locales').getDefaultLocale(), 'en');
  });

  test('the demo fixtures seed without a rejected record', () => {
    assert.deepEqual(server.seedReport?.rejected, []);
    assert.ok(server.fixtures.organizations.length >= 40);
  });

  test('seeding twice leaves every count unchanged', async () => {
    const before = await counts(server);
    const report = await seed(server.strapi, server.fixtures);
    const after = await counts(server);
    assert.equal(report.created, 0);
    assert.deepEqual(after, before);
    // Both locales and both publication states exist where the fixtures say so.
    const published = server.fixtures.organizations.filter((o) => o.state.published).length;
    const rows = await server.strapi.db.query(ORGANIZATION).count({ where: { publishedAt: { $notNull: true } } });
    assert.equal(rows, published * 2);
  });

  test('an invalid fixture record is rejected by name and field, and nothing is written for it', async () => {
    const good = server.fixtures.organizations[0]!;
    const bad = { ...structuredClone(good), externalId: 'demo-invalid', slug: 'demo-invalid', kind: 'spaceship' };
    const report = await seed(server.strapi, { ...server.fixtures, organizations: [bad] });
    assert.deepEqual(report.rejected, [
      {
        record: 'organization demo-invalid',
        field: 'kind',
        message: 'must be one of ngo, law_enforcement, government_agency, coalition, network, other_allied',
      },
    ]);
    const written = await server.strapi.db.query(ORGANIZATION).count({ where: { externalId: 'demo-invalid' } });
    assert.equal(written, 0);
  });

  test('the admin roles exist: editors create, edit and publish; hotline staff only read', async () => {
    const perms = async (code: string) => {
      const role = await server.strapi.db.query('admin::role').findOne({ where: { code } });
      assert.ok(role, `role ${code} exists`);
      const list: Array<{ action: string; subject: string }> = await server.strapi.db
        .query('admin::permission')
        .findMany({ where: { role: role.id } });
      return new Set(list.map((p) => `${p.action.replace('plugin::content-manager.explorer.', '')} ${p.subject}`));
    };
    const editor = await perms('directory-editor');
    const staff = await perms('hotline-staff');
    for (const uid of [ORGANIZATION, PROTOCOL, APPLICATION, SUGGESTION]) {
      for (const a of ['create', 'read', 'update', 'publish']) assert.ok(editor.has(`${a} ${uid}`), `editor can ${a} ${uid}`);
      assert.ok(staff.has(`read ${uid}`), `staff can read ${uid}`);
    }
    // Besides reading, both roles use the referral console (src/console/permissions.ts), whose one write is an outcome.
    const consoleActions = ['api::referral-console.read null', 'api::referral-console.record-outcome null'];
    for (const a of consoleActions) assert.ok(staff.has(a) && editor.has(a), `both roles hold ${a}`);
    const content = [...staff].filter((p) => !consoleActions.includes(p));
    assert.ok(
      content.every((p) => p.startsWith('read ')),
      `staff only reads: ${content.filter((p) => !p.startsWith('read '))}`,
    );
  });

  test('the Public role reads and writes nothing confidential through any stock REST route', async () => {
    for (const uid of CONFIDENTIAL_TYPES) {
      const ct = server.strapi.contentTypes[uid];
      const plural = ct!.info.pluralName;
      const any = await server.strapi.db.query(uid).findOne({});
      const paths = [`/api/${plural}`, `/api/${plural}?populate=*`, `/api/${plural}/${any?.documentId ?? 'x'}`];
      for (const p of paths) {
        const res = await server.get(p);
        assert.ok([403, 404].includes(res.status), `${p} → ${res.status}`);
        const text = await res.text();
        if (any?.documentId) assert.ok(!text.includes(any.documentId), `${p} does not echo a record`);
      }
      const post = await server.post(`/api/${plural}`, { data: { name: 'x' } });
      assert.ok([403, 404, 405].includes(post.status), `POST /api/${plural} → ${post.status}`);
    }
  });
});
