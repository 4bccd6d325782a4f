import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withFrenchNames } from './taxonomy-names';

test('a term shows its French name in the field the picker reads; others are left as they are', () => {
  const results = [
    { id: 1, documentId: 'a', labelEn: 'Human trafficking', publishedAt: null },
    { id: 2, documentId: 'b', labelEn: 'Shelter' },
    { id: 3, documentId: 'c' },
  ];
  assert.deepEqual(
    withFrenchNames(
      results,
      new Map([
        ['a', 'Traite de personnes'],
        ['c', 'X'],
      ]),
    ),
    [
      { id: 1, documentId: 'a', labelEn: 'Traite de personnes', publishedAt: null },
      { id: 2, documentId: 'b', labelEn: 'Shelter' },
      { id: 3, documentId: 'c' },
    ],
  );
});
