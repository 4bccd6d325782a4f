import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGazetteer, type Place } from './gazetteer';
import { haversineKm } from './distance';
import { CONFIDENTIAL_STEP_KM, nearestKm, placeLocation, publishedKm } from './placement';
import { learnPostalAreas } from './postal-areas';

const plain = createGazetteer();
const montreal = plain.city('Montréal', 'QC');
assert.ok(montreal);
/** A canary: a postal-area point deliberately away from the city centre. */
const CANARY: Place = { lat: 45.5321, lon: -73.5987, province: 'QC', label: 'H2X (canary)', precision: 'postal-area' };
const gazetteer = createGazetteer({ postalAreas: new Map([['H2X', CANARY]]) });

test('a confidential location is placed at its city centre even when its postal area is known', () => {
  const placed = placeLocation({ city: 'Montréal', province: 'QC', postalCode: 'H2X 0A0', confidential: true }, gazetteer);
  assert.deepEqual(placed, { lat: montreal.lat, lon: montreal.lon, confidential: true });
});

test('a public location is placed at its postal area when known, else at its city centre', () => {
  assert.deepEqual(placeLocation({ city: 'Montréal', province: 'QC', postalCode: 'H2X 1Y4', confidential: false }, gazetteer), {
    lat: CANARY.lat,
    lon: CANARY.lon,
    confidential: false,
  });
  assert.deepEqual(placeLocation({ city: 'Montréal', province: 'QC', postalCode: 'H2L 2B1', confidential: false }, gazetteer), {
    lat: montreal.lat,
    lon: montreal.lon,
    confidential: false,
  });
  // No postal code: the city.
  assert.deepEqual(placeLocation({ city: 'Montréal', province: 'QC', postalCode: null, confidential: false }, gazetteer), {
    lat: montreal.lat,
    lon: montreal.lon,
    confidential: false,
  });
  assert.equal(placeLocation({ city: 'Rivière-aux-Saules', province: 'QC', postalCode: 'J0T 0A0', confidential: false }, plain), undefined);
});

test('published distances are whole kilometres, and multiples of the step for confidential locations', () => {
  assert.equal(publishedKm(0.4, false), 0);
  assert.equal(publishedKm(12.6, false), 13);
  assert.equal(publishedKm(4.9, true), 0);
  assert.equal(publishedKm(14.9, true), 10);
  assert.equal(publishedKm(15, true), 20);
  for (let km = 0; km < 500; km += 0.37) assert.equal(publishedKm(km, true) % CONFIDENTIAL_STEP_KM, 0, String(km));
});

test('the nearest published distance counts confidential locations only at their coarse distance', () => {
  const from = { lat: 45.55, lon: -73.6 };
  const conf = { lat: montreal.lat, lon: montreal.lon, confidential: true };
  const far = { lat: 46.81, lon: -71.21, confidential: false };
  const raw = haversineKm(from, conf);
  assert.equal(nearestKm(from, [conf, far]), Math.round(raw / 10) * 10);
  assert.equal(nearestKm(from, [far]), Math.round(haversineKm(from, far)));
  assert.equal(nearestKm(from, []), undefined);
});

test('postal areas are learned from public addresses only, at the centre of the city most of them name', () => {
  const areas = learnPostalAreas(
    [
      { city: 'Montréal', province: 'QC', postalCode: 'H2X 0A0', confidential: true },
      { city: 'Montréal', province: 'QC', postalCode: 'H2L 0A0', confidential: false },
      { city: 'Montreal', province: 'QC', postalCode: 'h2l1a1', confidential: false },
      { city: 'Laval', province: 'QC', postalCode: 'H2L 9Z9', confidential: false },
      { city: 'Ottawa', province: 'ON', postalCode: 'J8X 0A0', confidential: false },
      { city: 'Rivière-aux-Saules', province: 'QC', postalCode: 'J0T 0A0', confidential: false },
    ],
    plain,
  );
  assert.deepEqual([...areas.keys()], ['H2L']);
  assert.deepEqual(areas.get('H2L'), { ...montreal, label: 'H2L (Montréal, QC)' });
  const learned = createGazetteer({ postalAreas: areas });
  assert.equal(learned.lookup('H2L 2B1').found, 'point');
  assert.deepEqual(learned.lookup('H2X 1Y4'), { found: 'none', reason: 'unknown-postal-area', text: 'H2X 1Y4', province: 'QC' });
});
