/**
 * End to end: Debian's Chromium (playwright-core) on the example partner pages, against a real,
 * seeded Strapi started here. Expectations come from the API itself, never hard-coded.
 * Screenshots (360 px and 1280 px, English and French) go to screenshots/ at the repo root.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, apiJson, startSite, stopSite, waitForCount } from './live-site.mjs';

const EXIT_HOST = 'www.google.ca';

let cms;
let pages;
let site;
let browser;
let apiOrigin;

const api = (path) => apiJson(cms, path);

/** A fresh context that records every request host and answers the neutral exit site locally. */
async function openPage(path, { width = 1280, locale = 'en-CA' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  const hosts = new Set();
  const problems = [];
  await context.route(`https://${EXIT_HOST}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny.</p>' }),
  );
  const page = await context.newPage();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${site}${path}`);
  return { context, page, hosts, problems };
}

/** openPage, then the wait for the whole directory's first page (the count the API gives). */
async function openWhole(path) {
  const opened = await openPage(path);
  await waitForCount(opened.page, (await api('/api/directory/organizations?pageSize=1')).meta.total);
  return { ...opened, widget: opened.page.locator('referral-directory') };
}

const cardNames = (page) => page.locator('referral-directory').locator('[part~="card"] h3, [part~="card"] [part~="name"]').allInnerTexts();

describe('the widget on partner pages, against a real CMS', () => {
  before(async () => {
    ({ cms, pages, site, browser } = await startSite());
    apiOrigin = new URL(cms.url).host;
  });

  after(() => stopSite({ cms, pages, browser }));

  test('a French search with accents finds the Montréal organizations the API finds', async () => {
    const expected = await api('/api/directory/organizations?q=montreal&province=QC&locale=fr&pageSize=100');
    assert.ok(expected.meta.total > 0);
    const { page, context } = await openPage('/french-quebec.html', { locale: 'fr-CA' });
    const search = page.locator('referral-directory').getByRole('searchbox');
    await search.fill('montréal');
    await search.press('Enter');
    await waitForCount(page, expected.meta.total);
    const names = await cardNames(page);
    for (const o of expected.data.slice(0, names.length))
      assert.ok(
        names.some((n) => n.includes(o.name)),
        `${o.name} shown`,
      );
    await context.close();
  });

  test('a mistyped search offers the spelling the API suggests; choosing it searches, and the words are marked', async () => {
    const none = await api('/api/directory/organizations?q=xhelter&locale=en');
    assert.equal(none.meta.total, 0);
    const [suggestion] = none.meta.suggestions;
    assert.ok(suggestion, 'the API suggests a spelling');
    const fixed = await api(`/api/directory/organizations?q=${encodeURIComponent(suggestion)}&locale=en&pageSize=100`);
    const { page, context } = await openPage('/es-module.html');
    const widget = page.locator('referral-directory');
    await widget.getByRole('searchbox').fill('xhelter');
    await widget.getByRole('searchbox').press('Enter');
    await widget.getByText(/No results for “xhelter”/).waitFor();
    await widget.getByRole('button', { name: suggestion, exact: true }).click();
    await waitForCount(page, fixed.meta.total);
    assert.equal(await widget.getByRole('searchbox').inputValue(), suggestion);
    const marked = await widget.locator('[part~="card"] mark').allInnerTexts();
    assert.ok(marked.length > 0, 'matched words are marked');
    const relaxed = await api('/api/directory/organizations?q=legal%20aid%20montreal%20qqzzyx&locale=en');
    assert.equal(relaxed.meta.relaxed, true);
    await widget.getByRole('searchbox').fill('legal aid montreal qqzzyx');
    await widget.getByRole('searchbox').press('Enter');
    await waitForCount(page, relaxed.meta.total);
    await widget.getByText(/No organization matches all your words/).waitFor();
    await context.close();
  });

  test('a filter narrows the results to what the API counts, and a record opens with safe links', async () => {
    const on = await api('/api/directory/organizations?province=ON&pageSize=1');
    const { page, context, widget } = await openWhole('/es-module.html');
    await widget.getByText('Province or territory', { exact: false }).first().click();
    await widget
      .getByRole('checkbox', { name: /Ontario/ })
      .first()
      .check();
    await waitForCount(page, on.meta.total);

    const more = widget.getByRole('button', { name: /More details/ }).first();
    await more.click();
    await assert.doesNotReject(
      widget
        .getByRole('button', { name: /Fewer details/ })
        .first()
        .waitFor(),
    );
    const tel = widget.locator('a[href^="tel:"]').first();
    assert.match(await tel.getAttribute('href'), /^tel:\+?[0-9-]+$/);
    const web = widget.locator('a[target="_blank"]').first();
    if (await web.count()) {
      const rel = await web.getAttribute('rel');
      assert.match(rel, /noopener/);
      assert.match(rel, /noreferrer/);
    }
    await context.close();
  });

  test('switching the language at runtime re-renders everything in French', async () => {
    const { page, context } = await openPage('/es-module.html');
    const widget = page.locator('referral-directory');
    await widget.getByRole('button', { name: /Quick exit/ }).waitFor();
    await page.evaluate(() => document.querySelector('referral-directory').setAttribute('lang', 'fr'));
    await widget.getByRole('button', { name: /Sortie rapide/ }).waitFor();
    const settings = await api('/api/directory/settings?locale=fr');
    await page.waitForFunction(
      (text) => document.querySelector('referral-directory').shadowRoot.textContent.includes(text),
      settings.data.disclaimer.slice(0, 40),
    );
    const text = await page.evaluate(() => document.querySelector('referral-directory').shadowRoot.textContent);
    for (const english of ['Find support services', 'Search by keyword', 'Quick exit', 'Filter the results'])
      assert.ok(!text.includes(english), `no "${english}"`);
    await context.close();
  });

  test('quick exit by Shift three times leaves, and Back does not return to the directory', async () => {
    const { page, context } = await openPage('/index.html');
    await page.goto(`${site}/es-module.html`);
    await page
      .locator('referral-directory')
      .getByRole('button', { name: /Quick exit/ })
      .waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await Promise.all([
      page.waitForURL(`https://${EXIT_HOST}/**`),
      (async () => {
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      })(),
    ]);
    await page.goBack();
    assert.ok(!page.url().includes('es-module.html'), `Back went to ${page.url()}`);
    await context.close();
  });

  test('the strict-CSP page works with no console error and no CSP violation', async () => {
    const all = await api('/api/directory/organizations?pageSize=1');
    const { page, context, problems } = await openPage('/strict-csp.html');
    await waitForCount(page, all.meta.total);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('no request leaves for any host but the page and the API, and nothing is stored', async () => {
    const { page, context, hosts, widget } = await openWhole('/es-module.html');
    await widget.getByRole('searchbox').fill('refuge');
    await widget.getByRole('searchbox').press('Enter');
    await widget
      .getByRole('button', { name: /More details/ })
      .first()
      .click()
      .catch(() => undefined);
    assert.deepEqual([...hosts].sort(), [apiOrigin, new URL(site).host].sort());
    assert.deepEqual(await context.cookies(), []);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
    }));
    assert.deepEqual(stored, { local: 0, session: 0, idb: 0 });
    await context.close();
  });

  test('screenshots at 360 px and 1280 px in both languages', async () => {
    const all = await api('/api/directory/organizations?pageSize=1');
    for (const [path, lang] of [
      ['/es-module.html', 'en'],
      ['/french-quebec.html', 'fr'],
    ]) {
      for (const width of [360, 1280]) {
        const { page, context } = await openPage(path, { width, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
        if (lang === 'en') await waitForCount(page, all.meta.total);
        else
          await page
            .locator('referral-directory')
            .getByRole('button', { name: /Sortie rapide/ })
            .waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SHOTS, `directory-${lang}-${width}.png`), fullPage: true });
        // A search of several words as people type them (a plural, no accent in English), its words marked.
        const search = page.locator('referral-directory').getByRole('searchbox');
        await search.fill(lang === 'fr' ? 'hébergements santé' : 'legal aid montreal');
        await search.press('Enter');
        await page.locator('referral-directory').locator('[part~="card"] mark').first().waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SHOTS, `directory-search-${lang}-${width}.png`), fullPage: true });
        await context.close();
      }
    }
  });

  test('with the API stopped mid-session, the hotline number and a retry remain', async () => {
    const settings = await api('/api/directory/settings?locale=en');
    const { page, context, widget } = await openWhole('/es-module.html');
    await cms.stop();
    cms = null;
    await widget.getByRole('searchbox').fill('abri');
    await widget.getByRole('searchbox').press('Enter');
    await widget.getByRole('button', { name: /Try again/ }).waitFor({ timeout: 30_000 });
    const tel = widget.locator(`a[href^="tel:"]`).first();
    assert.match(await tel.getAttribute('href'), new RegExp(settings.data.hotline.phone.replace(/[^0-9]/g, '').slice(-7)));
    await page.screenshot({ path: join(SHOTS, 'directory-api-down-en-1280.png'), fullPage: true });
    await context.close();
  });
});
