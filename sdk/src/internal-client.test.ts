import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { delay, http, HttpResponse } from 'msw';
import { createInternalClient } from './internal-client.js';
import { errorBody, internalOrganization, protocol } from './test-support/fixtures.js';
import { BASE, server, useServer } from './test-support/server.js';
import type { PublicOrganization } from './types.js';

useServer();

const TOKEN = 'rd-secret-token-0123456789abcdef';
const API = `${BASE}/api/internal`;
const staff = (options = {}) => createInternalClient({ baseUrl: BASE, token: TOKEN, retry: false, ...options });

/** Run `fn` with `window` and `document` defined, as in a browser page. */
function inBrowserPage(fn: () => void): void {
  const g: Record<string, unknown> = globalThis;
  g.window = globalThis;
  g.document = {};
  try {
    fn();
  } finally {
    delete g.window;
    delete g.document;
  }
}

describe('creating the internal client', () => {
  test('is refused in a browser page, where the token would leak', () => {
    inBrowserPage(() => {
      assert.throws(
        () => staff(),
        (e: unknown) => {
          assert.ok(e instanceof Error);
          assert.match(e.message, /refuses to run in a browser page/);
          assert.doesNotMatch(e.message, new RegExp(TOKEN));
          return true;
        },
      );
    });
  });

  test('is allowed in a browser page with dangerouslyAllowBrowser', () => {
    inBrowserPage(() => {
      assert.ok(staff({ dangerouslyAllowBrowser: true }));
    });
  });

  test('is refused without a token', () => {
    assert.throws(() => createInternalClient({ baseUrl: BASE, token: ' ' }), /token is required/);
  });

  test('keeps the token out of the client object', () => {
    const client = staff();
    assert.doesNotMatch(inspect(client, { depth: 10, showHidden: true }), new RegExp(TOKEN));
    assert.doesNotMatch(JSON.stringify(client) ?? '', new RegExp(TOKEN));
  });
});

describe('internal records', () => {
  test('send the token as a Bearer header and filter by status', async () => {
    const seen: Request[] = [];
    server.use(
      http.get(`${API}/organizations`, ({ request }) => {
        seen.push(request);
        return HttpResponse.json({ data: [internalOrganization()], meta: { page: 1, pageSize: 25, total: 1, pageCount: 1 } });
      }),
    );
    const { data } = await staff({ locale: 'fr' }).organizations.list({ status: ['applicant', 'under_review'] });
    assert.equal(data[0]?.audience, 'internal');
    assert.equal(data[0]?.safetyNotes, 'Do not disclose');
    assert.equal(seen[0]?.headers.get('authorization'), `Bearer ${TOKEN}`);
    assert.equal(new URL(seen[0]?.url ?? '').search, '?locale=fr&status=applicant&status=under_review');
  });

  test('fetch one full record', async () => {
    server.use(http.get(`${API}/organizations/:slug`, () => HttpResponse.json({ data: internalOrganization('x') })));
    const { data } = await staff().organizations.get('x');
    assert.equal(data.documentId, 'doc1');
  });

  test('walk every page of records', async () => {
    server.use(
      http.get(`${API}/organizations`, ({ request }) => {
        const n = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json({ data: [internalOrganization(`org-${n}`)], meta: { page: n, pageSize: 1, total: 2, pageCount: 2 } });
      }),
    );
    const slugs: string[] = [];
    for await (const org of staff().organizations.all({ status: 'active' })) slugs.push(org.slug);
    assert.deepEqual(slugs, ['org-1', 'org-2']);
  });

  test('list protocols, without a locale', async () => {
    const seen: Request[] = [];
    server.use(
      http.get(`${API}/protocols`, ({ request }) => {
        seen.push(request);
        return HttpResponse.json({ data: [protocol], meta: { page: 1, pageSize: 100, total: 1, pageCount: 1 } });
      }),
    );
    const { data } = await staff({ locale: 'fr' }).protocols.list({ pageSize: 100 });
    assert.equal(data[0]?.agency, 'SPVM');
    assert.equal(new URL(seen[0]?.url ?? '').search, '?pageSize=100');
    const all = [];
    for await (const p of staff().protocols.all()) all.push(p);
    assert.equal(all.length, 1);
  });

  test('give full records a type that public code does not accept', () => {
    const full = internalOrganization();
    // @ts-expect-error an internal record is not a PublicOrganization (checked by `npm run typecheck`)
    const asPublic: PublicOrganization = full;
    assert.equal(asPublic.audience, 'internal');
  });

  test('reject a public record where a full one is expected', async () => {
    const { documentId: _, ...publicLooking } = internalOrganization();
    server.use(http.get(`${API}/organizations/:slug`, () => HttpResponse.json({ data: publicLooking })));
    await assert.rejects(staff().organizations.get('x'), { name: 'MalformedResponseError', message: /data\.documentId/ });
  });
});

describe('the token never leaks into errors', () => {
  const scenarios: [string, () => Response | Promise<Response>, object][] = [
    ['401', () => HttpResponse.json(errorBody(401, 'UnauthorizedError', 'Missing or invalid credentials'), { status: 401 }), {}],
    ['403', () => HttpResponse.json(errorBody(403, 'ForbiddenError', 'Forbidden'), { status: 403 }), {}],
    ['503', () => HttpResponse.json(errorBody(503, 'ServiceUnavailableError', 'Database down'), { status: 503 }), {}],
    ['network error', () => HttpResponse.error(), {}],
    ['malformed body', () => HttpResponse.text('<html>oops</html>'), {}],
    [
      'timeout',
      async () => {
        await delay('infinite');
        return HttpResponse.json({});
      },
      { timeoutMs: 20 },
    ],
  ];

  for (const [name, resolver, options] of scenarios) {
    test(`keep the token out of the message, properties and cause of a ${name}`, async () => {
      server.use(http.get(`${API}/organizations/:slug`, resolver));
      const error = await staff(options)
        .organizations.get('x')
        .then(
          () => assert.fail('expected an error'),
          (e: unknown) => e,
        );
      assert.ok(error instanceof Error);
      const everything = [
        error.message,
        error.stack,
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        String(error.cause),
        inspect(error.cause, { depth: 10, showHidden: true }),
      ].join('\n');
      assert.doesNotMatch(everything, new RegExp(TOKEN));
      assert.match(error.message, /GET https:\/\/directory\.test\/api\/internal\/organizations\/x/);
    });
  }
});
