/** What the fixtures imply about the public directory, computed from the visibility rule. */
import assert from 'node:assert/strict';
import type { ApplicationInput } from '@referral-directory/sdk';
import type { Fixtures, OrganizationFixture } from '../src/operations/fixtures';
import type { TestServer } from './harness';

export const isPublicFixture = (o: OrganizationFixture) => o.state.listingStatus === 'active' && o.state.publicConsent && o.state.published;

/** The slugs of the seeded organizations the public sees, and of those it must never see. */
export function fixtureSlugs(fixtures: Fixtures): { publicSlugs: string[]; privateSlugs: string[] } {
  const slugs = (keep: (o: OrganizationFixture) => boolean) => fixtures.organizations.filter(keep).map((o) => o.slug);
  return { publicSlugs: slugs(isPublicFixture), privateSlugs: slugs((o) => !isPublicFixture(o)) };
}

export async function json<T = any>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
}

/** GETs `pathAndQuery` and reads its JSON, asserting the status (the start of the body in the message). */
export async function getJson(
  server: TestServer,
  pathAndQuery: string,
  status = 200,
  init?: RequestInit,
): Promise<{ res: Response; body: any }> {
  const res = await server.get(pathAndQuery, init);
  const body = await json(res);
  assert.equal(res.status, status, `${pathAndQuery}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { res, body };
}

export function assertErrorShape(body: any, status: number): void {
  if (!body || typeof body !== 'object' || !body.error) throw new Error(`no error body: ${JSON.stringify(body)}`);
  const e = body.error;
  if (e.status !== status || typeof e.name !== 'string' || typeof e.message !== 'string' || !Array.isArray(e.details)) {
    throw new Error(`unexpected error shape: ${JSON.stringify(body)}`);
  }
  for (const d of e.details)
    if (typeof d.path !== 'string' || typeof d.message !== 'string') throw new Error(`bad detail ${JSON.stringify(d)}`);
  if (JSON.stringify(body).includes('    at ')) throw new Error('stack trace in body');
}

/** A valid application form body (French), with `over` merged in. */
export const application = (over: Record<string, unknown> = {}): ApplicationInput & Record<string, unknown> => ({
  locale: 'fr',
  organizationName: 'Refuge Test Étoile',
  kind: 'ngo',
  role: 'direct',
  provinces: ['QC', 'ON'],
  description: 'Hébergement et accompagnement pour survivantes.',
  website: 'https://refuge-test.example.org',
  email: 'info@refuge-test.example.org',
  phone: '+1-514-555-0199',
  contactName: 'Camille Test',
  contactEmail: 'camille@refuge-test.example.org',
  attestations: {
    survivorCentred: true,
    traumaInformed: true,
    nonDiscriminatory: true,
    clientSafety: true,
    dataProtection: true,
    goodStanding: true,
    regionalBestPractice: true,
  },
  ...over,
});
