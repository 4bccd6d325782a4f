/** The OpenAPI document of the public directory API, served as committed (cms/openapi/directory.openapi.json). */
const publicRoute = (method: 'GET', path: string, handler: string) => ({
  method,
  path: `/directory${path}`,
  handler: `api::directory.openapi.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'content-api',
  routes: [
    publicRoute('GET', '/openapi.json', 'document'),
  ],
};
