/**
 * Stores public form submissions for editors. Nothing submitted is ever publicly readable;
 * the answer is a reference only. A filled honeypot is answered the same way and discarded.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Catalog } from '../../../catalog/catalog';
import { attestationsOf, validateApplication, validateSuggestion } from '../../../directory/forms';
import { validationError } from '../../../directory/errors';
import { APPLICATION, ORGANIZATION, SUGGESTION } from '../../../content-types';

const reference = (prefix: string) => `${prefix}-${randomBytes(6).toString('base64url').toUpperCase()}`;

const createForms = ({ strapi }: { strapi: Core.Strapi }) => ({
  async submitApplication(body: unknown, _ip: string) {
    const input = validateApplication(body);
    const ref = reference('APP');
    if (input.fax) return { status: 'received' as const, reference: ref };
    // An empty optional field is left out (Strapi's input types take undefined, not null; both store null).
    await strapi.documents(APPLICATION).create({
      data: {
        reference: ref,
        reviewStatus: 'received',
        locale: input.locale,
        organizationName: input.organizationName,
        kind: input.kind,
        role: input.role,
        provinces: input.provinces,
        description: input.description,
        services: input.services ?? undefined,
        website: input.website ?? undefined,
        email: input.email ?? undefined,
        phone: input.phone ?? undefined,
        contact: {
          name: input.contactName,
          title: input.contactTitle ?? undefined,
          email: input.contactEmail,
          phone: input.contactPhone ?? undefined,
        },
        attestations: { ...attestationsOf(input.attestations), attestedAt: new Date().toISOString().slice(0, 10) },
      },
    });
    return { status: 'received' as const, reference: ref };
  },

  async submitSuggestion(body: unknown, catalog: Catalog) {
    const input = validateSuggestion(body);
    // Only public records can be the subject: anything else reads exactly like a slug that does not exist.
    if (!catalog.bySlug.has(input.organization))
      throw validationError([{ path: 'organization', message: 'is not a listed organization' }], 'The form has errors');
    const ref = reference('SUG');
    if (input.fax) return { status: 'received' as const, reference: ref };
    const org = await strapi.documents(ORGANIZATION).findFirst({ filters: { slug: input.organization }, fields: ['documentId'] });
    await strapi.documents(SUGGESTION).create({
      data: {
        reference: ref,
        reviewStatus: 'new',
        locale: input.locale,
        organizationSlug: input.organization,
        organization: org?.documentId ?? undefined,
        field: input.field ?? undefined,
        message: input.message,
        contactEmail: input.contactEmail ?? undefined,
      },
    });
    return { status: 'received' as const, reference: ref };
  },
});

export type Forms = ReturnType<typeof createForms>;
export default createForms;
