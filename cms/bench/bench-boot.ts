/**
 * npm run bench:boot -w cms -- --db FILE[,FILE…] [--no-build]
 *
 * Boot-to-ready of the compiled app in production mode on a throwaway copy of each seeded SQLite
 * database, twice: first with no catalogs' snapshot (every row read and made into entries, as the
 * first boot on a database does; the snapshot is then written in the background), then from the
 * snapshot that boot wrote (src/catalog/snapshot.ts). Per boot: the time until the directory
 * answers, the catalogs' log line (what the load took, part by part), the heap in use after a full
 * collection once the boot's work has settled, and the snapshot's size. Target: ready ≤ 30 s at
 * 100,000 organizations. To make the databases: DATABASE_FILENAME=/tmp/bench-100000.db npm run seed -w cms -- --synthetic 100000
 * Figures, not a test: it exits 1 only when something could not run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeChild, tempDir, type Child } from './lib/bench-procs';
import { copyDatabase, ensureDist, startStrapi } from './lib/bench-strapi';
import { fromUserDir, int, readOptions, runCommand, table, usageExit } from './lib/bench-cli';

const BOOT_TIMEOUT_MS = 15 * 60 * 1000; // a full load of 100,000 organizations
const TARGET_S = 30;

const USAGE = `usage: npm run bench:boot -w cms -- --db FILE[,FILE…] [--no-build]
  --db FILES   seeded SQLite databases, one after the other (each copied; the files are only read)
  --no-build   use cms/dist as it is`;

const children: Child[] = [];

interface Boot {
  readyS: number;
  heapMb: number;
  line: string;
}

async function boot(file: string, logDir: string): Promise<Boot> {
  const started = performance.now();
  const server = await startStrapi({
    db: file,
    logDir,
    bootTimeoutMs: BOOT_TIMEOUT_MS,
    env: { STRAPI_LOG_LEVEL: 'info' },
    onSpawn: (child) => children.push(child),
  });
  const readyS = (performance.now() - started) / 1000;
  // The boot's background work done (the HSDS registry, the snapshot written): the heap then is the steady one.
  server.child.proc.send({ type: 'settled', id: 0 });
  await server.child.message('settled-0', BOOT_TIMEOUT_MS);
  server.child.proc.send({ type: 'heap', id: 1 });
  const { heapUsed } = await server.child.message<{ type: string; heapUsed: number }>('heap-1', 120_000);
  const lines = fs.readFileSync(server.child.logFile, 'utf8').split('\n');
  const line = lines.filter((l) => l.includes('directory: catalogs loaded')).pop() ?? '';
  await server.child.stop();
  children.splice(children.indexOf(server.child), 1);
  return { readyS, heapMb: heapUsed / 1e6, line: /records: (.*?)"/.exec(line)?.[1] ?? line };
}

async function main(): Promise<number> {
  let dbs: string[] = [];
  let build = true;
  const problem = readOptions(process.argv.slice(2), USAGE, (option, value) => {
    if (option === '--db') dbs = value.text().split(',').map(fromUserDir);
    else if (option === '--no-build') build = false;
    else return false;
    return true;
  });
  if (problem !== null) return usageExit(problem, USAGE);
  if (dbs.length === 0) return usageExit('--db is required', USAGE);
  ensureDist(build, (line) => console.log(`bench:boot: ${line}`));
  console.log(`bench:boot: ${os.cpus().length} CPUs; logs in ${path.join(os.tmpdir(), 'rd-boot-*')}`);
  const rows: string[][] = [];
  for (const db of dbs) {
    const dir = tempDir('rd-boot-');
    const copy = copyDatabase(db, dir);
    const snapshot = `${copy.file}.catalog`;
    console.log(`\n${db} (${copy.mb.toFixed(0)} MB)`);
    for (const from of ['the rows', 'the snapshot']) {
      const b = await boot(copy.file, dir);
      const size = fs.existsSync(snapshot) ? `${int(fs.statSync(snapshot).size / 1e6)} MB` : '—';
      console.log(`  from ${from}: ready in ${b.readyS.toFixed(1)} s; ${b.line}`);
      rows.push([path.basename(db), from, b.readyS.toFixed(1), int(b.heapMb), size]);
    }
  }
  console.log(
    `\n${table(['database', 'catalogs from', 'ready (s)', 'heap after GC (MB)', 'snapshot'], rows, [false, false, true, true, true])}`,
  );
  console.log(`target: ready ≤ ${TARGET_S} s at 100,000 organizations`);
  return 0;
}

runCommand({
  name: 'bench:boot',
  main,
  stop: async () => {
    await Promise.all(children.map((c) => c.stop()));
  },
  describe: () => children.map((c) => describeChild(c)),
});
