/**
 * What an editor sees of a record in the admin, through the content manager's own API with the
 * editor's JWT (as the admin UI calls it) on a real Strapi: collapsed repeatable rows titled by
 * their content, the record's history, taxonomy names in the admin's language, an application's
 * provinces, and whether a translation is out of date by what it says.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { application, isPublicFixture, json } from '../expect';
import { adminFetch, adminUser } from '../admin-users';
import { historyApiPath, historyItems } from '../../src/workflow/audit-history';
import { ORGANIZATION as ORG } from '../../src/content-types';
import { editFormOf } from '../../bench/lib/bench-admin';

const PROTOCOL = 'api::law-enforcement-protocol.law-enforcement-protocol';
const CM = '/content-manager/collection-types';
const APPLICATION = 'api::application.application';
const FOCUS_AREA = 'api::focus-area.focus-area';

type Row = Record<string, any>;

describe('the record as the editor sees it in the admin', () => {
  let server: TestServer;
  let editor: { id: number; token: string };
  let editeur: { id: number; token: string };
  const admin = (who: { token: string }, method: string, path: string, body?: unknown) => adminFetch(server, who, method, path, body);
  const draft = async (slug: string, locale = 'en', populate: Row = {}): Promise<Row> => {
    const row = await server.strapi.db.query(ORG).findOne({ where: { slug, locale, publishedAt: null }, populate });
    assert.ok(row, `organization ${slug} (${locale})`);
    return row;
  };

  before(async () => {
    server = await startServer();
    editor = await adminUser(server, 'directory-editor', 'Dana', 'Editor', 'dana.rows@example.org', 'en');
    editeur = await adminUser(server, 'directory-editor', 'Élise', 'Rédactrice', 'elise.rows@example.org', 'fr');
  });
  after(async () => {
    await server?.stop();
  });

  test('collapsed repeatable rows are titled by their content, not by their number', async () => {
    const res = await admin(editor, 'GET', `/content-manager/content-types/${ORG}/configuration`);
    assert.equal(res.status, 200);
    const { data } = await json(res);
    const titles = Object.fromEntries(
      Object.entries(data.components as Record<string, Row>).map(([uid, c]) => [uid, c.settings.mainField]),
    );
    assert.deepEqual(
      [
        titles['directory.opening-hours'],
        titles['directory.contact-attempt'],
        titles['directory.location'],
        titles['directory.phone'],
        titles['directory.person'],
      ],
      ['summary', 'summary', 'city', 'number', 'name'],
    );
    for (const uid of ['directory.opening-hours', 'directory.contact-attempt']) {
      const fields = (data.components[uid].layouts.edit as Array<Array<{ name: string }>>).flat().map((c) => c.name);
      assert.ok(!fields.includes('summary'), `${uid}: the summary is written by the workflow, not by the editor`);
    }
    const slug = server.fixtures.organizations.filter(isPublicFixture)[0]!.slug;
    const org = await draft(slug);
    await server.strapi.documents(ORG).update({
      documentId: org.documentId,
      locale: 'en',
      data: {
        openingHours: [{ day: 'tue', opens: '08:30', closes: '12:00' }],
        contactAttempts: [{ at: '2026-11-30T15:00:00.000Z', method: 'phone', outcome: 'no_answer' }],
      },
    });
    const saved = await draft(slug, 'fr', { openingHours: true, contactAttempts: true });
    assert.equal(saved.openingHours[0].summary, 'Tuesday / Mardi 08:30–12:00');
    assert.equal(saved.contactAttempts[0].summary, '2026-11-30 · No answer / Pas de réponse');
    const protocol = await server.strapi.db.query(PROTOCOL).findOne({});
    await server.strapi.documents(PROTOCOL).update({
      documentId: protocol.documentId,
      data: { contacts: [{ name: 'Sgt. Roy', role: 'Intake', active: false }] },
    });
    const contacts = (await server.strapi.db.query(PROTOCOL).findOne({ where: { id: protocol.id }, populate: { contacts: true } }))
      .contacts;
    assert.equal(contacts[0].summary, 'Sgt. Roy · Intake (inactive / inactif)');
  });

  test("the record's history reads before → after, labelled in the admin's language, and a protocol keeps its previous text", async () => {
    const slug = server.fixtures.organizations.filter(isPublicFixture)[1]!.slug;
    const org = await draft(slug);
    const put = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, {
      hoursNotes: 'Closed on holidays',
      open24x7: !org.open24x7,
    });
    assert.equal(put.status, 200);
    await put.body?.cancel();
    for (const [who, language] of [
      [editor, 'en'],
      [editeur, 'fr'],
    ] as const) {
      const res = await admin(who, 'GET', historyApiPath(org.documentId));
      assert.equal(res.status, 200);
      const [latest] = historyItems((await json(res)).results, language);
      assert.equal(latest!.actor, 'Dana Editor');
      assert.equal(latest!.action, language === 'en' ? 'Updated' : 'Modification');
      const lines = latest!.changes.map((c) => `${c.label}${c.locale ? ` (${c.locale})` : ''}: ${c.from} → ${c.to}`);
      const yes = language === 'en' ? ['No', 'Yes'] : ['Non', 'Oui'];
      const [from, to] = org.open24x7 ? [...yes].reverse() : yes;
      assert.deepEqual(
        lines.sort(),
        [
          `${language === 'en' ? 'Notes on hours' : 'Précisions sur les heures'} (en): ${org.hoursNotes ?? '—'} → Closed on holidays`,
          `${language === 'en' ? 'Open 24/7' : 'Ouvert 24 h/24, 7 j/7'}: ${from} → ${to}`,
        ].sort(),
      );
    }
    const protocol = await server.strapi.db.query(PROTOCOL).findOne({});
    await server.strapi.documents(PROTOCOL).update({ documentId: protocol.documentId, data: { protocol: 'Call the intake line first.' } });
    const stored = await server.strapi.db.query(PROTOCOL).findOne({ where: { id: protocol.id } });
    assert.equal(stored.previousProtocol, protocol.protocol);
    const res = await admin(editor, 'GET', historyApiPath(protocol.documentId));
    const [entry] = historyItems((await json(res)).results, 'en');
    assert.deepEqual(
      entry!.changes.find((c) => c.field === 'protocol'),
      { field: 'protocol', label: 'Referral and reporting protocol', locale: null, from: null, to: null },
      'the protocol text is confidential: named in the trail, kept on the record',
    );
  });

  test("a translation is out of date when the other locale's text changed, not when it was merely saved", async () => {
    const slug = server.fixtures.organizations.filter(isPublicFixture)[2]!.slug;
    const org = await draft(slug);
    const fr = await draft(slug, 'fr');
    const state = async (locale: 'en' | 'fr') => {
      const res = await admin(editor, 'GET', `${CM}/${ORG}/${org.documentId}?locale=${locale}`);
      assert.equal(res.status, 200);
      return (await json(res)).data.translationState;
    };
    const save = async (locale: 'en' | 'fr', data: Row) => {
      const res = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=${locale}`, data);
      assert.equal(res.status, 200, `save ${locale}`);
      await res.body?.cancel();
    };
    await save('en', { description: org.description, website: 'https://shared.example.org' });
    await new Promise((r) => setTimeout(r, 6_000)); // later than any "same action" window of save times
    await save('fr', { description: fr.description });
    assert.deepEqual([await state('en'), await state('fr')], ['bilingual', 'bilingual'], 'saving without a text change flags nothing');
    await save('en', { description: `${org.description} Now also on weekends.` });
    assert.deepEqual(
      [await state('en'), await state('fr')],
      ['fr_outdated', 'fr_outdated'],
      'a changed English text leaves the French behind',
    );
    await save('en', { website: 'https://other.example.org' });
    assert.equal(await state('fr'), 'fr_outdated', 'a shared field does not bring it back in line');
    await save('fr', { description: `${fr.description} Aussi les fins de semaine.` });
    assert.deepEqual([await state('en'), await state('fr')], ['bilingual', 'bilingual'], 'translating it brings both in line');
    const layout = await json(await admin(editor, 'GET', `/content-manager/content-types/${ORG}/configuration`));
    const fields = (layout.data.contentType.layouts.edit as Array<Array<{ name: string }>>).flat().map((c) => c.name);
    assert.ok(!fields.includes('translationState') && !fields.includes('translationBasis'), 'the workflow keeps them, not the editor');
  });

  test("taxonomy pickers name the terms in the admin's language", async () => {
    const terms: Row[] = await server.strapi.db.query(FOCUS_AREA).findMany({});
    const names = (lang: 'labelEn' | 'labelFr') => new Map(terms.map((t) => [t.documentId, t[lang]]));
    const slug = server.fixtures.organizations.filter(isPublicFixture)[3]!.slug;
    const org = await draft(slug);
    for (const [who, field] of [
      [editor, 'labelEn'],
      [editeur, 'labelFr'],
    ] as const) {
      const available = await admin(who, 'GET', `/content-manager/relations/${ORG}/focusAreas?locale=en&pageSize=50`);
      assert.equal(available.status, 200);
      const options: Row[] = (await json(available)).results;
      assert.ok(options.length > 0);
      for (const o of options) assert.equal(o.labelEn, names(field).get(o.documentId), `option ${o.documentId} (${field})`);
      const existing = await admin(who, 'GET', `/content-manager/relations/${ORG}/${org.documentId}/focusAreas?locale=en&status=draft`);
      assert.equal(existing.status, 200);
      const chosen: Row[] = (await json(existing)).results;
      assert.ok(chosen.length > 0, 'the record has focus areas');
      for (const o of chosen) assert.equal(o.labelEn, names(field).get(o.documentId), `chosen ${o.documentId} (${field})`);
    }
    assert.ok(
      terms.some((t) => t.labelEn !== t.labelFr),
      'the names differ between the languages',
    );
  });

  test('saving the whole form, as the edit view does, writes what changed and leaves the rest as stored', async () => {
    const slug = server.fixtures.organizations.filter(isPublicFixture)[3]!.slug;
    const org = await draft(slug);
    await server.strapi.documents(ORG).update({
      documentId: org.documentId,
      locale: 'en',
      data: {
        phones: [
          { type: 'voice', number: '613-555-0101' },
          { type: 'crisis', number: '613-555-0102' },
        ],
        openingHours: [
          { day: 'mon', opens: '09:00', closes: '17:00' },
          { day: 'tue', opens: '09:00', closes: '17:00' },
        ],
        locations: [
          { city: 'Ottawa', province: 'ON' },
          { city: 'Gatineau', province: 'QC' },
        ],
        keyStaff: [{ name: 'Ana Lee' }],
      },
    });
    // Every version alike: Strapi's i18n compares an arbitrary one with the saved draft, and copies
    // the shared fields to the other locale when they differ (not this test's concern).
    await server.strapi.documents(ORG).publish({ documentId: org.documentId, locale: '*' });
    const form = editFormOf((await json(await admin(editor, 'GET', `${CM}/${ORG}/${org.documentId}?locale=en`))).data);
    const writes: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (/^\s*(insert|update|delete)/i.test(q.sql)) writes.push(q.sql);
    };
    const save = async (data: Row) => {
      writes.length = 0;
      server.strapi.db.connection.on('query', onQuery);
      const res = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, data);
      server.strapi.db.connection.off('query', onQuery);
      assert.equal(res.status, 200, await res.text());
    };

    await save({ ...form, name: 'Renamed in the form' });
    assert.equal((await draft(slug)).name, 'Renamed in the form');
    assert.deepEqual(
      writes.filter((sql) => /components_|_cmps/.test(sql)),
      [],
      'no component row or link written again when only the name changed',
    );

    const hours = form.openingHours as Row[];
    const locations = form.locations as Row[];
    await save({
      ...form,
      openingHours: [hours[0], { ...hours[1], closes: '16:00' }],
      locations: [locations[1]],
      keyStaff: [...(form.keyStaff as Row[]), { name: 'Marc Roy', __temp_key__: 'b0' }],
    });
    const populate = { phones: true, openingHours: true, locations: true, keyStaff: true } as const;
    for (const locale of ['en', 'fr']) {
      const saved = await draft(slug, locale, populate);
      assert.deepEqual(
        saved.openingHours.map((h: Row) => `${h.day} ${h.opens}–${h.closes} ${h.summary}`),
        ['mon 09:00–17:00 Monday / Lundi 09:00–17:00', 'tue 09:00–16:00 Tuesday / Mardi 09:00–16:00'],
        locale,
      );
      assert.deepEqual(
        saved.locations.map((l: Row) => l.city),
        ['Gatineau'],
        locale,
      );
      assert.deepEqual(
        saved.keyStaff.map((p: Row) => p.name),
        ['Ana Lee', 'Marc Roy'],
        locale,
      );
      assert.deepEqual(
        saved.phones.map((p: Row) => `${p.type} ${p.number}`),
        ['voice 613-555-0101', 'crisis 613-555-0102'],
        locale,
      );
    }
    const en = await draft(slug, 'en', populate);
    assert.deepEqual(
      en.phones.map((p: Row) => p.id),
      (form.phones as Row[]).map((p) => p.id),
      'the unchanged rows are the same rows',
    );
    const linked = await server.strapi.db.connection('organizations_cmps').where({ entity_id: en.id, field: 'locations' }).select('cmp_id');
    assert.deepEqual(
      linked.map((l: Row) => l.cmp_id),
      [locations[1]!.id],
      'the removed location is no longer linked',
    );
  });

  test("an application's provinces are a labelled multiple choice, checked on save", async () => {
    const types = await json(await admin(editor, 'GET', '/content-manager/content-types'));
    const schema = (types.data as Row[]).find((t) => t.uid === APPLICATION)!;
    assert.equal(schema.attributes.provinces.customField, 'global::provinces', 'not raw JSON');
    const sent = await json(await server.post('/api/directory/applications', application({ organizationName: 'Provinces Test' })));
    const app = await server.strapi.db.query(APPLICATION).findOne({ where: { reference: sent.data.reference } });
    const bad = await admin(editeur, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, { provinces: ['QC', 'Québec'] });
    assert.equal(bad.status, 400);
    const error = (await json(bad)).error;
    assert.deepEqual(
      error.details.errors.map((e: Row) => e.path.join('.')),
      ['provinces'],
    );
    assert.match(error.message, /« Provinces et territoires »/);
    const good = await admin(editor, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, { provinces: ['NB', 'QC'] });
    assert.equal(good.status, 200);
    await good.body?.cancel();
    assert.deepEqual((await server.strapi.db.query(APPLICATION).findOne({ where: { id: app.id } })).provinces, ['NB', 'QC']);
  });
});
