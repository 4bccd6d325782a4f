/**
 * The referral console's API (src/console) on a real Strapi: admin authentication and the console
 * permission (Hotline staff and Directory editor hold it, other admin roles do not), read-only for
 * records, never cached, not reachable through the public API or an API token; every confidential
 * read access-logged without search terms; the referral message holds public fields only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { assertErrorShape, json } from '../expect';
import { adminFetch, adminUser, type AdminUser } from '../admin-users';
import { createApiToken } from '../tokens';
import { ORGANIZATION as ORG } from '../../src/content-types';

const AUDIT = 'api::audit-entry.audit-entry';
const OUTCOME = 'api::referral-outcome.referral-outcome';

describe('the referral console API', () => {
  let server: TestServer;
  let staff: AdminUser;
  let editor: AdminUser;
  let author: AdminUser;
  before(async () => {
    server = await startServer();
    staff = await adminUser(server, 'hotline-staff', 'Hana', 'Staff', 'hana.console@example.org', 'fr');
    editor = await adminUser(server, 'directory-editor', 'Eddie', 'Editor', 'eddie.console@example.org');
    // Strapi's own "Author" role: an admin without the console's permission.
    author = await adminUser(server, 'strapi-author', 'Ava', 'Author', 'ava.console@example.org');
  });
  after(async () => {
    await server?.stop();
  });

  const get = (who: AdminUser, p: string) => adminFetch(server, who, 'GET', p);
  const reads = async (actorEmail: string) =>
    (await server.strapi.db.query(AUDIT).findMany({ where: { action: 'confidential_read', actorEmail } })) as Array<
      Record<string, unknown>
    >;

  test('without an admin login: 401; an admin without the console permission: 403', async () => {
    for (const p of [
      '/referral-console/search?q=aurore',
      '/referral-console/organizations/maison-aurore',
      '/referral-console/police?place=Montr%C3%A9al',
    ]) {
      const anonymous = await server.get(p);
      assert.equal(anonymous.status, 401, p);
      await anonymous.body?.cancel();
      const forbidden = await get(author, p);
      assert.equal(forbidden.status, 403, p);
      await forbidden.body?.cancel();
    }
    const post = await adminFetch(server, author, 'POST', '/referral-console/outcomes', {
      organization: 'maison-aurore',
      mode: 'phone',
      outcome: 'accepted',
    });
    assert.equal(post.status, 403);
    await post.body?.cancel();
  });

  test('an API token, even one with every permission, and the public API never reach it', async () => {
    const token = await createApiToken(server.strapi, 'full', 'full-access');
    const res = await server.get('/referral-console/search', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 401);
    await res.body?.cancel();
    for (const p of ['/api/referral-console/search', '/api/directory/referral-console/search', '/api/internal/referral-console/search']) {
      const pub = await server.get(p);
      assert.ok(pub.status === 404 || pub.status === 401 || pub.status === 403, `${p}: ${pub.status}`);
      const body = await pub.text();
      assert.doesNotMatch(body, /maison-aurore|intake/i, p);
    }
  });

  test('staff search: accents and typos forgiven, every status, active ones first, no confidential text, never cached', async () => {
    const res = await get(staff, '/referral-console/search?q=montreal&locale=fr&pageSize=50');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = await json(res);
    const slugs: string[] = body.data.map((h: { slug: string }) => h.slug);
    assert.ok(slugs.includes('maison-aurore'), slugs.join());
    const statuses: string[] = body.data.map((h: { status: string }) => h.status);
    const firstOther = statuses.findIndex((s) => s !== 'active');
    assert.ok(firstOther === -1 || statuses.slice(firstOther).every((s) => s !== 'active'), statuses.join());

    const all = await json(await get(staff, '/referral-console/search?pageSize=100'));
    assert.equal(all.meta.total, server.fixtures.organizations.length);
    const order: string[] = all.data.map((h: { status: string }) => h.status);
    assert.equal(order.lastIndexOf('active') < order.findIndex((s) => s !== 'active'), true);
    const suspended = all.data.find((h: { status: string }) => h.status === 'suspended');
    assert.ok(suspended.warnings.includes('status'));

    const fixture = server.fixtures.organizations.find((o) => o.slug === 'maison-aurore')!;
    const text = JSON.stringify(all);
    for (const secret of [fixture.internal.safetyNotes, fixture.internal.capacityNotes, fixture.internal.internalNotes]) {
      if (secret) assert.ok(!text.includes(secret), 'a confidential note in search results');
    }
    assert.equal((await reads(staff.email)).length, 0, 'a search is not a confidential read');

    const typo = await json(await get(staff, '/referral-console/search?q=maison%20aurroe'));
    assert.equal(typo.data[0]?.slug, 'maison-aurore');
  });

  test('the Montréal call at 23:00: emergency providers near Montréal, open ones first, closed ones kept and marked; openOnly drops them', async () => {
    const res = await get(staff, '/referral-console/search?near=Montreal&timeframe=emergency&openAt=2026-12-03T23:00&locale=fr');
    assert.equal(res.status, 200);
    const body = await json(res);
    const hits: Array<{ slug: string; status: string; timeframes: string[]; open?: { now: boolean } }> = body.data;
    assert.ok(hits.length > 1);
    for (const h of hits) assert.ok(h.timeframes.includes('emergency'), h.slug);
    assert.equal(hits[0]!.slug, 'maison-aurore', 'the 24/7 shelter of Montréal first');
    assert.equal(hits[0]!.open?.now, true);
    const ancrage = hits.find((h) => h.slug === 'centre-ancrage');
    assert.ok(ancrage, 'the legal clinic, closed at 23:00, is still listed');
    assert.equal(ancrage.open?.now, false);
    const rank = (h: (typeof hits)[number]) => (h.status !== 'active' ? 2 : h.open?.now ? 0 : 1);
    assert.deepEqual(
      hits.map(rank),
      [...hits.map(rank)].sort((a, b) => a - b),
      'open, then closed, then not active',
    );

    const only = await json(
      await get(staff, '/referral-console/search?near=Montreal&timeframe=emergency&openAt=2026-12-03T23:00&openOnly=true'),
    );
    assert.ok(only.data.length > 0);
    assert.ok(only.data.every((h: { open?: { now: boolean } }) => h.open?.now === true));
    assert.equal(only.meta.total, only.data.length);
    const lonely = await get(staff, '/referral-console/search?openOnly=true');
    assert.equal(lonely.status, 400);
    assert.equal((await json(lonely)).error.details[0].path, 'openOnly');
    const bad = await get(staff, '/referral-console/search?near=Atlantis&internalNotes=x');
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('cache-control'), 'no-store');
    const err = await json(bad);
    assertErrorShape(err, 400);
    assert.deepEqual(err.error.details.map((d: { path: string }) => d.path).sort(), ['internalNotes', 'near']);
  });

  test('one organization for the call: warnings, protocol, private line; each read access-logged (who, which, when)', async () => {
    const before = Date.now();
    const res = await get(staff, '/referral-console/organizations/maison-aurore?locale=fr');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { data } = await json(res);
    const fixture = server.fixtures.organizations.find((o) => o.slug === 'maison-aurore')!;
    assert.equal(data.organization.slug, 'maison-aurore');
    assert.ok(data.organization.referralProtocol);
    assert.equal(data.organization.internalPhones[0].number, fixture.internal.internalPhones[0]!.number);
    assert.ok(data.warnings.some((w: { kind: string }) => w.kind === 'safety'));
    assert.ok(data.confidentialFields.includes('internalPhones'));
    assert.equal(data.openNow?.now, true, '24/7');

    const logged = await reads(staff.email);
    assert.equal(logged.length, 1);
    const entry = logged[0]!;
    assert.equal(entry.targetUid, ORG);
    assert.equal(entry.targetDocumentId, data.organization.documentId);
    assert.equal(entry.actorName, 'Hana Staff');
    assert.ok(new Date(String(entry.occurredAt)).getTime() >= before - 1000);
    assert.doesNotMatch(JSON.stringify(entry), /montreal|aurore\b.*q=/i);

    const missing = await get(staff, '/referral-console/organizations/nope');
    assert.equal(missing.status, 404);
    assertErrorShape(await json(missing), 404);
  });

  test('police protocol for Montréal: none names it, so the Québec protocol is the stated fallback, active contacts only', async () => {
    const res = await get(editor, '/referral-console/police?place=montreal');
    assert.equal(res.status, 200);
    const { data } = await json(res);
    assert.equal(data.place.province, 'QC');
    assert.equal(data.coverage, 'provincial-fallback');
    assert.equal(data.protocols[0].province, 'QC');
    assert.ok(data.protocols[0].contacts.length > 0);
    assert.ok(data.protocols[0].contacts.every((c: { active: boolean }) => c.active));
    const covered = await json(await get(editor, '/referral-console/police?place=Vancouver'));
    assert.equal(covered.data.coverage, 'covers');
    assert.equal(covered.data.protocols[0].agency, 'Coastal Integrated Exploitation Response Team');
    assert.equal(
      (await reads(editor.email)).filter((r) => r.targetUid === 'api::law-enforcement-protocol.law-enforcement-protocol').length,
      2,
    );
    const bad = await get(editor, '/referral-console/police?place=Atlantis');
    assert.equal(bad.status, 400);
    assert.equal((await json(bad)).error.details[0].path, 'place');
  });

  test('the referral message: caller’s language, public fields only, never a non-public organization', async () => {
    const fr = await get(staff, '/referral-console/message?slug=maison-aurore&slug=centre-ancrage&locale=fr');
    assert.equal(fr.status, 200);
    const { data } = await json(fr);
    assert.match(data.text, /Maison Aurore/);
    assert.match(data.text, /Heures : Ouvert 24 heures sur 24/, 'French words and typography');
    for (const slug of ['maison-aurore', 'centre-ancrage']) {
      const f = server.fixtures.organizations.find((o) => o.slug === slug)!;
      const secrets = [
        ...f.internal.internalPhones.map((p) => p.number),
        f.internal.internalEmail,
        f.internal.safetyNotes,
        f.internal.capacityNotes,
        f.internal.internalNotes,
        f.internal.designatedContact?.name,
        ...f.locations.filter((l) => l.confidential).map((l) => l.street),
      ].filter((s): s is string => typeof s === 'string' && s !== '');
      for (const s of secrets) assert.ok(!data.text.includes(s), `${slug}: confidential "${s}" in the message`);
    }
    const hidden = await get(staff, '/referral-console/message?slug=essex-shores-outreach');
    assert.equal(hidden.status, 400);
    assert.match((await json(hidden)).error.details[0].message, /not in the public directory/);
  });

  test('recording an outcome: two fields and no caller data; staff change no record through the console', async () => {
    const res = await adminFetch(server, staff, 'POST', '/referral-console/outcomes', {
      organization: 'maison-aurore',
      mode: 'warm_transfer',
      outcome: 'accepted',
    });
    assert.equal(res.status, 201);
    const { data } = await json(res);
    const stored = await server.strapi.db
      .query(OUTCOME)
      .findOne({ where: { documentId: data.documentId }, populate: { organization: true } });
    assert.equal(stored.outcome, 'accepted');
    assert.equal(stored.organization.slug, 'maison-aurore');
    assert.equal(stored.notes ?? null, null);

    const withNote = await adminFetch(server, staff, 'POST', '/referral-console/outcomes', {
      organization: 'maison-aurore',
      mode: 'phone',
      outcome: 'accepted',
      notes: 'caller name',
    });
    assert.equal(withNote.status, 400);
    assert.equal((await json(withNote)).error.details[0].path, 'notes');

    const before = await server.strapi.db.query(ORG).count({});
    for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
      const r = await adminFetch(server, staff, method, '/referral-console/organizations/maison-aurore', { name: 'changed' });
      assert.ok([404, 405].includes(r.status), `${method}: ${r.status}`);
      await r.body?.cancel();
    }
    // Nor through the content manager (the role is read-only there).
    const cm = await adminFetch(
      server,
      staff,
      'PUT',
      `/content-manager/collection-types/${ORG}/${(await server.strapi.db.query(ORG).findOne({ where: { slug: 'maison-aurore' } })).documentId}?locale=en`,
      { name: 'changed' },
    );
    assert.equal(cm.status, 403);
    await cm.body?.cancel();
    assert.equal(await server.strapi.db.query(ORG).count({}), before);
  });
});
