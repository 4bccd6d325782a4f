/**
 * npm run bench:edits -w cms [-- --sizes 10000,100000 --duration 30 --every-ms 2000 --readers 16]
 *
 * Reads while an editor publishes, in process (no HTTP, no database): what an edit costs the
 * readers of one instance. Generated organizations → the projection's own entry mappers → the
 * public and staff catalogs, then for `duration` seconds:
 *   - `readers` interleaved readers, each asking the public list for a different page (the
 *     (a) list query, each page with its JSON, as the controller builds it), one after another;
 *   - with writes: every `every-ms`, one organization edited (its name, description and status
 *     change, so that it leaves, re-enters or moves in the lists and the index), published to
 *     both catalogs the way the projection does it.
 * Printed per size, without and with writes: reads/s, read latency p50/p99/max (a read waits for
 * whatever holds the event loop: an edit, a rebuild slice), and the publish time (both catalogs),
 * wall clock and CPU time of this process (on a shared machine the CPU time says what an edit
 * costs; the wall clock adds the time other processes held the CPU).
 * Two ways of publishing are measured side by side: `incremental` (Catalog.update, with the full
 * rebuild in slices once edits pile up, as the projection does) and `rebuild` (a new Catalog of
 * every entry per edit: what publishing did before).
 * Database reads and HTTP are left out: this is the event-loop share of the edit-under-load run.
 */
import { performance } from 'node:perf_hooks';
import { LISTING_STATUSES } from '@referral-directory/sdk';
import { readFixtures } from '../src/operations/fixtures';
import { generateOrganizations } from '../scripts/lib/generate';
import { percentile } from './lib/bench-load';
import { rowsOf, termIndex, vocabularyOf } from './lib/fixture-catalog';
import { Catalog, compactAfter, type Entry, type Vocabulary } from '../src/catalog/catalog';
import { listBody } from '../src/catalog/response';
import {
  INTERNAL_FILTER_NAMES,
  type InternalCatalog,
  type InternalEntry,
  type InternalFilterName,
  entryFromRows,
  internalEntryFromRows,
} from '../src/catalog/row-entries';
import { synonymGroups } from '../src/catalog/synonyms';
import { parseDirectoryQuery } from '../src/directory/query';
import { STATUS_LABELS } from '../src/directory/labels';
import type { OrganizationRow } from '../src/directory/rows';

