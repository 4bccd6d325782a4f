/**
 * The editor's journey in real Chromium, driving the real admin (built, served by a real Strapi on
 * a throwaway database): an application arrives through the public form → approve → complete →
 * publish once → both public profiles complete and equal in every non-text field; suspend and
 * remove, refused without a reason (values kept, message in the admin's language) and accepted
 * with one; a suggestion changes the hours and both locales show them. On the way: provinces and
 * taxonomy terms by name in the admin's language, repeatable rows titled by their content, and the
 * record's history panel with the status change before → after. Run in the English and the
 * French admin; counts console errors (none of ours), clicks and page loads, and keeps screenshots
 * in cms/screenshots/ (git-ignored).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import type { PublicOrganization } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { SHOTS, launchBrowser, logInToAdmin } from './browser';
import { application, json } from '../expect';
import { adminUser } from '../admin-users';
import { FIELD_LABELS } from '../../src/workflow/field-labels';
import { VALUE_LABELS } from '../../src/workflow/value-labels';
import { APPLICATION, ORGANIZATION as ORG, PROTOCOL, SUGGESTION } from '../../src/content-types';

type Lang = 'en' | 'fr';

/** Strapi's own words on the buttons and toasts we press and wait for. */
const STRAPI = {
  save: { en: 'Save', fr: 'Enregistrer' },
  publish: { en: 'Publish', fr: 'Publier' },
  saved: { en: /^Saved document$/, fr: /^Sauvegardé$/ },
  published: { en: /^Published document$/, fr: /^Publié$/ },
} as const;

const label = (field: string, lang: Lang) => FIELD_LABELS[ORG]![field]![lang];
const value = (v: string, lang: Lang) => VALUE_LABELS[v]![lang];
/** Resolves when the admin's publish request has been answered (the document is committed by then). */
const publishAnswered = (page: Page) =>
  page.waitForResponse((r) => r.request().method() === 'POST' && /\/actions\/publish(\?|$)/.test(r.url()), { timeout: 30_000 });
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exact = (s: string) => new RegExp(`^${escaped(s)}$`);

/**
 * Console errors that are not ours, by cause: Strapi's own requests for features this app does
 * not use (AI, preview), answered 404; the browser's line for each save the test has refused on
 * purpose (400); React's development warning about Strapi's inputs given a null value.
 */
const NOT_OURS: Readonly<Record<string, RegExp>> = {
  strapiUnusedFeatures: /ai-feature-config|ai-localization-jobs|\/content-manager\/preview\/url\//,
  refusedOnPurpose: /status of 400 \(Bad Request\).*\/content-manager\/collection-types\/api::organization\.organization\//,
  strapiNullInput: /^Warning: `value` prop on `%s` should not be null/,
};

interface Journey {
  lang: Lang;
  clicks: number;
  pageLoads: number;
  consoleErrors: string[];
  notOurs: Record<string, number>;
  /** Clicks and page loads from the login to both profiles published. */
  toPublished?: { clicks: number; pageLoads: number };
}

