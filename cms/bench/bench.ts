/**
 * npm run bench -w cms [-- --db PATH] [--duration S] [--connections N] [--quick]
 *
 * Load test of the public directory API on loopback with autocannon, in one run:
 *   (a) GET /api/directory/organizations?province&focus&q&pageSize=20
 *   (b) GET /api/directory/facets with the same filters
 *   (c) the same question through Strapi's stock REST route (GET /api/organizations, read-only API token)
 *   (d) a bare node:http server answering the exact bytes of (a): the ceiling
 * then req/s, p50/p99, the ratios a/c and a/d against their targets, how the in-memory
 * search of (a) grows from 1,000 to 10,000 to 100,000 organizations, and the bytes on the wire of
 * the first page (English and French) and of the widget, uncompressed, gzip and brotli.
 *
 * The servers run in child processes (autocannon's CPU stays out of their event loops), on a
 * throwaway copy of the database. A missed target is printed, never a failure: this is a measurement.
 * Exit codes: 0 measured, 1 could not measure, 2 usage / no database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CMS_DIR } from '../scripts/lib/boot';
import { busyCpuShare, runLoad, type LoadResult } from './lib/bench-load';
import { type BenchQuery, directoryFacetsPath, directoryListPath, stockPath, stockQuery } from './lib/bench-queries';
import { freePort, cleanupNow, describeChild, tempDir, spawnChild, type Child } from './lib/bench-procs';
import { copyDatabase, ensureDist, startStrapi } from './lib/bench-strapi';
import { printScaling } from './lib/bench-scale-report';
import { runWithServerFlags } from './lib/node-flags';
import { formatWireSizes, wireSize } from './lib/bench-wire';
import { type Fetched, directoryPage, directorySlugs, get, stockPage, stockSlugs } from './lib/bench-fetch';
import { fromUserDir, int, msText as ms, readOptions, runCommand, table, usageExit, wholeNumber } from './lib/bench-cli';

// a/d: the scale issue's (at least 0.6 of the bare Node ceiling; 0.3 before it).
const TARGETS = { aOverC: 15, aOverD: 0.6, p99Ms: 25 };
const SCALE_SIZES = [1_000, 10_000, 100_000];
const BOOT_TIMEOUT_MS = 15 * 60 * 1000; // loading 10,000+ organizations into the catalog happens at boot

const USAGE = `usage: npm run bench -w cms [-- options]
  --db PATH          SQLite database to copy and serve (default: $BENCH_DB, else cms/.tmp/bench-10000.db)
  --duration S       seconds per measured run (default 20)
  --connections N    concurrent connections (default 32)
  --quick            smoke run: 5 s per run, shorter warm-ups, fewer in-process samples
  --q TEXT --province CODE --focus CODE   the query (default: survivors, QC, trafficking; a word of every
                     synthetic description, so a full page of 20 on synthetic data)
  --miss             also measure (a) with a different page on every request, so that none is
                     answered from the directory's body cache (an extra run)
  --no-build         do not recompile cms/dist even if it is older than src
  --in-process       only the in-process table (no database, no HTTP)
  --sizes LIST       organizations per row of the in-process table (default 1000,10000,100000)
  --peers-max N      largest size at which MiniSearch and Orama are measured too (default 10000)
Run it through npm run bench (node --expose-gc) for the heap columns.`;

interface Options {
  db: string;
  durationS: number;
  connections: number;
  quick: boolean;
  build: boolean;
  miss: boolean;
  query: BenchQuery;
  inProcessOnly: boolean;
  sizes: number[];
  peersMax: number;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = {
    db: process.env.BENCH_DB ? fromUserDir(process.env.BENCH_DB) : path.join(CMS_DIR, '.tmp', 'bench-10000.db'),
    durationS: 20,
    connections: 32,
    quick: false,
    build: true,
    miss: false,
    query: { province: 'QC', focus: 'trafficking', q: 'survivors', pageSize: 20, locale: 'en' },
    inProcessOnly: false,
    sizes: SCALE_SIZES,
    peersMax: 10_000,
  };
  let durationSet = false;
  const problem = readOptions(argv, USAGE, (a, value) => {
    if (a === '--db') o.db = fromUserDir(value.text());
    else if (a === '--duration') {
      o.durationS = value.whole();
      durationSet = true;
    } else if (a === '--connections') o.connections = value.whole();
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--miss') o.miss = true;
    else if (a === '--in-process') o.inProcessOnly = true;
    else if (a === '--sizes')
      o.sizes = value
        .text()
        .split(',')
        .map((v) => wholeNumber(a, v));
    else if (a === '--peers-max') o.peersMax = value.whole();
    else if (a === '--q') o.query.q = value.text();
    else if (a === '--province') o.query.province = value.text();
    else if (a === '--focus') o.query.focus = value.text();
    else return false;
    return true;
  });
  if (problem !== null) return problem;
  if (o.quick && !durationSet) o.durationS = 5;
  return o;
}

// ---------------------------------------------------------------------------------------------
// Output helpers.

const verdict = (ok: boolean) => (ok ? 'meets' : 'misses');

// ---------------------------------------------------------------------------------------------

const children: Child[] = [];

async function stopChildren(): Promise<void> {
  await Promise.all(children.splice(0).map((c) => c.stop()));
}

const NO_DATABASE = (db: string) => `bench: no benchmark database at ${db}.
Create it once with 10,000 synthetic organizations (about a minute), from the repository root:

  DATABASE_FILENAME=${db} npm run seed -w cms -- --synthetic 10000

(Strapi reads its secrets from cms/.env, which \`npm start\` creates, or from the environment.)
Or measure another database: npm run bench -w cms -- --db /path/to/data.db  (or BENCH_DB=/path/to/data.db)`;

async function main(): Promise<number> {
  runWithServerFlags();
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') return usageExit(parsed, USAGE);
  const o = parsed;
  const scaleRuns = o.quick ? 50 : 200;
  const scaleBudgetMs = o.quick ? 3_000 : 15_000;
  if (o.inProcessOnly) {
    await printScaling(o, scaleRuns, scaleBudgetMs);
    return 0;
  }
  if (!fs.existsSync(o.db)) {
    console.error(NO_DATABASE(o.db));
    return 2;
  }
  const warmS = o.quick ? 2 : 5;
  // Hard stop: boot + 5 × (warm-up + run + grace) + the in-process part, whatever happens.
  const budgetMs = BOOT_TIMEOUT_MS + 5 * (warmS + o.durationS + 60) * 1000 + 10 * 60 * 1000;
  setTimeout(() => {
    console.error(`bench: gave up after ${Math.round(budgetMs / 60000)} min; stopping.`);
    cleanupNow();
    process.exit(1);
  }, budgetMs).unref();

  ensureDist(o.build, (line) => console.log(`bench: ${line}`));
  const tmpDir = tempDir('rd-bench-');
  const server = await bootServer(o, tmpDir);
  const question = await askQuestion(server, o.query);
  await printWireSizes(server.base, o.query);
  await compareAnswers(server, o.query);
  const urlD = await startBare(tmpDir, question.a);
  const runs = loadRuns(o, question, urlD);
  const results = await measureLoad(o, runs, warmS);
  await stopChildren();
  printLoadResults(o, runs, results);
  await printScaling(o, scaleRuns, scaleBudgetMs);
  return 0;
}

interface Server {
  base: string;
  token: string;
}

/** Strapi on a throwaway copy of the database, with the stock REST route of (c) open on it. */
async function bootServer(o: Options, tmpDir: string): Promise<Server> {
  const t0 = Date.now();
  const copy = copyDatabase(o.db, tmpDir, 'bench.db');
  if (copy.busy)
    console.log(
      `bench: warning: ${o.db} looks like it is being written right now (journal present or modified in the last 10 s); the copy may be incomplete.`,
    );
  const strapiPort = await freePort();
  console.log(
    `bench: database ${o.db} (${copy.mb.toFixed(0)} MB, copied to ${copy.file}); booting Strapi (NODE_ENV=production) on 127.0.0.1:${strapiPort}…`,
  );
  const server = await startStrapi({
    // Pushed on spawn, so that a failed boot still shows the server's log.
    db: copy.file,
    port: strapiPort,
    logDir: tmpDir,
    bootTimeoutMs: BOOT_TIMEOUT_MS,
    onSpawn: (child) => children.push(child),
    // Stock REST is closed everywhere else; (c) needs the organizations route back, on this copy only.
    env: { BENCH_STOCK_REST: 'true' },
  });
  console.log(`bench: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (read-only API token created on the copy).`);
  return server;
}

