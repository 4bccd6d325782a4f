import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FilterName, PublicOrganization } from '@referral-directory/sdk';
import { Catalog, compactAfter, EntriesLoad, type Entry, fixedVocabulary, searchTextOf, toEntry, type Vocabulary } from './catalog';
import { rebaseOnto, withEdits } from './versions';
import { parseDirectoryQuery } from '../directory/query';
import { org } from '../../test/public-organization';
import { synonymGroups } from './synonyms';
import { geoOf } from './near';
import { createGazetteer } from '../geo/gazetteer';

const vocabulary: Vocabulary = {
  ...fixedVocabulary(),
  focus: [
    { value: 'labour', labels: { en: 'Labour rights', fr: 'Droits du travail' } },
    { value: 'sexual', labels: { en: 'Sexual exploitation', fr: 'Exploitation sexuelle' } },
  ],
  service: [
    { value: 'shelter', labels: { en: 'Shelter', fr: 'Hébergement' } },
    { value: 'legal', labels: { en: 'Legal aid', fr: 'Aide juridique' } },
  ],
  population: [],
  language: [],
};
const synonyms = synonymGroups(['hotline, crisis line, ligne de crise', 'refuge, shelter, maison']);

const WORDS = [
  'maison',
  'refuge',
  'shelter',
  'shelters',
  'legal',
  'aid',
  'montreal',
  'santé',
  'jeunes',
  'youth',
  'crisis',
  'line',
  'women',
  'femmes',
  'justice',
  'harbour',
  'harbor',
];
const PROVINCES = ['QC', 'ON', 'BC', 'NS'] as const;
/** Public addresses, two cities naming each of H2L and M5V: the postal areas they elect change with the edits. */
const ADDRESSES = [
  { city: 'Montréal', province: 'QC', postalCode: 'H2L 1A1' },
  { city: 'Laval', province: 'QC', postalCode: 'H2L 2B2' },
  { city: 'Laval', province: 'QC', postalCode: 'H7N 0A0' },
  { city: 'Toronto', province: 'ON', postalCode: 'M5V 1A1' },
  { city: 'Ottawa', province: 'ON', postalCode: 'M5V 2B2' },
  { city: 'Ottawa', province: 'ON', postalCode: 'K1P 1A1' },
] as const;
const FSAS = ['H2L', 'H7N', 'M5V', 'K1P'];
const MONTREAL = createGazetteer().city('Montréal', 'QC')!;
const KINDS = ['ngo', 'coalition', 'government_agency'] as const;

/** A record as an editor may leave it: a few words of name and description, some filter values. */
const recordArb = fc.record({
  name: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  description: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }),
  provinces: fc.uniqueArray(fc.constantFrom(...PROVINCES), { maxLength: 2 }),
  kind: fc.constantFrom(...KINDS),
  focus: fc.uniqueArray(fc.constantFrom('labour', 'sexual'), { maxLength: 2 }),
  service: fc.uniqueArray(fc.constantFrom('shelter', 'legal'), { maxLength: 2 }),
  lastVerified: fc.constantFrom(null, '2026-01-01', '2026-06-01', '2025-03-15'),
  addresses: fc.array(fc.nat(ADDRESSES.length - 1), { maxLength: 2 }),
});
type RecordFacts = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

/** A confidential text, as the staff catalog's records have (words of the description, in another order). */
const staffText = (en: PublicOrganization): string => en.description.split(' ').reverse().join(' ');

/**
 * The entry of record `id`. Odd ids are kept as the staff catalog keeps its records (their JSON
 * only, and a confidential text); `load`, when given, is told the entry and its words as a full
 * load does.
 */
