import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

import path from 'path';
import { assertSqlitePath } from '../src/startup/check-database';

/** Knex's own warnings (e.g. a pooled connection the database dropped) go to Strapi's logger, one line each. */
const log = (level: 'warn' | 'error' | 'debug') => (message: unknown) => {
  const logger = (globalThis as { strapi?: { log: Record<typeof level, (m: string) => void> } }).strapi?.log;
  if (logger) logger[level](`database: ${String(message)}`);
  else console[level](`database: ${String(message)}`);
};
const knexLog = { warn: log('warn'), error: log('error'), deprecate: log('warn'), debug: log('debug') };

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
  assertSqlitePath(filename);
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      log: knexLog,
    },
  };
};
