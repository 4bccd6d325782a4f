/**
 * Two instances on one PostgreSQL database: a write on one reaches the other through LISTEN/NOTIFY
 * (the other's poll is set to ten minutes, so nothing else could carry it), and when the listener's
 * connection is killed the poll carries writes until the listener is back.
 *
 * Instance A runs in this process and writes; instance B is a process of its own (test/serve.ts)
 * that the test only reads over HTTP, and watches in pg_stat_activity.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client as PgClient } from 'pg';
import { CMS_DIR } from '../../scripts/lib/boot';
import { freePort } from '../../scripts/lib/ports';
import { databaseEnv, serverEnv, startServer, throwawayDatabase, type DatabaseTarget, type TestServer } from '../harness';
import { isPublicFixture, json } from '../expect';
import { adminFetch, adminUser, type AdminUser } from '../admin-users';
import { LISTENER_APPLICATION_PREFIX } from '../../src/catalog/notify';
import { ORGANIZATION as ORG } from '../../src/content-types';

const CM = '/content-manager/collection-types';
const TEN_MINUTES = '600000';
/** B's listener waits this long before reconnecting: the window in which only the poll can help. */
const RETRY_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000, context = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${context()}`);
    await sleep(50);
  }
}

const onPostgres = Boolean(process.env.DATABASE_URL) && (process.env.DATABASE_CLIENT ?? 'postgres') === 'postgres';
// LISTEN/NOTIFY is PostgreSQL's: on SQLite instances keep the poll alone (public-api.test.ts tests it).
const skip = onPostgres
  ? false
  : 'runs in the PostgreSQL pass (.ci/run sets DATABASE_CLIENT=postgres and DATABASE_URL): LISTEN/NOTIFY is PostgreSQL only';

describe('two instances on one PostgreSQL database', { skip }, () => {
  let tmp: string;
  let db: { target: DatabaseTarget; drop: () => Promise<void> };
  let a: TestServer;
  let b: ChildProcess;
  let bUrl: string;
  let bOutput = '';
  let sql: PgClient;
  let slug: string;
  let documentId: string;
  let editor: AdminUser;
  const bId = `b-${randomBytes(4).toString('hex')}`;

  /** B's listener backend, if connected and listening. */
  const bListener = async (): Promise<number | null> => {
    const r = await sql.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and query ilike 'LISTEN%'`, [
      `${LISTENER_APPLICATION_PREFIX}${bId}`,
    ]);
    return r.rows[0]?.pid ?? null;
  };
  const nameOn = async (base: string): Promise<string | null> => {
    const res = await fetch(`${base}/api/directory/organizations/${slug}?locale=en`);
    if (res.status !== 200) {
      await res.body?.cancel();
      return null;
    }
    return (await json(res)).data.name;
  };
  const nameOnB = () => nameOn(bUrl);
  const bLog = () =>
    `; B's log ends:\n${bOutput
      .split('\n')
      .filter((l) => !/DeprecationWarning|trace-deprecation/.test(l))
      .slice(-40)
      .join('\n')}`;
  const renameOnA = async (name: string) => {
    const docs = a.strapi.documents(ORG);
    await docs.update({ documentId, locale: 'en', data: { name } });
    await docs.publish({ documentId, locale: 'en' });
  };

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-instances-'));
    db = await throwawayDatabase(tmp);
    a = await startServer({ database: db.target, env: { DIRECTORY_REFRESH_INTERVAL_MS: TEN_MINUTES, DIRECTORY_INSTANCE_ID: 'a' } });
    const fixture = a.fixtures.organizations.find(isPublicFixture)!;
    slug = fixture.slug;
    editor = await adminUser(a, 'directory-editor', 'Ines', 'Instances', 'ines.instances@example.org');
    documentId = (await a.strapi.documents(ORG).findFirst({ filters: { slug }, locale: 'en' }))!.documentId;

    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    b = spawn(process.execPath, ['--import', 'tsx', 'test/serve.ts'], {
      cwd: CMS_DIR,
      env: {
        ...process.env,
        ...serverEnv(port, {
          DIRECTORY_REFRESH_INTERVAL_MS: '300',
          DIRECTORY_LISTEN_POLL_INTERVAL_MS: TEN_MINUTES,
          DIRECTORY_LISTEN_RETRY_MS: String(RETRY_MS),
          DIRECTORY_INSTANCE_ID: bId,
          STRAPI_LOG_LEVEL: 'warn',
        }),
        ...databaseEnv(db.target),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    b.stdout!.on('data', (d: Buffer) => {
      bOutput += d.toString();
    });
    b.stderr!.on('data', (d: Buffer) => {
      bOutput += d.toString();
    });

    const { Client } = await import('pg');
    sql = new Client({ connectionString: db.target.client === 'postgres' ? db.target.url : '' });
    await sql.connect();
    await waitFor(
      'B to answer and listen',
      async () => {
        if (b.exitCode !== null) throw new Error(`B exited early:\n${bOutput}`);
        return (await bListener()) !== null && (await nameOnB()) === fixture.en.name;
      },
      120_000,
    );
  });

  after(async () => {
    if (b && b.exitCode === null) {
      const exited = new Promise((r) => b.once('exit', r));
      b.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (b.exitCode === null) b.kill('SIGKILL');
    }
    await sql?.end();
    await a?.stop();
    await db?.drop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("a publish on A reaches B's public catalog through the notification, not B's poll", async () => {
    await renameOnA('Renamed On Instance A');
    await waitFor('B to show the new name', async () => (await nameOnB()) === 'Renamed On Instance A');

    // A suspension (a draft, not even published) takes B's public copy down just as fast.
    await a.strapi.documents(ORG).update({ documentId, locale: 'en', data: { listingStatus: 'suspended', removalReason: 'unreachable' } });
    await waitFor('B to withdraw the suspended record', async () => (await nameOnB()) === null);
    await a.strapi.documents(ORG).update({ documentId, locale: 'en', data: { listingStatus: 'active' } });
    await a.strapi.documents(ORG).publish({ documentId, locale: 'en' });
    await waitFor('B to list the record again', async () => (await nameOnB()) === 'Renamed On Instance A');
  });

  test("an editor's publish through the admin is public at once on the instance that took it, even under reads, and reaches the other", async () => {
    // A's poll is off (ten minutes): what A shows right after the response comes from the write
    // itself. Readers keep asking A meanwhile, so that a read may land between the write and its
    // commit and re-read the rows as they were (src/index.ts marks the document again at commit).
    let reading = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) await nameOn(a.url);
    });
    try {
      await publishes();
    } finally {
      reading = false;
      await Promise.all(readers);
    }
  });

  async function publishes(): Promise<void> {
    for (let i = 1; i <= 5; i++) {
      const name = `Published Through The Admin ${i}`;
      const put = await adminFetch(a, editor, 'PUT', `${CM}/${ORG}/${documentId}?locale=en`, { locale: 'en', name });
      assert.equal(put.status, 200, await put.clone().text());
      const publish = await adminFetch(a, editor, 'POST', `${CM}/${ORG}/${documentId}/actions/publish?locale=en`, {});
      assert.equal(publish.status, 200, await publish.clone().text());
      assert.equal(await nameOn(a.url), name, `publish ${i} is public on A at the next read`);
      await waitFor(`B to show publish ${i}`, async () => (await nameOnB()) === name);
    }
  }

  test('with the listener connection killed, the poll carries writes until the listener is back', async () => {
    const pid = await bListener();
    assert.ok(pid, 'B listens');
    await sql.query('select pg_terminate_backend($1)', [pid]);
    const killedAt = Date.now();
    await waitFor('the listener to be gone', async () => (await bListener()) === null);

    await renameOnA('Carried By The Poll');
    await waitFor(
      'B to show the write made while it could not listen',
      async () => (await nameOnB()) === 'Carried By The Poll',
      20_000,
      bLog,
    );
    assert.equal(
      await bListener(),
      null,
      `the listener was still away (reconnects ${RETRY_MS} ms after the kill; ${Date.now() - killedAt} ms passed)`,
    );

    await waitFor('B to listen again', async () => (await bListener()) !== null, RETRY_MS + 30_000);
    // Back on the channel, the poll is slow again: only a notice can bring this one in time.
    await renameOnA('Back On The Channel');
    await waitFor('B to show the write made after it listens again', async () => (await nameOnB()) === 'Back On The Channel');
  });
});
