/**
 * Runs the catalog's full load's selects (bulk-read.ts) on SQLite in a worker thread, with its own
 * read-only connection to the database file: SQLite's B-tree work then runs on the machine's other
 * core while this thread turns the previous page into entries. The worker sends each page's rows
 * (arrays of values) as JSON text, which SQLite writes (the selects give each row as a JSON array:
 * `rowsAsJson`), parsed here when the page is used: V8 parses JSON two to three times faster than
 * it deserializes a structured clone of the same arrays (5.8 s → 1.4 s of the boot at 100,000
 * organizations), and a page asked for ahead waits as one string, which no young-generation
 * collection copies, rather than as its rows' many small objects. SQLite's values (text, numbers,
 * null) read back the same from JSON; no column of these types is a blob.
 *
 * Each page's selects run in one read transaction: a page is read as one snapshot of the database
 * (WAL lets it read beside this process's writer). The worker lives for one load, then is ended.
 * Elsewhere (PostgreSQL, whose server already works apart; an in-memory SQLite database, which no
 * other connection can see) the selects run in this thread (`SELECTS_HERE`).
 *
 * Also here: `sqliteSelectsNow`, the selects of a few documents (a re-read after a write) run at
 * once in this thread, on a read-only connection of its own.
 */
import type { Core } from '@strapi/strapi';
// The driver knex loads on SQLite (a dependency of the app: on PostgreSQL it is loaded and left unused, ~11 ms at start).
import Sqlite, { type Database } from 'better-sqlite3';
import type { Knex } from 'knex';
import {
  type DocumentReader,
  type PageSelects,
  SELECTS_HERE,
  type SelectRunner,
  type Selected,
  jsonSelectsHere,
  selectsWithin,
} from './bulk-read';
import type { Row } from './bulk-tables';
import { sqliteFile, sqliteThread } from './sqlite-thread';
import { keepPreparedStatements } from '../startup/sqlite-queries';

/** The worker, given the driver's path and the file. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
const statements = new Map();
const statement = (sql) => {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql).pluck(true)));
  return s;
};
// Each select's rows are JSON arrays already: the page's JSON is theirs, joined.
const read = db.transaction((queries) => '[' + queries.map((q) => '[' + statement(q.sql).all(...q.bindings).join(',') + ']').join(',') + ']');
parentPort.on('message', ({ id, queries }) => {
  try {
    parentPort.postMessage({ id, json: read(queries) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Answer {
  id: number;
  /** The rows, as JSON. */
  json?: string;
  error?: string;
}

export interface Selects extends SelectRunner {
  /** Whether they run in a worker thread (not since it failed). */
  readonly inWorker: boolean;
  /** Ends the worker, if any. */
  close(): Promise<void>;
}

/**
 * Where a full load's selects run: a worker thread on a SQLite file, else this thread. Should the
 * worker fail (it cannot open the file, it dies), the selects it had and all later ones run here.
 */
export function loadSelects(strapi: Core.Strapi, filename = sqliteFile(strapi)): Selects {
  // The worker's selects are SQLite's (`json_array`), and so are those run here should it fail.
  if (!filename || strapi.db.dialect.client !== 'sqlite') return { ...SELECTS_HERE, inWorker: false, close: async () => undefined };
  type Waiting = { page: PageSelects; resolve: (r: Selected) => void; reject: (e: unknown) => void };
  const waiting = new Map<number, Waiting>();
  const here = (w: Waiting) => jsonSelectsHere(w.page).then(w.resolve, w.reject);
  // Not unref'd: a command that boots Strapi has nothing else keeping it alive while it waits for a page.
  const thread = sqliteThread(WORKER, { filename }, (reason) => {
    strapi.log.warn(`directory: the SQLite reader thread failed (${reason}); reading in the main thread`);
    for (const w of waiting.values()) void here(w);
    waiting.clear();
  });
  const worker = thread.worker;
  worker.on('message', ({ id, json, error }: Answer) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    // Cast kept: the worker wrote its selects' rows, arrays of arrays of values.
    if (json !== undefined) w.resolve(() => JSON.parse(json) as unknown[][][]);
    else w.reject(new Error(`SQLite reader: ${error}`));
  });
  let lastId = 0;
  const run = (page: PageSelects): Promise<Selected> =>
    new Promise((resolve, reject) => {
      const w: Waiting = { page, resolve, reject };
      if (thread.failed) return void here(w);
      const id = ++lastId;
      waiting.set(id, w);
      worker.postMessage({ id, queries: page.native() });
    });
  return {
    rowsAsJson: true,
    run,
    get inWorker() {
      return !thread.failed;
    },
    close: async () => {
      thread.ending();
      await worker.terminate();
    },
  };
}