function entryOf(id: number, facts: RecordFacts, load?: EntriesLoad<PublicOrganization, FilterName>): Entry {
  const focusAreas = facts.focus.map((code) => ({ code, label: vocabulary.focus.find((t) => t.value === code)!.labels.en }));
  const services = facts.service.map((code) => ({ code, label: vocabulary.service.find((t) => t.value === code)!.labels.en }));
  const en = org(`org-${id}`, {
    name: `${facts.name.join(' ')} ${id % 3}`,
    description: facts.description.join(' '),
    provinces: [...facts.provinces],
    kind: facts.kind,
    focusAreas,
    services,
    lastVerified: facts.lastVerified,
    locations: facts.addresses.map((k) => ({ ...ADDRESSES[k]!, name: null, street: null, confidential: false })),
  });
  const fr: PublicOrganization = { ...en, locale: 'fr', slug: `fr-org-${id}`, name: `${[...facts.name].reverse().join(' ')} ${id % 3}` };
  const staff = id % 2 === 1 ? staffText : undefined;
  const entry = toEntry(en, fr, undefined, staff, !staff);
  load?.add(entry, searchTextOf(en, fr, staff));
  return entry;
}

/** An edit as the projection applies it: a record added or changed (a new entry), or gone (removed, unpublished, suspended). */
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id: fc.nat(24), facts: recordArb }),
  fc.record({ kind: fc.constant('gone' as const), id: fc.nat(24) }),
);

const QUERIES = [
  '',
  'q=shelter',
  'q=shelters',
  'q=sheltr',
  'q=legal%20aid%20montreal',
  'q=maison&locale=fr',
  'q=crisis%20line',
  'q=harb',
  'q=zzzq%20youth',
  'province=QC',
  'province=QC&province=ON&type=ngo',
  'service=shelter&q=femmes',
  'focus=labour&sort=-name',
  'sort=-lastVerified',
  'sort=-lastVerified&locale=fr&pageSize=5&page=2',
  'sort=relevance&q=women',
  'locale=fr&sort=name&pageSize=3&page=2',
  'q=justice&pageSize=2&page=2',
];

/** What a reader can observe of a catalog: pages, totals, what the search did, facets, slugs. */
function observe(c: Catalog, ids: readonly number[]): unknown {
  const out: unknown[] = [];
  for (const qs of QUERIES) {
    const q = parseDirectoryQuery(new URLSearchParams(qs), vocabulary, 'list');
    const r = c.search(q);
    const text = r.text && { ...r.text, highlight: [...r.text.highlight].sort() };
    out.push({ qs, page: r.page.map((e) => e.slug), total: r.total, text });
    const fq = new URLSearchParams(qs);
    for (const listOnly of ['page', 'pageSize', 'sort']) fq.delete(listOnly);
    out.push(c.facets(parseDirectoryQuery(fq, vocabulary, 'facets')));
  }
  out.push(ids.map((id) => [c.bySlug.get(`org-${id}`)?.json.en ?? null, c.bySlug.get(`fr-org-${id}`)?.slug ?? null]));
  out.push(c.entries.map((e) => e.slug).sort());
  // What near and open read: the postal areas the records' addresses elect (geoOf), and the places found by them.
  const geo = geoOf(c);
  out.push(FSAS.map((fsa) => geo.gazetteer.lookup(fsa)));
  const near = geo.index.near({ kind: 'point', place: MONTREAL, radiusKm: 60 });
  out.push(c.entries.map((e, i) => [e.slug, near[i]]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  return out;
}

test('a catalog of a full load, and one reached from it by edits, answer every query exactly as one built from scratch, and so does a full rebuild', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(24), recordArb), { maxLength: 20 }),
      fc.array(editArb, { minLength: 1, maxLength: 40 }),
      async (initial, edits) => {
        const live = new Map<number, Entry>();
        // As the projection's full load: each record once, its words counted as its entry is made.
        const load = new EntriesLoad<PublicOrganization, FilterName>();
        for (const [id, facts] of new Map(initial)) live.set(id, entryOf(id, facts, load));
        let incremental = new Catalog(load, vocabulary, 'v0', undefined, synonyms);
        const ids = Array.from({ length: 25 }, (_, i) => i);
        assert.deepEqual(
          observe(incremental, ids),
          observe(new Catalog([...live.values()], vocabulary, 'scratch', undefined, synonyms), ids),
        );
        for (const [k, edit] of edits.entries()) {
          const before = live.get(edit.id);
          const after = edit.kind === 'set' ? entryOf(edit.id, edit.facts) : undefined;
          if (after) live.set(edit.id, after);
          else live.delete(edit.id);
          incremental = incremental.update(before ? [before] : [], after ? [after] : [], `v${k + 1}`);
          const scratch = new Catalog([...live.values()], vocabulary, 'scratch', undefined, synonyms);
          assert.deepEqual(observe(incremental, ids), observe(scratch, ids), `after edit ${k}: ${JSON.stringify(edit)}`);
        }
        const rebuilt = await incremental.rebuilt(1);
        assert.equal(rebuilt.version, incremental.version);
        assert.equal(rebuilt.pendingEdits, 0);
        assert.deepEqual(observe(rebuilt, ids), observe(incremental, ids));
      },
    ),
    { numRuns: 60 },
  );
});

