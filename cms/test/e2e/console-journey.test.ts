/**
 * The hotline's referral console in real Chromium, on the real admin (built, served by a real
 * Strapi on a throwaway database), as a Hotline staff user: the Montréal call (a
 * French-speaking caller who needs emergency shelter and legal help at 23:00), answered from the
 * admin home page, then the referral message and the outcome; in the French admin, then the
 * English one. Prints the interactions and the scripted time of each call (a benchmark, never a
 * timed assertion); keeps screenshots at 1280×800 and 1920×1080 in cms/screenshots/
 * (git-ignored); runs axe on the console page in both languages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { startServer, type TestServer } from '../harness';
import { SHOTS, launchBrowser, logInToAdmin } from './browser';
import { adminUser } from '../admin-users';
import { CONSOLE_LABELS, CONSOLE_MENU_LABEL, valueLabel } from '../../src/admin/console/labels';

const AXE = require.resolve('axe-core/axe.min.js');
const AUDIT = 'api::audit-entry.audit-entry';
const OUTCOME = 'api::referral-outcome.referral-outcome';
type Lang = 'en' | 'fr';

interface CallFigures {
  lang: Lang;
  interactions: number;
  scriptedMs: number;
  afterCall: number;
  outcomeClicks: number;
}

describe('the referral console in the admin, in Chromium', { timeout: 900_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const figures: CallFigures[] = [];
  const users: Record<Lang, string> = { fr: 'helene.console@example.org', en: 'sam.console@example.org' };

  before(async () => {
    server = await startServer({ admin: true });
    await adminUser(server, 'hotline-staff', 'Hélène', 'Intervenante', users.fr, 'fr');
    await adminUser(server, 'hotline-staff', 'Sam', 'Advocate', users.en, 'en');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    for (const f of figures) {
      console.log(
        `console journey (${f.lang} admin): the Montréal call answered in ${f.interactions} interactions and ${(f.scriptedMs / 1000).toFixed(1)} s of scripted time; then ${f.afterCall} more for the second provider, the message and the outcome (outcome: ${f.outcomeClicks} clicks)`,
      );
    }
  });

  /** Whether the element's box is inside the viewport, as the user sees it without scrolling. */
  const inView = async (page: Page, target: Locator): Promise<boolean> => {
    const box = await target.boundingBox();
    const size = page.viewportSize();
    return (
      !!box && !!size && box.y >= 0 && box.y + Math.min(box.height, 40) <= size.height && box.x >= 0 && box.x + box.width <= size.width + 1
    );
  };

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    // A string run in the page (the test's TypeScript has no DOM types).
    const result: unknown = await page.evaluate(`(async () => {
      const r = await axe.run({ include: [['[data-console]'], ['[data-results]'], ['[data-call]'], ['[data-police]']] }, { resultTypes: ['violations'] });
      return r.violations.map((v) => v.id + ' (' + v.help + '): ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '));
    })()`);
    return Array.isArray(result) ? result.map(String) : ['axe did not answer'];
  }

  for (const lang of ['fr', 'en'] as const) {
    test(`in the ${lang === 'fr' ? 'French' : 'English'} admin: the Montréal call at 23:00, the message in the caller's language, the outcome in two clicks`, async () => {
      const t = CONSOLE_LABELS[lang];
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await context.addInitScript({ content: `localStorage.setItem('strapi-admin-language', ${JSON.stringify(lang)});` });
      const page = await context.newPage();
      page.setDefaultTimeout(90_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 500) errors.push(`HTTP ${r.status()} ${r.url()}`);
      });
      let interactions = 0;
      const act = async (what: () => Promise<unknown>) => {
        interactions++;
        await what();
      };
      const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `console-${lang}-${name}.png`) });

      // Logged in at the start of the shift (not part of the call).
      await logInToAdmin(page, server.url, users[lang]);
      // Strapi's own one-time announcement banner, dismissed once for good (not ours, not part of the call).
      await page
        .getByRole('button', { name: /^Close the banner/ })
        .click({ timeout: 15_000 })
        .catch(() => undefined);

      // The call: from the admin home page.
      const started = Date.now();
      await act(() => page.getByRole('link', { name: CONSOLE_MENU_LABEL[lang] }).click());
      await page.locator('[data-console]').waitFor();
      await act(() => page.getByLabel(t.placeLabel).fill('montreal'));
      await act(() => page.locator(`[data-chip="${valueLabel('emergency', lang)}"]`).click());
      await act(() => page.getByLabel(t.openAtLabel).fill('23:00'));
      // The list answers the place, the timeframe and the time: the 24/7 shelter first, the closed legal clinic kept.
      await page.locator('[data-answered*="openAt="][aria-busy=false] button[data-result="centre-ancrage"]').waitFor();
      await page.locator('[data-police="provincial-fallback"]').waitFor();
      const first = page.locator('[data-results] button[data-result]').first();
      assert.equal(await first.getAttribute('data-result'), 'maison-aurore');
      await act(() => first.click());
      const call = page.locator('[data-call="maison-aurore"]');
      await call.waitFor();
      const aurore = server.fixtures.organizations.find((o) => o.slug === 'maison-aurore')!;
      const protocol = aurore.internal.referralProtocol!;
      await call.locator('[data-mode="warmTransfer"]').waitFor();
      await call.locator(`[data-intake-number="${aurore.internal.internalPhones[0]!.number}"]`).waitFor();
      const policeContact = page.locator('[data-police] [data-contact]').first();
      await policeContact.waitFor();
      const scriptedMs = Date.now() - started;

      // What the call needs is on screen without scrolling at 1280×800.
      await shot('1-call-1280x800');
      const intake = call.locator('[data-intake]');
      assert.ok(await inView(page, call.locator('[data-protocol]')), 'the referral protocol is in view');
      assert.ok(await inView(page, intake), 'the private intake line is in view');
      assert.ok(await inView(page, policeContact), "the police protocol's first active contact is in view");
      const protocolText = await call.locator('[data-protocol]').innerText();
      // The fixtures' protocol texts have no French version: the French view shows the English ones.
      const intakeText = protocol.intakeHours;
      assert.ok(protocolText.includes(String(intakeText)), 'intake hours shown');
      assert.equal(await policeContact.getAttribute('data-contact'), 'Julien Paquette', "the Québec protocol's first active contact");
      assert.match(
        await page.locator('[data-police]').innerText(),
        new RegExp(t.coverage['provincial-fallback'].slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
      const callInteractions = interactions;

      // The legal clinic, closed at 23:00: arrows and Enter, its after-hours procedure.
      await first.focus();
      await act(() => page.keyboard.press('ArrowDown'));
      await act(() => page.keyboard.press('Enter'));
      const ancrage = page.locator('[data-call="centre-ancrage"]');
      await ancrage.waitFor();
      const ancrageFixture = server.fixtures.organizations.find((o) => o.slug === 'centre-ancrage')!;
      const afterHours = ancrageFixture.internal.referralProtocol!.afterHours;
      assert.ok((await ancrage.locator('[data-protocol]').innerText()).includes(String(afterHours)), 'after-hours procedure shown');

      // The referral message for the caller, in French, with both organizations, public fields only.
      await act(() => ancrage.getByRole('checkbox').click());
      await act(() => page.locator('[data-results] button[data-result="maison-aurore"]').click());
      await call.waitFor();
      await act(() => call.getByRole('checkbox').click());
      if (lang === 'en') {
        await act(() => page.getByRole('combobox', { name: t.callerLanguage }).click());
        await act(() => page.getByRole('option', { name: 'Français' }).click());
      }
      await act(() => page.getByRole('button', { name: t.makeMessage }).click());
      const message = await page.locator('[data-message]').innerText();
      assert.match(message, /Voici des services/);
      assert.match(message, /Maison Aurore/);
      for (const secret of [
        aurore.internal.internalPhones[0]!.number,
        ancrageFixture.internal.internalPhones[0]!.number,
        aurore.internal.internalNotes,
      ]) {
        if (secret) assert.ok(!message.includes(secret), `confidential "${secret}" in the message`);
      }
      await page.waitForTimeout(600); // the dialog's opening animation, for the screenshot only
      await shot('2-message-1280x800');
      await act(() => page.keyboard.press('Escape'));

      // The outcome in two clicks.
      const outcomesBefore = await server.strapi.db.query(OUTCOME).count({});
      let outcomeClicks = 0;
      const outcomeClick = async (target: Locator) => {
        outcomeClicks++;
        await act(() => target.click());
      };
      await outcomeClick(call.getByRole('button', { name: t.outcome }));
      await outcomeClick(page.getByRole('menuitem', { name: valueLabel('accepted', lang) }));
      await page.getByText(t.outcomeSaved(aurore[lang].name)).first().waitFor();
      assert.equal(await server.strapi.db.query(OUTCOME).count({}), outcomesBefore + 1);

      // `/` goes back to the search box.
      await page.locator('h1').click();
      await page.keyboard.press('/');
      assert.equal(await page.evaluate('document.activeElement && document.activeElement.getAttribute("type")'), 'search');

      // Each confidential record opened was access-logged for this user; no search terms anywhere.
      const logged = (await server.strapi.db
        .query(AUDIT)
        .findMany({ where: { action: 'confidential_read', actorEmail: users[lang] } })) as Array<Record<string, unknown>>;
      assert.ok(logged.some((e) => e.targetLabel === aurore.en.name));
      assert.ok(logged.some((e) => e.targetUid === 'api::law-enforcement-protocol.law-enforcement-protocol'));
      assert.ok(!JSON.stringify(logged).includes('23:00') && !JSON.stringify(logged).toLowerCase().includes('montreal'));

      // Accessibility of the console page, then the wide screen.
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe (${lang}): ${violations.join('\n')}`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await shot('3-call-1920x1080');
      assert.deepEqual(errors, []);
      figures.push({ lang, interactions: callInteractions, scriptedMs, afterCall: interactions - callInteractions, outcomeClicks });
      assert.ok(callInteractions <= 5, `the call took ${callInteractions} interactions`);
      assert.equal(outcomeClicks, 2);
      await context.close();
    });
  }
});
