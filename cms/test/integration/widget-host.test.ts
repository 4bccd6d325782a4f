/**
 * The CMS serves the built widget itself, as the README's embed snippet expects: a short-cache
 * latest alias and immutable versioned URLs, CORS `*`, cross-origin resource policy, the
 * JavaScript MIME type, compressed, and SRI hashes to pin. Without a build it answers a clear 503.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape } from '../expect';
import { raw } from '../../scripts/lib/raw-http';

const WIDGET = path.join(__dirname, '..', '..', '..', 'widget');
const DIST = path.join(WIDGET, 'dist');
const VERSION = (JSON.parse(fs.readFileSync(path.join(WIDGET, 'package.json'), 'utf8')) as { version: string }).version;
const FILES = ['referral-directory.js', 'referral-directory.classic.js'];
const sri = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

describe('the widget served by the CMS', () => {
  let server: TestServer;
  let base: string;
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-no-widget-'));

  before(async () => {
    assert.ok(fs.existsSync(path.join(DIST, FILES[0]!)), 'the widget is built (npm run build)');
    server = await startServer({ seed: false, env: { WIDGET_DIST_DIR: empty } });
    base = server.url;
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(empty, { recursive: true, force: true });
  });

  test('without a build, it answers a clear 503 and keeps serving the rest', async () => {
    const r = await raw(base, '/widget/referral-directory.js');
    assert.equal(r.status, 503);
    const body = JSON.parse(r.text()) as { error: { message: string } };
    assertErrorShape(body, 503);
    assert.match(body.error.message, /not built/);
    assert.equal((await raw(base, '/api/directory/health')).status, 200);
    // Built later: served from the next request on, without a restart.
    process.env.WIDGET_DIST_DIR = DIST;
    assert.equal((await raw(base, '/widget/referral-directory.js')).status, 200);
  });

  test('the latest alias: the built bytes, JavaScript, CORS *, cross-origin, a short cache', async () => {
    process.env.WIDGET_DIST_DIR = DIST;
    for (const name of FILES) {
      const r = await raw(base, `/widget/${name}`, { headers: { Origin: 'https://partner.example.org' } });
      assert.equal(r.status, 200, name);
      assert.ok(r.body.equals(fs.readFileSync(path.join(DIST, name))), `${name}: the built bytes`);
      assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(r.headers['access-control-allow-origin'], '*');
      assert.equal(r.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.match(String(r.headers['cache-control']), /max-age=300\b/);
      assert.doesNotMatch(String(r.headers['cache-control']), /immutable/);
      assert.ok(r.headers.etag);
      assert.equal((await raw(base, `/widget/${name}`, { headers: { 'If-None-Match': String(r.headers.etag) } })).status, 304);
    }
  });

  test('versioned URLs: the same bytes, immutable for a year; another version is a 404', async () => {
    for (const name of FILES) {
      const r = await raw(base, `/widget/v${VERSION}/${name}`);
      assert.equal(r.status, 200);
      assert.ok(r.body.equals(fs.readFileSync(path.join(DIST, name))));
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(r.headers['access-control-allow-origin'], '*');
      assert.equal(r.headers['cross-origin-resource-policy'], 'cross-origin');
    }
    const other = await raw(base, '/widget/v0.0.0-nope/referral-directory.js');
    assert.equal(other.status, 404);
    assertErrorShape(JSON.parse(other.text()), 404);
  });

  test('integrity.json gives the SRI hash of every file, and the URL that serves it', async () => {
    for (const p of [`/widget/v${VERSION}/integrity.json`, '/widget/integrity.json']) {
      const r = await raw(base, p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['access-control-allow-origin'], '*');
      const manifest = JSON.parse(r.text()) as { version: string; files: Record<string, { url: string; integrity: string }> };
      assert.equal(manifest.version, VERSION);
      for (const name of FILES) {
        const entry = manifest.files[name];
        assert.ok(entry, name);
        assert.equal(entry.integrity, sri(fs.readFileSync(path.join(DIST, name))), `${name}: SRI`);
        const served = await raw(base, entry.url);
        assert.equal(sri(served.body), entry.integrity, `${entry.url} matches its hash`);
      }
    }
  });

  test('compressed as the client asks, decoding to the same bytes', async () => {
    const file = fs.readFileSync(path.join(DIST, FILES[0]!));
    const br = await raw(base, `/widget/${FILES[0]}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /Accept-Encoding/);
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.ok(brotliDecompressSync(br.body).equals(file));
    const gz = await raw(base, `/widget/${FILES[0]}`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(file));
    assert.ok(br.body.length < gz.body.length && gz.body.length < file.length / 2);
  });

  test('anything else under /widget/ is a 404 or a 405, in the one error shape', async () => {
    for (const p of ['/widget/', '/widget/nope.js', '/widget/..%2Fpackage.json', '/widget/types/index.d.ts', `/widget/v${VERSION}/`]) {
      const r = await raw(base, p);
      assert.equal(r.status, 404, p);
      assertErrorShape(JSON.parse(r.text()), 404);
    }
    const post = await raw(base, '/widget/referral-directory.js', { method: 'POST', headers: { 'Content-Length': '0' } });
    assert.equal(post.status, 405);
    assert.match(String(post.headers.allow), /GET/);
  });
});