interface Options {
  sizes: number[];
  durationS: number;
  everyMs: number;
  readers: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [10_000], durationS: 30, everyMs: 2000, readers: 16 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[++i];
    if (v === undefined || !/^[0-9,]+$/.test(v)) throw new Error(`${a} needs a number`);
    if (a === '--sizes') o.sizes = v.split(',').map(Number);
    else if (a === '--duration') o.durationS = Number(v);
    else if (a === '--every-ms') o.everyMs = Number(v);
    else if (a === '--readers') o.readers = Number(v);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

interface RunResult {
  reads: number;
  readsPerS: number;
  p50: number;
  p99: number;
  max: number;
  publishes: number[];
  publishCpu: number[];
}

const sorted = (xs: number[]) => Float64Array.from(xs).sort();
let sink = 0;

type Mode = 'none' | 'incremental' | 'rebuild';

/** One size's organizations, its two catalogs (replaced on every publish) and the read of the (a) list. */
interface Bench {
  rows: OrganizationRow[][];
  publicOf: Map<string, Entry>;
  staffOf: Map<string, InternalEntry>;
  pub: Catalog;
  staff: InternalCatalog;
  vocabulary: Vocabulary;
  internalVocabulary: Vocabulary<InternalFilterName>;
  groups: ReturnType<typeof synonymGroups>;
  list: ReturnType<typeof parseDirectoryQuery>;
  pages: number;
  buildMs: number;
  edits: number;
  version: number;
  rebuilding: boolean;
}

function benchOf(size: number, f: ReturnType<typeof readFixtures>): Bench {
  const terms = termIndex(f.taxonomies);
  const vocabulary = vocabularyOf(f.taxonomies);
  const internalVocabulary = { ...vocabulary, status: LISTING_STATUSES.map((value) => ({ value, labels: STATUS_LABELS[value] })) };
  const groups = synonymGroups(f.searchSynonyms.map((g) => g.terms.join(', ')));
  const rows = generateOrganizations(size, f.taxonomies)
    .map((x, i) => rowsOf(x, i + 1, terms))
    .filter((r) => r.length > 0);
  const publicOf = new Map<string, Entry>();
  const staffOf = new Map<string, InternalEntry>();
  for (const r of rows) {
    const e = entryFromRows(r);
    if (e) publicOf.set(r[0]!.documentId, e);
    const s = internalEntryFromRows(r);
    if (s) staffOf.set(r[0]!.documentId, s);
  }
  const t0 = performance.now();
  const pub = new Catalog([...publicOf.values()], vocabulary, 'v0', undefined, groups);
  const staff: InternalCatalog = new Catalog([...staffOf.values()], internalVocabulary, 'v0', INTERNAL_FILTER_NAMES, groups);
  const buildMs = performance.now() - t0;
  const list = parseDirectoryQuery(new URLSearchParams('province=QC&focus=trafficking&q=survivors&pageSize=20'), vocabulary, 'list');
  const pages = Math.max(1, Math.ceil(pub.search(list).total / 20));
  return {
    rows,
    publicOf,
    staffOf,
    pub,
    staff,
    vocabulary,
    internalVocabulary,
    groups,
    list,
    pages,
    buildMs,
    edits: 0,
    version: 0,
    rebuilding: false,
  };
}

/** One organization edited: renamed, re-described, and every third one suspended or reinstated. */
function edit(b: Bench): { documentId: string; rows: OrganizationRow[] } {
  const r = b.rows[(b.edits * 7919) % b.rows.length]!;
  b.edits++;
  const suspend = b.edits % 3 === 0;
  const next = r.map((row) => ({
    ...row,
    name: `${row.name.replace(/ \(edit \d+\)$/, '')} (edit ${b.edits})`,
    description: `${row.description} survivors edit ${b.edits}`,
    listingStatus: suspend && row.listingStatus === 'active' ? 'suspended' : suspend ? 'active' : row.listingStatus,
  })) as OrganizationRow[];
  b.rows[((b.edits - 1) * 7919) % b.rows.length] = next;
  return { documentId: r[0]!.documentId, rows: next };
}

/** One edit published to both catalogs, the way `mode` publishes. */
function publishEdit(b: Bench, mode: Exclude<Mode, 'none'>): void {
  const { documentId, rows: docRows } = edit(b);
  const e = entryFromRows(docRows);
  const s = internalEntryFromRows(docRows);
  const beforePublic = b.publicOf.get(documentId);
  const beforeStaff = b.staffOf.get(documentId);
  if (e) b.publicOf.set(documentId, e);
  else b.publicOf.delete(documentId);
  if (s) b.staffOf.set(documentId, s);
  else b.staffOf.delete(documentId);
  const version = `v${++b.version}`;
  if (mode === 'rebuild') {
    b.pub = new Catalog([...b.publicOf.values()], b.vocabulary, version, undefined, b.groups);
    b.staff = new Catalog([...b.staffOf.values()], b.internalVocabulary, version, INTERNAL_FILTER_NAMES, b.groups);
    return;
  }
  b.pub = b.pub.update(beforePublic ? [beforePublic] : [], e ? [e] : [], version);
  b.staff = b.staff.update(beforeStaff ? [beforeStaff] : [], s ? [s] : [], version);
  if (b.rebuilding || (!b.pub.wantsRebuild && !b.staff.wantsRebuild)) return;
  b.rebuilding = true;
  const from = b.pub;
  const fromStaff = b.staff;
  void (async () => {
    const x = await from.rebuilt();
    const y = await fromStaff.rebuilt();
    b.pub = b.pub.rebasedOn(x, from) ?? b.pub;
    b.staff = b.staff.rebasedOn(y, fromStaff) ?? b.staff;
    b.rebuilding = false;
  })();
}

async function run(b: Bench, mode: Mode, o: Options): Promise<RunResult> {
  const latencies: number[] = [];
  const publishes: number[] = [];
  const publishCpu: number[] = [];
  const end = performance.now() + o.durationS * 1000;
  const timer =
    mode === 'none'
      ? null
      : setInterval(() => {
          const t = performance.now();
          const cpu = process.cpuUsage();
          publishEdit(b, mode);
          publishes.push(performance.now() - t);
          const used = process.cpuUsage(cpu);
          publishCpu.push((used.user + used.system) / 1000);
        }, o.everyMs);
  // Readers: each asks again as soon as it has its answer; a read's latency runs from when it
  // could have started (its previous answer) to its answer, so time spent by anything else
  // holding the event loop meanwhile counts.
  let reads = 0;
  const reader = async (k: number) => {
    let ready = performance.now();
    while (ready < end) {
      await new Promise((resolve) => setImmediate(resolve));
      const c = b.pub;
      const q = { ...b.list, page: 1 + ((k * 131 + reads * 17) % b.pages) };
      sink += listBody(c.search(q), q).length;
      const now = performance.now();
      latencies.push(now - ready);
      reads++;
      ready = now;
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: o.readers }, (_, k) => reader(k)));
  if (timer) clearInterval(timer);
  const s = sorted(latencies);
  // Let a rebuild under way finish outside the measurement.
  while (b.rebuilding) await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    reads,
    readsPerS: reads / ((performance.now() - t) / 1000),
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    publishes,
    publishCpu,
  };
}

