import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, terms } from './normalize';

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
