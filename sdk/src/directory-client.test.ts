import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { createDirectoryClient } from './directory-client.js';
import { isValidationError } from './errors/guards.js';
import { errorBody, facets, organization, page, receipt, settings } from './test-support/fixtures.js';
import { BASE, server, useServer } from './test-support/server.js';
import type { ApplicationInput } from './types.js';

useServer();

const API = `${BASE}/api/directory`;
const client = createDirectoryClient({ baseUrl: BASE, locale: 'fr', retry: false });

/** Answer `url` with `body` and keep the requests. */
function answer(method: 'get' | 'post', url: string, body: JsonBodyType, status = 200) {
  const seen: Request[] = [];
  server.use(
    http[method](url, ({ request }) => {
      seen.push(request.clone());
      return HttpResponse.json(body, { status });
    }),
  );
  return seen;
}

const query = (request: Request | undefined) => new URL(request?.url ?? 'x:').search;

describe('organizations.list', () => {
  test('send filters as repeated keys with the client locale, paging and sort', async () => {
    const seen = answer('get', `${API}/organizations`, page([organization()]));
    const result = await client.organizations.list(
      { q: 'hébergement', province: ['ON', 'QC'], need: 'legal', focus: [] },
      { page: 2, pageSize: 50, sort: '-lastVerified' },
    );
    assert.equal(result.data[0]?.slug, 'maison-esperance');
    assert.equal(query(seen[0]), '?locale=fr&need=legal&page=2&pageSize=50&province=ON&province=QC&q=h%C3%A9bergement&sort=-lastVerified');
  });

  test('send near, radiusKm, openNow and sort=distance, and type the hits’ distance, coverage and open state', async () => {
    const hit = { ...organization(), distanceKm: 3, open: { now: true, until: '2026-12-03T17:00:00-05:00' } };
    const seen = answer('get', `${API}/organizations`, {
      ...page([hit, { ...organization(), slug: 'far', coverage: 'serves-area' }]),
      meta: { ...page([]).meta, total: 2, near: { label: 'Montréal, QC', radiusKm: 10 }, attribution: 'GeoNames' },
    });
    const result = await client.organizations.list({ near: 'H2X 1Y4', radiusKm: 10, openNow: true }, { sort: 'distance' });
    assert.equal(query(seen[0]), '?locale=fr&near=H2X%201Y4&openNow=true&radiusKm=10&sort=distance');
    const [first, second] = result.data;
    assert.equal(first?.distanceKm, 3);
    assert.equal(first?.open?.until, '2026-12-03T17:00:00-05:00');
    assert.equal(second?.coverage, 'serves-area');
    assert.deepEqual(result.meta.near, { label: 'Montréal, QC', radiusKm: 10 });
  });

  test('send openAt as the local date-time given', async () => {
    const seen = answer('get', `${API}/organizations`, page([]));
    await client.organizations.list({ openAt: '2026-12-03T23:00' });
    assert.equal(query(seen[0]), '?locale=fr&openAt=2026-12-03T23%3A00');
  });

  test('let a call override the client locale', async () => {
    const seen = answer('get', `${API}/organizations`, page([]));
    await client.organizations.list({}, { locale: 'en' });
    assert.equal(query(seen[0]), '?locale=en');
  });

  test('send no locale when neither the client nor the call sets one', async () => {
    const seen = answer('get', `${API}/organizations`, page([]));
    await createDirectoryClient({ baseUrl: BASE }).organizations.list();
    assert.equal(query(seen[0]), '');
  });

  test('turn a 400 into a ValidationError with the field details', async () => {
    answer(
      'get',
      `${API}/organizations`,
      errorBody(400, 'ValidationError', 'Invalid query', [{ path: 'province', message: 'Unknown province: XX' }]),
      400,
    );
    const error = await client.organizations.list({ province: 'XX' as 'ON' }).then(
      () => assert.fail('expected a ValidationError'),
      (e: unknown) => e,
    );
    assert.ok(isValidationError(error));
    assert.deepEqual(error.details, [{ path: 'province', message: 'Unknown province: XX' }]);
    assert.equal(error.url, `${API}/organizations?locale=fr&province=XX`);
    assert.match(
      error.message,
      /^400 Invalid query \(GET https:\/\/directory\.test\/api\/directory\/organizations\?locale=fr&province=XX\)$/,
    );
  });

  test("read Strapi's stock error body, whose details is an object", async () => {
    answer(
      'get',
      `${API}/organizations`,
      { data: null, error: { status: 400, name: 'ValidationError', message: 'Bad', details: {} } },
      400,
    );
    await assert.rejects(client.organizations.list(), { name: 'ValidationError', details: [] });
  });
});

