/**
 * The backup drill (issue #9): back up a running server, wipe its database, restore, and the
 * internal and public directories come back identical, record for record, an editor's
 * unpublished draft and a public submission included. The scripts run as the operator runs them,
 * as child processes. SQLite by default; PostgreSQL when DATABASE_URL is set.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseEnv, freshSecrets, startServer, throwawayDatabase, type DatabaseTarget, type TestServer } from '../harness';
import { CMS_DIR } from '../../scripts/lib/boot';
import { isPublicFixture, json } from '../expect';
import { INTERNAL_ACTIONS, createApiToken } from '../tokens';
import { ORGANIZATION as ORG, SUGGESTION } from '../../src/content-types';

const BASE_DATABASE_URL = process.env.DATABASE_URL;
const LOCALES = ['en', 'fr'] as const;

// The same secrets on every boot, as in production: API tokens are stored as HMACs keyed by
// API_TOKEN_SALT, so the staff token made before the backup must still open the restored server.
const SECRETS = freshSecrets();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name>.ts as `npm run <name> -w cms` would, on `target`. */
function script(name: 'backup' | 'restore', args: string[], target: DatabaseTarget, backupDir: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    BACKUP_DIR: backupDir,
    // No developer's cms/.env leaks into the drill.
    ENV_PATH: path.join(backupDir, 'no.env'),
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_FILENAME;
  Object.assign(env, databaseEnv(target));
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${name}.ts`, ...args],
      { cwd: CMS_DIR, env },
      (_error, stdout, stderr) => {
        resolve({ code: child.exitCode, stdout, stderr });
      },
    );
  });
}

// --- reading the database directly (the server is stopped for most of the drill) -----------------

// The parts of pg and better-sqlite3 used here (neither package ships types).
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when used, and typed here
const { Client }: { Client: new (options: { connectionString: string | undefined }) => PgClient } = require('pg');
type SqliteDb = { prepare(sql: string): { all(): Record<string, unknown>[] }; exec(sql: string): void; close(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when used, and typed here
const Sqlite: new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteDb = require('better-sqlite3');

async function rows(target: DatabaseTarget, sql: string): Promise<Record<string, unknown>[]> {
  if (target.client === 'sqlite') {
    const db = new Sqlite(target.filename, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tableCount(target: DatabaseTarget): Promise<number> {
  if (target.client === 'sqlite' && !fs.existsSync(target.filename)) return 0;
  const sql =
    target.client === 'sqlite'
      ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'"
      : "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'";
  return Number((await rows(target, sql))[0]?.n);
}

/** Every organization and suggestion row, as stored: what a restore must bring back exactly. */
async function contents(target: DatabaseTarget): Promise<unknown> {
  return {
    organizations: await rows(target, 'SELECT * FROM organizations ORDER BY id'),
    suggestions: await rows(target, 'SELECT * FROM suggestions ORDER BY id'),
  };
}

/** Drop and recreate the database (PostgreSQL), or delete the file and its companions (SQLite). */
async function wipe(target: DatabaseTarget): Promise<void> {
  if (target.client === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target.filename}${suffix}`, { force: true });
    return;
  }
  const name = new URL(target.url).pathname.slice(1);
  const admin = new Client({ connectionString: BASE_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

// --- what a user and a member of staff can see -----------------------------------------------------

async function snapshot(server: TestServer, token: string) {
  const read = async <T>(p: string, init?: RequestInit): Promise<T> => {
    const res = await server.get(p, init);
    assert.equal(res.status, 200, p);
    return json<T>(res);
  };
  const all = async (p: string, init?: RequestInit): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page++) {
      const body = await read<{ data: unknown[]; meta: { pageCount: number } }>(
        `${p}${p.includes('?') ? '&' : '?'}pageSize=100&page=${page}`,
        init,
      );
      out.push(...body.data);
      pageCount = body.meta.pageCount;
    }
    return out;
  };
  const staff = { headers: { Authorization: `Bearer ${token}` } };
  const snap: Record<string, unknown> = {};
  for (const locale of LOCALES) {
    const list = await all(`/api/directory/organizations?locale=${locale}`);
    const details: Record<string, unknown> = {};
    for (const o of list) {
      const slug = String((o as { slug: unknown }).slug);
      details[slug] = await read(`/api/directory/organizations/${slug}?locale=${locale}`);
    }
    snap[locale] = {
      internal: await all(`/api/internal/organizations?locale=${locale}`, staff),
      public: list,
      details,
      facets: await read(`/api/directory/facets?locale=${locale}`),
      settings: await read(`/api/directory/settings?locale=${locale}`),
    };
  }
  snap.protocols = await all('/api/internal/protocols', staff);
  // Read from the database: every draft version (work in progress) and every submission.
  snap.drafts = await server.strapi.db.query(ORG).findMany({ where: { publishedAt: null }, orderBy: [{ id: 'asc' }] });
  // A suggestion links to every row of its organization (draft and published); which row a
  // populate returns first is up to the database's physical order, which a PostgreSQL restore
  // may change. So the link is compared by what identifies it: the document.
  snap.suggestions = await server.strapi.db
    .query(SUGGESTION)
    .findMany({ orderBy: [{ id: 'asc' }], populate: { organization: { select: ['documentId', 'slug'] } } });
  return snap;
}

