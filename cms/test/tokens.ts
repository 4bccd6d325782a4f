import type { Core } from '@strapi/strapi';

/** Creates a Strapi API token and returns its secret (shown once, as in the admin). */
export async function createApiToken(
  strapi: Core.Strapi,
  name: string,
  type: 'read-only' | 'full-access' | 'custom',
  permissions: string[] = [],
): Promise<string> {
  const token = await strapi.service('admin::api-token').create({ name, type, permissions, lifespan: null, description: '' });
  return token.accessKey as string;
}

export const INTERNAL_ACTIONS = [
  'api::directory.internal.listOrganizations',
  'api::directory.internal.getOrganization',
  'api::directory.internal.listProtocols',
];
