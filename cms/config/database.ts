import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

import path from 'path';
import { sqlitePathProblem, sqliteSynchronousProblem, stopIf } from '../src/startup/check-database';

/** Knex's own warnings (e.g. a pooled connection the database dropped) go to Strapi's logger, one line each. */
const log = (level: 'warn' | 'error' | 'debug') => (message: unknown) => {
  const logger = (globalThis as { strapi?: { log: Record<typeof level, (m: string) => void> } }).strapi?.log;
  if (logger) logger[level](`database: ${String(message)}`);
  else console[level](`database: ${String(message)}`);
};
const knexLog = { warn: log('warn'), error: log('error'), deprecate: log('warn'), debug: log('debug') };

interface SqliteConnection {
  pragma(statement: string): unknown;
}
/**
 * Each new SQLite connection: WAL, so that a commit appends to one log instead of writing a
 * rollback journal and syncing it, the file and its folder. better-sqlite3 runs on the event loop,
 * so every sync holds every request back: a transaction of 20 updates took 0.77 ms with the
 * rollback journal, 0.22 ms in WAL with FULL, 0.06 ms in WAL with NORMAL (median of 60, on a copy
 * of the 10,000-organization database; a disk whose sync takes milliseconds widens the gap).
 * Readers in other processes (a backup, a script) no longer wait for a writer either.
 */
const sqliteSettings =
  (sync: string) =>
  (conn: SqliteConnection, done: (error: Error | null, conn: SqliteConnection) => void): void => {
    try {
      conn.pragma('journal_mode = WAL');
      conn.pragma(`synchronous = ${sync}`);
      done(null, conn);
    } catch (error: unknown) {
      done(error instanceof Error ? error : new Error(String(error)), conn);
    }
  };

// SQLite by default (a file under .tmp/); PostgreSQL with DATABASE_CLIENT=postgres + DATABASE_URL.
export default ({ env }: { env: Env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 10000),
        log: knexLog,
      },
    };
  }
  const filename = path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db'));
  stopIf(sqlitePathProblem(filename));
  const synchronous = env('SQLITE_SYNCHRONOUS', 'NORMAL');
  stopIf(sqliteSynchronousProblem(synchronous));
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      pool: { afterCreate: sqliteSettings(synchronous) },
      log: knexLog,
    },
  };
};
