import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attemptsOf, unreachablePatch, unreachableVerdict, type Attempt } from './unreachable';

const o = { today: '2026-11-29', windowMonths: 12, threshold: 3 };
const failed = (day: string, outcome = 'no_answer'): Attempt => ({ at: `${day}T15:00:00.000Z`, outcome });
const reached = (day: string): Attempt => ({ at: `${day}T15:00:00.000Z`, outcome: 'reached' });

test('three failures in the window with no reach since make a record unreachable', () => {
  const v = unreachableVerdict([failed('2026-08-04'), failed('2026-08-11', 'bounced'), failed('2026-08-18', 'left_message')], o);
  assert.deepEqual(v, { unreachable: true, failures: 3, first: '2026-08-04', last: '2026-08-18' });
});

test('a reach after the failures clears them; failures after a reach count again', () => {
  assert.equal(
    unreachableVerdict([failed('2026-08-04'), failed('2026-08-11'), failed('2026-08-18'), reached('2026-08-20')], o).unreachable,
    false,
  );
  assert.equal(unreachableVerdict([reached('2026-08-01'), failed('2026-08-04'), failed('2026-08-11')], o).failures, 2);
});

test('failures older than the review window do not count, in any order of entry', () => {
  const v = unreachableVerdict([failed('2026-10-01'), failed('2025-10-01'), failed('2025-11-28'), failed('2026-11-01')], o);
  assert.equal(v.failures, 2);
  assert.equal(v.unreachable, false);
  assert.equal(unreachableVerdict([failed('2026-10-01'), failed('2025-11-29'), failed('2026-11-01')], o).unreachable, true);
});

test('the threshold and window come from the options', () => {
  const attempts = [failed('2026-10-01'), failed('2026-11-01')];
  assert.equal(unreachableVerdict(attempts, { ...o, threshold: 2 }).unreachable, true);
  assert.equal(unreachableVerdict(attempts, { ...o, threshold: 2, windowMonths: 1 }).failures, 1);
});

test('attempts are read from stored rows and write data alike, skipping malformed ones', () => {
  assert.deepEqual(
    attemptsOf([
      { id: 3, at: new Date('2026-08-04T15:00:00Z'), method: 'phone', outcome: 'no_answer' },
      { at: '2026-08-11T15:00:00.000Z', outcome: 'bounced', notes: null },
      { at: 'never', outcome: 'no_answer' },
      { outcome: 'reached' },
      'x',
    ]),
    [
      { at: '2026-08-04T15:00:00.000Z', outcome: 'no_answer' },
      { at: '2026-08-11T15:00:00.000Z', outcome: 'bounced' },
    ],
  );
  assert.deepEqual(attemptsOf(undefined), []);
});

const three = unreachableVerdict([failed('2026-08-04'), failed('2026-08-11'), failed('2026-08-18')], o);

test('an unreachable active record is flagged with a dated note, keeping the previous note', () => {
  const patch = unreachablePatch(null, three, { listingStatus: 'active', statusNote: 'Old note' }, { today: o.today, suspend: false });
  assert.equal(patch.needsAttention, true);
  assert.equal(patch.listingStatus, undefined);
  assert.match(
    String(patch.statusNote),
    /^Needs attention 2026-11-29: designated contact unreachable after 3 failed attempts \(2026-08-04 to 2026-08-18\), none reached since\.\n/,
  );
  assert.match(
    String(patch.statusNote),
    /\nÀ traiter le 2026-11-29 : personne-ressource désignée injoignable après 3 tentatives infructueuses \(du 2026-08-04 au 2026-08-18\), aucune réussie depuis\.\n/,
    'in French too',
  );
  assert.match(String(patch.statusNote), /\nOld note$/);
});

test('with suspension on, an active record is suspended as unreachable; other statuses are only flagged', () => {
  const active = unreachablePatch(null, three, { listingStatus: 'active', statusNote: null }, { today: o.today, suspend: true });
  assert.equal(active.listingStatus, 'suspended');
  assert.equal(active.removalReason, 'unreachable');
  assert.match(
    String(active.statusNote),
    /^Suspended 2026-11-29: designated contact .*\nSuspendue le 2026-11-29 : personne-ressource désignée injoignable/,
  );
  const review = unreachablePatch(null, three, { listingStatus: 'under_review', statusNote: null }, { today: o.today, suspend: true });
  assert.equal(review.listingStatus, undefined);
  assert.equal(review.needsAttention, true);
});

test('records already suspended or removed, and saves without new failures, change nothing', () => {
  for (const listingStatus of ['suspended', 'removed']) {
    assert.deepEqual(unreachablePatch(null, three, { listingStatus, statusNote: null }, { today: o.today, suspend: true }), {});
  }
  assert.deepEqual(unreachablePatch(three, three, { listingStatus: 'active', statusNote: null }, { today: o.today, suspend: true }), {});
  const four = { ...three, failures: 4 };
  assert.equal(
    unreachablePatch(three, four, { listingStatus: 'active', statusNote: null }, { today: o.today, suspend: false }).needsAttention,
    true,
  );
});