function printRuns(size: number, b: Bench, runs: ReadonlyArray<readonly [string, RunResult]>): void {
  const none = runs[0]![1];
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  console.log(
    `\n${size.toLocaleString('en')} organizations (${b.pub.entries.length.toLocaleString('en')} public, ${b.staff.entries.length.toLocaleString('en')} staff entries; full build of both catalogs ${b.buildMs.toFixed(0)} ms)`,
  );
  console.log(
    `${'publishing'.padEnd(24)}${'reads/s'.padStart(9)}${'vs none'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'edits'.padStart(7)}${'publish p50 / max ms'.padStart(23)}${'publish CPU p50 / max ms'.padStart(27)}`,
  );
  for (const [label, r] of runs) {
    const p = sorted(r.publishes);
    const c = sorted(r.publishCpu);
    const drop = r === none ? '' : `${(((r.readsPerS - none.readsPerS) / none.readsPerS) * 100).toFixed(0)} %`;
    console.log(
      `${label.padEnd(24)}${r.readsPerS.toFixed(0).padStart(9)}${drop.padStart(9)}${fmt(r.p50).padStart(9)}${fmt(r.p99).padStart(9)}${fmt(r.max).padStart(9)}${String(r.publishes.length).padStart(7)}${(p.length ? `${fmt(percentile(p, 50))} / ${fmt(p[p.length - 1]!)}` : '—').padStart(23)}${(c.length ? `${fmt(percentile(c, 50))} / ${fmt(c[c.length - 1]!)}` : '—').padStart(27)}`,
    );
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const f = readFixtures();
  console.log(`Reads while an editor publishes (in process): ${o.readers} readers on the public list, a different page each
read; writes: one edited organization every ${o.everyMs} ms; ${o.durationS} s per run; full rebuild after ${o.sizes.map((n) => `${compactAfter(n)} edits at ${n}`).join(', ')}.`);
  for (const size of o.sizes) {
    const b = benchOf(size, f);
    const none = await run(b, 'none', o);
    const incremental = await run(b, 'incremental', o);
    const rebuild = await run(b, 'rebuild', o);
    printRuns(size, b, [
      ['none (no writes)', none],
      ['incremental (now)', incremental],
      ['full rebuild (before)', rebuild],
    ]);
  }
  if (sink === -1) console.log(sink);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
