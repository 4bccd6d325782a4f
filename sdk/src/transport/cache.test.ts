import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLru } from './cache.js';

test('evicts the least recently used entry beyond its capacity', () => {
  const lru = createLru<number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  lru.get('a');
  lru.set('c', 3);
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), 1);
  assert.equal(lru.get('c'), 3);
});

test('replaces the value of an existing key without growing', () => {
  const lru = createLru<number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  lru.set('a', 10);
  lru.set('c', 3);
  assert.equal(lru.get('a'), 10);
  assert.equal(lru.get('b'), undefined);
});

test('stores nothing when its capacity is 0', () => {
  const lru = createLru<number>(0);
  lru.set('a', 1);
  assert.equal(lru.get('a'), undefined);
});
