import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timedCacheControl } from './http';

test('a body true until a time is cached until then, at most a minute, and never served stale while revalidating', () => {
  const now = Date.parse('2026-12-03T16:59:30Z');
  assert.equal(timedCacheControl(Date.parse('2026-12-03T17:00:00Z'), now), 'public, max-age=30, s-maxage=30, stale-if-error=86400');
  assert.equal(timedCacheControl(Date.parse('2026-12-03T22:00:00Z'), now), 'public, max-age=60, s-maxage=60, stale-if-error=86400');
  assert.equal(timedCacheControl(now - 1000, now), 'public, max-age=0, s-maxage=0, stale-if-error=86400');
});
