import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog, fixedVocabulary, toEntry, type Vocabulary } from './catalog';
import { parseDirectoryQuery } from '../directory/query';
import { org } from '../../test/public-organization';

const vocabulary: Vocabulary = {
  ...fixedVocabulary(),
  focus: [{ value: 'labour_rights', labels: { en: 'Labour rights', fr: 'Droits du travail' } }],
  service: [{ value: 'shelter', labels: { en: 'Shelter', fr: 'Hébergement' } }],
  population: [],
  language: [],
};

const a = org('a', { name: 'Maison Aurore', provinces: ['QC'], kind: 'ngo', description: 'Hébergement à Montréal' });
const b = org('b', {
  name: 'Harbour House',
  provinces: ['ON'],
  kind: 'coalition',
  focusAreas: [{ code: 'labour_rights', label: 'Labour rights' }],
});
const c = org('c', { name: 'Centre Étoile', provinces: ['ON', 'QC'], kind: 'ngo', description: 'Montreal and Ottawa' });
const catalog = new Catalog(
  [a, b, c].map((o) => toEntry(o, { ...o, locale: 'fr' })),
  vocabulary,
  'v1',
);
const query = (qs: string, kind: 'list' | 'facets' = 'list') => parseDirectoryQuery(new URLSearchParams(qs), vocabulary, kind);

test('filters combine with OR within a kind and AND across kinds', () => {
  assert.deepEqual(
    catalog
      .search(query('province=ON&province=QC'))
      .page.map((e) => e.slug)
      .sort(),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(
    catalog.search(query('province=ON&type=ngo')).page.map((e) => e.slug),
    ['c'],
  );
});

test('search ignores accents and case, and ranks name matches first', () => {
  const hits = catalog.search(query('q=MONTREAL')).page.map((e) => e.slug);
  assert.deepEqual(hits.sort(), ['a', 'c']);
  const ranked = catalog.search(query('q=etoile')).page.map((e) => e.slug);
  assert.deepEqual(ranked, ['c']);
});

test('facet counts reflect the other active filters but not their own', () => {
  const { data, total } = catalog.facets(query('province=QC&type=ngo', 'facets'));
  assert.equal(total, 2);
  const province = Object.fromEntries(data.province.map((f) => [f.value, f.count]));
  // province counts ignore the province filter but apply type=ngo: a (QC) and c (ON, QC)
  assert.equal(province.QC, 2);
  assert.equal(province.ON, 1);
  const type = Object.fromEntries(data.type.map((f) => [f.value, f.count]));
  // type counts ignore the type filter but apply province=QC: a and c are ngo
  assert.equal(type.ngo, 2);
  assert.equal(type.coalition, 0);
});

test('pages are stable and sized as asked', () => {
  const first = catalog.search(query('pageSize=2&page=1'));
  const second = catalog.search(query('pageSize=2&page=2'));
  assert.equal(first.total, 3);
  assert.deepEqual(
    [...first.page, ...second.page].map((e) => e.slug),
    ['c', 'b', 'a'],
  );
});

test('a word prefix finds the word, accents aside, and every term must match', () => {
  assert.deepEqual(
    catalog
      .search(query('q=montr'))
      .page.map((e) => e.slug)
      .sort(),
    ['a', 'c'],
  );
  assert.deepEqual(
    catalog.search(query('q=montreal%20ottawa')).page.map((e) => e.slug),
    ['c'],
  );
  assert.equal(catalog.search(query('q=ontreal')).total, 0);
});

test('facet counts honour the search terms too', () => {
  const { data, total } = catalog.facets(query('q=montreal', 'facets'));
  assert.equal(total, 2);
  const province = Object.fromEntries(data.province.map((f) => [f.value, f.count]));
  assert.equal(province.QC, 2);
  assert.equal(province.ON, 1);
});

test('facet counts equal, for every value, the records that match the query with that value as its filter', () => {
  // A seeded pseudo-random directory of 300 records over provinces, kinds, roles and a focus area.
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const provinces = ['QC', 'ON', 'BC', 'NS', 'NU'] as const;
  const kinds = ['ngo', 'coalition', 'government_agency'] as const;
  const words = ['maison', 'refuge', 'centre', 'santé', 'justice'];
  const records = Array.from({ length: 300 }, (_, i) =>
    org(`o${i}`, {
      name: `${words[rand(5)]} ${words[rand(5)]} ${i}`,
      provinces: [...new Set([provinces[rand(5)]!, provinces[rand(5)]!])],
      kind: kinds[rand(3)]!,
      role: rand(2) ? 'direct' : 'indirect',
      focusAreas: rand(3) ? [] : [{ code: 'labour_rights', label: 'Labour rights' }],
    }),
  );
  const big = new Catalog(
    records.map((o) => toEntry(o, { ...o, locale: 'fr' })),
    vocabulary,
    'v-random',
  );
  const matching = (q: ReturnType<typeof query>) => big.search({ ...q, page: 1, pageSize: 1e6 }).page;

  for (const qs of [
    '',
    'province=QC',
    'province=QC&province=ON&type=ngo',
    'q=sante',
    'q=maison&role=direct&focus=labour_rights',
    'type=coalition&province=NU',
  ]) {
    const q = query(qs, 'facets');
    const { data, total } = big.facets(q);
    assert.equal(total, matching(q).length, `${qs}: total`);
    for (const name of Object.keys(data) as Array<keyof typeof data>) {
      const others = { ...q, filters: { ...q.filters, [name]: undefined } };
      const hits = matching(others);
      for (const f of data[name]) {
        const expected = hits.filter((e) => e.values[name].includes(f.value)).length;
        assert.equal(f.count, expected, `${qs}: ${name}=${f.value}`);
      }
    }
  }
});

test('sort=-lastVerified lists the most recently verified first, never verified last, ties by name, with or without words', () => {
  const dated = [
    org('old', { name: 'Zeta shelter', lastVerified: '2024-02-01' }),
    org('never', { name: 'Alpha shelter', lastVerified: null }),
    org('new-b', { name: 'Beta shelter', lastVerified: '2026-05-01' }),
    org('new-a', { name: 'Acorn shelter', lastVerified: '2026-05-01' }),
    org('mid', { name: 'Mid shelter', lastVerified: '2025-07-09' }),
  ];
  const c = new Catalog(
    dated.map((o) => toEntry(o, { ...o, locale: 'fr' })),
    vocabulary,
    'dated',
  );
  const slugs = (qs: string) => c.search(query(qs)).page.map((e) => e.slug);
  assert.deepEqual(slugs('sort=-lastVerified'), ['new-a', 'new-b', 'mid', 'old', 'never']);
  assert.deepEqual(slugs('sort=-lastVerified&q=shelter&pageSize=2&page=2'), ['mid', 'old']);
  assert.deepEqual(slugs('sort=-lastVerified&locale=fr'), ['new-a', 'new-b', 'mid', 'old', 'never']);
});
