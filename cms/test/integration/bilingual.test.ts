/**
 * One bilingual record, through the admin's own API (the content-manager routes, with an editor's
 * JWT, as the admin UI calls them): an application becomes a draft in both locales, an edit in
 * one locale reaches the other, one publish publishes both, a half-translated record is refused
 * and never public, and refusals speak the editor's language.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublicOrganization } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { application, json } from '../expect';
import { adminFetch, adminUser, type AdminUser } from '../admin-users';
import { APPLICATION, FOCUS_AREA, LANGUAGE, ORGANIZATION as ORG, SERVICE_CATEGORY } from '../../src/content-types';

const CM = '/content-manager/collection-types';

type Row = Record<string, any>;

/** Every field of a public record that is not text: must be equal in both locales. */
const nonText = (o: PublicOrganization) => ({
  slug: o.slug,
  kind: o.kind,
  role: o.role,
  timeframes: o.timeframes,
  needs: o.needs,
  indirectOfferings: o.indirectOfferings,
  focusAreas: o.focusAreas.map((t) => t.code),
  services: o.services.map((t) => t.code),
  populations: o.populations.map((t) => t.code),
  languages: o.languages.map((t) => t.code),
  ageRange: o.ageRange,
  national: o.national,
  provinces: o.provinces,
  serviceAreas: o.serviceAreas.map((a) => a.province),
  locations: o.locations.map((l) => [l.city, l.province]),
  phones: o.phones.map((p) => [p.type, p.number]),
  email: o.email,
  website: o.website,
  hours: { open24x7: o.hours.open24x7, schedule: o.hours.schedule },
  lastVerified: o.lastVerified,
});

