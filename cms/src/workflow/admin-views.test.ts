import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editLayout } from './admin-views';

const layout = [[{ name: 'declineReason', size: 6 }, { name: 'reviewStatus', size: 6 }], [{ name: 'reference', size: 6 }]];

test('the edit view puts the review status first, on a row of its own', () => {
  assert.deepEqual(editLayout(layout, ['reviewStatus']), [
    [{ name: 'reviewStatus', size: 6 }], [{ name: 'declineReason', size: 6 }], [{ name: 'reference', size: 6 }],
  ]);
});

test('applying the layout twice gives the same layout', () => {
  const once = editLayout(layout, ['reviewStatus']);
  assert.deepEqual(editLayout(once, ['reviewStatus']), once);
});

test('a malformed stored layout yields an empty one rather than an error', () => {
  assert.deepEqual(editLayout(undefined, []), []);
  assert.deepEqual(editLayout([['x'], 3], []), []);
});
