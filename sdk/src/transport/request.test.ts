// Resilience of every call: retries, timeout, aborts, the ETag cache, stale-if-error and
// malformed answers, exercised through the public client against msw.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { createDirectoryClient } from '../directory-client.js';
import type { ClientOptions, StaleEvent } from '../options.js';
import { errorBody, organization, page, receipt, settings } from '../test-support/fixtures.js';
import { BASE, server, useServer } from '../test-support/server.js';

useServer();

const SETTINGS = `${BASE}/api/directory/settings`;
const LIST = `${BASE}/api/directory/organizations`;
const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };
const client = (options: Partial<ClientOptions> = {}) => createDirectoryClient({ baseUrl: BASE, retry: fast, ...options });

/** Answers with `responses` in turn (the last one repeats) and counts the requests. */
function sequence(url: string, responses: (() => Response)[], method: 'get' | 'post' = 'get') {
  const seen: Request[] = [];
  server.use(
    http[method](url, ({ request }) => {
      seen.push(request.clone());
      const next = responses[Math.min(seen.length, responses.length) - 1];
      assert.ok(next);
      return next();
    }),
  );
  return seen;
}

const ok = () => HttpResponse.json({ data: settings });
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(errorBody(code, 'Error', `status ${code}`), { status: code, headers });

describe('retries', () => {
  for (const code of [502, 503, 504]) {
    test(`retry a GET answered ${code}, then return the good answer`, async () => {
      const seen = sequence(SETTINGS, [status(code), ok]);
      const { data } = await client().settings();
      assert.equal(data.hotline.phone, settings.hotline.phone);
      assert.equal(seen.length, 2);
    });
  }

  test('retry a GET after a network error', async () => {
    const seen = sequence(SETTINGS, [() => HttpResponse.error(), ok]);
    await client().settings();
    assert.equal(seen.length, 2);
  });

  test('give up after retries + 1 attempts with the last error', async () => {
    const seen = sequence(SETTINGS, [status(503)]);
    await assert.rejects(client().settings(), { name: 'HttpError', status: 503 });
    assert.equal(seen.length, 3);
  });

  test('throw a NetworkError when the network keeps failing', async () => {
    sequence(SETTINGS, [() => HttpResponse.error()]);
    await assert.rejects(client().settings(), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'NetworkError');
      assert.match(e.message, new RegExp(`^Network error: .+ \\(GET ${SETTINGS}`));
      return true;
    });
  });

  test('do not retry 500, 400 or 404, which another attempt would not fix', async () => {
    for (const code of [500, 400, 404]) {
      const seen = sequence(SETTINGS, [status(code)]);
      await assert.rejects(client().settings(), { status: code });
      assert.equal(seen.length, 1, String(code));
      server.resetHandlers();
    }
  });

  test('retry a 429 after the Retry-After it asks for', async () => {
    const seen = sequence(SETTINGS, [status(429, { 'Retry-After': '0' }), ok]);
    await client().settings();
    assert.equal(seen.length, 2);
  });

  test('throw a RateLimitError at once when Retry-After is longer than maxDelayMs', async () => {
    const seen = sequence(SETTINGS, [status(429, { 'Retry-After': '60' })]);
    await assert.rejects(client().settings(), { name: 'RateLimitError', retryAfter: 60 });
    assert.equal(seen.length, 1);
  });

  test('retry a 429 without Retry-After with the normal backoff', async () => {
    const seen = sequence(SETTINGS, [status(429), ok]);
    await client().settings();
    assert.equal(seen.length, 2);
  });

  test('never retry a POST, even on 503 or a network error', async () => {
    const url = `${BASE}/api/directory/suggestions`;
    const input = { locale: 'en' as const, organization: 'x', message: 'm' };
    const failed = sequence(url, [status(503), () => HttpResponse.json(receipt, { status: 202 })], 'post');
    await assert.rejects(client().suggestions.submit(input), { status: 503 });
    assert.equal(failed.length, 1);
    server.resetHandlers();
    const dropped = sequence(url, [() => HttpResponse.error()], 'post');
    await assert.rejects(client().suggestions.submit(input), { name: 'NetworkError' });
    assert.equal(dropped.length, 1);
  });

  test('make a single attempt with retry: false', async () => {
    const seen = sequence(SETTINGS, [status(503), ok]);
    await assert.rejects(client({ retry: false }).settings(), { status: 503 });
    assert.equal(seen.length, 1);
  });
});

