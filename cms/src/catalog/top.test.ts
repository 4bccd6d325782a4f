import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { topK } from './top';

test('the best k by score equal the first k of a full sort, ties in rank order whatever the order of the items', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }).chain((scores) =>
        fc.tuple(
          fc.constant(scores),
          fc.shuffledSubarray(
            scores.map((_, i) => i),
            { minLength: scores.length },
          ),
          fc.integer({ min: 0, max: 320 }),
        ),
      ),
      ([scores, ranked, k]) => {
        // `ranked` is a permutation of the items: rank[item] = its place in it.
        const rank = new Uint32Array(scores.length);
        ranked.forEach((item, r) => (rank[item] = r));
        const items = scores.map((_, i) => i).reverse();
        const full = [...ranked].sort((a, b) => scores[b]! - scores[a]! || rank[a]! - rank[b]!);
        assert.deepEqual(topK(items, scores, rank, k), full.slice(0, k));
      },
    ),
    { numRuns: 500 },
  );
});