test('edits made while a full rebuild runs are carried over to it, and an unrelated catalog is refused', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(24), recordArb), { minLength: 1, maxLength: 15 }),
      fc.array(editArb, { maxLength: 10 }),
      fc.array(editArb, { maxLength: 10 }),
      async (initial, first, second) => {
        const live = new Map<number, Entry>();
        for (const [id, facts] of initial) live.set(id, entryOf(id, facts));
        let c = new Catalog([...live.values()], vocabulary, 'v0', undefined, synonyms);
        const apply = (edits: typeof first) => {
          for (const edit of edits) {
            const before = live.get(edit.id);
            const after = edit.kind === 'set' ? entryOf(edit.id, edit.facts) : undefined;
            if (after) live.set(edit.id, after);
            else live.delete(edit.id);
            c = c.update(before ? [before] : [], after ? [after] : [], `v${Math.random()}`);
          }
        };
        apply(first);
        const snapshot = c;
        const rebuilding = snapshot.rebuilt(1);
        apply(second);
        const rebased = c.rebasedOn(await rebuilding, snapshot);
        assert.ok(rebased);
        assert.equal(rebased.version, c.version);
        const ids = Array.from({ length: 25 }, (_, i) => i);
        const scratch = new Catalog([...live.values()], vocabulary, 'scratch', undefined, synonyms);
        assert.deepEqual(observe(rebased, ids), observe(scratch, ids));
        assert.equal(c.rebasedOn(await rebuilding, scratch), null);
      },
    ),
    { numRuns: 40 },
  );
});

/** A record's facts but its name (and its services, where a test sets them). */
const plainFacts: RecordFacts = {
  name: [],
  description: [],
  provinces: ['QC'],
  kind: 'ngo',
  focus: [],
  service: ['legal'],
  lastVerified: null,
  addresses: [],
};

/** Twelve records named shelter: the odd ones offer shelter and legal aid, the even ones legal aid. */
const twelveRecords = (): Entry[] =>
  Array.from({ length: 12 }, (_, id) =>
    entryOf(id, {
      name: ['shelter'],
      description: [],
      provinces: ['QC'],
      kind: 'ngo',
      focus: [],
      service: id % 2 === 1 ? ['shelter', 'legal'] : ['legal'],
      lastVerified: null,
      addresses: [],
    }),
  );

/** `c` gives the facets and lists `scratch` gives for these queries, read by `vocab`. */
function assertReadsAs(c: Catalog, scratch: Catalog, vocab: Vocabulary, queries: readonly string[]): void {
  for (const qs of queries) {
    const q = (kind: 'list' | 'facets') => parseDirectoryQuery(new URLSearchParams(qs), vocab, kind);
    assert.deepEqual(c.facets(q('facets')), scratch.facets(q('facets')), qs);
    assert.deepEqual(
      c.search(q('list')).page.map((e) => e.slug),
      scratch.search(q('list')).page.map((e) => e.slug),
      qs,
    );
  }
}

