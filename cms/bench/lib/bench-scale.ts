/**
 * In-process scaling of the public catalog, no database and no HTTP: generated organizations
 * (scripts/lib/generate.ts, shared with the seed) → database-shaped rows → the projection's own entryFromRows
 * (mapper + toEntry) → Catalog (fixture-catalog.ts); then, per size:
 * - the (a) list query timed on `catalog.search` alone, on a body-cache miss (search + the page's
 *   JSON, as the controller builds it) and `catalog.facets` for the same query;
 * - search queries as people type them (a word, a typo, several words, French plurals, a word no
 *   record has beside one some have), timed on this catalog and on MiniSearch and Orama indexing
 *   the same public records (relevance/engines.ts), up to `peersMax` organizations;
 *   (with the seeded synonym groups, as in production);
 * - the heap the catalog (filters, name order and the full-text index) adds to its entries.
 */
import { performance } from 'node:perf_hooks';
import type { SearchSynonymFixture, Taxonomies } from '../../src/operations/fixtures';
import { synonymGroups } from '../../src/catalog/synonyms';
import { generateOrganizations } from '../../scripts/lib/generate';
import { percentile } from './bench-load';
import { Catalog, type Entry } from '../../src/catalog/catalog';
import { listBody } from '../../src/catalog/response';
import { parseDirectoryQuery } from '../../src/directory/query';
import { entryFromRows } from '../../src/catalog/row-entries';
import { rowsOf, termIndex, vocabularyOf } from './fixture-catalog';
import { miniSearchRanker, oramaRanker } from '../../relevance/engines';
import type { Ranker } from '../../relevance/metrics';

/** Keeps the timed work observable, so the JIT cannot drop it. */
export let sink = 0;

/** The search queries of the table, on words the synthetic records hold. */
export const SEARCH_QUERIES: ReadonlyArray<{ label: string; q: string; locale: 'en' | 'fr' }> = [
  { label: 'word', q: 'shelter', locale: 'en' },
  { label: 'typo', q: 'survivrs', locale: 'en' },
  { label: 'multi-word', q: 'legal aid montreal', locale: 'en' },
  { label: 'FR plural', q: 'hébergements santé', locale: 'fr' },
  { label: 'relaxed', q: 'shelter qqzzy', locale: 'en' },
];

export interface Timing {
  p50: number;
  p99: number;
  runs: number;
}

export interface SearchRow {
  label: string;
  q: string;
  hits: number;
  catalog: Timing;
  minisearch: Timing | null;
  orama: Timing | null;
}

export interface ScaleRow {
  organizations: number;
  publicEntries: number;
  hits: number;
  buildMs: number;
  searchP50: number;
  searchP99: number;
  missP50: number;
  missP99: number;
  facetsP50: number;
  facetsP99: number;
  /** Timed runs of search (and of miss): fewer than asked when a size is slow. */
  runs: number;
  /** Heap of the entries alone, and what the catalog built over them adds (MB; NaN without --expose-gc). */
  entriesMb: number;
  catalogMb: number;
  peerBuildMs: { minisearch: number; orama: number } | null;
  searches: SearchRow[];
}

/**
 * Times `runs` calls after warm-up calls, or fewer (at least 20) when they exceed `budgetMs`. The
 * warm-up (50 calls, or at least 5 within 1 s) lets the JIT optimise the code as a server that has
 * answered a few requests has it, so that p99 is the steady state's, not the first calls'.
 */
async function timeRuns(runs: number, budgetMs: number, fn: () => unknown): Promise<Timing> {
  const warm = performance.now() + 1_000;
  for (let i = 0; i < 50 && (i < 5 || performance.now() < warm); i++) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < runs && (samples.length < 20 || performance.now() < deadline)) {
    const t0 = performance.now();
    const r = fn();
    if (r instanceof Promise) await r;
    samples.push(performance.now() - t0);
  }
  const sorted = Float64Array.from(samples).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), runs: samples.length };
}

