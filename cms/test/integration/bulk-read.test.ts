/**
 * The catalog's loader reads documents with plain queries (src/operations/bulk-read.ts) instead of
 * Strapi's query engine: it must hand over the very objects the engine does, value for value —
 * every row, component and relation of every demo record (drafts, translations, unpublished,
 * suspended), and a bare draft with no component or relation at all. So must the full load's
 * reader, whose selects run in a worker thread on SQLite (src/operations/sqlite-reader.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../harness';
import { ORGANIZATION as ORG } from '../../src/content-types';
import { ORGANIZATION_POPULATE } from '../../src/directory/rows';
import { type SelectRunner, documentReader } from '../../src/operations/bulk-read';
import { loadSelects, readInTransaction, sqliteSelectsNow } from '../../src/operations/sqlite-reader';
import { documentsInOrder } from '../../src/catalog/fingerprint';
import { documentInput } from '../../src/document-input';

describe('reading documents in bulk', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    // A record an editor has only started: no component, no relation.
    await server.strapi
      .documents(ORG)
      .create({ locale: 'en', data: documentInput(ORG, { name: 'Bare draft', slug: 'bare-draft', kind: 'ngo', role: 'direct' }) });
  });
  after(async () => {
    await server?.stop();
  });

  const engine = (ids: readonly string[]) =>
    server.strapi.db.query(ORG).findMany({
      where: { documentId: { $in: ids } },
      populate: ORGANIZATION_POPULATE,
      orderBy: { id: 'asc' },
    }) as Promise<unknown[]>;

  test('gives every document as Strapi query engine gives it with populate', async () => {
    const ids = await documentsInOrder(server.strapi);
    assert.ok(ids.length > 40, `the demo data has its records (${ids.length})`);
    const read = documentReader(server.strapi, ORG, Object.keys(ORGANIZATION_POPULATE));
    const ours = (await read(ids))();
    const theirs = await engine(ids);
    assert.equal(ours.length, theirs.length);
    for (let i = 0; i < ours.length; i++) assert.deepStrictEqual(ours[i], theirs[i], `row ${i}`);
  });

  test('gives one page of documents, and nothing for documents that are gone', async () => {
    const ids = (await documentsInOrder(server.strapi)).slice(3, 7);
    const read = documentReader(server.strapi, ORG, Object.keys(ORGANIZATION_POPULATE));
    assert.deepStrictEqual((await read([...ids, 'no-such-document']))(), await engine(ids));
    assert.deepStrictEqual((await read([]))(), []);
  });

  test('reads the same with its selects in a worker thread (a full load on SQLite), and in this thread when that thread fails', async () => {
    const ids = await documentsInOrder(server.strapi);
    const theirs = await engine(ids);
    const sqlite = server.strapi.db.dialect.client === 'sqlite';
    const selects = loadSelects(server.strapi);
    // A file that is not there: the worker cannot open it.
    const failing = loadSelects(server.strapi, path.join(os.tmpdir(), `rd-no-such-${process.pid}.db`));
    try {
      assert.deepStrictEqual((await documentReader(server.strapi, ORG, Object.keys(ORGANIZATION_POPULATE), selects)(ids))(), theirs);
      assert.equal(selects.inWorker, sqlite, 'on SQLite the selects ran in the worker thread');
      assert.deepStrictEqual((await documentReader(server.strapi, ORG, Object.keys(ORGANIZATION_POPULATE), failing)(ids))(), theirs);
      assert.equal(failing.inWorker, false);
    } finally {
      await selects.close();
      await failing.close();
    }
  });

  test('reads the same at once on its own connection (a re-read on SQLite), a write as soon as it is committed, and through knex when that connection fails', async (t) => {
    const now = sqliteSelectsNow(server.strapi);
    if (server.strapi.db.dialect.client !== 'sqlite') {
      assert.equal(now, null, 'none but on a SQLite file');
      return t.skip('SQLite only: PostgreSQL has no such connection (the knex path above is the one it uses)');
    }
    assert.ok(now, 'a SQLite file: the connection is made');
    const failing = sqliteSelectsNow(server.strapi, path.join(os.tmpdir(), `rd-no-such-${process.pid}.db`))!;
    const reader = (selects: SelectRunner) => documentReader(server.strapi, ORG, Object.keys(ORGANIZATION_POPULATE), selects);
    try {
      const ids = (await documentsInOrder(server.strapi)).slice(0, 10);
      const knexQueries = async (read: () => Promise<unknown>): Promise<number> => {
        let n = 0;
        const count = () => n++;
        server.strapi.db.connection.on('query', count);
        try {
          await read();
        } finally {
          server.strapi.db.connection.off('query', count);
        }
        return n;
      };
      let ours: unknown[] = [];
      assert.equal(await knexQueries(async () => (ours = (await reader(now)(ids))())), 0, 'no query went through knex');
      assert.deepStrictEqual(ours, await engine(ids));
      assert.ok((await knexQueries(async () => (ours = (await reader(failing)(ids))()))) > 0, 'through knex');
      assert.deepStrictEqual(ours, await engine(ids));
      // A write committed since the connection was opened is read at once (a new snapshot per page).
      const [id] = ids;
      const row = (await engine([id!]))[0] as { id: number; name: string };
      await server.strapi.db.query(ORG).update({ where: { id: row.id }, data: { name: `${row.name} (renamed)` } });
      const after = (await reader(now)([id!]))();
      assert.equal(after.find((r) => r.id === row.id)?.name, `${row.name} (renamed)`);
      assert.deepStrictEqual(after, await engine([id!]));
    } finally {
      now.close();
      failing.close();
    }
  });

  test("reads within a transaction what it wrote, as the engine does in it, and nothing of it once rolled back (the audit's reads)", async () => {
    const [id] = (await documentsInOrder(server.strapi)).slice(5, 6);
    const read = documentReader(server.strapi, ORG, Object.keys(ORGANIZATION_POPULATE));
    const before = (await read([id!]))();
    const row = before[0] as { id: number; name: string };
    const rolledBack = new Error('rolled back on purpose');
    await assert.rejects(
      server.strapi.db.transaction(async () => {
        await server.strapi.db.query(ORG).update({ where: { id: row.id }, data: { name: `${row.name} (in a transaction)` } });
        const ours = await readInTransaction(server.strapi, read, [id!]);
        assert.equal(ours.find((r) => r.id === row.id)?.name, `${row.name} (in a transaction)`);
        assert.deepStrictEqual(ours, await engine([id!]));
        throw rolledBack;
      }),
      rolledBack,
    );
    assert.deepStrictEqual((await read([id!]))(), before);
  });

  test('refuses an attribute that is neither a component nor a relation', () => {
    assert.throws(() => documentReader(server.strapi, ORG, ['name']), /no component or relation named name/);
  });
});
