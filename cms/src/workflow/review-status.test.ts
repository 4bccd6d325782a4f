import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mirroredStatus } from './review-status';

const STATUSES = ['received', 'in_review', 'approved', 'declined'];
const stored = { status: 'in_review', reviewStatus: 'in_review' };

test('an editor changing the mirror in the admin changes the status', () => {
  assert.deepEqual(mirroredStatus({ reviewStatus: 'approved' }, stored, STATUSES, 'received'), { status: 'approved', reviewStatus: 'approved' });
});

test('the API or a script changing the status moves the mirror along', () => {
  assert.deepEqual(mirroredStatus({ status: 'declined' }, stored, STATUSES, 'received'), { status: 'declined', reviewStatus: 'declined' });
  assert.deepEqual(mirroredStatus({ status: 'declined', reviewStatus: 'approved' }, stored, STATUSES, 'received'), { status: 'declined', reviewStatus: 'declined' });
});

test('a save that changes neither leaves both alone, and fills a missing mirror', () => {
  assert.deepEqual(mirroredStatus({ declineReason: 'x' }, stored, STATUSES, 'received'), {});
  assert.deepEqual(mirroredStatus({ status: 'in_review' }, { status: 'in_review', reviewStatus: null }, STATUSES, 'received'), { status: 'in_review', reviewStatus: 'in_review' });
});

test('a new record takes whichever is given, else the default; nonsense is ignored', () => {
  assert.deepEqual(mirroredStatus({ status: 'received' }, null, STATUSES, 'received'), { status: 'received', reviewStatus: 'received' });
  assert.deepEqual(mirroredStatus({ reviewStatus: 'in_review' }, null, STATUSES, 'received'), { status: 'in_review', reviewStatus: 'in_review' });
  assert.deepEqual(mirroredStatus({ status: 'published' }, null, STATUSES, 'received'), { status: 'received', reviewStatus: 'received' });
});
