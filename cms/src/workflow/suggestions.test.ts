import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestionProblems } from './suggestions';

test('resolving or dismissing a suggestion requires a resolution note', () => {
  assert.deepEqual(suggestionProblems('resolved', null), [{ path: 'resolutionNote', message: 'is required when the suggestion is resolved' }]);
  assert.deepEqual(suggestionProblems('dismissed', '   '), [{ path: 'resolutionNote', message: 'is required when the suggestion is dismissed' }]);
});

test('a note, or an open suggestion, is enough', () => {
  assert.deepEqual(suggestionProblems('resolved', 'Phone number corrected.'), []);
  assert.deepEqual(suggestionProblems('new', null), []);
});
