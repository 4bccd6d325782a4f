import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EARTH_RADIUS_KM, haversineKm } from './distance';

const near = (actual: number, expected: number, toleranceKm: number, what: string): void => {
  assert.ok(Math.abs(actual - expected) <= toleranceKm, `${what}: ${actual} km, expected ${expected} ± ${toleranceKm}`);
};

/** Spherical law of cosines: a second, independent formula for the same great circle. */
function lawOfCosinesKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const c = Math.sin(a.lat * r) * Math.sin(b.lat * r) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r);
  return EARTH_RADIUS_KM * Math.acos(Math.min(1, Math.max(-1, c)));
}

test('the published haversine reference, Nashville BNA to Los Angeles LAX, comes out right', () => {
  // Rosetta Code's "Haversine formula" task: 2887.2599506071106 km with R = 6372.8 km.
  near(haversineKm({ lat: 36.12, lon: -86.67 }, { lat: 33.94, lon: -118.4 }, 6372.8), 2887.2599506071106, 1e-6, 'BNA–LAX');
});

test('distances that geometry fixes exactly: a point, a quarter meridian, half the globe, one degree', () => {
  assert.equal(haversineKm({ lat: 45.5, lon: -73.6 }, { lat: 45.5, lon: -73.6 }), 0);
  near(haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 }), (Math.PI / 2) * EARTH_RADIUS_KM, 1e-6, 'equator to pole');
  near(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }), Math.PI * EARTH_RADIUS_KM, 1e-6, 'antipodes');
  near(haversineKm({ lat: 0, lon: -75 }, { lat: 0, lon: -74 }), 111.195, 0.01, 'one degree of the equator');
});

test('Canadian city pairs agree within 1 km with independently computed references and a second formula', () => {
  const montreal = { lat: 45.50884, lon: -73.58781 };
  const toronto = { lat: 43.70643, lon: -79.39864 };
  const vancouver = { lat: 49.24966, lon: -123.11934 };
  const stJohns = { lat: 47.56494, lon: -52.70931 };
  const ottawa = { lat: 45.41117, lon: -75.69812 };
  const gatineau = { lat: 45.47723, lon: -75.70164 };
  // References computed separately with Python's math module (haversine, R = 6371.0088 km).
  near(haversineKm(montreal, toronto), 501.612, 1, 'Montréal–Toronto');
  near(haversineKm(montreal, ottawa), 164.943, 1, 'Montréal–Ottawa');
  near(haversineKm(toronto, vancouver), 3355.485, 1, 'Toronto–Vancouver');
  near(haversineKm(stJohns, vancouver), 5006.622, 1, 'St. John’s–Vancouver');
  for (const [a, b, what] of [
    [montreal, toronto, 'Montréal–Toronto'],
    [toronto, vancouver, 'Toronto–Vancouver'],
    [stJohns, vancouver, 'St. John’s–Vancouver'],
    [ottawa, gatineau, 'Ottawa–Gatineau'],
    [montreal, stJohns, 'Montréal–St. John’s'],
  ] as const) {
    near(haversineKm(a, b), lawOfCosinesKm(a, b), 1, what);
    assert.equal(haversineKm(a, b), haversineKm(b, a), `${what} is symmetric`);
  }
  near(haversineKm(ottawa, gatineau), 7.35, 0.2, 'Ottawa–Gatineau across the river');
});