interface Question {
  urlA: string;
  urlB: string;
  urlC: string;
  auth: Record<string, string>;
  a: Fetched;
}

/** The question, asked once of (a), (b) and (c), and what each answers. */
async function askQuestion({ base, token }: Server, q: BenchQuery): Promise<Question> {
  const urlA = base + directoryListPath(q);
  const urlB = base + directoryFacetsPath(q);
  const urlC = base + stockPath(q);
  const auth = { Authorization: `Bearer ${token}` };
  const all = directoryPage(await get(`${base}/api/directory/organizations?pageSize=1&locale=en`), 'the whole directory');
  const a = await get(urlA);
  const b = await get(urlB);
  const c = await get(urlC, auth);
  const pageA = directoryPage(a, '(a)');
  const totalB = directoryPage(b, '(b)').total;
  const pageC = stockPage(c, '(c)');
  console.log(`
Query: province=${q.province} focus=${q.focus} q=${JSON.stringify(q.q)} pageSize=${q.pageSize} locale=${q.locale}
  public organizations in the catalog: ${int(all.total)}
  (a) ${urlA.slice(base.length)}
      total ${pageA.total}, ${pageA.slugs.length} on the page, ${int(a.bytes.length)} bytes
  (b) ${urlB.slice(base.length)}
      total ${totalB}, ${int(b.bytes.length)} bytes
  (c) GET /api/organizations?<${int(urlC.length - base.length)} characters> with the read-only API token; as qs, that query is
      ${JSON.stringify(stockQuery(q))}
      total ${pageC.total}, ${pageC.slugs.length} on the page, ${int(c.bytes.length)} bytes`);
  if (pageA.total === 0) console.log('  warning: (a) matches no record; pick --q/--province/--focus values present in this database.');
  return { urlA, urlB, urlC, auth, a };
}

