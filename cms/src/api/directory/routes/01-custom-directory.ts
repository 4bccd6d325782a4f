/**
 * Public directory routes that go through Strapi's router: the forms and health. No
 * authentication. The public reads (organizations, organizations/:slug, facets, settings) are
 * answered by middlewares/directory-edge before the router, which also sets CORS, size limits,
 * rate limits and the error shape for all of /api/directory.
 */
const publicRoute = (method: 'GET' | 'POST', path: string, handler: string, controller = 'directory') => ({
  method,
  path: `/directory${path}`,
  handler: `api::directory.${controller}.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'content-api',
  routes: [
    publicRoute('POST', '/applications', 'submitApplication'),
    publicRoute('POST', '/suggestions', 'submitSuggestion'),
    publicRoute('GET', '/health', 'live', 'health'),
    publicRoute('GET', '/health/ready', 'ready', 'health'),
  ],
};
