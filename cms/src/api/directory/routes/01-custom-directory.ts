/** Public directory routes: no authentication. CORS, size limits, rate limits and error shape: middlewares/directory-edge. */
const publicRoute = (method: 'GET' | 'POST', path: string, handler: string, controller = 'directory') => ({
  method,
  path: `/directory${path}`,
  handler: `api::directory.${controller}.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'content-api',
  routes: [
    publicRoute('GET', '/organizations', 'listOrganizations'),
    publicRoute('GET', '/organizations/:slug', 'getOrganization'),
    publicRoute('GET', '/facets', 'facets'),
    publicRoute('GET', '/settings', 'settings'),
    publicRoute('POST', '/applications', 'submitApplication'),
    publicRoute('POST', '/suggestions', 'submitSuggestion'),
    publicRoute('GET', '/health', 'live', 'health'),
    publicRoute('GET', '/health/ready', 'ready', 'health'),
  ],
};
