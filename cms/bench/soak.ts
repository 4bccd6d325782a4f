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
import path from 'node:path';
import type { FacetValue, PageMeta, PublicOrganization } from '@referral-directory/sdk';
import { busyCpuShare, runLoad, type LoadResult, type PlannedRequest } from './lib/bench-load';
import { prng } from '../scripts/lib/generate';
import { cleanupNow, describeChild, tempDir, type Child } from './lib/bench-procs';
import { copyDatabase, ensureDist, seedFixtures, startStrapi, type StrapiServer } from './lib/bench-strapi';

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
  db: string | null; durationS: number; connections: number; warmupS: number; logLevel: string; build: boolean;
}

/** Relative paths are relative to where the user typed the command (npm runs scripts in cms/). */
const fromUserDir = (p: string) => path.resolve(process.env.INIT_CWD || process.cwd(), p);

function parseArgs(argv: string[]): Options | string {
  const o: Options = { db: null, durationS: 300, connections: 32, warmupS: 20, logLevel: 'http', build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const whole = (v: string, min: number) => {
      if (!/^[0-9]+$/.test(v) || Number(v) < min) throw new Error(`${a} takes a whole number ≥ ${min}`);
      return Number(v);
    };
    try {
      if (a === '--db') o.db = fromUserDir(value());
      else if (a === '--duration') o.durationS = whole(value(), 1);
      else if (a === '--connections') o.connections = whole(value(), 1);
      else if (a === '--warmup') o.warmupS = whole(value(), 0);
      else if (a === '--log-level') o.logLevel = value();
      else if (a === '--no-build') o.build = false;
      else if (a === '--help' || a === '-h') return USAGE;
      else return `unknown option ${a}\n${USAGE}`;
    } catch (e) {
      return `${(e as Error).message}\n${USAGE}`;
    }
  }
  return o;
}

const log = (line: string) => console.log(`soak: ${line}`);

// ---------------------------------------------------------------------------------------------
// Setup requests (plain fetch, before the load).

interface Fetched { status: number; etag: string | null; body: unknown }

async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const r = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  const text = await r.text();
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, etag: r.headers.get('etag'), body };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

type ListedOrganization = Pick<PublicOrganization, 'slug' | 'name' | 'description'>;
interface ListPage { data: ListedOrganization[]; meta: Pick<PageMeta, 'total' | 'pageCount'> }

function isListPage(x: unknown): x is ListPage {
  return isRecord(x) && Array.isArray(x.data) && isRecord(x.meta)
    && typeof x.meta.total === 'number' && typeof x.meta.pageCount === 'number'
    && x.data.every((d) => isRecord(d) && typeof d.slug === 'string' && typeof d.name === 'string' && typeof d.description === 'string');
}

