import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type HttpContext, sendCached, timedCacheControl } from './http';

test('a body true until a time is cached until then, at most a minute, and never served stale while revalidating', () => {
  const now = Date.parse('2026-12-03T16:59:30Z');
  assert.equal(timedCacheControl(Date.parse('2026-12-03T17:00:00Z'), now), 'public, max-age=30, s-maxage=30, stale-if-error=86400');
  assert.equal(timedCacheControl(Date.parse('2026-12-03T22:00:00Z'), now), 'public, max-age=60, s-maxage=60, stale-if-error=86400');
  assert.equal(timedCacheControl(now - 1000, now), 'public, max-age=0, s-maxage=0, stale-if-error=86400');
});

test('a body is kept from the second time its key is asked for, and a key asked for before a new version is kept at once in it', () => {
  const headers = new Map<string, string>();
  const ctx: HttpContext = {
    status: 0,
    body: null,
    get: (field) => headers.get(field.toLowerCase()) ?? '',
    set: (field, value) => void headers.set(field.toLowerCase(), value),
    type: '',
  };
  let builds = 0;
  const ask = (version: string, key: string) => {
    sendCached(ctx, version, key, () => `{"n":${++builds}}`);
    return String(ctx.body);
  };
  assert.equal(ask('v1', 'page-1'), '{"n":1}');
  assert.equal(ask('v1', 'page-1'), '{"n":2}', 'asked once: made again, not kept');
  assert.equal(ask('v1', 'page-1'), '{"n":2}', 'asked twice: kept');
  assert.equal(ask('v1', 'page-2'), '{"n":3}');
  assert.equal(ask('v2', 'page-2'), '{"n":4}', 'a new version: made again');
  assert.equal(ask('v2', 'page-2'), '{"n":4}', 'asked in the version before: kept from its first time in this one');
  assert.equal(ctx.status, 200);
  assert.match(headers.get('etag') ?? '', /^W\/"/);
});
