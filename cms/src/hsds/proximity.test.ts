import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorDetail } from '@referral-directory/sdk';
import type { GeoCatalog, GeoRecord } from '../catalog/near';
import { coverage, parseProximity, withinProximity } from './proximity';

const rec = (over: Partial<GeoRecord>): GeoCatalog['entries'][number] => ({
  memo: undefined,
  records: { en: { national: false, serviceAreas: [], locations: [], hours: { open24x7: false, schedule: [] }, ...over } },
});
const catalog: GeoCatalog = {
  entries: [
    rec({
      locations: [{ city: 'Montréal', province: 'QC', postalCode: 'H2L 0A0', confidential: false }],
      serviceAreas: [{ province: 'QC', regions: ['Montréal'] }],
    }),
    rec({ serviceAreas: [{ province: 'QC', regions: [] }] }),
    rec({ national: true }),
    rec({
      locations: [{ city: 'Toronto', province: 'ON', postalCode: 'M5V 0A0', confidential: false }],
      serviceAreas: [{ province: 'ON', regions: ['Toronto'] }],
    }),
  ],
};
const parse = (qs: string) => {
  const details: ErrorDetail[] = [];
  return { p: parseProximity(new URLSearchParams(qs), catalog, details), details };
};

test('postcode alone keeps the records whose service area covers it', () => {
  const { p, details } = parse('postcode=H2L%202B1');
  assert.deepEqual(details, []);
  assert.ok(p);
  assert.deepEqual(coverage(catalog, p), [true, true, true, false]);
  // An area the directory has not learned still has a province: coverage by province.
  const g = parse('postcode=G9A%201A1').p;
  assert.deepEqual(g?.target, { kind: 'province', province: 'QC' });
  assert.deepEqual(coverage(catalog, g!), [true, true, true, false]);
});

test('proximity is metres from the postcode centroid, over the published distance', () => {
  const { p } = parse('postcode=H2L&proximity=1000');
  assert.ok(p);
  assert.equal(withinProximity(catalog, p, { city: 'Montréal', province: 'QC', postalCode: 'H2L 0A0', confidential: false }), true);
  assert.equal(withinProximity(catalog, p, { city: 'Laval', province: 'QC', postalCode: null, confidential: false }), false);
  const wide = parse('postcode=H2L&proximity=20000').p!;
  assert.equal(withinProximity(catalog, wide, { city: 'Laval', province: 'QC', postalCode: null, confidential: false }), true);
});

test('bad postcodes and proximities are named; proximity needs a postcode whose centroid is known', () => {
  assert.equal(parse('postcode=Atlantis').details[0]?.path, 'postcode');
  assert.equal(parse('proximity=500').details[0]?.message, 'needs postcode');
  assert.equal(parse('postcode=H2L&proximity=-1').details[0]?.path, 'proximity');
  assert.match(parse('postcode=G9A&proximity=500').details[0]?.message ?? '', /not known to the directory/);
});
