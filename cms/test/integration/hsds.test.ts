/**
 * The Open Referral HSDS 3.0 API on a real, seeded Strapi: every endpoint answers in HSDS shapes
 * that validate against the official HSDS 3.0 JSON Schemas (from HSDS_SCHEMA_DIR, default
 * ../shared/hsds/3.0) and against the directory's profile; only public records exist; the
 * parameters filter as documented; errors, CORS and caching follow the directory's edge.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { OrganizationList, PublicOrganization } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape, fixtureSlugs, getJson, isPublicFixture, json } from '../expect';
import { hsdsId } from '../../src/hsds/ids';
import { hsdsValidators } from '../../src/hsds/validation';
import { hsdsSchemasMissing } from '../../src/hsds/profile';
import { taxonomyId } from '../../src/hsds/vocab';
import { ORGANIZATION } from '../../src/content-types';

type Json = any;
const SCHEMAS_MISSING = hsdsSchemasMissing();
/** Why schema validation is skipped: the official schemas are not in HSDS_SCHEMA_DIR (default ../shared/hsds/3.0). */
const skipSchemas = SCHEMAS_MISSING ? `official HSDS schemas unavailable: ${SCHEMAS_MISSING}` : false;
const validators = hsdsValidators();
const PAGE_KEYS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];
const LISTS = [
  ['/services', 'service.json'],
  ['/organizations', 'organization.json'],
  ['/service_at_locations', 'service_at_location.json'],
  ['/taxonomies', 'taxonomy.json'],
  ['/taxonomy_terms', 'taxonomy_term.json'],
] as const;

function assertHsds(schema: string, value: unknown, what: string): void {
  if ('skip' in validators) return;
  assert.equal(validators.core(schema, value), null, `${what} is a valid HSDS 3.0 ${schema}`);
  assert.equal(validators.profile(schema, value), null, `${what} is a valid ${schema} of the profile`);
}

