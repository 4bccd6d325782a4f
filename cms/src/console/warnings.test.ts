import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warningsOf, type WarningFacts } from './warnings';

const SETTINGS = { reviewIntervalMonths: 12, unreachableAttempts: 3 };
const org = (over: Partial<WarningFacts>): WarningFacts => ({
  status: 'active',
  removalReason: null,
  contactAttempts: [],
  safetyNotes: null,
  capacityNotes: null,
  nextReviewDue: '2027-01-01',
  lastVerified: '2026-06-01',
  ...over,
});

test('an active, verified record with no notes has no warning', () => {
  assert.deepEqual(warningsOf(org({}), '2026-12-03', SETTINGS), []);
});

test('warnings come most serious first: status, unreachable, safety, capacity, verification', () => {
  const failed = (at: string) => ({ at, method: 'phone' as const, outcome: 'no_answer' as const, notes: null });
  const w = warningsOf(
    org({
      status: 'suspended',
      removalReason: 'unreachable',
      contactAttempts: [failed('2026-10-01T10:00:00Z'), failed('2026-11-01T10:00:00Z'), failed('2026-11-20T10:00:00Z')],
      safetyNotes: 'Do not give the address.',
      capacityNotes: 'Full until January.',
      nextReviewDue: '2026-11-01',
    }),
    '2026-12-03',
    SETTINGS,
  );
  assert.deepEqual(
    w.map((x) => x.kind),
    ['status', 'unreachable', 'safety', 'capacity', 'verification'],
  );
  assert.equal(w[0]!.detail, 'suspended: unreachable');
  assert.equal(w[1]!.detail, '3 failed attempts (2026-10-01 – 2026-11-20)');
  assert.equal(w[2]!.detail, 'Do not give the address.');
});

test('a record never verified is out of date; one reached since its failures is not unreachable', () => {
  assert.deepEqual(
    warningsOf(org({ lastVerified: null, nextReviewDue: null }), '2026-12-03', SETTINGS).map((x) => x.kind),
    ['verification'],
  );
  const attempts = [
    { at: '2026-10-01T10:00:00Z', method: 'phone' as const, outcome: 'no_answer' as const, notes: null },
    { at: '2026-10-02T10:00:00Z', method: 'phone' as const, outcome: 'no_answer' as const, notes: null },
    { at: '2026-10-03T10:00:00Z', method: 'phone' as const, outcome: 'no_answer' as const, notes: null },
    { at: '2026-10-04T10:00:00Z', method: 'phone' as const, outcome: 'reached' as const, notes: null },
  ];
  assert.deepEqual(warningsOf(org({ contactAttempts: attempts }), '2026-12-03', SETTINGS), []);
});