describe('timeout and abort', () => {
  const hang = () =>
    server.use(
      http.get(SETTINGS, async () => {
        await delay('infinite');
        return ok();
      }),
    );

  test('throw a TimeoutError when the server does not answer in time', async () => {
    hang();
    await assert.rejects(client({ timeoutMs: 20 }).settings(), (e: unknown) => {
      assert.ok(e instanceof Error && e.name === 'TimeoutError');
      assert.match(e.message, /Timed out after 20 ms \(GET https:\/\/directory\.test\/api\/directory\/settings\)/);
      return true;
    });
  });

  test('count the time spent waiting between retries against the timeout', async () => {
    sequence(SETTINGS, [status(503)]);
    const slowRetries = { retries: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    await assert.rejects(client({ timeoutMs: 20, retry: slowRetries }).settings(), { name: 'TimeoutError' });
  });

  test('treat an Infinity timeout as no limit rather than an immediate timeout', async () => {
    sequence(SETTINGS, [ok]);
    await client({ timeoutMs: Infinity }).settings();
  });

  test("rethrow the caller's AbortError, not a TimeoutError or NetworkError", async () => {
    hang();
    const controller = new AbortController();
    const pending = client().settings({ signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(pending, { name: 'AbortError' });
  });

  test("rethrow the caller's own abort reason as is", async () => {
    hang();
    const reason = new Error('user left the page');
    await assert.rejects(client().settings({ signal: AbortSignal.abort(reason) }), (e) => e === reason);
  });

  test('stop waiting between retries when the caller aborts', async () => {
    sequence(SETTINGS, [status(503)]);
    const controller = new AbortController();
    const slowRetries = { retries: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    const pending = client({ retry: slowRetries, timeoutMs: 0 }).settings({ signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(pending, { name: 'AbortError' });
  });
});

describe('conditional requests', () => {
  test('send If-None-Match with the stored ETag and return the cached body on 304', async () => {
    const seen = sequence(SETTINGS, [
      () => HttpResponse.json({ data: settings }, { headers: { ETag: '"v1"' } }),
      () => new HttpResponse(null, { status: 304, headers: { ETag: '"v1"' } }),
    ]);
    const c = client();
    const first = await c.settings();
    const second = await c.settings();
    assert.equal(seen[0]?.headers.get('if-none-match'), null);
    assert.equal(seen[1]?.headers.get('if-none-match'), '"v1"');
    assert.deepEqual(second, first);
    assert.notEqual(second, first, 'each call gets its own copy');
  });

  test('keep entries per URL, locale included', async () => {
    const seen = sequence(SETTINGS, [() => HttpResponse.json({ data: settings }, { headers: { ETag: '"v1"' } })]);
    const c = client();
    await c.settings({ locale: 'en' });
    await c.settings({ locale: 'fr' });
    assert.equal(seen[1]?.headers.get('if-none-match'), null);
  });

  test('send no If-None-Match when the cache is disabled', async () => {
    const seen = sequence(SETTINGS, [() => HttpResponse.json({ data: settings }, { headers: { ETag: '"v1"' } })]);
    const c = client({ cacheSize: 0 });
    await c.settings();
    await c.settings();
    assert.equal(seen[1]?.headers.get('if-none-match'), null);
  });
});

describe('in a browser page', () => {
  // What the transport sees of a page; Node has no `document`.
  before(() => {
    Object.assign(globalThis, { document: { baseURI: 'https://partner.example/help/directory.html' } });
  });
  after(() => {
    Reflect.deleteProperty(globalThis, 'document');
  });
  const etag = () => HttpResponse.json({ data: settings }, { headers: { ETag: '"v1"' } });

  test('send no If-None-Match, so that cross-origin GETs stay simple and the HTTP cache answers', async () => {
    const seen = sequence(SETTINGS, [etag]);
    const c = client();
    await c.settings();
    await c.settings();
    await c.settings();
    assert.equal(seen.length, 3);
    assert.deepEqual(
      seen.map((r) => r.headers.get('if-none-match')),
      [null, null, null],
    );
  });

  test('send no cookies', async () => {
    const seen = sequence(SETTINGS, [etag]);
    await client().settings();
    assert.equal(seen[0]?.credentials, 'omit');
  });

  test('still serve the last good body with staleIfError', async () => {
    sequence(SETTINGS, [etag, status(503)]);
    const events: StaleEvent[] = [];
    const c = client({ staleIfError: true, onStale: (e) => events.push(e) });
    await c.settings();
    const stale = await c.settings();
    assert.equal(stale.data.hotline.phone, settings.hotline.phone);
    assert.equal(events[0]?.error.name, 'HttpError');
  });

  test('resolve a relative baseUrl against the page', async () => {
    const seen = sequence('https://partner.example/directory/api/directory/settings', [etag]);
    await createDirectoryClient({ baseUrl: '/directory/' }).settings();
    assert.equal(seen.length, 1);
  });
});

describe('baseUrl', () => {
  for (const baseUrl of ['directory.example.ca', '/directory', 'ftp://directory.example.ca', '']) {
    test(`reject ${JSON.stringify(baseUrl)} when the client is created, saying what is expected`, () => {
      assert.throws(
        () => createDirectoryClient({ baseUrl }),
        (e: unknown) => {
          assert.ok(e instanceof TypeError);
          assert.equal(e.message, `baseUrl is not an http(s) URL: "${baseUrl}"`);
          return true;
        },
      );
    });
  }

  test('accept an origin with a path prefix and trailing slashes', async () => {
    const seen = sequence(`${BASE}/cms/api/directory/settings`, [ok]);
    await client({ baseUrl: `${BASE}/cms//` }).settings();
    assert.equal(seen.length, 1);
  });
});

describe('network errors', () => {
  test('name the underlying reason in the message, as Node nests it in cause', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const fetch = () => Promise.reject(new TypeError('fetch failed', { cause: refused }));
    await assert.rejects(client({ fetch, retry: false }).settings(), {
      name: 'NetworkError',
      message: `Network error: fetch failed: connect ECONNREFUSED 127.0.0.1:9 (GET ${SETTINGS})`,
    });
  });

  test('fall back to the error code when the cause has no message', async () => {
    const refused = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    const fetch = () => Promise.reject(new TypeError('fetch failed', { cause: refused }));
    await assert.rejects(client({ fetch, retry: false }).settings(), {
      message: `Network error: fetch failed: ECONNREFUSED (GET ${SETTINGS})`,
    });
  });
});

describe('staleIfError', () => {
  const fresh = () => HttpResponse.json({ data: settings });

  test('return the last good body when the server fails, and say so through onStale', async () => {
    sequence(SETTINGS, [fresh, status(503)]);
    const events: StaleEvent[] = [];
    const perCall: StaleEvent[] = [];
    const c = client({ staleIfError: true, onStale: (e) => events.push(e) });
    await c.settings();
    const stale = await c.settings({ onStale: (e) => perCall.push(e) });
    assert.equal(stale.data.hotline.phone, settings.hotline.phone);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.url, SETTINGS);
    assert.equal(events[0]?.error.name, 'HttpError');
    assert.equal(perCall.length, 1);
  });

  test('serve stale on network errors and timeouts too', async () => {
    sequence(SETTINGS, [fresh, () => HttpResponse.error()]);
    const c = client({ staleIfError: true });
    await c.settings();
    await c.settings();
    server.resetHandlers();
    let first = true;
    server.use(
      http.get(SETTINGS, async () => {
        if (first) {
          first = false;
          return fresh();
        }
        await delay('infinite');
        return fresh();
      }),
    );
    const errors: string[] = [];
    // generous, so that the first (answered) call never times out on a loaded machine
    const slow = client({ staleIfError: true, timeoutMs: 500, onStale: (e) => errors.push(e.error.name) });
    await slow.settings();
    await slow.settings();
    assert.deepEqual(errors, ['TimeoutError']);
  });

  test('never mask a 404: a removed listing must disappear', async () => {
    const url = `${LIST}/maison-esperance`;
    sequence(url, [() => HttpResponse.json({ data: organization() }), status(404)]);
    const c = client({ staleIfError: true });
    await c.organizations.get('maison-esperance');
    await assert.rejects(c.organizations.get('maison-esperance'), { name: 'NotFoundError' });
  });

  test('throw when nothing was cached yet', async () => {
    sequence(SETTINGS, [status(503)]);
    await assert.rejects(client({ staleIfError: true }).settings(), { status: 503 });
  });

  test('throw without staleIfError, even with a cached body', async () => {
    sequence(SETTINGS, [fresh, status(503)]);
    const c = client();
    await c.settings();
    await assert.rejects(c.settings(), { status: 503 });
  });
});

describe('malformed responses', () => {
  test('reject an HTML page served with 200', async () => {
    server.use(http.get(SETTINGS, () => HttpResponse.html('<html>Captive portal</html>')));
    await assert.rejects(client().settings(), {
      name: 'MalformedResponseError',
      status: 200,
      message: `Malformed response: not JSON (GET ${SETTINGS})`,
    });
  });

  test('name the part of a list the SDK could not use', async () => {
    const bad = page([organization()]);
    Object.assign(bad.data[0]!, { slug: null });
    server.use(http.get(LIST, () => HttpResponse.json(bad)));
    await assert.rejects(client().organizations.list(), {
      name: 'MalformedResponseError',
      message: `Malformed response: data[0].slug is not a string (GET ${LIST})`,
    });
  });

  test('reject settings without a hotline phone', async () => {
    server.use(http.get(SETTINGS, () => HttpResponse.json({ data: { hotline: {} } })));
    await assert.rejects(client().settings(), { name: 'MalformedResponseError' });
  });
});

describe('fetch and request details', () => {
  test('resolve globalThis.fetch at call time, not when the client is created', async () => {
    const c = client();
    const original = globalThis.fetch;
    const calls: string[] = [];
    globalThis.fetch = async (input, init) => {
      calls.push(String(input));
      return original(input, init);
    };
    try {
      server.use(http.get(SETTINGS, ok));
      await c.settings();
    } finally {
      globalThis.fetch = original;
    }
    assert.deepEqual(calls, [SETTINGS]);
  });

  test('use the fetch given in the options, called without a `this`', async () => {
    const calls: unknown[] = [];
    const fetch = async function (this: unknown) {
      calls.push(this);
      return Response.json({ data: settings });
    };
    await client({ fetch }).settings();
    assert.deepEqual(calls, [undefined]);
  });

  test('ask for JSON and add the configured headers, without credentials (no cookie jar outside a page)', async () => {
    const seen = sequence(SETTINGS, [ok]);
    const inits: (RequestInit | undefined)[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      inits.push(init);
      return globalThis.fetch(input, init);
    };
    await client({ headers: { 'X-Partner': 'test' }, fetch }).settings();
    const request = seen[0];
    assert.ok(request);
    assert.equal(inits[0] && 'credentials' in inits[0], false, 'Cloudflare Workers reject a credentials member');
    assert.equal(request.headers.get('accept'), 'application/json');
    assert.equal(request.headers.get('x-partner'), 'test');
    assert.equal(request.headers.get('content-type'), null, 'a GET stays a simple CORS request');
  });

  test('join baseUrl with or without a trailing slash', async () => {
    const seen = sequence(SETTINGS, [ok]);
    await createDirectoryClient({ baseUrl: `${BASE}/` }).settings();
    assert.equal(seen[0]?.url, SETTINGS);
  });
});
