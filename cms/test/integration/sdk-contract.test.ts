/** The SDK against a real, seeded Strapi: every method round-trips, errors map to their classes. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createDirectoryClient,
  createInternalClient,
  isNotFoundError,
  isRateLimitError,
  isValidationError,
  type PublicOrganization,
} from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture } from '../expect';
import { INTERNAL_ACTIONS, createApiToken } from '../tokens';

describe('the SDK against a real server', () => {
  let server: TestServer;
  let client: ReturnType<typeof createDirectoryClient>;
  before(async () => {
    server = await startServer({ env: { DIRECTORY_FORM_RATE_LIMIT: '4' } });
    client = createDirectoryClient({ baseUrl: server.url, locale: 'fr', retry: false });
  });
  after(async () => {
    await server?.stop();
  });

  test('organizations.list, .all and .get round-trip in French', async () => {
    const page = await client.organizations.list({ province: ['QC', 'ON'] }, { pageSize: 5 });
    assert.ok(page.data.length > 0);
    assert.ok(page.data.every((o) => o.locale === 'fr' || o.locale === 'en'));
    const all: PublicOrganization[] = [];
    for await (const o of client.organizations.all({})) all.push(o);
    assert.equal(all.length, server.fixtures.organizations.filter(isPublicFixture).length);
    const one = await client.organizations.get(all[0]!.slug);
    assert.equal(one.data.slug, all[0]!.slug);
  });

  test('facets and settings round-trip', async () => {
    const facets = await client.facets({ q: 'montreal' });
    assert.ok(facets.data.province.length === 13);
    const settings = await client.settings();
    assert.equal(settings.data.locale, 'fr');
    assert.equal(settings.data.hotline.phone, server.fixtures.settings.hotlinePhone);
  });

  test('a hidden slug is a NotFoundError; a bad filter a ValidationError with the field', async () => {
    const hidden = server.fixtures.organizations.find((o) => !isPublicFixture(o))!;
    await assert.rejects(client.organizations.get(hidden.slug), (e: unknown) => isNotFoundError(e));
    // @ts-expect-error -- a province the SDK's types forbid, to see the server refuse it
    await assert.rejects(client.organizations.list({ province: 'XX' }), (e: unknown) => {
      assert.ok(isValidationError(e));
      assert.equal(e.details[0]?.path, 'province');
      return true;
    });
  });

  test('forms submit, and the rate limit becomes a RateLimitError with retryAfter', async () => {
    const slug = server.fixtures.organizations.find(isPublicFixture)!.slug;
    const receipt = await client.suggestions.submit({ locale: 'fr', organization: slug, message: 'Les heures ont changé.' });
    assert.equal(receipt.data.status, 'received');
    const app = await client.applications.submit({
      locale: 'en',
      organizationName: 'SDK Test Org',
      kind: 'ngo',
      role: 'indirect',
      provinces: ['NS'],
      description: 'Training for allies.',
      contactName: 'Sam Test',
      contactEmail: 'sam@example.org',
      attestations: {
        survivorCentred: true,
        traumaInformed: true,
        nonDiscriminatory: true,
        clientSafety: true,
        dataProtection: true,
        goodStanding: true,
        regionalBestPractice: true,
      },
    });
    assert.match(app.data.reference, /^APP-/);
    let limited: unknown = null;
    for (let i = 0; i < 5 && !limited; i++) {
      try {
        await client.suggestions.submit({ locale: 'fr', organization: slug, message: `encore ${i}` });
      } catch (e) {
        limited = e;
      }
    }
    assert.ok(isRateLimitError(limited), String(limited));
    assert.ok((limited.retryAfter ?? 0) > 0);
  });

  test('the internal client reads full records and protocols with a token', async () => {
    const token = await createApiToken(server.strapi, 'sdk contract', 'custom', INTERNAL_ACTIONS);
    const staff = createInternalClient({ baseUrl: server.url, token, retry: false });
    const list = await staff.organizations.list({ status: 'suspended' }, { pageSize: 100 });
    assert.equal(list.meta.total, server.fixtures.organizations.filter((o) => o.state.listingStatus === 'suspended').length);
    assert.ok(list.data.every((o) => o.audience === 'internal' && o.status === 'suspended'));
    const protocols = await staff.protocols.list({ pageSize: 100 });
    assert.equal(protocols.meta.total, server.fixtures.protocols.length);
  });
});
