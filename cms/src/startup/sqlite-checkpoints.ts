/**
 * SQLite's WAL checkpoints in a thread of their own. In WAL mode a commit appends the pages it
 * changed to the `-wal` file; a checkpoint copies them back into the database file and syncs it.
 * SQLite runs one by itself in the connection that commits, once the log passes 1,000 pages, and
 * better-sqlite3 runs on the event loop: every few publishes at 100,000 organizations (a publish
 * writes ~160 pages), one commit held every request back 20–50 ms while the checkpoint copied
 * ~4 MB and waited for the disk (transactions of 120 updates on a copy of the 100,000-organization
 * database: commit p90 28–31 ms, max 42–49 ms; with the checkpoints in this thread, p90 0.9 ms, max
 * 1.1–1.5 ms).
 *
 * Here a worker thread with its own connection to the file runs a PASSIVE checkpoint every
 * `intervalMs`: it never waits for, nor holds up, the app's connection (readers keep their
 * snapshot; the writer goes on appending), and once it has copied every page, the app's next
 * commit starts the log over from the beginning, so the file stays small. The app's connection
 * still checkpoints by itself, but only past `FALLBACK_PAGES`: should the thread fall behind (a
 * long run of writes, an import) or stop, the log stays bounded. If the thread fails, the
 * connection goes back to SQLite's default.
 *
 * PostgreSQL (its server checkpoints) and an in-memory SQLite database have none.
 */
import type { Core } from '@strapi/strapi';
import { sqliteFile, sqliteThread } from '../operations/sqlite-thread';

/** Pages in the log past which the app's connection checkpoints by itself (~32 MB). */
const FALLBACK_PAGES = 8192;
/** SQLite's own default (https://sqlite.org/pragma.html#pragma_wal_autocheckpoint). */
const DEFAULT_PAGES = 1000;
/** Often enough that one checkpoint ends before the next commits of a busy editor pile up behind it. */
const INTERVAL_MS = 100;

/** The thread, given the driver's path, the file and the interval. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
let timer = null;
let last = '';
const step = () => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  // Told only when pages were copied: a log copied already reads the same until the next commit.
  const now = result.log + '/' + result.checkpointed;
  if (result.checkpointed > 0 && now !== last) parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
  last = now;
  timer = setTimeout(step, workerData.intervalMs);
};
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
step();
`;

/** One checkpoint that copied pages: the log's length then, and the pages copied so far. */
export interface Checkpointed {
  log: number;
  checkpointed: number;
}

export interface Checkpoints {
  /** Ends the thread (its connection closed). */
  stop(): Promise<void>;
}

export interface CheckpointOptions {
  intervalMs?: number;
  /** Told of each checkpoint that copied pages. */
  onCheckpoint?: (c: Checkpointed) => void;
  /** Told once, should the thread fail (it cannot open the file, it dies). */
  onFailure: (reason: string) => void;
}

/** Runs the checkpoints of the SQLite database `filename` in a worker thread. */
export function checkpointInThread(filename: string, o: CheckpointOptions): Checkpoints {
  const thread = sqliteThread(WORKER, { filename, intervalMs: o.intervalMs ?? INTERVAL_MS }, o.onFailure);
  const worker = thread.worker;
  // A process with nothing else to do need not wait for its checkpoints.
  worker.unref();
  worker.on('message', (c: Checkpointed) => o.onCheckpoint?.(c));
  return {
    stop: async () => {
      if (!thread.ending()) return; // failed, or stopped already
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref(); // kept alive until it has closed its connection
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** Moves the app's checkpoints to a thread (SQLite file databases); null elsewhere. */
export async function startCheckpoints(strapi: Core.Strapi): Promise<Checkpoints | null> {
  const filename = sqliteFile(strapi);
  if (!filename) return null;
  const knex = strapi.db.connection;
  const autocheckpoint = (pages: number) => knex.raw(`pragma wal_autocheckpoint = ${pages}`);
  await autocheckpoint(FALLBACK_PAGES);
  return checkpointInThread(filename, {
    onFailure: (reason) => {
      strapi.log.warn(`SQLite: the checkpoint thread failed (${reason}); checkpoints are the connection's again`);
      autocheckpoint(DEFAULT_PAGES).catch((error: unknown) => strapi.log.warn(`SQLite: ${String(error)}`));
    },
  });
}
