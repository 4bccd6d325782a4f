/**
 * Internal staff routes. No `auth: false`: Strapi requires an API token (or a user JWT) whose
 * permissions include the action (e.g. `api::directory.internal.listOrganizations`).
 * 401 without a token, 403 with one that lacks the permission (see middlewares/directory-edge).
 */
import { staffRoute } from '../../../directory/routes';

const route = (path: string, handler: string) => staffRoute(`/internal${path}`, `api::directory.internal.${handler}`);

export default {
  type: 'content-api',
  routes: [
    route('/organizations', 'listOrganizations'),
    route('/organizations/:slug', 'getOrganization'),
    route('/protocols', 'listProtocols'),
  ],
};
