/**
 * The editorial workflow, end to end on a real Strapi: editors act through the admin
 * content-manager API with their own JWT (as the admin UI does), scripts through the Document
 * Service; the public and internal APIs show the effect.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture, json } from '../expect';
import { adminFetch, adminUser } from '../admin-users';
import type { OrganizationFixture } from '../../src/operations/fixtures';
import { addMonths, isoDay } from '../../src/workflow/dates';
import { runReviewJob } from '../../src/workflow/review-job';
import type { EmailMessage } from '../../src/workflow/email';
import { APPLICATION, AUDIT_ENTRY as AUDIT, ORGANIZATION as ORG, PROTOCOL, SUGGESTION } from '../../src/content-types';

const CM = '/content-manager/collection-types';
/** Put in confidential fields; must never appear in an audit entry. */
const CANARY = 'CANARY-b71e-confidential';

type Row = Record<string, any>;

describe('the editorial workflow', () => {
  let server: TestServer;
  let editor: { id: number; token: string };
  let staff: { id: number; token: string };
  let publicOrgs: OrganizationFixture[];
  const today = () => isoDay(new Date());

  const admin = (who: { token: string }, method: string, path: string, body?: unknown) => adminFetch(server, who, method, path, body);

  const orgBySlug = async (slug: string, locale = 'en'): Promise<Row> => {
    const row = await server.strapi.db.query(ORG).findOne({
      where: { slug, locale, publishedAt: null },
      populate: { contactAttempts: true, designatedContact: true },
    });
    assert.ok(row, `organization ${slug}`);
    return row;
  };
  const byKey = (uid: string, key: string, value: string) => server.strapi.db.query(uid).findOne({ where: { [key]: value } });
  const publicStatus = async (slug: string) => {
    const res = await server.get(`/api/directory/organizations/${slug}`);
    await res.body?.cancel();
    return res.status;
  };
  const auditOf = (documentId: string): Promise<Row[]> =>
    server.strapi.db.query(AUDIT).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });
  const isValidationError = (path: string) => (e: any) => {
    assert.equal(e?.name, 'ValidationError');
    assert.deepEqual(
      e.details?.errors?.map((x: { path: string[] }) => x.path.join('.')),
      [path],
    );
    return true;
  };

  before(async () => {
    server = await startServer({ env: { SUSPEND_UNREACHABLE: 'true', UNREACHABLE_ATTEMPTS: '3', REVIEW_INTERVAL_MONTHS: '12' } });
    publicOrgs = server.fixtures.organizations.filter(isPublicFixture);
    editor = await adminUser(server, 'directory-editor', 'Dana', 'Editor', 'dana.editor@example.org');
    staff = await adminUser(server, 'hotline-staff', 'Sam', 'Staff', 'sam.staff@example.org');
  });
  after(async () => {
    await server?.stop();
  });

  describe('when the daily review job runs', () => {
    test('it selects exactly the records due or overdue on the given day and mails the editors', async () => {
      const day = '2026-12-01';
      const due = (d: string | null) => d != null && d <= day;
      const expected = [
        ...server.fixtures.organizations
          .filter(
            (o) =>
              o.state.listingStatus !== 'removed' &&
              (due(o.state.nextReviewDue) || (o.state.nextReviewDue == null && o.state.listingStatus === 'active')),
          )
          .map((o) => o.en.name),
        ...server.fixtures.protocols.filter((p) => p.nextReviewDue == null || due(p.nextReviewDue)).map((p) => p.agency),
      ].sort();
      assert.ok(expected.length >= 3, 'the fixtures have records due by then');
      const sent: EmailMessage[] = [];
      const result = await runReviewJob(server.strapi, {
        today: day,
        send: async (m) => {
          sent.push(m);
        },
      });
      assert.deepEqual(result.due.map((d) => d.label).sort(), expected);
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0]!.to, ['dana.editor@example.org']);
      for (const name of expected) assert.ok(sent[0]!.text.includes(name), `digest names ${name}`);
      assert.ok(!sent[0]!.text.includes(CANARY));
    });

    test('a day before anything is due it selects nothing and sends nothing', async () => {
      const sent: EmailMessage[] = [];
      const result = await runReviewJob(server.strapi, {
        today: '2026-01-01',
        send: async (m) => {
          sent.push(m);
        },
      });
      const early = server.fixtures.protocols.filter((p) => p.nextReviewDue != null && p.nextReviewDue <= '2026-01-01');
      assert.equal(early.length, 0);
      assert.deepEqual(result.due, []);
      assert.equal(sent.length, 0);
    });

    test('without an email provider the digest is logged, not sent', async () => {
      const lines: string[] = [];
      const info = server.strapi.log.info;
      server.strapi.log.info = ((m: unknown) => {
        lines.push(String(m));
      }) as typeof info;
      try {
        delete process.env.EMAIL_PROVIDER;
        const result = await runReviewJob(server.strapi, { today: '2026-12-01' });
        assert.equal(result.sent, true);
      } finally {
        server.strapi.log.info = info;
      }
      assert.ok(
        lines.some((l) => l.startsWith('email not sent (EMAIL_PROVIDER unset) to dana.editor@example.org')),
        lines.join('\n'),
      );
    });
  });

  describe('when an editor decides an application', () => {
    test('approving it creates a draft organization pre-filled from it, linked to it, not public', async () => {
      const fixture = server.fixtures.applications.find((a) => a.reviewStatus === 'in_review')!;
      const app = await byKey(APPLICATION, 'reference', fixture.reference);
      const res = await admin(editor, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, { reviewStatus: 'approved' });
      assert.equal(res.status, 200, await res.clone().text());

      const linked = await server.strapi.db.query(APPLICATION).findOne({ where: { id: app.id }, populate: { organization: true } });
      assert.equal(linked.reviewStatus, 'approved');
      assert.ok(linked.organization?.documentId, 'the application links the new organization');
      const rows: Row[] = await server.strapi.db.query(ORG).findMany({
        where: { documentId: linked.organization.documentId },
        populate: { serviceAreas: true, phones: true, designatedContact: true, attestations: true },
      });
      assert.deepEqual(rows.map((r) => r.locale).sort(), ['en', 'fr'], 'named in its locale and the other');
      assert.ok(
        rows.every((r) => r.publishedAt == null),
        'a draft only',
      );
      for (const r of rows) {
        assert.equal(r.name, fixture.organizationName);
        assert.equal(r.description, fixture.description);
        assert.equal(r.kind, fixture.kind);
        assert.equal(r.role, fixture.role);
        assert.deepEqual(
          r.serviceAreas.map((a: Row) => a.province),
          fixture.provinces,
        );
        assert.equal(r.website, fixture.website);
        assert.equal(r.email, fixture.email);
        assert.deepEqual(
          r.phones.map((p: Row) => p.number),
          fixture.phone ? [fixture.phone] : [],
        );
        assert.equal(r.designatedContact.name, fixture.contact.name);
        assert.equal(r.designatedContact.email, fixture.contact.email);
        for (const [k, v] of Object.entries(fixture.attestations)) {
          assert.equal(k === 'attestedAt' ? String(r.attestations[k]).slice(0, 10) : r.attestations[k], v, `attestation ${k}`);
        }
        assert.equal(r.listingStatus, 'under_review');
        assert.equal(r.publicConsent, false);
      }
      assert.equal(await publicStatus(rows[0]!.slug), 404);
      const audit = await auditOf(linked.organization.documentId);
      assert.equal(audit[0]?.action, 'create');
      assert.equal(audit[0]?.actorName, 'Dana Editor');
      assert.equal(audit[0]?.statusTo, 'under_review');
    });

    test('saving an approved application again creates nothing more', async () => {
      const fixture = server.fixtures.applications.find((a) => a.reviewStatus === 'in_review')!;
      const app = await byKey(APPLICATION, 'reference', fixture.reference);
      const count = await server.strapi.db.query(ORG).count({});
      const res = await admin(editor, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, { reviewStatus: 'approved', services: 'Updated' });
      assert.equal(res.status, 200);
      await res.body?.cancel();
      assert.equal(await server.strapi.db.query(ORG).count({}), count);
    });

    test('a review status set by a script or the API shows in the admin', async () => {
      const fixture = server.fixtures.applications.find((a) => a.reviewStatus === 'more_info_requested')!;
      const app = await byKey(APPLICATION, 'reference', fixture.reference);
      assert.equal(app.reviewStatus, 'more_info_requested');
      await server.strapi.documents(APPLICATION).update({ documentId: app.documentId, data: { reviewStatus: 'in_review' } });
      const res = await admin(editor, 'GET', `${CM}/${APPLICATION}/${app.documentId}`);
      assert.equal(res.status, 200);
      assert.equal((await json(res)).data.reviewStatus, 'in_review');
    });

    test('declining without a reason is refused, naming declineReason, and nothing is written', async () => {
      const fixture = server.fixtures.applications.find((a) => a.reviewStatus === 'received')!;
      const app = await byKey(APPLICATION, 'reference', fixture.reference);
      const res = await admin(editor, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, { reviewStatus: 'declined', declineReason: '' });
      assert.equal(res.status, 400);
      const body = await json(res);
      assert.equal(body.error.name, 'ValidationError');
      assert.deepEqual(
        body.error.details.errors.map((e: { path: string[] }) => e.path),
        [['declineReason']],
      );
      assert.equal((await byKey(APPLICATION, 'reference', fixture.reference)).reviewStatus, 'received');
      await assert.rejects(
        server.strapi.documents(APPLICATION).update({ documentId: app.documentId, data: { reviewStatus: 'declined' } }),
        isValidationError('declineReason'),
      );
      const ok = await admin(editor, 'PUT', `${CM}/${APPLICATION}/${app.documentId}`, {
        reviewStatus: 'declined',
        declineReason: 'Outside our criteria.',
      });
      assert.equal(ok.status, 200);
      await ok.body?.cancel();
      assert.equal((await byKey(APPLICATION, 'reference', fixture.reference)).reviewStatus, 'declined');
    });
  });

  describe('when a record is reviewed', () => {
    test('"mark as verified" stamps today, the editor and the next review, then clears itself', async () => {
      const slug = publicOrgs[0]!.slug;
      const org = await orgBySlug(slug);
      const res = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, { locale: 'en', markVerified: true });
      assert.equal(res.status, 200, await res.clone().text());
      await res.body?.cancel();
      for (const locale of ['en', 'fr']) {
        const r = await orgBySlug(slug, locale);
        assert.equal(String(r.lastVerifiedAt).slice(0, 10), today());
        assert.equal(r.lastVerifiedBy, 'Dana Editor');
        assert.equal(String(r.nextReviewDue).slice(0, 10), addMonths(today(), 12));
        assert.equal(r.markVerified, false);
      }
      const job = await runReviewJob(server.strapi, { today: addMonths(today(), 11), send: async () => {} });
      assert.ok(!job.due.some((d) => d.documentId === org.documentId), 'not due again before the interval');
    });
  });

  describe('when contact attempts fail', () => {
    const failures = () =>
      [3, 2, 1].map((daysAgo, i) => ({
        at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        method: 'phone',
        outcome: ['no_answer', 'bounced', 'left_message'][i],
        notes: null,
      }));
    const keep = (r: Row) => (r.contactAttempts as Row[]).map(({ at, method, outcome, notes }) => ({ at, method, outcome, notes }));

    test('three failures suspend an active record as unreachable, and it leaves the public API at once', async () => {
      const slug = publicOrgs[1]!.slug;
      assert.equal(await publicStatus(slug), 200);
      const org = await orgBySlug(slug);
      await server.strapi.documents(ORG).update({
        documentId: org.documentId,
        locale: 'en',
        data: { contactAttempts: [...keep(org), ...failures()] },
      });
      const r = await orgBySlug(slug);
      assert.equal(r.needsAttention, true);
      assert.equal(r.listingStatus, 'suspended');
      assert.equal(r.removalReason, 'unreachable');
      assert.match(r.statusNote, new RegExp(`^Suspended ${today()}: designated contact unreachable after 3 failed attempts`));
      assert.match(
        r.statusNote,
        new RegExp(`\nSuspendue le ${today()} : personne-ressource désignée injoignable après 3 tentatives`),
        'the note in French too',
      );
      assert.ok(r.suspendedAt);
      assert.equal(await publicStatus(slug), 404);
      assert.ok((await server.strapi.db.query(ORG).count({ where: { documentId: org.documentId } })) >= 2, 'never deleted');
      const audit = (await auditOf(org.documentId)).at(-1)!;
      assert.equal(audit.action, 'status_change');
      assert.deepEqual([audit.statusFrom, audit.statusTo, audit.actorType], ['active', 'suspended', 'system']);
    });

    test('a record not listed yet is flagged for an editor but keeps its status', async () => {
      const fixture = server.fixtures.organizations.find((o) => o.state.listingStatus === 'under_review')!;
      const org = await orgBySlug(fixture.slug);
      await server.strapi.documents(ORG).update({
        documentId: org.documentId,
        locale: 'en',
        data: { contactAttempts: [...keep(org), ...failures()] },
      });
      const r = await orgBySlug(fixture.slug);
      assert.equal(r.needsAttention, true);
      assert.equal(r.listingStatus, 'under_review');
      assert.match(r.statusNote, /^Needs attention /);
    });

    test('two failures are not enough', async () => {
      const slug = publicOrgs[4]!.slug;
      const org = await orgBySlug(slug);
      await server.strapi.documents(ORG).update({
        documentId: org.documentId,
        locale: 'en',
        data: { contactAttempts: [...keep(org), ...failures().slice(1)] },
      });
      const r = await orgBySlug(slug);
      assert.equal(r.needsAttention, false);
      assert.equal(r.listingStatus, 'active');
      assert.equal(await publicStatus(slug), 200);
    });
  });

  describe('when a record is removed', () => {
    test('removal without a reason is refused and changes nothing', async () => {
      const slug = publicOrgs[2]!.slug;
      const org = await orgBySlug(slug);
      await assert.rejects(
        server.strapi.documents(ORG).update({ documentId: org.documentId, locale: 'en', data: { listingStatus: 'removed' } }),
        isValidationError('removalReason'),
      );
      assert.equal((await orgBySlug(slug)).listingStatus, 'active');
      assert.equal(await publicStatus(slug), 200);
      const res = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, {
        locale: 'en',
        listingStatus: 'removed',
        removalReason: null,
      });
      assert.equal(res.status, 400);
      assert.deepEqual((await json(res)).error.details.errors[0].path, ['removalReason']);
    });

    test("removal at the organization's request is dated, hides the record and keeps it internally", async () => {
      const slug = publicOrgs[2]!.slug;
      const org = await orgBySlug(slug);
      const res = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, {
        locale: 'en',
        listingStatus: 'removed',
        removalReason: 'organization_request',
        statusNote: 'Asked by email.',
      });
      assert.equal(res.status, 200, await res.clone().text());
      await res.body?.cancel();
      const r = await orgBySlug(slug);
      assert.equal(r.listingStatus, 'removed');
      assert.equal(r.removalReason, 'organization_request');
      assert.ok(r.removedAt, 'removedAt is set');
      assert.equal(await publicStatus(slug), 404);
      const internal = await server.strapi.service('api::directory.projection').internalCatalog();
      assert.equal(internal.bySlug.get(slug)?.records.en.status, 'removed');
      const audit = (await auditOf(org.documentId)).at(-1)!;
      assert.deepEqual(
        [audit.action, audit.statusFrom, audit.statusTo, audit.actorName],
        ['status_change', 'active', 'removed', 'Dana Editor'],
      );
    });
  });

  describe('when a law-enforcement protocol changes', () => {
    test('a new protocol text or contact list bumps the version and dates the review; other edits do not', async () => {
      const fixture = server.fixtures.protocols[0]!;
      const p = await server.strapi.db.query(PROTOCOL).findOne({ where: { externalId: fixture.externalId }, populate: { contacts: true } });
      const put = async (data: Row) => {
        const res = await admin(editor, 'PUT', `${CM}/${PROTOCOL}/${p.documentId}`, data);
        assert.equal(res.status, 200, await res.clone().text());
        await res.body?.cancel();
        return server.strapi.db.query(PROTOCOL).findOne({ where: { id: p.id }, populate: { contacts: true } });
      };
      let r = await put({ protocol: `Call the duty sergeant first. ${CANARY}` });
      assert.equal(r.version, fixture.version + 1);
      assert.equal(String(r.lastReviewedAt).slice(0, 10), today());
      assert.equal(String(r.nextReviewDue).slice(0, 10), addMonths(today(), 12));
      const contacts = (r.contacts as Row[]).map(({ name, rank, unit, phone, email, role, active }) => ({
        name,
        rank,
        unit,
        phone,
        email,
        role,
        active,
      }));
      r = await put({ contacts: [...contacts, { name: `Cst. ${CANARY}`, phone: '+1-613-555-0199', active: true }] });
      assert.equal(r.version, fixture.version + 2);
      r = await put({ area: 'Downtown' });
      assert.equal(r.version, fixture.version + 2);
      const audit = (await auditOf(p.documentId)).slice(-3);
      assert.deepEqual(
        audit.map((e) => e.changedFields.split(', ').sort()),
        [['lastReviewedAt', 'nextReviewDue', 'previousProtocol', 'protocol', 'version'], ['contacts', 'version'], ['area']],
      );
      assert.ok(audit.every((e) => e.actorName === 'Dana Editor' && e.changes.every((c: Row) => c.confidential === true)));
    });
  });

  describe('when a suggestion is closed', () => {
    test('resolving it requires a resolution note', async () => {
      const fixture = server.fixtures.suggestions.find((s) => s.reviewStatus === 'new')!;
      const s = await byKey(SUGGESTION, 'reference', fixture.reference);
      const res = await admin(editor, 'PUT', `${CM}/${SUGGESTION}/${s.documentId}`, { reviewStatus: 'resolved', resolutionNote: '' });
      assert.equal(res.status, 400);
      assert.deepEqual((await json(res)).error.details.errors[0].path, ['resolutionNote']);
      assert.equal((await byKey(SUGGESTION, 'reference', fixture.reference)).reviewStatus, 'new');
      const ok = await admin(editor, 'PUT', `${CM}/${SUGGESTION}/${s.documentId}`, {
        reviewStatus: 'dismissed',
        resolutionNote: 'Already correct.',
      });
      assert.equal(ok.status, 200);
      await ok.body?.cancel();
      assert.equal((await byKey(SUGGESTION, 'reference', fixture.reference)).reviewStatus, 'dismissed');
      await assert.rejects(
        server.strapi
          .documents(SUGGESTION)
          .update({ documentId: s.documentId, data: { reviewStatus: 'resolved', resolutionNote: null } as never }), // cast kept: clearing a field takes null, which Strapi's input types omit
        isValidationError('resolutionNote'),
      );
    });
  });

  describe('the audit trail', () => {
    test('names the editor and the changed fields, with values for public fields only', async () => {
      const slug = publicOrgs[3]!.slug;
      const org = await orgBySlug(slug);
      const res = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, {
        locale: 'en',
        name: 'Renamed Centre',
        internalNotes: `Note ${CANARY}`,
        designatedContact: { name: `Contact ${CANARY}`, email: 'canary@example.org', phone: '+1-613-555-0142', title: null },
      });
      assert.equal(res.status, 200, await res.clone().text());
      await res.body?.cancel();
      const entry = (await auditOf(org.documentId)).at(-1)!;
      assert.equal(entry.action, 'update');
      assert.equal(entry.actorType, 'admin');
      assert.equal(entry.actorId, String(editor.id));
      assert.equal(entry.actorName, 'Dana Editor');
      assert.equal(entry.actorEmail, 'dana.editor@example.org');
      assert.equal(entry.targetUid, ORG);
      assert.equal(entry.targetLocale, 'en');
      assert.deepEqual(entry.changedFields.split(', ').sort(), ['designatedContact', 'internalNotes', 'name']);
      const byField = new Map((entry.changes as Row[]).map((c) => [c.field, c]));
      assert.deepEqual(byField.get('name'), { field: 'name', locale: 'en', confidential: false, from: org.name, to: 'Renamed Centre' });
      assert.deepEqual(byField.get('internalNotes'), { field: 'internalNotes', confidential: true });
      assert.deepEqual(byField.get('designatedContact'), { field: 'designatedContact', confidential: true });
    });

    test('publishing and unpublishing are recorded with the actor', async () => {
      const slug = publicOrgs[3]!.slug;
      const org = await orgBySlug(slug);
      await server.strapi.documents(ORG).publish({ documentId: org.documentId, locale: '*' });
      await server.strapi.documents(ORG).unpublish({ documentId: org.documentId, locale: '*' });
      const [publish, unpublish] = (await auditOf(org.documentId)).slice(-2);
      assert.equal(publish?.action, 'publish');
      assert.ok(publish?.changedFields.includes('name'), 'publishing shows what became public');
      assert.equal(unpublish?.action, 'unpublish');
      assert.ok([publish, unpublish].every((e) => e?.actorType === 'system'));
    });

    test('no audit entry contains a confidential value', async () => {
      const all: Row[] = await server.strapi.db.query(AUDIT).findMany({});
      assert.ok(all.length > server.fixtures.organizations.length, 'the seed and the tests were audited');
      for (const e of all) assert.ok(!JSON.stringify(e).includes(CANARY), `entry ${e.id} (${e.action} ${e.targetLabel}) leaks`);
    });
  });

  describe('in the admin', () => {
    test('the favicon every admin page asks for is served, not a 500', async () => {
      const res = await server.get('/favicon.ico');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^image\//);
      assert.ok((await res.arrayBuffer()).byteLength > 0);
    });

    test('lists show the triage columns and the workflow fields carry their labels', async () => {
      const res = await admin(editor, 'GET', `/content-manager/content-types/${ORG}/configuration`);
      assert.equal(res.status, 200);
      const { data } = await json(res);
      assert.deepEqual(data.contentType.layouts.list, [
        'name',
        'kind',
        'listingStatus',
        'publicConsent',
        'lastVerifiedAt',
        'nextReviewDue',
        'needsAttention',
      ]);
      assert.equal(data.contentType.metadatas.markVerified.edit.label, 'Mark as verified on save');
      const audit = await json(await admin(staff, 'GET', `/content-manager/content-types/${AUDIT}/configuration`));
      assert.equal(audit.data.contentType.settings.defaultSortOrder, 'DESC');
      const auditFields = Object.keys(server.strapi.contentTypes[AUDIT as keyof typeof server.strapi.contentTypes]!.attributes);
      for (const f of auditFields) assert.equal(audit.data.contentType.metadatas[f]?.edit.editable, false, `${f} is read-only`);
      const app = await json(await admin(editor, 'GET', `/content-manager/content-types/${APPLICATION}/configuration`));
      const editFields = (app.data.contentType.layouts.edit as Array<Array<{ name: string }>>).flat().map((c) => c.name);
      assert.equal(editFields[0], 'reviewStatus');
      assert.equal(app.data.contentType.metadatas.reviewStatus.edit.label, 'Status');
    });
  });

  describe('with the admin roles', () => {
    test('hotline staff read organizations and the audit trail but change nothing', async () => {
      const slug = publicOrgs[5]!.slug;
      const org = await orgBySlug(slug);
      const list = await admin(staff, 'GET', `${CM}/${ORG}?page=1&pageSize=10&locale=en`);
      assert.equal(list.status, 200);
      assert.ok((await json(list)).results.length > 0);
      const audit = await admin(staff, 'GET', `${CM}/${AUDIT}?page=1&pageSize=10`);
      assert.equal(audit.status, 200);
      assert.ok((await json(audit)).results.length > 0);
      const create = await admin(staff, 'POST', `${CM}/${ORG}?locale=en`, {
        locale: 'en',
        name: 'Staff org',
        slug: 'staff-org',
        kind: 'ngo',
        role: 'direct',
        description: 'x',
      });
      assert.equal(create.status, 403);
      await create.body?.cancel();
      const put = await admin(staff, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, { locale: 'en', name: 'Staff edit' });
      assert.equal(put.status, 403);
      await put.body?.cancel();
      const verify = await admin(staff, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, { locale: 'en', markVerified: true });
      assert.equal(verify.status, 403);
      await verify.body?.cancel();
      assert.equal((await orgBySlug(slug)).name, org.name);
    });

    test('directory editors change organizations but cannot write the audit trail', async () => {
      const slug = publicOrgs[5]!.slug;
      const org = await orgBySlug(slug);
      const put = await admin(editor, 'PUT', `${CM}/${ORG}/${org.documentId}?locale=en`, { locale: 'en', fees: 'None' });
      assert.equal(put.status, 200);
      await put.body?.cancel();
      assert.equal((await orgBySlug(slug)).fees, 'None');
      const entry = (await auditOf(org.documentId)).at(-1)!;
      const forged = await admin(editor, 'PUT', `${CM}/${AUDIT}/${entry.documentId}`, { actorName: 'someone else' });
      assert.equal(forged.status, 403);
      await forged.body?.cancel();
      const created = await admin(editor, 'POST', `${CM}/${AUDIT}`, {
        action: 'update',
        targetUid: ORG,
        actorType: 'system',
        occurredAt: new Date().toISOString(),
      });
      assert.equal(created.status, 403);
      await created.body?.cancel();
      const removed = await admin(editor, 'DELETE', `${CM}/${AUDIT}/${entry.documentId}`);
      assert.equal(removed.status, 403);
      await removed.body?.cancel();
      assert.equal((await server.strapi.db.query(AUDIT).findOne({ where: { id: entry.id } })).actorName, 'Dana Editor');
    });
  });
});
