/**
 * The OpenAPI document of the public directory API against a real, seeded Strapi: it is served
 * as committed, every documented path answers, and real responses (bodies, statuses and headers)
 * validate against the document's own schemas.
 */
import { readRoute } from '../../src/middlewares/directory-edge';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  CRITERIA,
  FILTER_NAMES,
  INDIRECT_OFFERINGS,
  LOCALES,
  MAX_PAGE_SIZE,
  NEEDS,
  ORGANIZATION_KINDS,
  PHONE_TYPES,
  PROVIDER_ROLES,
  PROVINCES,
  SORTS,
  TIMEFRAMES,
  WEEKDAYS,
} from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture } from '../expect';

const DOCUMENT_FILE = path.resolve(__dirname, '..', '..', 'openapi', 'directory.openapi.json');
const DOCUMENT_TEXT = fs.readFileSync(DOCUMENT_FILE, 'utf8');
const DOC = JSON.parse(DOCUMENT_TEXT);
const SCHEMA_ID = 'https://referral-directory.invalid/openapi/directory';
const RATE_LIMIT = 40;

type Json = any;

/** Resolves a local JSON pointer (`#/components/...`) in the document. */
function resolvePointer(pointer: string): Json {
  assert.ok(pointer.startsWith('#/'), `local reference ${pointer}`);
  let node: Json = DOC;
  for (const raw of pointer.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    assert.ok(node && typeof node === 'object' && key in node, `${pointer} resolves`);
    node = node[key];
  }
  return node;
}
const deref = (node: Json): Json => (node && typeof node.$ref === 'string' ? deref(resolvePointer(node.$ref)) : node);

function allRefs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') out.push(node.$ref);
    Object.values(node).forEach((n) => allRefs(n, out));
  }
  return out;
}

/** The document's schemas as one JSON Schema 2020-12 resource, `$ref`s pointed at its `$defs`. */
function schemaBundle(): Json {
  const rewrite = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/$defs/') : rewrite(v),
      ]),
    );
  };
  return { $id: SCHEMA_ID, $defs: rewrite(DOC.components.schemas) };
}

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(schemaBundle());

function validatorFor(schema: Json) {
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/schemas/')) {
    const name = schema.$ref.slice('#/components/schemas/'.length);
    const fn = ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`);
    assert.ok(fn, `schema ${name} compiles`);
    return fn;
  }
  return ajv.compile(schema);
}

function assertValid(schemaName: string, value: unknown, what: string): void {
  const fn = validatorFor({ $ref: `#/components/schemas/${schemaName}` });
  assert.ok(fn(value), `${what} is a valid ${schemaName}: ${ajv.errorsText(fn.errors, { separator: '; ' })}`);
}

function assertInvalid(schemaName: string, value: unknown, what: string): void {
  const fn = validatorFor({ $ref: `#/components/schemas/${schemaName}` });
  assert.equal(fn(value), false, `${what} is not a valid ${schemaName}`);
}

/** The document's path template matching a concrete request path. */
function templateOf(pathname: string): string {
  for (const template of Object.keys(DOC.paths)) {
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(pathname)) return template;
  }
  throw new Error(`${pathname} is not in the document`);
}

/**
 * Checks a real response against the document: its status is documented for the operation,
 * every documented header is present and valid, and the body validates against the schema.
 */
