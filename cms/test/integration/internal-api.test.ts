import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InternalOrganizationList, ProtocolList } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape, isPublicFixture, json } from '../expect';
import { INTERNAL_ACTIONS, createApiToken } from '../tokens';

describe('the internal staff API', () => {
  let server: TestServer;
  let staff: string;
  let other: string;
  before(async () => {
    server = await startServer();
    staff = await createApiToken(server.strapi, 'hotline tools', 'custom', INTERNAL_ACTIONS);
    // A custom token for something else (the HSDS index: stock REST routes are not mounted, so not those).
    other = await createApiToken(server.strapi, 'unrelated', 'custom', ['api::hsds.hsds.index']);
  });
  after(async () => {
    await server?.stop();
  });

  const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  test('without a token: 401 in the directory error shape', async () => {
    for (const p of [
      '/api/internal/organizations',
      '/api/internal/protocols',
      `/api/internal/organizations/${server.fixtures.organizations[0]!.slug}`,
    ]) {
      const res = await server.get(p);
      assert.equal(res.status, 401, p);
      assertErrorShape(await json(res), 401);
    }
  });

  test('with a token that lacks the permission: 403; with a bad token: 401', async () => {
    const forbidden = await server.get('/api/internal/organizations', as(other));
    assert.equal(forbidden.status, 403);
    assertErrorShape(await json(forbidden), 403);
    const bad = await server.get('/api/internal/organizations', as('not-a-real-token'));
    assert.equal(bad.status, 401);
    await bad.body?.cancel();
  });

  test('every record, whatever its status, with its confidential fields', async () => {
    const res = await server.get('/api/internal/organizations?pageSize=100', as(staff));
    assert.equal(res.status, 200);
    const body = await json<InternalOrganizationList>(res);
    assert.equal(body.meta.total, server.fixtures.organizations.length);
    const bySlug = new Map(body.data.map((o) => [o.slug, o]));
    for (const f of server.fixtures.organizations.slice(0, body.data.length)) {
      const o = bySlug.get(f.slug);
      if (!o) continue;
      assert.equal(o.audience, 'internal');
      assert.equal(o.status, f.state.listingStatus);
      assert.equal(o.published, f.state.published);
      assert.equal(o.internalNotes, f.internal.internalNotes);
      assert.equal(o.designatedContact?.name ?? null, f.internal.designatedContact?.name ?? null);
      const confidential = f.locations.findIndex((l) => l.confidential);
      if (confidential >= 0) assert.equal(o.locations[confidential]!.street, f.locations[confidential]!.street);
    }
  });

  test('staff search finds records by their confidential fields too, hidden ones included', async () => {
    const hidden = server.fixtures.organizations.find((o) => o.state.listingStatus !== 'active' && o.internal.designatedContact)!;
    const name = hidden.internal.designatedContact!.name;
    const body = await json<InternalOrganizationList>(
      await server.get(`/api/internal/organizations?q=${encodeURIComponent(name)}&pageSize=100`, as(staff)),
    );
    assert.ok(
      body.data.some((o) => o.slug === hidden.slug),
      `${name} finds ${hidden.slug}`,
    );
    const pub = await json<{ data: Array<{ slug: string }> }>(
      await server.get(`/api/directory/organizations?q=${encodeURIComponent(name)}&pageSize=100`),
    );
    assert.ok(!pub.data.some((o) => o.slug === hidden.slug));
  });

  test('filterable like the public list, plus status', async () => {
    for (const status of ['suspended', 'removed', 'applicant']) {
      const body = await json<InternalOrganizationList>(
        await server.get(`/api/internal/organizations?status=${status}&pageSize=100`, as(staff)),
      );
      const expected = server.fixtures.organizations.filter((o) => o.state.listingStatus === status).length;
      assert.equal(body.meta.total, expected, status);
      assert.ok(body.data.every((o) => o.status === status));
    }
    const qc = await json<InternalOrganizationList>(
      await server.get('/api/internal/organizations?province=QC&status=active&pageSize=100', as(staff)),
    );
    assert.ok(qc.data.every((o) => o.provinces.includes('QC') && o.status === 'active'));
    const bad = await server.get('/api/internal/organizations?status=deleted', as(staff));
    assert.equal(bad.status, 400);
    await bad.body?.cancel();
  });

  test('one record by slug, even when not public', async () => {
    const hidden = server.fixtures.organizations.find((o) => !isPublicFixture(o))!;
    const res = await server.get(`/api/internal/organizations/${hidden.slug}?locale=fr`, as(staff));
    assert.equal(res.status, 200);
    const { data } = await json(res);
    assert.equal(data.slug, hidden.slug);
    assert.equal(data.name, hidden.fr.name);
  });

  test('law-enforcement protocols with their contacts', async () => {
    const body = await json<ProtocolList>(await server.get('/api/internal/protocols?pageSize=100', as(staff)));
    assert.equal(body.meta.total, server.fixtures.protocols.length);
    for (const f of server.fixtures.protocols) {
      const p = body.data.find((x) => x.agency === f.agency);
      assert.ok(p, f.agency);
      assert.equal(p.version, f.version);
      assert.equal(p.contacts.length, f.contacts.length);
      assert.equal(p.lastReviewed, f.lastReviewedAt);
    }
  });

  test('no CORS * and no caching on staff responses', async () => {
    const res = await server.get('/api/internal/organizations', {
      headers: { Origin: 'https://partner.example.org', Authorization: `Bearer ${staff}` },
    });
    assert.notEqual(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    await res.body?.cancel();
  });
});
