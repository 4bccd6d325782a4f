/**
 * `npm run relevance -w cms`: this catalog, MiniSearch and Orama on the demo data's public records
 * and the judged queries of relevance/queries.json; prints the metrics per query kind, side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readFixtures } from '../src/operations/fixtures';
import { publicCatalogOf } from '../bench/lib/fixture-catalog';
import { catalogRanker, miniSearchRanker, oramaRanker } from './engines';
import { type JudgedQuery, type Scores, evaluate } from './metrics';

export const QUERIES: JudgedQuery[] = JSON.parse(fs.readFileSync(path.join(__dirname, 'queries.json'), 'utf8'));

export function demoCatalog() {
  const f = readFixtures();
  return publicCatalogOf(f.organizations, f.taxonomies, f.searchSynonyms);
}

async function main(): Promise<void> {
  const catalog = demoCatalog();
  const engines = { catalog: catalogRanker(catalog), minisearch: miniSearchRanker(catalog), orama: await oramaRanker(catalog) };
  const results = new Map<string, Map<string, Scores>>();
  for (const [name, rank] of Object.entries(engines)) results.set(name, await evaluate(QUERIES, rank));
  const kinds = [...results.get('catalog')!.keys()];
  console.log(`${QUERIES.length} judged queries over ${catalog.entries.length} public records`);
  const metric = (s: Scores, m: keyof Scores) => (m === 'queries' ? String(s[m]) : s[m].toFixed(2));
  const cols = ['success5', 'precision5', 'recall10', 'mrr', 'zeroRate'] as const;
  const header = ['kind (n)'.padEnd(18), ...cols.flatMap((c) => [...results.keys()].map((e) => `${c}:${e.slice(0, 4)}`.padStart(16)))];
  console.log(header.join(''));
  for (const kind of kinds) {
    const row = [`${kind} (${results.get('catalog')!.get(kind)!.queries})`.padEnd(18)];
    for (const c of cols) for (const e of results.keys()) row.push(metric(results.get(e)!.get(kind)!, c).padStart(16));
    console.log(row.join(''));
  }
  console.log(
    '(no-answer: success and zeroRate = share of queries rightly answered with nothing; "answered" = every query that has an answer)',
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
