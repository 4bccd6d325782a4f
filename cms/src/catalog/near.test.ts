import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpeningHours } from '@referral-directory/sdk';
import { haversineKm } from '../geo/distance';
import { createGazetteer, type Place } from '../geo/gazetteer';
import { CONFIDENTIAL_STEP_KM, publishedKm } from '../geo/placement';
import { learnPostalAreas } from '../geo/postal-areas';
import { GeoIndex, byDistance, type GeoRecord } from './near';

const plain = createGazetteer();
const centre = (city: string, province: 'QC' | 'ON' | 'BC'): Place => {
  const c = plain.city(city, province);
  assert.ok(c, city);
  return c;
};
const montreal = centre('Montréal', 'QC');
const laval = centre('Laval', 'QC');

const rec = (over: Partial<GeoRecord>): GeoRecord => ({
  national: false,
  serviceAreas: [],
  locations: [],
  hours: { open24x7: false, schedule: [] },
  ...over,
});
const weekdays = (opens: string, closes: string): OpeningHours[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, opens, closes }));

const records: GeoRecord[] = [
  /* 0 */ rec({
    locations: [{ city: 'Montréal', province: 'QC', postalCode: 'H2L 1A1', confidential: false }],
    hours: { open24x7: false, schedule: weekdays('09:00', '17:00') },
  }),
  /* 1 */ rec({
    locations: [{ city: 'Laval', province: 'QC', postalCode: 'H7N 0A0', confidential: true }],
    hours: { open24x7: true, schedule: [] },
  }),
  /* 2 */ rec({ national: true }),
  /* 3 */ rec({
    serviceAreas: [{ province: 'QC', regions: [] }],
    locations: [{ city: 'Toronto', province: 'ON', postalCode: null, confidential: false }],
  }),
  /* 4 */ rec({ serviceAreas: [{ province: 'ON', regions: ['Ottawa'] }] }),
  /* 5 */ rec({
    locations: [{ city: 'Vancouver', province: 'BC', postalCode: null, confidential: false }],
    hours: { open24x7: false, schedule: weekdays('09:00', '17:00') },
  }),
  /* 6 */ rec({ serviceAreas: [{ province: 'QC', regions: ['Laval'] }] }),
];
const gazetteer = createGazetteer({
  postalAreas: learnPostalAreas(
    records.flatMap((r) => r.locations),
    plain,
  ),
});
const index = GeoIndex.of(records, gazetteer);

test('near a city: located records within the radius first, then those serving the area', () => {
  const hits = index.near({ kind: 'point', place: montreal, radiusKm: 100 });
  assert.deepEqual(hits[0], { group: 0, distanceKm: 0 });
  assert.equal(hits[1]?.group, 0);
  assert.deepEqual(hits[2], { group: 1 });
  assert.equal(hits[3]?.group, 1);
  assert.equal(hits[4], undefined, 'Ottawa is 165 km away and Ontario is not served whole');
  assert.equal(hits[5], undefined);
  assert.deepEqual(hits[6], { group: 1 }, 'a served region within the radius covers the place');
  assert.deepEqual(byDistance([2, 3, 6, 0, 1], hits), [0, 1, 3, 2, 6]);
  const wider = index.near({ kind: 'point', place: montreal, radiusKm: 200 });
  assert.equal(wider[4]?.group, 1);
});

test('a confidential location is measured from its city centre, in 10 km steps (canary: never its postal area)', () => {
  // The canary: a gazetteer that knows the shelter's own postal area at a point away from Laval's centre.
  const canary: Place = { lat: laval.lat + 0.08, lon: laval.lon - 0.1, province: 'QC', label: 'H7N (canary)', precision: 'postal-area' };
  const leaky = GeoIndex.of(records, createGazetteer({ postalAreas: new Map([['H7N', canary]]) }));
  for (const from of [montreal, laval, canary, { ...montreal, lat: 45.7 }]) {
    for (const radiusKm of [1, 5, 10, 15, 20, 25, 100]) {
      const hit = leaky.near({ kind: 'point', place: { ...montreal, ...from }, radiusKm })[1];
      const expected = publishedKm(haversineKm(from, laval), true);
      if (hit?.group === 0) {
        assert.equal(hit.distanceKm, expected);
        assert.equal(hit.distanceKm % CONFIDENTIAL_STEP_KM, 0);
      }
      // In or out of the radius by the coarse distance only.
      assert.equal(hit?.group === 0, expected <= radiusKm, `${radiusKm} km from ${from.lat},${from.lon}`);
    }
  }
});

test('a province alone: records located in it, then those serving it whole', () => {
  const hits = index.near({ kind: 'province', province: 'QC' });
  assert.deepEqual(
    hits.map((h) => h?.group),
    [0, 0, 1, 1, undefined, undefined, undefined],
  );
});

test('open now is read in each record’s own zone; 24/7 is open; no hours is unknown', () => {
  // Thursday 2026-12-03 16:30 UTC: 11:30 in Montréal (open), 08:30 in Vancouver (closed until 09:00).
  const now = { kind: 'now' as const, instant: new Date('2026-12-03T16:30:00Z') };
  assert.deepEqual(index.open(0, now), { now: true, until: '2026-12-03T17:00:00-05:00' });
  assert.deepEqual(index.open(5, now), { now: false, opensAt: '2026-12-03T09:00:00-08:00' });
  assert.deepEqual(index.open(1, now), { now: true });
  assert.equal(index.open(2, now), null);
  // openAt: the same wall-clock time everywhere.
  const local = { kind: 'local' as const, wall: { date: '2026-12-03', minutes: 9 * 60 + 30 } };
  assert.equal(index.open(0, local)?.now, true);
  assert.equal(index.open(5, local)?.now, true);
});