const internalOf = (snap: Record<string, unknown>, locale: 'en' | 'fr') =>
  (snap[locale] as { internal: { slug: string; description: string; published: boolean }[] }).internal;

/**
 * A sound dump whose restore fails halfway: a copy of `target` with every description changed,
 * whose last statement grants a table to a role that no longer exists (as when a production dump
 * meets a staging cluster). By then the tables have been dropped and reloaded with the changed
 * rows, so only the single transaction stands between the operator and a half-restored database.
 */
async function dumpThatFailsToRestore(target: DatabaseTarget, dir: string): Promise<string> {
  assert.ok(target.client === 'postgres' && BASE_DATABASE_URL);
  const suffix = randomBytes(4).toString('hex');
  const role = `rd_gone_${suffix}`;
  const source = new URL(target.url);
  source.pathname = `/rd_source_${suffix}`;
  const admin = async (sql: string) => rows({ client: 'postgres', url: BASE_DATABASE_URL ?? '' }, sql);
  await admin(`CREATE ROLE ${role}`);
  await admin(`CREATE DATABASE ${source.pathname.slice(1)} TEMPLATE ${new URL(target.url).pathname.slice(1)}`);
  const file = path.join(dir, 'grants-to-a-gone-role.dump');
  try {
    const src: DatabaseTarget = { client: 'postgres', url: source.toString() };
    await rows(src, `UPDATE organizations SET description = 'from another cluster'; GRANT SELECT ON organizations TO ${role}`);
    const run = await script('backup', ['--out', file], src, dir);
    assert.equal(run.code, 0, run.stderr);
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${source.pathname.slice(1)} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${role}`);
  }
  return file;
}

describe('the backup drill: back up while running, wipe, restore', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-backup-'));
  const backups = path.join(tmp, 'backups');
  const draft = `Drill ${randomBytes(4).toString('hex')}: an editor's change, saved and not yet published.`;
  let target: DatabaseTarget;
  /** A file in the test's folder, named as a backup of this database is. */
  const backupFile = (name: string) => path.join(tmp, `${name}${target.client === 'sqlite' ? '.db' : '.dump'}`);
  let early: string;
  let full: string;
  let drop: () => Promise<void>;
  let server: TestServer | null = null;
  let staff: string;
  let slug: string;
  let reference: string;
  let expected: Record<string, unknown>;

  const boot = async (seed: boolean) => {
    server = await startServer({ database: target, seed, env: SECRETS });
    return server;
  };
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  const running = (): TestServer => {
    assert.ok(server, 'the server is running');
    return server;
  };

  before(async () => {
    ({ target, drop } = await throwawayDatabase(tmp));
    early = backupFile('early');
    full = backupFile('full');
    const s = await boot(true);
    staff = await createApiToken(s.strapi, 'drill staff tools', 'custom', INTERNAL_ACTIONS);
    slug = s.fixtures.organizations.find(isPublicFixture)!.slug;
  });
  after(async () => {
    await stop();
    await drop?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a backup taken while the server runs, reads and writes is checked and reported in one line', async () => {
    // Online: submissions keep being written while the early backup copies the database.
    const backingUp = script('backup', ['--out', early], target, backups);
    let finished = false;
    void backingUp.finally(() => {
      finished = true;
    });
    let written = 0;
    while (!finished && written < 200) {
      const res = await running().post('/api/directory/suggestions', {
        locale: 'en',
        organization: slug,
        message: `Written during the backup (${written}).`,
      });
      assert.equal(res.status, 202);
      await res.body?.cancel();
      written++;
    }
    const earlyRun = await backingUp;
    assert.equal(earlyRun.code, 0, earlyRun.stderr);
    assert.ok(written > 0, 'the server took submissions while the backup ran');

    // An editor's work in progress (a draft, not published) and a public submission.
    const docs = running().strapi.documents(ORG);
    const doc = await docs.findFirst({ locale: 'en', status: 'draft', filters: { slug } });
    assert.ok(doc);
    await docs.update({ documentId: doc.documentId, locale: 'en', data: { description: draft } });
    const res = await running().post('/api/directory/suggestions', {
      locale: 'en',
      organization: slug,
      message: 'The hotline hours changed.',
      field: 'hours',
    });
    assert.equal(res.status, 202);
    reference = (await json<{ data: { reference: string } }>(res)).data.reference;

    expected = await snapshot(running(), staff);
    assert.equal(internalOf(expected, 'en').find((o) => o.slug === slug)?.description, draft, 'staff see the latest draft');
    const { public: list, details } = expected.en as { public: unknown[]; details: Record<string, unknown> };
    assert.ok(list.length > 0 && slug in details);
    assert.ok(!JSON.stringify([list, details]).includes(draft), 'the public still sees the published version');

    // Only reads this time, so that what the backup holds is exactly the snapshot above.
    const reads = async () => {
      for (let i = 0; i < 20; i++) assert.equal((await running().get('/api/directory/organizations?pageSize=100')).status, 200);
    };
    const [run] = await Promise.all([script('backup', ['--out', full], target, backups), reads()]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1, run.stdout);
    assert.match(
      lines[0]!,
      new RegExp(`^backup: ${full.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d.]+ [KM]?B; (integrity ok|all data readable)`),
    );
    assert.match(lines[0]!, /organizations/);
    assert.equal(fs.statSync(full).mode & 0o077, 0, 'a backup is readable by its owner only');
  });

  test('wiped, then restored from that backup, the internal and public directories are identical record for record', async () => {
    await stop();
    await wipe(target);
    assert.equal(await tableCount(target), 0, 'the wipe left no table behind');

    const run = await script('restore', [full], target, backups);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /nothing to keep/);

    const s = await boot(false);
    const restored = await snapshot(s, staff);
    // Nothing is stripped: a restore brings back the same rows, ids, document ids and timestamps.
    assert.deepEqual(restored, expected);
    assert.equal(internalOf(restored, 'en').length, s.fixtures.organizations.length);
    assert.equal(internalOf(restored, 'en').find((o) => o.slug === slug)?.description, draft);
    assert.ok((restored.suggestions as { reference: string }[]).some((x) => x.reference === reference));
  });

  test('an older backup brings back the older state, and the copy a restore keeps undoes it', async () => {
    await stop();
    const marker = async () =>
      Number((await rows(target, `SELECT count(*) AS n FROM organizations WHERE description = '${draft.replace(/'/g, "''")}'`))[0]?.n);
    const suggested = async () =>
      Number((await rows(target, `SELECT count(*) AS n FROM suggestions WHERE reference = '${reference}'`))[0]?.n);
    const latest = await contents(target);
    assert.equal(await marker(), 1);

    const run = await script('restore', [early], target, backups);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await marker(), 0, 'the draft was made after the early backup');
    assert.equal(await suggested(), 0, 'so was the suggestion');
    assert.notDeepEqual(await contents(target), latest);

    const kept = /kept in (\S+)/.exec(run.stdout)?.[1];
    assert.ok(kept && fs.existsSync(kept), run.stdout);
    assert.equal(path.dirname(kept), backups);
    const undo = await script('restore', [kept], target, backups);
    assert.equal(undo.code, 0, undo.stderr);
    assert.deepEqual(await contents(target), latest);
  });

  test('a missing, foreign, wrong-kind or corrupt file is refused in one line, and the database is untouched', async () => {
    assert.equal(server, null, 'the server is stopped');
    const state = await contents(target);
    const text = path.join(tmp, 'notes.txt');
    fs.writeFileSync(text, 'not a backup\n');
    const wrongKind = path.join(tmp, target.client === 'sqlite' ? 'other.dump' : 'other.db');
    if (target.client === 'sqlite') fs.writeFileSync(wrongKind, Buffer.concat([Buffer.from('PGDMP'), randomBytes(2048)]));
    else {
      const db = new Sqlite(wrongKind, { readonly: false, fileMustExist: false });
      db.exec('CREATE TABLE organizations (id INTEGER PRIMARY KEY)');
      db.close();
    }
    const corrupt = backupFile('corrupt');
    const bytes = fs.readFileSync(full);
    if (target.client === 'sqlite') {
      // Keep the header (so it is recognized as SQLite), overwrite every page after the first.
      fs.writeFileSync(corrupt, Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0xa5)]));
    } else {
      // A dump cut short, as by a full disk: its table of contents reads, its data does not.
      fs.writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
    }

    const cases: [string, string, RegExp][] = [
      ['missing', backupFile('missing'), /does not exist/],
      ['text', text, /is not a backup/],
      ['wrong kind', wrongKind, new RegExp(`but DATABASE_CLIENT is ${target.client}`)],
      ['corrupt', corrupt, /is corrupt/],
    ];
    if (target.client === 'postgres')
      cases.push([
        'failing midway',
        await dumpThatFailsToRestore(target, tmp),
        /could not be restored and the database was left unchanged/,
      ]);
    for (const [label, file, reason] of cases) {
      const run = await script('restore', [file], target, backups);
      assert.equal(run.code, 1, `${label}: ${run.stdout}${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `${label}: ${run.stderr}`);
      assert.match(lines[0]!, /^restore: /, label);
      assert.ok(lines[0]!.includes(file), `${label} names the file: ${lines[0]}`);
      assert.match(lines[0]!, reason, label);
      assert.doesNotMatch(run.stderr, /\n\s+at /, `${label}: no stack trace`);
      assert.deepEqual(await contents(target), state, `${label}: the database is untouched`);
    }
  });
});