describe('the HSDS API', () => {
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

  const get = async (p: string, status = 200): Promise<Json> => {
    const { res, body } = await getJson(server, `/api/hsds${p}`, status);
    assert.equal(res.headers.get('access-control-allow-origin'), '*', `${p}: CORS *`);
    return body;
  };
  const all = async (p: string): Promise<Json[]> => {
    const out: Json[] = [];
    const sep = p.includes('?') ? '&' : '?';
    for (let page = 1; ; page++) {
      const body = await get(`${p}${sep}per_page=7&page=${page}`);
      out.push(...body.contents);
      if (body.last_page) return out;
    }
  };
  const directory = async (qs: string): Promise<PublicOrganization[]> => {
    const out: PublicOrganization[] = [];
    for (let page = 1; ; page++) {
      const body = await json<OrganizationList>(await server.get(`/api/directory/organizations?${qs}&pageSize=100&page=${page}`));
      out.push(...body.data);
      if (page >= body.meta.pageCount) return out;
    }
  };
  const ndjson = async (p: string): Promise<Json[]> => {
    const res = await server.get(`/api/hsds${p}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    const text = await res.text();
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  };

  describe('the index, profile and OpenAPI document', () => {
    test('GET /api/hsds/ gives the HSDS version, the profile URI and the OpenAPI URL', async () => {
      for (const p of ['/', '']) {
        const body = await get(p);
        assert.deepEqual(Object.keys(body).sort(), ['openapi_url', 'profile', 'version']);
        assert.equal(body.version, '3.0');
        assert.equal(body.profile, `${server.url}/api/hsds/profile`);
        assert.equal(body.openapi_url, `${server.url}/api/hsds/openapi.json`);
      }
    });

    test('the profile is served at its URI, with its JSON Merge Patch files', async () => {
      const profile = await get('/profile');
      assert.equal(profile.uri, `${server.url}/api/hsds/profile`);
      assert.equal(profile.hsds_version, '3.0');
      assert.ok(profile.description.en && profile.description.fr);
      const dir = path.resolve(__dirname, '..', '..', 'hsds', 'profile');
      for (const file of fs.readdirSync(dir)) {
        assert.equal(profile.modifications[file], `${server.url}/api/hsds/profile/profile/${file}`);
        assert.deepEqual(await get(`/profile/${file}`), JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      }
      assertErrorShape(await get('/profile/nope.json', 404), 404);
      assertErrorShape(await get('/profile/..%2F..%2Fpackage.json', 404), 404);
    });

    test('the compiled profile schemas merge the patches into the core schemas', { skip: skipSchemas }, async () => {
      const service = await get('/profile/schema/service.json');
      assert.equal(service.properties.name.type, 'string', 'core property kept');
      assert.deepEqual(service.properties.provider_role.enum, ['direct', 'indirect'], 'profile property added');
      assert.equal(service.properties.assured_date.format, 'date', 'core property patched');
    });

    test('the OpenAPI document is served and every path it lists answers', async () => {
      const doc = await get('/openapi.json');
      assert.equal(doc.openapi, '3.1.0');
      assert.equal(doc.servers[0].url, `${server.url}/api/hsds`);
      const someService = hsdsId.service(publicSlugs[0]!);
      const ids: Record<string, string> = {
        '/services/{id}': someService,
        '/organizations/{id}': hsdsId.organization(publicSlugs[0]!),
        '/taxonomies/{id}': taxonomyId('focus_area'),
        '/profile/{file}': 'service.json',
        '/profile/profile/{file}': 'service.json',
        '/profile/schema/{file}': 'service.json',
      };
      const sal = (await get('/service_at_locations?per_page=1')).contents[0];
      ids['/service_at_locations/{id}'] = sal.id;
      ids['/taxonomy_terms/{id}'] = (await get('/taxonomy_terms?per_page=1')).contents[0].id;
      for (const p of Object.keys(doc.paths)) {
        if (p === '/profile/schema/{file}' && SCHEMAS_MISSING) continue;
        const concrete = p.replace(/\{(id|file)\}/, () => ids[p]!);
        await get(concrete === '/' ? '/' : concrete);
      }
    });
  });

  describe('lists and records', () => {
    test('every list has the HSDS page envelope and items valid against HSDS 3.0 and the profile', async () => {
      for (const [p, schema] of LISTS) {
        const body = await get(p);
        assert.deepEqual(Object.keys(body), PAGE_KEYS, p);
        assert.equal(body.page_number, 1);
        assert.equal(body.first_page, true);
        assert.equal(body.size, body.contents.length);
        assert.ok(body.total_items > 0, `${p} has items`);
        for (const item of await all(p)) assertHsds(schema, item, `${p} item ${item.id}`);
      }
    });

    test('every record by id is fully nested and valid', { skip: skipSchemas }, async () => {
      for (const s of await all('/services')) {
        const full = await get(`/services/${s.id}`);
        assertHsds('service.json', full, `service ${s.id}`);
        assert.equal(full.organization.id, s.organization_id);
        assert.ok(Array.isArray(full.attributes) && full.attributes.every((a: Json) => a.taxonomy_term?.id === a.taxonomy_term_id));
        assertHsds('organization.json', await get(`/organizations/${s.organization_id}`), `organization ${s.organization_id}`);
      }
      for (const sal of await all('/service_at_locations'))
        assertHsds('service_at_location.json', await get(`/service_at_locations/${sal.id}`), `sal ${sal.id}`);
      for (const t of await all('/taxonomies')) assertHsds('taxonomy.json', await get(`/taxonomies/${t.id}`), `taxonomy ${t.id}`);
      for (const t of await all('/taxonomy_terms')) assertHsds('taxonomy_term.json', await get(`/taxonomy_terms/${t.id}`), `term ${t.id}`);
    });

    test('paging covers every record once, with consistent flags', async () => {
      const items = await all('/services');
      assert.equal(items.length, publicSlugs.length);
      assert.equal(new Set(items.map((s) => s.id)).size, items.length);
      const last = await get(`/services?per_page=7&page=${Math.ceil(publicSlugs.length / 7)}`);
      assert.equal(last.last_page, true);
      assert.equal(last.total_pages, Math.ceil(publicSlugs.length / 7));
      const beyond = await get(`/services?per_page=7&page=${last.total_pages + 1}`);
      assert.equal(beyond.empty, true);
      assert.deepEqual(beyond.contents, []);
    });

    test('format=ndjson streams every record, fully nested, valid', async () => {
      for (const [p, schema] of LISTS) {
        const lines = await ndjson(`${p}?format=ndjson&page=2&per_page=1`);
        assert.equal(lines.length, (await get(p)).total_items, `${p}: all records, no paging`);
        for (const item of lines) assertHsds(schema, item, `${p} ndjson ${item.id}`);
      }
      const services = await ndjson('/services?format=ndjson');
      assert.ok(
        services.every((s) => s.organization && Array.isArray(s.attributes)),
        'nested',
      );
    });
  });

  describe('only the public subset', () => {
    test('exactly the public organizations exist, and private ones answer 404 like unknown ids', async () => {
      const orgs = await all('/organizations');
      assert.deepEqual(new Set(orgs.map((o) => o.id)), new Set(publicSlugs.map(hsdsId.organization)));
      for (const slug of privateSlugs) {
        assertErrorShape(await get(`/organizations/${hsdsId.organization(slug)}`, 404), 404);
        assertErrorShape(await get(`/services/${hsdsId.service(slug)}`, 404), 404);
        assertErrorShape(await get(`/service_at_locations/${hsdsId.serviceAtLocation(slug, 0)}`, 404), 404);
        assert.equal((await get(`/services?organization_id=${hsdsId.organization(slug)}`)).total_items, 0);
      }
      assertErrorShape(await get(`/services/${hsdsId.service('never-existed')}`, 404), 404);
    });

    test('no confidential address and no internal field appears anywhere', async () => {
      const text = JSON.stringify([
        await ndjson('/services?format=ndjson'),
        await ndjson('/organizations?format=ndjson'),
        await ndjson('/service_at_locations?format=ndjson'),
      ]);
      for (const o of server.fixtures.organizations) {
        for (const l of o.locations) {
          if (l.confidential) {
            if (l.street) assert.ok(!text.includes(l.street), `confidential street of ${o.slug}`);
            if (l.postalCode) assert.ok(!text.includes(l.postalCode), `confidential postal code of ${o.slug}`);
          }
        }
        const i = o.internal;
        for (const secret of [
          i.internalEmail,
          i.designatedContact?.email,
          i.designatedContact?.name,
          i.capacityNotes,
          i.safetyNotes,
          i.internalNotes,
          ...i.internalPhones.map((p) => p.number),
          ...i.keyStaff.map((k) => k.email),
          o.state.statusNote,
          o.state.consentBy,
        ]) {
          if (secret) assert.ok(!text.includes(secret), `internal value of ${o.slug}: ${secret}`);
        }
        if (!isPublicFixture(o)) assert.ok(!text.includes(o.en.name), `private ${o.slug} by name`);
      }
    });

    test('a confidential site is a service area with city and province, never a location', async () => {
      const sheltered = server.fixtures.organizations.filter((o) => isPublicFixture(o) && o.locations.some((l) => l.confidential));
      assert.ok(sheltered.length > 0);
      for (const o of sheltered) {
        const s = await get(`/services/${hsdsId.service(o.slug)}`);
        const sites = s.service_areas.filter((a: Json) => a.area_type === 'confidential_site');
        assert.deepEqual(
          sites.map((a: Json) => [a.region, a.state_province]),
          o.locations.filter((l) => l.confidential).map((l) => [l.city, l.province]),
        );
        assert.equal((s.service_at_locations ?? []).length, o.locations.filter((l) => !l.confidential).length);
      }
    });

    test('a suspension takes effect at once in HSDS too', async () => {
      const slug = publicSlugs[0]!;
      const docs = server.strapi.documents(ORGANIZATION);
      const doc = await docs.findFirst({ filters: { slug } });
      await docs.update({ documentId: doc!.documentId, locale: 'en', data: { listingStatus: 'suspended', removalReason: 'unreachable' } });
      assertErrorShape(await get(`/services/${hsdsId.service(slug)}`, 404), 404);
      assert.equal((await get('/organizations')).total_items, publicSlugs.length - 1);
      await docs.update({ documentId: doc!.documentId, locale: 'en', data: { listingStatus: 'active' } });
      await docs.publish({ documentId: doc!.documentId, locale: '*' });
      await get(`/services/${hsdsId.service(slug)}`);
    });
  });

  describe('parameters', () => {
    test('search is accent- and case-insensitive, like the directory search', async () => {
      for (const q of ['montreal', 'MONTRÉAL', 'traite']) {
        const hsds = (await all(`/services?search=${encodeURIComponent(q)}`)).map((s) => s.organization_id).sort();
        const dir = (await directory(`q=${encodeURIComponent(q)}`)).map((o) => hsdsId.organization(o.slug)).sort();
        assert.ok(hsds.length > 0, q);
        assert.deepEqual(hsds, dir, q);
      }
      assert.equal((await get('/services?search=zzzqqqxx')).empty, true);
    });

    test('taxonomy_term_id and taxonomy_id select by classification', async () => {
      const terms = await all(`/taxonomy_terms?taxonomy_id=${taxonomyId('focus_area')}`);
      assert.ok(terms.length > 0 && terms.every((t) => t.taxonomy_id === taxonomyId('focus_area')));
      for (const t of terms.slice(0, 4)) {
        const hsds = (await all(`/services?taxonomy_term_id=${t.id}`)).map((s) => s.organization_id).sort();
        const dir = (await directory(`focus=${t.code}`)).map((o) => hsdsId.organization(o.slug)).sort();
        assert.deepEqual(hsds, dir, t.code);
      }
      const two = terms.slice(0, 2);
      const either = (await all(`/organizations?taxonomy_term_id=${two.map((t) => t.id).join(',')}`)).length;
      const union = new Set((await directory(`focus=${two.map((t) => t.code).join(',')}`)).map((o) => o.slug)).size;
      assert.equal(either, union);
      assert.equal((await get(`/services?taxonomy_id=${taxonomyId('focus_area')}`)).total_items, publicSlugs.length);
      assert.equal((await get(`/services?taxonomy_term_id=${hsdsId.taxonomyTerm('focus_area', 'nope')}`)).total_items, 0);
    });

    test("organization_id selects one organization's service and sites", async () => {
      const slug = server.fixtures.organizations.find(
        (o) => isPublicFixture(o) && o.locations.filter((l) => !l.confidential).length > 0,
      )!.slug;
      const id = hsdsId.organization(slug);
      const services = await get(`/services?organization_id=${id}`);
      assert.deepEqual(
        services.contents.map((s: Json) => s.id),
        [hsdsId.service(slug)],
      );
      const sals = await get(`/service_at_locations?organization_id=${id}`);
      assert.ok(sals.total_items > 0 && sals.contents.every((s: Json) => s.service_id === hsdsId.service(slug)));
    });

    test('modified_after keeps records published on or after the date', async () => {
      assert.equal((await get('/services?modified_after=2000-01-01')).total_items, publicSlugs.length);
      assert.equal((await get('/services?modified_after=2999-01-01T00:00:00Z')).total_items, 0);
      const one = (await get('/services?per_page=1')).contents[0];
      const since = (await all(`/services?modified_after=${encodeURIComponent(one.last_modified)}`)).map((s) => s.id);
      assert.ok(since.includes(one.id));
    });

    test('bad parameters are refused with 400 naming them, with CORS and the error body', async () => {
      for (const [qs, p] of [
        ['/services?full=yes', 'full'],
        ['/services?per_page=0', 'per_page'],
        ['/services?per_page=1000', 'per_page'],
        ['/services?page=x', 'page'],
        ['/services?format=xml', 'format'],
        ['/services?taxonomy_term_id=abc', 'taxonomy_term_id'],
        ['/services?modified_after=yesterday', 'modified_after'],
        ['/taxonomies?organization_id=x', 'organization_id'],
        ['/services?internalNotes=x', 'internalNotes'],
        [`/services/${hsdsId.service(publicSlugs[0]!)}?x=1`, 'x'],
        [`/services?search=${'a'.repeat(201)}`, 'search'],
      ] as const) {
        const body = await get(qs, 400);
        assertErrorShape(body, 400);
        assert.ok(
          body.error.details.some((d: Json) => d.path === p),
          `${qs} names ${p}`,
        );
      }
      assertErrorShape(await get('/nothing-here', 404), 404);
    });
  });

  describe('HTTP', () => {
    test('answers CORS preflights and revalidates with ETags', async () => {
      const pre = await server.get('/api/hsds/services', {
        method: 'OPTIONS',
        headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
      for (const p of ['/services', `/services/${hsdsId.service(publicSlugs[0]!)}`, '/', '/profile', '/services?format=ndjson']) {
        const first = await server.get(`/api/hsds${p}`);
        await first.text();
        const etag = first.headers.get('etag');
        assert.ok(etag, `${p} has an ETag`);
        assert.match(first.headers.get('cache-control') ?? '', /public/);
        const again = await server.get(`/api/hsds${p}`, { headers: { 'If-None-Match': etag } });
        assert.equal(again.status, 304, p);
      }
    });
  });
});
