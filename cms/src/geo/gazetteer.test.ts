import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAJOR_PLACES,
  createGazetteer,
  forwardSortationArea,
  placeKey,
  provinceOfPostalCode,
  type Place,
  type PlaceLookup,
} from './gazetteer';

const gazetteer = createGazetteer();

function point(result: PlaceLookup): Place {
  assert.equal(result.found, 'point', JSON.stringify(result));
  if (result.found !== 'point') throw new Error('unreachable');
  return result.place;
}

test('Montréal is found however it is typed, at its centre in Quebec', () => {
  const expected = point(gazetteer.lookup('Montréal'));
  assert.equal(expected.province, 'QC');
  assert.equal(expected.label, 'Montréal, QC');
  assert.ok(Math.abs(expected.lat - 45.51) < 0.05 && Math.abs(expected.lon - -73.59) < 0.05, JSON.stringify(expected));
  for (const typed of ['montreal', 'Montreal', 'MONTRÉAL', '  montréal ', 'Montreal, QC', 'Montréal (Québec)', 'montreal quebec']) {
    assert.deepEqual(point(gazetteer.lookup(typed)), expected, typed);
  }
});

test('Quebec City answers to its English and French names, and Québec alone is the city', () => {
  const city = point(gazetteer.lookup('Québec'));
  assert.equal(city.label, 'Québec, QC');
  assert.ok(Math.abs(city.lat - 46.81) < 0.05 && Math.abs(city.lon - -71.21) < 0.05);
  for (const typed of ['Quebec', 'Quebec City', 'Québec City', 'Ville de Québec', 'quebec city, qc']) {
    assert.deepEqual(point(gazetteer.lookup(typed)), city, typed);
  }
});

test('Saint, St. and apostrophes do not matter, and Saint John is not St. John’s', () => {
  const nl = point(gazetteer.lookup("St. John's"));
  assert.equal(nl.province, 'NL');
  assert.deepEqual(point(gazetteer.lookup('saint johns')), nl);
  assert.deepEqual(point(gazetteer.lookup('St Johns')), nl);
  assert.equal(point(gazetteer.lookup('Saint John')).province, 'NB');
  assert.equal(point(gazetteer.lookup('St-Jerome')).label, 'Saint-Jérôme, QC');
});

test('a name shared across provinces means the metropolitan one, or asks for the province', () => {
  assert.equal(point(gazetteer.lookup('Victoria')).province, 'BC');
  assert.equal(point(gazetteer.lookup('Kingston')).province, 'ON');
  assert.equal(point(gazetteer.lookup('Kingston, NS')).province, 'NS');
  assert.equal(point(gazetteer.lookup('Richmond, QC')).province, 'QC');
  const shared = gazetteer.lookup('Douglas');
  assert.equal(shared.found, 'none');
  assert.ok(shared.found === 'none' && shared.reason === 'ambiguous' && shared.provinces.length > 1, JSON.stringify(shared));
});

test('every major place named in the preference list exists in the data', () => {
  for (const [name, province] of MAJOR_PLACES) {
    assert.equal(gazetteer.city(name, province)?.province, province, `${name}, ${province}`);
  }
});

test('a province named alone is a region, not a point', () => {
  assert.deepEqual(gazetteer.lookup('Ontario'), { found: 'province', province: 'ON' });
  assert.deepEqual(gazetteer.lookup('Nouvelle-Écosse'), { found: 'province', province: 'NS' });
  assert.deepEqual(gazetteer.lookup('Colombie-Britannique'), { found: 'province', province: 'BC' });
});

test('an unknown place is reported by name, never guessed', () => {
  assert.deepEqual(gazetteer.lookup('Atlantis'), { found: 'none', reason: 'unknown', text: 'Atlantis' });
  assert.deepEqual(gazetteer.lookup('  '), { found: 'none', reason: 'unknown', text: '' });
  assert.equal(gazetteer.lookup('Paris, QC').found, 'none');
});

test('the first letter of a postal code gives the province, X split between NT and NU', () => {
  const cases: Array<[string, string]> = [
    ['A1C 5M2', 'NL'],
    ['B3J', 'NS'],
    ['C1A', 'PE'],
    ['E1C', 'NB'],
    ['G1K', 'QC'],
    ['H2X 1Y4', 'QC'],
    ['J8X', 'QC'],
    ['K1N', 'ON'],
    ['L2E', 'ON'],
    ['M5V', 'ON'],
    ['N6A', 'ON'],
    ['P3E', 'ON'],
    ['R3C', 'MB'],
    ['S4P', 'SK'],
    ['T5J', 'AB'],
    ['V6A', 'BC'],
    ['X0A 0H0', 'NU'],
    ['X0B', 'NU'],
    ['X0C', 'NU'],
    ['X0E', 'NT'],
    ['X1A', 'NT'],
    ['Y1A', 'YT'],
  ];
  for (const [code, province] of cases) assert.equal(provinceOfPostalCode(code), province, code);
  for (const bad of ['D1A', 'W1A', 'Z1A', 'H2X 1Y', 'H2', '12345', 'HXX']) assert.equal(provinceOfPostalCode(bad), null, bad);
});

test('a postal code is reduced to its area, however it is spaced', () => {
  for (const typed of ['H2X 1Y4', 'h2x1y4', 'H2X-1Y4', 'h2x', ' H2X 1Y4 ']) assert.equal(forwardSortationArea(typed), 'H2X', typed);
  assert.equal(forwardSortationArea('H2X 1Y'), null);
  assert.equal(forwardSortationArea('HDX 1Y4'), null);
});

test('a postal code resolves through the areas the gazetteer was given, at that point', () => {
  const montreal = gazetteer.city('Montréal', 'QC');
  assert.ok(montreal);
  const area: Place = { ...montreal, label: 'H2X (Montréal, QC)', precision: 'postal-area' };
  const withAreas = createGazetteer({ postalAreas: new Map([['H2X', area]]) });
  assert.deepEqual(withAreas.lookup('H2X 1Y4'), { found: 'point', place: area });
  assert.deepEqual(withAreas.lookup('h2x'), { found: 'point', place: area });
  assert.deepEqual(withAreas.lookup('H2L 2B1'), { found: 'none', reason: 'unknown-postal-area', text: 'H2L 2B1', province: 'QC' });
  assert.deepEqual(withAreas.lookup('H2D 1Y4'), { found: 'none', reason: 'invalid-postal-code', text: 'H2D 1Y4' });
  assert.deepEqual(withAreas.lookup('W1A 1A1'), { found: 'none', reason: 'invalid-postal-code', text: 'W1A 1A1' });
});

test('a record’s city is placed within its own province only', () => {
  assert.equal(gazetteer.city('Kingston', 'ON')?.label, 'Kingston, ON');
  assert.equal(gazetteer.city('Kingston', 'NS')?.label, 'Kingston, NS');
  assert.equal(gazetteer.city('Sudbury', 'ON')?.label, 'Greater Sudbury, ON');
  assert.equal(gazetteer.city('Trois-Rivieres', 'QC')?.label, 'Trois-Rivières, QC');
  assert.equal(gazetteer.city('Montréal', 'ON'), undefined);
  assert.equal(gazetteer.city('Nowhere-in-particular', 'QC'), undefined);
});

test('place keys fold accents, case, punctuation and St./Ste.', () => {
  assert.equal(placeKey("St. John's"), 'saint johns');
  assert.equal(placeKey('Sault Ste. Marie'), 'sault sainte marie');
  assert.equal(placeKey('Trois-Rivières'), 'trois rivieres');
});
