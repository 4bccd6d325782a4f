/**
 * In-process scaling of the public catalog, no database and no HTTP: generated organizations
 * (scripts/lib/generate.ts) → database-shaped rows → the projection's own entryFromRows
 * (mapper + toEntry) → Catalog; then the same parsed list query as (a), timed on
 * `catalog.search` alone and on a body-cache miss (search + the page's JSON, as the controller builds it),
 * and `catalog.facets` for the same query.
 */
import { performance } from 'node:perf_hooks';
import type { Taxonomies } from './fixtures';
import { generateOrganizations } from './generate';
import { percentile } from './bench-load';
import { Catalog, type Entry } from '../../src/catalog/catalog';
import { parseDirectoryQuery } from '../../src/directory/query';
import { entryFromRows } from '../../src/catalog/projection';
import { rowsOf, termIndex, vocabularyOf } from './fixture-catalog';

/** Keeps the timed work observable, so the JIT cannot drop it. */
export let sink = 0;

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
}

/** Times `runs` calls after a few warm-up calls, or fewer (at least 20) when they exceed `budgetMs`. */
function timeRuns(runs: number, budgetMs: number, fn: () => void): { p50: number; p99: number; runs: number } {
  for (let i = 0; i < 5; i++) fn(); // warm the JIT
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < runs && (samples.length < 20 || performance.now() < deadline)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  const sorted = Float64Array.from(samples).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), runs: samples.length };
}

/**
 * Measures each size in turn. The generator is deterministic and sequential, so the smaller
 * lists are prefixes of the larger ones: 1,000 ⊂ 10,000 ⊂ 100,000.
 */
export function measureScaling(sizes: number[], taxonomies: Taxonomies, queryString: string, runs: number, budgetMs: number): ScaleRow[] {
  const terms = termIndex(taxonomies);
  const vocabulary = vocabularyOf(taxonomies);
  const out: ScaleRow[] = [];
  for (const size of sizes) {
    // Fixtures and rows are garbage once the catalog is built: only the catalog is alive while timing.
    const build = () => {
      const rows = generateOrganizations(size, taxonomies).map((o, i) => rowsOf(o, i + 1, terms));
      const t0 = performance.now();
      const entries: Entry[] = [];
      for (const r of rows) {
        if (r.length === 0) continue;
        const e = entryFromRows(r);
        if (e) entries.push(e);
      }
      const catalog = new Catalog(entries, vocabulary, `bench-${size}`);
      return { catalog, entries: entries.length, buildMs: performance.now() - t0 };
    };
    const { catalog, entries, buildMs } = build();

    const q = parseDirectoryQuery(new URLSearchParams(queryString), catalog.vocabulary, 'list');
    const hits = catalog.search(q).total;
    const search = timeRuns(runs, budgetMs, () => { catalog.search(q); });
    const miss = timeRuns(runs, budgetMs, () => {
      const { page, total } = catalog.search(q);
      const meta = { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) };
      sink += `{"data":[${page.map((e) => e.json[q.locale]).join(',')}],"meta":${JSON.stringify(meta)}}`.length;
    });
    const facetParams = new URLSearchParams(queryString);
    for (const listOnly of ['page', 'pageSize', 'sort']) facetParams.delete(listOnly);
    const fq = parseDirectoryQuery(facetParams, catalog.vocabulary, 'facets');
    const facets = timeRuns(runs, budgetMs, () => { sink += catalog.facets(fq).total; });
    out.push({
      organizations: size, publicEntries: entries, hits, buildMs,
      searchP50: search.p50, searchP99: search.p99, missP50: miss.p50, missP99: miss.p99,
      facetsP50: facets.p50, facetsP99: facets.p99, runs: Math.min(search.runs, miss.runs, facets.runs),
    });
  }
  return out;
}
