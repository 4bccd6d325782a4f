import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noticePayloads, parseNotice } from './notify';

test('a write of many documents is announced in notices PostgreSQL accepts (under 8000 bytes), naming every one once', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `doc${String(i).padStart(21, '0')}`);
  const payloads = noticePayloads('host:42:abc', 'api::organization.organization', ids);
  assert.ok(payloads.length > 1);
  for (const p of payloads) assert.ok(Buffer.byteLength(p) < 8000, `${Buffer.byteLength(p)} bytes`);
  const named = payloads.flatMap((p) => parseNotice(p)?.documentIds ?? []);
  assert.deepEqual(named, ids);
});

test('a write naming no document is announced as one notice with no ids (every document of the type)', () => {
  const [only, ...rest] = noticePayloads('a', 'api::search-synonym.search-synonym', []);
  assert.deepEqual(rest, []);
  assert.deepEqual(parseNotice(only), { origin: 'a', uid: 'api::search-synonym.search-synonym', documentIds: [] });
});

test('a payload that is not one of ours is ignored', () => {
  for (const p of [
    undefined,
    '',
    'hello',
    '[]',
    'null',
    '{"origin":1,"uid":"x","documentIds":[]}',
    '{"origin":"a","uid":"x","documentIds":[1]}',
  ]) {
    assert.equal(parseNotice(p), null, String(p));
  }
});
