/**
 * Public directory routes that go through Strapi's router: the forms and health. No
 * authentication. The public reads (organizations, organizations/:slug, facets, settings) are
 * answered by middlewares/directory-edge before the router, which also sets CORS, size limits,
 * rate limits and the error shape for all of /api/directory.
 */
import { publicRoute } from '../../../directory/routes';

const route = (method: 'GET' | 'POST', path: string, handler: string, controller = 'directory') =>
  publicRoute(method, `/directory${path}`, `api::directory.${controller}.${handler}`);

export default {
  type: 'content-api',
  routes: [
    route('POST', '/applications', 'submitApplication'),
    route('POST', '/suggestions', 'submitSuggestion'),
    route('GET', '/health', 'live', 'health'),
    route('GET', '/health/ready', 'ready', 'health'),
  ],
};
