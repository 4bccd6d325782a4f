/**
 * npm run cluster -w cms [-- --writes 50] [-- --publishes 10] [-- --keep]
 *
 * The deployment recipe of docs/operations.md, on loopback: a throwaway PostgreSQL cluster, three
 * instances of the compiled app on it (PROXY=true, shared secrets), and Debian's nginx with
 * deploy/nginx/referral-directory.conf.template in front of them, split as the recipe describes:
 * the public's and the staff's requests to instances 2 and 3, the editors' (the admin) to
 * instance 1, each the other's backup. Then it measures, and prints:
 *
 * 1. propagation: an editor publishes through the admin API of one instance (in turn), and the
 *    other two are read directly until they show it: median and max over the writes, while a read
 *    load runs through nginx (failed requests counted);
 * 2. the kill test: one instance is SIGKILLed under that load, restarted on its port, and must
 *    rejoin in step (writes made elsewhere reach it, its writes reach the others); no request
 *    through nginx may fail meanwhile;
 * 3. the editors' instance: publishes made through nginx, one every 2 s, and what each instance's
 *    event loop spends on them (Linux /proc); then the reads of the public's instances without and
 *    with them.
 *
 * Figures, not a test: it exits 1 only when something could not run. Everything it starts is
 * stopped at the end (with --keep, it waits for Ctrl-C first, printing the URLs).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CMS_DIR } from '../scripts/lib/boot';
import { freshSecrets } from '../scripts/lib/secrets';
import { NGINX, serverLine, startNginx } from '../scripts/lib/nginx';
import { cleanupNow, cpuPerRun, freePort, loopCpuOver, tempDir } from './lib/bench-procs';
import { ensureDist, startStrapi, type StrapiServer } from './lib/bench-strapi';
import { percentile } from './lib/bench-load';
import { postgresBin, startCluster } from '../scripts/lib/postgres-cluster';
import {
  type AdminAccount,
  type EditedRecord,
  type Writer,
  login as loginAs,
  renameAndPublish,
  msRounded,
  pickRecord,
  publicName,
  publishAndWatch,
  summary,
} from './lib/bench-admin';

const ADMIN: AdminAccount = { email: 'cluster.editor@example.org', password: `Cluster-${randomBytes(6).toString('hex')}-9a` };
const log = (line: string) => console.log(line);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} takes a whole number`);
  return n;
}

// --- a read load through nginx, until told to stop ----------------------------------------------

interface LoadStats {
  total: number;
  failed: number;
  failures: Map<string, number>;
  latencies: number[];
  cache: Map<string, number>;
}

/** Requests made by every load so far: a load goes on where the last stopped, not asking again for pages nginx holds. */
let requests = 0;

/**
 * `connections` loops of GETs through nginx: mostly pages of the list that few visitors share
 * (so most reach an instance, as the public's long tail does), some the first page everyone asks
 * for (answered by nginx's cache), some a profile. A failure is a status ≥ 500 or no answer.
 */
