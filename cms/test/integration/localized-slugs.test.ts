/**
 * A slug the public API returns in a locale resolves in that locale: a French list links to
 * French slugs, so `GET /organizations/<french slug>?locale=fr` must find the record, whatever the
 * data (here the French row of a record carries a slug of its own, as a database written before
 * slugs were shared, or localized slugs, would have).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDirectoryClient, isNotFoundError } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture } from '../expect';
import { ORGANIZATION as ORG } from '../../src/content-types';

describe('slugs per locale', () => {
  let server: TestServer;
  let english: string;
  let french: string;
  let hiddenFrench: string;

  before(async () => {
    server = await startServer();
    const listed = server.fixtures.organizations.find(isPublicFixture)!;
    const hidden = server.fixtures.organizations.find((o) => !isPublicFixture(o))!;
    english = listed.slug;
    french = `${listed.slug}-fr`;
    hiddenFrench = `${hidden.slug}-fr`;
    for (const [slug, fr] of [
      [listed.slug, french],
      [hidden.slug, hiddenFrench],
    ] as const) {
      const doc = await server.strapi.db.query(ORG).findOne({ where: { slug, locale: 'en' } });
      assert.ok(doc, slug);
      await server.strapi.db.query(ORG).updateMany({ where: { documentId: doc.documentId, locale: 'fr' }, data: { slug: fr } });
    }
    await server.strapi.service('api::directory.projection').reload();
  });
  after(async () => {
    await server?.stop();
  });

  test('the French list returns the French slug, and get resolves it in French (SDK)', async () => {
    const client = createDirectoryClient({ baseUrl: server.url, locale: 'fr', retry: false });
    const slugs: string[] = [];
    for await (const org of client.organizations.all()) slugs.push(org.slug);
    assert.ok(slugs.includes(french), 'the French list carries the French slug');
    assert.ok(!slugs.includes(english));
    const { data } = await client.organizations.get(french);
    assert.equal(data.slug, french);
    assert.equal(data.locale, 'fr');
  });

  test('every slug of every locale resolves, in either locale (HTTP)', async () => {
    for (const locale of ['en', 'fr']) {
      for (const slug of [english, french]) {
        const res = await server.get(`/api/directory/organizations/${slug}?locale=${locale}`);
        assert.equal(res.status, 200, `${slug} in ${locale}`);
        const body = (await res.json()) as { data: { slug: string; locale: string } };
        assert.equal(body.data.slug, locale === 'fr' ? french : english, 'the record in the asked locale');
      }
    }
  });

  test('a suggestion may name the record by its French slug', async () => {
    const res = await server.post('/api/directory/suggestions', { locale: 'fr', organization: french, message: 'Le numéro a changé.' });
    assert.equal(res.status, 202);
  });

  test('the French slug of a record that is not public stays a 404', async () => {
    const client = createDirectoryClient({ baseUrl: server.url, locale: 'fr', retry: false });
    await assert.rejects(client.organizations.get(hiddenFrench), (e: unknown) => isNotFoundError(e));
  });
});
