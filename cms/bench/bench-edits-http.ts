/**
 * npm run bench:edits-http -w cms -- --db FILE[,FILE…] [--duration 30] [--rounds 2] [--every-ms 2000] [--connections 16]
 *
 * An editor's publishes under public load, over HTTP (issue #19's edit-under-load run): the
 * compiled app in production mode on a throwaway copy of each seeded SQLite database, and on it:
 *   1. `connections` autocannon connections on the public list, a different page each request
 *      (both locales, page sizes 1…50), for `duration` seconds, with no write: the baseline;
 *   2. the same load while an editor renames one public organization and publishes it through the
 *      admin API every `every-ms`, as the edit view's Publish does: one request with the whole edit
 *      form, in which the Content Manager saves the draft and publishes it.
 * Before the load: the record's size (its rows of repeatable components: what Strapi's save and publish work
 * through), and six publishes of it with no read load — their round trip, and the CPU each costs the
 * server's event loop with what follows its answer (Linux /proc): at one every `every-ms`, the
 * share of a loop kept busy by reads that the publishes take by themselves, whatever the catalog does.
 * In `rounds` alternations (1 2 1 2…, each `duration / rounds` seconds), so that the machine's own
 * drift over the minutes of a run (its speed moves by a third on a shared machine) weighs on both.
 * Then 3. the same load while an editor relabels, in both locales, the service category most
 * records name (its records carry its labels and are made again, the catalogs rebuilt for the new
 * vocabulary): the editor's round trip, when the public facets show it, and the reads meanwhile.
 * Printed per database: reads/s, read latency p50/p99/max, failed reads, the server's own
 * event-loop delay p99/max (what the server held back, apart from the network and the load
 * generator, which shares the machine) and the load generator's own worst delay, each run side by
 * side, the throughput drop, and the publish round trips (median, p90, max). Targets: drop ≤ 10 %,
 * max read latency ≤ 100 ms, publish round trip ≤ 300 ms.
 * To make the databases: DATABASE_FILENAME=/tmp/bench-10000.db npm run seed -w cms -- --synthetic 10000
 * Figures, not a test: it exits 1 only when something could not run.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { busyCpuShare, runLoad, type LoadResult } from './lib/bench-load';
import { cpuPerRun, describeChild, loopCpuOver, tempDir, type Child } from './lib/bench-procs';
import { copyDatabase, ensureDist, startStrapi, type StrapiServer } from './lib/bench-strapi';
import {
  type AdminAccount,
  type EditedRecord,
  type Relabelled,
  login,
  pickRecord,
  relabelTerm,
  renameAndPublish,
  summary,
} from './lib/bench-admin';
import { isRecord } from '../src/workflow/values';
import { fromUserDir, int, msText, readOptions, runCommand, table, usageExit } from './lib/bench-cli';

const TARGETS = { drop: 0.1, maxReadMs: 100, publishMs: 300 };
const BOOT_TIMEOUT_MS = 15 * 60 * 1000; // loading 100,000 organizations into the catalog happens at boot
const WARM_S = 5;

const USAGE = `usage: npm run bench:edits-http -w cms -- --db FILE[,FILE…] [options]
  --db FILES         seeded SQLite databases, measured one after the other (each copied; the files are only read)
                     to make one: DATABASE_FILENAME=/tmp/bench-10000.db npm run seed -w cms -- --synthetic 10000
  --duration S       seconds of each run, without and with writes (default 30)
  --rounds N         alternate the two runs N times, each duration/N seconds (default 2)
  --every-ms MS      one publish every MS milliseconds during the second run (default 2000)
  --connections N    autocannon connections on the public list (default 16)
  --no-build         use cms/dist as it is`;

interface Options {
  dbs: string[];
  durationS: number;
  rounds: number;
  everyMs: number;
  connections: number;
  build: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { dbs: [], durationS: 30, rounds: 2, everyMs: 2000, connections: 16, build: true };
  const problem = readOptions(argv, USAGE, (option, value) => {
    if (option === '--db') o.dbs = value.text().split(',').map(fromUserDir);
    else if (option === '--duration') o.durationS = value.whole();
    else if (option === '--rounds') o.rounds = value.whole(1);
    else if (option === '--every-ms') o.everyMs = value.whole(100);
    else if (option === '--connections') o.connections = value.whole();
    else if (option === '--no-build') o.build = false;
    else return false;
    return true;
  });
  if (problem) return problem;
  if (o.dbs.length === 0) return `--db is required\n${USAGE}`;
  const missing = o.dbs.find((db) => !fs.existsSync(db));
  return missing ? `no database at ${missing}\n${USAGE}` : o;
}

/** A different page of the public list each request: pages few visitors share, in both locales. */
const listPage = (n: number) => `/api/directory/organizations?locale=${n % 2 ? 'fr' : 'en'}&page=${1 + (n % 97)}&pageSize=${1 + (n % 50)}`;

