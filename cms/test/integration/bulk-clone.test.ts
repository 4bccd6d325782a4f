import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FacetsResponse, OrganizationList, PublicOrganization } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture, json } from '../expect';
import type { OrganizationFixture } from '../../src/operations/fixtures';
import { generateOrganizations } from '../../scripts/lib/generate';
import { seedSynthetic, syntheticKey, type SyntheticReport } from '../../scripts/lib/bulk-clone';
import { ORGANIZATION as ORG } from '../../src/content-types';
import { documentTables } from '../../src/operations/bulk-tables';

const BASE = 30;
const TOTAL = 300;

/** What a document looks like once what differs between copies (ids, timestamps) is removed. */
const VOLATILE = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'localizations']);
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !VOLATILE.has(k))
        .map(([k, x]) => [k, strip(x)]),
    );
  }
  return v;
}
function renumber(v: unknown, from: string, to: string): unknown {
  if (typeof v === 'string') return v.split(from).join(to);
  if (Array.isArray(v)) return v.map((x) => renumber(x, from, to));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renumber(x, from, to)]));
  return v;
}

describe('bulk-cloned synthetic organizations', () => {
  let server: TestServer;
  let report: SyntheticReport;
  let base: OrganizationFixture[];
  const baseOf = (n: number) => base[(n - 1) % BASE]!;
  const docs = () => server.strapi.documents(ORG);
  const documentIdOf = async (n: number): Promise<string> => {
    const d = await docs().findFirst({ locale: 'en', status: 'draft', filters: { externalId: `synthetic-${syntheticKey(n)}` } });
    assert.ok(d, `synthetic-${syntheticKey(n)} exists`);
    return d.documentId;
  };
  const read = (documentId: string, locale: 'en' | 'fr', status: 'draft' | 'published') =>
    docs().findOne({ documentId, locale, status, populate: '*' }) as Promise<Record<string, any> | null>;
  const total = async (qs = '') =>
    (await json<OrganizationList>(await server.get(`/api/directory/organizations?pageSize=1${qs}`))).meta.total;
  const expectedPublic = (upTo: number) =>
    server.fixtures.organizations.filter(isPublicFixture).length +
    Array.from({ length: upTo }, (_, i) => baseOf(i + 1)).filter(isPublicFixture).length;

  before(async () => {
    server = await startServer({ seed: true });
    report = await seedSynthetic(server.strapi, { total: TOTAL, baseSize: BASE, fixtures: server.fixtures });
    await server.strapi.service('api::directory.projection').reload();
    base = generateOrganizations(BASE, server.fixtures.taxonomies);
  });
  after(async () => {
    await server?.stop();
  });

  test('writes the base through the Document Service and the rest as SQL copies, one document each', async () => {
    assert.equal(report.baseWritten, BASE);
    assert.equal(report.cloned?.documents, TOTAL - BASE);
    const plan = documentTables(server.strapi, ORG);
    const knex = server.strapi.db.connection;
    const rows = (await knex(plan.table)
      .select('document_id', 'external_id', 'slug', 'locale', 'published_at')
      .where('external_id', 'like', 'synthetic-%')) as Array<Record<string, any>>;
    const byExternal = new Map<string, Array<Record<string, any>>>();
    for (const r of rows) byExternal.set(r.external_id, [...(byExternal.get(r.external_id) ?? []), r]);
    assert.equal(byExternal.size, TOTAL);
    assert.equal(new Set(rows.map((r) => r.document_id)).size, TOTAL, 'one document per organization');
    for (let n = 1; n <= TOTAL; n++) {
      const key = `synthetic-${syntheticKey(n)}`;
      const list = byExternal.get(key)!;
      assert.ok(list, key);
      assert.equal(new Set(list.map((r) => r.document_id)).size, 1, `${key}: one document id`);
      assert.match(list[0]!.document_id, /^[a-z][a-z0-9]{23}$/);
      assert.ok(
        list.every((r) => r.slug === key),
        `${key}: slug`,
      );
      // Both locales, and a published version exactly when the base is published.
      const published = baseOf(n).state.published;
      assert.equal(list.length, published ? 4 : 2, `${key}: rows`);
      assert.deepEqual(new Set(list.map((r) => r.locale)), new Set(['en', 'fr']));
      assert.equal(list.filter((r) => r.published_at != null).length, published ? 2 : 0);
    }
  });

  test('the Document Service reads a cloned organization completely: components, relations, both locales, published', async () => {
    // One clone of each base record that is published.
    for (let n = BASE + 1; n <= 2 * BASE; n++) {
      const b = baseOf(n);
      if (!b.state.published) continue;
      const bKey = syntheticKey(((n - 1) % BASE) + 1);
      const key = syntheticKey(n);
      const [cloneId, baseId] = [await documentIdOf(n), await documentIdOf(((n - 1) % BASE) + 1)];
      for (const locale of ['en', 'fr'] as const) {
        for (const status of ['published', 'draft'] as const) {
          const clone = await read(cloneId, locale, status);
          const original = await read(baseId, locale, status);
          assert.ok(clone && original, `${key} ${locale} ${status}`);
          assert.equal(clone.locale, locale);
          assert.equal(clone.documentId, cloneId);
          if (status === 'published') assert.ok(clone.publishedAt, `${key} ${locale} published`);
          assert.equal(clone.slug, `synthetic-${key}`);
          assert.equal(clone.externalId, `synthetic-${key}`);
          assert.ok(clone.name.endsWith(` ${b.locations[0]!.city} ${key}`), `${clone.name}: city and number`);
          // Everything else is the base record, renumbered.
          const { name: _a, ...cloneRest } = strip(clone) as Record<string, unknown>;
          const { name: _b, ...baseRest } = renumber(strip(original), bKey, key) as Record<string, unknown>;
          assert.deepEqual(cloneRest, baseRest, `${key} ${locale} ${status} equals its base`);
          // …which is complete: components and relations are there.
          assert.equal(clone.locations.length, b.locations.length);
          assert.equal(clone.locations[0].city, b.locations[0]!.city);
          assert.equal(clone.phones.length, b.phones.length);
          assert.equal(clone.serviceAreas[0].province, b.serviceAreas[0]!.province);
          assert.equal(clone.designatedContact.name, `Contact ${key}`);
          assert.equal(clone.referralProtocol.warmTransfer, true);
          assert.ok(clone.directServices && clone.indirectOfferings);
          assert.deepEqual(clone.focusAreas.map((t: { code: string }) => t.code).sort(), [...b.focusAreas].sort());
          assert.deepEqual(clone.services.map((t: { code: string }) => t.code).sort(), [...b.services].sort());
          assert.deepEqual(clone.languages.map((t: { code: string }) => t.code).sort(), [...b.languages].sort());
          assert.deepEqual(clone.populations.map((t: { code: string }) => t.code).sort(), [...b.populations].sort());
        }
      }
    }
  });

  test('the public API counts exactly the copies of public base records', async () => {
    const expected = expectedPublic(TOTAL);
    assert.ok(expected > server.fixtures.organizations.filter(isPublicFixture).length + BASE);
    assert.equal(await total(), expected);
    assert.equal(await total('&locale=fr'), expected);
    const facets = await json<FacetsResponse>(await server.get('/api/directory/facets'));
    assert.equal(facets.meta.total, expected);
    for (const n of [BASE + 1, BASE + 2, BASE + 3, TOTAL - 1, TOTAL]) {
      const res = await server.get(`/api/directory/organizations/synthetic-${syntheticKey(n)}?locale=fr`);
      assert.equal(res.status, isPublicFixture(baseOf(n)) ? 200 : 404, `synthetic-${syntheticKey(n)}`);
      if (res.status === 200) {
        const { data } = await json<{ data: PublicOrganization }>(res);
        assert.ok(data.name.includes(syntheticKey(n)));
      } else await res.body?.cancel();
    }
    // Search sees the clones' own names.
    const n = Array.from({ length: TOTAL - BASE }, (_, i) => i + BASE + 1).find((k) => isPublicFixture(baseOf(k)))!;
    const found = await json<OrganizationList>(await server.get(`/api/directory/organizations?q=${syntheticKey(n)}`));
    assert.ok(
      found.data.some((o) => o.slug === `synthetic-${syntheticKey(n)}`),
      `search finds ${syntheticKey(n)}`,
    );
  });

  test('editing a clone through the Document Service works and leaves its base untouched', async () => {
    const n = Array.from({ length: TOTAL - BASE }, (_, i) => i + BASE + 1).find((k) => isPublicFixture(baseOf(k)))!;
    const b = ((n - 1) % BASE) + 1;
    const [cloneId, baseId] = [await documentIdOf(n), await documentIdOf(b)];
    const snapshot = async () => {
      const out: unknown[] = [];
      for (const locale of ['en', 'fr'] as const)
        for (const status of ['draft', 'published'] as const) out.push(await read(baseId, locale, status));
      return out;
    };
    const before = await snapshot();

    await docs().update({
      documentId: cloneId,
      locale: 'en',
      data: {
        name: `Edited clone ${syntheticKey(n)}`,
        phones: [
          { type: 'crisis', number: '+1-613-555-0199' },
          { type: 'voice', number: '+1-613-555-0100' },
        ],
        locations: [{ city: 'Kingston', province: 'ON', street: '1 Edited Street', confidential: false }],
        designatedContact: { name: 'Edited Contact' },
        focusAreas: [],
      },
    });
    await docs().publish({ documentId: cloneId, locale: '*' });

    const edited = await read(cloneId, 'en', 'published');
    assert.equal(edited?.name, `Edited clone ${syntheticKey(n)}`);
    assert.deepEqual(
      edited?.phones.map((p: { number: string }) => p.number),
      ['+1-613-555-0199', '+1-613-555-0100'],
    );
    assert.equal(edited?.locations[0].city, 'Kingston');
    assert.equal(edited?.designatedContact.name, 'Edited Contact');
    assert.deepEqual(edited?.focusAreas, []);
    const editedFr = await read(cloneId, 'fr', 'published');
    assert.equal(editedFr?.locations[0].city, 'Kingston', 'non-localized components follow in French');

    assert.deepEqual(await snapshot(), before, 'the base document is unchanged');
    const res = await server.get(`/api/directory/organizations/synthetic-${syntheticKey(n)}`);
    assert.equal(res.status, 200);
    assert.equal((await json<{ data: PublicOrganization }>(res)).data.name, `Edited clone ${syntheticKey(n)}`);

    // No component row belongs to two entity rows.
    const plan = documentTables(server.strapi, ORG);
    const shared = await server.strapi.db
      .connection(plan.cmps!.table)
      .select(plan.cmps!.typeColumn, plan.cmps!.cmpColumn)
      .count({ c: '*' })
      .groupBy(plan.cmps!.typeColumn, plan.cmps!.cmpColumn)
      .havingRaw('count(*) > 1');
    assert.deepEqual(shared, []);
  });

  test('seeding again adds only what is missing', async () => {
    const again = await seedSynthetic(server.strapi, { total: TOTAL, baseSize: BASE, fixtures: server.fixtures });
    assert.equal(again.existing, TOTAL);
    assert.equal(again.baseWritten, 0);
    assert.equal(again.cloned, null);
    const more = await seedSynthetic(server.strapi, { total: TOTAL + 10, baseSize: BASE, fixtures: server.fixtures });
    assert.equal(more.existing, TOTAL);
    assert.equal(more.baseWritten, 0);
    assert.equal(more.cloned?.documents, 10);
    await server.strapi.service('api::directory.projection').reload();
    assert.equal(await total(), expectedPublic(TOTAL + 10));
  });
});
