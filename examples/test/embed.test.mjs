/**
 * The README's embed snippet, verbatim, on a partner page of another origin under a strict CSP,
 * in Debian's Chromium: the widget comes from the CMS itself (/widget/…), and so does its data.
 * Only the CMS address in the snippet is replaced by the test server's. The pinned form
 * (versioned URL + integrity from integrity.json) works too, and a wrong hash is refused.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../cms/test/harness.ts';
import { launchChromium } from '../chromium.mjs';
import { waitForCount } from './live-site.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCUMENTED_ORIGIN = 'https://directory.example.org';

/** A fenced block of the root README, found by the heading it follows. */
function readmeBlock(heading, lang) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  assert.ok(m, `a \`\`\`${lang} block after "${heading}" in README.md`);
  return m[1];
}

/** The CSP the README tells partners to send, for the CMS at `cms`. */
function documentedCsp(cms) {
  const block = readmeBlock('## Embed the directory on a partner site', 'http');
  const line = block.split('\n').find((l) => l.startsWith('Content-Security-Policy:'));
  assert.ok(line, 'the README documents a Content-Security-Policy');
  return line.slice('Content-Security-Policy:'.length).trim().replaceAll(DOCUMENTED_ORIGIN, cms);
}

describe('the README embed, from another origin, under a strict CSP', () => {
  let cms;
  let partner;
  let partnerUrl;
  let browser;
  let page = '';
  let csp = '';

  before(async () => {
    cms = await startServer();
    partner = createServer((req, res) => {
      if (req.url !== '/') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer' });
      res.end(page);
    });
    await new Promise((r) => partner.listen(0, '127.0.0.1', r));
    // localhost, not 127.0.0.1: another host as well as another port.
    partnerUrl = `http://localhost:${partner.address().port}/`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => partner?.close(r));
    await cms?.stop().catch(() => undefined);
  });

  /** Opens the partner page holding `snippet`; returns what happened. */
  async function open(snippet) {
    csp = documentedCsp(cms.url);
    page = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner</title></head>\n<body><main>\n${snippet}\n</main></body></html>\n`;
    const context = await browser.newContext({ locale: 'fr-CA' });
    const tab = await context.newPage();
    const problems = [];
    const origins = new Set();
    tab.on('request', (r) => origins.add(new URL(r.url()).origin));
    tab.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await tab.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await tab.goto(partnerUrl);
    return { context, tab, problems, origins };
  }

  test('the snippet, verbatim, defines the element and shows what the API finds', async () => {
    const snippet = readmeBlock('## Embed the directory on a partner site', 'html');
    assert.ok(snippet.includes(DOCUMENTED_ORIGIN));
    const province = /province="([A-Z]{2})"/.exec(snippet)?.[1];
    const locale = /lang="(en|fr)"/.exec(snippet)?.[1] ?? 'en';
    const expected = await (
      await fetch(`${cms.url}/api/directory/organizations?pageSize=1&locale=${locale}${province ? `&province=${province}` : ''}`)
    ).json();
    assert.ok(expected.meta.total > 0);

    const { context, tab, problems, origins } = await open(snippet.replaceAll(DOCUMENTED_ORIGIN, cms.url));
    assert.notEqual(new URL(partnerUrl).origin, new URL(cms.url).origin, 'another origin');
    await tab.waitForFunction(() => customElements.get('referral-directory') !== undefined, null, { timeout: 15_000 });
    await waitForCount(tab, expected.meta.total, 20_000);
    const hotline = await tab.locator('referral-directory').locator('a[href^="tel:"]').first().getAttribute('href');
    assert.match(hotline, /^tel:/);
    assert.deepEqual(problems, []);
    assert.deepEqual([...origins].sort(), [new URL(cms.url).origin, new URL(partnerUrl).origin].sort(), 'no third party');
    await context.close();
  });

  test('the pinned form (versioned URL and integrity from integrity.json) loads, and a wrong hash is refused', async () => {
    const manifest = await (await fetch(`${cms.url}/widget/integrity.json`)).json();
    const file = manifest.files['referral-directory.js'];
    const tag = (integrity) =>
      `<script type="module" src="${cms.url}${file.url}" integrity="${integrity}" crossorigin="anonymous"></script>\n` +
      `<referral-directory api-url="${cms.url}"></referral-directory>`;

    const pinned = await open(tag(file.integrity));
    await pinned.tab.waitForFunction(() => customElements.get('referral-directory') !== undefined, null, { timeout: 15_000 });
    assert.deepEqual(pinned.problems, []);
    await pinned.context.close();

    const wrong = await open(tag(`sha384-${Buffer.alloc(48).toString('base64')}`));
    for (let i = 0; i < 100 && !wrong.problems.some((p) => /integrity/i.test(p)); i++) await wrong.tab.waitForTimeout(100);
    assert.equal(await wrong.tab.evaluate(() => customElements.get('referral-directory') === undefined), true, 'a wrong hash is not run');
    assert.ok(
      wrong.problems.some((p) => /integrity/i.test(p)),
      wrong.problems.join('\n'),
    );
    await wrong.context.close();
  });
});