/** How late the server's event loop ran during a run (ms): what the server itself held back. */
interface LoopDelay {
  p99Ms: number;
  maxMs: number;
  /** The longest garbage-collection pause, and all of them together. */
  gcMaxMs: number;
  gcMs: number;
}

/** A run's reads, with how late the server's event loop ran and the load generator's own (this process's), in ms. */
type Run = LoadResult & { loop: LoopDelay; generatorLoopMaxMs: number };

interface Measured {
  organizations: number;
  /** The record the editor publishes: how many rows of repeatable components its form holds. */
  componentRows: number;
  /** One publish with no read load: its round trip, and the CPU it costs the server's event loop. */
  alone: QuietPublish;
  quiet: Run;
  edited: Run;
  publishes: number[];
  relabel: { run: Run } & Relabelled;
}

interface QuietPublish {
  wallMs: number[];
  /** Per publish, with what follows its answer (the re-read, Strapi's events); null where /proc is not. */
  loopCpuMs: number | null;
}

const QUIET_PUBLISHES = 6;
/** After each quiet publish: the work that follows its answer (events, the re-read) is done within it. */
const AFTER_PUBLISH_MS = 500;

/**
 * What one publish costs the server when nothing else runs: the CPU time of its event loop over
 * the publishes and what follows each, less that of as long a time without any. On a loop kept
 * busy by reads, that time is taken from them: at one publish every `every-ms`, the drop to expect
 * from the publishes alone.
 */
async function publishAlone(server: StrapiServer, token: string, record: EditedRecord): Promise<QuietPublish> {
  const measured = (run: () => Promise<void>) => loopCpuOver([server.child.proc.pid], run);
  await renameAndPublish({ base: server.base, token }, record, 'Published Alone 0'); // its first: Strapi's code warms up
  await sleep(AFTER_PUBLISH_MS);
  const idle = await measured(() => sleep(QUIET_PUBLISHES * AFTER_PUBLISH_MS));
  const wallMs: number[] = [];
  const busy = await measured(async () => {
    for (let i = 1; i <= QUIET_PUBLISHES; i++) {
      wallMs.push(await renameAndPublish({ base: server.base, token }, record, `Published Alone ${i}`));
      await sleep(AFTER_PUBLISH_MS);
    }
  });
  return { wallMs, loopCpuMs: cpuPerRun(idle, busy, QUIET_PUBLISHES)[0]! };
}

let loopQuestions = 0;
/** The server's event-loop delay since the last question (the first question starts the count). */
async function loopDelay(child: Child): Promise<LoopDelay> {
  const id = ++loopQuestions;
  child.proc.send({ type: 'loop', id });
  return child.message<{ type: string } & LoopDelay>(`loop-${id}`, 30_000);
}

const children: Child[] = [];