/** Heap in use after a full collection, in MB (NaN when node runs without --expose-gc). */
function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** The named searches of SEARCH_QUERIES on this catalog and, when asked, through MiniSearch and Orama indexing the same records. */
async function measureSearches(
  c: Catalog,
  withPeers: boolean,
  runs: number,
  budgetMs: number,
): Promise<{ peerBuildMs: ScaleRow['peerBuildMs']; searches: SearchRow[] }> {
  let peers: { minisearch: Ranker; orama: Ranker } | null = null;
  let peerBuildMs: ScaleRow['peerBuildMs'] = null;
  if (withPeers) {
    const p0 = performance.now();
    const minisearch = miniSearchRanker(c);
    const p1 = performance.now();
    const orama = await oramaRanker(c);
    peerBuildMs = { minisearch: p1 - p0, orama: performance.now() - p1 };
    peers = { minisearch, orama };
  }
  const searches: SearchRow[] = [];
  for (const s of SEARCH_QUERIES) {
    const sq = parseDirectoryQuery(new URLSearchParams({ q: s.q, locale: s.locale }), c.vocabulary, 'list');
    searches.push({
      label: s.label,
      q: s.q,
      hits: c.search(sq).total,
      catalog: await timeRuns(runs, budgetMs, () => {
        sink += listBody(c.search(sq), sq).length;
      }),
      minisearch: peers ? await timeRuns(runs, budgetMs, () => peers.minisearch(s.q, s.locale)) : null,
      orama: peers ? await timeRuns(runs, budgetMs, () => peers.orama(s.q, s.locale)) : null,
    });
  }
  return { peerBuildMs, searches };
}

/**
 * Measures each size in turn. The generator is deterministic and sequential, so the smaller
 * lists are prefixes of the larger ones: 1,000 ⊂ 10,000 ⊂ 100,000.
 */
export async function measureScaling(
  sizes: number[],
  taxonomies: Taxonomies,
  queryString: string,
  runs: number,
  budgetMs: number,
  peersMax = 10_000,
  /** The seeded synonym groups, so that searches expand as they do in production. */
  synonyms: readonly SearchSynonymFixture[] = [],
): Promise<ScaleRow[]> {
  const groups = synonymGroups(synonyms.map((g) => g.terms.join(', ')));
  const terms = termIndex(taxonomies);
  const vocabulary = vocabularyOf(taxonomies);
  const out: ScaleRow[] = [];
  for (const size of sizes) {
    // Fixtures and rows are garbage once the catalog is built: only the catalog is alive while timing.
    const base = heapMb();
    const rows = generateOrganizations(size, taxonomies).map((o, i) => rowsOf(o, i + 1, terms));
    const t0 = performance.now();
    const entries: Entry[] = [];
    for (const r of rows) {
      if (r.length === 0) continue;
      const e = entryFromRows(r);
      if (e) entries.push(e);
    }
    rows.length = 0;
    // The full collections of heapMb are not the build's: the clock stops around them.
    const entriesMs = performance.now() - t0;
    const withEntries = heapMb();
    const t1 = performance.now();
    let catalog: Catalog | null = new Catalog(entries, vocabulary, `bench-${size}`, undefined, groups);
    const buildMs = entriesMs + (performance.now() - t1);
    const withCatalog = heapMb();

    const q = parseDirectoryQuery(new URLSearchParams(queryString), catalog.vocabulary, 'list');
    const c = catalog;
    const hits = c.search(q).total;
    const search = await timeRuns(runs, budgetMs, () => {
      sink += c.search(q).total;
    });
    const miss = await timeRuns(runs, budgetMs, () => {
      sink += listBody(c.search(q), q).length;
    });
    const facetParams = new URLSearchParams(queryString);
    for (const listOnly of ['page', 'pageSize', 'sort']) facetParams.delete(listOnly);
    const fq = parseDirectoryQuery(facetParams, c.vocabulary, 'facets');
    const facets = await timeRuns(runs, budgetMs, () => {
      sink += c.facets(fq).total;
    });

    const { peerBuildMs, searches } = await measureSearches(c, size <= peersMax, runs, budgetMs);
    out.push({
      organizations: size,
      publicEntries: entries.length,
      hits,
      buildMs,
      searchP50: search.p50,
      searchP99: search.p99,
      missP50: miss.p50,
      missP99: miss.p99,
      facetsP50: facets.p50,
      facetsP99: facets.p99,
      runs: Math.min(search.runs, miss.runs, facets.runs),
      entriesMb: withEntries - base,
      catalogMb: withCatalog - withEntries,
      peerBuildMs,
      searches,
    });
    catalog = null;
  }
  return out;
}
