/**
 * Backup and restore of the directory's database, chosen exactly as the app chooses it
 * (config/database.ts): SQLite through its online backup API, which is safe while the server runs
 * and writes; PostgreSQL through pg_dump/pg_restore in the custom format.
 *
 * Nothing is reported as backed up before the copy has been read back and checked. A restore
 * checks the file first, then keeps a copy of the database it is about to replace, and only then
 * swaps it in (SQLite: one rename; PostgreSQL: one transaction): a missing, wrong or corrupt file
 * changes nothing, and a wrong restore can itself be undone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseEnv } from 'node:util';

export const CMS_DIR = path.resolve(__dirname, '..', '..');

export type DatabaseTarget = { client: 'sqlite'; filename: string } | { client: 'postgres'; url: string; ssl: boolean };

/** A refusal or failure the operator can act on; its message is the whole story, in one line. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** What a verified backup holds, for the one line the scripts print. */
export interface BackupReport {
  file: string;
  bytes: number;
  /** e.g. "integrity ok; 46 organizations, 3 suggestions, 2 applications" */
  summary: string;
}

export interface RestoreReport {
  /** The copy of the database as it was before the restore; null when it was missing or empty. */
  safetyCopy: BackupReport | null;
  restored: BackupReport;
  into: string;
}

// --- configuration ---------------------------------------------------------------------------

/** Reads cms/.env (or ENV_PATH) like Strapi does: variables already set win. */
export function loadDotEnv(file = process.env.ENV_PATH ?? path.join(CMS_DIR, '.env')): void {
  if (!fs.existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(file, 'utf8')))) {
    if (process.env[key] === undefined && value !== undefined) process.env[key] = value;
  }
}

export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if ((env.DATABASE_CLIENT ?? 'sqlite') === 'postgres') {
    const url = env.DATABASE_URL;
    if (!url) throw new BackupError('DATABASE_CLIENT is postgres but DATABASE_URL is not set');
    return { client: 'postgres', url, ssl: env.DATABASE_SSL === 'true' };
  }
  return { client: 'sqlite', filename: path.resolve(CMS_DIR, env.DATABASE_FILENAME ?? '.tmp/data.db') };
}

/** Where backups and pre-restore copies go: BACKUP_DIR (relative to cms/), default cms/backups. */
export function backupDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(CMS_DIR, env.BACKUP_DIR ?? 'backups');
}

const extension = (db: DatabaseTarget) => (db.client === 'sqlite' ? '.db' : '.dump');

/** `<dir>/<prefix>-<UTC timestamp>.db|.dump`, never an existing file. */
export function defaultBackupFile(db: DatabaseTarget, dir: string, prefix: string = db.client, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  for (let n = 0; ; n++) {
    const file = path.join(dir, `${prefix}-${stamp}${n ? `-${n}` : ''}${extension(db)}`);
    if (!fs.existsSync(file)) return file;
  }
}

// --- what a file is ----------------------------------------------------------------------------

type FileKind = 'sqlite' | 'postgres' | 'unknown';

function kindOf(file: string): FileKind {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return 'unknown';
}

function assertBackupFile(db: DatabaseTarget, file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BackupError(`${file} does not exist`);
  }
  if (!stat.isFile()) throw new BackupError(`${file} is not a file`);
  const kind = kindOf(file);
  const expected = db.client === 'sqlite' ? 'a SQLite backup (.db)' : 'a PostgreSQL custom-format dump (.dump)';
  if (kind === 'unknown') throw new BackupError(`${file} is not a backup: expected ${expected} for DATABASE_CLIENT=${db.client}`);
  if (kind !== db.client) {
    throw new BackupError(
      `${file} is a ${kind === 'sqlite' ? 'SQLite backup' : 'PostgreSQL dump'}, but DATABASE_CLIENT is ${db.client}: expected ${expected}`,
    );
  }
}

// --- SQLite ------------------------------------------------------------------------------------

/** The part of better-sqlite3 used here (the package ships no types). */
interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  pluck(): SqliteStatement;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  backup(destination: string): Promise<unknown>;
  close(): void;
}
type SqliteOpen = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => SqliteDatabase;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships no types; SqliteOpen types it
const Sqlite: SqliteOpen = require('better-sqlite3');

const SIDE_FILES = ['-wal', '-shm', '-journal'];
const COUNTED = ['organizations', 'suggestions', 'applications'] as const;

