/**
 * A boot from the catalogs' snapshot (src/catalog/snapshot.ts) answers as the database is now:
 * the documents written while the instance was down (straight to the database, as another instance
 * or a restored backup would leave them) are re-read, the rest come from the snapshot; one made
 * under other reference data is not used.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PublicOrganization } from '@referral-directory/sdk';
import { startServer, throwawayDatabase, type TestServer } from '../harness';
import { isPublicFixture, json } from '../expect';
import { FOCUS_AREA, ORGANIZATION } from '../../src/content-types';
import { projectionOf } from '../../src/directory/services';

const bySlug = async (server: TestServer, slug: string, locale = 'en') =>
  server.get(`/api/directory/organizations/${slug}?locale=${locale}`);

describe("a boot from the catalogs' snapshot", () => {
  test('answers as the database is now: what changed while the instance was down is re-read, the rest comes from the snapshot', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-snapshot-'));
    const file = path.join(dir, 'catalog.snapshot');
    const db = await throwawayDatabase(dir);
    const env = { DIRECTORY_SNAPSHOT_FILE: file };
    let server = await startServer({ database: db.target, env });
    try {
      await projectionOf(server.strapi).snapshotWritten();
      const written = fs.readFileSync(file);
      const [gone, renamed, kept] = server.fixtures.organizations.filter(isPublicFixture).map((o) => o.slug);
      assert.ok(gone && renamed && kept);
      const keptBefore = await (await bySlug(server, kept)).text();
      const totalBefore = (await json<{ meta: { total: number } }>(await server.get('/api/directory/organizations?locale=en'))).meta.total;

      // Straight to the database: an unpublish (its published rows deleted) and a rename.
      const rows = server.strapi.db.query(ORGANIZATION);
      const published = await rows.findMany({ where: { slug: gone, publishedAt: { $notNull: true } } });
      assert.ok(published.length > 0);
      await rows.deleteMany({ where: { id: { $in: published.map((r) => r.id) } } });
      await rows.updateMany({ where: { slug: renamed, locale: 'en' }, data: { name: 'Renamed while down', updatedAt: new Date() } });
      await server.stop();

      server = await startServer({ database: db.target, seed: false, env });
      assert.ok(fs.readFileSync(file).equals(written), 'the boot read the snapshot (a full load writes a new one)');
      assert.equal((await bySlug(server, gone)).status, 404, 'unpublished while the instance was down: never served from the snapshot');
      const renamedNow = await json<{ data: PublicOrganization }>(await bySlug(server, renamed));
      assert.equal(renamedNow.data.name, 'Renamed while down');
      assert.equal(await (await bySlug(server, kept)).text(), keptBefore, 'a record from the snapshot reads as it did');
      const totalNow = (await json<{ meta: { total: number } }>(await server.get('/api/directory/organizations?locale=en'))).meta.total;
      assert.equal(totalNow, totalBefore - 1);
      const staff = await projectionOf(server.strapi).internalCatalog();
      assert.ok(staff.bySlug.get(gone), 'the staff directory keeps the unpublished record (its draft)');
      const search = await json<{ data: PublicOrganization[] }>(
        await server.get('/api/directory/organizations?locale=en&q=renamed%20while%20down'),
      );
      assert.equal(search.data[0]?.slug, renamed, 'its new words are searchable');

      // A term relabelled while down: the snapshot's records hold the old label, so it is not used.
      const term = renamedNow.data.focusAreas[0]!;
      await server.strapi.db
        .query(FOCUS_AREA)
        .updateMany({ where: { code: term.code }, data: { labelEn: 'Relabelled while down', updatedAt: new Date() } });
      await server.stop();
      server = await startServer({ database: db.target, seed: false, env });
      const relabelled = await json<{ data: PublicOrganization }>(await bySlug(server, renamed));
      assert.equal(relabelled.data.focusAreas.find((t) => t.code === term.code)?.label, 'Relabelled while down');
      await projectionOf(server.strapi).snapshotWritten();
      assert.ok(!fs.readFileSync(file).equals(written), 'a full load, and a new snapshot of it');
    } finally {
      await server.stop();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
