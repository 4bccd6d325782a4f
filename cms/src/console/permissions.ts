/**
 * The console's admin permissions: reading the console (search, records, police protocols,
 * referral messages) and recording a referral outcome. Registered as admin actions (they show in
 * the role editor under Settings → Referral console) and granted in code to the Directory editor
 * and Hotline staff roles (src/startup/roles.ts); a super admin holds every action.
 */
import type { Core } from '@strapi/strapi';

/** `api::` + uid: actions registered without a plugin name belong to the application. */
export const CONSOLE_READ = 'api::referral-console.read';
export const CONSOLE_RECORD_OUTCOME = 'api::referral-console.record-outcome';
export const CONSOLE_ACTIONS = [CONSOLE_READ, CONSOLE_RECORD_OUTCOME] as const;

export async function registerConsoleActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'settings', category: 'Referral console', displayName: 'Use the referral console (read)', uid: 'referral-console.read' },
    { section: 'settings', category: 'Referral console', displayName: 'Record referral outcomes', uid: 'referral-console.record-outcome' },
  ]);
}

/** The role permissions these actions need (no subject, no condition). */
export const consolePermissions = () =>
  CONSOLE_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] as string[] }));
