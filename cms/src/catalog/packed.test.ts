import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PublicOrganization } from '@referral-directory/sdk';
import { Interner, jsonOf, pack, unpack } from './packed';
import { toEntry } from './catalog';
import { org as publicOrg } from '../../test/public-organization';

test('a packed record serializes byte for byte as JSON.stringify, and parses back to the same record', () => {
  const record = fc.dictionary(
    fc.string({ maxLength: 12 }),
    fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'binary' }), fc.date({ noInvalidDate: true })),
  );
  fc.assert(
    fc.property(record, (r) => {
      const json = JSON.stringify(r);
      const packed = pack(r);
      assert.equal(jsonOf(packed), json);
      assert.deepEqual(unpack(packed), JSON.parse(json));
    }),
    { numRuns: 500 },
  );
  // Long members too (shared only within the record), and members left out as JSON.stringify leaves them out.
  const long = { a: 'x'.repeat(5000), b: () => 1, c: undefined, d: [undefined, 'é’😀'], e: new Date(0) };
  assert.equal(jsonOf(pack(long)), JSON.stringify(long));
  assert.equal(jsonOf(pack(long, undefined, [{ record: long, packed: pack(long) }])), JSON.stringify(long));
});

test('a version packed from another serializes as itself, whatever it shares with the other', () => {
  // Two versions of a record with the same keys (as French and English are), some values the
  // other's own, keys that need escaping included: taking the other's member must never change a byte.
  const key = fc.oneof(fc.constantFrom('a', 'a\\n', 'a\n', '"', 'name'), fc.string({ maxLength: 4 }));
  const value = fc.oneof(fc.constantFrom('x', 'x\n', 1, null), fc.jsonValue({ maxDepth: 2 }));
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(key, value, value, fc.boolean()), { selector: (t) => t[0], maxLength: 8 }), (members) => {
      const a = Object.fromEntries(members.map(([k, x]) => [k, x]));
      const b = Object.fromEntries(members.map(([k, x, y, same]) => [k, same ? x : y]));
      const from = [{ record: a, packed: pack(a) }];
      assert.equal(jsonOf(pack(b, undefined, from)), JSON.stringify(b));
      // Not the same keys in the same places: nothing may be taken from the wrong member.
      const other = Object.fromEntries(members.map(([, x], i) => [members[(i + 1) % members.length]![0], x]));
      assert.equal(jsonOf(pack(other, undefined, from)), JSON.stringify(other));
      // Nor from a record whose keys come in another order.
      const reversed = Object.fromEntries(members.map(([k, x]) => [k, x]).reverse());
      assert.equal(jsonOf(pack(reversed, undefined, from)), JSON.stringify(reversed));
    }),
    { numRuns: 500 },
  );
});

test("a key whose values are each record's own still packs every record byte for byte, and its versions alike", () => {
  // Past a few thousand look-ups that mostly miss, such a key only compares a value with its last few members.
  const key = `own-${Math.random()}`;
  for (let i = 10_000; i < 20_000; i++) {
    const own = { [key]: `Record ${i} « é »`, shared: i % 3 };
    assert.equal(jsonOf(pack(own)), JSON.stringify(own));
    if (i % 10 === 0) {
      // A later version of the record (the staff one), and another version unlike it.
      const again = { [key]: own[key], shared: 9 };
      const other = { [key]: `Rekord ${i} « é »`, shared: i % 3 };
      assert.equal(jsonOf(pack(again)), JSON.stringify(again));
      assert.equal(jsonOf(pack(other, undefined, [{ record: own, packed: pack(own) }])), JSON.stringify(other));
    }
  }
});

test('the interner keeps one instance per key and forgets what stops recurring', () => {
  const interner = new Interner<object>(2);
  const first = {};
  assert.equal(interner.get('a', first), first);
  assert.equal(interner.get('a', {}), first, 'a key seen lately gives the kept instance');
  interner.get('b', {});
  interner.get('c', {}); // the young generation was full: a and b are old now
  assert.equal(interner.get('a', {}), first, 'an old key is found again and kept young');
  interner.get('d', {});
  interner.get('e', {}); // b, never asked again, is gone with the oldest generation
  const other = {};
  assert.equal(interner.get('b', other), other);
});

