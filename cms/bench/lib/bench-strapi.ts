/**
 * The compiled Strapi app as the server a load script measures (bench, soak): cms/dist rebuilt
 * when older than its sources, a throwaway database (a copy of the given file, which is only
 * read, or a fresh one seeded with the fixtures), secrets and a loopback port of its own, and a
 * child process (lib/bench-server.ts) that is ready once it answers.
 */
import { spawnSync } from 'node:child_process';
import { freshSecrets } from '../../scripts/lib/secrets';
import fs from 'node:fs';
import path from 'node:path';
import { CMS_DIR } from '../../scripts/lib/boot';
import { freePort, spawnChild, waitForOk, type Child } from './bench-procs';
/** The server's Node flags, as `npm start` runs it (scripts/run-strapi.mjs). */
import nodeFlags from '../../scripts/lib/node-flags.json';

/** Sources (src/, config/) newer than their compiled file in cms/dist, relative to cms/. */
export function staleDistFiles(): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(path.join(CMS_DIR, dir), { withFileTypes: true })) {
      const rel = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (rel !== path.join('src', 'admin')) walk(rel);
        continue;
      }
      // Never compiled (tsconfig excludes **/*.test.*), so never "stale".
      if (/\.test\.|\.d\.ts$/.test(d.name) || !/\.(ts|json)$/.test(d.name)) continue;
      const out = path.join(CMS_DIR, 'dist', rel.replace(/\.ts$/, '.js'));
      const src = fs.statSync(path.join(CMS_DIR, rel)).mtimeMs;
      if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < src) stale.push(rel);
    }
  };
  walk('src');
  walk('config');
  return stale;
}

/** The server runs cms/dist: recompile it when a source is newer, unless told not to (`build` false). */
export function ensureDist(build: boolean, log: (line: string) => void): void {
  const stale = staleDistFiles();
  if (stale.length === 0) return;
  const list = `${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}`;
  if (!build) {
    log(`warning: cms/dist is older than ${list}; measuring the compiled app as it is (--no-build).`);
    return;
  }
  log(`cms/dist is older than ${list}: compiling (npx tsc -p tsconfig.json)…`);
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: CMS_DIR, stdio: 'inherit', timeout: 5 * 60 * 1000 });
  if (r.status !== 0) log('warning: compilation failed; measuring the existing cms/dist.');
}

export interface DatabaseCopy {
  file: string;
  mb: number;
  /** A journal is present or the file changed in the last 10 s: the copy may be incomplete. */
  busy: boolean;
}

/** Copies a SQLite database (with its -wal and -shm) into `dir`. The original is only read. */
export function copyDatabase(source: string, dir: string, name = 'server.db'): DatabaseCopy {
  const busy = ['-journal', '-wal'].some((x) => fs.existsSync(source + x)) || Date.now() - fs.statSync(source).mtimeMs < 10_000;
  const file = path.join(dir, name);
  fs.copyFileSync(source, file);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(source + suffix)) fs.copyFileSync(source + suffix, file + suffix);
  return { file, mb: fs.statSync(file).size / 1e6, busy };
}

/**
 * The environment of a server on SQLite file `db`, listening on 127.0.0.1:`port`: production
 * mode, fresh secrets (nothing read from cms/.env), errors-only log unless `extra` says otherwise.
 */
export function strapiEnv(db: string, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...freshSecrets(),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: db,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_STARTUP_BANNER: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...extra,
  };
}

/** A new SQLite database in `dir` holding the demo fixtures, written by scripts/seed.ts in a child process. */
export async function seedFixtures(dir: string, timeoutMs: number): Promise<string> {
  const file = path.join(dir, 'seeded.db');
  const seeder = spawnChild('seed', path.join(CMS_DIR, 'scripts', 'seed.ts'), {
    cwd: CMS_DIR,
    env: strapiEnv(file, 0, { STRAPI_LOG_LEVEL: 'warn' }),
    logDir: dir,
  });
  const exit = await Promise.race([
    new Promise<number | string>((resolve) => seeder.proc.once('exit', (code, signal) => resolve(signal ?? code ?? 1))),
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref()),
  ]);
  if (exit === 'timeout') await seeder.stop();
  if (exit !== 0) {
    const why = exit === 'timeout' ? `did not finish within ${Math.round(timeoutMs / 1000)} s` : `exited ${exit}`;
    throw new Error(`seeding the fixtures ${why}; last lines of ${seeder.logFile}:\n${seeder.tail(20)}`);
  }
  return file;
}

export interface StrapiServer {
  child: Child;
  /** http://127.0.0.1:<port> */
  base: string;
  /** A read-only API token, created on the throwaway database. */
  token: string;
}

export interface StartStrapiOptions {
  db: string;
  logDir: string;
  bootTimeoutMs: number;
  /** On top of strapiEnv's defaults, e.g. { STRAPI_LOG_LEVEL: 'http' }. */
  env?: NodeJS.ProcessEnv;
  /** The loopback port to listen on (default: a free one), for a caller that names it before the boot. */
  port?: number;
  /** Called as soon as the child exists, before it is ready: a caller that reports its log on failure needs it then. */
  onSpawn?: (child: Child) => void;
}

/** Boots the compiled app on `db` in a child process and waits until the directory answers. */
export async function startStrapi(o: StartStrapiOptions): Promise<StrapiServer> {
  const port = o.port ?? (await freePort());
  const child = spawnChild('strapi', path.join(CMS_DIR, 'bench', 'lib', 'bench-server.ts'), {
    cwd: CMS_DIR,
    env: strapiEnv(o.db, port, o.env),
    logDir: o.logDir,
    // BENCH_PROFILE_DIR=/some/dir: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
    nodeArgs: [
      '--expose-gc',
      ...nodeFlags,
      ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
    ],
  });
  o.onSpawn?.(child);
  const { accessKey: token } = await child.message<{ type: 'token'; accessKey: string }>('token', o.bootTimeoutMs);
  await child.message('listening', o.bootTimeoutMs);
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/api/directory/settings?locale=en`, 120_000, () => child.proc.exitCode === null);
  return { child, base, token };
}
