/**
 * The edge of the public APIs, as a black-box probe sees it: malformed paths, unknown methods,
 * errors produced before Strapi's own middlewares, validators that say nothing about hidden
 * records, and compressed bodies negotiated from Accept-Encoding.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { projectionOf } from '../../src/directory/services';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape, isPublicFixture } from '../expect';
import { raw, type RawResponse } from '../../scripts/lib/raw-http';
import { ORGANIZATION } from '../../src/content-types';
import { HOT_SENDS_PER_SECOND } from '../../src/directory/compression';

const SECURITY_HEADERS = [
  'x-content-type-options',
  'content-security-policy',
  'referrer-policy',
  'x-frame-options',
  'strict-transport-security',
];
const FORM_LIMIT = 6;

const parse = (r: RawResponse): unknown => JSON.parse(r.text());

function assertSecurityHeaders(r: RawResponse, where: string): void {
  for (const h of SECURITY_HEADERS) assert.ok(r.headers[h], `${where} (${r.status}) carries ${h}`);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', where);
}

function decode(r: RawResponse): string {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(r.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(r.body).toString('utf8');
  assert.equal(encoding, undefined, 'no other encoding');
  return r.text();
}

describe('the edge of the public APIs', () => {
  let server: TestServer;
  let base: string;
  let publicSlug: string;
  let hiddenSlug: string;

  before(async () => {
    server = await startServer({ env: { DIRECTORY_FORM_RATE_LIMIT: String(FORM_LIMIT) } });
    base = server.url;
    publicSlug = server.fixtures.organizations.find(isPublicFixture)!.slug;
    hiddenSlug = server.fixtures.organizations.find((o) => !isPublicFixture(o))!.slug;
  });
  after(async () => server?.stop());

  describe('malformed percent-encodings in the path', () => {
    test('answer like an unknown slug: 404 with the same body', async () => {
      const unknown = await raw(base, '/api/directory/organizations/no-such-organization');
      assert.equal(unknown.status, 404);
      for (const bad of ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80']) {
        const r = await raw(base, `/api/directory/organizations/${bad}`);
        assert.equal(r.status, 404, bad);
        assert.deepEqual(parse(r), parse(unknown), bad);
        assertSecurityHeaders(r, bad);
      }
    });

    test('an unknown path with one answers 404, not a message about the body', async () => {
      for (const p of ['/api/directory/%ZZ', '/api/hsds/services/%ZZ', '/api/hsds/%E0%A4%A']) {
        const r = await raw(base, p);
        assert.equal(r.status, 404, p);
        assertErrorShape(parse(r), 404);
        assert.doesNotMatch(r.text(), /JSON/, p);
      }
    });
  });

  describe('methods', () => {
    test('an unknown or unsupported method answers 405 with the one error body and Allow', async () => {
      const cases: Array<[string, string, RegExp]> = [
        ['TRACE', '/api/directory/organizations', /GET/],
        ['PROPFIND', '/api/directory/organizations', /GET/],
        ['TRACE', '/api/directory/applications', /POST/],
        ['PROPFIND', '/api/directory/facets', /GET/],
        ['DELETE', '/api/directory/organizations', /GET/],
        ['PUT', '/api/directory/suggestions', /POST/],
        ['TRACE', '/api/hsds/services', /GET/],
        ['PATCH', '/api/hsds/organizations', /GET/],
      ];
      for (const [method, p, allow] of cases) {
        const r = await raw(base, p, { method });
        assert.equal(r.status, 405, `${method} ${p}`);
        assert.match(String(r.headers['content-type']), /^application\/json/, `${method} ${p}`);
        const body = parse(r) as { error: { name: string } };
        assertErrorShape(body, 405);
        assert.equal(body.error.name, 'MethodNotAllowedError');
        assert.match(String(r.headers.allow), allow, `${method} ${p}: Allow`);
        assert.doesNotMatch(String(r.headers.allow), new RegExp(`\\b${method}\\b`), `${method} ${p}: Allow`);
        assertSecurityHeaders(r, `${method} ${p}`);
      }
    });
  });

  describe('errors produced at the edge', () => {
    test('411, 413, 415 and 429 carry the security headers the reads carry', async () => {
      const form = '/api/directory/applications';
      const json = { 'Content-Type': 'application/json' };
      const statuses: number[] = [];
      const check = async (init: Parameters<typeof raw>[2], status: number) => {
        const r = await raw(base, form, { method: 'POST', ...init });
        assert.equal(r.status, status);
        assertErrorShape(parse(r), status);
        assertSecurityHeaders(r, `POST ${form}`);
        statuses.push(status);
      };
      await check({ headers: { 'Content-Type': 'text/plain', 'Content-Length': '2' }, body: 'hi' }, 415);
      await check({ headers: json, body: '{}' }, 411); // chunked: no Content-Length
      await check({ headers: { ...json, 'Content-Length': String(100_000) }, body: 'x'.repeat(100_000) }, 413);
      let r: RawResponse | null = null;
      for (let i = 0; i <= FORM_LIMIT && r?.status !== 429; i++) {
        r = await raw(base, form, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Content-Length': '2' }, body: 'hi' });
      }
      assert.equal(r?.status, 429);
      assertSecurityHeaders(r, 'rate limit');
      assert.deepEqual(statuses, [415, 411, 413]);
    });

    test('a failure inside a read answers 500 with the error body and the security headers', async () => {
      // Every read starts by asking the projection for the catalog: make that fail.
      const projection = projectionOf(server.strapi);
      const original = projection.catalog;
      projection.catalog = async () => {
        throw new Error('simulated fault');
      };
      try {
        const r = await raw(base, '/api/directory/facets');
        assert.equal(r.status, 500);
        assertErrorShape(parse(r), 500);
        assert.doesNotMatch(r.text(), /simulated/);
        assertSecurityHeaders(r, 'facets');
      } finally {
        projection.catalog = original;
      }
      assert.equal((await raw(base, '/api/directory/facets')).status, 200);
    });
  });

  describe('validators', () => {
    const paths = () => [
      '/api/directory/organizations',
      '/api/directory/organizations?locale=fr&pageSize=50',
      '/api/directory/facets',
      `/api/directory/organizations/${publicSlug}`,
      '/api/directory/settings',
      '/api/hsds/services',
    ];
    const snapshot = async (list = paths()) => {
      const out = new Map<string, { etag: string; body: string }>();
      for (const p of list) {
        const r = await raw(base, p);
        assert.equal(r.status, 200, p);
        out.set(p, { etag: String(r.headers.etag), body: r.text() });
      }
      return out;
    };
    const docs = () => server.strapi.documents(ORGANIZATION);
    const projection = () => server.strapi.service('api::directory.projection');
    const catalogVersion = async () => (await projection().catalog()).version as string;
    const staffVersion = async () => (await projection().internalCatalog()).version as string;

    test('an edit to a hidden record changes no public ETag or body', async () => {
      const before = await snapshot();
      const v0 = await catalogVersion();
      const staff0 = await staffVersion();
      const hidden = await docs().findFirst({ filters: { slug: hiddenSlug } });
      assert.ok(hidden);
      await docs().update({
        documentId: hidden.documentId,
        locale: 'en',
        data: { internalNotes: 'edited in a hidden record', description: 'A hidden description' },
      });
      assert.notEqual(await staffVersion(), staff0, "the edits reached the staff's catalog");
      assert.equal(await catalogVersion(), v0, 'and made no new public one: its cached pages stay');
      const afterEdit = await snapshot();
      for (const p of paths()) {
        assert.equal(afterEdit.get(p)!.body, before.get(p)!.body, `${p}: body`);
        assert.equal(afterEdit.get(p)!.etag, before.get(p)!.etag, `${p}: ETag`);
        const again = await raw(base, p, { headers: { 'If-None-Match': before.get(p)!.etag } });
        assert.equal(again.status, 304, `${p}: the old validator still matches`);
      }
    });

    test('an edit to a public field changes the ETag of the responses that show it', async () => {
      const before = await snapshot();
      const shown = await docs().findFirst({ filters: { slug: publicSlug }, locale: 'en' });
      assert.ok(shown);
      await docs().update({
        documentId: shown.documentId,
        locale: 'en',
        data: { description: `${String(shown.description)} Now open on Sundays.` },
      });
      await docs().publish({ documentId: shown.documentId, locale: 'en' });
      const afterEdit = await snapshot();
      for (const p of ['/api/directory/organizations', `/api/directory/organizations/${publicSlug}`, '/api/hsds/services']) {
        assert.notEqual(afterEdit.get(p)!.etag, before.get(p)!.etag, `${p}: ETag`);
        assert.notEqual(afterEdit.get(p)!.body, before.get(p)!.body, `${p}: body`);
      }
    });

    test("a publish keeps the body and ETag of every page it does not change, and answers 304 to their clients' validators", async () => {
      const list = await raw(base, '/api/directory/organizations?locale=fr&pageSize=100');
      const slugs = (JSON.parse(list.text()) as { data: Array<{ slug: string }> }).data.map((o) => o.slug);
      const edited = slugs.indexOf(publicSlug);
      const other = edited === 0 ? 1 : 0;
      // One record a page, in name order: the edit (its description) moves no record.
      const pageOf = (i: number) => `/api/directory/organizations?locale=fr&pageSize=1&page=${i + 1}`;
      const untouched = [pageOf(other), `/api/directory/organizations/${slugs[other]}?locale=fr`, '/api/directory/settings?locale=fr'];
      const touched = [pageOf(edited), `/api/directory/organizations/${publicSlug}?locale=fr`];
      const take = () => snapshot([...untouched, ...touched]);
      await take(); // the cache keeps a body from its second ask
      const before = await take();
      const v0 = await catalogVersion();
      const shown = await docs().findFirst({ filters: { slug: publicSlug }, locale: 'fr' });
      assert.ok(shown);
      await docs().update({
        documentId: shown.documentId,
        locale: 'fr',
        data: { description: `${String(shown.description)} Ouvert le dimanche.` },
      });
      await docs().publish({ documentId: shown.documentId, locale: 'fr' });
      assert.notEqual(await catalogVersion(), v0, 'the publish made a new public catalog');
      const afterPublish = await take();
      for (const p of untouched) {
        assert.equal(afterPublish.get(p)!.body, before.get(p)!.body, `${p}: body`);
        assert.equal(afterPublish.get(p)!.etag, before.get(p)!.etag, `${p}: ETag`);
        assert.equal((await raw(base, p, { headers: { 'If-None-Match': before.get(p)!.etag } })).status, 304, `${p}: 304`);
      }
      for (const p of touched) {
        assert.match(afterPublish.get(p)!.body, /Ouvert le dimanche\./, `${p}: the published text`);
        assert.notEqual(afterPublish.get(p)!.etag, before.get(p)!.etag, `${p}: ETag`);
        assert.equal(
          (await raw(base, p, { headers: { 'If-None-Match': before.get(p)!.etag } })).status,
          200,
          `${p}: the old validator no longer matches`,
        );
      }
    });
  });

  describe('compression', () => {
    const paths = [
      '/api/directory/organizations?locale=fr&pageSize=20',
      '/api/directory/facets',
      '/api/hsds/services',
      '/api/hsds/organizations?format=ndjson',
    ];

    test('br is preferred, then gzip, then identity, by Accept-Encoding and its q-values', async () => {
      const cases: Array<[string, string | undefined]> = [
        ['gzip, deflate, br', 'br'],
        ['br;q=0.5, gzip', 'gzip'],
        ['gzip', 'gzip'],
        ['br', 'br'],
        ['*', 'br'],
        ['gzip;q=0, br;q=0', undefined],
        ['identity', undefined],
        ['', undefined],
        ['deflate', undefined],
      ];
      for (const p of paths) {
        const identity = await raw(base, p, { headers: { 'Accept-Encoding': 'identity' } });
        assert.equal(identity.status, 200, p);
        for (const [accept, expected] of cases) {
          const r = await raw(base, p, { headers: { 'Accept-Encoding': accept } });
          assert.equal(r.status, 200, `${p} ${accept}`);
          assert.equal(r.headers['content-encoding'], expected, `${p} with Accept-Encoding: ${accept}`);
          assert.match(String(r.headers.vary), /Accept-Encoding/i, `${p}: Vary`);
          assert.equal(decode(r), identity.text(), `${p} ${accept}: same body once decoded`);
          if (r.headers['content-length'] !== undefined)
            assert.equal(Number(r.headers['content-length']), r.body.length, `${p} ${accept}: Content-Length`);
          if (expected)
            assert.ok(r.body.length < identity.body.length / 2, `${p} ${accept}: ${r.body.length} bytes of ${identity.body.length}`);
        }
      }
    });

    test('a compressed list has a correct Content-Length, and a 304 and HEAD stay empty', async () => {
      const p = '/api/directory/organizations';
      const r = await raw(base, p, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(Number(r.headers['content-length']), r.body.length);
      const head = await raw(base, p, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      assert.equal(head.headers['content-encoding'], 'br');
      const again = await raw(base, p, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': String(r.headers.etag) } });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    });

    test('a page asked for many times a second (then sent as bytes kept for it) reads byte for byte the same, with its length', async () => {
      const p = '/api/directory/organizations?locale=fr&pageSize=30';
      const first = await raw(base, p);
      assert.ok(first.body.length > first.text().length, 'French text: its UTF-8 bytes outnumber its characters');
      const again = await Promise.all(Array.from({ length: 3 * HOT_SENDS_PER_SECOND }, () => raw(base, p)));
      for (const r of [first, ...again]) {
        assert.equal(r.status, 200);
        assert.equal(r.headers['content-encoding'], undefined);
        assert.equal(Number(r.headers['content-length']), r.body.length, 'Content-Length counts bytes');
        assert.ok(r.body.equals(first.body), 'the same bytes');
        assert.equal(r.headers.etag, first.headers.etag);
        assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8$/);
      }
    });
  });
});
