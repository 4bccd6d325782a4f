import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, type TestServer } from '../harness';
import { stdoutCapture } from '../stdout-capture';
import { json } from '../expect';

describe('operations', () => {
  let server: TestServer;
  const stdout = stdoutCapture();
  const logged = stdout.lines;
  before(async () => {
    // From before the boot: its own lines are read too.
    stdout.start();
    server = await startServer({ seed: false, env: { STRAPI_LOG_LEVEL: 'http' } });
  });
  after(async () => {
    stdout.stop();
    await server?.stop();
  });

  test('liveness and readiness answer without naming software or versions', async () => {
    for (const p of ['/api/directory/health', '/api/directory/health/ready']) {
      const res = await server.get(p);
      assert.equal(res.status, 200, p);
      const text = await res.text();
      assert.doesNotMatch(text, /strapi|node|sqlite|postgres|\d+\.\d+\.\d+/i);
      assert.equal(res.headers.get('x-powered-by'), null);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
    assert.deepEqual(await json(await server.get('/api/directory/health/ready')), { status: 'ready' });
  });

  test('the boot says, in one line, how many records its catalogs hold and what loading them took', () => {
    const lines = logged.join('').split('\n');
    const loaded = lines.filter((l) => l.includes('directory: catalogs loaded'));
    assert.equal(loaded.length, 1, lines.slice(-20).join('\n'));
    assert.match(
      loaded[0]!,
      /catalogs loaded, \d+ public and \d+ staff records: rows read and made into entries in \d+\.\d s, catalogs built in \d+\.\d s/,
    );
  });

  test('request logs carry method, path, status and duration, never a search term, token or form content', async () => {
    logged.length = 0;
    const canary = 'zqxcanary';
    await (await server.get(`/api/directory/organizations?q=${canary}-search`)).text();
    await (await server.get('/api/internal/organizations', { headers: { Authorization: `Bearer ${canary}-token` } })).text();
    await (await server.post('/api/directory/suggestions', { locale: 'en', organization: 'x', message: `${canary}-form` })).text();
    await new Promise((r) => setTimeout(r, 50));
    const text = logged.join('');
    assert.match(text, /GET \/api\/directory\/organizations 200/);
    assert.match(text, /POST \/api\/directory\/suggestions 400/);
    assert.doesNotMatch(text, new RegExp(canary));
  });
});

describe('production start-up checks', () => {
  test('production refuses to start with a missing secret, in one line naming it', () => {
    const cms = path.resolve(__dirname, '..', '..');
    const r = spawnSync(process.execPath, ['-e', "require('./dist/config/server.js')"], {
      cwd: cms,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        APP_KEYS: 'k'.repeat(20) + ',' + 'l'.repeat(20),
        API_TOKEN_SALT: 's'.repeat(20),
        ADMIN_JWT_SECRET: 'change-me',
        TRANSFER_TOKEN_SALT: 't'.repeat(20),
        ENCRYPTION_KEY: 'e'.repeat(20),
      },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^Refusing to start in production: ADMIN_JWT_SECRET is a default/);
    assert.match(lines[0]!, /JWT_SECRET is missing/);
  });
});
