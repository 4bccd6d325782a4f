import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ASK_WINDOW, AskCounts, BodyCache, type HttpContext, sendCached, timedCacheControl } from './http';

/** A request context of the shape sendCached uses, and the headers it sets (lower-cased). */
function fakeContext(): { ctx: HttpContext; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const ctx: HttpContext = {
    status: 0,
    body: null,
    get: (field) => headers.get(field.toLowerCase()) ?? '',
    set: (field, value) => void headers.set(field.toLowerCase(), value),
    type: '',
  };
  return { ctx, headers };
}

test('a body true until a time is cached until then, at most a minute, and never served stale while revalidating', () => {
  const now = Date.parse('2026-12-03T16:59:30Z');
  assert.equal(timedCacheControl(Date.parse('2026-12-03T17:00:00Z'), now), 'public, max-age=30, s-maxage=30, stale-if-error=86400');
  assert.equal(timedCacheControl(Date.parse('2026-12-03T22:00:00Z'), now), 'public, max-age=60, s-maxage=60, stale-if-error=86400');
  assert.equal(timedCacheControl(now - 1000, now), 'public, max-age=0, s-maxage=0, stale-if-error=86400');
});

test('a body is kept from the second time its key is asked for, and a key asked for before a new version is kept at once in it', () => {
  const { ctx, headers } = fakeContext();
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

test('a full body cache takes a new body only if its key is asked for more often than the one it would push out', () => {
  // Ten bodies fit (each counted at twice its size).
  const cache = new BodyCache<{ size: number }>(8000, new AskCounts(ASK_WINDOW));
  const body = { size: 400 };
  const twice = (key: string) => {
    for (let i = 0; i < 2; i++) if (!cache.get(key)) cache.set(key, body);
  };
  for (let i = 0; i < 10; i++) twice(`page-${i}`);
  // Each asked for three times now.
  for (let i = 0; i < 10; i++) assert.equal(cache.get(`page-${i}`), body, `page-${i} kept`);
  twice('rare');
  assert.equal(cache.get('rare'), undefined, 'asked for less often than the least recently used: not kept');
  for (let i = 0; i < 4; i++) cache.get('popular');
  cache.set('popular', body);
  assert.equal(cache.get('popular'), body, 'asked for more often: kept');
  assert.equal(cache.get('page-0'), undefined, 'in place of the least recently used');
});

test('a body made for an earlier catalog version is kept, with its ETag, while the version gives the same basis', () => {
  const { ctx, headers } = fakeContext();
  const entryA = { name: 'a' };
  const entryB = { name: 'b' };
  let builds = 0;
  const ask = (version: string, basis: unknown[]) => {
    sendCached(
      ctx,
      version,
      'list-page',
      () => `{"n":${++builds}}`,
      () => basis,
    );
    return { body: String(ctx.body), etag: headers.get('etag') };
  };
  ask('v1', [entryA]);
  const kept = ask('v1', [entryA]);
  assert.equal(kept.body, '{"n":2}');
  assert.deepEqual(ask('v2', [entryA]), kept, 'same entries in the next version: the same body and ETag, not made again');
  assert.equal(ask('v3', ['meta', entryA]).body, '{"n":3}', 'a longer basis: made again');
  assert.equal(ask('v4', ['meta', entryB]).body, '{"n":4}', 'another entry (an edit makes a new one): made again');
  assert.equal(ask('v4', ['meta', entryB]).body, '{"n":4}', 'and kept in its version');
  assert.notEqual(headers.get('etag'), kept.etag);
});

test('a body replaced under its key frees its room in the cache', () => {
  const cache = new BodyCache<{ size: number }>(8000);
  const small = { size: 400 };
  cache.set('kept', small);
  for (let i = 0; i < 100; i++) cache.set('replaced', { size: 400 });
  assert.equal(cache.get('kept'), small, 'a key set again many times does not push the others out');
});
