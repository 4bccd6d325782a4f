import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayValue, historyApiPath, historyItems } from './audit-history';
import { ORGANIZATION as ORG } from '../content-types';

const entry = {
  documentId: 'a1',
  occurredAt: '2026-12-03T15:00:00.000Z',
  action: 'status_change',
  targetUid: ORG,
  actorName: 'Dana Editor',
  actorType: 'admin',
  statusFrom: 'active',
  statusTo: 'suspended',
  changes: [
    { field: 'listingStatus', confidential: true },
    { field: 'removalReason', confidential: true },
    { field: 'openingHours', confidential: false, from: [{ closes: '17:00', day: 'mon', opens: '09:00', summary: 'x' }], to: [] },
    { field: 'description', locale: 'fr', confidential: false, from: 'Ancien', to: 'Nouveau' },
    { field: 'open24x7', confidential: false, from: false, to: true },
  ],
};

test('an entry reads as its action, its editor and each change before → after, in English', () => {
  const [item] = historyItems([entry], 'en');
  assert.deepEqual([item!.action, item!.actor, item!.at], ['Status changed', 'Dana Editor', '2026-12-03T15:00:00.000Z']);
  assert.deepEqual(
    item!.changes.map((c) => [c.label, c.locale, c.from, c.to]),
    [
      ['Listing status', null, 'Active', 'Suspended'],
      ['Reason for removal or suspension', null, null, null],
      ['Opening hours', null, 'Monday 09:00 17:00', '—'],
      ['Description', 'fr', 'Ancien', 'Nouveau'],
      ['Open 24/7', null, 'No', 'Yes'],
    ],
  );
});

test('the same entry in French', () => {
  const [item] = historyItems([entry], 'fr');
  assert.equal(item!.action, 'Changement de statut');
  assert.deepEqual(
    item!.changes.map((c) => [c.label, c.from, c.to]).filter((_, i) => i === 0 || i === 4),
    [
      ['Statut de l’inscription', 'Actif', 'Suspendu'],
      ['Ouvert 24 h/24, 7 j/7', 'Non', 'Oui'],
    ],
  );
});

test('lists, codes and empty values read as words', () => {
  assert.equal(displayValue(['human_trafficking', 'shelter'], 'en'), 'human_trafficking, shelter');
  assert.equal(displayValue(['ON', 'QC'], 'fr'), 'Ontario, Québec');
  assert.equal(displayValue(null, 'fr'), '—');
  assert.deepEqual(historyItems('not a list', 'en'), []);
});

test("the panel asks the content manager for the record's newest entries", () => {
  const url = new URL(historyApiPath('doc 1'), 'http://x');
  assert.equal(url.pathname, '/content-manager/collection-types/api::audit-entry.audit-entry');
  assert.equal(url.searchParams.get('filters[$and][0][targetDocumentId][$eq]'), 'doc 1');
  assert.equal(url.searchParams.get('sort'), 'occurredAt:DESC');
});
