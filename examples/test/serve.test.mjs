import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createExamplesServer, strictCsp } from '../serve.mjs';

let server;
let base;
before(async () => {
  server = createExamplesServer({ api: 'http://127.0.0.1:1337' });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((r) => server.close(r)));

test('every example page is served with the API URL filled in', async () => {
  for (const page of ['/', '/es-module.html', '/classic.html', '/french-quebec.html', '/themed.html', '/strict-csp.html']) {
    const res = await fetch(`${base}${page}`);
    assert.equal(res.status, 200, page);
    const html = await res.text();
    assert.ok(!html.includes('__DIRECTORY_API_URL__'), page);
  }
});

test('the strict page is served with a CSP that allows no inline code and only the API', async () => {
  const res = await fetch(`${base}/strict-csp.html`);
  const csp = res.headers.get('content-security-policy');
  assert.equal(csp, strictCsp('http://127.0.0.1:1337'));
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /connect-src http:\/\/127\.0\.0\.1:1337;/);
});

test('the built widget is served beside the pages, and nothing outside them', async () => {
  const js = await fetch(`${base}/widget/referral-directory.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /javascript/);
  const escape = await fetch(`${base}/..%2f..%2fpackage.json`);
  assert.equal(escape.status, 404);
});
