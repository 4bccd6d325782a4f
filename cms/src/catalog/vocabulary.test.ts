import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedTerms } from './vocabulary';

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
