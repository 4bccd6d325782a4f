/**
 * Permissions are granted in code, declaratively, at every boot (idempotent):
 * - admin roles "Directory editor" (create, edit, publish) and "Hotline staff" (read only), both
 *   with the referral console (src/console/permissions.ts);
 * - the Public and Authenticated API roles hold no permission on any directory type, the audit
 *   trail, the staff API or end-user accounts: the public directory is served by our own routes,
 *   through the allowlist mapper, never by stock REST; and nobody can register an account.
 */
import type { Core } from '@strapi/strapi';
import { AUDIT_ENTRY } from '../workflow/audit';
import { isRecord } from '../workflow/values';
import { consolePermissions } from '../console/permissions';
import { DIRECTORY_TYPES, LOCALIZED_TYPES } from '../content-types';

const CM = 'plugin::content-manager.explorer';

export const ADMIN_ROLES = [
  {
    code: 'directory-editor',
    name: 'Directory editor',
    description: 'Partnerships team: creates, edits and publishes organizations, applications, suggestions and protocols.',
    actions: ['create', 'read', 'update', 'delete', 'publish'],
  },
  {
    code: 'hotline-staff',
    name: 'Hotline staff',
    description: 'Hotline staff: read everything, change nothing.',
    actions: ['read'],
  },
] as const;

type PermissionInput = { action: string; subject: string | null; properties: Record<string, unknown>; conditions: string[] };

function permissionsFor(strapi: Core.Strapi, actions: readonly string[]): PermissionInput[] {
  const provider = strapi.service('admin::permission').actionProvider;
  const wanted = actions
    .map((a) => provider.get(`${CM}.${a}`))
    .filter((a: unknown): a is { actionId: string; subjects: string[] } => a != null)
    .map((a) => ({ ...a, subjects: a.subjects.filter((s) => (DIRECTORY_TYPES as readonly string[]).includes(s)) }));
  const withFields: Array<{ action: string; subject: string; properties: Record<string, unknown> }> = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(wanted);
  return withFields.map((p) => ({
    action: p.action,
    subject: p.subject,
    properties: LOCALIZED_TYPES.includes(p.subject) ? { ...p.properties, locales: ['en', 'fr'] } : p.properties,
    conditions: [],
  }));
}

export async function ensureAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role');
  for (const def of ADMIN_ROLES) {
    let role = await strapi.db.query('admin::role').findOne({ where: { code: def.code } });
    if (!role) role = await roleService.create({ name: def.name, code: def.code, description: def.description });
    await roleService.assignPermissions(role.id, [...permissionsFor(strapi, def.actions), ...consolePermissions()]);
  }
}

/** What the Public and Authenticated roles may never hold, by action prefix. */
const FORBIDDEN_PREFIXES: readonly string[] = [
  ...[...DIRECTORY_TYPES, AUDIT_ENTRY].map((uid) => `${uid}.`),
  'api::directory.internal.',
  'plugin::users-permissions.',
];

/**
 * Removes any permission of the Public and Authenticated roles on a directory type, the audit
 * trail, the staff API or end-user accounts (e.g. granted by hand), and switches registration off.
 */
export async function lockDownApiRoles(strapi: Core.Strapi): Promise<void> {
  const roles = await strapi.db.query('plugin::users-permissions.role').findMany({ where: { type: { $in: ['public', 'authenticated'] } } });
  for (const role of roles) {
    const perms: Array<{ id: number; action: string }> = await strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id } });
    const forbidden = perms.filter((p) => FORBIDDEN_PREFIXES.some((prefix) => p.action.startsWith(prefix)));
    if (forbidden.length > 0) {
      await strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { id: { $in: forbidden.map((p) => p.id) } } });
      strapi.log.warn(`Removed ${forbidden.length} permission(s) of the ${role.type} role on directory types, the staff API or accounts.`);
    }
  }
  await closeRegistration(strapi);
}

/** The plugin's own switch, off (its routes are gone too: extensions/users-permissions). */
async function closeRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced: unknown = await store.get();
  const current = isRecord(advanced) ? advanced : {};
  if (current.allow_register === false) return;
  await store.set({ value: { ...current, allow_register: false } });
}
