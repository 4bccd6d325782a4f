/**
 * An editor's publish makes some 860 queries; each must find its rows through an index, not by
 * reading a table, or a save takes seconds at 10,000 organizations (src/startup/query-plans.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { isRecord } from '../../src/workflow/values';
import { LANGUAGE, ORGANIZATION as ORG } from '../../src/content-types';

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

  test('each many-to-many link table indexes its target with the inverse order', async () => {
    for (const [table, target] of [
      ['organizations_languages_lnk', 'language_id'],
      ['organizations_services_lnk', 'service_category_id'],
      ['organizations_populations_lnk', 'population_id'],
      ['organizations_focus_areas_lnk', 'focus_area_id'],
    ] as const) {
      const index = (await indexes(table)).find((i) => i.name === `${table}_target_order_idx`);
      assert.ok(index, `${table} has no target + order index`);
      assert.match(index.columns, new RegExp(`${target}.*organization_ord`));
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

  test("a language added by a save goes last in that language's list of organizations (on SQLite, through the rewritten max)", async () => {
    const links = async (): Promise<Row[]> => rows(server, 'select * from organizations_languages_lnk order by id');
    const org = await server.strapi.documents(ORG).findFirst({ locale: 'en', status: 'draft', populate: ['languages'] });
    assert.ok(org, 'a seeded organization');
    const had = new Set(((org.languages ?? []) as Array<{ documentId: string }>).map((l) => l.documentId));
    const languages = await server.strapi.documents(LANGUAGE).findMany({ status: 'draft' });
    const added = languages.filter((l) => !had.has(l.documentId)).slice(0, 2);
    assert.equal(added.length, 2, 'two languages the organization does not have');
    const before = await links();
    const maxBefore = (languageId: unknown) =>
      Math.max(0, ...before.filter((r) => r.language_id === languageId).map((r) => Number(r.organization_ord)));
    await server.strapi.documents(ORG).update({
      documentId: org.documentId,
      locale: 'en',
      data: { languages: [...had, ...added.map((l) => l.documentId)] },
    });
    const seen = new Set(before.map((r) => r.id));
    const fresh = (await links()).filter((r) => !seen.has(r.id));
    assert.ok(fresh.length >= 2, `the save wrote the new links (${fresh.length})`);
    // Each locale's draft gets the link (relations are shared by the locales): one after the other.
    for (const language of new Set(fresh.map((r) => r.language_id))) {
      if (before.some((b) => b.language_id === language && fresh.some((f) => f.organization_id === b.organization_id))) continue;
      const orders = fresh.filter((r) => r.language_id === language).map((r) => Number(r.organization_ord));
      assert.deepEqual(
        orders,
        orders.map((_, k) => maxBefore(language) + k + 1),
        `language ${String(language)}: last in its list`,
      );
    }
  });
});
