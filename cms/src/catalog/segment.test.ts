import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildSegment, runNow } from './segment';
import { indexedText } from './search-index';
import { FIELD_WEIGHTS, type FieldKind, type FieldWords } from './record-words';

const KINDS = Object.keys(FIELD_WEIGHTS) as FieldKind[];

test('a segment built from records field by field equals one built from their counted words', () => {
  // Few distinct words, so that words repeat within a record, across its fields and across records.
  const word = fc.constantFrom('aide', 'juridique', 'de', 'refuge', 'femmes', 'shelter', 'the', 'women', '18');
  // Lists many records share are frozen (as `words` shares them); others are each record's own.
  const shared = [['aide', 'juridique'], ['refuge', 'de', 'femmes'], ['shelter'], ['the', 'women', 'shelter', 'women']].map((l) =>
    Object.freeze(l),
  );
  const list = fc.oneof(fc.array(word, { maxLength: 6 }), fc.constantFrom(...shared));
  const field = fc.tuple(fc.constantFrom(...KINDS), list);
  const records = fc.array(fc.array(field, { maxLength: 8 }), { maxLength: 12 });
  fc.assert(
    fc.property(records, (list: FieldWords[]) => {
      const byFields = runNow(buildSegment(list));
      const counted = runNow(buildSegment(list.map(indexedText)));
      assert.deepEqual(byFields.words, counted.words);
      assert.deepEqual(byFields.offsets, counted.offsets);
      assert.deepEqual(byFields.docs, counted.docs);
      assert.deepEqual(byFields.tf, counted.tf);
      assert.deepEqual(byFields.lengths, counted.lengths);
      assert.equal(byFields.totalLength, counted.totalLength);
    }),
    { numRuns: 300 },
  );
});
