/**
 * Integration test harness: boots the real, compiled Strapi in this process on a throwaway
 * database (a temporary SQLite file, or a fresh PostgreSQL database when DATABASE_URL is set),
 * on a free loopback port, seeds it, and gives tests its base URL. Tests talk HTTP to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from '../scripts/lib/boot';
import { freePort } from '../scripts/lib/ports';
import { freshSecrets } from '../scripts/lib/secrets';
import { throwawayPostgresDatabase } from '../scripts/lib/postgres-database';
import { readFixtures, type Fixtures } from '../src/operations/fixtures';
import { seed, type SeedReport } from '../src/operations/seed';
import { closeStrapi } from '../src/startup/close';

// The tests that boot twice with the same secrets take them from here, beside startServer.
export { freshSecrets };

export interface TestServer {
  strapi: Core.Strapi;
  url: string;
  fixtures: Fixtures;
  seedReport: SeedReport | null;
  /** A fresh GET/POST helper bound to the server. */
  get(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  post(pathname: string, body: unknown, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

// Read once: startServer() overwrites process.env for the Strapi it boots, and a file may boot several.
const BASE_DATABASE_URL = process.env.DATABASE_URL;
const BASE_DATABASE_CLIENT = process.env.DATABASE_CLIENT;

/** An existing database to boot on (kept on stop), instead of a throwaway one. */
export type DatabaseTarget = { client: 'sqlite'; filename: string } | { client: 'postgres'; url: string };

/**
 * A fresh, empty database of the kind this run tests: a PostgreSQL database on the cluster named by
 * DATABASE_URL, or else a SQLite file in `dir`. `drop` removes it.
 */
export async function throwawayDatabase(dir: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (BASE_DATABASE_URL && (BASE_DATABASE_CLIENT ?? 'postgres') === 'postgres') {
    const db = await throwawayPostgresDatabase(BASE_DATABASE_URL, 'rd_test');
    return { target: { client: 'postgres', url: db.url }, drop: db.drop };
  }
  const filename = path.join(dir, 'test.db');
  return {
    target: { client: 'sqlite', filename },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${filename}${suffix}`, { force: true });
    },
  };
}

/** The environment variables that point the app (or a script) at a database. */
export const databaseEnv = (target: DatabaseTarget): Record<string, string> =>
  target.client === 'postgres'
    ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: target.url }
    : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: target.filename };

export interface StartOptions {
  seed?: boolean;
  fixtures?: Fixtures;
  env?: Record<string, string>;
  /** Boot on this existing database and leave it in place on stop (default: a throwaway one). */
  database?: DatabaseTarget;
  /** Serve the built admin panel too (browser tests of the admin). */
  admin?: boolean;
}

/** The environment of a test server on `port`: loopback, fresh secrets, quick refresh, quiet logs. */
export function serverEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...freshSecrets(),
    DIRECTORY_REFRESH_INTERVAL_MS: '500',
    DIRECTORY_FORM_RATE_LIMIT: '1000',
    STRAPI_LOG_LEVEL: 'error',
    ...extra,
  };
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-cms-'));
  let dropDatabase: (() => Promise<void>) | null = null;
  // The catalogs' snapshot (src/catalog/snapshot.ts) goes with the test's files unless the test names one.
  const env = serverEnv(port, { DIRECTORY_SNAPSHOT_FILE: path.join(tmp, 'catalog.snapshot'), ...options.env });
  let target = options.database;
  if (!target) {
    const db = await throwawayDatabase(tmp);
    target = db.target;
    dropDatabase = db.drop;
  }
  Object.assign(process.env, env, databaseEnv(target));

  const strapi = await bootStrapi({ listen: true, admin: options.admin === true });
  const fixtures = options.fixtures ?? readFixtures();
  let seedReport: SeedReport | null = null;
  if (options.seed !== false) {
    seedReport = await seed(strapi, fixtures);
    await strapi.service('api::directory.projection').reload();
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    strapi,
    url,
    fixtures,
    seedReport,
    get: (p, init) => fetch(`${url}${p}`, init),
    post: (p, body, init) =>
      fetch(`${url}${p}`, {
        method: 'POST',
        ...init,
        headers: { 'Content-Type': 'application/json', ...(init?.headers as Record<string, string> | undefined) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async stop() {
      await closeStrapi(strapi);
      if (dropDatabase) await dropDatabase();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
