import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import knex from 'knex';
import type { Core } from '@strapi/strapi';
import { KEPT_STATEMENTS, keepPreparedStatements, tuneSqliteQueries } from './sqlite-queries';

test('a connection gives back the statement it prepared for the same SQL, and its answers stay right', () => {
  const db = new Database(':memory:');
  keepPreparedStatements(db);
  db.prepare('create table t (id integer primary key, name text)').run();
  const insert = db.prepare('insert into t (name) values (?)');
  assert.equal(db.prepare('insert into t (name) values (?)'), insert);
  insert.run('a');
  db.prepare('insert into t (name) values (?)').run('b');
  assert.deepEqual(db.prepare('select * from t order by id').all(), [
    { id: 1, name: 'a' },
    { id: 2, name: 'b' },
  ]);
  // A kept statement sees the schema as it is when it runs, not as it was when it was made.
  db.prepare('alter table t add column city text').run();
  db.prepare('update t set city = ? where id = ?').run('Montréal', 1);
  assert.deepEqual(db.prepare('select * from t order by id').all(), [
    { id: 1, name: 'a', city: 'Montréal' },
    { id: 2, name: 'b', city: null },
  ]);
  db.close();
});

test('a connection keeps a bounded number of statements, the oldest made dropped first', () => {
  const db = new Database(':memory:');
  keepPreparedStatements(db);
  keepPreparedStatements(db); // twice is once
  const first = db.prepare('select 0');
  for (let i = 1; i <= KEPT_STATEMENTS; i++) db.prepare(`select ${i}`);
  const last = db.prepare(`select ${KEPT_STATEMENTS}`);
  assert.equal(db.prepare(`select ${KEPT_STATEMENTS}`), last);
  assert.notEqual(db.prepare('select 0'), first, 'the oldest statement was dropped and made again');
  db.close();
});

test("a select with knex's rowMode 'array' gives arrays of the columns' values, and the same SQL then gives objects again", async () => {
  const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  // Cast kept: tuneSqliteQueries reads only these two members of Strapi.
  tuneSqliteQueries({ db: { dialect: { client: 'sqlite' }, connection: db } } as unknown as Core.Strapi);
  try {
    await db.schema.createTable('t', (t) => {
      t.increments('id');
      t.string('name');
      t.boolean('active');
    });
    await db('t').insert([
      { name: 'a', active: true },
      { name: 'b', active: false },
    ]);
    const select = () => db('t').select(['name', 'id', 'active']).whereIn('id', [1, 2]).orderBy('id');
    assert.deepEqual(await select().options({ rowMode: 'array' }), [
      ['a', 1, 1],
      ['b', 2, 0],
    ]);
    assert.deepEqual(await select(), [
      { name: 'a', id: 1, active: 1 },
      { name: 'b', id: 2, active: 0 },
    ]);
    // A select that fails still fails.
    await assert.rejects(db.raw('select missing from t').options({ rowMode: 'array' }), /no such column/);
  } finally {
    await db.destroy();
  }
});
