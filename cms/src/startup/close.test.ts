import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import knex from 'knex';
import type { Core } from '@strapi/strapi';
import { databaseQuiet } from './close';

/** A Strapi as close.ts sees it: a knex connection on a real SQLite pool. */
function strapiOn(connection: knex.Knex): Core.Strapi {
  return { db: { connection } } as unknown as Core.Strapi;
}

test('waits for a background write of several queries, as Strapi runs after answering, before the database closes', async () => {
  const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await db.schema.createTable('versions', (t) => t.integer('n'));
  // Like the Document Service's entry events: queries one after another, started and not awaited.
  const write = (async () => {
    for (let n = 0; n < 5; n++) {
      await nextTurn();
      await db('versions').insert({ n });
    }
  })();
  const started = performance.now();
  await databaseQuiet(strapiOn(db), 5_000);
  const rows = await db('versions').count({ c: '*' });
  await db.destroy();
  await write;
  assert.equal(Number(rows[0]!.c), 5, 'every query of the write ran before the close');
  assert.ok(performance.now() - started < 5_000, 'closed as soon as the pool was quiet, not at the deadline');
});

test('gives up after its deadline when the database never goes quiet', async () => {
  const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  let stop = false;
  const busy = (async () => {
    while (!stop) {
      await nextTurn(); // as sqlite-queries.ts lets other work in between
      await db.raw('select 1');
    }
  })();
  const started = performance.now();
  await databaseQuiet(strapiOn(db), 300);
  const waited = performance.now() - started;
  stop = true;
  await busy;
  await db.destroy();
  assert.ok(waited >= 300, `waited ${waited.toFixed(0)} ms`);
});

test('a Strapi without a pool (not started) closes at once', async () => {
  await databaseQuiet({ db: undefined } as unknown as Core.Strapi, 5_000);
});
