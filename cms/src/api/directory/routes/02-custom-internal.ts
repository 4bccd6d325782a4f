/**
 * Internal staff routes. No `auth: false`: Strapi requires an API token (or a user JWT) whose
 * permissions include the action (e.g. `api::directory.internal.listOrganizations`).
 * 401 without a token, 403 with one that lacks the permission (see middlewares/directory-edge).
 */
const staffRoute = (path: string, handler: string) => ({
  method: 'GET' as const,
  path: `/internal${path}`,
  handler: `api::directory.internal.${handler}`,
  config: {},
});

export default {
  type: 'content-api',
  routes: [
    staffRoute('/organizations', 'listOrganizations'),
    staffRoute('/organizations/:slug', 'getOrganization'),
    staffRoute('/protocols', 'listProtocols'),
  ],
};
