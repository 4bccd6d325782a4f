/**
 * The audit trail is read-only for the directory's admin roles: this grants `read` on it to
 * Directory editors and Hotline staff and removes any other action on it (granted by hand).
 * Runs at every boot after the roles themselves are ensured (src/startup/roles.ts), and only
 * adds or removes permissions on the audit type, leaving the roles' other permissions alone.
 */
import type { Core, UID } from '@strapi/strapi';
import { AUDIT_ENTRY } from './audit';
import { isRecord } from './values';

/** Types every directory admin role reads and none may change. */
export const READ_ONLY_TYPES = [AUDIT_ENTRY] as const satisfies readonly UID.ContentType[];
export const READ_ONLY_ROLE_CODES = ['directory-editor', 'hotline-staff'] as const;

const READ = 'plugin::content-manager.explorer.read';

export async function grantReadOnlyTypes(strapi: Core.Strapi): Promise<void> {
  const action: unknown = strapi.service('admin::permission').actionProvider.get(READ);
  if (!isRecord(action)) return;
  const wanted: Array<{ action: string; subject: string; properties: Record<string, unknown> }> = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields([{ ...action, subjects: [...READ_ONLY_TYPES] }]);
  for (const code of READ_ONLY_ROLE_CODES) {
    const role: unknown = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!isRecord(role)) continue;
    const existing: unknown[] = await strapi.db.query('admin::permission').findMany({
      where: { role: role.id, subject: { $in: [...READ_ONLY_TYPES] } },
    });
    const current = existing.filter(isRecord);
    const other = current.filter((p) => p.action !== READ).map((p) => p.id);
    if (other.length > 0) await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: other } } });
    const missing = wanted.filter((w) => !current.some((p) => p.action === READ && p.subject === w.subject));
    if (missing.length > 0) {
      await strapi.service('admin::role').addPermissions(
        role.id,
        missing.map((p) => ({ ...p, conditions: [] })),
      );
    }
  }
}
