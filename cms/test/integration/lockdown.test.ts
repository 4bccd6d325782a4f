/**
 * What nothing uses is closed: no end-user registration, no stock REST route of a confidential
 * type for any API token, and the Public and Authenticated roles cannot be given the staff API or
 * a confidential type. The staff API stays open to the token the README documents.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { createApiToken, INTERNAL_ACTIONS } from '../tokens';
import { lockDownApiRoles } from '../../src/startup/roles';

/** Stock routes of the confidential types and of end-user accounts (with what a prober would ask). */
const STOCK_PATHS = [
  '/api/organizations?status=draft&populate=*',
  '/api/organizations',
  '/api/law-enforcement-protocols?populate=*',
  '/api/applications',
  '/api/suggestions',
  '/api/referral-outcomes',
  '/api/audit-entries',
  '/api/users',
  '/api/users/1',
  '/api/users/me',
  '/api/users/count',
  '/api/users-permissions/roles',
];

describe('the lock-down', () => {
  let server: TestServer;
  let readOnly: string;
  let fullAccess: string;
  let staff: string;

  before(async () => {
    server = await startServer();
    readOnly = await createApiToken(server.strapi, 'probe read-only', 'read-only');
    fullAccess = await createApiToken(server.strapi, 'probe full access', 'full-access');
    staff = await createApiToken(server.strapi, 'hotline staff', 'custom', INTERNAL_ACTIONS);
  });
  after(async () => server?.stop());

  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  test('a read-only API token reads no stock route of a confidential type, nor end-user accounts', async () => {
    for (const p of STOCK_PATHS) {
      for (const [name, init] of [
        ['read-only', bearer(readOnly)],
        ['no token', {}],
      ] as const) {
        const res = await server.get(p, init);
        const text = await res.text();
        assert.ok(res.status === 404 || res.status === 403, `${p} with ${name}: ${res.status} ${text.slice(0, 120)}`);
        assert.doesNotMatch(text, /"data"\s*:\s*[[{]/, `${p} with ${name}: no data`);
      }
    }
  });

  test('a full-access API token does not reach them either: the routes are gone', async () => {
    for (const p of STOCK_PATHS) {
      const res = await server.get(p, bearer(fullAccess));
      assert.equal(res.status, 404, `${p}: ${res.status}`);
    }
  });

  test('nobody can register an account', async () => {
    const res = await server.post('/api/auth/local/register', {
      username: 'probe',
      email: 'probe@example.org',
      password: 'Probe-password-1',
    });
    const text = await res.text();
    assert.ok([403, 404, 405].includes(res.status), `${res.status} ${text}`);
    assert.doesNotMatch(text, /jwt/);
    const advanced = (await server.strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get()) as {
      allow_register?: boolean;
    } | null;
    assert.equal(advanced?.allow_register, false, 'registration is switched off in the settings too');
    assert.equal(await server.strapi.db.query('plugin::users-permissions.user').count({}), 0);
  });

  test('the staff API answers the documented custom token (and full access, as documented), and refuses a read-only one', async () => {
    const ok = await server.get('/api/internal/organizations?pageSize=1', bearer(staff));
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { data: unknown[] };
    assert.equal(body.data.length, 1);
    assert.equal((await server.get('/api/internal/protocols', bearer(staff))).status, 200);
    for (const p of ['/api/internal/organizations', '/api/internal/protocols']) {
      assert.equal((await server.get(p, bearer(readOnly))).status, 403, `${p} with a read-only token`);
      assert.equal((await server.get(p, bearer(fullAccess))).status, 200, `${p} with a full-access token (documented)`);
      assert.equal((await server.get(p)).status, 401, `${p} without a token`);
    }
  });

  test('at boot, the Public and Authenticated roles lose the staff API and every confidential type', async () => {
    const roles = await server.strapi.db
      .query('plugin::users-permissions.role')
      .findMany({ where: { type: { $in: ['public', 'authenticated'] } } });
    assert.equal(roles.length, 2);
    const granted = [
      'api::directory.internal.listOrganizations',
      'api::directory.internal.listProtocols',
      'api::audit-entry.audit-entry.find',
      'api::organization.organization.find',
      'plugin::users-permissions.user.find',
      'plugin::users-permissions.auth.register',
    ];
    const permissions = server.strapi.db.query('plugin::users-permissions.permission');
    for (const role of roles) for (const action of granted) await permissions.create({ data: { action, role: role.id } });
    await lockDownApiRoles(server.strapi);
    const left = (await permissions.findMany({ where: { role: { id: { $in: roles.map((r: { id: number }) => r.id) } } } })) as Array<{
      action: string;
    }>;
    for (const action of granted) assert.ok(!left.some((p) => p.action === action), `${action} removed`);
  });
});
