/**
 * What the admin journeys in Chromium share: Debian's Chromium (CHROME_PATH to override), the
 * screenshots folder (cms/screenshots/, git-ignored) and the admin's login form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ADMIN_TEST_PASSWORD } from '../admin-users';
import { CMS_DIR } from '../../scripts/lib/boot';

export const SHOTS = path.join(CMS_DIR, 'screenshots');

/** Headless Chromium, with the flags it needs as root and to stay off the network; makes SHOTS too. */
export function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Logs `email` in through the admin's own form (with the test password), up to the home page; `click` counts the click when a journey does. */
export async function logInToAdmin(page: Page, baseUrl: string, email: string, click = (target: Locator) => target.click()): Promise<void> {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(ADMIN_TEST_PASSWORD);
  await click(page.locator('button[type=submit]'));
  await page.waitForURL(/\/admin\/?$/);
}
