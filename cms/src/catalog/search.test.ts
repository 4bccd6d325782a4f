import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PublicOrganization } from '@referral-directory/sdk';
import { Catalog, fixedVocabulary, toEntry, type Vocabulary } from './catalog';
import { parseDirectoryQuery } from '../directory/query';
import { org } from '../../test/public-organization';
import { editDistance } from './search-index';
import { synonymGroups } from './synonyms';
import { listBody } from './response';

const vocabulary: Vocabulary = { ...fixedVocabulary(), focus: [], service: [], population: [], language: [] };
const both = (en: PublicOrganization, fr: Partial<PublicOrganization> = {}) => toEntry(en, { ...en, locale: 'fr', ...fr });

const entries = [
  both(org('haven', { name: 'Tidewater Haven', description: 'An emergency shelter for women in Halifax.', provinces: ['NS'] }), {
    description: 'Un hébergement d’urgence pour les femmes à Halifax.',
  }),
  both(
    org('legal', {
      name: 'Two Rivers Legal Clinic',
      description: 'Free legal aid for immigrants and refugees in Montréal.',
      provinces: ['QC'],
      fees: 'Free',
    }),
    { description: 'Aide juridique gratuite pour les personnes immigrantes et réfugiées à Montréal.' },
  ),
  both(
    org('youth', {
      name: 'Wheatland Youth Outreach',
      description: 'Drop-in and housing help for young people.',
      provinces: ['SK'],
      populations: [{ code: 'youth', label: 'Youth' }],
    }),
    { populations: [{ code: 'youth', label: 'Jeunes' }] },
  ),
  both(org('mental', { name: 'Taiga Light Wellness', description: 'Mental health counselling and a crisis line.', provinces: ['NT'] }), {
    description: 'Counseling en santé mentale.',
  }),
  both(org('named-shelter', { name: 'Shelter Point', description: 'Information line.', provinces: ['ON'] })),
];
const synonyms = synonymGroups([
  'aboriginal, First Nations, Indigenous, autochtone',
  'hotline, crisis line, ligne de crise',
  'LGBTQ, 2SLGBTQI+, queer',
]);
const withNations = [...entries, both(org('nations', { name: 'Cedar Lodge', description: 'Healing for First Nations families.' }))];
const catalog = new Catalog(withNations, vocabulary, 'v1', undefined, synonyms);
const query = (qs: string) => parseDirectoryQuery(new URLSearchParams(qs), vocabulary, 'list');
const slugs = (qs: string) => catalog.search(query(qs)).page.map((e) => e.slug);

test('plurals and singulars find each other in English and French', () => {
  assert.deepEqual(slugs('q=shelters').sort(), ['haven', 'named-shelter']);
  assert.deepEqual(slugs('q=hébergements'), ['haven']);
  assert.deepEqual(slugs('q=réfugiés'), ['legal']);
  assert.deepEqual(slugs('q=juridiques'), ['legal']);
});

test('French elision and stop words do not get in the way', () => {
  assert.deepEqual(slugs("q=l'aide%20juridique%20pour%20les%20immigrants"), ['legal']);
  assert.deepEqual(slugs('q=shelter%20near%20halifax'), ['haven']);
});

test('one typo is forgiven from four letters and two from eight, but not on the first letter of a short word', () => {
  assert.deepEqual(slugs('q=sheltr').sort(), ['haven', 'named-shelter']);
  assert.deepEqual(slugs('q=mentl%20health'), ['mental']);
  assert.deepEqual(slugs('q=counseeling'), ['mental']);
  assert.deepEqual(slugs('q=xhelter'), []);
  assert.deepEqual(slugs('q=yuth'), ['youth']);
  assert.equal(editDistance('shelter', 'sheltre', 1), 1, 'a transposition is one edit');
});

test('a word in the name outranks the same word in a description; exact outranks fuzzy', () => {
  assert.equal(slugs('q=shelter')[0], 'named-shelter');
  const fuzzy = catalog.search(query('q=sheltr'));
  assert.deepEqual(fuzzy.text?.suggestions, ['shelter']);
});

test('the last word is a prefix (search as you type)', () => {
  assert.deepEqual(slugs('q=legal%20montr'), ['legal']);
  assert.deepEqual(slugs('q=montr%20legal'), ['legal']);
});

