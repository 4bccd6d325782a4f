import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../harness';
import { application, assertErrorShape, isPublicFixture, json } from '../expect';
import { APPLICATION, SUGGESTION } from '../../src/content-types';

describe('the public forms', () => {
  let server: TestServer;
  let publicSlug: string;
  let privateSlug: string;
  before(async () => {
    server = await startServer({ env: { DIRECTORY_FORM_RATE_LIMIT: '1000' } });
    publicSlug = server.fixtures.organizations.find(isPublicFixture)!.slug;
    privateSlug = server.fixtures.organizations.find((o) => !isPublicFixture(o))!.slug;
  });
  after(async () => {
    await server?.stop();
  });

  const applications = () => server.strapi.db.query(APPLICATION);

  describe('when an organization applies', () => {
    test('a valid application is stored for editors and answered with a reference only', async () => {
      const res = await server.post('/api/directory/applications', application());
      assert.equal(res.status, 202);
      const body = await json(res);
      assert.deepEqual(Object.keys(body.data).sort(), ['reference', 'status']);
      const stored = await applications().findOne({
        where: { reference: body.data.reference },
        populate: { contact: true, attestations: true },
      });
      assert.ok(stored);
      assert.equal(stored.reviewStatus, 'received');
      assert.equal(stored.organizationName, 'Refuge Test Étoile');
      assert.equal(stored.contact.email, 'camille@refuge-test.example.org');
      assert.equal(stored.attestations.clientSafety, true);
      assert.deepEqual(stored.provinces, ['QC', 'ON']);
    });

    test('a field outside the form (status, consent, internal) is refused and nothing is stored', async () => {
      const before = await applications().count({});
      for (const extra of [
        { status: 'approved' },
        { reviewStatus: 'approved' },
        { publicConsent: true },
        { internalNotes: 'x' },
        { listingStatus: 'active' },
      ]) {
        const res = await server.post('/api/directory/applications', application(extra));
        assert.equal(res.status, 400);
        const body = await json(res);
        assertErrorShape(body, 400);
        assert.equal(body.error.details[0].path, Object.keys(extra)[0]);
      }
      assert.equal(await applications().count({}), before);
    });

    test('bad emails, URLs, phones and missing attestations are named', async () => {
      const res = await server.post(
        '/api/directory/applications',
        application({
          contactEmail: 'not-an-email',
          website: 'javascript:alert(1)',
          phone: 'call me',
          attestations: { survivorCentred: true },
        }),
      );
      assert.equal(res.status, 400);
      const paths = (await json(res)).error.details.map((d: { path: string }) => d.path);
      for (const p of ['contactEmail', 'website', 'phone', 'attestations.clientSafety']) assert.ok(paths.includes(p), `${p} in ${paths}`);
    });

    test('a filled honeypot is answered like a success and discarded', async () => {
      const before = await applications().count({});
      const res = await server.post('/api/directory/applications', application({ fax: 'spam' }));
      assert.equal(res.status, 202);
      assert.equal(await applications().count({}), before);
    });

    test('an oversized body is refused before it is read', async () => {
      const res = await server.post('/api/directory/applications', application({ description: 'x'.repeat(40_000) }));
      assert.equal(res.status, 413);
      assertErrorShape(await json(res), 413);
    });

    test('malformed JSON and a non-JSON body get the same error shape', async () => {
      const bad = await server.post('/api/directory/applications', '{"organizationName": ');
      assert.equal(bad.status, 400);
      assertErrorShape(await json(bad), 400);
      const form = await fetch(`${server.url}/api/directory/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=b',
      });
      assert.equal(form.status, 415);
      assertErrorShape(await json(form), 415);
    });

    test('submissions are never publicly readable', async () => {
      for (const p of ['/api/applications', '/api/directory/applications']) {
        const res = await server.get(p);
        assert.ok([403, 404, 405].includes(res.status), `${p} → ${res.status}`);
        assert.ok(!(await res.text()).includes('Refuge Test'));
      }
    });
  });

  describe('when someone suggests an update', () => {
    test('a suggestion on a public record is stored and linked to it', async () => {
      const res = await server.post('/api/directory/suggestions', {
        locale: 'en',
        organization: publicSlug,
        message: 'The phone number changed.',
        field: 'phone',
      });
      assert.equal(res.status, 202);
      const { data } = await json(res);
      const stored = await server.strapi.db
        .query(SUGGESTION)
        .findOne({ where: { reference: data.reference }, populate: { organization: true } });
      assert.equal(stored.organization.slug, publicSlug);
      assert.equal(stored.reviewStatus, 'new');
    });

    test('a non-public slug is answered exactly like one that does not exist', async () => {
      const a = await server.post('/api/directory/suggestions', { locale: 'en', organization: privateSlug, message: 'x' });
      const b = await server.post('/api/directory/suggestions', { locale: 'en', organization: 'no-such-organization', message: 'x' });
      assert.equal(a.status, 400);
      assert.equal(b.status, 400);
      assert.deepEqual(await json(a), await json(b));
    });
  });
});

describe('the form rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ seed: false, env: { DIRECTORY_FORM_RATE_LIMIT: '3', DIRECTORY_FORM_RATE_WINDOW_MS: '60000' } });
  });
  after(async () => {
    await server?.stop();
  });

  test('the fourth submission in a window gets 429 with Retry-After, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await server.post(
        '/api/directory/suggestions',
        { locale: 'en', organization: 'x', message: 'x' },
        { headers: { 'X-Forwarded-For': `203.0.113.${i}` } },
      );
      statuses.push(res.status);
      if (res.status === 429) {
        assert.ok(Number(res.headers.get('retry-after')) > 0);
        assertErrorShape(await json(res), 429);
      } else await res.body?.cancel();
    }
    assert.deepEqual(statuses, [400, 400, 400, 429, 429]);
  });
});
