import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Catalog, type Entry, fixedVocabulary, toEntry } from '../catalog/catalog';
import { org } from '../../test/public-organization';
import { detail, idsOf } from './api';

const URI = 'http://127.0.0.1/api/hsds/profile';
const q = { locale: 'en', fullService: false } as const;

/** A public record with one public location (so it has a service at location id too). */
const entry = (slug: string): Entry => {
  const location = { name: null, street: '1 Main St', city: 'Ottawa', province: 'ON', postalCode: 'K1P 1A1', confidential: false };
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
