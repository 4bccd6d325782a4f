/**
 * Custom content-API routes, each with its fully qualified handler. A public route takes no
 * authentication; a staff route needs an API token granting its action (Strapi's own check).
 */
type Handler = `api::${string}.${string}.${string}`;

export const publicRoute = (method: 'GET' | 'POST', path: string, handler: Handler) => ({
  method,
  path,
  handler,
  config: { auth: false as const },
});

export const staffRoute = (path: string, handler: Handler) => ({ method: 'GET' as const, path, handler, config: {} });
