/** The benchmark's in-process tables: what measureScaling measured, printed beside MiniSearch and Orama. */
import { readFixtures } from '../../src/operations/fixtures';
import { int, msText as ms, table } from './bench-cli';
import { type BenchQuery, directoryListPath } from './bench-queries';
import { measureScaling } from './bench-scale';

/** The in-process table: the (a) query, then search queries beside MiniSearch and Orama, and the heap. */
export async function printScaling(
  o: { sizes: number[]; query: BenchQuery; peersMax: number },
  scaleRuns: number,
  scaleBudgetMs: number,
): Promise<void> {
  console.log(`
In-process catalog time (no HTTP, no database; generated organizations; after 50 warm-up calls, ${scaleRuns} timed runs,
or as many as fit in ${scaleBudgetMs / 1000} s per column, at least 20; node ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'with V8 defaults'}, as the server).
"build" = mapper + entries + catalog (filters, name order, full-text index); "search" = catalog.search
for the (a) query; "miss" = search + the page's JSON, what a body-cache miss costs; "facets" =
catalog.facets for the same query (what (b) costs on a cache miss); "entries MB" = heap of the
entries, "index MB" = what the catalog built over them adds (its share of the entries in %).`);
  const fixtures = readFixtures();
  const queryString = directoryListPath(o.query).split('?')[1]!;
  const scale = await measureScaling(
    o.sizes,
    fixtures.taxonomies,
    queryString,
    scaleRuns,
    scaleBudgetMs,
    o.peersMax,
    fixtures.searchSynonyms,
  );
  const mb = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  console.log(
    table(
      [
        'organizations',
        'public',
        'hits',
        'build ms',
        'search p50',
        'search p99',
        'miss p50',
        'miss p99',
        'facets p50',
        'facets p99',
        'entries MB',
        'index MB',
        'runs',
      ],
      scale.map((s) => [
        int(s.organizations),
        int(s.publicEntries),
        int(s.hits),
        int(s.buildMs),
        ms(s.searchP50),
        ms(s.searchP99),
        ms(s.missP50),
        ms(s.missP99),
        ms(s.facetsP50),
        ms(s.facetsP99),
        mb(s.entriesMb),
        `${mb(s.catalogMb)} (${Number.isFinite(s.catalogMb) ? Math.round((100 * s.catalogMb) / s.entriesMb) : '—'} %)`,
        String(s.runs),
      ]),
      Array(13).fill(true),
    ),
  );
  console.log(`(ms) Search as people type it: q alone (hits = this catalog's total), page of 20 with its JSON for this
catalog; MiniSearch (prefix, fuzzy 0.2) and Orama (stemming, tolerance 1) on the same public records,
up to ${int(o.peersMax)} organizations.`);
  const t = (x: { p50: number; p99: number } | null) => (x ? `${ms(x.p50)} / ${ms(x.p99)}` : '—');
  console.log(
    table(
      ['organizations', 'query', 'hits', 'catalog p50/p99', 'MiniSearch p50/p99', 'Orama p50/p99'],
      scale.flatMap((s) =>
        s.searches.map((r) => [int(s.organizations), `${r.label}: ${r.q}`, int(r.hits), t(r.catalog), t(r.minisearch), t(r.orama)]),
      ),
      [true, false, true, true, true, true],
    ),
  );
  for (const s of scale) {
    if (s.peerBuildMs)
      console.log(
        `index build at ${int(s.organizations)}: catalog ${int(s.buildMs)} ms, MiniSearch ${int(s.peerBuildMs.minisearch)} ms, Orama ${int(s.peerBuildMs.orama)} ms`,
      );
  }
}
