/**
 * npm run soak -w cms [-- --db FILE] [--duration S] [--connections N] [--warmup S] [--no-build]
 *
 * Soak test of the public directory API (issue #9): the compiled Strapi in a child process on a
 * throwaway database, autocannon on 127.0.0.1 with a varied mix of list / search / facets / detail
 * requests in both locales, plus conditional requests (If-None-Match → 304) and deliberate bad
 * input (→ 400/404), for a fixed time. Then errors, latency and the server's resident memory
 * (RSS) at start and end, against the targets: 0 errors, 0 5xx, RSS growth under 10 %.
 *
 * Bounded: the load stops by itself, and the whole thing is stopped at warm-up + duration + 60 s
 * after the load starts; the server is killed on every way out, Ctrl-C included.
 * Exit codes: 0 every target met, 1 a target missed or the soak could not run to the end, 2 usage.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { busyCpuShare, runLoad, type LoadResult } from './lib/bench-load';
import { FIXED_TERMS, KIND_LABEL, SHARES, buildMix, mixInput, type Kind, type MixRequest } from './lib/soak-mix';
import { cleanupNow, describeChild, tempDir, type Child } from './lib/bench-procs';
import { copyDatabase, ensureDist, seedFixtures, startStrapi, type StrapiServer } from './lib/bench-strapi';
import { fromUserDir, int, msText, readOptions, runCommand, usageExit } from './lib/bench-cli';

const TARGETS = { errors: 0, serverErrors: 0, rssGrowth: 0.1, heapGrowth: 0.1 };
const SEED_TIMEOUT_MS = 10 * 60 * 1000;
const BOOT_TIMEOUT_MS = 15 * 60 * 1000; // loading 10,000+ organizations into the catalog happens at boot
const SETUP_TIMEOUT_MS = 5 * 60 * 1000;
/** After the load starts, everything is stopped at warm-up + duration + this. */
const LOAD_GRACE_S = 60;
/** A request unanswered for this long is a timeout, hence an error. */
const REQUEST_TIMEOUT_S = 10;
/** Distinct requests the run cycles through: enough to churn the server's body cache (32 MB by default). */
const MIX_SIZE = 20_000;
const SAMPLE_EVERY_MS = 5_000;
const PRINT_EVERY_SAMPLES = 6; // every 30 s

const USAGE = `usage: npm run soak -w cms [-- options]
  --db FILE          SQLite database to copy and serve; the file itself is only read
                     (default: a fresh database seeded with the fixtures; to make one of 10,000 organizations:
                     DATABASE_FILENAME=/tmp/bench-10000.db npm run seed -w cms -- --synthetic 10000)
  --duration S       measured seconds (default 300)
  --connections N    concurrent connections (default 32)
  --warmup S         seconds of load before the start sample, reported but not counted (default 20)
  --log-level L      the server's STRAPI_LOG_LEVEL (default http: one line per request, as in production)
  --no-build         do not recompile cms/dist even if it is older than src`;

interface Options {
  db: string | null;
  durationS: number;
  connections: number;
  warmupS: number;
  logLevel: string;
  build: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { db: null, durationS: 300, connections: 32, warmupS: 20, logLevel: 'http', build: true };
  const problem = readOptions(argv, USAGE, (a, value) => {
    if (a === '--db') o.db = fromUserDir(value.text());
    else if (a === '--duration') o.durationS = value.whole(1);
    else if (a === '--connections') o.connections = value.whole(1);
    else if (a === '--warmup') o.warmupS = value.whole(0);
    else if (a === '--log-level') o.logLevel = value.text();
    else if (a === '--no-build') o.build = false;
    else return false;
    return true;
  });
  return problem ?? o;
}

const log = (line: string) => console.log(`soak: ${line}`);

// ---------------------------------------------------------------------------------------------
// What came back, by what was asked.

interface Tally {
  ok: number;
  notModified: number;
  intended4xx: number;
  serverErrors: number;
  wrong: number;
  /** Conditional requests answered 200: the catalog changed since their ETag was taken (correct, not an error). */
  conditionalRefreshed: number;
  byKind: Record<Kind, number>;
  wrongExamples: Map<string, number>;
}

