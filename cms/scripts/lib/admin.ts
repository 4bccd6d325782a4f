import type { Core } from '@strapi/strapi';

/**
 * Creates the demo super-admin once. Returns the password only when the account was created
 * with a generated one (so it can be printed once); never logs it itself.
 */
export async function ensureDemoAdmin(strapi: Core.Strapi, email: string, password: string): Promise<'created' | 'exists'> {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (existing) return 'exists';
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Demo',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  return 'created';
}
