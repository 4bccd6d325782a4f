import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedVocabulary, type Vocabulary } from '../catalog/catalog';
import { parseDirectoryQuery, parseLocaleOnly, canonicalQuery } from './query';
import { DirectoryHttpError } from './errors';

const vocabulary: Vocabulary = { ...fixedVocabulary(), focus: [], service: [], population: [], language: [] };
const parse = (qs: string) => parseDirectoryQuery(new URLSearchParams(qs), vocabulary, 'list');

function rejects(qs: string, path: string): void {
  assert.throws(
    () => parse(qs),
    (e: unknown) => {
      assert.ok(e instanceof DirectoryHttpError);
      assert.equal(e.status, 400);
      assert.ok(
        e.toBody().error.details.some((d) => d.path === path),
        `expected a detail for ${path}: ${JSON.stringify(e.toBody())}`,
      );
      return true;
    },
  );
}

test('unknown keys, including confidential field names, are rejected by name', () => {
  rejects('internalNotes=x', 'internalNotes');
  rejects('listingStatus=active', 'listingStatus');
  rejects('filters[name]=x', 'filters[name]');
});

test('bad values and numbers are rejected', () => {
  rejects('province=XX', 'province');
  rejects('page=0', 'page');
  rejects('pageSize=101', 'pageSize');
  rejects('page=1.5', 'page');
  rejects('sort=internalNotes', 'sort');
  rejects(`q=${'a'.repeat(201)}`, 'q');
  rejects('locale=de', 'locale');
  rejects('page=1&page=2', 'page');
});

test('repeated and comma-separated values mean OR', () => {
  const q = parse('province=ON&province=QC,NB');
  assert.deepEqual([...q.filters.province!].sort(), ['NB', 'ON', 'QC']);
});

test('defaults: English, first page of 20, relevance only with a query', () => {
  const q = parse('');
  assert.equal(q.locale, 'en');
  assert.equal(q.page, 1);
  assert.equal(q.pageSize, 20);
  assert.equal(q.sort, 'name');
  assert.equal(parse('q=abri').sort, 'relevance');
});

test('equivalent queries have one canonical form', () => {
  assert.equal(canonicalQuery(parse('province=QC&province=ON&q=Montréal')), canonicalQuery(parse('q=montreal&province=ON,QC')));
});

test('detail and settings routes accept only the locale', () => {
  assert.equal(parseLocaleOnly(new URLSearchParams('locale=fr')), 'fr');
  assert.throws(() => parseLocaleOnly(new URLSearchParams('populate=*')), DirectoryHttpError);
});