test('an entry sends its records as JSON.stringify wrote them and shares its filter lists with other entries', () => {
  const org = (slug: string, name: string): PublicOrganization => ({
    slug,
    locale: 'en',
    name,
    otherNames: ['Autre'],
    description: 'Aide « juridique » — gratuite',
    eligibility: null,
    fees: null,
    kind: 'ngo',
    role: 'direct',
    focusAreas: [{ code: 'labour', label: 'Labour' }],
    services: [],
    timeframes: ['emergency'],
    needs: [],
    indirectOfferings: [],
    populations: [],
    ageRange: { min: 12, max: null },
    national: false,
    provinces: ['QC', 'ON'],
    serviceAreas: [],
    locations: [],
    languages: [],
    phones: [],
    email: null,
    website: null,
    hours: { open24x7: false, schedule: [], notes: null },
    accessibility: null,
    lastVerified: '2026-01-02',
    updatedAt: '',
  });
  const en = org('one', 'One');
  const fr = { ...org('un', 'Un'), locale: 'fr' as const };
  const e = toEntry(en, fr, undefined, undefined, false);
  assert.equal(e.json.en, JSON.stringify(en));
  assert.equal(e.json.fr, JSON.stringify(fr));
  assert.deepEqual(e.records.fr, fr);
  assert.notEqual(e.records.en, e.records.en, 'each read is a new object: no caller changes what the entry holds');
  assert.deepEqual(e.fields('fr', ['name', 'provinces']), { name: 'Un', provinces: ['QC', 'ON'] });
  const kept = toEntry(en, fr);
  assert.equal(kept.records.en, kept.records.en, 'kept records are read as they are');
  assert.equal(kept.json.fr, JSON.stringify(fr));
  assert.deepEqual([e.name('en'), e.name('fr'), e.slugIn('en'), e.slugIn('fr'), e.lastVerified], ['One', 'Un', 'one', 'un', '2026-01-02']);
  const other = toEntry(org('two', 'Two'), { ...org('deux', 'Deux'), locale: 'fr' });
  assert.ok(Object.is(e.values.province, other.values.province));
  assert.deepEqual(e.values.province, ['QC', 'ON']);
  assert.ok(Object.isFrozen(e.values.province));
});

test('kept records point to the equal values other records hold, and still read as their own JSON', () => {
  const record = (slug: string, locale: 'en' | 'fr', label: string, city: string): PublicOrganization =>
    publicOrg(slug, {
      locale,
      focusAreas: [{ code: 'labour', label }],
      provinces: ['QC'],
      locations: [{ name: null, street: null, city, province: 'QC', postalCode: null, confidential: true }],
    });
  const a = toEntry(record('a', 'en', 'Labour', 'Laval'), record('a-fr', 'fr', 'Travail', 'Laval'));
  const b = toEntry(record('b', 'en', 'Labour', 'Gatineau'), record('b-fr', 'fr', 'Travail', 'Gatineau'));
  assert.equal(b.records.en.focusAreas, a.records.en.focusAreas, 'an equal term list is one object');
  assert.equal(b.records.fr.focusAreas, a.records.fr.focusAreas);
  assert.notEqual(b.records.fr.focusAreas, b.records.en.focusAreas, 'labels differ between locales');
  assert.equal(b.records.fr.locations, b.records.en.locations, 'the French record shares what equals the English one');
  assert.notEqual(b.records.en.locations, a.records.en.locations, "values that differ stay the record's own");
  for (const e of [a, b]) {
    assert.equal(JSON.stringify(e.records.en), e.json.en);
    assert.equal(JSON.stringify(e.records.fr), e.json.fr);
  }
});
