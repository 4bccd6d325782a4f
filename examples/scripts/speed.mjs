#!/usr/bin/env node
/**
 * Speed of the widget as a person sees it, in Debian's Chromium against a local CMS: time from
 * navigation start to the first results painted, and from a filter change to the updated results,
 * median (and p90) of N runs each. Prints figures; it is a measurement, not a test.
 *
 * Usage: node examples/scripts/speed.mjs [--db /tmp/bench-10000.db] [--runs 10]
 * The database is copied first (the CMS writes at boot). Make one with
 *   npm run seed -w cms -- --synthetic 10000   (DATABASE_FILENAME=/tmp/bench-10000.db)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../cms/scripts/lib/ports.ts';
import { freshSecrets } from '../../cms/scripts/lib/secrets.ts';
import { launchChromium } from '../chromium.mjs';
import { createExamplesServer } from '../serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cmsDir = join(here, '..', '..', 'cms');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const db = opt('db', process.env.BENCH_DB ?? '/tmp/bench-10000.db');
const runs = Number(opt('runs', 10));
if (!existsSync(db)) {
  console.error(`No database at ${db}. Create one: cd cms && DATABASE_FILENAME=${db} npm run seed -- --synthetic 10000`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'rd-speed-'));
copyFileSync(db, join(tmp, 'speed.db'));
const port = await freePort();
const cms = spawn(process.execPath, ['--import', 'tsx', '-e', "require('./scripts/lib/boot').bootStrapi({ listen: true })"], {
  cwd: cmsDir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    STRAPI_LOG_LEVEL: 'error',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: join(tmp, 'speed.db'),
    DIRECTORY_REFRESH_INTERVAL_MS: '0',
    ...freshSecrets(),
  },
});
const api = `http://127.0.0.1:${port}`;
let pages;
let browser;
const cleanup = async () => {
  await browser?.close().catch(() => undefined);
  pages?.close();
  cms.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${api}/api/directory/health/ready`)).ok) break;
    } catch {
      /* booting */
    }
    if (i > 240) throw new Error('the CMS did not start within 2 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const total = (await (await fetch(`${api}/api/directory/organizations?pageSize=1`)).json()).meta.total;
  pages = createExamplesServer({ api });
  await new Promise((r) => pages.listen(0, '127.0.0.1', r));
  const site = `http://127.0.0.1:${pages.address().port}`;
  browser = await launchChromium();

  // In the page: the time (ms since navigation start) when the results status first reads a count.
  const probe = () => {
    const deep = (root, selector, out = []) => {
      out.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deep(el.shadowRoot, selector, out);
      return out;
    };
    window.__rdDeep = deep;
    const check = () => {
      const status = deep(document, '[role="status"].count')[0];
      if (status && /\d/.test(status.textContent ?? '') && deep(document, '[part~="card"]').length > 0) {
        window.__rdFirstResults = performance.now();
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    const start = () => observer.observe(document, { subtree: true, childList: true, characterData: true });
    // Shadow roots are not observed from the document: poll each frame as well.
    const poll = () => {
      if (!check()) requestAnimationFrame(poll);
    };
    document.addEventListener('DOMContentLoaded', () => {
      start();
      poll();
    });
  };

  const first = [];
  const filter = [];
  for (let run = 0; run < runs + 1; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(`${site}/es-module.html`);
    await page.waitForFunction(() => window.__rdFirstResults !== undefined, null, { timeout: 30_000 });
    const t = await page.evaluate(() => window.__rdFirstResults);
    // A filter change: check a province and wait for the status to change.
    const dt = await page.evaluate(async () => {
      const deep = window.__rdDeep;
      const status = deep(document, '[role="status"].count')[0];
      const before = status.textContent;
      const box = deep(document, 'input[type="checkbox"]').find((b) =>
        /Ontario/.test(b.closest('label')?.textContent ?? b.getAttribute('aria-label') ?? ''),
      );
      if (!box) throw new Error('no Ontario checkbox');
      const t0 = performance.now();
      box.click();
      await new Promise((resolve) => {
        const tick = () =>
          status.textContent !== before && !deep(document, '[aria-busy="true"]').length ? resolve() : requestAnimationFrame(tick);
        tick();
      });
      return performance.now() - t0;
    });
    if (run > 0) {
      first.push(t);
      filter.push(dt);
    } // run 0 warms the CMS and the browser cache
    await context.close();
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return `median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, min ${s[0].toFixed(0)} ms, max ${s.at(-1).toFixed(0)} ms`;
  };
  console.log(`\nWidget speed in Chromium, ${total} public organizations, ${runs} runs (after one warm-up)`);
  console.log(`  navigation start → first results painted: ${stats(first)}   (target ≤ 300 ms)`);
  console.log(`  filter change → updated results:          ${stats(filter)}   (target ≤ 100 ms)`);
} finally {
  await cleanup();
}
