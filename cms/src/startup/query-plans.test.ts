import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import knex from 'knex';
import { sqliteQueryPlan } from './query-plans';

const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
const LINKS = 'organizations_languages_lnk';

before(async () => {
  await db.schema.createTable(LINKS, (t) => {
    t.increments('id');
    t.integer('organization_id');
    t.integer('language_id');
    t.float('organization_ord');
  });
  await db.raw('create index target_order on ?? (language_id, organization_ord)', [LINKS]);
  // Languages 1…4 with 0, 3, 50 and 1 links, orders not in insertion order.
  const rows: Array<Record<string, number>> = [];
  for (const [language, count] of [
    [2, 3],
    [3, 50],
    [4, 1],
  ] as const) {
    for (let i = 0; i < count; i++)
      rows.push({ organization_id: 1000 + rows.length, language_id: language, organization_ord: ((i * 7) % count) + 1 });
  }
  await db(LINKS).insert(rows);
});
after(() => db.destroy());

/** The query as Strapi's entity manager builds it (`@strapi/database` entity-manager, "add inv_order value"). */
const strapisMaxPerTarget = (ids: number[]) =>
  db.select('language_id').max('organization_ord', { as: 'max' }).whereIn('language_id', ids).where({}).groupBy('language_id').from(LINKS);

/** How Strapi reads the answer: the max per target, 0 when there is none. */
function maxima(rows: Array<{ language_id: number; max: number | null }>, ids: number[]): number[] {
  const byTarget = new Map(rows.map((r) => [Number(r.language_id), r.max]));
  return ids.map((id) => byTarget.get(id) || 0);
}

async function run(query: { sql: string; bindings?: readonly unknown[] }) {
  return (await db.raw(query.sql, [...(query.bindings ?? [])])) as Array<{ language_id: number; max: number | null }>;
}

test("Strapi's max per target is rewritten to one lookup per target, with the same answer", async () => {
  for (const ids of [[1], [2], [3, 1, 4], [1, 2, 3, 4, 99]]) {
    const original = strapisMaxPerTarget(ids).toSQL().toNative();
    const rewritten = sqliteQueryPlan({ sql: original.sql, bindings: [...original.bindings] });
    assert.notEqual(rewritten.sql, original.sql, `rewritten for ${ids.join(',')}`);
    assert.deepEqual(maxima(await run(rewritten), ids), maxima(await run(original), ids), `same maxima for ${ids.join(',')}`);
  }
  assert.deepEqual(maxima(await run(sqliteQueryPlan(strapisMaxPerTarget([3, 2, 1]).toSQL().toNative())), [3, 2, 1]), [50, 3, 0]);
});

test('the rewritten query reads each target through the index, not every link', async () => {
  const { sql, bindings } = sqliteQueryPlan(strapisMaxPerTarget([2, 3]).toSQL().toNative());
  const plan = (await db.raw(`explain query plan ${sql}`, [...bindings])) as Array<{ detail: string }>;
  const details = plan.map((p) => p.detail).join(' | ');
  assert.match(details, /SEARCH organizations_languages_lnk USING COVERING INDEX target_order \(language_id=\?\)/, details);
  assert.doesNotMatch(details, /SCAN organizations_languages_lnk/, details);
});

test('any other query is left as it is', () => {
  const others = [
    db.select('language_id').max('organization_ord', { as: 'max' }).where({ language_id: 2 }).groupBy('language_id').from(LINKS),
    db
      .select('language_id')
      .max('organization_ord', { as: 'max' })
      .whereIn('language_id', [1])
      .where({ field: 'x' })
      .groupBy('language_id')
      .from(LINKS),
    db.select('language_id').count({ max: '*' }).whereIn('language_id', [1, 2]).groupBy('language_id').from(LINKS),
    db(LINKS).where('language_id', 2),
  ];
  for (const other of others) {
    const native = other.toSQL().toNative();
    assert.equal(sqliteQueryPlan(native), native, native.sql);
  }
  const many = Array.from({ length: 101 }, (_, i) => i);
  const tooMany = strapisMaxPerTarget(many).toSQL().toNative();
  assert.equal(sqliteQueryPlan(tooMany), tooMany, 'more targets than a compound select is kept small for');
});