function newTally(): Tally {
  return {
    ok: 0,
    notModified: 0,
    intended4xx: 0,
    serverErrors: 0,
    wrong: 0,
    conditionalRefreshed: 0,
    byKind: { list: 0, search: 0, facets: 0, detail: 0, conditional: 0, bad: 0 },
    wrongExamples: new Map(),
  };
}

function count(t: Tally, m: MixRequest, status: number): void {
  t.byKind[m.kind]++;
  if (status >= 500) t.serverErrors++;
  else if (status === 304 && m.expect === 304) t.notModified++;
  else if (status >= 200 && status < 300 && m.expect === 200) t.ok++;
  else if (status === 200 && m.expect === 304) {
    t.ok++;
    t.conditionalRefreshed++;
  } else if (status >= 400 && status === m.expect) t.intended4xx++;
  else {
    t.wrong++;
    const key = `${m.path.slice(0, 100)} → ${status} (expected ${m.expect})`;
    if (t.wrongExamples.size < 5 || t.wrongExamples.has(key)) t.wrongExamples.set(key, (t.wrongExamples.get(key) ?? 0) + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// The server's resident memory.

/**
 * The server's heap still in use after a full garbage collection, in bytes. RSS swings by hundreds
 * of MB with the collector's rhythm under load; this is the figure a leak makes grow.
 */
async function heapAfterGc(child: Child, id: number): Promise<number> {
  child.proc.send({ type: 'heap', id });
  return (await child.message<{ type: string; heapUsed: number }>(`heap-${id}`, 60_000)).heapUsed;
}

/** Resident set size of a process in bytes: /proc on Linux, `ps` elsewhere; null if neither answers. */
function residentBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not Linux, or the process is gone */
  }
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(r.stdout?.trim());
  return r.status === 0 && kb > 0 ? kb * 1024 : null;
}

// ---------------------------------------------------------------------------------------------
// Output.

const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);
const ms = (v: number) => (Number.isFinite(v) ? `${msText(v)} ms` : '—');
const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %`;
const rows = (pairs: Array<[string, string]>) => {
  const w = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
};

// ---------------------------------------------------------------------------------------------

let server: StrapiServer | null = null;

function hardStop(afterMs: number, why: string): NodeJS.Timeout {
  const timer = setTimeout(() => {
    console.error(`soak: hard stop: ${why} (${Math.round(afterMs / 1000)} s); stopping the server.`);
    cleanupNow();
    process.exit(1);
  }, afterMs);
  timer.unref();
  return timer;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') return usageExit(parsed, USAGE);
  const o = parsed;
  if (o.db && !fs.existsSync(o.db)) {
    console.error(`soak: no database at ${o.db}.\n${USAGE}`);
    return 2;
  }
  const loadBudgetMs = (o.warmupS + o.durationS + LOAD_GRACE_S) * 1000;
  hardStop((o.db ? 0 : SEED_TIMEOUT_MS) + BOOT_TIMEOUT_MS + SETUP_TIMEOUT_MS + loadBudgetMs, 'the soak did not end in time');

  ensureDist(o.build, log);
  const tmpDir = tempDir('rd-soak-');
  const db = await prepareDatabase(o, tmpDir);
  log(`booting Strapi (NODE_ENV=production, STRAPI_LOG_LEVEL=${o.logLevel}) on 127.0.0.1…`);
  const t1 = Date.now();
  server = await startStrapi({ db, logDir: tmpDir, bootTimeoutMs: BOOT_TIMEOUT_MS, env: { STRAPI_LOG_LEVEL: o.logLevel } });
  const pid = server.child.proc.pid!;
  log(`ready at ${server.base} in ${((Date.now() - t1) / 1000).toFixed(1)} s (pid ${pid}, RSS ${mb(residentBytes(pid))} after boot)`);

  const input = await mixInput(server.base);
  const mix = buildMix(input, MIX_SIZE);
  log(
    `${int(input.total)} public organizations; a mix of ${int(mix.length)} requests over ${int(input.slugs.length)} slugs, ` +
      `${input.filterValues.size} filters, ${FIXED_TERMS.length + input.words.length} search terms and ${input.etags.length} ETags`,
  );
  const busy = await busyCpuShare(3000);
  log(
    `${os.cpus().length} CPU(s), Node ${process.version}; CPU busy with other processes (3 s sample): ` +
      `${busy === null ? 'unknown' : `${Math.round(busy * 100)} %`}; load average (1 min) ${os.loadavg()[0]!.toFixed(2)}`,
  );

  const loadStop = hardStop(loadBudgetMs, 'the load did not end within warm-up + duration + 60 s');
  const runMix = (durationS: number, tally: Tally): Promise<LoadResult> =>
    runLoad({
      url: server!.base,
      connections: o.connections,
      durationS,
      timeoutS: REQUEST_TIMEOUT_S,
      pathFor: (n) => mix[n % mix.length]!,
      onStatus: (n, status) => count(tally, mix[n % mix.length]!, status),
    });
  // Both runs start at the mix's beginning; the warm-up's tally is reported, not counted.
  if (o.warmupS > 0) await warmUp(o, runMix);
  const m = await measure(o, server.child, runMix);
  clearTimeout(loadStop);
  await server.child.stop();
  return report(o, input.total, m);
}

/** The database to serve: a copy of --db, else a fresh one seeded with the fixtures. */
async function prepareDatabase(o: Options, tmpDir: string): Promise<string> {
  if (o.db) {
    const copy = copyDatabase(o.db, tmpDir);
    if (copy.busy)
      log(
        `warning: ${o.db} looks like it is being written right now (journal present or modified in the last 10 s); the copy may be incomplete.`,
      );
    log(`database ${o.db} (${copy.mb.toFixed(0)} MB), copied to ${copy.file}`);
    return copy.file;
  }
  const t0 = Date.now();
  log('seeding a fresh database with the fixtures…');
  const db = await seedFixtures(tmpDir, SEED_TIMEOUT_MS);
  log(`seeded ${db} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return db;
}