test('a rebuild with a new vocabulary (a term relabelled, one removed) filters and counts by it, with the edits made meanwhile carried over', async () => {
  const entries = twelveRecords();
  const from = new Catalog(entries, vocabulary, 'v1');
  const next: Vocabulary = { ...vocabulary, service: [{ value: 'legal', labels: { en: 'Legal help', fr: 'Aide juridique' } }] };
  const rebuilding = from.rebuilt(1, next);
  const edited = from.update([entries[0]!], [], 'v2'); // a record gone meanwhile
  const rebased = edited.rebasedOn(await rebuilding, from)!;
  assert.equal(rebased.vocabulary, next);
  const scratch = new Catalog(entries.slice(1), next, 'scratch');
  assertReadsAs(rebased, scratch, next, ['', 'service=legal', 'q=shelter&service=legal']);
  assert.deepEqual(rebased.facets(parseDirectoryQuery(new URLSearchParams(''), next, 'facets')).data.service, [
    { value: 'legal', label: 'Legal help', count: 11 },
  ]);
});

test('a term relabelled: the same parts read with the new labels, nothing rebuilt; a term removed needs a rebuild', () => {
  const entries = twelveRecords();
  const from = new Catalog(entries, vocabulary, 'v1').update([entries[0]!], [], 'v2');
  const relabelled: Vocabulary = {
    ...vocabulary,
    service: vocabulary.service.map((t) => (t.value === 'legal' ? { ...t, labels: { en: 'Legal help', fr: 'Aide juridique' } } : t)),
  };
  const next = from.withVocabulary(relabelled, 'v3')!;
  assert.equal(next.version, 'v3');
  assert.equal(next.pendingEdits, from.pendingEdits, 'the same parts');
  const scratch = new Catalog(entries.slice(1), relabelled, 'scratch');
  assertReadsAs(next, scratch, relabelled, ['', 'service=legal', 'q=shelter&service=shelter']);
  assert.equal(next.facets(parseDirectoryQuery(new URLSearchParams(''), relabelled, 'facets')).data.service[1]?.label, 'Legal help');
  assert.equal(from.withVocabulary({ ...vocabulary, service: vocabulary.service.slice(1) }, 'v4'), null);
});

test('a rebuild is swapped in with edits by the thousand carried over in slices, and those made while they are', async () => {
  const facts = (id: number, word: string): RecordFacts => ({
    ...plainFacts,
    name: [word],
    service: id % 2 === 1 ? ['shelter'] : ['legal'],
  });
  const size = 200;
  const live = new Map<number, Entry>();
  for (let id = 0; id < size; id++) live.set(id, entryOf(id, facts(id, 'shelter')));
  const from = new Catalog([...live.values()], vocabulary, 'v1');
  const rebuilt = await from.rebuilt(1);
  // Edits made while the rebuild ran: more than a rebuild waits for (the records naming a relabelled term).
  const many = Array.from({ length: 3 * compactAfter(size) }, (_, id) => id);
  const before = many.map((id) => live.get(id)!);
  for (const id of many) live.set(id, entryOf(id, facts(id, 'harbour')));
  let current = from.update(
    before,
    many.map((id) => live.get(id)!),
    'v2',
  );
  const swapped: Catalog[] = [];
  const swapping = rebaseOnto(
    () => current,
    rebuilt,
    from,
    size,
    (next) => swapped.push(next),
  );
  // One more edit while those are carried over, in slices.
  await new Promise((resolve) => setImmediate(resolve));
  const late = live.get(size - 1)!;
  live.set(size - 1, entryOf(size - 1, facts(size - 1, 'justice')));
  current = current.update([late], [live.get(size - 1)!], 'v3');
  await swapping;
  assert.equal(swapped.length, 1);
  const [next] = swapped;
  assert.equal(next!.version, 'v3');
  const ids = [...live.keys()];
  assert.deepEqual(observe(next!, ids), observe(new Catalog([...live.values()], vocabulary, 'scratch'), ids));
  // A full load replaced the versions meanwhile: nothing is swapped.
  await rebaseOnto(
    () => new Catalog([...live.values()], vocabulary, 'v4'),
    rebuilt,
    from,
    size,
    (n) => swapped.push(n),
  );
  assert.equal(swapped.length, 1);
});

