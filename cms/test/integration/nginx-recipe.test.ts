/**
 * The deployment recipe's nginx (deploy/nginx/referral-directory.conf.template), run by Debian's
 * nginx as docs/operations.md says, in front of three stand-in instances that answer with their
 * name: which requests go to which instances, and where they go when those fail. The instances
 * are plain HTTP servers here (what nginx routes on is the path and the upstreams' answers);
 * `npm run cluster -w cms` runs the recipe in front of real instances on PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { NGINX, type Nginx, serverLine, startNginx } from '../../scripts/lib/nginx';
import { freePort } from '../../scripts/lib/ports';

interface Instance {
  name: string;
  port: number;
  server: http.Server;
  /** The X-Forwarded-For of the last request it took. */
  forwardedFor?: string;
}

/** Starts `i` (again) on its port: it answers every request with its name. */
async function listen(i: Instance): Promise<void> {
  i.server = http.createServer((req, res) => {
    i.forwardedFor = String(req.headers['x-forwarded-for']);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end(i.name);
    });
  });
  await new Promise<void>((resolve) => i.server.listen(i.port, '127.0.0.1', resolve));
}

async function standIn(name: string): Promise<Instance> {
  const instance: Instance = { name, port: await freePort(), server: http.createServer() };
  await listen(instance);
  return instance;
}

const stopped = (i: Instance) =>
  new Promise<void>((resolve) => {
    i.server.close(() => resolve());
    i.server.closeAllConnections();
  });

const NO_NGINX = fs.existsSync(NGINX) ? false : `Debian's nginx is not installed (apt-get install -y nginx): the recipe cannot run here`;

describe("the nginx recipe: the public's instances and the editors'", { skip: NO_NGINX }, () => {
  let dir: string;
  let editor: Instance;
  let publicA: Instance;
  let publicB: Instance;
  let nginx: Nginx;

  /** The instance that answered each of `times` GETs of `pathname` through nginx. */
  async function answeredBy(pathname: string, times = 4, init: RequestInit = {}): Promise<Set<string>> {
    const names = new Set<string>();
    for (let i = 0; i < times; i++) {
      const res = await fetch(`${nginx.url}${pathname}`, init);
      assert.equal(res.status, 200, `${pathname} through nginx`);
      names.add(await res.text());
    }
    return names;
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-nginx-recipe-'));
    [editor, publicA, publicB] = await Promise.all([standIn('editor'), standIn('public-a'), standIn('public-b')]);
    // The split docs/operations.md describes: the editors' instance is the public's last resort, and the other way round.
    nginx = await startNginx({
      dir,
      upstream: [serverLine(publicA.port), serverLine(publicB.port), serverLine(editor.port, true)],
      editors: [serverLine(editor.port), serverLine(publicA.port, true), serverLine(publicB.port, true)],
      readyPath: '/api/directory/health',
    });
  });
  after(async () => {
    await nginx?.stop();
    for (const i of [editor, publicA, publicB]) if (i?.server.listening) await stopped(i);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the public and staff APIs and the referral console go to the public instances, in turn', async () => {
    for (const pathname of [
      '/api/directory/organizations?locale=fr&page=2',
      '/api/directory/organizations/some-slug?locale=en',
      '/api/internal/organizations',
      '/api/hsds/organizations',
      '/referral-console/search?q=shelter',
      '/administrator', // not the admin: a prefix counts up to a slash
    ]) {
      assert.deepEqual([...(await answeredBy(pathname))].sort(), ['public-a', 'public-b'], pathname);
    }
  });

  test("the admin's pages and its plugins' APIs go to the editors' instance", async () => {
    for (const pathname of [
      '/admin',
      '/admin/content-manager/collection-types/api::organization.organization',
      '/admin/users/me',
      '/content-manager/collection-types/api::organization.organization/abc/actions/publish?locale=en',
      '/content-manager/init',
      '/i18n/locales',
      '/upload/files',
      '/users-permissions/roles',
      '/review-workflows/workflows',
      '/content-releases/',
    ]) {
      assert.deepEqual([...(await answeredBy(pathname))], ['editor'], pathname);
    }
    // An editor's writes too, as they come (a POST is not retried elsewhere: see the template).
    const res = await fetch(`${nginx.url}/admin/login`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(await res.text(), 'editor');
  });

  test('the instances see the address nginx saw, not one the client claims', async () => {
    await answeredBy('/api/directory/facets', 1, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    const taker = [publicA, publicB].find((i) => i.forwardedFor !== undefined)!;
    assert.equal(taker.forwardedFor, '127.0.0.1');
  });

  test("with the editors' instance down, the admin is answered by the others; with the public's down, by it", async () => {
    await stopped(editor);
    assert.deepEqual([...(await answeredBy('/admin/users/me'))].sort(), ['public-a', 'public-b']);
    assert.deepEqual([...(await answeredBy('/content-manager/init'))].sort(), ['public-a', 'public-b']);
    await Promise.all([stopped(publicA), stopped(publicB)]);
    await listen(editor);
    // nginx tries the failed instances again after fail_timeout; until then the backup answers.
    assert.deepEqual([...(await answeredBy('/api/directory/organizations?locale=en&page=3'))], ['editor']);
  });
});
