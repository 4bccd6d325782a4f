/**
 * HSDS as an exchange path for 211 data teams, on a real seeded Strapi: incremental sync sees
 * French-only edits and learns what left the public directory (ids and dates only); the
 * reference's optional parameters work (minimal, full, full_service, top_only, parent_id) and the
 * ones not implemented yet are refused by name; French is served in the core fields on request
 * (locale, Accept-Language); `/` and the profile name the origin that answers, in the layout of
 * the HSDS Profiles reference.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape, fixtureSlugs, getJson, isPublicFixture, json } from '../expect';
import { hsdsId } from '../../src/hsds/ids';
import { hsdsValidators } from '../../src/hsds/validation';
import { taxonomyId } from '../../src/hsds/vocab';
import { ORGANIZATION as ORG } from '../../src/content-types';

type Json = any;
const validators = hsdsValidators();

describe('HSDS sync, parameters and languages', () => {
  let server: TestServer;
  let publicSlugs: string[];
  let privateSlugs: string[];
  before(async () => {
    server = await startServer();
    ({ publicSlugs, privateSlugs } = fixtureSlugs(server.fixtures));
  });
  after(async () => {
    await server?.stop();
  });

  const get = async (p: string, status = 200, headers: Record<string, string> = {}): Promise<Json> =>
    (await getJson(server, `/api/hsds${p}`, status, { headers })).body;
  const docs = () => server.strapi.documents(ORG);
  const documentOf = async (slug: string) => (await docs().findFirst({ locale: 'en', status: 'draft', filters: { slug } }))!.documentId;
  const tick = () => new Promise((r) => setTimeout(r, 20));

  describe('sync (items 1 and 2)', () => {
    test('publishing a French-only edit moves last_modified, so modified_after finds it', async () => {
      const slug = publicSlugs[1]!;
      const id = hsdsId.service(slug);
      const before = (await get(`/services/${id}`)).last_modified;
      await tick();
      const since = new Date().toISOString();
      await tick();
      const documentId = await documentOf(slug);
      await docs().update({ documentId, locale: 'fr', data: { description: 'Description corrigée en français seulement.' } });
      await docs().publish({ documentId, locale: 'fr' });
      const after = await get(`/services/${id}`);
      assert.equal(after.description_fr, 'Description corrigée en français seulement.');
      assert.ok(after.last_modified > before && after.last_modified >= since, `${after.last_modified} after ${before}`);
      const changed = await get(`/services?modified_after=${encodeURIComponent(since)}&per_page=200`);
      assert.deepEqual(
        changed.contents.map((s: Json) => s.id),
        [id],
        'only the French edit is newer',
      );
      const minimal = await get(`/services?minimal=true&modified_after=${encodeURIComponent(since)}`);
      assert.deepEqual(minimal.contents, [{ id, last_modified: after.last_modified }]);
    });

    test("minimal=true gives every service's id and last_modified only", async () => {
      const body = await get('/services?minimal=true&per_page=200');
      assert.equal(body.total_items, publicSlugs.length);
      for (const s of body.contents) assert.deepEqual(Object.keys(s).sort(), ['id', 'last_modified']);
      assert.deepEqual(new Set(body.contents.map((s: Json) => s.id)), new Set(publicSlugs.map(hsdsId.service)));
    });

    test('full=true and full_service=true nest records as the reference describes', async () => {
      const services = await get('/services?full=true&per_page=3');
      assert.ok(
        services.contents.every((s: Json) => s.organization && Array.isArray(s.attributes)),
        'services nested',
      );
      const orgs = await get('/organizations?full=true&per_page=3');
      assert.ok(
        orgs.contents.every((o: Json) => Array.isArray(o.services) && Array.isArray(o.organization_identifiers)),
        'organizations nested',
      );
      const withServices = await get('/organizations?full_service=true&per_page=3');
      assert.ok(
        withServices.contents.every((o: Json) => o.services.every((s: Json) => Array.isArray(s.attributes) && s.organization)),
        'services in full',
      );
      const one = await get(`/organizations/${hsdsId.organization(publicSlugs[0]!)}?full_service=true`);
      assert.ok(one.services[0].attributes.length > 0);
      const sals = await get('/service_at_locations?full=true&per_page=3');
      assert.ok(sals.contents.every((s: Json) => s.location && s.service));
      if (!('skip' in validators)) {
        for (const s of services.contents) assert.equal(validators.core('service.json', s), null);
        for (const o of [...orgs.contents, ...withServices.contents, one]) assert.equal(validators.core('organization.json', o), null);
        for (const s of sals.contents) assert.equal(validators.core('service_at_location.json', s), null);
      }
    });

    test('a record that stops being public is listed at /deleted with its ids and the date, and nothing else', async () => {
      const o = server.fixtures.organizations.find(
        (x) => isPublicFixture(x) && x.locations.some((l) => !l.confidential) && x.slug !== publicSlugs[1],
      )!;
      const sal = (await get(`/service_at_locations?organization_id=${hsdsId.organization(o.slug)}`)).contents.map((s: Json) => s.id);
      assert.ok(sal.length > 0);
      await get('/deleted');
      const since = new Date().toISOString();
      await tick();
      const documentId = await documentOf(o.slug);
      await docs().update({ documentId, locale: 'en', data: { listingStatus: 'suspended', removalReason: 'unreachable' } });
      const gone = await get(`/deleted?modified_after=${encodeURIComponent(since)}`);
      assert.deepEqual(Object.keys(gone).sort(), [
        'contents',
        'empty',
        'first_page',
        'last_page',
        'page_number',
        'size',
        'total_items',
        'total_pages',
      ]);
      const expected = [
        { id: hsdsId.organization(o.slug), object: 'organization' },
        { id: hsdsId.service(o.slug), object: 'service' },
        ...sal.map((id: string) => ({ id, object: 'service_at_location' })),
      ];
      assert.deepEqual(
        gone.contents.map((d: Json) => ({ id: d.id, object: d.object })).sort((a: Json, b: Json) => a.id.localeCompare(b.id)),
        expected.sort((a, b) => a.id.localeCompare(b.id)),
      );
      for (const d of gone.contents) {
        assert.deepEqual(Object.keys(d).sort(), ['deleted_at', 'id', 'object'], 'no reason, no name, no status');
        assert.ok(d.deleted_at >= since);
      }
      assert.ok(!JSON.stringify(gone).includes('suspended') && !JSON.stringify(gone).includes(o.slug));
      // Never-public records are never listed, whatever happens to them.
      const all = JSON.stringify(await get('/deleted?per_page=200'));
      for (const slug of privateSlugs) assert.ok(!all.includes(hsdsId.organization(slug)) && !all.includes(hsdsId.service(slug)), slug);
      // Back in the directory: no longer listed as deleted.
      await docs().update({ documentId, locale: 'en', data: { listingStatus: 'active' } });
      await docs().publish({ documentId, locale: '*' });
      await get(`/services/${hsdsId.service(o.slug)}`);
      assert.equal((await get(`/deleted?modified_after=${encodeURIComponent(since)}`)).total_items, 0);
      assertErrorShape(await get('/deleted?modified_after=yesterday', 400), 400);
    });
  });

  describe('parameters (item 3)', () => {
    test("the reference's optional parameters are accepted", async () => {
      for (const p of [
        '/services?full=true',
        '/services?minimal=true',
        '/services?full=false',
        '/organizations?full_service=true',
        '/service_at_locations?full=true',
        '/taxonomy_terms?top_only=true',
        `/taxonomy_terms?parent_id=${hsdsId.taxonomyTerm('focus_area', 'trafficking')}`,
      ]) {
        await get(p);
      }
      const terms = await get('/taxonomy_terms?per_page=200');
      assert.equal(
        (await get('/taxonomy_terms?top_only=true&per_page=200')).total_items,
        terms.total_items,
        'every term is a top-level term',
      );
      assert.equal((await get(`/taxonomy_terms?parent_id=${terms.contents[0].id}`)).total_items, 0, 'no term has a parent');
      assert.equal(
        (await get(`/taxonomy_terms?top_only=true&taxonomy_id=${taxonomyId('population')}`)).contents.every(
          (t: Json) => t.taxonomy === 'population',
        ),
        true,
      );
    });

    test('unknown and malformed parameters are 400s naming them', async () => {
      for (const [qs, p, message] of [
        ['/services?postcode=H2X', 'postcode', /not a known parameter/],
        ['/services?full=maybe', 'full', /true or false/],
        ['/services?minimal=true&full=true', 'minimal', /cannot be combined/],
        ['/taxonomy_terms?parent_id=x', 'parent_id', /UUID/],
        ['/services?locale=de', 'locale', /en or fr/],
        ['/services?frobnicate=1', 'frobnicate', /not a known parameter/],
        ['/taxonomies?top_only=true', 'top_only', /not a known parameter/],
      ] as const) {
        const body = await get(qs, 400);
        assertErrorShape(body, 400);
        assert.ok(
          body.error.details.some((d: Json) => d.path === p && message.test(d.message)),
          `${qs}: ${JSON.stringify(body.error.details)}`,
        );
      }
    });
  });

  describe('French for plain HSDS consumers (item 4)', () => {
    const id = () => hsdsId.service(publicSlugs[0]!);

    test('locale=fr and Accept-Language: fr serve French in the core fields, keeping the *_fr fields', async () => {
      const en = await get(`/services/${id()}`);
      assert.notEqual(en.name, en.name_fr);
      for (const [p, headers] of [
        [`/services/${id()}?locale=fr`, {}],
        [`/services/${id()}`, { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' }],
      ] as const) {
        const res = await server.get(`/api/hsds${p}`, { headers });
        assert.equal(res.headers.get('content-language'), 'fr');
        assert.match(res.headers.get('vary') ?? '', /Accept-Language/);
        const fr = await json(res);
        assert.equal(fr.name, en.name_fr);
        assert.equal(fr.description, en.description_fr);
        assert.equal(fr.name_fr, en.name_fr, 'profile fields kept');
        assert.equal(fr.organization.name, en.organization.name_fr);
        assert.ok(fr.attributes.every((a: Json) => a.taxonomy_term.name === a.taxonomy_term.name_fr && a.taxonomy_term.language === 'fr'));
        if (!('skip' in validators)) {
          assert.equal(validators.core('service.json', fr), null);
          assert.equal(validators.profile('service.json', fr), null);
        }
      }
      const english = await server.get(`/api/hsds/services/${id()}`, { headers: { 'Accept-Language': 'de, en;q=0.8, fr;q=0.5' } });
      assert.equal(english.headers.get('content-language'), 'en');
      assert.equal((await json(english)).name, en.name);
      const list = await get('/services?locale=fr&per_page=200');
      assert.ok(list.contents.every((s: Json) => !s.name_fr || s.name === s.name_fr));
      const terms = await get('/taxonomy_terms?per_page=200', 200, { 'Accept-Language': 'fr' });
      assert.ok(terms.contents.every((t: Json) => t.name === t.name_fr));
    });

    test('the two languages have different ETags', async () => {
      const a = await server.get(`/api/hsds/services/${id()}`);
      const b = await server.get(`/api/hsds/services/${id()}`, { headers: { 'Accept-Language': 'fr' } });
      assert.notEqual(a.headers.get('etag'), b.headers.get('etag'));
      const again = await server.get(`/api/hsds/services/${id()}`, {
        headers: { 'Accept-Language': 'fr', 'If-None-Match': a.headers.get('etag')! },
      });
      assert.equal(again.status, 200, 'an English ETag does not validate the French answer');
    });
  });

  describe('origin and profile layout (item 5)', () => {
    test('/ and the profile name the origin that answered, not PUBLIC_URL', async () => {
      const other = server.url.replace('127.0.0.1', 'localhost');
      assert.notEqual(other, process.env.PUBLIC_URL);
      const index = await json(await fetch(`${other}/api/hsds/`));
      assert.equal(index.profile, `${other}/api/hsds/profile`);
      assert.equal(index.openapi_url, `${other}/api/hsds/openapi.json`);
      const openapi = await json(await fetch(index.openapi_url));
      assert.equal(openapi.servers[0].url, `${other}/api/hsds`);
    });

    test("the profile's files are at <uri>/profile/<file> and its schemas at <uri>/schema/<file>", async () => {
      const index = await get('/');
      const profile = await json(await fetch(index.profile));
      assert.equal(profile.uri, index.profile);
      for (const [file, url] of Object.entries(profile.modifications) as Array<[string, string]>) {
        assert.equal(url, `${index.profile}/profile/${file}`);
        const res = await fetch(url);
        assert.equal(res.status, 200, url);
        assert.equal(typeof (await json(res)), 'object');
        assert.equal(profile.schemas[file], `${index.profile}/schema/${file}`);
      }
      assert.equal((await fetch(`${index.profile}/profile/service.json`)).status, 200);
    });
  });
});
