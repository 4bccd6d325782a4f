import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedSince } from './fingerprint';

const at = (iso: string) => Date.parse(iso);

test('after a boot on a database last written long ago, the poll looks back from its own look, not from that last update', () => {
  // A bulk load that ended at noon; the instance looked at 15:00.
  assert.equal(changedSince('2026-12-05T12:00:00.000Z', at('2026-12-05T15:00:00.000Z')).toISOString(), '2026-12-05T14:59:58.000Z');
});

test('an update seen ahead of the look (a writer whose clock runs ahead) still has its margin', () => {
  assert.equal(changedSince('2026-12-05T15:00:05.000Z', at('2026-12-05T15:00:00.000Z')).toISOString(), '2026-12-05T15:00:03.000Z');
});

test('before any look, every row', () => {
  assert.equal(changedSince('', 0).getTime(), 0);
});
