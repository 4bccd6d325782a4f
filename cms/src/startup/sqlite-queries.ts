/**
 * The SQLite driver's query path (knex's better-sqlite3 client), tuned in three ways:
 *
 * 1. Turns. better-sqlite3 answers synchronously, so the hundreds of queries of an editor's save or
 *    publish (most of them Strapi's own) ran as one unbroken chain of promise callbacks: no incoming
 *    request was read until the whole write was done, and a public read waited 500–900 ms behind a
 *    publish, whatever the size of the directory (measured with `npm run bench:edits-http` on the
 *    demo data). Here a SQLite query first gives the event loop a turn when queries have run for
 *    more than 16 ms (a frame) since the last turn, so requests are answered between a write's
 *    queries. Not before every query: under a full read load each turn waits for a batch of reads
 *    (~30 ms with 16 connections), and a publish's 800 queries then took seconds. With turns every
 *    4 ms a publish under that load took 705 ms (median) at 10,000 organizations, with 16 ms 401 ms,
 *    while a read waits at most a slice more (`npm run bench:edits-http`).
 * 2. Prepared statements kept. knex prepares every query anew; compiling the SQL cost as much CPU as
 *    running it (a profile of publishes: `prepare` 6.0 % of the process, running the statements
 *    5.9 %). Each connection keeps its last `KEPT_STATEMENTS` statements by their SQL text (a write
 *    repeats the same few dozen shapes). SQLite recompiles a kept statement itself when the schema
 *    changes under it.
 * 3. Rows as arrays: a select made with knex's `.options({ rowMode: 'array' })` gives each row as
 *    the array of its columns' values, as PostgreSQL's driver does with that option (knex hands it
 *    to pg). The catalog's full load reads that way (bulk-read.ts): better-sqlite3 makes an array
 *    row ~2.5 times faster than an object with a member per column (387,000 rows of 44 columns:
 *    2.7 s against 7.0 s).
 *
 * PostgreSQL's driver is asynchronous; it is left alone.
 */
import type { Core } from '@strapi/strapi';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A query as knex hands it to its driver. */
interface DriverQuery {
  sql: string;
  /** knex's `.options()` of the query. */
  options?: { rowMode?: string };
}
type QueryFn = (this: unknown, connection: Connection, query: DriverQuery) => Promise<unknown>;
interface KnexClientPrototype {
  _query: QueryFn;
  [TUNED]?: true;
}
/** What knex's client uses of a better-sqlite3 connection here. */
interface Connection {
  prepare(sql: string): Statement;
  [TUNED]?: true;
}
interface Statement {
  raw(toggle: boolean): unknown;
}
const TUNED = Symbol('referral-directory:sqlite-queries');

const SLICE_MS = 16;
let lastTurn = 0;

/** Statements kept per connection (each a few kilobytes of SQLite's memory). */
export const KEPT_STATEMENTS = 500;

/** Makes `connection.prepare` give back the statement it made last time for the same SQL. */
export function keepPreparedStatements(connection: Connection): void {
  if (connection[TUNED]) return;
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, Statement>();
  connection.prepare = (sql: string): Statement => {
    let statement = kept.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      // The oldest made goes first: a shape still in use is soon made again.
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
      kept.set(sql, statement);
    }
    return statement;
  };
  connection[TUNED] = true;
}

export function tuneSqliteQueries(strapi: Core.Strapi): void {
  if (strapi.db.dialect.client !== 'sqlite') return;
  // The prototype, not the instance: knex makes each transaction's client from the prototype.
  // Cast kept: knex types its dialect clients' `_query` as internal (not on the public Client type).
  const proto = Object.getPrototypeOf(strapi.db.connection.client) as KnexClientPrototype;
  if (proto[TUNED] || typeof proto._query !== 'function') return;
  const query = proto._query;
  proto._query = async function (this: unknown, connection: Connection, q: DriverQuery): Promise<unknown> {
    if (performance.now() - lastTurn > SLICE_MS) {
      await nextTurn();
      lastTurn = performance.now();
    }
    keepPreparedStatements(connection);
    if (q.options?.rowMode !== 'array') return query.call(this, connection, q);
    // The kept statement knex is about to run; back to objects for the next query of the same SQL.
    const statement = connection.prepare(q.sql);
    statement.raw(true);
    try {
      return await query.call(this, connection, q);
    } finally {
      statement.raw(false);
    }
  };
  proto[TUNED] = true;
}
