/**
 * The catalog's ranked search and facets (scratch buffers, one pass in slot order, top-k by score
 * then name rank) against an exhaustive reference written from the rules alone: every live record
 * scored by a fresh SearchIndex over the same texts, every hit sorted. Random queries (words of
 * the catalog, their prefixes and typos, stop words, unknown words, filters, pages) over a
 * generated catalog, as built and after edits (gone slots and a delta part); and queries of several
 * words made of synonyms and synonym phrases, where pruning by score bounds could go wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FilterName } from '@referral-directory/sdk';
import { readFixtures } from '../operations/fixtures';
import { generateOrganizations } from '../../scripts/lib/generate';
import { publicCatalogOf } from '../../bench/lib/fixture-catalog';
import { parseDirectoryQuery } from '../directory/query';
import type { Catalog, DirectoryQuery, Entry } from './catalog';
import { SearchIndex } from './search-index';

const fixtures = readFixtures();
const organizations = generateOrganizations(700, fixtures.taxonomies);
const built = publicCatalogOf(organizations.slice(0, 600), fixtures.taxonomies, fixtures.searchSynonyms);
const newcomers = publicCatalogOf(organizations.slice(600), fixtures.taxonomies, fixtures.searchSynonyms).entries;
const edited = built.update(
  built.entries.filter((_, i) => i % 23 === 5),
  newcomers.slice(0, 40),
  'edited',
);

/** Words people would type: the catalog's own (not pairs), with some synonyms, stop words and nonsense. */
const words = [
  ...new Set(built.entries.slice(0, 120).flatMap((e) => e.text().words.filter((w) => !w.includes(' ')))),
  'shelter',
  'hotline',
  'crisis',
  'line',
  'aide',
  'juridique',
  'pour',
  'the',
  'qqzzy',
];
const typed = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...words) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...words), fc.integer({ min: 1, max: 5 })).map(([w, k]) => w.slice(0, Math.max(1, w.length - k))),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom('a', 'e', 'x', ''))
      .map(([w, at, c]) => w.slice(0, at % (w.length + 1)) + c + w.slice((at % (w.length + 1)) + 1)),
  },
);
/** The seeded synonym groups' terms, phrases included (`crisis line`, `aide juridique`): clauses with phrase alternatives. */
const synonymTerms = fixtures.searchSynonyms.flatMap((g) => g.terms);
/** Words side by side in the records' names and labels (the adjacency bonus). */
const pairs = [...new Set(built.entries.slice(0, 120).flatMap((e) => e.text().words.filter((w) => w.includes(' '))))];
/** A query of several words: synonyms, phrases, words side by side, a word of the catalog, sometimes a word nothing holds (relaxed). */
const multiWord = fc
  .tuple(
    fc.array(fc.constantFrom(...synonymTerms, ...pairs), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom(...words), { maxLength: 2 }),
    fc.constantFrom([], ['qqzzy'], ['pour']),
  )
  .chain(([synonyms, own, odd]) => fc.shuffledSubarray([...synonyms, ...own, ...odd], { minLength: synonyms.length }))
  .map((list) => list.flatMap((t) => t.split(' ')));
const FILTERS: ReadonlyArray<FilterName> = ['province', 'focus', 'service', 'population'];
const queryArb = fc.record({
  words: fc.oneof(fc.array(typed, { minLength: 1, maxLength: 4 }), multiWord),
  filters: fc.array(fc.tuple(fc.constantFrom(...FILTERS), fc.nat()), { maxLength: 2 }),
  locale: fc.constantFrom('en', 'fr'),
  page: fc.integer({ min: 1, max: 3 }),
  pageSize: fc.integer({ min: 1, max: 30 }),
  sort: fc.constantFrom('relevance', 'relevance', 'relevance', 'name', '-name', '-lastVerified'),
});

function parsed(c: Catalog, g: typeof queryArb extends fc.Arbitrary<infer T> ? T : never): DirectoryQuery {
  const p = new URLSearchParams({
    q: g.words.join(' '),
    locale: g.locale,
    page: String(g.page),
    pageSize: String(g.pageSize),
    sort: g.sort,
  });
  for (const [name, k] of g.filters) {
    const values = c.vocabulary[name];
    p.append(name, values[k % values.length]!.value);
  }
  return parseDirectoryQuery(p, c.vocabulary, 'list');
}

