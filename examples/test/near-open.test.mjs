/**
 * Near me, open now, print and copy a link, in Debian's Chromium on the example partner pages,
 * against a real, seeded Strapi started here (issue #16, the widget's part). Every expectation
 * comes from the API itself. The cards and the filters must name a kind with the one table of
 * labels the API serves (#18, item 4). Screenshots of the place search with distances and the
 * open-now filter, at 360 px and 1280 px in English and French, go to screenshots/ at the repo
 * root (not committed).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SHOTS, apiJson, startSite, stopSite, waitForCount } from './live-site.mjs';

// axe-core is the widget's test dependency: resolved from there.
const require = createRequire(new URL('../../widget/package.json', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');

let cms;
let pages;
let site;
let browser;

const api = (path) => apiJson(cms, path);

async function openPage(path, { width = 1280, locale = 'en-CA' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  const hosts = new Set();
  const page = await context.newPage();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.goto(`${site}${path}`);
  return { context, page, hosts };
}

/** Types a place in the place field and searches. */
async function searchNear(page, place) {
  const field = page.locator('referral-directory').getByRole('textbox', { name: /Near|Près de/ });
  await field.fill(place);
  await field.press('Enter');
}

/** axe over the page, shadow roots included; returns the violations' ids and targets. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document.querySelector('referral-directory'), { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** Each card's text, read through its shadow root. */
const cardTexts = (page) =>
  page.evaluate(() =>
    [...document.querySelector('referral-directory').shadowRoot.querySelectorAll('rd-result-card')].map((c) =>
      c.shadowRoot.textContent.replace(/\s+/g, ' '),
    ),
  );

/** Runs `action` and waits for the list request whose URL has `param`, then for the widget to render it. */
async function afterList(page, param, action) {
  await Promise.all([page.waitForResponse((r) => r.url().includes('/organizations?') && r.url().includes(param)), action()]);
  await page.waitForFunction(() => document.querySelector('referral-directory')?.shadowRoot?.querySelector('[aria-busy="true"]') === null);
}

