import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Catalog, type Entry, fixedVocabulary, toEntry } from '../catalog/catalog';
import { org } from '../../test/public-organization';
import { detail, idsOf, listPage } from './api';
import { parseHsdsQuery } from './query';

const URI = 'http://127.0.0.1/api/hsds/profile';
const q = { locale: 'en', fullService: false } as const;

/** A public record with one public location (so it has a service at location id too). */
const entry = (slug: string): Entry => {
  const location = { name: null, street: '1 Main St', city: 'Ottawa', province: 'ON' as const, postalCode: 'K1P 1A1', confidential: false };
  const rec = (locale: 'en' | 'fr') => ({ ...org(slug, { locations: [location] }), locale });
  return toEntry(rec('en'), rec('fr'));
};

/** What every HSDS id of `e` answers on `catalog`: whether each is found. */
const found = (catalog: Catalog, e: Entry): boolean[] => {
  const ids = idsOf(e);
  return [
    detail(catalog, 'organizations', ids.organization, URI, q) !== null,
    detail(catalog, 'services', ids.service, URI, q) !== null,
    ...ids.sals.map((id) => detail(catalog, 'service_at_locations', id, URI, q) !== null),
  ];
};

test('HSDS ids resolve on every catalog version, asked in any order, across edits and full rebuilds', async () => {
  // A step: remove some live entries (by position), add new ones or put back removed ones, or rebuild.
  const step = fc.oneof(
    fc.record({ remove: fc.array(fc.nat(), { maxLength: 3 }), add: fc.array(fc.nat(), { maxLength: 3 }) }),
    fc.constant('rebuild' as const),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
      async (steps, asks) => {
        const pool = Array.from({ length: 12 }, (_, i) => entry(`org-${i}`));
        const vocabulary = { ...fixedVocabulary(), focus: [], service: [], population: [], language: [] };
        const versions = [new Catalog(pool.slice(0, 6), vocabulary, 'v0')];
        for (const [k, s] of steps.entries()) {
          const last = versions[versions.length - 1]!;
          if (s === 'rebuild') {
            versions.push(await last.rebuilt(1_000));
            continue;
          }
          const live = new Set(last.entries);
          const removed = [...new Set(s.remove.map((i) => last.entries[i % last.entries.length]!))].filter(Boolean);
          const added = [...new Set(s.add.map((i) => pool[i % pool.length]!))].filter((e) => !live.has(e) || removed.includes(e));
          versions.push(last.update(removed, added, `v${k + 1}`));
        }
        for (const a of asks) {
          const version = versions[a % versions.length]!;
          const live = new Set(version.entries);
          for (const e of pool) {
            const answers = found(version, e);
            assert.deepEqual(
              answers,
              answers.map(() => live.has(e)),
              `${e.slug} on ${version.version}`,
            );
          }
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('a list page names what it is made of: the same after an edit elsewhere, another after an edit of one of its records', () => {
  const vocabulary = { ...fixedVocabulary(), focus: [], service: [], population: [], language: [] };
  const entries = ['a', 'b', 'c', 'd'].map((slug) => entry(`org-${slug}`));
  const v1 = new Catalog(entries, vocabulary, 'v1');
  const first = parseHsdsQuery(new URLSearchParams('page=1&per_page=2'), 'organizations');
  const page = (c: Catalog) => listPage(c, first, URI);
  // An edit of the last record: the first page is made of the same things, and reads the same.
  const v2 = v1.update([entries[3]!], [entry('org-d')], 'v2');
  assert.deepEqual(page(v2).basis, page(v1).basis);
  assert.equal(page(v2).body(), page(v1).body());
  // An edit of a record on the page, and a record added (the total moves): another basis each.
  const v3 = v2.update([entries[0]!], [entry('org-a')], 'v3');
  assert.notDeepEqual(page(v3).basis, page(v2).basis);
  const v4 = v2.update([], [entry('org-e')], 'v4');
  assert.notDeepEqual(page(v4).basis, page(v2).basis);
  assert.notEqual(page(v4).body(), page(v2).body());
  // A proximity search depends on every record's places: never kept across versions.
  const near = parseHsdsQuery(new URLSearchParams('postcode=K1P%201A1'), 'service_at_locations', undefined, v1);
  assert.equal(listPage(v1, near, URI).basis, undefined);
});
