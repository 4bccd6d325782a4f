import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextBases, translationState, translationStatus, translationStatusLabel } from './translation-status';

test('a record without its French locale is "French missing"', () => {
  const s = translationStatus(['en'], 'bilingual');
  assert.deepEqual(s, { kind: 'missing', locale: 'fr' });
  assert.equal(translationStatusLabel(s, 'en'), 'French missing');
  assert.equal(translationStatusLabel(s, 'fr'), 'Français manquant');
});

test('the stored state says which locale is out of date; an unknown state is bilingual', () => {
  const s = translationStatus(['fr', 'en'], 'en_outdated');
  assert.deepEqual(s, { kind: 'outdated', locale: 'en' });
  assert.equal(translationStatusLabel(s, 'fr'), 'Anglais à mettre à jour');
  assert.deepEqual(translationStatus(['en', 'fr'], null), { kind: 'complete' });
});

// Each locale's basis: the other's text (by hash) it was last in line with.
const apply = (bases: { written: string | null; other: string | null }, written: 'en' | 'fr', hashes: { en: string; fr: string }) => {
  const side = (locale: 'en' | 'fr') => ({ hash: hashes[locale], basis: locale === written ? bases.written : bases.other });
  return translationState({ en: side('en'), fr: side('fr') });
};

test('a new translation is in line with its source', () => {
  const bases = nextBases({ before: null, after: 'F1', basis: null }, { hash: 'E1', basis: null });
  assert.deepEqual(bases, { written: 'E1', other: 'F1' });
  assert.equal(apply(bases, 'fr', { en: 'E1', fr: 'F1' }), 'bilingual');
});

test('saving a locale without changing its text flags nothing, however late', () => {
  const bases = nextBases({ before: 'E1', after: 'E1', basis: 'F1' }, { hash: 'F1', basis: 'E1' });
  assert.equal(apply(bases, 'en', { en: 'E1', fr: 'F1' }), 'bilingual');
});

test('changing the English text puts the French out of date, until the French is changed too', () => {
  const source = nextBases({ before: 'E1', after: 'E2', basis: 'F1' }, { hash: 'F1', basis: 'E1' });
  assert.equal(apply(source, 'en', { en: 'E2', fr: 'F1' }), 'fr_outdated');
  const caughtUp = nextBases({ before: 'F1', after: 'F2', basis: source.other }, { hash: 'E2', basis: source.written });
  assert.equal(apply(caughtUp, 'fr', { en: 'E2', fr: 'F2' }), 'bilingual');
});

test('a record saved before the state existed (no bases) counts as in line', () => {
  assert.equal(translationState({ en: { hash: 'E1', basis: null }, fr: { hash: 'F1', basis: null } }), 'bilingual');
  const bases = nextBases({ before: 'F1', after: 'F2', basis: null }, { hash: 'E1', basis: null });
  assert.equal(apply(bases, 'fr', { en: 'E1', fr: 'F2' }), 'en_outdated');
});