function startLoad(bases: string[], connections: number, slugs: string[], sort: '' | 'name' | 'lastVerified' = '') {
  const stats: LoadStats = { total: 0, failed: 0, failures: new Map(), latencies: [], cache: new Map() };
  let running = true;
  const pathFor = (i: number) => {
    const locale = i % 2 ? 'fr' : 'en';
    if (i % 10 === 0) return `/api/directory/organizations?locale=${locale}`;
    if (i % 10 === 1) return `/api/directory/organizations/${slugs[i % slugs.length]}?locale=${locale}`;
    return `/api/directory/organizations?locale=${locale}&page=${1 + (i % 997)}&pageSize=${1 + (i % 49)}${sort ? `&sort=${sort}` : ''}`;
  };
  const fail = (why: string) => {
    stats.failed++;
    stats.failures.set(why, (stats.failures.get(why) ?? 0) + 1);
  };
  /** Loop k asks `bases` (nginx, or the instances themselves) in turn: k modulo their number. */
  const loop = async (_: unknown, k: number) => {
    const base = bases[k % bases.length]!;
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${base}${pathFor(requests++)}`, {
          headers: { 'Accept-Encoding': 'br, gzip' },
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        stats.total++;
        stats.latencies.push(performance.now() - started);
        const c = res.headers.get('x-cache-status') ?? 'none';
        stats.cache.set(c, (stats.cache.get(c) ?? 0) + 1);
        if (res.status >= 500) fail(`HTTP ${res.status}`);
      } catch (e: unknown) {
        stats.total++;
        fail(e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e));
      }
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    stats,
    async stop(): Promise<LoadStats> {
      running = false;
      await Promise.all(loops);
      return stats;
    },
  };
}

function describeLoad(s: LoadStats): string {
  const sorted = Float64Array.from(s.latencies).sort();
  // No X-Cache-Status: a load straight to the instances.
  const cache = [...s.cache]
    .filter(([k]) => k !== 'none')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const failures = [...s.failures].map(([k, v]) => `${k} ×${v}`).join(', ');
  return (
    `${s.total} requests, ${s.failed} failed${failures ? ` (${failures})` : ''}; latency p50 ${msRounded(percentile(sorted, 50))}, ` +
    `p99 ${msRounded(percentile(sorted, 99))}, max ${msRounded(sorted[sorted.length - 1] ?? NaN)}${cache ? `; nginx cache: ${cache}` : ''}`
  );
}

const login = (base: string) => loginAs(base, ADMIN);

// --- the run -------------------------------------------------------------------------------------

type Env = Record<string, string>;

/** The environment every instance shares: one PostgreSQL, the same secrets, behind a proxy. */
function sharedEnv(databaseUrl: string): Env {
  return {
    ...freshSecrets(),
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl,
    PROXY: 'true',
    DIRECTORY_REFRESH_INTERVAL_MS: '2000',
    DIRECTORY_LISTEN_POLL_INTERVAL_MS: '30000',
  };
}

async function seedDemo(dir: string, common: Env): Promise<void> {
  log('seeding the demo data and an editor account…');
  const seedLog = path.join(dir, 'seed.log');
  const seedOut = fs.openSync(seedLog, 'a');
  const seeder = spawn(process.execPath, ['--import', 'tsx', path.join(CMS_DIR, 'scripts', 'seed.ts'), '--admin'], {
    cwd: CMS_DIR,
    stdio: ['ignore', seedOut, seedOut],
    env: {
      ...process.env,
      ...common,
      NODE_ENV: 'production',
      STRAPI_LOG_LEVEL: 'warn',
      DEMO_ADMIN_EMAIL: ADMIN.email,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
    },
  });
  fs.closeSync(seedOut);
  const code = await new Promise<number | null>((resolve) => seeder.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding failed; see ${seedLog}:\n${fs.readFileSync(seedLog, 'utf8').slice(-2000)}`);
}

/** What nginx does with the API's headers: compression, its cache, conditional requests. */
async function probeEdge(edge: string): Promise<void> {
  const first = await fetch(`${edge}/api/directory/organizations?locale=en`, { headers: { 'Accept-Encoding': 'br' } });
  await first.arrayBuffer();
  const again = await fetch(`${edge}/api/directory/organizations?locale=en`, {
    headers: { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.get('etag') ?? '' },
  });
  const gz = await fetch(`${edge}/api/directory/organizations?locale=en`, { headers: { 'Accept-Encoding': 'gzip' } });
  await gz.arrayBuffer();
  log(
    `edge: first page ${first.status} ${first.headers.get('content-encoding')} (cache ${first.headers.get('x-cache-status')}, ${first.headers.get('cache-control')}); ` +
      `again with its ETag: ${again.status} (cache ${again.headers.get('x-cache-status')}); gzip asked: ${gz.headers.get('content-encoding')} (cache ${gz.headers.get('x-cache-status')})`,
  );
}

interface Cluster extends EditedRecord {
  edge: string;
  instances: StrapiServer[];
  tokens: string[];
  boot(i: number): Promise<StrapiServer>;
  slugs: string[];
}

const writer = (c: Cluster, i: number) => ({ base: c.instances[i]!.base, token: c.tokens[i]! });

