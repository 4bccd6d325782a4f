import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editLayout } from './admin-views';

const layout = [[{ name: 'status', size: 6 }, { name: 'declineReason', size: 6 }], [{ name: 'reference', size: 6 }], [{ name: 'reviewStatus', size: 6 }]];

test('the edit view hides the unusable status and puts its mirror first', () => {
  assert.deepEqual(editLayout(layout, ['status'], ['reviewStatus']), [
    [{ name: 'reviewStatus', size: 6 }], [{ name: 'declineReason', size: 6 }], [{ name: 'reference', size: 6 }],
  ]);
});

test('applying the layout twice gives the same layout', () => {
  const once = editLayout(layout, ['status'], ['reviewStatus']);
  assert.deepEqual(editLayout(once, ['status'], ['reviewStatus']), once);
});

test('a malformed stored layout yields an empty one rather than an error', () => {
  assert.deepEqual(editLayout(undefined, ['status'], []), []);
  assert.deepEqual(editLayout([['x'], 3], [], []), []);
});
