/**
 * What the app's SQLite worker threads share (the full load's reader, sqlite-reader.ts; the WAL
 * checkpoints, startup/sqlite-checkpoints.ts): the database file they open a connection of their
 * own to, and how such a thread is started and its failure told.
 */
import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The database file of a SQLite connection, or null (PostgreSQL, in memory). */
export function sqliteFile(strapi: Core.Strapi): string | null {
  if (strapi.db.dialect.client !== 'sqlite') return null;
  // Cast kept: Strapi types its connection settings per client loosely.
  const filename = (strapi.db.config.connection as { connection?: { filename?: unknown } }).connection?.filename;
  return typeof filename === 'string' && filename !== ':memory:' && fs.existsSync(filename) ? filename : null;
}

export interface SqliteThread {
  readonly worker: Worker;
  /** Whether it failed (onFailure was told). */
  readonly failed: boolean;
  /** Its end from now on is asked for, not a failure; false when it had failed or was ending already. */
  ending(): boolean;
}

/**
 * Starts `script` (plain JavaScript, no build step nor loader) in a worker thread, given
 * `workerData` and the path of better-sqlite3 as `workerData.driver`. `onFailure` is told once,
 * should the thread fail (an error, such as a file it cannot open, or an end not asked for).
 */
export function sqliteThread(script: string, workerData: object, onFailure: (reason: string) => void): SqliteThread {
  const worker = new Worker(script, { eval: true, workerData: { ...workerData, driver: require.resolve('better-sqlite3') } });
  let state: 'running' | 'failed' | 'ending' = 'running';
  const fail = (reason: string) => {
    if (state !== 'running') return;
    state = 'failed';
    onFailure(reason);
  };
  worker.on('error', (error: Error) => fail(error.message));
  worker.on('exit', (code) => fail(`it ended with code ${code}`));
  return {
    worker,
    get failed() {
      return state === 'failed';
    },
    ending: () => {
      if (state !== 'running') return false;
      state = 'ending';
      return true;
    },
  };
}