test('labels, provinces (names in both languages and abbreviations) and cities are searched', () => {
  assert.deepEqual(slugs('q=jeunes'), ['youth']);
  assert.deepEqual(slugs('q=saskatchewan'), ['youth']);
  assert.deepEqual(slugs('q=Nouvelle-Écosse'), ['haven']);
  assert.deepEqual(slugs('q=nt'), ['mental']);
});

test('synonyms, single words and phrases, find records in the other words', () => {
  assert.deepEqual(slugs('q=aboriginal'), ['nations']);
  assert.deepEqual(slugs('q=autochtones'), ['nations']);
  assert.deepEqual(slugs('q=ligne%20de%20crise'), ['mental']);
  assert.deepEqual(slugs('q=hotlines'), ['mental']);
});

test('when no record has every word, records with some are answered and the search says so', () => {
  const r = catalog.search(query('q=legal%20zebra%20montreal'));
  assert.deepEqual(
    r.page.map((e) => e.slug),
    ['legal'],
  );
  assert.equal(r.text?.relaxed, true);
  assert.deepEqual(r.text?.matched, ['legal', 'montreal']);
  const none = catalog.search(query('q=zqx'));
  assert.equal(none.total, 0);
  assert.equal(none.text?.relaxed, false);
});

test('a search with nothing found suggests words from the index', () => {
  const r = catalog.search(query('q=alifax'));
  assert.equal(r.total, 0, 'a first-letter typo of a short word is not forgiven');
  assert.deepEqual(r.text?.suggestions, ['halifax']);
});

test('filters still apply and relaxation looks only at the records they keep', () => {
  assert.deepEqual(slugs('q=shelter&province=NS'), ['haven']);
  const r = catalog.search(query('q=shelter%20legal&province=QC'));
  assert.deepEqual(
    r.page.map((e) => e.slug),
    ['legal'],
  );
  assert.equal(r.text?.relaxed, true);
});

test('each hit says where it matched, with ranges in its name and description', () => {
  const q = query('q=shelter%20halifax');
  const body = JSON.parse(listBody(catalog.search(q), q)) as {
    data: Array<{
      slug: string;
      name: string;
      description: string;
      match: { fields: string[]; name: number[][]; description: number[][] };
    }>;
  };
  const hit = body.data.find((d) => d.slug === 'haven')!;
  assert.deepEqual(hit.match.fields, ['description']);
  assert.deepEqual(
    hit.match.description.map(([s, e]) => hit.description.slice(s, e)),
    ['shelter', 'Halifax'],
  );
  assert.deepEqual(hit.match.name, []);
});

test('confidential text is searchable only in an entry built with it', () => {
  const base = org('secret', { name: 'Quiet Place' });
  const publicOne = new Catalog([both(base)], vocabulary, 'p');
  const staff = new Catalog([toEntry(base, { ...base, locale: 'fr' }, undefined, () => 'canarywordzz')], vocabulary, 's');
  assert.equal(publicOne.search(query('q=canarywordzz')).total, 0);
  assert.equal(staff.search(query('q=canarywordzz')).total, 1);
});

test('any query string is answered (never throws), and a word only in confidential text never matches a public record', () => {
  const secret = 'zqconfidentialword';
  const base = org('quiet', { name: 'Quiet Harbour', description: 'Support and shelter.' });
  const staff = new Catalog([toEntry(base, { ...base, locale: 'fr' }, undefined, () => secret)], vocabulary, 's');
  assert.equal(staff.search(parseDirectoryQuery(new URLSearchParams({ q: secret }), vocabulary, 'list')).total, 1);
  const publicCatalog = new Catalog([both(base), ...withNations], vocabulary, 'p', undefined, [...synonyms, [['zqalias'], [secret]]]);
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('en', 'fr'), (q, locale) => {
      const parsed = parseDirectoryQuery(new URLSearchParams({ q, locale }), vocabulary, 'list');
      const r = publicCatalog.search(parsed);
      assert.ok(r.total >= 0 && r.total <= publicCatalog.entries.length);
      publicCatalog.facets(parseDirectoryQuery(new URLSearchParams({ q, locale }), vocabulary, 'facets'));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.constantFrom(secret, `${secret.slice(0, -1)}x`, 'zqalias', `${secret} shelter`), (q) => {
      const r = publicCatalog.search(parseDirectoryQuery(new URLSearchParams({ q }), vocabulary, 'list'));
      assert.ok(!r.page.some((e) => e.slug === 'quiet' && !/shelter/.test(q)), q);
      assert.ok(!(r.text?.suggestions ?? []).some((x) => x.includes('zqconf')), q);
    }),
  );
});
