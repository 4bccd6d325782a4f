import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedTerms, sameValues } from './vocabulary';

const term = (value: string, en: string, fr: string) => ({ value, labels: { en, fr } });

test('changedTerms names the terms relabelled (in either locale) or removed, not those added or moved', () => {
  const before = {
    service: [term('shelter', 'Shelter', 'Hébergement'), term('legal', 'Legal aid', 'Aide juridique'), term('health', 'Health', 'Santé')],
    focus: [term('labour', 'Labour', 'Travail')],
  };
  const after = {
    service: [term('health', 'Health', 'Santé'), term('shelter', 'Shelter', 'Hébergement d’urgence'), term('food', 'Food', 'Alimentation')],
    focus: [term('labour', 'Labour', 'Travail')],
  };
  assert.deepEqual(
    [...changedTerms(before, after)].map(([name, values]) => [name, [...values]]),
    [['service', ['shelter', 'legal']]],
  );
  assert.equal(changedTerms(before, before).size, 0);
});

test('sameValues: the same values in the same order, whatever their labels', () => {
  const names = ['service', 'focus'] as const;
  const before = { service: [term('shelter', 'Shelter', 'Hébergement'), term('legal', 'Legal aid', 'Aide juridique')], focus: [] };
  const relabelled = {
    ...before,
    service: [term('shelter', 'Shelter', 'Hébergement d’urgence'), term('legal', 'Legal aid', 'Aide juridique')],
  };
  assert.ok(sameValues(before, relabelled, names));
  assert.ok(!sameValues(before, { ...before, service: [...before.service].reverse() }, names), 'moved');
  assert.ok(!sameValues(before, { ...before, service: before.service.slice(1) }, names), 'removed');
  assert.ok(!sameValues(before, { ...before, service: [...before.service, term('food', 'Food', 'Alimentation')] }, names), 'added');
  assert.ok(
    sameValues<'service' | 'focus'>(before, { ...before, focus: [term('labour', 'Labour', 'Travail')] }, ['service']),
    'only the names given',
  );
});