type RunMix = (durationS: number, tally: Tally) => Promise<LoadResult>;

async function warmUp(o: Options, runMix: RunMix): Promise<void> {
  const warm = newTally();
  process.stdout.write(`soak: warm-up ${o.warmupS} s, ${o.connections} connections… `);
  const w = await runMix(o.warmupS, warm);
  console.log(`${int(w.reqPerSec)} req/s, p99 ${ms(w.p99)}, ${int(w.errors + warm.serverErrors + warm.wrong)} error(s) (not counted)`);
}

interface Measured {
  r: LoadResult;
  tally: Tally;
  samples: Array<{ s: number; bytes: number }>;
  startRss: number | null;
  endRss: number | null;
  startHeap: number;
  endHeap: number;
}

/** The measured run, with the server's RSS sampled meanwhile and its heap after a full GC before and after. */
async function measure(o: Options, child: Child, runMix: RunMix): Promise<Measured> {
  const pid = child.proc.pid!;
  const tally = newTally();
  const startRss = residentBytes(pid);
  const startHeap = await heapAfterGc(child, 1);
  const samples: Array<{ s: number; bytes: number }> = [];
  if (startRss !== null) samples.push({ s: 0, bytes: startRss });
  log(`measuring ${o.durationS} s; RSS of the server every ${(SAMPLE_EVERY_MS * PRINT_EVERY_SAMPLES) / 1000} s:`);
  console.log(`       0 s  ${mb(startRss)} (start)`);
  const tStart = Date.now();
  let ticks = 0;
  const sampler = setInterval(() => {
    const bytes = residentBytes(pid);
    if (bytes === null) return;
    const s = Math.round((Date.now() - tStart) / 1000);
    samples.push({ s, bytes });
    if (++ticks % PRINT_EVERY_SAMPLES === 0) console.log(`  ${String(s).padStart(6)} s  ${mb(bytes)}`);
  }, SAMPLE_EVERY_MS);
  let r: LoadResult;
  try {
    r = await runMix(o.durationS, tally);
  } finally {
    clearInterval(sampler);
  }
  const endRss = residentBytes(pid);
  const elapsedS = (Date.now() - tStart) / 1000;
  if (endRss !== null) samples.push({ s: Math.round(elapsedS), bytes: endRss });
  console.log(`  ${String(Math.round(elapsedS)).padStart(6)} s  ${mb(endRss)} (end)`);
  const endHeap = await heapAfterGc(child, 2);
  return { r, tally, samples, startRss, endRss, startHeap, endHeap };
}

