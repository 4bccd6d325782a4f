import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ErrorDetail, FILTER_NAMES } from '@referral-directory/sdk';
import type { Vocabulary } from '../catalog/catalog';
import { createGazetteer } from '../geo/gazetteer';
import { canonicalNear, parseNearParams, parseNearQuery, parseQueryString } from './near-query';

const gazetteer = createGazetteer();
const NOW = new Date('2026-12-03T16:30:00Z');
const parse = (qs: string) => {
  const details: ErrorDetail[] = [];
  const result = parseNearParams(new URLSearchParams(qs), () => gazetteer, NOW, details);
  return { ...result, details };
};

test('near a city resolves to its centre with the default radius, or the one given', () => {
  const r = parse('near=montreal');
  assert.deepEqual(r.details, []);
  assert.equal(r.near?.kind, 'point');
  assert.ok(r.near?.kind === 'point' && r.near.place.label === 'Montréal, QC' && r.near.radiusKm === 100);
  const r2 = parse('near=Montr%C3%A9al&radiusKm=25');
  assert.ok(r2.near?.kind === 'point' && r2.near.radiusKm === 25);
});

test('an unknown, ambiguous or malformed place is a 400 detail naming it', () => {
  assert.match(parse('near=Atlantis').details[0]?.message ?? '', /unknown place "Atlantis"/);
  assert.equal(parse('near=Atlantis').details[0]?.path, 'near');
  assert.match(parse('near=Douglas').details[0]?.message ?? '', /"Douglas" is in several provinces/);
  assert.match(parse('near=H2D%201Y4').details[0]?.message ?? '', /not a Canadian postal code/);
  assert.match(parse('near=J8Z').details[0]?.message ?? '', /postal area of "J8Z" \(QC\) is not known/);
  assert.match(parse('near=').details[0]?.message ?? '', /must name/);
  assert.match(parse(`near=${'x'.repeat(101)}`).details[0]?.message ?? '', /at most 100/);
});

test('radiusKm is a whole number from 1 to 1000 and needs a point to measure from', () => {
  for (const bad of ['0', '1001', '2.5', '-3', 'far'])
    assert.equal(parse(`near=Toronto&radiusKm=${bad}`).details[0]?.path, 'radiusKm', bad);
  assert.match(parse('radiusKm=10').details[0]?.message ?? '', /needs near/);
  assert.match(parse('near=Ontario&radiusKm=10').details[0]?.message ?? '', /not a province/);
  assert.deepEqual(parse('near=Ontario').near, { kind: 'province', province: 'ON' });
});

test('openNow=true reads the current instant; openAt a local date-time; not both', () => {
  assert.deepEqual(parse('openNow=true').open, { kind: 'now', instant: NOW });
  assert.equal(parse('openNow=false').open, null);
  assert.deepEqual(parse('openAt=2026-12-03T23:00').open, { kind: 'local', wall: { date: '2026-12-03', minutes: 1380 } });
  assert.equal(parse('openNow=yes').details[0]?.path, 'openNow');
  assert.equal(parse('openAt=2026-12-03T23:00Z').details[0]?.path, 'openAt');
  assert.equal(parse('openNow=true&openAt=2026-12-03T23:00').details[0]?.path, 'openAt');
  assert.equal(parse('near=Toronto&near=Ottawa').details[0]?.message, 'must be given once');
});

test('the canonical form never holds the text typed, only the place resolved, and open now the minute', () => {
  const a = canonicalNear(parse('near=MONTREAL&openNow=true'));
  const b = canonicalNear(parse('near=montréal&openNow=true'));
  assert.equal(a, b);
  assert.equal(a, 'Montréal, QC@100|now:2026-12-03T16:30');
});

test('the list’s canonical form holds the minute its hits are read at, or openAt’s wall time', () => {
  const now = { kind: 'now' as const, instant: NOW };
  assert.equal(canonicalNear({ ...parse(''), at: now }), '||now:2026-12-03T16:30');
  assert.notEqual(
    canonicalNear({ ...parse(''), at: { kind: 'now', instant: new Date('2026-12-03T16:31:00Z') } }),
    canonicalNear({ ...parse(''), at: now }),
  );
  const at = parse('openAt=2026-12-03T23:00').open;
  assert.ok(at);
  assert.equal(canonicalNear({ ...parse('openAt=2026-12-03T23:00'), at }), '|at:2026-12-03+1380|at:2026-12-03+1380');
});

