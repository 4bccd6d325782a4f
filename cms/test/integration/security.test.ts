/**
 * Leak tests. Canaries go into every confidential field, and into every field of every record
 * that must not be public; then every public endpoint is crawled with every filter value, sort
 * and locale, and random queries are thrown at it. No canary may come back, anywhere.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FacetsResponse, OrganizationList } from '@referral-directory/sdk';
import { FILTER_NAMES, SORTS } from '@referral-directory/sdk';
import { startServer, type TestServer } from '../harness';
import { isPublicFixture, json } from '../expect';
import { readFixtures, type Fixtures, type OrganizationFixture } from '../../src/operations/fixtures';
import { ORGANIZATION } from '../../src/content-types';

const CANARY = 'cnry';
const PHONE_CANARY = '999-555';
let n = 0;
const canary = () => `${CANARY}${(n++).toString(36).padStart(4, '0')}`;
const canaryEmail = () => `${canary()}@example.org`;
const canaryPhone = () => `+1-${PHONE_CANARY}-${String(n++ % 10000).padStart(4, '0')}`;

function poisonInternal(o: OrganizationFixture): void {
  const person = () => ({ name: canary(), title: canary(), email: canaryEmail(), phone: canaryPhone() });
  o.internal = {
    designatedContact: person(),
    keyStaff: [person(), person()],
    internalPhones: [{ type: 'voice', number: canaryPhone(), extension: '1', labelEn: canary(), labelFr: canary() }],
    internalEmail: canaryEmail(),
    referralProtocol: {
      warmTransfer: true,
      conferenceCall: true,
      byPhone: true,
      byChat: true,
      byEmail: true,
      intakeHours: canary(),
      afterHours: canary(),
      eligibilityNotes: canary(),
    },
    capacityNotes: canary(),
    safetyNotes: canary(),
    internalNotes: canary(),
  };
  o.state = {
    ...o.state,
    consentBy: canary(),
    statusNote: canary(),
    lastVerifiedBy: canary(),
    contactAttempts: [{ at: '2026-01-01T00:00:00.000Z', method: 'phone', outcome: 'no_answer', notes: canary() }],
  };
  for (const l of o.locations)
    if (l.confidential) {
      l.street = canary();
      l.postalCode = canary();
      l.name = canary();
    }
}

function poisonEverything(o: OrganizationFixture): void {
  poisonInternal(o);
  for (const locale of ['en', 'fr'] as const) {
    o[locale] = {
      name: canary(),
      otherNames: [canary()],
      description: canary(),
      eligibility: canary(),
      fees: canary(),
      hoursNotes: canary(),
      accessibility: canary(),
    };
  }
  o.email = canaryEmail();
  o.website = `https://${canary()}.example.org`;
  o.phones = [{ type: 'crisis', number: canaryPhone(), extension: null, labelEn: canary(), labelFr: canary() }];
  o.locations = o.locations.map((l) => ({ ...l, name: canary(), street: canary(), city: canary(), postalCode: canary() }));
  o.serviceAreas = o.serviceAreas.map((a) => ({ ...a, regions: [canary()], regionsFr: [canary()] }));
}

function poisonedFixtures(): Fixtures {
  const f = readFixtures();
  // A public record's slug is public; a hidden record's slug gets a canary too.
  for (const o of f.organizations) {
    if (isPublicFixture(o)) poisonInternal(o);
    else {
      poisonEverything(o);
      o.slug = `${canary()}-${o.slug}`.slice(0, 80);
    }
  }
  for (const p of f.protocols) {
    p.agency = canary();
    p.area = canary();
    p.protocol = canary();
    p.capacityNotes = canary();
    p.operationalNotes = canary();
    p.contacts = p.contacts.map(() => ({
      name: canary(),
      rank: canary(),
      unit: canary(),
      phone: canaryPhone(),
      email: canaryEmail(),
      role: canary(),
      active: true,
    }));
  }
  for (const a of f.applications) {
    a.organizationName = canary();
    a.description = canary();
    a.contact = { name: canary(), title: canary(), email: canaryEmail(), phone: canaryPhone() };
  }
  for (const s of f.suggestions) {
    s.message = canary();
    s.contactEmail = canaryEmail();
  }
  // Synonyms that tie confidential words (and a hidden record's name) to a harmless public alias.
  const target = f.organizations.find(isPublicFixture)!;
  const hidden = f.organizations.find((o) => !isPublicFixture(o))!;
  f.searchSynonyms.push({
    terms: [target.internal.internalNotes!, target.internal.designatedContact!.name, 'qqaliasword'],
    note: canary(),
  });
  f.searchSynonyms.push({ terms: [hidden.en.name, 'qqhiddenalias'], note: null });
  return f;
}

function assertClean(where: string, res: Response, body: string): void {
  const headers = JSON.stringify([...res.headers]);
  for (const c of [CANARY, PHONE_CANARY]) {
    assert.ok(
      !body.includes(c),
      `${where}: canary "${c}" in body: …${body.slice(Math.max(0, body.indexOf(c) - 80), body.indexOf(c) + 40)}…`,
    );
    assert.ok(!headers.includes(c), `${where}: canary in headers`);
  }
}

describe('the public API never leaks', () => {
  let server: TestServer;
  let requests = 0;
  const crawl = async (path: string): Promise<{ status: number; body: string }> => {
    const res = await server.get(path);
    const body = await res.text();
    requests++;
    assertClean(path, res, body);
    return { status: res.status, body };
  };

  /** A public record whose French version was deleted: half-translated, so public in neither locale. */
  let halfTranslated: OrganizationFixture;
  const isServed = (o: OrganizationFixture) => isPublicFixture(o) && o.slug !== halfTranslated.slug;

  before(async () => {
    server = await startServer({ fixtures: poisonedFixtures() });
    assert.deepEqual(server.seedReport?.rejected, []);
    halfTranslated = server.fixtures.organizations.filter(isPublicFixture).at(-1)!;
    const docs = server.strapi.documents(ORGANIZATION);
    const doc = await docs.findFirst({ filters: { slug: halfTranslated.slug } });
    await docs.delete({ documentId: doc!.documentId, locale: 'fr' });
  });
  after(async () => {
    await server?.stop();
  });

  test('no canary in any list, detail, facet or settings response, for every filter value, sort and locale', async () => {
    const facets = JSON.parse((await crawl('/api/directory/facets')).body) as FacetsResponse;
    for (const locale of ['en', 'fr']) {
      await crawl(`/api/directory/settings?locale=${locale}`);
      for (const sort of SORTS) await crawl(`/api/directory/organizations?locale=${locale}&sort=${sort}&pageSize=100`);
      for (const name of FILTER_NAMES) {
        for (const f of facets.data[name]) {
          await crawl(`/api/directory/organizations?locale=${locale}&${name}=${f.value}&pageSize=100`);
          await crawl(`/api/directory/facets?locale=${locale}&${name}=${f.value}`);
        }
      }
      for (const o of server.fixtures.organizations) {
        const { status } = await crawl(`/api/directory/organizations/${encodeURIComponent(o.slug)}?locale=${locale}`);
        assert.equal(status, isServed(o) ? 200 : 404, o.slug);
      }
      // Searching for a hidden record's own words finds nothing.
      for (const o of server.fixtures.organizations.filter((x) => !isPublicFixture(x)).slice(0, 10)) {
        const list = JSON.parse(
          (await crawl(`/api/directory/organizations?locale=${locale}&q=${encodeURIComponent(o.en.name)}`)).body,
        ) as OrganizationList;
        assert.equal(list.meta.total, 0);
      }
      for (const word of ['cnry', 'designated', 'internal', 'protocol'])
        await crawl(`/api/directory/organizations?q=${word}&locale=${locale}`);
    }
    assert.ok(requests > 200, `crawled ${requests} responses`);
  });

  test('a word found only in confidential fields or hidden records matches nothing, directly, mistyped or through a synonym', async () => {
    for (const o of server.fixtures.organizations.filter(isPublicFixture)) {
      const i = o.internal;
      const words = [
        i.internalNotes,
        i.capacityNotes,
        i.safetyNotes,
        i.designatedContact?.name,
        i.referralProtocol?.eligibilityNotes,
        o.state.statusNote,
        o.state.contactAttempts?.[0]?.notes,
        ...o.locations.filter((l) => l.confidential).map((l) => l.street),
      ];
      for (const word of words.filter((w): w is string => typeof w === 'string').slice(0, 4)) {
        // The word itself, and with one letter changed (typo tolerance must not reach it either).
        for (const q of [word, `${word.slice(0, -1)}x`]) {
          const res = await server.get(`/api/directory/organizations?q=${encodeURIComponent(q)}`);
          const body = await json(res);
          assert.equal(body.meta.total, 0, `${o.slug}: "${q}" found ${body.meta.total}`);
          const facets = await json(await server.get(`/api/directory/facets?q=${encodeURIComponent(q)}`));
          assert.equal(facets.meta.total, 0);
        }
      }
    }
    for (const alias of ['qqaliasword', 'qqhiddenalias']) {
      const { body } = await crawl(`/api/directory/organizations?q=${alias}`);
      assert.equal((JSON.parse(body) as OrganizationList).meta.total, 0, alias);
    }
  });

  test('filtering or sorting on a confidential field is refused exactly like any unknown key', async () => {
    const shape = async (qs: string) => {
      const res = await server.get(`/api/directory/organizations?${qs}`);
      const body = await json(res);
      return {
        status: res.status,
        name: body.error.name,
        message: body.error.message,
        details: body.error.details.map((d: { message: string }) => d.message),
      };
    };
    const unknown = await shape('zzzz=x');
    for (const field of ['internalNotes', 'listingStatus', 'publicConsent', 'designatedContact', 'capacityNotes']) {
      assert.deepEqual(await shape(`${field}=x`), unknown, field);
    }
    assert.deepEqual((await shape('sort=internalNotes')).status, 400);
  });

  test('two records that differ only in confidential fields give identical public responses', async () => {
    const target = server.fixtures.organizations.find(isPublicFixture)!;
    const queries = [
      `/api/directory/organizations/${target.slug}`,
      `/api/directory/organizations/${target.slug}?locale=fr`,
      '/api/directory/organizations?pageSize=100',
      '/api/directory/facets',
      `/api/directory/organizations?q=${encodeURIComponent(target.en.name)}`,
      '/api/directory/organizations?sort=-lastVerified&pageSize=100',
    ];
    const before = await Promise.all(queries.map(async (q) => (await server.get(q)).text()));
    const docs = server.strapi.documents(ORGANIZATION);
    const doc = await docs.findFirst({ filters: { slug: target.slug } });
    await docs.update({
      documentId: doc!.documentId,
      locale: 'en',
      data: {
        internalNotes: 'changed',
        capacityNotes: 'full',
        safetyNotes: 'changed',
        consentBy: 'someone else',
        designatedContact: { name: 'Other Person', email: 'other@example.org' },
      },
    });
    await docs.publish({ documentId: doc!.documentId, locale: '*' });
    const afterwards = await Promise.all(queries.map(async (q) => (await server.get(q)).text()));
    // updatedAt moves with a publish, so compare with it removed.
    const strip = (s: string) => s.replace(/"updatedAt":"[^"]*"/g, '');
    assert.deepEqual(afterwards.map(strip), before.map(strip));
  });

  test('random query strings never yield a 5xx and never a canary', async () => {
    const keys = fc.constantFrom(
      'q',
      'province',
      'focus',
      'service',
      'timeframe',
      'need',
      'population',
      'language',
      'role',
      'type',
      'locale',
      'page',
      'pageSize',
      'sort',
      'internalNotes',
      'populate',
      'filters[name][$contains]',
      'status',
      '__proto__',
      'constructor',
    );
    const values = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('QC', 'ON', 'fr', 'en', '1', '0', '-1', '1e9', 'direct', 'Montréal', '%', '[]', '{}'),
      fc.string({ unit: 'binary', maxLength: 10 }),
    );
    const paths = fc.constantFrom('/api/directory/organizations', '/api/directory/facets', '/api/directory/settings');
    await fc.assert(
      fc.asyncProperty(paths, fc.array(fc.tuple(keys, values), { maxLength: 6 }), async (path, pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const res = await server.get(`${path}?${qs}`);
        const body = await res.text();
        assert.ok(res.status < 500, `${path}?${qs} → ${res.status} ${body.slice(0, 200)}`);
        assert.ok([200, 400].includes(res.status), `${path}?${qs} → ${res.status}`);
        assertClean(`${path}?${qs}`, res, body);
      }),
      { numRuns: 300 },
    );
  });

  test('random slugs never yield a 5xx and never a canary', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom(...server.fixtures.organizations.map((o) => o.slug))),
        async (slug) => {
          const res = await server.get(`/api/directory/organizations/${encodeURIComponent(slug)}`);
          const body = await res.text();
          assert.ok(res.status < 500, `${slug} → ${res.status}`);
          assertClean(slug, res, body);
        },
      ),
      { numRuns: 150 },
    );
  });
});
