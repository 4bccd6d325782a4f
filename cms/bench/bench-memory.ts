/**
 * npm run bench:memory -w cms [-- --sizes 1000,10000,100000]
 *
 * Heap per organization of the in-memory catalogs, as the server holds them: generated
 * organizations → the rows the database would hold → the projection's own entryFromRows and
 * internalEntryFromRows → the public and the staff Catalog. Heap is read after a full collection
 * (node --expose-gc), before and after, with only the catalogs alive; each size runs in its own
 * child process so that sizes do not share a heap. Prints figures; never fails on a target.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { LISTING_STATUSES } from '@referral-directory/sdk';
import { readFixtures } from '../src/operations/fixtures';
import { generateOrganizations } from '../scripts/lib/generate';
import { rowsOf, termIndex, vocabularyOf } from './lib/fixture-catalog';
import { Catalog, type Entry } from '../src/catalog/catalog';
import { INTERNAL_FILTER_NAMES, type InternalEntry, entryFromRows, internalEntryFromRows } from '../src/catalog/row-entries';
import { synonymGroups } from '../src/catalog/synonyms';
import { STATUS_LABELS } from '../src/directory/labels';

const TARGET_KB = 8;

/** Heap in use after a full collection, and the typed arrays' memory (outside the heap: postings, orders). */
function memory(): { heap: number; arrays: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, arrays: m.arrayBuffers };
}
const heapBytes = (): number => memory().heap;

/** One size, in this process: prints one JSON line. */
function measure(size: number): void {
  const f = readFixtures();
  const terms = termIndex(f.taxonomies);
  const vocabulary = vocabularyOf(f.taxonomies);
  const groups = synonymGroups(f.searchSynonyms.map((g) => g.terms.join(', ')));
  const statuses = LISTING_STATUSES.map((value) => ({ value, labels: STATUS_LABELS[value] }));
  const organizations = generateOrganizations(size, f.taxonomies);
  const baseArrays = memory().arrays;
  const base = heapBytes();
  let rows = organizations.map((o, i) => rowsOf(o, i + 1, terms));
  organizations.length = 0;
  const t0 = performance.now();
  const entries: Entry[] = [];
  const internal: InternalEntry[] = [];
  for (const r of rows) {
    if (r.length === 0) continue;
    const e = entryFromRows(r);
    if (e) entries.push(e);
    const i = internalEntryFromRows(r);
    if (i) internal.push(i);
  }
  rows = [];
  const t1 = performance.now();
  const withEntries = heapBytes() - base;
  const t2 = performance.now();
  const publicCatalog = new Catalog(entries, vocabulary, 'm', undefined, groups);
  const staffCatalog = new Catalog(internal, { ...vocabulary, status: statuses }, 'm', INTERNAL_FILTER_NAMES, groups);
  const t3 = performance.now();
  const after = memory();
  const total = after.heap - base;
  console.log(
    JSON.stringify({
      size,
      publicEntries: publicCatalog.entries.length,
      staffEntries: staffCatalog.entries.length,
      entriesBytes: withEntries,
      catalogBytes: total,
      arrayBytes: after.arrays - baseArrays,
      entriesMs: t1 - t0,
      catalogMs: t3 - t2,
    }),
  );
}

interface Row {
  size: number;
  publicEntries: number;
  staffEntries: number;
  entriesBytes: number;
  catalogBytes: number;
  arrayBytes: number;
  entriesMs: number;
  catalogMs: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.indexOf('--one');
  if (only >= 0) {
    measure(Number(args[only + 1]));
    return;
  }
  const at = args.indexOf('--sizes');
  const sizes =
    at >= 0
      ? String(args[at + 1])
          .split(',')
          .map(Number)
      : [1_000, 10_000, 100_000];
  console.log('Heap of the public + staff catalogs after a full GC (generated organizations, no database),');
  console.log('each size in its own process; "entries" = the entries alone (public records, packed JSON, filter values),');
  console.log('"total" = entries + both catalogs\' indexes. Per organization = total / organizations; "+ arrays" adds');
  console.log('the typed arrays of the indexes, which live outside the heap (postings, name orders).');
  console.log(
    `${'organizations'.padStart(13)}  ${'public'.padStart(7)}  ${'staff'.padStart(7)}  ${'entries MB'.padStart(10)}  ${'total MB'.padStart(9)}  ${'KB / org'.padStart(8)}  ${'+ arrays'.padStart(8)}  ${'entries ms'.padStart(10)}  ${'catalogs ms'.padStart(11)}`,
  );
  for (const size of sizes) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--one', String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(
        `${String(size).padStart(13)}  could not measure: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' / ')}`,
      );
      continue;
    }
    const r = JSON.parse(line) as Row;
    const mb = (b: number) => (b / 1048576).toFixed(0);
    const perOrg = r.catalogBytes / r.size / 1024;
    console.log(
      `${r.size.toLocaleString('en').padStart(13)}  ${r.publicEntries.toLocaleString('en').padStart(7)}  ${r.staffEntries.toLocaleString('en').padStart(7)}  ${mb(r.entriesBytes).padStart(10)}  ${mb(r.catalogBytes).padStart(9)}  ${perOrg.toFixed(1).padStart(8)}  ${((r.catalogBytes + r.arrayBytes) / r.size / 1024).toFixed(1).padStart(8)}  ${r.entriesMs.toFixed(0).padStart(10)}  ${r.catalogMs.toFixed(0).padStart(11)}` +
        (perOrg <= TARGET_KB ? '' : `  (target ≤ ${TARGET_KB} KB)`),
    );
  }
}

main();
