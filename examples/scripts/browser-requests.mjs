#!/usr/bin/env node
/**
 * Counts the requests a browser really sends to the directory API from a partner page on another
 * origin: three `settings()` calls (default client, and `cacheSize: 0`), and the widget's
 * filter changes (tick a province, untick it). Debian's Chromium, a real seeded Strapi, and a
 * counting proxy in front of it, so preflights (OPTIONS) count and answers from the browser's
 * HTTP cache do not. Each scenario runs in a fresh browser context (an empty HTTP cache).
 *
 *   npm run browser-requests -w examples -- [--sdk FILE] [--widget FILE]
 *
 * --sdk and --widget default to the built sdk/dist/index.js and widget/dist/referral-directory.js;
 * pass older builds to compare.
 */
import { createServer, request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../chromium.mjs';
import { startServer } from '../../cms/test/harness.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUIET_MS = 1500;

const listen = (server) => new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${server.address().port}`)));

/** A proxy to `target` that logs every request it forwards. */
function countingProxy(target) {
  const log = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(
      new URL(req.url, target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return { server, log };
}

/** The partner site: a page that calls settings() three times, and a page with the widget. */
function partnerSite(api, { sdk, widget }) {
  const files = { '/sdk.js': readFileSync(resolve(sdk)), '/widget.js': readFileSync(resolve(widget)) };
  const pages = {
    '/settings.html': `<!doctype html><title>settings</title><script type="module">
      import { createDirectoryClient } from '/sdk.js';
      const size = new URLSearchParams(location.search).get('cacheSize');
      const client = createDirectoryClient({ baseUrl: ${JSON.stringify(api)}, ...(size === null ? {} : { cacheSize: Number(size) }) });
      for (let i = 0; i < 3; i++) await client.settings();
      document.title = 'done';
    </script>`,
    '/widget.html': `<!doctype html><html lang="en"><title>widget</title><script type="module" src="/widget.js"></script>
      <referral-directory api-url=${JSON.stringify(api)}></referral-directory></html>`,
  };
  return createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (files[path]) res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(files[path]);
    else if (pages[path]) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
    else res.writeHead(404).end();
  });
}

/** Waits until the proxy saw no request for QUIET_MS, then returns what it saw since `from`. */
async function settle(log, from) {
  let seen = -1;
  while (seen !== log.length) {
    seen = log.length;
    await new Promise((r) => setTimeout(r, QUIET_MS));
  }
  return log.slice(from);
}

/** The widget's result count is shown and nothing is loading. */
const widgetIdle = (page) =>
  page.waitForFunction(
    () => {
      const root = document.querySelector('referral-directory')?.shadowRoot;
      return !!root?.querySelector('[role="status"]')?.textContent?.match(/\d/) && root.querySelector('[aria-busy="true"]') === null;
    },
    null,
    { timeout: 30_000 },
  );

const summary = (requests) => {
  const preflights = requests.filter((r) => r.startsWith('OPTIONS ')).length;
  return `${requests.length} requests (${requests.length - preflights} GET, ${preflights} OPTIONS)`;
};

/**
 * Runs every scenario against `sdk` and `widget` builds; returns, per scenario, the requests the
 * API received, and reports each as it goes through `print`.
 */
export async function measure({
  sdk = join(ROOT, 'sdk', 'dist', 'index.js'),
  widget = join(ROOT, 'widget', 'dist', 'referral-directory.js'),
  print = () => {},
} = {}) {
  const results = {};
  const report = (name, requests) => {
    results[name] = requests;
    print(`${name}: ${summary(requests)}`);
    for (const r of requests) print(`  ${r}`);
  };
  const cms = await startServer();
  const proxy = countingProxy(cms.url);
  const api = await listen(proxy.server);
  const site = partnerSite(api, { sdk, widget });
  const origin = await listen(site);
  const browser = await launchChromium();
  try {
    print(`sdk: ${sdk}\nwidget: ${widget}\npage origin ${origin}, API origin ${api}\n`);
    for (const query of ['', '?cacheSize=0']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const from = proxy.log.length;
      await page.goto(`${origin}/settings.html${query}`);
      await page.waitForFunction(() => document.title === 'done', null, { timeout: 30_000 });
      report(`three settings() calls${query ? ' with cacheSize: 0' : ''}`, await settle(proxy.log, from));
      await context.close();
    }

    const context = await browser.newContext({ locale: 'en-CA' });
    const page = await context.newPage();
    let from = proxy.log.length;
    await page.goto(`${origin}/widget.html`);
    await widgetIdle(page);
    report('widget first load', await settle(proxy.log, from));
    const directory = page.locator('referral-directory');
    await directory.getByText('Province or territory', { exact: false }).first().click();
    for (const [label, action] of [
      ['tick Ontario', 'check'],
      ['untick Ontario (back to a list seen before)', 'uncheck'],
      ['tick Ontario again', 'check'],
    ]) {
      from = proxy.log.length;
      const ontario = directory.getByRole('checkbox', { name: /Ontario/ }).first();
      await ontario[action]();
      await widgetIdle(page);
      report(`widget filter change, ${label}`, await settle(proxy.log, from));
    }
    await context.close();
  } finally {
    await browser.close();
    site.close();
    proxy.server.close();
    await cms.stop();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { sdk: { type: 'string' }, widget: { type: 'string' } } });
  await measure({ ...values, print: (line) => console.log(line) });
}