describe('near me, open now, print and share in the widget, against a real CMS', () => {
  before(async () => {
    ({ cms, pages, site, browser } = await startSite());
  });

  after(() => stopSite({ cms, pages, browser }));

  test('a place search shows the distances the API computes, sorted by distance, axe clean', async () => {
    const expected = await api('/api/directory/organizations?near=Montr%C3%A9al&locale=en&pageSize=10');
    assert.ok(expected.meta.total > 0, 'the seed has organizations near Montréal');
    const { page, context, hosts } = await openPage('/es-module.html');
    await waitForCount(page, (await api('/api/directory/organizations?locale=en')).meta.total);
    await afterList(page, 'near=montreal', () => searchNear(page, 'montreal'));
    await waitForCount(page, expected.meta.total);
    const texts = await cardTexts(page);
    expected.data.forEach((hit, i) => {
      assert.ok(texts[i]?.includes(hit.name), `card ${i} is ${hit.name}`);
      const said = hit.distanceKm !== undefined ? `${new Intl.NumberFormat('en-CA').format(hit.distanceKm)} km away` : 'Serves this area';
      assert.ok(texts[i].includes(said), `card ${i} says "${said}"`);
    });
    const sort = page.locator('referral-directory').getByRole('combobox', { name: 'Sort by' });
    assert.equal(await sort.inputValue(), 'distance');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(
      [...hosts].filter((h) => h !== new URL(site).host && h !== new URL(cms.url).host),
      [],
    );
    await context.close();
  });

  test('a place the directory does not know is said beside the field, with the hotline, never as "no services"', async () => {
    const res = await fetch(`${cms.url}/api/directory/organizations?near=Atlantisville&locale=fr`);
    assert.equal(res.status, 400);
    const { page, context } = await openPage('/french-quebec.html', { locale: 'fr-CA' });
    await searchNear(page, 'Atlantisville');
    const widget = page.locator('referral-directory');
    const field = widget.getByRole('textbox', { name: /Près de/ });
    await widget.getByText('«\u00a0Atlantisville\u00a0» n’est pas un lieu connu du répertoire', { exact: false }).first().waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await widget.getByText('Aucun service ne correspond').count(), 0);
    const settings = await api('/api/directory/settings?locale=fr');
    assert.ok(
      await widget.locator('[part~="error"]').getByText(settings.data.hotline.phoneDisplay).isVisible(),
      'the hotline number is shown',
    );
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('"Open now" keeps what the API says is open, each card saying until when', async () => {
    const expected = await api('/api/directory/organizations?openNow=true&locale=en&pageSize=10');
    const { page, context } = await openPage('/es-module.html');
    await waitForCount(page, (await api('/api/directory/organizations?locale=en')).meta.total);
    await afterList(page, 'openNow=true', () => page.locator('referral-directory').getByRole('checkbox', { name: 'Open now' }).check());
    await waitForCount(page, expected.meta.total);
    const texts = await cardTexts(page);
    expected.data.forEach((hit, i) => {
      assert.ok(texts[i]?.includes(hit.name), `card ${i} is ${hit.name}`);
      if (hit.open?.until) assert.match(texts[i], /Open now · closes at \d/);
      else assert.ok(texts[i].includes('Open 24/7'), `${hit.name} never closes`);
    });
    await context.close();
  });

  test('without "Open now", every card says whether it is open, as the API says, in both languages', async () => {
    for (const [path, locale, lang, filter, open, closed] of [
      ['/es-module.html', 'en-CA', 'en', '', /Open now · closes at \d/, /Closed · opens (today|tomorrow|[A-Z][a-z]+day) at \d/],
      // This page presets Quebec.
      [
        '/french-quebec.html',
        'fr-CA',
        'fr',
        '&province=QC',
        /Ouvert maintenant · ferme à \d/,
        /Fermé · ouvre (aujourd’hui|demain|[a-z]+di) à \d/,
      ],
    ]) {
      const { page, context } = await openPage(path, { locale });
      const expected = await api(`/api/directory/organizations?locale=${lang}&pageSize=10${filter}`);
      await waitForCount(page, expected.meta.total);
      const texts = await cardTexts(page);
      assert.ok(
        expected.data.some((hit) => hit.open && !hit.hours.open24x7),
        'the demo data has hours to show',
      );
      expected.data.forEach((hit, i) => {
        assert.ok(texts[i]?.includes(hit.name), `card ${i} is ${hit.name}`);
        if (!hit.open || hit.hours.open24x7) return;
        assert.match(texts[i], hit.open.now ? open : closed, `${hit.name} (${lang})`);
      });
      await context.close();
    }
  });

  test('cards and filters name each kind and role with the same label, in both languages', async () => {
    for (const [path, locale, lang] of [
      ['/es-module.html', 'en-CA', 'en'],
      ['/french-quebec.html', 'fr-CA', 'fr'],
    ]) {
      const facets = await api(`/api/directory/facets?locale=${lang}`);
      const label = (name, value) => facets.data[name].find((f) => f.value === value).label;
      const { page, context } = await openPage(path, { locale });
      const first = page.locator('referral-directory').locator('rd-result-card').first();
      await first.waitFor();
      const kindLine = await first.locator('.kind').innerText();
      const [kind, role] = kindLine.split(' · ');
      const code = (name) => facets.data[name].find((f) => f.label === (name === 'type' ? kind : role))?.value;
      assert.ok(code('type'), `"${kind}" is the API's label of a kind (${lang})`);
      assert.ok(code('role'), `"${role}" is the API's label of a role (${lang})`);
      const filter = page.locator('referral-directory').locator(`rd-filter-panel input[value="${code('type')}"]`);
      const filterLabel = await filter.evaluate((input) => input.closest('label').querySelector('span').textContent.trim());
      assert.equal(filterLabel, kind, `the filter names ${code('type')} as the card does (${lang})`);
      assert.equal(kind, label('type', code('type')));
      await context.close();
    }
  });

  test('a copied link opens the record on the host page, from the fragment alone', async () => {
    const { page, context } = await openPage('/es-module.html');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site });
    const card = page.locator('referral-directory').locator('rd-result-card').first();
    const name = await card.getByRole('heading').innerText();
    await card.getByRole('button', { name: /^Copy link/ }).click();
    await card.getByText('Link copied.').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    assert.equal(url.pathname, '/es-module.html');
    assert.match(url.hash, /^#rd-org=[\w-]+$/);
    const other = await context.newPage();
    await other.goto(link);
    const shared = other.locator('referral-directory').getByRole('region', { name: 'Shared record' });
    await shared.getByRole('heading', { name }).waitFor();
    assert.equal(await shared.getByRole('button', { name: /Fewer details/ }).count(), 1, 'the record opens expanded');
    assert.deepEqual(await other.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);
    await context.close();
  });

  test('printing shows the results and the hotline without controls; a card prints alone', async () => {
    const { page, context } = await openPage('/es-module.html');
    await waitForCount(page, (await api('/api/directory/organizations?locale=en')).meta.total);
    await page.emulateMedia({ media: 'print' });
    const widget = page.locator('referral-directory');
    assert.equal(await widget.getByRole('checkbox', { name: 'Open now' }).isVisible(), false);
    assert.equal(await widget.getByRole('textbox', { name: /Near/ }).isVisible(), false);
    const settings = await api('/api/directory/settings?locale=en');
    assert.ok(
      await widget.locator('rd-hotline-banner').getByText(settings.data.hotline.phoneDisplay).isVisible(),
      'the hotline number prints',
    );
    const cards = widget.locator('rd-result-card');
    assert.ok((await cards.count()) > 1);
    await cards.nth(1).evaluate((el) => el.setAttribute('printing', ''));
    assert.equal(await cards.nth(0).isVisible(), false);
    assert.ok(await cards.nth(1).isVisible());
    await page.screenshot({ path: join(SHOTS, 'print-one-record-en.png'), fullPage: true });
    await context.close();
  });

  test('screenshots: the place search with distances and "open now", at 360 px and 1280 px, in both languages', async () => {
    for (const [path, locale, lang, place, open] of [
      ['/es-module.html', 'en-CA', 'en', 'Montréal', 'Open now'],
      ['/french-quebec.html', 'fr-CA', 'fr', 'Montréal', 'Ouvert maintenant'],
    ]) {
      for (const width of [360, 1280]) {
        const { page, context } = await openPage(path, { width, locale });
        await page.locator('referral-directory').locator('rd-result-card').first().waitFor();
        await afterList(page, 'near=', () => searchNear(page, place));
        await page.locator('referral-directory').locator('.near').first().waitFor();
        await page.screenshot({ path: join(SHOTS, `near-${lang}-${width}.png`), fullPage: true });
        await afterList(page, 'openNow=true', () => page.locator('referral-directory').getByRole('checkbox', { name: open }).check());
        await page.screenshot({ path: join(SHOTS, `near-open-${lang}-${width}.png`), fullPage: true });
        await context.close();
      }
    }
  });
});
