/**
 * The Open Referral HSDS 3.0 API: read-only, public, no authentication. CORS `*`, caching and the
 * error body come from middlewares/directory-edge (the /api/hsds prefix), the data from the public
 * catalog only (see src/hsds/api.ts).
 */
import { publicRoute } from '../../../directory/routes';

const route = (path: string, handler: string) => publicRoute('GET', `/hsds${path}`, `api::hsds.hsds.${handler}`);

export default {
  type: 'content-api',
  routes: [
    route('', 'index'),
    route('/', 'index'),
    route('/services', 'listServices'),
    route('/services/:id', 'getService'),
    route('/organizations', 'listOrganizations'),
    route('/organizations/:id', 'getOrganization'),
    route('/service_at_locations', 'listServiceAtLocations'),
    route('/service_at_locations/:id', 'getServiceAtLocation'),
    route('/taxonomies', 'listTaxonomies'),
    route('/taxonomies/:id', 'getTaxonomy'),
    route('/taxonomy_terms', 'listTaxonomyTerms'),
    route('/taxonomy_terms/:id', 'getTaxonomyTerm'),
    route('/deleted', 'listDeleted'),
    route('/openapi.json', 'openapi'),
    route('/profile', 'profile'),
    // The layout of the HSDS Profiles reference under the profile URI (<uri>/profile/, <uri>/schema/);
    // <uri>/<file> is kept for links made before.
    route('/profile/profile/:file', 'profileFile'),
    route('/profile/schema/:file', 'profileSchema'),
    route('/profile/:file', 'profileFile'),
  ],
};