async function conforms(res: Response, method: string, pathname: string): Promise<Json> {
  const template = templateOf(pathname);
  const operation = DOC.paths[template][method.toLowerCase()];
  assert.ok(operation, `${method} ${template} is documented`);
  const declared = operation.responses[String(res.status)];
  assert.ok(declared, `${method} ${template} documents status ${res.status}`);
  const response = deref(declared);
  for (const [name, header] of Object.entries<Json>(response.headers ?? {})) {
    const value = res.headers.get(name);
    assert.ok(value !== null, `${method} ${pathname} ${res.status} sends the documented ${name} header`);
    const schema = deref(header).schema;
    const fn = validatorFor(schema);
    const typed = schema.type === 'integer' ? Number(value) : value;
    assert.ok(fn(typed), `${name}: ${value} matches its schema: ${ajv.errorsText(fn.errors)}`);
  }
  const text = await res.text();
  const media = response.content?.['application/json'];
  if (!media) {
    assert.equal(text, '', `${method} ${pathname} ${res.status} has no body`);
    return null;
  }
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = JSON.parse(text);
  const fn = validatorFor(media.schema);
  assert.ok(
    fn(body),
    `${method} ${pathname} ${res.status} body matches ${media.schema.$ref ?? 'its schema'}: ${ajv.errorsText(fn.errors, { separator: '; ' })}`,
  );
  return body;
}

/** The schema's own property order, recursively, against the order of a real value's keys. */
function assertPropertyOrder(schema: Json, value: Json, where: string): void {
  const s = deref(schema);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPropertyOrder(s.items, v, `${where}[${i}]`));
    return;
  }
  if (!value || typeof value !== 'object' || !s.properties) return;
  assert.deepEqual(
    Object.keys(value),
    Object.keys(s.properties).filter((k) => k in value),
    `property order of ${where}`,
  );
  for (const [k, v] of Object.entries(value)) assertPropertyOrder(s.properties[k], v, `${where}.${k}`);
}

const application = (over: Record<string, unknown> = {}) => ({
  locale: 'en',
  organizationName: 'OpenAPI Test Shelter',
  kind: 'ngo',
  role: 'direct',
  provinces: ['NS', 'PE'],
  description: 'Shelter and support for survivors.',
  website: 'https://openapi-test.example.org',
  email: 'info@openapi-test.example.org',
  phone: '+1-902-555-0142',
  services: 'Emergency shelter',
  contactName: 'Alex Test',
  contactTitle: 'Director',
  contactEmail: 'alex@openapi-test.example.org',
  contactPhone: '902-555-0143 ext. 12',
  attestations: Object.fromEntries(CRITERIA.map((c) => [c, true])),
  ...over,
});

