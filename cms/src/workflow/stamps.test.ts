import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attemptsTimed, consentPatch } from './stamps';

const ctx = { now: '2026-12-03T09:00:00.000Z', actorName: 'Dana Editor' };

test('giving consent stamps when and by whom, unless the editor entered them', () => {
  assert.deepEqual(consentPatch(false, { publicConsent: true, consentAt: null, consentBy: '' }, ctx), {
    consentAt: ctx.now,
    consentBy: 'Dana Editor',
  });
  assert.deepEqual(
    consentPatch(null, { publicConsent: true, consentAt: '2026-11-30T10:00:00.000Z', consentBy: 'Phone call with the director' }, ctx),
    {},
  );
});

test('consent already given, or withdrawn, stamps nothing', () => {
  assert.deepEqual(consentPatch(true, { publicConsent: true, consentAt: null, consentBy: null }, ctx), {});
  assert.deepEqual(consentPatch(false, { publicConsent: false, consentAt: null, consentBy: null }, ctx), {});
});

test('a contact attempt logged without a time happened now; timed ones are left alone', () => {
  const timed = { at: '2026-12-01T15:00:00.000Z', method: 'phone', outcome: 'reached' };
  assert.deepEqual(attemptsTimed([timed, { at: null, method: 'email', outcome: 'bounced' }], ctx.now), [
    timed,
    { at: ctx.now, method: 'email', outcome: 'bounced' },
  ]);
  assert.equal(attemptsTimed([timed], ctx.now), null);
  assert.equal(attemptsTimed(undefined, ctx.now), null);
});
