/**
 * An editor's publish makes some 600 queries; each must find its rows through an index, not by
 * reading a table, or a save takes seconds at 10,000 organizations (src/startup/query-plans.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { isRecord } from '../../src/workflow/values';
import { LANGUAGE } from '../../src/content-types';

type Row = Record<string, unknown>;

/** The rows of a raw query, as SQLite (an array) and PostgreSQL (`{ rows }`) give them. */
async function rows(server: TestServer, sql: string, bindings: Array<string | number> = []): Promise<Row[]> {
  const answer: unknown = await server.strapi.db.connection.raw(sql, bindings);
  const list: unknown = isRecord(answer) && !Array.isArray(answer) ? answer.rows : answer;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

describe('query plans of a publish', () => {
  let server: TestServer;
  let sqlite: boolean;
  before(async () => {
    server = await startServer();
    sqlite = server.strapi.db.dialect.client === 'sqlite';
  });
  after(async () => {
    await server?.stop();
  });

  async function indexes(table: string): Promise<Array<{ name: string; columns: string }>> {
    if (sqlite) {
      const list = await rows(server, `select name, sql from sqlite_master where type = 'index' and tbl_name = ?`, [table]);
      return list.map((r) => ({ name: String(r.name), columns: String(r.sql ?? '') }));
    }
    const list = await rows(server, `select indexname, indexdef from pg_indexes where tablename = ?`, [table]);
    return list.map((r) => ({ name: String(r.indexname), columns: String(r.indexdef) }));
  }

  test('SQLite commits to a write-ahead log, not waiting for the disk unless SQLITE_SYNCHRONOUS says so', async (t) => {
    if (!sqlite) return t.skip("PostgreSQL: its own write-ahead log and fsync settings are the server administrator's");
    assert.deepEqual(await rows(server, 'pragma journal_mode'), [{ journal_mode: 'wal' }]);
    // SQLite's numbers for NORMAL, FULL and EXTRA.
    const expected = { NORMAL: 1, FULL: 2, EXTRA: 3 }[(process.env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase()];
    assert.deepEqual(await rows(server, 'pragma synchronous'), [{ synchronous: expected }]);
  });

  test('the organization table indexes updated_at, slug and external_id', async () => {
    const names = (await indexes('organizations')).map((i) => i.name);
    for (const name of ['organizations_updated_at_idx', 'organizations_slug_idx', 'organizations_external_id_idx']) {
      assert.ok(names.includes(name), `${name} is missing among ${names.join(', ')}`);
    }
  });

  test('the component join table indexes record and field', async () => {
    const index = (await indexes('organizations_cmps')).find((i) => i.name === 'organizations_cmps_entity_field_idx');
    assert.ok(index, 'organizations_cmps has no record + field index');
    assert.match(index.columns, /entity_id.*field/);
  });

  test("SQLite reads a record's components through the index on their record, not the one every record shares", async (t) => {
    if (!sqlite) return t.skip("PostgreSQL: its planner weighs indexes by the statistics autovacuum keeps; this is SQLite's heuristic");
    const plan = await rows(
      server,
      `explain query plan select distinct t1."order", t0.*, t1.entity_id from components_directory_phones as t0
       left join organizations_cmps as t1 on t0.id = t1.cmp_id and t1.field = ? where t1.entity_id in (?, ?) order by t1."order"`,
      ['phones', 1, 2],
    );
    const details = plan.map((r) => String(r.detail)).join(' | ');
    assert.match(details, /organizations_(cmps_entity_field_idx|entity_fk|uq)/, details);
    assert.doesNotMatch(details, /organizations_field_idx/, details);
  });

  test("a term's save reads none of the organizations that name it (a term keeps no list of them)", async () => {
    const links = /organizations_languages_lnk/;
    const [link] = await rows(server, 'select language_id from organizations_languages_lnk limit 1');
    assert.ok(link, 'a seeded organization names a language');
    const language = await server.strapi.db.query(LANGUAGE).findOne({ where: { id: link.language_id } });
    assert.ok(isRecord(language) && typeof language.documentId === 'string', 'the language named');
    const projection = server.strapi.service('api::directory.projection');
    const seen: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (links.test(q.sql)) seen.push(q.sql);
    };
    server.strapi.db.connection.on('query', onQuery);
    projection.stop(); // its poll reads no link table, but keeps the count to this save's own
    try {
      // The order in lists moves (not the labels: records that name a relabelled term are re-read).
      await server.strapi.documents(LANGUAGE).update({ documentId: language.documentId, data: { sortOrder: 99 } });
    } finally {
      server.strapi.db.connection.off('query', onQuery);
      projection.start(Number(process.env.DIRECTORY_REFRESH_INTERVAL_MS ?? 2000));
    }
    assert.deepEqual(seen, [], 'no query of the links between organizations and languages');
  });
});