describe('the editor journey in the admin, in Chromium', { timeout: 600_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const journeys: Journey[] = [];

  before(async () => {
    server = await startServer({ admin: true });
    await adminUser(server, 'directory-editor', 'Dana', 'Editor', 'dana.e2e@example.org', 'en');
    await adminUser(server, 'directory-editor', 'Élise', 'Rédactrice', 'elise.e2e@example.org', 'fr');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    for (const j of journeys) {
      console.log(
        `editor journey (${j.lang} admin): application → published in ${j.toPublished?.clicks} clicks and ${j.toPublished?.pageLoads} page loads; whole journey ${j.clicks} clicks, ${j.pageLoads} page loads, ${j.consoleErrors.length} console errors of ours; not ours: ${JSON.stringify(j.notOurs)}`,
      );
    }
  });

  const profile = async (slug: string, locale: Lang): Promise<PublicOrganization | null> => {
    const res = await server.get(`/api/directory/organizations/${slug}?locale=${locale}`);
    if (res.status !== 200) {
      await res.body?.cancel();
      return null;
    }
    return (await json<{ data: PublicOrganization }>(res)).data;
  };
  const nonText = (o: PublicOrganization) => ({
    slug: o.slug,
    kind: o.kind,
    role: o.role,
    timeframes: o.timeframes,
    needs: o.needs,
    focusAreas: o.focusAreas.map((t) => t.code),
    services: o.services.map((t) => t.code),
    populations: o.populations.map((t) => t.code),
    languages: o.languages.map((t) => t.code),
    provinces: o.provinces,
    phones: o.phones.map((p) => p.number),
    email: o.email,
    website: o.website,
    hours: o.hours.schedule,
    open24x7: o.hours.open24x7,
  });

  async function session(lang: Lang): Promise<{
    page: Page;
    journey: Journey;
    click: (target: ReturnType<Page['locator']>) => Promise<void>;
    shot: (name: string) => Promise<void>;
  }> {
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width: 1440, height: 1000 } });
    await context.addInitScript({ content: `localStorage.setItem('strapi-admin-language', ${JSON.stringify(lang)});` });
    const page = await context.newPage();
    // The machine is shared: generous waits, never a timed assertion.
    page.setDefaultTimeout(90_000);
    page.setDefaultNavigationTimeout(90_000);
    const journey: Journey = { lang, clicks: 0, pageLoads: 0, consoleErrors: [], notOurs: {} };
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = `${m.text()} ${m.location().url}`;
      const cause = Object.entries(NOT_OURS).find(([, r]) => r.test(text))?.[0];
      if (cause) journey.notOurs[cause] = (journey.notOurs[cause] ?? 0) + 1;
      else journey.consoleErrors.push(text.slice(0, 300));
    });
    page.on('response', (r) => {
      if (r.status() >= 500) journey.consoleErrors.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('load', () => {
      journey.pageLoads++;
    });
    const click = async (target: ReturnType<Page['locator']>) => {
      journey.clicks++;
      await target.click();
    };
    const shot = async (name: string) => {
      await page.screenshot({ path: path.join(SHOTS, `${lang}-${name}.png`), fullPage: false });
    };
    journeys.push(journey);
    return { page, journey, click, shot };
  }

  for (const lang of ['en', 'fr'] as const) {
    test(`in the ${lang === 'en' ? 'English' : 'French'} admin: application → approve → complete → publish once → both profiles; suspend and remove; a suggestion's hours`, async () => {
      const { page, journey, click, shot } = await session(lang);
      const email = lang === 'en' ? 'dana.e2e@example.org' : 'elise.e2e@example.org';
      const name = lang === 'en' ? 'Journey Shelter EN' : 'Refuge Parcours FR';

      // 1. A new application arrives through the public form.
      const sent = await json(await server.post('/api/directory/applications', application({ organizationName: name, locale: lang })));
      const app = await server.strapi.db.query(APPLICATION).findOne({ where: { reference: sent.data.reference } });
      assert.ok(app, 'the application is stored');

      // 2. Log in.
      await logInToAdmin(page, server.url, email, click);

      // The home page's work queue: each count is what the database holds for that filter.
      await page.locator('[data-queue=protocols]').waitFor();
      await shot('0-home-work-queue');
      const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const draft = { publishedAt: null, locale: lang };
      const expected: Record<string, number> = {
        'reviews-due': await server.strapi.db
          .query(ORG)
          .count({ where: { ...draft, nextReviewDue: { $lte: in30 }, listingStatus: { $ne: 'removed' } } }),
        attention: await server.strapi.db.query(ORG).count({ where: { ...draft, needsAttention: true } }),
        applications: await server.strapi.db
          .query(APPLICATION)
          .count({ where: { reviewStatus: { $in: ['received', 'in_review', 'more_info_requested'] } } }),
        suggestions: await server.strapi.db.query(SUGGESTION).count({ where: { reviewStatus: 'new' } }),
        protocols: await server.strapi.db.query(PROTOCOL).count({ where: { nextReviewDue: { $lte: in30 } } }),
      };
      for (const [queue, count] of Object.entries(expected)) {
        assert.equal(await page.locator(`[data-queue=${queue}]`).getAttribute('data-count'), String(count), `work queue: ${queue}`);
      }
      assert.ok(expected.applications! > 0, 'the new application is waiting');

      // 3. Open the application (newest first) and approve it.
      await page.goto(`${server.url}/admin/content-manager/collection-types/${APPLICATION}`);
      await click(page.getByRole('gridcell', { name }).first());
      await page.waitForURL(new RegExp(app.documentId));
      await click(page.locator('[name=reviewStatus]'));
      await click(page.getByRole('option', { name: value('approved', lang) }));
      // Provinces read as names in the admin's language, not as JSON (the public form sent QC and ON).
      await page
        .getByText(lang === 'en' ? 'Quebec' : 'Québec', { exact: true })
        .first()
        .waitFor();
      await click(page.getByRole('button', { name: exact(STRAPI.save[lang]) }));
      await page.getByText(STRAPI.saved[lang]).first().waitFor();
      await shot('1-application-approved');
      const linked = await server.strapi.db.query(APPLICATION).findOne({ where: { id: app.id }, populate: { organization: true } });
      const documentId: string = linked.organization.documentId;

      // 4. Complete the organization in the admin's language: status, consent, taxonomies, hours.
      await page.goto(`${server.url}/admin/content-manager/collection-types/${ORG}/${documentId}?plugins[i18n][locale]=${lang}`);
      await page.locator('[name=listingStatus]').waitFor();
      await shot('2-organization-draft');
      await click(page.locator('[name=listingStatus]'));
      await click(page.getByRole('option', { name: value('active', lang) }));
      journey.clicks++;
      await page.locator('input[name=publicConsent]').setChecked(true);
      // Pickers name the terms in the admin's language.
      for (const [field, uid, term] of [
        ['focusAreas', 'api::focus-area.focus-area', 'Human trafficking'],
        ['services', 'api::service-category.service-category', 'Emergency shelter'],
        ['languages', 'api::language.language', lang === 'en' ? 'English' : 'French'],
      ] as const) {
        const row = await server.strapi.db.query(uid).findOne({ where: { labelEn: { $containsi: term } } });
        await click(page.locator(`input[name=${field}]`));
        await click(page.getByRole('option', { name: new RegExp(escaped(lang === 'en' ? row.labelEn : row.labelFr), 'i') }).first());
      }
      await click(
        page
          .locator(
            `xpath=//label[starts-with(normalize-space(.), ${JSON.stringify(label('openingHours', lang))})]/ancestor::div[.//button][1]//button`,
          )
          .first(),
      );
      await click(page.locator('[name="openingHours.0.day"]'));
      await click(page.getByRole('option', { name: value('mon', lang) }));
      await page.locator('[name="openingHours.0.opens"]').fill('09:00');
      await page.locator('[name="openingHours.0.closes"]').fill('17:00');
      await shot('3-organization-completed');
      await click(page.getByRole('button', { name: exact(STRAPI.save[lang]) }));
      await page.getByText(STRAPI.saved[lang]).first().waitFor();
      // The page already says "published" from before: wait for the publish request itself.
      await Promise.all([publishAnswered(page), click(page.getByRole('button', { name: exact(STRAPI.publish[lang]) }))]);
      await page.getByText(STRAPI.published[lang]).first().waitFor();
      await shot('4-published');
      journey.toPublished = { clicks: journey.clicks, pageLoads: journey.pageLoads };

      const rows: Array<Record<string, any>> = await server.strapi.db
        .query(ORG)
        .findMany({ where: { documentId, publishedAt: { $notNull: true } } });
      assert.deepEqual(rows.map((r) => r.locale).sort(), ['en', 'fr'], 'one publish published both locales');
      const slug = rows[0]!.slug as string;
      const en = await profile(slug, 'en');
      const fr = await profile(slug, 'fr');
      assert.ok(en && fr, 'both public profiles exist');
      assert.ok(fr.focusAreas.length > 0 && fr.services.length > 0 && fr.languages.length > 0, 'the French profile is complete');
      assert.deepEqual(nonText(fr), nonText(en));

      // 5. A suggestion: the hours changed. The editor edits them once; both locales show them.
      await server.post('/api/directory/suggestions', {
        locale: lang,
        organization: slug,
        message: 'Open Wednesdays 10 to 4 now.',
        field: 'hours',
      });
      await page.reload();
      await page.locator('[name=listingStatus]').waitFor();
      if ((await page.locator('[name="openingHours.0.opens"]').count()) === 0) {
        await click(
          page
            .locator(
              `xpath=//label[starts-with(normalize-space(.), ${JSON.stringify(label('openingHours', lang))})]/ancestor::div[.//button][1]//button[@aria-expanded='false']`,
            )
            .first(),
        );
      }
      await page.locator('[name="openingHours.0.opens"]').fill('10:00');
      await page.locator('[name="openingHours.0.closes"]').fill('16:00');
      // The page already says "published" from before: wait for the publish request itself.
      await Promise.all([publishAnswered(page), click(page.getByRole('button', { name: exact(STRAPI.publish[lang]) }))]);
      await page.getByText(STRAPI.published[lang]).first().waitFor();
      // The collapsed row is titled by its day and times, not "1".
      const hoursTitle = page.getByText(`${VALUE_LABELS.mon!.en} / ${VALUE_LABELS.mon!.fr} 10:00–16:00`, { exact: true }).first();
      await hoursTitle.waitFor();
      await hoursTitle.scrollIntoViewIfNeeded();
      await shot('4b-hours-row-title');
      await page.locator('[name=listingStatus]').scrollIntoViewIfNeeded();
      for (const locale of ['en', 'fr'] as const) {
        const hours = (await profile(slug, locale))!.hours.schedule[0];
        assert.deepEqual([hours?.opens, hours?.closes], ['10:00', '16:00'], `${locale} profile shows the new hours`);
      }
      const suggestion = await server.strapi.db.query(SUGGESTION).findOne({ where: { organizationSlug: slug } });
      assert.ok(suggestion);

      // 6. Suspend and remove, without a reason (refused, values kept, message in the admin's language), then with one.
      for (const status of ['suspended', 'removed'] as const) {
        await click(page.locator('[name=listingStatus]'));
        await click(page.getByRole('option', { name: value(status, lang) }));
        if (status === 'removed') {
          // The suspension's reason is still there: clear it, as an editor removing without one would.
          await click(page.locator('[name=removalReason]'));
          await click(page.getByRole('option').first());
        }
        await click(page.getByRole('button', { name: exact(STRAPI.save[lang]) }));
        const message =
          lang === 'en'
            ? /Indicate the reason: “Reason for removal or suspension” is required/
            : /Indiquez le motif : « Motif du retrait ou de la suspension » est obligatoire/;
        await page.getByText(message).first().waitFor();
        await page.waitForTimeout(1500);
        await shot(`5-${status}-refused`);
        assert.equal(
          (await page.locator('[name=listingStatus]').textContent())?.trim(),
          value(status, lang),
          'the refused save kept the chosen status',
        );
        await click(page.locator('[name=removalReason]'));
        await click(page.getByRole('option', { name: value(status === 'suspended' ? 'unreachable' : 'organization_request', lang) }));
        await click(page.getByRole('button', { name: exact(STRAPI.save[lang]) }));
        await page.getByText(STRAPI.saved[lang]).first().waitFor();
        const row = await server.strapi.db.query(ORG).findOne({ where: { documentId, locale: lang, publishedAt: null } });
        assert.equal(row.listingStatus, status);
        assert.equal(await profile(slug, 'en'), null, `${status}: not public`);
        assert.equal(await profile(slug, 'fr'), null);
      }
      await shot('6-removed');
      // The record's history, on the record: the last status change, before → after, in the admin's language.
      const statusChange = page.locator('[data-history-entry] [data-change=listingStatus]').first();
      await statusChange.filter({ hasText: `${value('suspended', lang)} → ${value('removed', lang)}` }).waitFor();
      assert.match((await statusChange.textContent()) ?? '', new RegExp(`^${label('listingStatus', lang)}`));
      await statusChange.scrollIntoViewIfNeeded();
      await shot('7-history');
      assert.deepEqual(journey.consoleErrors, [], `no console error of ours:\n${journey.consoleErrors.join('\n')}`);
    });
  }
});
