import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpeningHours } from '@referral-directory/sdk';
import type { DirectoryQuery } from './catalog';
import type { GeoRecord } from './near';
import { searchWithNear, type NearQuery, type SearchableCatalog } from './near-search';

const weekdays = (opens: string, closes: string): OpeningHours[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, opens, closes }));
const rec = (
  city: string,
  province: 'QC' | 'BC',
  hours: GeoRecord['hours'],
): { records: { en: GeoRecord }; values: Record<string, readonly string[]>; memo: undefined } => ({
  memo: undefined,
  records: { en: { national: false, serviceAreas: [], locations: [{ city, province, postalCode: null, confidential: false }], hours } },
  values: {},
});

const entries = [
  /* 0 */ rec('Montréal', 'QC', { open24x7: false, schedule: weekdays('09:00', '17:00') }),
  /* 1 */ rec('Vancouver', 'BC', { open24x7: false, schedule: weekdays('09:00', '17:00') }),
  /* 2 */ rec('Laval', 'QC', { open24x7: true, schedule: [] }),
  /* 3 */ rec('Québec', 'QC', { open24x7: false, schedule: [] }),
];
type E = (typeof entries)[number];
const catalog: SearchableCatalog<E, string, never> = {
  entries,
  filterNames: [],
  vocabulary: {},
  search: (q) => ({ page: entries.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: entries.length }),
};
const q = (page: number, pageSize: number): DirectoryQuery<string> => ({
  terms: [],
  filters: {},
  locale: 'en',
  page,
  pageSize,
  sort: 'name',
});
// Thursday 2026-12-03 16:30 UTC: 11:30 in Montréal (open until 17:00), 08:30 in Vancouver (opens at 09:00).
const instant = new Date('2026-12-03T16:30:00Z');
const plain: NearQuery = { near: null, open: null, byDistance: false, at: { kind: 'now', instant } };
const openOf = (extra: string): unknown => (extra ? JSON.parse(`{${extra.slice(1)}}`).open : undefined);

test('without openNow, every hit of the page whose hours are known says whether it is open at the request’s instant', () => {
  const r = searchWithNear(catalog, q(1, 10), plain);
  assert.deepEqual(
    r.page.map((e) => openOf(r.extra(e))),
    [{ now: true, until: '2026-12-03T17:00:00-05:00' }, { now: false, opensAt: '2026-12-03T09:00:00-08:00' }, { now: true }, undefined],
  );
  // The body is true until the earliest change it names: Vancouver opening at 17:00 UTC.
  assert.equal(r.changesAt(), Date.parse('2026-12-03T17:00:00Z'));
});

test('only the hits of the page are read, and a page without hours depends on no clock', () => {
  const r = searchWithNear(catalog, q(2, 2), plain);
  assert.equal(r.page.length, 2);
  assert.equal(r.changesAt(), undefined, 'Laval is 24/7 and Québec has no hours: nothing changes');
  const first = searchWithNear(catalog, q(1, 1), plain);
  assert.equal(first.changesAt(), Date.parse('2026-12-03T22:00:00Z'), 'Montréal closes at 17:00 EST; Vancouver is not on the page');
});

test('openAt reads every hit at that wall time, which no clock changes', () => {
  const at = { kind: 'local' as const, wall: { date: '2026-12-03', minutes: 20 * 60 } };
  const r = searchWithNear(catalog, q(1, 10), { ...plain, open: at, at });
  assert.deepEqual(
    r.page.map((e) => openOf(r.extra(e))),
    [{ now: true }],
    'only the 24/7 one is open at 20:00',
  );
  assert.equal(r.changesAt(), undefined);
});

test('openNow: the list changes when any record considered opens or closes, not only those kept', () => {
  const now = { kind: 'now' as const, instant };
  const r = searchWithNear(catalog, q(1, 10), { ...plain, open: now, at: now });
  assert.equal(r.page.length, 2);
  assert.equal(r.changesAt(), Date.parse('2026-12-03T17:00:00Z'), 'Vancouver, filtered out, opens then');
});

test('a hit’s open state is kept for its minute only: the next minute reads its hours again', () => {
  const at = (iso: string): NearQuery => ({ ...plain, at: { kind: 'now', instant: new Date(iso) } });
  const before = searchWithNear(catalog, q(1, 1), at('2026-12-03T21:59:30Z'));
  assert.deepEqual(openOf(before.extra(before.page[0]!)), { now: true, until: '2026-12-03T17:00:00-05:00' });
  assert.equal(before.changesAt(), Date.parse('2026-12-03T22:00:00Z'));
  const again = searchWithNear(catalog, q(1, 1), at('2026-12-03T21:59:50Z'));
  assert.deepEqual(openOf(again.extra(again.page[0]!)), { now: true, until: '2026-12-03T17:00:00-05:00' }, 'the same minute');
  const after = searchWithNear(catalog, q(1, 1), at('2026-12-03T22:00:10Z'));
  assert.deepEqual(openOf(after.extra(after.page[0]!)), { now: false, opensAt: '2026-12-04T09:00:00-05:00' });
  assert.equal(after.changesAt(), Date.parse('2026-12-04T14:00:00Z'));
});

test('openAt without the filter: every hit read at that wall time, whatever minute the clock read last', () => {
  searchWithNear(catalog, q(1, 10), plain);
  const at = { kind: 'local' as const, wall: { date: '2026-12-03', minutes: 20 * 60 } };
  const r = searchWithNear(catalog, q(1, 10), { ...plain, at });
  assert.deepEqual(
    r.page.map((e) => openOf(r.extra(e))),
    [{ now: false, opensAt: '2026-12-04T09:00:00-05:00' }, { now: false, opensAt: '2026-12-04T09:00:00-08:00' }, { now: true }, undefined],
  );
  assert.equal(r.changesAt(), undefined, 'a wall time no clock changes');
});
