import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublicOrganization } from '@referral-directory/sdk';
import { Catalog, fixedVocabulary, toEntry, type Vocabulary } from './catalog';
import { parseDirectoryQuery } from './query';

function org(slug: string, over: Partial<PublicOrganization>): PublicOrganization {
  return {
    slug, locale: 'en', name: slug, otherNames: [], description: '', eligibility: null, fees: null,
    kind: 'ngo', role: 'direct', focusAreas: [], services: [], timeframes: [], needs: [], indirectOfferings: [],
    populations: [], ageRange: { min: null, max: null }, national: false, provinces: [], serviceAreas: [],
    locations: [], languages: [], phones: [], email: null, website: null,
    hours: { open24x7: false, schedule: [], notes: null }, accessibility: null, lastVerified: null, updatedAt: '',
    ...over,
  };
}

const vocabulary: Vocabulary = {
  ...fixedVocabulary(),
  focus: [{ value: 'labour_rights', labels: { en: 'Labour rights', fr: 'Droits du travail' } }],
  service: [{ value: 'shelter', labels: { en: 'Shelter', fr: 'Hébergement' } }],
  population: [],
  language: [],
};

const a = org('a', { name: 'Maison Aurore', provinces: ['QC'], kind: 'ngo', description: 'Hébergement à Montréal' });
const b = org('b', { name: 'Harbour House', provinces: ['ON'], kind: 'coalition', focusAreas: [{ code: 'labour_rights', label: 'Labour rights' }] });
const c = org('c', { name: 'Centre Étoile', provinces: ['ON', 'QC'], kind: 'ngo', description: 'Montreal and Ottawa' });
const catalog = new Catalog([a, b, c].map((o) => toEntry(o, { ...o, locale: 'fr' })), vocabulary, 'v1');
const query = (qs: string, kind: 'list' | 'facets' = 'list') => parseDirectoryQuery(new URLSearchParams(qs), vocabulary, kind);

test('filters combine with OR within a kind and AND across kinds', () => {
  assert.deepEqual(catalog.search(query('province=ON&province=QC')).page.map((e) => e.slug).sort(), ['a', 'b', 'c']);
  assert.deepEqual(catalog.search(query('province=ON&type=ngo')).page.map((e) => e.slug), ['c']);
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
  assert.deepEqual([...first.page, ...second.page].map((e) => e.slug), ['c', 'b', 'a']);
});

test('a word prefix finds the word, accents aside, and every term must match', () => {
  assert.deepEqual(catalog.search(query('q=montr')).page.map((e) => e.slug).sort(), ['a', 'c']);
  assert.deepEqual(catalog.search(query('q=montreal%20ottawa')).page.map((e) => e.slug), ['c']);
  assert.equal(catalog.search(query('q=ontreal')).total, 0);
});

test('facet counts honour the search terms too', () => {
  const { data, total } = catalog.facets(query('q=montreal', 'facets'));
  assert.equal(total, 2);
  const province = Object.fromEntries(data.province.map((f) => [f.value, f.count]));
  assert.equal(province.QC, 2);
  assert.equal(province.ON, 1);
});