interface Inspection {
  tables: Set<string>;
  summary: string;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word.replace(/s$/, '') : word}`;

/** Opens a SQLite file read-only, runs a full integrity check and counts the main records. */
function inspectSqlite(file: string): Inspection {
  let db: SqliteDatabase | null = null;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    const problems = db.prepare('PRAGMA integrity_check').pluck().all().map(String);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(`${file} is corrupt: integrity check says "${problems.slice(0, 2).join('; ')}"`);
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all().map(String));
    const counts: string[] = [];
    for (const table of COUNTED) {
      if (!tables.has(table)) continue;
      // Documents, not rows: an organization has a row per locale and per draft/published version.
      counts.push(plural(Number(db.prepare(`SELECT count(DISTINCT document_id) FROM ${table}`).pluck().all()[0]), table));
    }
    return { tables, summary: `integrity ok; ${counts.length ? counts.join(', ') : 'no directory tables'}` };
  } catch (error: unknown) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is corrupt or not a SQLite database (${firstLine(error)})`);
  } finally {
    db?.close();
  }
}

async function backupSqlite(filename: string, out: string): Promise<BackupReport> {
  if (!fs.existsSync(filename)) throw new BackupError(`there is no SQLite database at ${filename} (check DATABASE_FILENAME)`);
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const source = new Sqlite(filename, { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      // Page by page, under SQLite's own locking: the running server keeps reading and writing.
      await source.backup(partial);
    } finally {
      source.close();
    }
    fs.chmodSync(partial, 0o600);
    const { summary } = inspectSqlite(partial);
    fs.renameSync(partial, out);
    return { file: out, bytes: fs.statSync(out).size, summary };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** A copy of the current SQLite database before it is replaced; a raw copy if it will not open. */
async function keepSqlite(filename: string, dir: string): Promise<BackupReport | null> {
  if (!fs.existsSync(filename) || fs.statSync(filename).size === 0) return null;
  const db: DatabaseTarget = { client: 'sqlite', filename };
  const out = defaultBackupFile(db, dir, 'before-restore');
  try {
    return await backupSqlite(filename, out);
  } catch (error: unknown) {
    // A damaged database is exactly when one restores: keep its bytes as they are.
    for (const suffix of ['', ...SIDE_FILES]) {
      if (fs.existsSync(`${filename}${suffix}`)) fs.copyFileSync(`${filename}${suffix}`, `${out}${suffix}`);
    }
    return { file: out, bytes: fs.statSync(out).size, summary: `raw copy, the database did not open cleanly (${firstLine(error)})` };
  }
}

async function restoreSqlite(filename: string, file: string, dir: string): Promise<RestoreReport> {
  if (path.resolve(file) === filename) throw new BackupError(`${file} is the database itself (DATABASE_FILENAME)`);
  const inspection = inspectSqlite(file);
  if (!inspection.tables.has('organizations'))
    throw new BackupError(`${file} is a SQLite database but holds no directory (no organizations table)`);
  const restored = { file, bytes: fs.statSync(file).size, summary: inspection.summary };

  fs.mkdirSync(path.dirname(filename), { recursive: true });
  const safetyCopy = await keepSqlite(filename, dir);

  // Copy beside the target, check the copy, then swap it in with one rename.
  const incoming = `${filename}.restoring`;
  try {
    fs.copyFileSync(file, incoming);
    inspectSqlite(incoming);
    // A journal or WAL left by the old database would be replayed into the new one.
    for (const suffix of SIDE_FILES) fs.rmSync(`${filename}${suffix}`, { force: true });
    fs.renameSync(incoming, filename);
  } finally {
    fs.rmSync(incoming, { force: true });
  }
  return { safetyCopy, restored, into: filename };
}

// --- PostgreSQL --------------------------------------------------------------------------------

interface PgTools {
  dump: string;
  restore: string;
  version: string;
}

function versionOf(binary: string): number[] | null {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /(\d+)(?:\.(\d+))?/.exec(r.stdout) : null;
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
}

const newer = (a: number[], b: number[]) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0);

/**
 * The newest pg_dump/pg_restore pair on PATH or in /usr/lib/postgresql/<version>/bin: pg_dump
 * refuses a server newer than itself, and a newer pg_dump reads any older server.
 */
export function findPgTools(): PgTools {
  const dirs = new Set((process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const versioned = '/usr/lib/postgresql';
  if (fs.existsSync(versioned)) for (const v of fs.readdirSync(versioned)) dirs.add(path.join(versioned, v, 'bin'));
  let best: (PgTools & { rank: number[] }) | null = null;
  for (const dir of dirs) {
    const dump = path.join(dir, 'pg_dump');
    const restore = path.join(dir, 'pg_restore');
    if (!fs.existsSync(dump) || !fs.existsSync(restore)) continue;
    const rank = versionOf(dump);
    if (rank && (!best || newer(rank, best.rank) > 0)) best = { dump, restore, version: rank.join('.'), rank };
  }
  if (!best) {
    throw new BackupError(
      "pg_dump and pg_restore were not found on PATH or in /usr/lib/postgresql/*/bin: install the PostgreSQL client tools (the server's major version or newer)",
    );
  }
  return { dump: best.dump, restore: best.restore, version: best.version };
}

/** The connection for libpq tools, with the password in the environment rather than on the command line. */
function libpq(db: { url: string; ssl: boolean }): { dbname: string; env: NodeJS.ProcessEnv } {
  let url: URL;
  try {
    url = new URL(db.url);
  } catch {
    throw new BackupError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  if (db.ssl && !env.PGSSLMODE) env.PGSSLMODE = 'require';
  return { dbname: url.toString(), env };
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(binary, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new BackupError(`${path.basename(binary)} could not run: ${r.error.message}`);
  if (r.status !== 0) {
    const lines = r.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const reason = lines.find((l) => /error|fatal/i.test(l)) ?? lines[0] ?? `exit code ${r.status}`;
    throw new BackupError(reason.replace(/^pg_(dump|restore): (error: )?/, ''));
  }
  return r.stdout;
}

/**
 * Reads a dump's table of contents, then every data block into the void: `--list` alone reads
 * only the contents, and would pass a dump cut short or damaged after its first few kilobytes.
 */
function inspectDump(tools: PgTools, file: string): Inspection {
  let toc: string;
  try {
    toc = run(tools.restore, ['--list', file]);
    run(tools.restore, ['--file', os.devNull, file]);
  } catch (error: unknown) {
    throw new BackupError(`${file} is corrupt or not a pg_dump custom-format file (${firstLine(error)})`);
  }
  // e.g. "3790; 0 16602 TABLE DATA public organizations postgres"
  const tables = new Set<string>();
  for (const m of toc.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+)/gm)) tables.add(m[2] ?? '');
  tables.delete('');
  const known = COUNTED.filter((t) => tables.has(t));
  return { tables, summary: `all data readable; ${plural(tables.size, 'tables')}${known.length ? ` including ${known.join(', ')}` : ''}` };
}

function dumpPostgres(db: { url: string; ssl: boolean }, out: string, tools: PgTools): BackupReport & Inspection {
  const { dbname, env } = libpq(db);
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    // One consistent snapshot of the running database (pg_dump's own transaction).
    run(tools.dump, ['--format=custom', '--file', partial, '--dbname', dbname], env);
    fs.chmodSync(partial, 0o600);
    const inspection = inspectDump(tools, partial);
    fs.renameSync(partial, out);
    return { file: out, bytes: fs.statSync(out).size, ...inspection };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

function restorePostgres(db: { url: string; ssl: boolean }, file: string, dir: string): RestoreReport {
  const tools = findPgTools();
  const inspection = inspectDump(tools, file);
  if (!inspection.tables.has('organizations'))
    throw new BackupError(`${file} is a PostgreSQL dump but holds no directory (no organizations table)`);
  const restored = { file, bytes: fs.statSync(file).size, summary: inspection.summary };

  let safetyCopy: BackupReport | null;
  try {
    const kept = dumpPostgres(db, defaultBackupFile({ client: 'postgres', ...db }, dir, 'before-restore'), tools);
    safetyCopy = { file: kept.file, bytes: kept.bytes, summary: kept.summary };
    if (kept.tables.size === 0) {
      // An empty database (e.g. just created for the restore): nothing to keep.
      fs.rmSync(kept.file, { force: true });
      safetyCopy = null;
    }
  } catch (error: unknown) {
    throw new BackupError(`could not keep a copy of the current database, so nothing was restored: ${firstLine(error)}`);
  }

  const { dbname, env } = libpq(db);
  try {
    // One transaction: if any statement fails, the database is left exactly as it was.
    run(tools.restore, ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', dbname, file], env);
  } catch (error: unknown) {
    throw new BackupError(`${file} could not be restored and the database was left unchanged: ${firstLine(error)}`);
  }
  return { safetyCopy, restored, into: dbname };
}

// --- the two operations ------------------------------------------------------------------------

/** Backs up the configured database to `out` (a new file) and checks the copy. */
export async function backupDatabase(db: DatabaseTarget, out: string): Promise<BackupReport> {
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists: choose another --out`);
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  if (db.client === 'sqlite') return backupSqlite(db.filename, out);
  const { file, bytes, summary } = dumpPostgres(db, out, findPgTools());
  return { file, bytes, summary };
}

/**
 * Replaces the configured database with the backup `file`, after checking it and keeping a copy of
 * the current database in `dir`. The server must be stopped.
 */
export async function restoreDatabase(db: DatabaseTarget, file: string, dir: string): Promise<RestoreReport> {
  const source = path.resolve(file);
  assertBackupFile(db, source);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return db.client === 'sqlite' ? restoreSqlite(db.filename, source, dir) : restorePostgres(db, source, dir);
}

/** Files an editor may have put in the Media Library; they live beside the database, not in it. */
export function uploadedFiles(dir = path.join(CMS_DIR, 'public', 'uploads')): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name !== '.gitkeep').length;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One line for any error: ours as written, others by their first line (never a stack). */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? 'unknown error'
  );
}