test('edits by the thousand are made in slices, again on the version a rebuild swapped in meanwhile', async () => {
  const size = 200;
  const live = new Map<number, Entry>();
  for (let id = 0; id < size; id++) live.set(id, entryOf(id, { ...plainFacts, name: ['shelter'] }));
  const from = new Catalog([...live.values()], vocabulary, 'v1').update([live.get(0)!], [], 'v2');
  live.delete(0);
  const rebuilt = await from.rebuilt(1);
  let current = from;
  const many = Array.from({ length: 3 * compactAfter(size) }, (_, i) => i + 1);
  const removed = many.map((id) => live.get(id)!);
  for (const id of many) live.set(id, entryOf(id, { ...plainFacts, name: ['harbour'] }));
  const editing = withEdits(
    () => current,
    removed,
    many.map((id) => live.get(id)!),
    'v3',
    size,
  );
  await new Promise((resolve) => setImmediate(resolve));
  current = rebuilt; // swapped in while the edits were being made
  const next = await editing;
  assert.equal(next.version, 'v3');
  const ids = Array.from({ length: size }, (_, id) => id);
  assert.deepEqual(observe(next, ids), observe(new Catalog([...live.values()], vocabulary, 'scratch'), ids));
  assert.equal(next.sinceBase.base, rebuilt.sinceBase.base, 'made on the rebuilt version');
});

test('an edit leaves the version a reader holds as it was', () => {
  const a = entryOf(1, {
    name: ['harbour'],
    description: ['shelter'],
    provinces: ['QC'],
    kind: 'ngo',
    focus: [],
    service: ['shelter'],
    lastVerified: null,
    addresses: [],
  });
  const b = entryOf(2, {
    name: ['maison'],
    description: ['legal'],
    provinces: ['ON'],
    kind: 'ngo',
    focus: [],
    service: [],
    lastVerified: null,
    addresses: [],
  });
  const v1 = new Catalog([a, b], vocabulary, 'v1');
  const held = observe(v1, [1, 2]);
  const v2 = v1.update([a], [], 'v2');
  const v3 = v2.update(
    [],
    [
      entryOf(3, {
        name: ['refuge'],
        description: [],
        provinces: [],
        kind: 'coalition',
        focus: [],
        service: ['shelter'],
        lastVerified: null,
        addresses: [],
      }),
    ],
    'v3',
  );
  assert.deepEqual(observe(v1, [1, 2]), held);
  assert.deepEqual(
    v2.entries.map((e) => e.slug),
    ['org-2'],
  );
  assert.equal(v3.search(parseDirectoryQuery(new URLSearchParams('service=shelter'), vocabulary, 'list')).page[0]!.slug, 'org-3');
  assert.equal(v3.bySlug.has('org-1'), false);
  assert.equal(v1.bySlug.has('org-1'), true);
});