async function measure(o: Options, db: string): Promise<Measured> {
  const dir = tempDir('rd-edits-http-');
  const copy = copyDatabase(db, dir, 'edits.db');
  const admin: AdminAccount = { email: 'bench.editor@example.org', password: `Bench-${randomBytes(6).toString('hex')}-9a` };
  console.log(`\n${db} (${copy.mb.toFixed(0)} MB): booting the app (production mode)…`);
  const bootStarted = performance.now();
  const server: StrapiServer = await startStrapi({
    db: copy.file,
    logDir: dir,
    bootTimeoutMs: BOOT_TIMEOUT_MS,
    env: { BENCH_ADMIN_EMAIL: admin.email, BENCH_ADMIN_PASSWORD: admin.password },
    onSpawn: (child) => children.push(child),
  });
  console.log(`  ready in ${((performance.now() - bootStarted) / 1000).toFixed(1)} s (boot, catalogs built)`);
  // Steady reads are measured, not the once-per-boot work still running (the HSDS departures registry).
  server.child.proc.send({ type: 'settled', id: 0 });
  await server.child.message('settled-0', BOOT_TIMEOUT_MS);
  console.log(`  settled in ${((performance.now() - bootStarted) / 1000).toFixed(1)} s (HSDS departures registry in step)`);
  const token = await login(server.base, admin);
  const record = await pickRecord(server.base, token);
  const first: unknown = await (await fetch(`${server.base}/api/directory/organizations?locale=en&pageSize=1`)).json();
  const meta = isRecord(first) && isRecord(first.meta) ? first.meta : {};
  const organizations = typeof meta.total === 'number' ? meta.total : NaN;
  const componentRows = Object.values(record.form).reduce<number>((n, v) => n + (Array.isArray(v) ? v.filter(isRecord).length : 0), 0);
  const alone = await publishAlone(server, token, record);
  const load = (durationS: number) => runLoad({ url: server.base, connections: o.connections, durationS, pathFor: listPage, timeoutS: 30 });
  const measuredLoad = async (durationS: number): Promise<Run> => {
    await loopDelay(server.child);
    // The load generator shares the machine and runs in this process: a read it was late to take is not the server's.
    const generator = monitorEventLoopDelay({ resolution: 5 });
    generator.enable();
    const result = await load(durationS);
    generator.disable();
    return { ...result, loop: await loopDelay(server.child), generatorLoopMaxMs: generator.max / 1e6 };
  };

  await load(WARM_S);
  const windowS = Math.max(1, Math.round(o.durationS / o.rounds));
  const quiet: Run[] = [];
  const edited: Run[] = [];
  const publishes: number[] = [];
  for (let round = 1; round <= o.rounds; round++) {
    const of = o.rounds > 1 ? ` (round ${round} of ${o.rounds})` : '';
    console.log(`  ${windowS} s of reads, no write${of}…`);
    quiet.push(await measuredLoad(windowS));
    console.log(`  ${windowS} s of reads, one publish every ${o.everyMs} ms${of}…`);
    let writing = true;
    const writes = (async () => {
      for (let i = publishes.length; writing; i++) {
        const next = performance.now() + o.everyMs;
        publishes.push(await renameAndPublish({ base: server.base, token }, record, `Edited Under Load ${i + 1}`));
        await sleep(Math.max(0, next - performance.now()));
      }
    })();
    edited.push(await measuredLoad(windowS));
    writing = false;
    await writes;
  }
  console.log(`  ${windowS} s of reads, a service category relabelled after 1 s…`);
  const relabelling = (async () => {
    await sleep(1000);
    return relabelTerm(server.base, token, `(${randomBytes(3).toString('hex')})`);
  })();
  const relabelRun = await measuredLoad(windowS);
  const relabel = { run: relabelRun, ...(await relabelling) };
  await server.child.stop();
  return { organizations, componentRows, alone, quiet: merged(quiet), edited: merged(edited), publishes, relabel };
}

/** Rounds of one kind as one run: reads/s and p50 averaged, the rest the worst round's (failures and GC time summed). */
function merged(runs: Run[]): Run {
  const mean = (f: (r: Run) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  const worst = (f: (r: Run) => number) => Math.max(...runs.map(f));
  const sum = (f: (r: Run) => number) => runs.reduce((total, r) => total + f(r), 0);
  const errorKinds: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.errorKinds)) errorKinds[k] = (errorKinds[k] ?? 0) + n;
  return {
    reqPerSec: mean((r) => r.reqPerSec),
    total: sum((r) => r.total),
    p50: mean((r) => r.p50),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    bytesPerSec: mean((r) => r.bytesPerSec),
    errorKinds,
    loop: {
      p99Ms: worst((r) => r.loop.p99Ms),
      maxMs: worst((r) => r.loop.maxMs),
      gcMaxMs: worst((r) => r.loop.gcMaxMs),
      gcMs: sum((r) => r.loop.gcMs),
    },
    generatorLoopMaxMs: worst((r) => r.generatorLoopMaxMs),
  };
}