describe('one bilingual record', () => {
  let server: TestServer;
  let editor: AdminUser;
  let editorFr: AdminUser;
  let approvedDocumentId: string;

  const admin = (who: AdminUser, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    adminFetch(server, who, method, path, body, headers);
  const ok = async (res: Response) => {
    assert.ok(res.status < 300, `${res.status} ${await res.clone().text()}`);
    return json(res);
  };
  const profile = async (slug: string, locale: 'en' | 'fr') => {
    const res = await server.get(`/api/directory/organizations/${slug}?locale=${locale}`);
    return {
      status: res.status,
      body: res.status === 200 ? (await json<{ data: PublicOrganization }>(res)).data : (await res.body?.cancel(), null),
    };
  };
  const termIds = async (uid: string, codes: string[]) => {
    const rows: Row[] = await server.strapi.db.query(uid).findMany({ where: { code: { $in: codes } } });
    return rows.map((r) => ({ documentId: r.documentId }));
  };
  const rowsOf = (documentId: string): Promise<Row[]> =>
    server.strapi.db.query(ORG).findMany({
      where: { documentId },
      populate: { focusAreas: true, services: true, languages: true, openingHours: true },
    });

  before(async () => {
    server = await startServer();
    editor = await adminUser(server, 'directory-editor', 'Dana', 'Editor', 'dana.bilingual@example.org');
    editorFr = await adminUser(server, 'directory-editor', 'Élise', 'Rédactrice', 'elise.bilingual@example.org', 'fr');
  });
  after(async () => {
    await server?.stop();
  });

  test('an application approved, completed in one locale and published once gives two complete, equal public profiles', async () => {
    const sent = await ok(await server.post('/api/directory/applications', application({ organizationName: 'Refuge Bilingue Test' })));
    const app = await server.strapi.db.query(APPLICATION).findOne({ where: { reference: sent.data.reference } });
    await ok(await admin(editor, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, { reviewStatus: 'approved' }));
    const linked = await server.strapi.db.query(APPLICATION).findOne({ where: { id: app.id }, populate: { organization: true } });
    approvedDocumentId = linked.organization.documentId;

    const drafts = await rowsOf(approvedDocumentId);
    assert.deepEqual(drafts.map((r) => r.locale).sort(), ['en', 'fr']);
    assert.ok(
      drafts.every((r) => r.slug === drafts[0]!.slug && r.slug),
      `one slug in both locales: ${drafts.map((r) => r.slug)}`,
    );

    // The editor completes the record in English only, as in the admin.
    const connect = async (uid: string, codes: string[]) => ({ connect: await termIds(uid, codes), disconnect: [] });
    await ok(
      await admin(editor, 'PUT', `${CM}/${ORG}/${approvedDocumentId}?locale=en`, {
        locale: 'en',
        name: 'Bilingual Test Shelter',
        description: 'Shelter and support for survivors.',
        focusAreas: await connect(FOCUS_AREA, ['trafficking']),
        services: await connect(SERVICE_CATEGORY, ['emergency_shelter', 'legal_aid']),
        languages: await connect(LANGUAGE, ['en', 'fr']),
        openingHours: [
          { day: 'mon', opens: '09:00', closes: '17:00' },
          { day: 'tue', opens: '09:00', closes: '17:00' },
        ],
        directServices: { emergency: true, transitional: false, longTerm: false, social: true, legal: false },
        listingStatus: 'active',
        publicConsent: true,
      }),
    );
    const fr = (await rowsOf(approvedDocumentId)).find((r) => r.locale === 'fr')!;
    assert.equal(fr.consentBy, 'Dana Editor', 'giving consent in the admin stamps who');
    assert.ok(fr.consentAt, 'and when');
    assert.deepEqual(fr.services.map((t: Row) => t.code).sort(), ['emergency_shelter', 'legal_aid'], 'relations reach the French draft');
    assert.deepEqual(
      fr.openingHours.map((h: Row) => h.day),
      ['mon', 'tue'],
    );

    await ok(await admin(editor, 'POST', `${CM}/${ORG}/${approvedDocumentId}/actions/publish?locale=en`, {}));
    const rows = await rowsOf(approvedDocumentId);
    assert.deepEqual(
      rows
        .filter((r) => r.publishedAt)
        .map((r) => r.locale)
        .sort(),
      ['en', 'fr'],
      'one action published both locales',
    );

    const en = await profile(drafts[0]!.slug, 'en');
    const frProfile = await profile(drafts[0]!.slug, 'fr');
    assert.equal(en.status, 200);
    assert.equal(frProfile.status, 200);
    assert.equal(en.body!.locale, 'en');
    assert.equal(frProfile.body!.locale, 'fr');
    assert.equal(frProfile.body!.name, 'Refuge Bilingue Test', 'French text stays French');
    assert.deepEqual(frProfile.body!.services.map((s) => s.code).sort(), ['emergency_shelter', 'legal_aid']);
    assert.ok(frProfile.body!.focusAreas.length > 0 && frProfile.body!.languages.length === 2);
    assert.deepEqual(nonText(frProfile.body!), nonText(en.body!));
  });

  test('an edit of hours in French, published once, shows in both public profiles', async () => {
    const slug = (await rowsOf(approvedDocumentId))[0]!.slug;
    await ok(
      await admin(editorFr, 'PUT', `${CM}/${ORG}/${approvedDocumentId}?locale=fr`, {
        locale: 'fr',
        openingHours: [{ day: 'wed', opens: '10:00', closes: '16:00' }],
      }),
    );
    await ok(await admin(editorFr, 'POST', `${CM}/${ORG}/${approvedDocumentId}/actions/publish?locale=fr`, {}));
    for (const locale of ['en', 'fr'] as const) {
      assert.deepEqual((await profile(slug, locale)).body!.hours.schedule, [{ day: 'wed', opens: '10:00', closes: '16:00' }], locale);
    }
  });

  test('a publish leaves the other locale published as it was when its draft did not change, and publishes it when it did', async () => {
    const slug = (await rowsOf(approvedDocumentId))[0]!.slug;
    const published = async () =>
      new Map((await rowsOf(approvedDocumentId)).filter((r) => r.publishedAt).map((r) => [r.locale as string, r]));
    const editAndPublish = async (data: Row) => {
      await ok(await admin(editor, 'PUT', `${CM}/${ORG}/${approvedDocumentId}?locale=en`, { locale: 'en', ...data }));
      await ok(await admin(editor, 'POST', `${CM}/${ORG}/${approvedDocumentId}/actions/publish?locale=en`, {}));
    };
    // The first change of the English text marks the French out of date: both drafts changed, both published.
    await editAndPublish({ name: 'Bilingual Test Shelter (edited once)' });
    const first = await published();
    // A second change of the English text: the French draft is as it was published, its published version stays.
    await editAndPublish({ name: 'Bilingual Test Shelter (edited twice)' });
    const second = await published();
    assert.equal(second.get('fr')!.id, first.get('fr')!.id, 'the French version was not published again');
    assert.notEqual(second.get('en')!.id, first.get('en')!.id, 'the English version was published');
    assert.equal((await profile(slug, 'en')).body!.name, 'Bilingual Test Shelter (edited twice)');
    assert.equal((await profile(slug, 'fr')).body!.name, 'Refuge Bilingue Test');
    // A relation set in English reaches the French draft: both are published, and both profiles show it.
    const languages = await termIds(LANGUAGE, ['en', 'fr', 'es']);
    await editAndPublish({ languages: { set: languages } });
    const third = await published();
    assert.notEqual(third.get('fr')!.id, second.get('fr')!.id, 'the French version was published with the relation');
    for (const locale of ['en', 'fr'] as const) {
      assert.deepEqual((await profile(slug, locale)).body!.languages.map((l) => l.code).sort(), ['en', 'es', 'fr'], locale);
    }
  });

  test('one unpublish takes both locales down', async () => {
    const slug = (await rowsOf(approvedDocumentId))[0]!.slug;
    await ok(await admin(editor, 'POST', `${CM}/${ORG}/${approvedDocumentId}/actions/unpublish?locale=en`, {}));
    assert.deepEqual(
      (await rowsOf(approvedDocumentId)).filter((r) => r.publishedAt),
      [],
    );
    assert.equal((await profile(slug, 'en')).status, 404);
    assert.equal((await profile(slug, 'fr')).status, 404);
    await ok(await admin(editor, 'POST', `${CM}/${ORG}/${approvedDocumentId}/actions/publish?locale=en`, {}));
  });

  test("a record without its French text cannot be published, and the refusal names the field in the editor's language", async () => {
    const created = await ok(
      await admin(editor, 'POST', `${CM}/${ORG}?locale=en`, {
        locale: 'en',
        name: 'English Only Centre',
        slug: 'english-only-centre',
        description: 'Only in English.',
        kind: 'ngo',
        role: 'indirect',
        listingStatus: 'active',
        publicConsent: true,
      }),
    );
    const id = created.data.documentId;
    const refused = await admin(editor, 'POST', `${CM}/${ORG}/${id}/actions/publish?locale=en`, {});
    assert.equal(refused.status, 400);
    const body = await json(refused);
    assert.equal(body.error.name, 'ValidationError');
    assert.deepEqual(
      body.error.details.errors.map((e: Row) => e.path),
      [['name']],
    );
    assert.match(body.error.message, /Add the French version \(Name, Description\) before publishing/);

    const refusedFr = await json(await admin(editorFr, 'POST', `${CM}/${ORG}/${id}/actions/publish?locale=en`, {}));
    assert.match(refusedFr.error.message, /Ajoutez la version française \(Nom, Description\) avant de publier/);
    assert.deepEqual(
      (await rowsOf(id)).filter((r) => r.publishedAt),
      [],
      'nothing was published',
    );
    assert.equal((await profile('english-only-centre', 'en')).status, 404);

    // Adding the French locale in the admin: it starts with the English slug; once its text is there, both publish.
    await ok(
      await admin(editor, 'PUT', `${CM}/${ORG}/${id}?locale=fr`, {
        locale: 'fr',
        name: 'Centre anglais seulement',
        description: 'Aussi en français.',
      }),
    );
    assert.deepEqual(
      (await rowsOf(id)).map((r) => r.slug),
      ['english-only-centre', 'english-only-centre'],
    );
    await ok(await admin(editor, 'POST', `${CM}/${ORG}/${id}/actions/publish?locale=fr`, {}));
    assert.equal((await profile('english-only-centre', 'fr')).body?.name, 'Centre anglais seulement');
  });

  test('a refused save names the field by its label, in French for a French editor, in English otherwise', async () => {
    const put = (who: AdminUser, headers?: Record<string, string>) =>
      admin(
        who,
        'PUT',
        `${CM}/${ORG}/${approvedDocumentId}?locale=en`,
        { locale: 'en', listingStatus: 'removed', removalReason: null },
        headers,
      );
    const fr = await json(await put(editorFr));
    assert.equal(
      fr.error.details.errors[0].message,
      'Indiquez le motif : « Motif du retrait ou de la suspension » est obligatoire pour retirer une fiche.',
    );
    assert.equal(fr.error.message, fr.error.details.errors[0].message);
    const en = await json(await put(editor));
    assert.equal(
      en.error.details.errors[0].message,
      'Indicate the reason: “Reason for removal or suspension” is required to remove a listing.',
    );
    const byBrowser = await json(await put(editor, { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' }));
    assert.match(byBrowser.error.message, /^Indiquez le motif/);
  });

  test('a record whose French version was deleted is public in neither locale', async () => {
    const slug = (await rowsOf(approvedDocumentId))[0]!.slug;
    assert.equal((await profile(slug, 'fr')).status, 200);
    await server.strapi.documents(ORG).delete({ documentId: approvedDocumentId, locale: 'fr' });
    assert.equal((await profile(slug, 'en')).status, 404);
    assert.equal((await profile(slug, 'fr')).status, 404);
    for (const locale of ['en', 'fr']) {
      const list = await json(await server.get(`/api/directory/organizations?locale=${locale}&q=Bilingual%20Test%20Shelter&pageSize=100`));
      assert.ok(!list.data.some((o: { slug: string }) => o.slug === slug), `${locale} list`);
    }
  });

  test("seeded regions and a referral protocol's texts read in French in the French records", async () => {
    const fixture = server.fixtures.organizations.find((o) => o.serviceAreas.some((a) => a.regions.includes('Metro Vancouver')))!;
    const fr = await profile(fixture.slug, 'fr');
    const en = await profile(fixture.slug, 'en');
    assert.ok(
      fr.body!.serviceAreas.some((a) => a.regions.includes('Grand Vancouver')),
      'French region name',
    );
    assert.ok(
      en.body!.serviceAreas.some((a) => a.regions.includes('Metro Vancouver')),
      'English region name',
    );
    const row = await server.strapi.db
      .query(ORG)
      .findOne({ where: { slug: fixture.slug, locale: 'en', publishedAt: null }, populate: { referralProtocol: true } });
    const { id: _id, ...protocol } = row.referralProtocol;
    await server.strapi.documents(ORG).update({
      documentId: row.documentId,
      locale: 'en',
      data: {
        referralProtocol: { ...protocol, intakeHoursFr: 'Accueil de 8 h à 22 h.', afterHoursFr: 'La nuit, demander la coordonnatrice.' },
      },
    });
    const internal = await server.strapi.service('api::directory.projection').internalCatalog();
    const records = internal.bySlug.get(fixture.slug)!.records;
    assert.equal(records.fr.referralProtocol.intakeHours, 'Accueil de 8 h à 22 h.');
    assert.equal(records.fr.referralProtocol.afterHours, 'La nuit, demander la coordonnatrice.');
    assert.equal(records.en.referralProtocol.intakeHours, row.referralProtocol.intakeHours);
  });
});
