/**
 * better-sqlite3 answers synchronously, so the hundreds of queries of an editor's save or publish
 * (most of them Strapi's own) ran as one unbroken chain of promise callbacks: no incoming request
 * was read until the whole write was done, and a public read waited 500–900 ms behind a publish,
 * whatever the size of the directory (measured with `npm run bench:edits-http` on the demo data).
 * Here a SQLite query first gives the event loop a turn when queries have run for more than 16 ms
 * (a frame) since the last turn, so requests are answered between a write's queries. Not before
 * every query: under a full read load each turn waits for a batch of reads (~30 ms with 16
 * connections), and a publish's 800 queries then took seconds. With turns every 4 ms a publish
 * under that load took 705 ms (median) at 10,000 organizations, with 16 ms 401 ms, while a read
 * waits at most a slice more (`npm run bench:edits-http`). PostgreSQL's driver is asynchronous
 * already and is left alone.
 * Each query also goes through `sqliteQueryPlan` (query-plans.ts), which rewrites one slow shape.
 */
import type { Core } from '@strapi/strapi';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type DriverQuery, sqliteQueryPlan } from './query-plans';

type QueryFn = (this: unknown, connection: unknown, query: DriverQuery) => Promise<unknown>;
interface KnexClientPrototype {
  _query: QueryFn;
  [TURNS]?: true;
}
const TURNS = Symbol('referral-directory:sqlite-turns');

const SLICE_MS = 16;
let lastTurn = 0;

export function yieldBetweenSqliteQueries(strapi: Core.Strapi): void {
  if (strapi.db.dialect.client !== 'sqlite') return;
  // The prototype, not the instance: knex makes each transaction's client from the prototype.
  // Cast kept: knex types its dialect clients' `_query` as internal (not on the public Client type).
  const proto = Object.getPrototypeOf(strapi.db.connection.client) as KnexClientPrototype;
  if (proto[TURNS] || typeof proto._query !== 'function') return;
  const query = proto._query;
  proto._query = async function (this: unknown, connection: unknown, q: DriverQuery): Promise<unknown> {
    if (performance.now() - lastTurn > SLICE_MS) {
      await nextTurn();
      lastTurn = performance.now();
    }
    return query.call(this, connection, sqliteQueryPlan(q));
  };
  proto[TURNS] = true;
}
