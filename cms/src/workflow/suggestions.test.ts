import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestionProblems } from './suggestions';

test('resolving or dismissing a suggestion requires a resolution note', () => {
  assert.deepEqual(suggestionProblems('resolved', null), [
    {
      path: 'resolutionNote',
      message: {
        en: 'Say what was done: “Resolution note” is required to resolve a suggestion.',
        fr: 'Indiquez ce qui a été fait : « Note de résolution » est obligatoire pour marquer une demande comme traitée.',
      },
    },
  ]);
  assert.deepEqual(
    suggestionProblems('dismissed', '   ').map((p) => p.message.en),
    ['Say what was done: “Resolution note” is required to dismiss a suggestion.'],
  );
});

test('a note, or an open suggestion, is enough', () => {
  assert.deepEqual(suggestionProblems('resolved', 'Phone number corrected.'), []);
  assert.deepEqual(suggestionProblems('new', null), []);
});