async function printWireSizes(base: string, q: BenchQuery): Promise<void> {
  const wire = [];
  for (const p of [
    '/api/directory/organizations?locale=en',
    '/api/directory/organizations?locale=fr&pageSize=20',
    directoryListPath(q),
    '/widget/referral-directory.js',
    '/widget/referral-directory.classic.js',
  ]) {
    wire.push(await wireSize(base, p));
  }
  console.log(`
Bytes on the wire (response body as sent, by Accept-Encoding; "-": not sent in that encoding):
${formatWireSizes(wire)}`);
}

/** That (a) and (c) ask the same question: every page of both compared. */
async function compareAnswers({ base, token }: Server, q: BenchQuery): Promise<void> {
  const setA = await directorySlugs(base, q);
  const setC = await stockSlugs(base, q, token);
  const onlyA = setA.slugs.filter((s) => !setC.slugs.includes(s));
  const onlyC = setC.slugs.filter((s) => !setA.slugs.includes(s));
  if (onlyA.length === 0 && onlyC.length === 0 && setA.total === setC.total) {
    console.log(`  (a) and (c) return the same ${setA.total} organizations (every page compared; (a) ranks by relevance, (c) by name).`);
    return;
  }
  console.log(`  warning: (a) has ${setA.total} organizations and (c) ${setC.total}: not the same question.`);
  if (onlyA.length) console.log(`    only in (a): ${onlyA.slice(0, 10).join(', ')}${onlyA.length > 10 ? ', …' : ''}`);
  if (onlyC.length) console.log(`    only in (c): ${onlyC.slice(0, 10).join(', ')}${onlyC.length > 10 ? ', …' : ''}`);
  console.log(
    '    (the directory folds accents and searches both locales; $containsi is accent-sensitive and sees only the requested locale;',
  );
  console.log('     a draft that is stricter than its published version hides a record from (a) only)');
}

/** (d): the bare server answering (a)'s bytes; its URL. */
async function startBare(tmpDir: string, a: Fetched): Promise<string> {
  const bodyFile = path.join(tmpDir, 'a-body.json');
  fs.writeFileSync(bodyFile, a.bytes);
  const barePort = await freePort();
  const bare = spawnChild('bare', path.join(CMS_DIR, 'bench', 'lib', 'bench-bare.ts'), {
    cwd: CMS_DIR,
    logDir: tmpDir,
    env: { ...process.env, PORT: String(barePort), HOST: '127.0.0.1', BENCH_BODY_FILE: bodyFile, BENCH_CONTENT_TYPE: a.contentType },
  });
  children.push(bare);
  await bare.message('listening', 60_000);
  const urlD = `http://127.0.0.1:${barePort}/api/directory/organizations`;
  const d = await get(urlD);
  if (!d.bytes.equals(a.bytes)) throw new Error('(d) does not answer the same bytes as (a)');
  return urlD;
}

interface LoadRun {
  key: string;
  label: string;
  url: string;
  headers?: Record<string, string>;
  pathFor?: (n: number) => string;
}

function loadRuns(o: Options, { urlA, urlB, urlC, auth }: Question, urlD: string): LoadRun[] {
  // The body cache keeps 1,000 bodies per catalog version: cycling through 2,000 pages misses every time.
  const missPath = (n: number) => directoryListPath(o.query, 1 + (n % 2000));
  return [
    { key: 'a', label: '(a) directory list', url: urlA },
    ...(o.miss ? [{ key: 'a2', label: "(a') list, page 1…2000: no cache hit", url: urlA, pathFor: missPath }] : []),
    { key: 'b', label: '(b) directory facets', url: urlB },
    { key: 'c', label: '(c) stock REST /api/organizations', url: urlC, headers: auth },
    { key: 'd', label: '(d) bare node:http, same bytes as (a)', url: urlD },
  ];
}

