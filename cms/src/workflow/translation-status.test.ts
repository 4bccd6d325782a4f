import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translationStatus, translationStatusLabel } from './translation-status';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes)).toISOString();

test('a record without its French locale is "French missing"', () => {
  const s = translationStatus([{ locale: 'en', updatedAt: at(0) }]);
  assert.deepEqual(s, { kind: 'missing', locale: 'fr' });
  assert.equal(translationStatusLabel(s, 'en'), 'French missing');
  assert.equal(translationStatusLabel(s, 'fr'), 'Français manquant');
});

test('a locale saved before the other changed is out of date; both saved in one action is bilingual', () => {
  const s = translationStatus([{ locale: 'fr', updatedAt: at(30) }, { locale: 'en', updatedAt: at(0) }]);
  assert.deepEqual(s, { kind: 'outdated', locale: 'en' });
  assert.equal(translationStatusLabel(s, 'fr'), 'Anglais à mettre à jour');
  assert.deepEqual(translationStatus([{ locale: 'fr', updatedAt: at(0) }, { locale: 'en', updatedAt: new Date(Date.parse(at(0)) + 800).toISOString() }]), { kind: 'complete' });
});