test("the name order is the collator's, whatever the names (accents, numbers, punctuation, case)", async () => {
  const { nameOrder, compareByName } = await import('./part');
  const names = fc.array(
    fc.oneof(
      fc.constantFrom(
        'Centre 2',
        'Centre 10',
        'centre 1',
        'Élan',
        'Elan',
        'élan',
        'Œuvre',
        'oeuvre',
        '« Maison »',
        'Maison',
        'maison-aurore',
        'Maison Aurore',
        "L'Abri",
        'Labri',
        'Zed',
        'ångström',
        '2SLGBTQI+ Centre',
        '_x',
        '',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  );
  fc.assert(
    fc.property(names, (list) => {
      const entries = list.map((name, i) => toEntry(org(`s${i}`, { name }), { ...org(`s${i}`, { name }), locale: 'fr' }));
      for (const locale of ['en', 'fr'] as const) {
        const cmp = compareByName(locale);
        const expected = entries.map((_, i) => i).sort((a, b) => cmp(entries[a]!, entries[b]!));
        assert.deepEqual([...nameOrder(entries, locale)], expected);
      }
    }),
    { numRuns: 300 },
  );
});

test('a full rebuild is asked for after more edits the larger the catalog (half its square root, at least 32)', () => {
  assert.equal(compactAfter(0), 32);
  assert.equal(compactAfter(4_096), 32);
  assert.equal(compactAfter(10_000), 50);
  assert.equal(compactAfter(100_000), 158);
  const entry = (id: string) => toEntry(org(id, { name: id }), { ...org(id, { name: id }), locale: 'fr' });
  let c = new Catalog([entry('kept')], vocabulary, 'v0');
  for (let i = 0; i < 32; i++) {
    assert.equal(c.wantsRebuild, false, `after ${i} edits`);
    c = c.update([], [entry(`new-${i}`)], `v${i + 1}`);
  }
  assert.equal(c.wantsRebuild, true, 'after 32 edits of a small catalog');
});

test('editsSince names exactly what differs between two versions on one large part or either side of one full rebuild', async () => {
  const pool = Array.from({ length: 10 }, (_, i) => toEntry(org(`e-${i}`, {}), { ...org(`e-${i}`, {}), locale: 'fr' }));
  const step = fc.oneof(
    fc.record({ remove: fc.array(fc.nat(), { maxLength: 3 }), add: fc.array(fc.nat(), { maxLength: 3 }) }),
    fc.constant('rebuild' as const),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
      const versions = [new Catalog(pool.slice(0, 5), vocabulary, 'v0')];
      /** Per version, how many full rebuilds came before it. */
      const rebuilds = [0];
      for (const [k, s] of steps.entries()) {
        const last = versions[versions.length - 1]!;
        if (s === 'rebuild') {
          versions.push(await last.rebuilt(1_000));
          rebuilds.push(rebuilds[rebuilds.length - 1]! + 1);
          continue;
        }
        const live = new Set(last.entries);
        const removed = [...new Set(s.remove.map((i) => last.entries[i % last.entries.length]!))].filter(Boolean);
        // New entries, or ones an earlier version held (an entry object may come back).
        const added = [...new Set(s.add.map((i) => pool[i % pool.length]!))].filter((e) => !live.has(e) || removed.includes(e));
        versions.push(last.update(removed, added, `v${k + 1}`));
        rebuilds.push(rebuilds[rebuilds.length - 1]!);
      }
      versions.forEach((a, i) =>
        versions.forEach((b, j) => {
          const edits = b.editsSince(a);
          if (Math.abs(rebuilds[i]! - rebuilds[j]!) <= 1) assert.ok(edits, `${j} since ${i}: found without comparing every entry`);
          if (!edits) return;
          const then = new Set(a.entries);
          for (const e of edits.removed) assert.ok(then.has(e), 'a removed entry was in the earlier version');
          for (const e of edits.added) assert.ok(!then.has(e), 'an added entry was not');
          for (const e of edits.removed) then.delete(e);
          for (const e of edits.added) then.add(e);
          assert.equal(
            edits.removed.length + edits.added.length,
            new Set([...edits.removed, ...edits.added]).size,
            'each entry named once',
          );
          assert.deepEqual([...then].map((e) => e.slug).sort(), b.entries.map((e) => e.slug).sort(), `${j} since ${i}`);
        }),
      );
    }),
    { numRuns: 100 },
  );
});