function print(o: Options, all: Measured[]): void {
  const row = (m: Measured, label: string, r: Run) => [
    int(m.organizations),
    label,
    int(r.reqPerSec),
    msText(r.p50),
    msText(r.p99),
    msText(r.max),
    String(r.non2xx + r.errors + r.timeouts),
    msText(r.loop.p99Ms),
    msText(r.loop.maxMs),
    msText(r.loop.gcMaxMs),
    int(r.loop.gcMs),
    msText(r.generatorLoopMaxMs),
  ];
  const rounds = o.rounds > 1 ? `; ${o.rounds} rounds of each: reads/s and p50 their mean, the rest the worst round's` : '';
  console.log(`\nPublic list under ${o.connections} connections, a different page each request (ms${rounds}):`);
  console.log(
    table(
      ['public records', 'run', 'reads/s', 'p50', 'p99', 'max', 'failed', 'loop p99', 'loop max', 'gc max', 'gc total', 'generator max'],
      all.flatMap((m) => [
        row(m, 'no writes', m.quiet),
        row(m, `a publish every ${o.everyMs} ms`, m.edited),
        row(m, 'a term relabelled', m.relabel.run),
      ]),
      [true, false, true, true, true, true, true, true, true, true, true, true],
    ),
  );
  console.log(
    '"loop": how late the server\'s event loop ran (monitorEventLoopDelay): the part of a read\'s wait the server itself caused;\n' +
      '"gc": the server\'s longest garbage-collection pause and the sum of its pauses over the run;\n' +
      '"generator max": how late the load generator\'s own event loop ran at worst (it shares the machine): a read it was late to take.',
  );
  for (const m of all) {
    const drop = 1 - m.edited.reqPerSec / m.quiet.reqPerSec;
    console.log(
      `${int(m.organizations)} public records: throughput drop ${(100 * drop).toFixed(1)} % (target ≤ ${100 * TARGETS.drop} %), ` +
        `max read with writes ${msText(m.edited.max)} ms (target ≤ ${TARGETS.maxReadMs}); ` +
        `publish round trip ${summary(m.publishes)} (target ≤ ${TARGETS.publishMs} ms; ${m.publishes.filter((v) => v > TARGETS.publishMs).length} over)`,
    );
    const cpu = m.alone.loopCpuMs;
    console.log(
      `${int(m.organizations)} public records: the record published holds ${m.componentRows} rows of repeatable components; alone (no read load), a publish took ` +
        `${summary(m.alone.wallMs)}` +
        (cpu === null
          ? ''
          : ` and cost the server's event loop ${msText(cpu)} ms of CPU (with what follows its answer): at one every ${o.everyMs} ms, ` +
            `${((100 * cpu) / o.everyMs).toFixed(1)} % of a loop kept busy by reads, the drop the publishes make by themselves`),
    );
    const r = m.relabel;
    console.log(
      `${int(m.organizations)} public records: a service category named by ${int(r.records)} relabelled: the editor's save ${msText(r.writeMs)} ms, ` +
        `in the public facets after ${msText(r.visibleMs)} ms; reads meanwhile max ${msText(r.run.max)} ms, the server's loop max ${msText(r.run.loop.maxMs)} ms`,
    );
  }
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') return usageExit(parsed, USAGE);
  ensureDist(parsed.build, (line) => console.log(`bench:edits-http: ${line}`));
  const busy = await busyCpuShare(1000);
  console.log(
    `bench:edits-http: ${os.cpus().length} CPUs, ${busy === null ? 'load unknown' : `${Math.round(100 * busy)} % busy before the run`}; ` +
      `logs in ${path.join(os.tmpdir(), 'rd-edits-http-*')}`,
  );
  const all: Measured[] = [];
  for (const db of parsed.dbs) all.push(await measure(parsed, db));
  print(parsed, all);
  return 0;
}

runCommand({
  name: 'bench:edits-http',
  main,
  stop: async () => {
    await Promise.all(children.map((c) => c.stop()));
  },
  describe: () => children.map((c) => describeChild(c)),
});
