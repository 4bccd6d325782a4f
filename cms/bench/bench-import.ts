/**
 * npm run bench:import -w cms [-- --rows N] [-- --keep DIR]
 * Measures `npm run import -- FILE --apply` on a spreadsheet of N generated organizations
 * (default 10,000) against a fresh database seeded with the fixtures: wall time, rows per second
 * and the peak memory (maximum resident set) of the import process. Prints figures; asserts nothing.
 * The database is a throwaway SQLite file, or a fresh database on the PostgreSQL cluster named by
 * DATABASE_URL when it is set.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CMS_DIR } from '../scripts/lib/boot';
import { cleanupNow, tempDir } from './lib/bench-procs';
import { strapiEnv } from './lib/bench-strapi';
import { readFixtures } from '../src/operations/fixtures';
import { generateOrganizations } from '../scripts/lib/generate';
import { writeCsv } from '../src/hsds/csv';
import { templateColumns, templateRow } from '../src/hsds/template';
import type { ImportRecord } from '../src/hsds/record';
import { runScript } from '../scripts/lib/startup-error';
import { throwawayPostgresDatabase } from '../scripts/lib/postgres-database';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

/** N template rows, as a hotline spreadsheet would hold them (no slug: derived from the name). */
export function generatedCsv(rows: number): string {
  const fixtures = readFixtures();
  const columns = templateColumns();
  const records = generateOrganizations(rows, fixtures.taxonomies).map(
    (o): ImportRecord => ({
      externalId: `sheet-${o.externalId}`,
      slug: null,
      kind: o.kind,
      role: o.role,
      en: o.en,
      fr: o.fr,
      focusAreas: o.focusAreas,
      services: o.services,
      populations: o.populations,
      languages: o.languages,
      timeframes: o.timeframes,
      needs: o.needs,
      indirectOfferings: o.indirectOfferings,
      ageMin: o.ageMin,
      ageMax: o.ageMax,
      national: o.national,
      serviceAreas: o.serviceAreas.map((a) => ({ ...a, regionsFr: a.regionsFr ?? [...a.regions] })),
      locations: o.locations,
      phones: o.phones,
      email: o.email,
      website: o.website,
      open24x7: o.open24x7,
      openingHours: o.openingHours,
      lastVerified: o.state.lastVerifiedAt,
      lastModified: null,
    }),
  );
  return writeCsv(
    columns,
    records.map((r) => templateRow(r, columns)),
  );
}

async function database(dir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') }, drop: async () => {} };
  const db = await throwawayPostgresDatabase(base, 'rd_bench_import');
  return { env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url }, drop: db.drop };
}

/** Runs a cms script in a child under /usr/bin/time; returns its output, wall seconds and peak RSS in MB. */
function timed(
  args: string[],
  env: NodeJS.ProcessEnv,
): { status: number | null; out: string; seconds: number; peakMb: number | null; cpuSeconds: number | null } {
  const started = process.hrtime.bigint();
  const hasTime = fs.existsSync('/usr/bin/time');
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', 'PEAK_RSS_KB=%M CPU_S=%U %S', process.execPath, '--import', 'tsx', ...args] : ['--import', 'tsx', ...args];
  const res = spawnSync(cmd, argv, { cwd: CMS_DIR, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /PEAK_RSS_KB=(\d+) CPU_S=([\d.]+) ([\d.]+)/.exec(res.stderr ?? '');
  return {
    status: res.status,
    out: `${res.stdout ?? ''}${res.stderr ?? ''}`,
    seconds,
    peakMb: m ? Number(m[1]) / 1024 : null,
    cpuSeconds: m ? Number(m[2]) + Number(m[3]) : null,
  };
}

async function main(): Promise<number> {
  const rows = Number(option('--rows', '10000'));
  const dir = tempDir('rd-bench-import-');
  const db = await database(dir);
  try {
    const env = { ...strapiEnv(path.join(dir, 'bench.db'), 0), ...db.env };
    const seeded = timed(['scripts/seed.ts'], env);
    if (seeded.status !== 0) {
      console.error(`bench:import: seeding failed:\n${seeded.out.slice(-2000)}`);
      return 1;
    }
    const file = path.join(dir, `import-${rows}.csv`);
    fs.writeFileSync(file, generatedCsv(rows));
    console.log(`bench:import: ${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB of CSV, ${db.env.DATABASE_CLIENT}`);
    const run = timed(['scripts/import.ts', file, '--apply'], env);
    const tail = run.out
      .split('\n')
      .filter((l) => !/^import: (create|update) /.test(l) && !/^PEAK_RSS_KB/.test(l))
      .slice(-8)
      .join('\n');
    // On a shared machine wall time depends on the load; CPU time says what the import itself cost.
    console.log(tail);
    if (run.status !== 0) {
      console.error(`bench:import: the import exited with ${run.status}`);
      return 1;
    }
    console.log(
      `bench:import: ${rows} rows --apply in ${run.seconds.toFixed(1)} s including start-up ` +
        `(${(rows / run.seconds).toFixed(0)} rows/s), ${run.cpuSeconds === null ? '' : `${run.cpuSeconds.toFixed(0)} s of CPU, `}` +
        `peak memory ${run.peakMb === null ? 'unknown' : `${run.peakMb.toFixed(0)} MB`}`,
    );
    return 0;
  } finally {
    await db.drop();
    cleanupNow();
  }
}

if (require.main === module) runScript('bench:import', main);
