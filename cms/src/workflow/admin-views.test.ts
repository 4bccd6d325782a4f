import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editLayout, labelledMetadatas, withoutField } from './admin-views';

const layout = [
  [
    { name: 'declineReason', size: 6 },
    { name: 'reviewStatus', size: 6 },
  ],
  [{ name: 'reference', size: 6 }],
];

test('the edit view puts the review status first, on a row of its own', () => {
  assert.deepEqual(editLayout(layout, ['reviewStatus']), [
    [{ name: 'reviewStatus', size: 6 }],
    [{ name: 'declineReason', size: 6 }],
    [{ name: 'reference', size: 6 }],
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

test('labels are set on the edit and list metadata, keeping what else is stored', () => {
  const stored = {
    email: { edit: { label: 'email', placeholder: 'x' }, list: { label: 'email', sortable: true } },
    other: { edit: { label: 'other' } },
  };
  const out = labelledMetadatas(stored, ['email'], { email: { en: 'Email' } }, { email: { description: 'Public.' } });
  assert.deepEqual(out.email, {
    edit: { label: 'Email', placeholder: 'x', description: 'Public.' },
    list: { label: 'Email', sortable: true },
  });
  assert.deepEqual(out.other, stored.other);
});

test('a field with a hint but no label keeps its stored labels', () => {
  const stored = { note: { edit: { label: 'note' }, list: { label: 'note' } } };
  assert.deepEqual(labelledMetadatas(stored, ['note'], {}, { note: { editable: false } }).note, {
    edit: { label: 'note', editable: false },
    list: { label: 'note' },
  });
});

test('the status-and-review block sits at the top, two fields to a row', () => {
  const out = editLayout(
    [
      [
        { name: 'name', size: 6 },
        { name: 'listingStatus', size: 6 },
      ],
      [
        { name: 'publicConsent', size: 4 },
        { name: 'x', size: 6 },
      ],
    ],
    ['listingStatus', 'removalReason', 'publicConsent'],
  );
  assert.deepEqual(out, [
    [
      { name: 'listingStatus', size: 6 },
      { name: 'removalReason', size: 6 },
    ],
    [{ name: 'publicConsent', size: 6 }],
    [{ name: 'name', size: 6 }],
    [{ name: 'x', size: 6 }],
  ]);
});

test('a field the workflow writes is taken out of the edit layout, and empty rows with it', () => {
  assert.deepEqual(
    withoutField(
      [
        [
          { name: 'day', size: 4 },
          { name: 'summary', size: 6 },
        ],
        [{ name: 'summary', size: 6 }],
      ],
      'summary',
    ),
    [[{ name: 'day', size: 4 }]],
  );
});
