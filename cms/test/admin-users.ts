/** Admin users for tests: created in the running Strapi with a role, logged in as the admin UI does. */
import assert from 'node:assert/strict';
import type { TestServer } from './harness';
import { json } from './expect';

export const ADMIN_TEST_PASSWORD = 'Workflow-Test-Passw0rd';

export interface AdminUser {
  id: number;
  email: string;
  token: string;
}

/** Creates an admin user with the role `roleCode` and logs in; `preferedLanguage` is the admin language they chose. */
export async function adminUser(
  server: TestServer,
  roleCode: string,
  firstname: string,
  lastname: string,
  email: string,
  preferedLanguage?: 'en' | 'fr',
): Promise<AdminUser> {
  const role = await server.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  assert.ok(role, `role ${roleCode}`);
  const user = await server.strapi.service('admin::user').create({
    email,
    firstname,
    lastname,
    password: ADMIN_TEST_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
    ...(preferedLanguage ? { preferedLanguage } : {}),
  });
  const res = await server.post('/admin/login', { email, password: ADMIN_TEST_PASSWORD });
  assert.equal(res.status, 200, `login ${email}`);
  const body = await json<{ data: { token: string } }>(res);
  return { id: Number(user.id), email, token: body.data.token };
}

/** A request to the admin API as `who` (the content-manager routes the admin UI calls). */
export const adminFetch = (
  server: TestServer,
  who: { token: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${who.token}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
