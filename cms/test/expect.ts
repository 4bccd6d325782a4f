/** What the fixtures imply about the public directory, computed from the visibility rule. */
import type { ApplicationInput } from '@referral-directory/sdk';
import type { OrganizationFixture } from '../src/operations/fixtures';

export const isPublicFixture = (o: OrganizationFixture) =>
  o.state.listingStatus === 'active' && o.state.publicConsent && o.state.published;

export async function json<T = any>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
}

export function assertErrorShape(body: any, status: number): void {
  if (!body || typeof body !== 'object' || !body.error) throw new Error(`no error body: ${JSON.stringify(body)}`);
  const e = body.error;
  if (e.status !== status || typeof e.name !== 'string' || typeof e.message !== 'string' || !Array.isArray(e.details)) {
    throw new Error(`unexpected error shape: ${JSON.stringify(body)}`);
  }
  for (const d of e.details) if (typeof d.path !== 'string' || typeof d.message !== 'string') throw new Error(`bad detail ${JSON.stringify(d)}`);
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
    survivorCentred: true, traumaInformed: true, nonDiscriminatory: true, clientSafety: true,
    dataProtection: true, goodStanding: true, regionalBestPractice: true,
  },
  ...over,
});