/** 1. Propagation under load: each write on one instance in turn, read back on the other two. */
async function propagation(c: Cluster, writes: number): Promise<void> {
  log(
    `\n1. ${writes} publishes through the admin, each on one instance in turn, read back on the other two (8 readers on nginx meanwhile)`,
  );
  const load = startLoad([c.edge], 8, c.slugs);
  const roundTrips: number[] = [];
  const seen: number[] = [];
  for (let i = 0; i < writes; i++) {
    const w = i % 3;
    const r = await publishAndWatch(
      writer(c, w),
      c.instances.filter((_, j) => j !== w).map((s) => s.base),
      c,
      `Cluster Write ${i + 1}`,
    );
    roundTrips.push(r.roundTrip);
    seen.push(...r.seen);
    if ((i + 1) % 10 === 0) log(`   … ${i + 1} publishes`);
  }
  const loadStats = await load.stop();
  log(`   visible on the other two instances after the publish answered: ${summary(seen)}`);
  log(`   publish round trip (the admin's Publish: the edit form saved and published in one request): ${summary(roundTrips)}`);
  log(`   read load through nginx meanwhile: ${describeLoad(loadStats)}`);
}

/** 2. The kill test: instance 2 killed under load, written around, restarted, and in step again. */
async function killTest(c: Cluster): Promise<void> {
  log('\n2. kill test: SIGKILL instance 2 under the same load, restart it, and check it rejoins in step');
  // Sorted by name: pages nginx has not cached yet, so that the load reaches the instances.
  const load = startLoad([c.edge], 8, c.slugs, 'name');
  await sleep(2000);
  const victim = c.instances[1]!;
  const killedAt = performance.now();
  victim.child.proc.kill('SIGKILL');
  await new Promise((r) => victim.child.proc.once('exit', r));
  log(`   instance 2 killed; writing on instance 1 while it is down`);
  await publishAndWatch(writer(c, 0), [c.instances[2]!.base], c, 'Written While Instance 2 Was Down');
  const restarted = await c.boot(1);
  c.instances[1] = restarted;
  const readyAfter = performance.now() - killedAt;
  const missed = await publicName(restarted.base, c.slug);
  await sleep(6000); // nginx's fail_timeout: the instance is tried again
  const killStats = await load.stop();
  log(
    `   restarted and ready ${(readyAfter / 1000).toFixed(1)} s after the kill; it shows the write made while it was down: ${missed === 'Written While Instance 2 Was Down'}`,
  );
  log(`   read load through nginx from 2 s before the kill to 6 s after the restart: ${describeLoad(killStats)}`);

  c.tokens[1] = await login(restarted.base);
  const toIt: number[] = [];
  const fromIt: number[] = [];
  for (let i = 0; i < 5; i++) {
    toIt.push(...(await publishAndWatch(writer(c, 0), [restarted.base], c, `Rejoined ${i} A`)).seen);
    fromIt.push(...(await publishAndWatch(writer(c, 1), [c.instances[0]!.base, c.instances[2]!.base], c, `Rejoined ${i} B`)).seen);
  }
  log(`   after rejoining, writes on instance 1 seen on instance 2: ${summary(toIt)}`);
  log(`   writes on instance 2 seen on instances 1 and 3: ${summary(fromIt)}`);
}

/** One publish every this many ms in part 3, as in `npm run bench:edits-http`. */
const EVERY_MS = 2000;

/**
 * 3. The editors' instance: `publishes` publishes through nginx, one every EVERY_MS, first alone,
 * then under a read load on the public's instances (the same time without them before): what each
 * instance's event loop spends per publish (its CPU over the publishes, less as long a time without
 * any, over their number), and those reads without and with the publishes.
 */
