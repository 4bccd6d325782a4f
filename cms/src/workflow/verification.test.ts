import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verificationPatch } from './verification';

const ctx = { today: '2026-11-29', intervalMonths: 12, actorName: 'Dana Editor' };

test('ticking "mark as verified" stamps today, the editor and the next review, and clears the flag', () => {
  assert.deepEqual(verificationPatch(true, ctx), {
    lastVerifiedAt: '2026-11-29',
    lastVerifiedBy: 'Dana Editor',
    nextReviewDue: '2027-11-29',
    markVerified: false,
  });
  assert.equal(verificationPatch(true, { ...ctx, intervalMonths: 6 }).nextReviewDue, '2027-05-29');
});

test('without the flag nothing about verification changes', () => {
  for (const v of [false, undefined, null, 'true']) assert.deepEqual(verificationPatch(v, ctx), {});
});