/** Figures and verdicts; the exit code (0 every target met). */
function report(o: Options, publicTotal: number, { r, tally, samples, startRss, endRss, startHeap, endHeap }: Measured): number {
  const socketErrors = r.errors - r.timeouts;
  const errors = socketErrors + r.timeouts + tally.serverErrors + tally.wrong;
  const peakRss = samples.length ? Math.max(...samples.map((x) => x.bytes)) : null;
  const growth = startRss !== null && endRss !== null ? (endRss - startRss) / startRss : null;
  const heapGrowth = (endHeap - startHeap) / startHeap;
  const answered = Object.values(tally.byKind).reduce((a, b) => a + b, 0);
  const share = (k: Kind) => `${KIND_LABEL[k]} ${answered ? Math.round((tally.byKind[k] / answered) * 100) : 0} %`;
  console.log(`
Soak: ${o.durationS} s after a ${o.warmupS} s warm-up, ${o.connections} connections, 127.0.0.1, ${os.cpus().length} CPU(s), Node ${process.version}
${rows([
  ['database', `${o.db ? `a copy of ${o.db}` : 'the fixtures, freshly seeded'}, ${int(publicTotal)} public organizations`],
  ['requests', `${int(r.total)} (${int(r.reqPerSec)} req/s)`],
  ['latency', `p50 ${ms(r.p50)} · p99 ${ms(r.p99)} · max ${ms(r.max)}`],
  [
    'responses',
    `2xx ${int(tally.ok)} · 304 ${int(tally.notModified)} · 4xx intended ${int(tally.intended4xx)} · 5xx ${int(tally.serverErrors)}`,
  ],
  [
    'errors',
    `${int(errors)} (5xx ${int(tally.serverErrors)} · wrong status ${int(tally.wrong)} · socket ${int(socketErrors)} · timeouts ${int(r.timeouts)})`,
  ],
  ['RSS', `start ${mb(startRss)} · end ${mb(endRss)} · peak ${mb(peakRss)} · growth ${growth === null ? '—' : pct(growth)}`],
  ['heap', `after a full GC: start ${mb(startHeap)} · end ${mb(endHeap)} · growth ${pct(heapGrowth)}`],
  ['mix', (Object.keys(SHARES) as Kind[]).map(share).join(' · ')],
])}`);
  if (tally.conditionalRefreshed > 0) {
    console.log(
      `  note: ${int(tally.conditionalRefreshed)} conditional requests were answered 200: the catalog changed since their ETag was taken.`,
    );
  }
  for (const [example, n] of tally.wrongExamples) console.log(`  wrong status: ${n} × ${example}`);
  for (const [kind, n] of Object.entries(r.errorKinds)) console.log(`  request error: ${n} × ${kind}`);

  const verdicts: Array<[string, boolean, string]> = [
    ['0 errors', errors <= TARGETS.errors, int(errors)],
    ['0 5xx', tally.serverErrors <= TARGETS.serverErrors, int(tally.serverErrors)],
    [
      `RSS growth < ${TARGETS.rssGrowth * 100} %`,
      growth !== null && growth < TARGETS.rssGrowth,
      growth === null ? 'not measured' : pct(growth),
    ],
    [`heap after GC growth < ${TARGETS.heapGrowth * 100} %`, heapGrowth < TARGETS.heapGrowth, pct(heapGrowth)],
  ];
  console.log(`\nTargets\n${rows(verdicts.map(([name, ok, value]) => [name, `${ok ? 'met' : 'MISSED'} (${value})`]))}`);
  return verdicts.every(([, ok]) => ok) ? 0 : 1;
}

runCommand({
  name: 'soak',
  main,
  stop: async () => {
    await server?.child.stop();
  },
  describe: () => (server ? [describeChild(server.child)] : []),
});
