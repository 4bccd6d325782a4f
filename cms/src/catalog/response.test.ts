import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog, fixedVocabulary, toEntry, type Vocabulary } from './catalog';
import { listBasis, listBody, signedListBody } from './response';
import { parseDirectoryQuery } from '../directory/query';
import { org } from '../../test/public-organization';
import { weakEtagOf } from '../directory/compression';
import type { PublicOrganization } from '@referral-directory/sdk';

const vocabulary: Vocabulary = { ...fixedVocabulary(), focus: [], service: [], population: [], language: [] };
const records = [
  org('a', { name: 'Maison Aurore', description: 'Hébergement à Montréal' }),
  org('b', { name: 'Harbour House', description: 'Shelter in Toronto' }),
];
const catalogOf = (list: PublicOrganization[], version: string) =>
  new Catalog(
    list.map((o) => toEntry(o, { ...o, locale: 'fr', description: `${o.description} (fr)` })),
    vocabulary,
    version,
  );
const signed = (catalog: Catalog, qs: string) => {
  const q = parseDirectoryQuery(new URLSearchParams(qs), vocabulary, 'list');
  const result = catalog.search(q);
  return { ...signedListBody(result, q, qs), plain: listBody(result, q), basis: listBasis(result, q) };
};

test("a list page's ETag names its content without hashing its bytes: equal bodies, equal ETags; a changed record, query or locale, another", () => {
  const one = signed(catalogOf(records, 'v1'), 'locale=en&q=shelter');
  assert.equal(one.body, one.plain, 'the same body as listBody');
  assert.match(one.body, /"match":/);
  assert.match(one.etag, /^W\/"[\w-]{27}"$/);
  assert.notEqual(one.etag, weakEtagOf([one.body]), 'not a hash of the bytes');

  // Another process (or a full reload) makes new entries of the same records: same ETag.
  const again = signed(catalogOf(records, 'v2'), 'locale=en&q=shelter');
  assert.equal(again.body, one.body);
  assert.equal(again.etag, one.etag);
  assert.notEqual(again.basis.at(-1), one.basis.at(-1), 'though the cache basis (entry identity) differs');

  const edited = [records[0]!, org('b', { name: 'Harbour House', description: 'Shelter in Toronto, open on Sundays' })];
  const changed = signed(catalogOf(edited, 'v3'), 'locale=en&q=shelter');
  assert.notEqual(changed.body, one.body);
  assert.notEqual(changed.etag, one.etag, 'a record of the page changed');

  const frenchOnly = [records[0]!, records[1]!].map((o) => toEntry(o, { ...o, locale: 'fr', description: 'Autre texte' }));
  const french = new Catalog(frenchOnly, vocabulary, 'v4');
  const q = parseDirectoryQuery(new URLSearchParams('locale=en&q=shelter'), vocabulary, 'list');
  assert.notEqual(
    signedListBody(french.search(q), q, 'locale=en&q=shelter').etag,
    one.etag,
    'a change in the French text changes the English page too (its digest is of both)',
  );

  assert.notEqual(signed(catalogOf(records, 'v1'), 'locale=fr&q=shelter').etag, one.etag, 'the other locale');
  assert.notEqual(
    signed(catalogOf(records, 'v1'), 'locale=en&q=toronto').etag,
    signed(catalogOf(records, 'v1'), 'locale=en&q=shelter').etag,
  );
  assert.notEqual(
    signed(catalogOf(records, 'v1'), 'locale=en&pageSize=1').etag,
    signed(catalogOf(records, 'v1'), 'locale=en&pageSize=2').etag,
  );
});
