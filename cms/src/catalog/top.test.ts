import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { topK } from './top';

test('the best k by score equal the first k of a full stable sort, ties in the given order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }), fc.integer({ min: 0, max: 320 }), (scores, k) => {
      const items = scores.map((_, i) => i).reverse();
      const full = [...items]
        .map((item, pos) => ({ item, pos }))
        .sort((a, b) => scores[b.item]! - scores[a.item]! || a.pos - b.pos)
        .map((x) => x.item);
      assert.deepEqual(topK(items, scores, k), full.slice(0, k));
    }),
    { numRuns: 500 },
  );
});