/** A page's selects run at once on `connection`, each row as the array of its columns' values. */
function nativeRows(connection: Database, page: PageSelects): unknown[][][] {
  return page.native().map((q) => {
    const statement = connection.prepare(q.sql);
    statement.raw(true);
    try {
      // Cast kept: raw statements give each row as the array of its columns' values.
      return statement.all(...q.bindings) as unknown[][];
    } finally {
      // Back to objects: knex's connection keeps its statements, and may run this SQL for itself.
      statement.raw(false);
    }
  });
}

/**
 * The documents' rows, read by `read` within the transaction under way (one of their own if none),
 * whose writes they see: the audit's versions around a write, the bilingual workflow's drafts.
 */
export async function readInTransaction(strapi: Core.Strapi, read: DocumentReader, documentIds: readonly string[]): Promise<Row[]> {
  const rows = await strapi.db.transaction(async ({ trx }) => (await read(documentIds, selectsInTransaction(strapi, trx)))());
  return rows;
}

/**
 * The selects within the transaction `trx`. On SQLite at once on the transaction's own connection,
 * from SQL made once per shape (`PageSelects.native`): through knex, building and compiling the ~20
 * selects of one document each time cost more than running them (the audit's reads were 68 of an
 * admin Publish's 595 queries through Strapi's query engine, ~50 ms of its CPU at 10,000
 * organizations). Elsewhere through knex, in the transaction.
 */
function selectsInTransaction(strapi: Core.Strapi, trx: Knex.Transaction): SelectRunner {
  if (strapi.db.dialect.client !== 'sqlite') return selectsWithin(trx);
  return {
    rowsAsJson: false,
    run: async (page) => {
      // The transaction's own connection: on SQLite, better-sqlite3's (knex leaves it untyped).
      const connection: Database = await trx.client.acquireConnection();
      const results = nativeRows(connection, page);
      return () => results;
    },
  };
}

export interface SelectsNow extends SelectRunner {
  /** Closes its connection (a later page opens it again). */
  close(): void;
}

/**
 * A few documents' selects (the catalog's re-read of a write) run at once, in this thread, on a
 * read-only connection of its own to the database file, each page in one read transaction (one
 * snapshot, which WAL takes beside the writer, never waiting for its transaction). Through knex
 * the ~20 selects of one document went in turn through the pool's one connection, between the
 * writer's own queries and the turns given to the event loop: 10–19 ms for one document after an
 * admin Publish at 10,000 organizations, while every reader of the catalog waited for it. Here
 * they take about a millisecond, which holds the event loop no longer than one of those turns.
 * Null where no other connection can read the database (PostgreSQL, in memory); should this
 * connection fail, the page is read through knex instead.
 */
export function sqliteSelectsNow(strapi: Core.Strapi, filename = sqliteFile(strapi)): SelectsNow | null {
  if (!filename || strapi.db.dialect.client !== 'sqlite') return null;
  let db: Database | null = null;
  let read: ((page: PageSelects) => unknown[][][]) | null = null;
  const close = () => {
    db?.close();
    db = null;
    read = null;
  };
  const open = (): ((page: PageSelects) => unknown[][][]) => {
    const connection = new Sqlite(filename, { readonly: true, fileMustExist: true });
    db = connection;
    // A page's selects are the same few SQL texts every time: prepared once, as knex's connection keeps its own.
    keepPreparedStatements(connection);
    return connection.transaction((page: PageSelects) => nativeRows(connection, page));
  };
  return {
    rowsAsJson: false,
    run: async (page) => {
      try {
        const results = (read ??= open())(page);
        return () => results;
      } catch (error: unknown) {
        strapi.log.warn(`directory: reading at once failed (${(error as Error)?.message ?? String(error)}); reading through knex`);
        close();
        return SELECTS_HERE.run(page);
      }
    },
    close,
  };
}