/** Filter name → the values that match at least one organization. */
function usableFilterValues(x: unknown): Map<string, string[]> {
  const values = new Map<string, string[]>();
  if (!isRecord(x) || !isRecord(x.data)) return values;
  for (const [name, list] of Object.entries(x.data)) {
    if (!Array.isArray(list)) continue;
    const usable = list.filter((f): f is Pick<FacetValue, 'value' | 'count'> => isRecord(f) && typeof f.value === 'string' && typeof f.count === 'number' && f.count > 0);
    if (usable.length) values.set(name, usable.map((f) => f.value));
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// The request mix.

type Kind = 'list' | 'search' | 'facets' | 'detail' | 'conditional' | 'bad';
const KIND_LABEL: Record<Kind, string> = {
  list: 'list', search: 'search', facets: 'facets', detail: 'detail', conditional: 'conditional', bad: 'bad input',
};
/** Share of each kind in the mix (percent). */
const SHARES: Record<Kind, number> = { list: 24, search: 26, facets: 15, detail: 20, conditional: 8, bad: 7 };

interface MixRequest extends PlannedRequest {
  kind: Kind;
  /** The status a correct server answers; 304 requests may also get 200 if the catalog changed since their ETag. */
  expect: 200 | 304 | 400 | 404;
}

/** Typed searches: English and French, accented or not (the directory folds accents), prefixes, misses. */
const FIXED_TERMS = [
  'shelter', 'legal', 'counselling', 'survivors', 'trafficking', 'youth', 'housing', 'newcomer', 'emergency shelter',
  'hébergement', 'hebergement', 'santé', 'juridique', 'femmes', 'traite', 'aide juridique', 'soutien aux victimes',
  'Montréal', 'montreal', 'Québec', 'Trois-Rivières', 'coun', 'traf', 'héber', 'jeun',
  'xylophone', 'zzqxv', 'nonexistentterm', 'ñandú', 'qwertyuiop asdf',
];

interface MixInput {
  slugs: string[];
  /** Words from names and descriptions in both locales: searches that match something. */
  words: string[];
  filterValues: Map<string, string[]>;
  /** Paths with the ETag the server gave them, for If-None-Match. */
  etags: Array<{ path: string; etag: string }>;
}

function buildMix(input: MixInput, size: number): MixRequest[] {
  const rand = prng(9); // seeded: two soaks send the same mix
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const filterNames = [...input.filterValues.keys()];
  const terms = [...FIXED_TERMS, ...input.words, ...input.words.slice(0, 20).map((w) => w.slice(0, 4))];

  const locale = (p: URLSearchParams) => { if (!chance(0.1)) p.set('locale', chance(0.5) ? 'en' : 'fr'); };
  const filters = (p: URLSearchParams, counts: readonly number[]) => {
    const names = [...filterNames];
    for (let k = pick(counts); k > 0 && names.length; k--) {
      const name = names.splice(Math.floor(rand() * names.length), 1)[0]!;
      const values = input.filterValues.get(name)!;
      p.append(name, pick(values));
      if (chance(0.25)) p.append(name, pick(values));
    }
  };
  const page = (p: URLSearchParams) => {
    const r = rand();
    if (r > 0.9) p.set('page', String(6 + Math.floor(rand() * 195)));
    else if (r > 0.7) p.set('page', String(2 + Math.floor(rand() * 4)));
  };
  const orgs = (p: URLSearchParams) => `/api/directory/organizations?${p}`;
  const detail = (slug: string, p = new URLSearchParams()) => `/api/directory/organizations/${encodeURIComponent(slug)}${p.size ? `?${p}` : ''}`;
  const bad: Array<() => Pick<MixRequest, 'path' | 'expect'>> = [
    () => ({ path: orgs(new URLSearchParams({ page: '-1' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ page: '0', locale: 'fr' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ pageSize: '101' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ pageSize: 'abc' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ sort: 'price' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ province: 'ZZ' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ locale: 'de' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ colour: 'blue' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ q: 'a'.repeat(201) })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams([['locale', 'en'], ['locale', 'fr']])), expect: 400 }),
    () => ({ path: `/api/directory/facets?${new URLSearchParams({ page: '2' })}`, expect: 400 }),
    () => ({ path: detail(pick(input.slugs), new URLSearchParams({ page: '1' })), expect: 400 }),
    () => ({ path: detail(pick(input.slugs), new URLSearchParams({ locale: 'xx' })), expect: 400 }),
    () => ({ path: detail(`no-such-organization-${Math.floor(rand() * 1e6)}`), expect: 404 }),
    () => ({ path: detail(`aucun-organisme-${Math.floor(rand() * 1e6)}`, new URLSearchParams({ locale: 'fr' })), expect: 404 }),
  ];

  const make: Record<Kind, () => MixRequest> = {
    list: () => {
      const p = new URLSearchParams();
      filters(p, [0, 0, 1, 1, 1, 2, 3]);
      if (chance(0.7)) p.set('sort', pick(['name', '-name', '-lastVerified']));
      page(p);
      if (chance(0.5)) p.set('pageSize', String(pick([10, 20, 50, 100])));
      locale(p);
      return { kind: 'list', path: orgs(p), expect: 200 };
    },
    search: () => {
      const p = new URLSearchParams({ q: pick(terms) });
      filters(p, [0, 0, 0, 1]);
      if (chance(0.2)) p.set('sort', 'name');
      if (chance(0.15)) p.set('page', '2');
      locale(p);
      return { kind: 'search', path: orgs(p), expect: 200 };
    },
    facets: () => {
      const p = new URLSearchParams();
      filters(p, [0, 1, 1, 2]);
      if (chance(0.4)) p.set('q', pick(terms));
      locale(p);
      return { kind: 'facets', path: `/api/directory/facets?${p}`, expect: 200 };
    },
    detail: () => {
      const p = new URLSearchParams();
      locale(p);
      return { kind: 'detail', path: detail(pick(input.slugs), p), expect: 200 };
    },
    conditional: () => {
      const e = pick(input.etags);
      return { kind: 'conditional', path: e.path, headers: { 'If-None-Match': e.etag }, expect: 304 };
    },
    bad: () => ({ kind: 'bad', ...pick(bad)() }),
  };
  const kinds = (Object.keys(SHARES) as Kind[]).filter((k) => k !== 'conditional' || input.etags.length > 0);
  const total = kinds.reduce((n, k) => n + SHARES[k], 0);
  const mix: MixRequest[] = [];
  while (mix.length < size) {
    let r = rand() * total;
    const kind = kinds.find((k) => (r -= SHARES[k]) < 0) ?? 'list';
    mix.push(make[kind]());
  }
  return mix;
}

/** Slugs (every page, at most 2,000), words to search for, filter values and ETags, from the running server. */
async function mixInput(base: string): Promise<MixInput & { total: number }> {
  const slugs: string[] = [];
  const words = new Set<string>();
  const addWords = (orgs: ListedOrganization[]) => {
    for (const o of orgs) for (const w of `${o.name} ${o.description}`.split(/[^\p{L}'-]+/u)) if (w.length >= 5) words.add(w.toLowerCase());
  };
  let total = 0;
  for (let page = 1; page <= 20; page++) {
    const r = await get(`${base}/api/directory/organizations?${new URLSearchParams({ page: String(page), pageSize: '100', sort: 'name', locale: 'en' })}`);
    if (r.status !== 200 || !isListPage(r.body)) throw new Error(`list page ${page}: HTTP ${r.status}`);
    total = r.body.meta.total;
    slugs.push(...r.body.data.map((d) => d.slug));
    if (page <= 2) addWords(r.body.data);
    if (page >= r.body.meta.pageCount) break;
  }
  if (slugs.length === 0) throw new Error('the directory lists no organization: nothing to soak');
  for (const page of [1, 2]) {
    const r = await get(`${base}/api/directory/organizations?${new URLSearchParams({ page: String(page), pageSize: '100', locale: 'fr' })}`);
    if (r.status === 200 && isListPage(r.body)) addWords(r.body.data);
  }
  const facets = await get(`${base}/api/directory/facets?locale=en`);
  if (facets.status !== 200) throw new Error(`facets: HTTP ${facets.status}`);
  const filterValues = usableFilterValues(facets.body);
  // 60 words spread over the alphabet, not the 60 of the first names.
  const sorted = [...words].sort();
  const step = Math.max(1, sorted.length / 60);
  const chosen = Array.from({ length: Math.min(60, sorted.length) }, (_, i) => sorted[Math.floor(i * step)]!);

  // ETags for the conditional requests, from requests of the kinds the mix makes.
  const sample = buildMix({ slugs, words: chosen, filterValues, etags: [] }, 400).filter((m) => m.kind !== 'bad').slice(0, 100);
  const etags: MixInput['etags'] = [];
  for (const m of sample) {
    const r = await get(base + m.path);
    if (r.status === 200 && r.etag) etags.push({ path: m.path, etag: r.etag });
  }
  return { slugs, words: chosen, filterValues, etags, total };
}

// ---------------------------------------------------------------------------------------------
// What came back, by what was asked.

interface Tally {
  ok: number; notModified: number; intended4xx: number; serverErrors: number; wrong: number;
  /** Conditional requests answered 200: the catalog changed since their ETag was taken (correct, not an error). */
  conditionalRefreshed: number;
  byKind: Record<Kind, number>;
  wrongExamples: Map<string, number>;
}

function newTally(): Tally {
  return {
    ok: 0, notModified: 0, intended4xx: 0, serverErrors: 0, wrong: 0, conditionalRefreshed: 0,
    byKind: { list: 0, search: 0, facets: 0, detail: 0, conditional: 0, bad: 0 }, wrongExamples: new Map(),
  };
}

function count(t: Tally, m: MixRequest, status: number): void {
  t.byKind[m.kind]++;
  if (status >= 500) t.serverErrors++;
  else if (status === 304 && m.expect === 304) t.notModified++;
  else if (status >= 200 && status < 300 && m.expect === 200) t.ok++;
  else if (status === 200 && m.expect === 304) { t.ok++; t.conditionalRefreshed++; }
  else if (status >= 400 && status === m.expect) t.intended4xx++;
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
  } catch { /* not Linux, or the process is gone */ }
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(r.stdout?.trim());
  return r.status === 0 && kb > 0 ? kb * 1024 : null;
}

// ---------------------------------------------------------------------------------------------
// Output.

const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);
const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
const int = (v: number) => Math.round(v).toLocaleString('en-US');
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
  if (typeof parsed === 'string') {
    console.error(parsed);
    return parsed === USAGE ? 0 : 2;
  }
  const o = parsed;
  if (o.db && !fs.existsSync(o.db)) {
    console.error(`soak: no database at ${o.db}.\n${USAGE}`);
    return 2;
  }
  const loadBudgetMs = (o.warmupS + o.durationS + LOAD_GRACE_S) * 1000;
  hardStop((o.db ? 0 : SEED_TIMEOUT_MS) + BOOT_TIMEOUT_MS + SETUP_TIMEOUT_MS + loadBudgetMs, 'the soak did not end in time');

  ensureDist(o.build, log);
  const tmpDir = tempDir('rd-soak-');
  const t0 = Date.now();
  let db: string;
  if (o.db) {
    const copy = copyDatabase(o.db, tmpDir);
    if (copy.busy) log(`warning: ${o.db} looks like it is being written right now (journal present or modified in the last 10 s); the copy may be incomplete.`);
    log(`database ${o.db} (${copy.mb.toFixed(0)} MB), copied to ${copy.file}`);
    db = copy.file;
  } else {
    log('seeding a fresh database with the fixtures…');
    db = await seedFixtures(tmpDir, SEED_TIMEOUT_MS);
    log(`seeded ${db} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  log(`booting Strapi (NODE_ENV=production, STRAPI_LOG_LEVEL=${o.logLevel}) on 127.0.0.1…`);
  const t1 = Date.now();
  server = await startStrapi({ db, logDir: tmpDir, bootTimeoutMs: BOOT_TIMEOUT_MS, env: { STRAPI_LOG_LEVEL: o.logLevel } });
  const pid = server.child.proc.pid!;
  log(`ready at ${server.base} in ${((Date.now() - t1) / 1000).toFixed(1)} s (pid ${pid}, RSS ${mb(residentBytes(pid))} after boot)`);

  const input = await mixInput(server.base);
  const mix = buildMix(input, MIX_SIZE);
  log(`${int(input.total)} public organizations; a mix of ${int(mix.length)} requests over ${int(input.slugs.length)} slugs, `
    + `${input.filterValues.size} filters, ${FIXED_TERMS.length + input.words.length} search terms and ${input.etags.length} ETags`);

  const cpus = os.cpus().length;
  const busy = await busyCpuShare(3000);
  log(`${cpus} CPU(s), Node ${process.version}; CPU busy with other processes (3 s sample): `
    + `${busy === null ? 'unknown' : `${Math.round(busy * 100)} %`}; load average (1 min) ${os.loadavg()[0]!.toFixed(2)}`);

  // --- Load ----------------------------------------------------------------------------------
  const loadStop = hardStop(loadBudgetMs, 'the load did not end within warm-up + duration + 60 s');
  const url = server.base;
  const runMix = (durationS: number, tally: Tally): Promise<LoadResult> => runLoad({
    url, connections: o.connections, durationS, timeoutS: REQUEST_TIMEOUT_S,
    pathFor: (n) => mix[n % mix.length]!,
    onStatus: (n, status) => count(tally, mix[n % mix.length]!, status),
  });
  // Both runs start at the mix's beginning; the warm-up's tally is reported, not counted.
  if (o.warmupS > 0) {
    const warm = newTally();
    process.stdout.write(`soak: warm-up ${o.warmupS} s, ${o.connections} connections… `);
    const w = await runMix(o.warmupS, warm);
    console.log(`${int(w.reqPerSec)} req/s, p99 ${ms(w.p99)}, ${int(w.errors + warm.serverErrors + warm.wrong)} error(s) (not counted)`);
  }

  const tally = newTally();
  const startRss = residentBytes(pid);
  const startHeap = await heapAfterGc(server.child, 1);
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
  const endHeap = await heapAfterGc(server.child, 2);
  clearTimeout(loadStop);
  await server.child.stop();

  // --- Figures and verdicts --------------------------------------------------------------------
  const socketErrors = r.errors - r.timeouts;
  const errors = socketErrors + r.timeouts + tally.serverErrors + tally.wrong;
  const peakRss = samples.length ? Math.max(...samples.map((x) => x.bytes)) : null;
  const growth = startRss !== null && endRss !== null ? (endRss - startRss) / startRss : null;
  const heapGrowth = (endHeap - startHeap) / startHeap;
  const answered = Object.values(tally.byKind).reduce((a, b) => a + b, 0);
  const share = (k: Kind) => `${KIND_LABEL[k]} ${answered ? Math.round((tally.byKind[k] / answered) * 100) : 0} %`;
  console.log(`
Soak: ${o.durationS} s after a ${o.warmupS} s warm-up, ${o.connections} connections, 127.0.0.1, ${cpus} CPU(s), Node ${process.version}
${rows([
    ['database', `${o.db ? `a copy of ${o.db}` : 'the fixtures, freshly seeded'}, ${int(input.total)} public organizations`],
    ['requests', `${int(r.total)} (${int(r.reqPerSec)} req/s)`],
    ['latency', `p50 ${ms(r.p50)} · p99 ${ms(r.p99)} · max ${ms(r.max)}`],
    ['responses', `2xx ${int(tally.ok)} · 304 ${int(tally.notModified)} · 4xx intended ${int(tally.intended4xx)} · 5xx ${int(tally.serverErrors)}`],
    ['errors', `${int(errors)} (5xx ${int(tally.serverErrors)} · wrong status ${int(tally.wrong)} · socket ${int(socketErrors)} · timeouts ${int(r.timeouts)})`],
    ['RSS', `start ${mb(startRss)} · end ${mb(endRss)} · peak ${mb(peakRss)} · growth ${growth === null ? '—' : pct(growth)}`],
    ['heap', `after a full GC: start ${mb(startHeap)} · end ${mb(endHeap)} · growth ${pct(heapGrowth)}`],
    ['mix', (Object.keys(SHARES) as Kind[]).map(share).join(' · ')],
  ])}`);
  if (tally.conditionalRefreshed > 0) {
    console.log(`  note: ${int(tally.conditionalRefreshed)} conditional requests were answered 200: the catalog changed since their ETag was taken.`);
  }
  for (const [example, n] of tally.wrongExamples) console.log(`  wrong status: ${n} × ${example}`);
  for (const [kind, n] of Object.entries(r.errorKinds)) console.log(`  request error: ${n} × ${kind}`);

  const verdicts: Array<[string, boolean, string]> = [
    ['0 errors', errors <= TARGETS.errors, int(errors)],
    ['0 5xx', tally.serverErrors <= TARGETS.serverErrors, int(tally.serverErrors)],
    [`RSS growth < ${TARGETS.rssGrowth * 100} %`, growth !== null && growth < TARGETS.rssGrowth, growth === null ? 'not measured' : pct(growth)],
    [`heap after GC growth < ${TARGETS.heapGrowth * 100} %`, heapGrowth < TARGETS.heapGrowth, pct(heapGrowth)],
  ];
  console.log(`\nTargets\n${rows(verdicts.map(([name, ok, value]) => [name, `${ok ? 'met' : 'MISSED'} (${value})`]))}`);
  return verdicts.every(([, ok]) => ok) ? 0 : 1;
}

process.on('SIGINT', () => { console.error('\nsoak: interrupted; stopping the server.'); cleanupNow(); process.exit(130); });
process.on('SIGTERM', () => { cleanupNow(); process.exit(143); });
process.on('exit', () => cleanupNow());

main().then(
  async (code) => { await server?.child.stop(); cleanupNow(); process.exit(code); },
  async (error: unknown) => {
    console.error(`\nsoak: ${error instanceof Error ? error.message : String(error)}`);
    if (server) {
      const c = server.child;
      console.error(`soak: ${describeChild(c)}`);
      await Promise.race([c.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    cleanupNow();
    process.exit(1);
  },
);