async function editorsInstance(c: Cluster, publishes: number): Promise<void> {
  log(
    `\n3. ${publishes} publishes through nginx (the admin's routes: instance 1), one every ${EVERY_MS} ms, alone then under the read load`,
  );
  const editor: Writer = { base: c.edge, token: await login(c.edge) };
  const measured = (run: () => Promise<void>) =>
    loopCpuOver(
      c.instances.map((s) => s.child.proc.pid),
      run,
    );
  const roundTrips: number[] = [];
  let n = 0;
  const publishing = async () => {
    for (let i = 0; i < publishes; i++) {
      const started = performance.now();
      roundTrips.push(await renameAndPublish(editor, c, `Editors Instance ${++n}`));
      await sleep(Math.max(0, EVERY_MS - (performance.now() - started)));
    }
  };
  const span = publishes * EVERY_MS;
  await renameAndPublish(editor, c, 'Editors Instance 0'); // the first: code warms up
  await sleep(EVERY_MS);
  const idle = await measured(() => sleep(span));
  const busy = await measured(publishing);
  const perPublish = cpuPerRun(idle, busy, publishes).map((ms) => (ms === null ? 'unknown' : msRounded(ms)));
  log(`   event-loop CPU per publish (less as long without): ${perPublish.map((ms, i) => `instance ${i + 1} ${ms}`).join(', ')}`);
  log(`   publish round trip through nginx: ${summary(roundTrips)}`);

  // Straight to the public's instances: what nginx's cache answers would differ from one run to the other.
  const readers = c.instances.slice(1).map((s) => s.base);
  const quietLoad = startLoad(readers, 8, c.slugs);
  await sleep(span);
  const quiet = await quietLoad.stop();
  roundTrips.length = 0;
  const editedLoad = startLoad(readers, 8, c.slugs);
  const loaded = await measured(publishing);
  const edited = await editedLoad.stop();
  const rate = (s: LoadStats, ms: number) => s.total / (ms / 1000);
  const [withoutRate, withRate] = [rate(quiet, span), rate(edited, loaded.ms)];
  log(
    `   reads on instances 2 and 3 (4 readers each), ${span / 1000} s without publishes: ${Math.round(withoutRate)}/s; ${describeLoad(quiet)}`,
  );
  log(`   the same, ${Math.round(loaded.ms / 1000)} s with them: ${Math.round(withRate)}/s; ${describeLoad(edited)}`);
  log(`   throughput drop ${(100 * (1 - withRate / withoutRate)).toFixed(1)} %; publish round trip under the load: ${summary(roundTrips)}`);
}

async function main(): Promise<void> {
  const writes = arg('--writes', 50);
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql): initdb and pg_ctl are needed');
  if (!fs.existsSync(NGINX)) throw new Error("Debian's nginx is not installed (apt-get install nginx)");
  ensureDist(true, log);
  const dir = tempDir('rd-cluster-');

  log('PostgreSQL: a throwaway cluster…');
  const pg = await startCluster(bin);
  process.on('exit', () => pg.destroy());
  const common = sharedEnv(pg.url);
  await seedDemo(dir, common);

  const ports = await Promise.all([0, 1, 2].map(() => freePort()));
  const boot = (i: number) =>
    startStrapi({
      db: '',
      logDir: path.join(dir, `instance-${i + 1}`),
      bootTimeoutMs: 240_000,
      port: ports[i],
      // The admin panel served: the recipe's editors use it (--keep).
      env: { ...common, DIRECTORY_INSTANCE_ID: `instance-${i + 1}`, STRAPI_LOG_LEVEL: 'warn', BENCH_ADMIN_PANEL: 'true' },
    });
  for (let i = 0; i < 3; i++) fs.mkdirSync(path.join(dir, `instance-${i + 1}`));
  log('three instances…');
  const instances: StrapiServer[] = [];
  for (let i = 0; i < 3; i++) instances.push(await boot(i)); // one at a time: two cores go further

  log('nginx…');
  const [editorPort, ...publicPorts] = ports as [number, number, number];
  const nginx = await startNginx({
    dir,
    upstream: [...publicPorts.map((p) => serverLine(p)), serverLine(editorPort, true)],
    editors: [serverLine(editorPort), ...publicPorts.map((p) => serverLine(p, true))],
    readyPath: '/api/directory/health',
  });
  const edge = nginx.url;
  log(`ready: nginx ${edge} → instances ${instances.map((s) => s.base).join(', ')}`);
  await probeEdge(edge);

  const tokens = await Promise.all(instances.map((s) => login(s.base)));
  const cluster: Cluster = { edge, instances, tokens, boot, ...(await pickRecord(instances[0]!.base, tokens[0]!)) };
  await propagation(cluster, writes);
  await killTest(cluster);
  await editorsInstance(cluster, arg('--publishes', 10));

  if (process.argv.includes('--keep')) {
    log(`\n--keep: nginx ${edge}, the admin ${edge}/admin (${ADMIN.email} / ${ADMIN.password}); Ctrl-C to stop`);
    await new Promise((r) => process.once('SIGINT', r));
  }
  for (const s of instances) await s.child.stop();
  await nginx.stop();
}

process.on('SIGINT', () => {
  cleanupNow();
  process.exit(130);
});
main().then(
  () => {
    cleanupNow();
    process.exit(0);
  },
  (e: unknown) => {
    console.error(`cluster: ${e instanceof Error ? e.message : String(e)}`);
    cleanupNow();
    process.exit(1);
  },
);