describe('the OpenAPI document of the public directory API', () => {
  let server: TestServer;
  let publicSlugs: string[];
  before(async () => {
    server = await startServer({ env: { DIRECTORY_FORM_RATE_LIMIT: String(RATE_LIMIT) } });
    publicSlugs = server.fixtures.organizations.filter(isPublicFixture).map((o) => o.slug);
  });
  after(async () => {
    await server?.stop();
  });

  const get = async (pathAndQuery: string, init?: RequestInit) => {
    const res = await server.get(pathAndQuery, init);
    return { res, body: await conforms(res, 'GET', new URL(pathAndQuery, server.url).pathname) };
  };
  const post = async (pathname: string, payload: unknown, init?: RequestInit) => {
    const res = await server.post(pathname, payload, init);
    return { res, body: await conforms(res, 'POST', pathname) };
  };

  describe('as a document', () => {
    test('it is OpenAPI 3.1 with the expected title, version, server and no authentication', () => {
      assert.equal(DOC.openapi, '3.1.0');
      assert.equal(DOC.info.title, 'Referral Directory — public API');
      assert.equal(DOC.info.version, '1.0.0');
      assert.deepEqual(DOC.servers, [{ url: '/' }]);
      assert.deepEqual(DOC.security, []);
      assert.match(DOC.info.description, /active, consenting, published/);
      assert.match(DOC.info.description, /actifs, consentants et publiés/);
      assert.deepEqual(Object.keys(DOC.paths).sort(), [
        '/api/directory/applications',
        '/api/directory/facets',
        '/api/directory/openapi.json',
        '/api/directory/organizations',
        '/api/directory/organizations/{slug}',
        '/api/directory/settings',
        '/api/directory/suggestions',
      ]);
    });

    test('every reference resolves and every schema compiles under strict JSON Schema 2020-12', () => {
      for (const ref of allRefs(DOC)) resolvePointer(ref);
      for (const name of Object.keys(DOC.components.schemas)) validatorFor({ $ref: `#/components/schemas/${name}` });
    });

    test('every object schema refuses keys it does not declare', () => {
      const walk = (node: Json, where: string) => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
        if (!node || typeof node !== 'object') return;
        if (node.type === 'object' && node.properties) {
          assert.equal(node.additionalProperties, false, `${where} has additionalProperties: false`);
          assert.ok(Array.isArray(node.required), `${where} lists its required properties`);
          for (const r of node.required) assert.ok(r in node.properties, `${where}: required ${r} is declared`);
        }
        for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
      };
      walk(DOC.components.schemas, 'components.schemas');
      assertInvalid(
        'PublicLocation',
        { name: null, street: null, city: 'X', province: 'ON', postalCode: null, confidential: true, audience: 'internal' },
        'a location with an extra key',
      );
      assert.ok(!('audience' in DOC.components.schemas.PublicOrganization.properties), 'the type-only audience brand is not documented');
    });

    test('its vocabularies and limits are exactly the SDK constants', () => {
      const s = DOC.components.schemas;
      assert.deepEqual(s.Locale.enum, [...LOCALES]);
      assert.deepEqual(s.Province.enum, [...PROVINCES]);
      assert.deepEqual(s.OrganizationKind.enum, [...ORGANIZATION_KINDS]);
      assert.deepEqual(s.ProviderRole.enum, [...PROVIDER_ROLES]);
      assert.deepEqual(s.Timeframe.enum, [...TIMEFRAMES]);
      assert.deepEqual(s.Need.enum, [...NEEDS]);
      assert.deepEqual(s.IndirectOffering.enum, [...INDIRECT_OFFERINGS]);
      assert.deepEqual(s.PhoneType.enum, [...PHONE_TYPES]);
      assert.deepEqual(s.Weekday.enum, [...WEEKDAYS]);
      assert.deepEqual(s.Sort.enum, [...SORTS]);
      assert.deepEqual(Object.keys(s.Attestations.properties), [...CRITERIA]);
      assert.deepEqual(Object.keys(s.FacetsResponse.properties.data.properties), [...FILTER_NAMES]);
      const params = DOC.components.parameters;
      assert.equal(params.pageSize.schema.maximum, MAX_PAGE_SIZE);
      assert.equal(params.pageSize.schema.default, 20);
      assert.equal(params.page.schema.maximum, 10000);
      assert.equal(params.q.schema.maxLength, 200);
    });

    test('the list and the facets take every filter as a repeatable form parameter, near and open, and nothing else', () => {
      const names = (op: Json) =>
        op.parameters
          .map((p: Json) => deref(p))
          .filter((p: Json) => p.in === 'query')
          .map((p: Json) => p.name);
      const list = DOC.paths['/api/directory/organizations'].get;
      const facets = DOC.paths['/api/directory/facets'].get;
      const near = ['near', 'radiusKm', 'openNow', 'openAt'];
      assert.deepEqual(names(list).sort(), ['q', ...FILTER_NAMES, ...near, 'locale', 'page', 'pageSize', 'sort'].sort());
      assert.deepEqual(names(facets).sort(), ['q', ...FILTER_NAMES, ...near, 'locale'].sort());
      for (const name of FILTER_NAMES) {
        const p = deref(list.parameters.find((x: Json) => deref(x).name === name));
        assert.equal(p.style, 'form');
        assert.equal(p.explode, true);
        assert.equal(p.schema.type, 'array');
      }
    });
  });

  describe('as served', () => {
    test('GET /api/directory/openapi.json answers the committed file byte for byte, cacheable and open to any origin', async () => {
      const res = await server.get('/api/directory/openapi.json', { headers: { Origin: 'https://partner.example.org' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=3600');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const text = await res.text();
      assert.equal(text, DOCUMENT_TEXT);
      assert.deepEqual(JSON.parse(text), DOC);
    });

    test('the served document answers If-None-Match with a 304', async () => {
      const { res } = await get('/api/directory/openapi.json');
      const etag = res.headers.get('etag');
      assert.ok(etag);
      const again = await get('/api/directory/openapi.json', { headers: { 'If-None-Match': etag } });
      assert.equal(again.res.status, 304);
    });

    test('every documented path and method answers, none with a 404 or 405 from the router', async () => {
      for (const [template, item] of Object.entries<Json>(DOC.paths)) {
        const pathname = template.replace('{slug}', publicSlugs[0]!);
        for (const method of Object.keys(item)) {
          const res = method === 'post' ? await server.post(pathname, {}) : await server.get(pathname);
          assert.ok(![404, 405].includes(res.status), `${method.toUpperCase()} ${pathname} answered ${res.status}`);
          assert.equal(res.status, method === 'post' ? 400 : 200, `${method.toUpperCase()} ${pathname}`);
          await conforms(res, method, pathname);
        }
      }
    });

    test('every documented operation is a route Strapi registers or a read the edge answers, with the same method and path', (t) => {
      const routers = (server.strapi as Json).apis.directory.routes as Record<string, { routes: { method: string; path: string }[] }>;
      const registered = new Set(
        Object.values(routers)
          .flatMap((r) => r.routes)
          .filter((r) => r.path.startsWith('/directory/'))
          .map((r) => `${r.method.toLowerCase()} /api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
      );
      const documented = Object.entries<Json>(DOC.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
      const edgeRead = (op: string) => {
        const [method, path] = op.split(' ') as [string, string];
        return method === 'get' && readRoute(path.replace('{slug}', 'any-slug')) !== null;
      };
      for (const op of documented)
        assert.ok(registered.has(op) || edgeRead(op), `${op} is registered or an edge read (routes: ${[...registered].join(', ')})`);
      const undocumented = [...registered].filter((op) => !documented.includes(op));
      for (const op of documented.filter(edgeRead)) assert.ok(!registered.has(op), `${op} is answered in one place only`);
      if (undocumented.length) t.diagnostic(`registered but not in the public document: ${undocumented.join(', ')}`);
    });
  });

  describe('against real responses', () => {
    test('the list validates in English and French, and its properties come in the documented order', async () => {
      for (const locale of ['en', 'fr']) {
        const { body } = await get(`/api/directory/organizations?locale=${locale}&pageSize=${MAX_PAGE_SIZE}`);
        assert.equal(body.data.length, publicSlugs.length);
        assert.ok(body.data.every((o: Json) => o.locale === locale));
        assertPropertyOrder(DOC.components.schemas.OrganizationList, body, `list (${locale})`);
      }
    });

    test('the list and the facets validate with near, radiusKm, sort=distance, openNow and openAt', async () => {
      for (const qs of [
        'near=montreal',
        'near=Montr%C3%A9al&radiusKm=20&sort=distance&locale=fr',
        'near=Ontario',
        'near=Toronto&sort=name',
        'openNow=true',
        'openAt=2026-12-03T11:00&near=Toronto',
        'q=refuge&near=Qu%C3%A9bec&locale=fr',
      ]) {
        const { res, body } = await get(`/api/directory/organizations?${qs}`);
        assert.equal(res.status, 200, qs);
        assert.ok(body.data.length > 0, qs);
        const facets = await get(`/api/directory/facets?${qs.replace(/&?sort=[a-z]+/, '')}`);
        assert.equal(facets.res.status, 200, qs);
      }
      const unknown = await get('/api/directory/organizations?near=Atlantis');
      assert.equal(unknown.res.status, 400);
    });

    test('the list validates with repeated, comma-separated and mixed filters, with q, and on page 2', async () => {
      const vocabulary = await get('/api/directory/facets');
      const code = (name: string) => vocabulary.body.data[name].find((f: Json) => f.count > 0).value;
      for (const qs of [
        'province=ON&province=QC&role=direct',
        `focus=${code('focus')},${vocabulary.body.data.focus.at(-1).value}&service=${code('service')}`,
        `population=${code('population')}&language=${code('language')}&type=ngo&type=coalition`,
        'timeframe=emergency&need=social,legal&locale=fr&sort=-name',
        'q=montreal',
        'q=sant%C3%A9&locale=fr&sort=-lastVerified',
        'q=montreal&sort=relevance&province=QC',
        'page=2&pageSize=5',
        'page=2&pageSize=5&locale=fr&sort=name',
        'page=10000',
      ]) {
        const { res, body } = await get(`/api/directory/organizations?${qs}`);
        assert.equal(res.status, 200, qs);
        if (qs.startsWith('page=2')) assert.equal(body.meta.page, 2);
        if (qs === 'q=montreal') assert.ok(body.data.length > 0, 'q finds something');
      }
    });

    test('the detail of every public organization validates in both locales', async () => {
      assert.ok(publicSlugs.length > 0);
      for (const slug of publicSlugs) {
        for (const locale of ['en', 'fr']) {
          const { res, body } = await get(`/api/directory/organizations/${slug}?locale=${locale}`);
          assert.equal(res.status, 200, `${slug} ${locale}`);
          assert.equal(body.data.slug, slug);
          assertPropertyOrder(DOC.components.schemas.OrganizationResponse, body, `${slug} (${locale})`);
        }
      }
    });

    test('facets validate in both locales and with filters', async () => {
      for (const qs of [
        '',
        'locale=en',
        'locale=fr',
        'province=QC&locale=fr',
        'role=direct&timeframe=emergency',
        'q=montreal&type=ngo,network',
      ]) {
        const { res, body } = await get(`/api/directory/facets?${qs}`);
        assert.equal(res.status, 200, qs);
        assertPropertyOrder(DOC.components.schemas.FacetsResponse, body, `facets ${qs}`);
      }
    });

    test('settings validate in both locales', async () => {
      for (const locale of ['en', 'fr']) {
        const { res, body } = await get(`/api/directory/settings?locale=${locale}`);
        assert.equal(res.status, 200);
        assert.equal(body.data.locale, locale);
        assertPropertyOrder(DOC.components.schemas.SettingsResponse, body, `settings (${locale})`);
      }
    });

    test('a 304 of each cacheable GET is documented with its ETag and Cache-Control', async () => {
      for (const p of [
        '/api/directory/organizations?province=QC',
        `/api/directory/organizations/${publicSlugs[0]}`,
        '/api/directory/facets?locale=fr',
        '/api/directory/settings',
      ]) {
        const first = await get(p);
        const again = await get(p, { headers: { 'If-None-Match': first.res.headers.get('etag')! } });
        assert.equal(again.res.status, 304, p);
      }
    });

    test('an unknown query key, a bad value and an oversized q are 400s in the documented error body', async () => {
      for (const p of [
        '/api/directory/organizations?bogus=1',
        '/api/directory/organizations?province=XX',
        `/api/directory/organizations?q=${'x'.repeat(201)}`,
        '/api/directory/organizations?pageSize=101',
        '/api/directory/facets?internalNotes=x',
        `/api/directory/organizations/${publicSlugs[0]}?populate=*`,
        '/api/directory/settings?locale=de',
      ]) {
        const { res, body } = await get(p);
        assert.equal(res.status, 400, p);
        assert.equal(body.error.status, 400);
        assert.ok(body.error.details.length > 0);
      }
    });

    test('an unknown or non-public slug is a 404 in the documented error body', async () => {
      const hidden = server.fixtures.organizations.find((o) => !isPublicFixture(o))!.slug;
      for (const slug of ['no-such-organization', hidden]) {
        const { res, body } = await get(`/api/directory/organizations/${slug}`);
        assert.equal(res.status, 404);
        assert.equal(body.error.name, 'NotFoundError');
      }
    });

    test('an application that the document accepts is answered 202 with a documented receipt', async () => {
      for (const input of [application(), application({ locale: 'fr', role: 'indirect', provinces: ['QC'] })]) {
        assertValid('ApplicationInput', input, 'the application');
        const { res, body } = await post('/api/directory/applications', input);
        assert.equal(res.status, 202);
        assert.match(body.data.reference, /^APP-/);
      }
      const minimal = Object.fromEntries(
        Object.entries(application()).filter(([k]) => DOC.components.schemas.ApplicationInput.required.includes(k)),
      );
      assertValid('ApplicationInput', minimal, 'the minimal application');
      assert.equal((await post('/api/directory/applications', minimal)).res.status, 202);
    });

    test('a suggestion that the document accepts is answered 202 with a documented receipt', async () => {
      const input = {
        locale: 'fr',
        organization: publicSlugs[0],
        message: 'Le numéro a changé.',
        field: 'phone',
        contactEmail: 'sam@example.org',
      };
      assertValid('SuggestionInput', input, 'the suggestion');
      const { res, body } = await post('/api/directory/suggestions', input);
      assert.equal(res.status, 202);
      assert.match(body.data.reference, /^SUG-/);
    });

    test('forms the document refuses are answered 400 in the documented error body', async () => {
      const cases: [string, string, Record<string, unknown>, string][] = [
        ['/api/directory/applications', 'ApplicationInput', application({ status: 'approved' }), 'status'],
        ['/api/directory/applications', 'ApplicationInput', application({ organizationName: undefined }), 'organizationName'],
        ['/api/directory/applications', 'ApplicationInput', application({ provinces: ['XX'] }), 'provinces[0]'],
        [
          '/api/directory/applications',
          'ApplicationInput',
          application({ attestations: { ...application().attestations, clientSafety: false } }),
          'attestations.clientSafety',
        ],
        ['/api/directory/applications', 'ApplicationInput', application({ description: 'x'.repeat(4001) }), 'description'],
        [
          '/api/directory/suggestions',
          'SuggestionInput',
          { locale: 'en', organization: publicSlugs[0], message: 'x', listingStatus: 'removed' },
          'listingStatus',
        ],
        ['/api/directory/suggestions', 'SuggestionInput', { locale: 'de', organization: publicSlugs[0], message: 'x' }, 'locale'],
        ['/api/directory/suggestions', 'SuggestionInput', { locale: 'en', organization: publicSlugs[0] }, 'message'],
      ];
      for (const [pathname, schema, input, field] of cases) {
        assertInvalid(schema, input, `${pathname} with a bad ${field}`);
        const { res, body } = await post(pathname, input);
        assert.equal(res.status, 400, `${pathname} ${field}`);
        assert.ok(
          body.error.details.some((d: Json) => d.path === field),
          `${field} named in ${JSON.stringify(body)}`,
        );
      }
    });

    test('a suggestion about a non-public organization is a 400 like an unknown one', async () => {
      const hidden = server.fixtures.organizations.find((o) => !isPublicFixture(o))!.slug;
      const { res, body } = await post('/api/directory/suggestions', { locale: 'en', organization: hidden, message: 'Hello' });
      assert.equal(res.status, 400);
      assert.equal(body.error.details[0].path, 'organization');
    });

    test('a form that is not JSON is a 415 and one that is too large a 413, both documented', async () => {
      const text = await post('/api/directory/suggestions', 'message=hi', { headers: { 'Content-Type': 'text/plain' } });
      assert.equal(text.res.status, 415);
      const big = await post('/api/directory/applications', application({ description: 'x'.repeat(20_000) }));
      assert.equal(big.res.status, 413);
    });

    test('too many submissions are a 429 with a documented Retry-After', async () => {
      let limited: Response | null = null;
      for (let i = 0; i <= RATE_LIMIT && !limited; i++) {
        const res = await server.post('/api/directory/suggestions', { locale: 'en', organization: publicSlugs[0], message: `Update ${i}` });
        if (res.status === 429) limited = res;
        else await res.body?.cancel();
      }
      assert.ok(limited, `a 429 within ${RATE_LIMIT + 1} submissions`);
      const body = await conforms(limited, 'POST', '/api/directory/suggestions');
      assert.equal(body.error.name, 'RateLimitError');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    });
  });
});
