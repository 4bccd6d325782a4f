/** The OpenAPI document of the public directory API, served as committed (cms/openapi/directory.openapi.json). */
import { publicRoute } from '../../../directory/routes';

export default {
  type: 'content-api',
  routes: [publicRoute('GET', '/directory/openapi.json', 'api::directory.openapi.document')],
};
