import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FacetsResponse, OrganizationList, PublicOrganization } from '@referral-directory/sdk';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape, isPublicFixture, json } from '../expect';
import { fold } from '../../src/catalog/normalize';
import { ORGANIZATION, SEARCH_SYNONYM_TYPE, SERVICE_CATEGORY, SETTINGS_TYPE } from '../../src/content-types';

describe('the public directory API', () => {
  let server: TestServer;
  let publicSlugs: Set<string>;
  before(async () => {
    server = await startServer();
    publicSlugs = new Set(server.fixtures.organizations.filter(isPublicFixture).map((o) => o.slug));
  });
  after(async () => {
    await server?.stop();
  });

  const list = async (qs: string) => {
    const res = await server.get(`/api/directory/organizations?${qs}`);
    assert.equal(res.status, 200, `${qs}: ${res.status}`);
    return json<OrganizationList>(res);
  };
  const all = async (qs: string): Promise<PublicOrganization[]> => {
    const out: PublicOrganization[] = [];
    for (let page = 1; ; page++) {
      const body = await list(`${qs}&pageSize=100&page=${page}`);
      out.push(...body.data);
      if (page >= body.meta.pageCount) return out;
    }
  };

  describe('when deciding what is public', () => {
    test('a record is listed exactly when active, consenting and published, in both locales', async () => {
      for (const locale of ['en', 'fr']) {
        const slugs = (await all(`locale=${locale}`)).map((o) => o.slug);
        assert.deepEqual(new Set(slugs), publicSlugs);
        assert.equal(slugs.length, publicSlugs.size, 'no duplicates');
      }
    });

    test('every status × consent × publication combination answers by slug exactly as the rule says', async () => {
      for (const o of server.fixtures.organizations) {
        for (const locale of ['en', 'fr']) {
          const res = await server.get(`/api/directory/organizations/${o.slug}?locale=${locale}`);
          const expected = isPublicFixture(o) ? 200 : 404;
          assert.equal(
            res.status,
            expected,
            `${o.slug} (${o.state.listingStatus}, consent ${o.state.publicConsent}, published ${o.state.published}) ${locale}`,
          );
          if (expected === 404) assertErrorShape(await json(res), 404);
          else await res.body?.cancel();
        }
      }
    });

    test('totals and facet counts count only public records', async () => {
      const body = await list('pageSize=1');
      assert.equal(body.meta.total, publicSlugs.size);
      const facets = await json<FacetsResponse>(await server.get('/api/directory/facets'));
      assert.equal(facets.meta.total, publicSlugs.size);
      const roleSum = facets.data.role.reduce((n, f) => n + f.count, 0);
      assert.equal(roleSum, publicSlugs.size);
    });

    test('a suspension takes effect at once, and the record comes back when reactivated', async () => {
      const slug = [...publicSlugs][0]!;
      const docs = server.strapi.documents(ORGANIZATION);
      const doc = await docs.findFirst({ filters: { slug } });
      assert.ok(doc);
      await docs.update({ documentId: doc.documentId, locale: 'en', data: { listingStatus: 'suspended', removalReason: 'unreachable' } });
      assert.equal((await server.get(`/api/directory/organizations/${slug}`)).status, 404);
      assert.ok(!(await all('locale=en')).some((o) => o.slug === slug));
      await docs.update({ documentId: doc.documentId, locale: 'en', data: { listingStatus: 'active' } });
      await docs.publish({ documentId: doc.documentId, locale: '*' });
      assert.equal((await server.get(`/api/directory/organizations/${slug}`)).status, 200);
    });

    const statusOf = async (slug: string) => (await server.get(`/api/directory/organizations/${slug}`)).status;
    /** Asks for the record until it answers `expected` (10 s at most): another instance's write reaches this one by the poll. */
    const waitForStatus = async (slug: string, expected: number) => {
      for (let i = 0; i < 100 && (await statusOf(slug)) !== expected; i++) await sleep(100);
      assert.equal(await statusOf(slug), expected);
    };

    test("another instance's write (straight to the database) is picked up by the refresh poll", async () => {
      const slug = [...publicSlugs][1]!;
      const rows = server.strapi.db.query(ORGANIZATION);
      await rows.updateMany({ where: { slug }, data: { listingStatus: 'suspended', updatedAt: new Date() } });
      await waitForStatus(slug, 404);
      await rows.updateMany({ where: { slug }, data: { listingStatus: 'active', updatedAt: new Date() } });
      await waitForStatus(slug, 200);
    });

    test("another instance's unpublish (its published rows deleted, the draft untouched) is picked up by the refresh poll", async () => {
      // Strapi's unpublish deletes the published rows and leaves the draft as it was: no row is
      // updated, none is new; only the table's count moves, and no document disappears.
      const slug = [...publicSlugs][2]!;
      const rows = server.strapi.db.query(ORGANIZATION);
      const published = await rows.findMany({ where: { slug, publishedAt: { $notNull: true } } });
      assert.ok(published.length > 0);
      const documentId = published[0]!.documentId as string;
      await rows.deleteMany({ where: { id: { $in: published.map((r) => r.id) } } });
      await waitForStatus(slug, 404);
      assert.ok(!(await all('locale=en')).some((o) => o.slug === slug));
      await server.strapi.documents(ORGANIZATION).publish({ documentId, locale: '*' });
      assert.equal(await statusOf(slug), 200);
    });

    test('a confidential address shows only its city and province', async () => {
      const sheltered = server.fixtures.organizations.filter((o) => isPublicFixture(o) && o.locations.some((l) => l.confidential));
      assert.ok(sheltered.length > 0, 'fixtures include a public record with a confidential address');
      for (const o of sheltered) {
        const { data } = await json<{ data: PublicOrganization }>(await server.get(`/api/directory/organizations/${o.slug}`));
        for (const [i, l] of o.locations.entries()) {
          const out = data.locations[i]!;
          assert.equal(out.city, l.city);
          assert.equal(out.province, l.province);
          if (l.confidential) {
            assert.equal(out.street, null);
            assert.equal(out.postalCode, null);
            assert.equal(out.confidential, true);
          }
        }
      }
    });
  });

  describe('when searching', () => {
    for (const [query, accented] of [
      ['montreal', 'Montréal'],
      ['SANTÉ', 'santé'],
      ['aines', 'aînés'],
      ['trois rivieres', 'Trois-Rivières'],
    ] as const) {
      test(`"${query}" finds the records that say "${accented}"`, async () => {
        const expected = server.fixtures.organizations.filter(
          (o) => isPublicFixture(o) && JSON.stringify([o.en, o.fr, o.serviceAreas, o.locations.map((l) => l.city)]).includes(accented),
        );
        assert.ok(expected.length > 0, `fixtures mention ${accented}`);
        const found = new Set((await all(`q=${encodeURIComponent(query)}`)).map((o) => o.slug));
        for (const o of expected) {
          const inSearchable = [
            o.en.name,
            o.fr.name,
            o.en.description,
            o.fr.description,
            ...o.en.otherNames,
            ...o.fr.otherNames,
            ...o.serviceAreas.flatMap((a) => a.regions),
            ...o.locations.map((l) => l.city),
          ].some((t) => t.includes(accented));
          if (inSearchable) assert.ok(found.has(o.slug), `${o.slug} found by ${query}`);
        }
        for (const slug of found) assert.ok(publicSlugs.has(slug));
      });
    }

    test('records whose name matches rank before those matching elsewhere', async () => {
      const results = await all('q=montreal');
      const nameHit = results.map((o) => fold(`${o.name} ${o.otherNames.join(' ')}`).includes('montreal'));
      const firstMiss = nameHit.indexOf(false);
      if (firstMiss >= 0)
        assert.ok(
          nameHit.slice(firstMiss).every((h) => !h),
          `name matches first: ${JSON.stringify(nameHit)}`,
        );
    });

    for (const query of [
      'shelters',
      'woman',
      'sheltr',
      'youth shelter',
      'mentl health',
      'hébergements',
      'réfugiés',
      'aide juridique pour immigrants',
      'lgbtq',
      'aboriginal',
    ]) {
      test(`"${query}", as people type it, finds public records`, async () => {
        const body = await list(`q=${encodeURIComponent(query)}&pageSize=100`);
        assert.ok(body.meta.total > 0, `${query}: ${body.meta.total} results`);
        for (const o of body.data) assert.ok(publicSlugs.has(o.slug));
      });
    }

    test('a query whose words no record has together answers records with some, and says which words matched', async () => {
      const body = await list('q=legal%20aid%20montreal%20qqzzyx');
      assert.ok(body.meta.total > 0);
      assert.equal(body.meta.relaxed, true);
      assert.deepEqual(body.meta.matched, ['legal aid', 'montreal']);
      const strict = await list('q=legal%20aid%20montreal');
      assert.equal(strict.meta.relaxed, undefined);
    });

    test("a query that finds nothing suggests a corrected one from the directory's words", async () => {
      const body = await list('q=xhelter');
      assert.equal(body.meta.total, 0);
      assert.deepEqual(body.meta.suggestions, ['shelter']);
    });

    test('each hit says where it matched, and the ranges cover the words of the query', async () => {
      for (const locale of ['en', 'fr']) {
        const body = await list(`q=montreal&locale=${locale}&pageSize=100`);
        assert.ok(body.data.length > 0);
        for (const o of body.data) {
          assert.ok(o.match && o.match.fields.length > 0, `${o.slug} has a match`);
          const marked = [
            ...o.match.name.map(([x, y]) => o.name.slice(x, y)),
            ...o.match.description.map(([x, y]) => o.description.slice(x, y)),
          ];
          for (const word of marked) assert.ok(fold(word).startsWith('montreal') || fold(word) === 'mtl', `${o.slug}: marked "${word}"`);
          if (fold(o.description).includes('montreal')) assert.ok(o.match.description.length > 0, `${o.slug}: description marked`);
        }
      }
    });

    test("an editor's synonym applies to search at once, and its removal too", async () => {
      const synonyms = server.strapi.documents(SEARCH_SYNONYM_TYPE);
      assert.equal((await list('q=qqsafeplace')).meta.total, 0);
      const doc = await synonyms.create({ data: { terms: 'qqsafeplace, shelter' } });
      const body = await list('q=qqsafeplace&pageSize=100');
      assert.ok(body.meta.total > 0);
      for (const o of body.data) assert.ok(fold(JSON.stringify(o)).includes('shelter'), `${o.slug} says shelter`);
      await synonyms.delete({ documentId: doc.documentId });
      assert.equal((await list('q=qqsafeplace')).meta.total, 0);
    });

    test('English and French queries see the same records', async () => {
      const en = (await all('q=montreal&locale=en')).map((o) => o.slug).sort();
      const fr = (await all('q=montreal&locale=fr')).map((o) => o.slug).sort();
      assert.deepEqual(en, fr);
    });
  });

  describe('when filtering and paging', () => {
    test('filters are OR within a kind and AND across kinds', async () => {
      const onqc = await all('province=ON&province=QC');
      assert.ok(onqc.length > 0);
      assert.ok(onqc.every((o) => o.provinces.includes('ON') || o.provinces.includes('QC')));
      const direct = await all('province=ON&province=QC&role=direct');
      assert.ok(direct.every((o) => o.role === 'direct' && (o.provinces.includes('ON') || o.provinces.includes('QC'))));
      assert.equal(direct.length, onqc.filter((o) => o.role === 'direct').length);
    });

    test('each facet count equals the total of the list with that value added', async () => {
      const facets = await json<FacetsResponse>(await server.get('/api/directory/facets?province=QC&locale=fr'));
      for (const name of ['type', 'role', 'timeframe', 'focus'] as const) {
        for (const f of facets.data[name]) {
          const body = await list(`province=QC&${name}=${f.value}&pageSize=1`);
          assert.equal(f.count, body.meta.total, `${name}=${f.value}`);
        }
      }
      const qc = facets.data.province.find((f) => f.value === 'QC')!;
      assert.equal(qc.label, 'Québec');
    });

    test('pages are stable, complete and without duplicates', async () => {
      const whole = (await list('pageSize=100')).data.map((o) => o.slug);
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(whole.length / 7); page++)
        paged.push(...(await list(`pageSize=7&page=${page}`)).data.map((o) => o.slug));
      assert.deepEqual(paged, whole);
      const meta = (await list('pageSize=7')).meta;
      assert.equal(meta.pageCount, Math.ceil(meta.total / 7));
    });

    test('labels come in the requested locale', async () => {
      const [en, fr] = await Promise.all(['en', 'fr'].map(async (l) => (await list(`locale=${l}&pageSize=100`)).data));
      const withFocus = en!.findIndex((o) => o.focusAreas.length > 0);
      const term = en![withFocus]!.focusAreas[0]!;
      const frTerm = fr!.find((o) => o.slug === en![withFocus]!.slug)!.focusAreas.find((t) => t.code === term.code)!;
      const fixture = server.fixtures.taxonomies.focusAreas.find((t) => t.code === term.code)!;
      assert.equal(term.label, fixture.labelEn);
      assert.equal(frTerm.label, fixture.labelFr);
    });

    test('a term an editor relabels shows its new label on the records that have it, in lists, by slug and in the facets', async () => {
      const withService = (await list('locale=fr&pageSize=100')).data.find((o) => o.services.length > 0)!;
      const code = withService.services[0]!.code;
      const terms = server.strapi.documents(SERVICE_CATEGORY);
      const term = (await terms.findFirst({ filters: { code } }))!;
      const label = String(term.labelFr);
      const relabelled = `${label} (libellé revu)`;
      await terms.update({ documentId: term.documentId, data: { labelFr: relabelled } });
      try {
        const labelIn = (o: PublicOrganization) => o.services.find((s) => s.code === code)?.label;
        const bySlug = await json<{ data: PublicOrganization }>(
          await server.get(`/api/directory/organizations/${withService.slug}?locale=fr`),
        );
        assert.equal(labelIn(bySlug.data), relabelled);
        const listed = await all(`locale=fr&service=${code}`);
        assert.ok(listed.length > 0 && listed.every((o) => labelIn(o) === relabelled));
        const facets = await json<FacetsResponse>(await server.get('/api/directory/facets?locale=fr'));
        assert.equal(facets.data.service.find((f) => f.value === code)?.label, relabelled);
        // Found by the new words, as by the old ones before.
        assert.ok((await all(`locale=fr&q=${encodeURIComponent('libellé revu')}`)).some((o) => o.slug === withService.slug));
      } finally {
        await terms.update({ documentId: term.documentId, data: { labelFr: label } });
      }
      assert.equal(
        (await all(`locale=fr&service=${code}`)).find((o) => o.slug === withService.slug)?.services.find((s) => s.code === code)?.label,
        label,
      );
    });

    test('a term an editor removes leaves the records that named it, the filters and the facets', async () => {
      const terms = server.strapi.documents(SERVICE_CATEGORY);
      const term = await terms.create({ data: { code: 'removed_soon', labelEn: 'Removed soon', labelFr: 'Bientôt retiré' } });
      const slug = [...publicSlugs][3]!;
      const docs = server.strapi.documents(ORGANIZATION);
      const doc = (await docs.findFirst({ filters: { slug } }))!;
      await docs.update({ documentId: doc.documentId, locale: 'en', data: { services: { connect: [term.documentId] } } });
      await docs.publish({ documentId: doc.documentId, locale: '*' });
      const codes = async () => {
        const { data } = await json<{ data: PublicOrganization }>(await server.get(`/api/directory/organizations/${slug}?locale=fr`));
        return data.services.map((s) => s.code);
      };
      assert.ok((await codes()).includes('removed_soon'));
      assert.deepEqual(
        (await all('service=removed_soon')).map((o) => o.slug),
        [slug],
      );
      await terms.delete({ documentId: term.documentId });
      assert.ok(!(await codes()).includes('removed_soon'));
      const facets = await json<FacetsResponse>(await server.get('/api/directory/facets?locale=fr'));
      assert.ok(!facets.data.service.some((f) => f.value === 'removed_soon'));
      const res = await server.get('/api/directory/organizations?service=removed_soon');
      assert.equal(res.status, 400);
      assertErrorShape(await json(res), 400);
    });
  });

  describe('when the input is bad', () => {
    for (const [qs, path] of [
      ['bogus=1', 'bogus'],
      ['internalNotes=x', 'internalNotes'],
      ['sort=internalNotes', 'sort'],
      ['province=XX', 'province'],
      ['page=-1', 'page'],
      ['pageSize=1000', 'pageSize'],
      [`q=${'x'.repeat(500)}`, 'q'],
      ['locale=de', 'locale'],
      ['populate=*', 'populate'],
      ['filters[listingStatus]=removed', 'filters[listingStatus]'],
    ] as const) {
      test(`?${qs.slice(0, 40)} is a 400 naming ${path}`, async () => {
        const res = await server.get(`/api/directory/organizations?${qs}`);
        assert.equal(res.status, 400);
        const body = await json(res);
        assertErrorShape(body, 400);
        assert.ok(
          body.error.details.some((d: { path: string }) => d.path === path),
          JSON.stringify(body),
        );
      });
    }

    test('an unknown route under /api/directory is a 404 in the same error shape', async () => {
      const res = await server.get('/api/directory/nothing-here');
      assert.equal(res.status, 404);
      assertErrorShape(await json(res), 404);
    });
  });

  describe('when speaking HTTP', () => {
    test('responses carry an ETag and answer If-None-Match with 304', async () => {
      const first = await server.get('/api/directory/organizations?province=QC');
      const etag = first.headers.get('etag');
      assert.ok(etag);
      await first.body?.cancel();
      const second = await server.get('/api/directory/organizations?province=QC', { headers: { 'If-None-Match': etag } });
      assert.equal(second.status, 304);
      assert.match(first.headers.get('cache-control') ?? '', /public/);
      assert.match(first.headers.get('cache-control') ?? '', /s-maxage=\d+/);
      assert.equal(first.headers.get('vary'), 'Accept-Encoding');
    });

    test('public routes allow any origin, without credentials, and answer preflights', async () => {
      const res = await server.get('/api/directory/settings', { headers: { Origin: 'https://partner.example.org' } });
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      await res.body?.cancel();
      const pre = await fetch(`${server.url}/api/directory/applications`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://partner.example.org',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
      assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    test('other routes do not allow a foreign origin', async () => {
      const res = await server.get('/api/organizations', { headers: { Origin: 'https://evil.example.org' } });
      assert.notEqual(res.headers.get('access-control-allow-origin'), '*');
      assert.notEqual(res.headers.get('access-control-allow-origin'), 'https://evil.example.org');
      await res.body?.cancel();
    });

    test('security headers are set', async () => {
      const res = await server.get('/api/directory/settings');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(res.headers.get('strict-transport-security') || res.headers.get('content-security-policy'));
      assert.equal(res.headers.get('x-powered-by'), null);
      await res.body?.cancel();
    });

    test('settings come in both languages with the hotline number and the disclaimer', async () => {
      for (const locale of ['en', 'fr'] as const) {
        const { data } = await json(await server.get(`/api/directory/settings?locale=${locale}`));
        assert.equal(data.locale, locale);
        assert.equal(data.hotline.phone, server.fixtures.settings.hotlinePhone);
        assert.equal(data.disclaimer, server.fixtures.settings[locale].disclaimer);
      }
    });

    // Last: it changes an organization and the settings.
    test('a draft saved leaves the public catalog as it was (its version, cached pages and ETags); its publish and a change of the settings make a new one', async () => {
      const etagOf = async (path: string) => {
        const res = await server.get(path);
        assert.equal(res.status, 200, path);
        await res.body?.cancel();
        return res.headers.get('etag');
      };
      const projection = server.strapi.service('api::directory.projection');
      const page = '/api/directory/organizations?locale=en&pageSize=100';
      const fixture = server.fixtures.organizations.find(isPublicFixture)!;
      const row = await server.strapi.db.query(ORGANIZATION).findOne({ where: { slug: fixture.slug, locale: 'en', publishedAt: null } });
      const before = await etagOf(page);
      const version = (await projection.catalog()).version;
      const staffVersion = (await projection.internalCatalog()).version;
      const name = 'A Name Saved As A Draft';
      await server.strapi.documents(ORGANIZATION).update({ documentId: row.documentId, locale: 'en', data: { name } });
      assert.equal(await etagOf(page), before, 'a draft changes no public page');
      assert.equal((await projection.catalog()).version, version, 'nor the public catalog');
      const staff = await projection.internalCatalog();
      assert.notEqual(staff.version, staffVersion, 'staff have a new version');
      assert.equal(staff.bySlug.get(fixture.slug)!.records.en.name, name, 'which holds the draft');
      await server.strapi.documents(ORGANIZATION).publish({ documentId: row.documentId, locale: 'en' });
      assert.notEqual(await etagOf(page), before, 'the publish makes a new page');
      assert.notEqual((await projection.catalog()).version, version);
      assert.ok(
        (await all('locale=en')).some((o) => o.slug === fixture.slug && o.name === name),
        'the published name is listed',
      );

      const settings = '/api/directory/settings?locale=en';
      // Asked twice, so that its body is kept (from the second time: http.ts BodyCache).
      await etagOf(settings);
      const settingsBefore = await etagOf(settings);
      const disclaimer = 'A disclaimer changed by an editor.';
      await server.strapi.documents(SETTINGS_TYPE).update({
        documentId: (await server.strapi.documents(SETTINGS_TYPE).findFirst({ locale: 'en' }))!.documentId,
        locale: 'en',
        data: { disclaimer },
      });
      assert.notEqual(await etagOf(settings), settingsBefore);
      const { data } = await json(await server.get(settings));
      assert.equal(data.disclaimer, disclaimer, 'the new settings, not a cached body');
    });

    test("another instance's write, named in its notice, is re-read without holding a reader", async () => {
      const projection = server.strapi.service('api::directory.projection');
      const fixture = server.fixtures.organizations.filter(isPublicFixture)[3]!;
      const doc = await server.strapi.documents(ORGANIZATION).findFirst({ filters: { slug: fixture.slug } });
      assert.ok(doc);
      const name = 'A Name Written By Another Instance';
      projection.stop(); // this instance's own poll would find the write too
      try {
        const before = await projection.catalog();
        // As another instance writes: the row only, not through this instance's Document Service.
        await server.strapi.db
          .query(ORGANIZATION)
          .update({ where: { documentId: doc.documentId, locale: 'en', publishedAt: { $notNull: true } }, data: { name } });
        projection.changedElsewhere(ORGANIZATION, [doc.documentId]);
        assert.equal(await projection.catalog(), before, 'a reader is answered at once, from the catalog as it was');
        const deadline = Date.now() + 5000;
        while ((await projection.catalog()).bySlug.get(fixture.slug)?.records.en.name !== name) {
          assert.ok(Date.now() < deadline, 'the re-read of the notice reaches the catalog');
          await sleep(10);
        }
      } finally {
        projection.start(Number(process.env.DIRECTORY_REFRESH_INTERVAL_MS ?? 2000));
      }
    });

    test("the admin's Publish (a save and a publish in one transaction) with readers waiting: every reader sees it, and one re-read serves them all", async () => {
      const projection = server.strapi.service('api::directory.projection');
      const fixture = server.fixtures.organizations.filter(isPublicFixture)[2]!;
      const docs = server.strapi.documents(ORGANIZATION);
      const doc = await docs.findFirst({ filters: { slug: fixture.slug } });
      assert.ok(doc);
      const name = 'A Name Published With Readers Waiting';
      // Each re-read starts by asking the database for its fingerprints (fingerprint.ts).
      let fingerprints = 0;
      const onQuery = (q: { sql: string }) => {
        if (/^select \(select count\(\*\) from .organizations./.test(q.sql)) fingerprints++;
      };
      server.strapi.db.connection.on('query', onQuery);
      projection.stop(); // the refresh poll asks for fingerprints too, whenever its timer fires
      try {
        await server.strapi.db.transaction(async () => {
          await docs.update({ documentId: doc.documentId, locale: 'en', data: { name } });
          await docs.publish({ documentId: doc.documentId, locale: 'en' });
        });
        // Sixteen readers come while the commit's re-read is still to run.
        const seen = await Promise.all(
          Array.from({ length: 16 }, async () => (await projection.catalog()).bySlug.get(fixture.slug)?.records.en.name),
        );
        assert.deepEqual(seen, Array<string>(16).fill(name), 'every reader sees the publish');
        // On PostgreSQL this instance's own notices of the two writes arrive at the commit (notify.ts): time to apply them, were they applied.
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        server.strapi.db.connection.off('query', onQuery);
        projection.start(Number(process.env.DIRECTORY_REFRESH_INTERVAL_MS ?? 2000));
      }
      // One for the re-read that took both writes for all of them; none for this instance's own notices (peers.ts).
      assert.equal(fingerprints, 1, `${fingerprints} re-reads`);
    });
  });
});
