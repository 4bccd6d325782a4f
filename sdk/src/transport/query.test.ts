import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toQuery } from './query.js';

test('repeats the key for each value of an array', () => {
  assert.equal(toQuery({ province: ['ON', 'QC'] }), '?province=ON&province=QC');
});

test('percent-encodes accents as UTF-8 and spaces as %20', () => {
  assert.equal(toQuery({ q: 'santé mentale' }), '?q=sant%C3%A9%20mentale');
  assert.equal(toQuery({ q: 'Aînés' }), '?q=A%C3%AEn%C3%A9s');
});

test('encodes characters that would break the query string', () => {
  assert.equal(toQuery({ q: 'a&b=c+d#e?f/g' }), '?q=a%26b%3Dc%2Bd%23e%3Ff%2Fg');
});

test('skips undefined, null, blank strings and empty arrays', () => {
  assert.equal(toQuery({ q: '', province: [], focus: undefined, need: null, role: '  ' }), '');
  assert.equal(toQuery({ province: ['', 'ON'] }), '?province=ON');
});

test('keeps zero and false, which are values', () => {
  assert.equal(toQuery({ page: 0, flag: false }), '?flag=false&page=0');
});

test('sorts keys so the same filters always give the same URL', () => {
  assert.equal(toQuery({ q: 'x', locale: 'fr', page: 2 }), toQuery({ page: 2, locale: 'fr', q: 'x' }));
  assert.equal(toQuery({ q: 'x', locale: 'fr', page: 2 }), '?locale=fr&page=2&q=x');
});

test('returns an empty string, not a lone "?", when nothing is set', () => {
  assert.equal(toQuery({}), '');
});