describe('organizations.get', () => {
  test('fetch one record by its encoded slug', async () => {
    const seen = answer('get', `${API}/organizations/:slug`, { data: organization('l-ecole') });
    const { data } = await client.organizations.get('l’école');
    assert.equal(data.slug, 'l-ecole');
    assert.equal(new URL(seen[0]?.url ?? '').pathname, '/api/directory/organizations/l%E2%80%99%C3%A9cole');
  });

  test('throw a NotFoundError on 404', async () => {
    answer('get', `${API}/organizations/:slug`, errorBody(404, 'NotFoundError', 'Not Found'), 404);
    await assert.rejects(client.organizations.get('gone'), { name: 'NotFoundError', status: 404 });
  });

  test('reject an empty slug instead of fetching the list', async () => {
    await assert.rejects(client.organizations.get(''), TypeError);
  });
});

describe('organizations.all', () => {
  test('yield every record of every page, in order', async () => {
    const pages = [
      page([organization('a'), organization('b')], 1, 3),
      page([organization('c'), organization('d')], 2, 3),
      page([organization('e')], 3, 3),
    ];
    const requested: string[] = [];
    server.use(
      http.get(`${API}/organizations`, ({ request }) => {
        const n = Number(new URL(request.url).searchParams.get('page'));
        requested.push(new URL(request.url).search);
        return HttpResponse.json(pages[n - 1]);
      }),
    );
    const slugs: string[] = [];
    for await (const org of client.organizations.all({ province: 'ON' }, { pageSize: 2 })) slugs.push(org.slug);
    assert.deepEqual(slugs, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(requested, [
      '?locale=fr&page=1&pageSize=2&province=ON',
      '?locale=fr&page=2&pageSize=2&province=ON',
      '?locale=fr&page=3&pageSize=2&province=ON',
    ]);
  });

  test('stop on an empty page even if pageCount says otherwise', async () => {
    let requests = 0;
    server.use(
      http.get(`${API}/organizations`, () => {
        requests++;
        return HttpResponse.json(page([], 1, 99));
      }),
    );
    for await (const _ of client.organizations.all()) assert.fail('no record expected');
    assert.equal(requests, 1);
  });
});

describe('facets and settings', () => {
  test('fetch facets for the filters', async () => {
    const seen = answer('get', `${API}/facets`, facets);
    const { data } = await client.facets({ role: 'direct', language: ['fr', 'en'] });
    assert.equal(data.province[0]?.count, 3);
    assert.equal(query(seen[0]), '?language=fr&language=en&locale=fr&role=direct');
  });

  test('fetch settings in the locale', async () => {
    const seen = answer('get', `${API}/settings`, { data: settings });
    const { data } = await client.settings();
    assert.equal(data.hotline.phone, '+1-833-900-1010');
    assert.equal(query(seen[0]), '?locale=fr');
  });
});

describe('forms', () => {
  const application: ApplicationInput = {
    locale: 'fr',
    organizationName: 'Maison Espérance',
    kind: 'ngo',
    role: 'direct',
    provinces: ['QC'],
    description: 'Hébergement',
    contactName: 'Marie',
    contactEmail: 'marie@example.org',
    attestations: {
      survivorCentred: true,
      traumaInformed: true,
      nonDiscriminatory: true,
      clientSafety: true,
      dataProtection: true,
      goodStanding: true,
      regionalBestPractice: true,
    },
  };

  test('post an application as JSON and return the receipt', async () => {
    const seen = answer('post', `${API}/applications`, receipt, 202);
    const { data } = await client.applications.submit(application);
    assert.equal(data.reference, 'APP-2025-0001');
    assert.equal(seen[0]?.headers.get('content-type'), 'application/json');
    assert.deepEqual(await seen[0]?.json(), application);
    assert.equal(query(seen[0]), '', 'the locale travels in the body');
  });

  test('post a suggestion', async () => {
    const seen = answer('post', `${API}/suggestions`, receipt, 202);
    await client.suggestions.submit({ locale: 'en', organization: 'maison-esperance', message: 'New phone' });
    assert.deepEqual(await seen[0]?.json(), { locale: 'en', organization: 'maison-esperance', message: 'New phone' });
  });

  test('surface field errors of a rejected form', async () => {
    answer(
      'post',
      `${API}/applications`,
      errorBody(400, 'ValidationError', 'Invalid application', [{ path: 'attestations.clientSafety', message: 'Must be attested' }]),
      400,
    );
    await assert.rejects(client.applications.submit(application), {
      name: 'ValidationError',
      method: 'POST',
      details: [{ path: 'attestations.clientSafety', message: 'Must be attested' }],
    });
  });
});
