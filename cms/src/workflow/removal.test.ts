import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listingStatusRules } from './removal';

const ctx = { now: '2026-11-29T15:00:00.000Z', today: '2026-11-29' };
const state = { listingStatus: 'active', removalReason: null, removedAt: null, statusNote: null };

test('removing without a reason is refused, naming removalReason', () => {
  const { problems } = listingStatusRules('active', { ...state, listingStatus: 'removed' }, ctx);
  assert.deepEqual(problems, [
    {
      path: 'removalReason',
      message: {
        en: 'Indicate the reason: “Reason for removal or suspension” is required to remove a listing.',
        fr: 'Indiquez le motif : « Motif du retrait ou de la suspension » est obligatoire pour retirer une fiche.',
      },
    },
  ]);
  assert.equal(listingStatusRules('active', { ...state, listingStatus: 'removed', removalReason: '  ' }, ctx).problems.length, 1);
});

test('a removal with a reason is dated once, and an existing date is kept', () => {
  const first = listingStatusRules('active', { ...state, listingStatus: 'removed', removalReason: 'organization_request' }, ctx);
  assert.deepEqual(first, { patch: { removedAt: ctx.now }, problems: [] });
  const again = listingStatusRules(
    'removed',
    { ...state, listingStatus: 'removed', removalReason: 'organization_request', removedAt: '2026-05-31T16:00:00.000Z' },
    ctx,
  );
  assert.deepEqual(again, { patch: {}, problems: [] });
});

test('suspending without a reason is refused, like a removal', () => {
  const { problems } = listingStatusRules('active', { ...state, listingStatus: 'suspended' }, ctx);
  assert.deepEqual(
    problems.map((p) => [p.path, p.message.fr]),
    [['removalReason', 'Indiquez le motif : « Motif du retrait ou de la suspension » est obligatoire pour suspendre une fiche.']],
  );
  assert.deepEqual(listingStatusRules('suspended', { ...state, listingStatus: 'suspended' }, ctx).problems, [], 'only on the way in');
});

test('a suspension is dated in suspendedAt and in the status note', () => {
  const suspended = { ...state, listingStatus: 'suspended', removalReason: 'unreachable' };
  assert.deepEqual(listingStatusRules('active', suspended, ctx).patch, {
    suspendedAt: ctx.now,
    statusNote: 'Suspended 2026-11-29 / Suspendue le 2026-11-29.',
  });
  assert.equal(
    listingStatusRules('active', { ...suspended, statusNote: 'Funding paused' }, ctx).patch.statusNote,
    'Suspended 2026-11-29 / Suspendue le 2026-11-29: Funding paused',
  );
  assert.equal(
    listingStatusRules(
      'active',
      { ...suspended, statusNote: 'Suspended 2026-11-29: unreachable\nSuspendue le 2026-11-29 : injoignable' },
      ctx,
    ).patch.statusNote,
    undefined,
    'the unreachable rule has dated it already',
  );
});

test('saving a record that stays suspended or active changes nothing', () => {
  assert.deepEqual(listingStatusRules('suspended', { ...state, listingStatus: 'suspended', statusNote: 'x' }, ctx), {
    patch: {},
    problems: [],
  });
  assert.deepEqual(listingStatusRules('active', state, ctx), { patch: {}, problems: [] });
});