test('near=lat,lon is a point rounded to about a kilometre, in the nearest known place’s province', () => {
  const r = parse('near=45.50889,-73.56167');
  assert.deepEqual(r.details, []);
  assert.ok(r.near?.kind === 'point');
  assert.deepEqual({ ...r.near.place }, { lat: 45.51, lon: -73.56, province: 'QC', label: '45.51, -73.56', precision: 'coordinates' });
  assert.equal(r.near.radiusKm, 100);
  const vancouver = parse('near=49.28,-123.12').near;
  assert.ok(vancouver?.kind === 'point' && vancouver.place.province === 'BC');
  assert.equal(
    canonicalNear(parse('near=45.508,-73.561')),
    canonicalNear(parse('near=45.51, -73.56')),
    'one cache entry per rounded point',
  );
});

test('near=lat,lon out of range or outside Canada is a 400 detail saying so', () => {
  assert.match(parse('near=91,-73').details[0]?.message ?? '', /latitude from -90 to 90/);
  assert.match(parse('near=45,-181').details[0]?.message ?? '', /longitude from -180 to 180/);
  assert.equal(parse('near=45,-181').details[0]?.path, 'near');
  assert.match(parse('near=48.85,2.35').details[0]?.message ?? '', /not in Canada/);
  assert.match(parse('near=0,0').details[0]?.message ?? '', /not in Canada/);
});

test('a query string without place or time is parsed once per vocabulary; one with either, on every request', () => {
  const term = (value: string) => ({ value, labels: { en: value, fr: value } });
  const vocabularyOf = (provinces: string[]) =>
    Object.fromEntries(FILTER_NAMES.map((name) => [name, name === 'province' ? provinces.map(term) : []])) as unknown as Vocabulary;
  const catalog = { entries: [], vocabulary: vocabularyOf(['ON', 'QC']) };
  const later = new Date(NOW.getTime() + 90_000);
  const refusesProvince = (error: unknown) => (error as { details?: ErrorDetail[] }).details?.[0]?.path === 'province';

  const first = parseQueryString('province=QC&q=shelters&page=2', catalog, 'list', NOW);
  const again = parseQueryString('province=QC&q=shelters&page=2', catalog, 'list', later);
  assert.deepEqual(first.q, parseNearQuery(new URLSearchParams('province=QC&q=shelters&page=2'), catalog, 'list', undefined, NOW).q);
  assert.equal(again.q, first.q, 'the parse kept');
  assert.equal(again.canonical, first.canonical);
  assert.deepEqual(again.nq, { near: null, open: null, byDistance: false, at: { kind: 'now', instant: later } }, 'read at its own instant');
  assert.notEqual(
    parseQueryString('province=QC', catalog, 'facets', NOW).q,
    parseQueryString('province=QC', catalog, 'list', NOW).q,
    'a list and its facets kept apart',
  );

  // Another vocabulary (a term removed): parsed again, and refused.
  assert.throws(
    () => parseQueryString('province=QC&q=shelters&page=2', { ...catalog, vocabulary: vocabularyOf(['ON']) }, 'list', NOW),
    refusesProvince,
  );
  assert.throws(() => parseQueryString('province=XX', catalog, 'list', NOW), refusesProvince);
  assert.throws(() => parseQueryString('province=XX', catalog, 'list', NOW), refusesProvince, 'a refusal is not kept');

  const open = parseQueryString('openNow=true', catalog, 'list', NOW);
  const openLater = parseQueryString('openNow=true', catalog, 'list', later);
  assert.deepEqual(openLater.nq.open, { kind: 'now', instant: later }, 'open now at each request');
  assert.notEqual(openLater.q, open.q);
  const near = parseQueryString('near=Toronto', catalog, 'list', NOW);
  assert.ok(near.nq.near?.kind === 'point' && near.nq.byDistance);
  assert.notEqual(parseQueryString('near=Toronto', catalog, 'list', NOW).q, near.q, 'a place is resolved on every request');
});
