/**
 * What the browser tests of the example pages share: a real, seeded CMS (cms/test/harness.ts),
 * the example pages served against it, Debian's Chromium (playwright-core), and the waits that
 * read the widget's state. Not a test file itself (the runner picks *.test.mjs).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../cms/test/harness.ts';
import { launchChromium } from '../chromium.mjs';
import { createExamplesServer } from '../serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots of the example pages: screenshots/ at the repository root (not committed). */
export const SHOTS = join(ROOT, 'screenshots');

/** A seeded CMS, the example pages served against it on 127.0.0.1 (`site`), and a browser. */
export async function startSite() {
  const cms = await startServer();
  const pages = createExamplesServer({ api: cms.url });
  await new Promise((r) => pages.listen(0, '127.0.0.1', r));
  const browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  return { cms, pages, site: `http://127.0.0.1:${pages.address().port}`, browser };
}

/** Stops what startSite started (any of it may be missing: a failed start, a CMS a test stopped). */
export async function stopSite({ cms, pages, browser }) {
  await browser?.close();
  await new Promise((r) => (pages ? pages.close(r) : r()));
  await cms?.stop().catch(() => undefined);
}

/** The API's own answer for `path`, the expectation the tests compare the widget with. */
export async function apiJson(cms, path) {
  const res = await fetch(`${cms.url}${path}`);
  assert.equal(res.status, 200, path);
  return res.json();
}

/** Waits until the widget's status says `total` and no load is pending (for at most `timeout` ms once the status is there). */
export async function waitForCount(page, total, timeout = 15_000) {
  await page.locator('referral-directory').getByRole('status').first().waitFor();
  await page.waitForFunction(
    (n) => {
      const host = document.querySelector('referral-directory');
      const el = host?.shadowRoot?.querySelector('[role="status"]');
      return (
        !!el &&
        new RegExp(`(^|\\D)${n}(\\D|$)`).test(el.textContent ?? '') &&
        host?.shadowRoot?.querySelector('[aria-busy="true"]') === null
      );
    },
    total,
    { timeout },
  );
}