/** A SearchIndex built from scratch over a catalog's live records, and their name ranks (the order of a list by name). */
const freshIndexes = new Map<Catalog, SearchIndex>();
function fresh(c: Catalog, locale: DirectoryQuery['locale']): { index: SearchIndex; rank: Map<Entry, number> } {
  let index = freshIndexes.get(c);
  if (!index) {
    index = SearchIndex.of(
      c.entries.map((e) => e.text()),
      c.synonyms,
    );
    freshIndexes.set(c, index);
  }
  const byName = c.search({ terms: [], filters: {}, locale, sort: 'name', page: 1, pageSize: c.entries.length }).page;
  return { index, rank: new Map(byName.map((e, k) => [e, k])) };
}

/** What a search and its facets must answer, worked out for every record the slow way. */
function reference(c: Catalog, q: DirectoryQuery) {
  const live = c.entries;
  const { index, rank } = fresh(c, q.locale);
  const active = (Object.keys(q.filters) as FilterName[]).filter((f) => q.filters[f]);
  const holds = (e: Entry, f: FilterName) => e.values[f].some((v) => q.filters[f]!.has(v));
  const passes = (e: Entry) => active.every((f) => holds(e, f));
  const m = index.match(index.plan(q.terms));
  // Copied at once: match's arrays are reused by the next query.
  const scores = m.scores.map((s) => Float32Array.from(s));
  const adjacency = Float32Array.from(m.adjacency);
  const all = scores.length;
  const count = live.map((_, d) => scores.filter((s) => s[d]! > 0).length);
  const strict = all === 1 || live.some((e, d) => count[d] === all && passes(e));
  const least = !strict ? 1 : all >= 3 ? all - 1 : all;
  const score = live.map((_, d) => {
    if (all === 1) return Math.fround(scores[0]![d]! + (1000 + adjacency[d]!));
    let sum = 0;
    for (const s of scores) if (s[d]! > 0) sum = Math.fround(sum + s[d]!);
    return Math.fround(sum + (1000 * count[d]! + adjacency[d]!));
  });
  const inText = live.map((_, d) => count[d]! >= least);
  const hits = live.map((e, d) => ({ e, d })).filter(({ e, d }) => inText[d] && passes(e));
  if (q.sort === 'relevance') hits.sort((a, b) => score[b.d]! - score[a.d]! || rank.get(a.e)! - rank.get(b.e)!);
  else if (q.sort === '-name') hits.sort((a, b) => rank.get(b.e)! - rank.get(a.e)!);
  else if (q.sort === '-lastVerified') {
    // Most recently verified first, never verified ('') last, ties by name.
    const v = (h: { e: Entry }) => h.e.lastVerified;
    hits.sort((a, b) => (v(a) < v(b) ? 1 : v(a) > v(b) ? -1 : rank.get(a.e)! - rank.get(b.e)!));
  } else hits.sort((a, b) => rank.get(a.e)! - rank.get(b.e)!);
  const start = (q.page - 1) * q.pageSize;
  const relaxed = !strict && all > 1;
  const suggestion = m.corrected ?? (hits.length === 0 || relaxed ? index.suggest(q.terms) : null);
  const facets: Record<string, Record<string, number>> = {};
  for (const f of c.filterNames) {
    facets[f] = Object.fromEntries(c.vocabulary[f].map((t) => [t.value, 0]));
    live.forEach((e, d) => {
      if (inText[d] && active.every((g) => g === f || holds(e, g))) for (const v of e.values[f]) facets[f]![v]!++;
    });
  }
  return {
    page: hits.slice(start, start + q.pageSize).map((h) => h.e.slug),
    total: hits.length,
    relaxed: relaxed && hits.length > 0,
    matched: relaxed ? m.labels.filter((_, k) => hits.some(({ d }) => scores[k]![d]! > 0)) : [],
    suggestions: suggestion ? [suggestion] : [],
    highlight: [...m.highlight].sort(),
    facets,
  };
}

function answer(c: Catalog, q: DirectoryQuery) {
  const r = c.search(q);
  const f = c.facets(q);
  return {
    page: r.page.map((e) => e.slug),
    total: r.total,
    relaxed: r.text!.relaxed,
    matched: r.text!.matched,
    suggestions: r.text!.suggestions,
    highlight: [...r.text!.highlight].sort(),
    facets: Object.fromEntries(
      Object.entries(f.data).map(([name, list]) => [name, Object.fromEntries(list.map((v) => [v.value, v.count]))]),
    ),
  };
}

for (const [label, c] of [
  ['as built', built],
  ['after edits', edited],
] as const) {
  test(`a ranked page, its total, relaxed words, suggestions, highlights and facets equal the exhaustive reference (${label})`, () => {
    fc.assert(
      fc.property(queryArb, (g) => {
        const q = parsed(c, g);
        if (q.terms.length === 0) return;
        assert.deepEqual(answer(c, q), reference(c, q));
      }),
      { numRuns: 300 },
    );
  });
}