async function measureLoad(o: Options, runs: LoadRun[], warmS: number): Promise<Record<string, LoadResult>> {
  const cpus = os.cpus().length;
  const busy = await busyCpuShare(3000);
  console.log(
    `
Load: autocannon, ${o.connections} connections, ${o.durationS} s per run after a ${warmS} s warm-up, loopback, ${cpus} CPU(s), Node ${process.version}
  CPU already busy while the benchmark idles (other processes, 3 s sample): ${busy === null ? 'unknown' : `${Math.round(busy * 100)} % of ${cpus} CPU(s)`}` +
      `; load average (1 min): ${os.loadavg()[0]!.toFixed(2)}`,
  );
  if (busy !== null && busy > 0.15) {
    console.log(
      `  warning: other processes use ${Math.round(busy * 100)} % of the CPUs: the servers get less, figures will be low and noisy.`,
    );
  }
  const results: Record<string, LoadResult> = {};
  // autocannon drops its connections at the end of a run but the server still answers what was
  // in flight: one more request, answered after that backlog, keeps it out of the next measurement.
  const drain = (r: LoadRun) => get(r.url, r.headers).then(() => undefined);
  for (const r of runs) {
    process.stdout.write(`  ${r.label}: warm-up… `);
    await runLoad({ url: r.url, connections: o.connections, durationS: warmS, headers: r.headers, pathFor: r.pathFor });
    await drain(r);
    process.stdout.write('measuring… ');
    results[r.key] = await runLoad({
      url: r.url,
      connections: o.connections,
      durationS: o.durationS,
      headers: r.headers,
      pathFor: r.pathFor,
    });
    await drain(r);
    console.log(`${int(results[r.key]!.reqPerSec)} req/s`);
  }
  return results;
}

function printLoadResults(o: Options, runs: LoadRun[], results: Record<string, LoadResult>): void {
  const rA = results.a!,
    rB = results.b!,
    rC = results.c!,
    rD = results.d!;
  console.log(
    `\n${table(
      ['run', 'req/s (mean)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts', 'requests'],
      runs.map((r) => {
        const x = results[r.key]!;
        return [r.label, int(x.reqPerSec), ms(x.p50), ms(x.p99), int(x.non2xx), int(x.errors), int(x.timeouts), int(x.total)];
      }),
      [false, true, true, true, true, true, true, true],
    )}`,
  );
  const aOverC = rA.reqPerSec / rC.reqPerSec;
  const aOverD = rA.reqPerSec / rD.reqPerSec;
  const failures = [rA, rB, rC, rD].reduce((n, x) => n + x.non2xx + x.errors, 0);
  const ratio = (v: number, digits: number, target: number) =>
    Number.isFinite(v)
      ? `${v.toFixed(digits)} (target ≥ ${target}): ${verdict(v >= target)}`
      : `not measurable (no response in ${o.durationS} s; use a longer --duration)`;
  console.log(`
a/c = ${ratio(aOverC, 1, TARGETS.aOverC)}
a/d = ${ratio(aOverD, 2, TARGETS.aOverD)}
p99 (a) = ${ms(rA.p99)} ms (target ≤ ${TARGETS.p99Ms} ms): ${verdict(rA.p99 <= TARGETS.p99Ms)}
p99 (b) = ${ms(rB.p99)} ms (target ≤ ${TARGETS.p99Ms} ms): ${verdict(rB.p99 <= TARGETS.p99Ms)}`);
  if (failures > 0) {
    console.log('warning: some requests were not answered 2xx:');
    for (const r of runs) {
      const x = results[r.key]!;
      if (x.non2xx + x.errors === 0) continue;
      const kinds = Object.entries(x.errorKinds)
        .map(([k, n]) => `${n} × ${k}`)
        .join(', ');
      console.log(`  ${r.label}: ${x.non2xx} non-2xx, ${x.errors} errors${kinds ? ` (${kinds})` : ''}`);
    }
  }
  console.log(`note: (a) and (b) repeat one URL, so after the first request their bodies come from the directory's
per-catalog-version body cache; what a cache miss adds is the "miss" column below${
    o.miss
      ? ` and the (a') run
(same query, page cycling 1…2000, pages past the last one are empty)`
      : ' (or run with --miss)'
  }.`);
}

runCommand({
  name: 'bench',
  main,
  stop: stopChildren,
  describe: () => children.map((c) => describeChild(c)),
});
