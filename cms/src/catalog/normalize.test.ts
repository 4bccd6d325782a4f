import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fold, foldUnicode, terms } from './normalize';

test('folding removes accents and case in English and French', () => {
  assert.equal(fold('Montréal'), 'montreal');
  assert.equal(fold('SANTÉ'), 'sante');
  assert.equal(fold('aînés'), 'aines');
  assert.equal(fold('Trois-Rivières'), 'trois rivieres');
  assert.equal(fold('Œuvre Cœur'), 'oeuvre coeur');
  assert.equal(fold('ÇA'), 'ca');
});

test('folding keeps letters of other scripts', () => {
  assert.equal(fold('ᐃᓄᒃᑎᑐᑦ'), 'ᐃᓄᒃᑎᑐᑦ'.normalize('NFD').replace(/\p{M}+/gu, ''));
  assert.equal(fold('العربية'), 'العربية');
});

test('terms split on punctuation and drop duplicates and empties', () => {
  assert.deepEqual(terms('  Saint-Jérôme, saint jerome!! '), ['saint', 'jerome']);
  assert.deepEqual(terms('***'), []);
});

test('folding a character at a time gives what Unicode normalization gives, on any text', () => {
  // Latin letters with and without accents, separators, and characters past the table (marks, other scripts).
  const char = fc.oneof(
    fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(' ', '-', "'", '’', '\u0301', '\u0327', 'Σ', 'ς', 'İ', 'ᐃ', '😀', '½', 'ǅ'),
  );
  fc.assert(
    fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      assert.equal(fold(text), foldUnicode(text));
    }),
    { numRuns: 5000 },
  );
  const long = 'Île-du-Prince-Édouard, Œuvre cœur; '.repeat(1000);
  assert.equal(fold(long), foldUnicode(long));
});
