import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVINCES } from '@referral-directory/sdk';
import { createGazetteer } from './gazetteer';
import { timeZoneOf } from './time-zone';

const gazetteer = createGazetteer();
const zoneOfCity = (city: string, province: Parameters<typeof timeZoneOf>[0]): string => {
  const place = gazetteer.city(city, province);
  assert.ok(place, `${city}, ${province} is in the gazetteer`);
  return timeZoneOf(province, place);
};

test('each province and territory has a zone the runtime knows', () => {
  for (const p of PROVINCES) {
    const zone = timeZoneOf(p);
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone);
  }
  assert.equal(timeZoneOf('NL'), 'America/St_Johns');
  assert.equal(timeZoneOf('SK'), 'America/Regina');
});

test('capitals and large cities get their own province’s zone', () => {
  const cases: Array<[string, Parameters<typeof timeZoneOf>[0], string]> = [
    ["St. John's", 'NL', 'America/St_Johns'],
    ['Halifax', 'NS', 'America/Halifax'],
    ['Charlottetown', 'PE', 'America/Halifax'],
    ['Moncton', 'NB', 'America/Moncton'],
    ['Montréal', 'QC', 'America/Toronto'],
    ['Gaspé', 'QC', 'America/Toronto'],
    ['Toronto', 'ON', 'America/Toronto'],
    ['Thunder Bay', 'ON', 'America/Toronto'],
    ['Winnipeg', 'MB', 'America/Winnipeg'],
    ['Regina', 'SK', 'America/Regina'],
    ['Saskatoon', 'SK', 'America/Regina'],
    ['Calgary', 'AB', 'America/Edmonton'],
    ['Vancouver', 'BC', 'America/Vancouver'],
    ['Prince George', 'BC', 'America/Vancouver'],
    ['Kelowna', 'BC', 'America/Vancouver'],
    ['Whitehorse', 'YT', 'America/Whitehorse'],
    ['Yellowknife', 'NT', 'America/Yellowknife'],
    ['Iqaluit', 'NU', 'America/Iqaluit'],
  ];
  for (const [city, province, zone] of cases) assert.equal(zoneOfCity(city, province), zone, city);
});

test('places in a province’s other zone get that zone', () => {
  assert.equal(zoneOfCity('Kenora', 'ON'), 'America/Winnipeg');
  assert.equal(zoneOfCity('Cranbrook', 'BC'), 'America/Edmonton');
  assert.equal(zoneOfCity('Dawson Creek', 'BC'), 'America/Dawson_Creek');
  assert.equal(zoneOfCity('Cambridge Bay', 'NU'), 'America/Cambridge_Bay');
  assert.equal(zoneOfCity('Rankin Inlet', 'NU'), 'America/Rankin_Inlet');
  assert.equal(timeZoneOf('NL', { lat: 53.3, lon: -60.4 }), 'America/Goose_Bay'); // Happy Valley-Goose Bay
  assert.equal(timeZoneOf('QC', { lat: 47.38, lon: -61.86 }), 'America/Halifax'); // Magdalen Islands
  assert.equal(timeZoneOf('QC', { lat: 51.43, lon: -57.13 }), 'America/Blanc-Sablon');
});
